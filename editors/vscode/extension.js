// Minimal VS Code client for the gia-lint language server (`gia-lint --lsp --stdio`).
// Everything else (linting, fixes, directives, hover) is the server's; see README "Editor integration (LSP)".
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { workspace, window } = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

/**
 * The server to run: the `gia-lint.path` setting, else the workspace's own gia-lint (the version and
 * plugins the project pins), else the server bundled in this extension (server/lsp/server.cjs, run
 * by VS Code's own Node: nothing needs to be installed).
 */
function serverOptions(context) {
  const configured = workspace.getConfiguration('gia-lint').get('path');
  const local = (workspace.workspaceFolders ?? [])
    .map((f) => path.join(f.uri.fsPath, 'node_modules', 'gia-lint', 'bin', 'gia-lint.js'))
    .find((p) => fs.existsSync(p));
  const target = configured || local;
  // TransportKind.stdio makes the client add --stdio.
  // A .js entry runs with the node on PATH (gia-lint needs Node ≥ 20.18.1, newer than some editors bundle).
  if (target && target.endsWith('.js')) return { command: 'node', args: [target, '--lsp'], transport: TransportKind.stdio };
  if (target) return { command: target, args: ['--lsp'], transport: TransportKind.stdio };
  const bundled = context.asAbsolutePath(path.join('server', 'lsp', 'server.cjs'));
  if (fs.existsSync(bundled)) return { module: bundled, transport: TransportKind.stdio };
  return { command: 'gia-lint', args: ['--lsp'], transport: TransportKind.stdio };
}

exports.activate = async function activate(context) {
  const server = serverOptions(context);
  const described = server.module ? server.module : `${server.command} ${server.args.join(' ')}`;
  const clientOptions = {
    documentSelector: ['markdown', 'html', 'plaintext'].flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    initializationOptions: workspace.getConfiguration('gia-lint'),
    // The server asks for the `gia-lint` section (workspace/configuration) and reloads on changes.
    synchronize: { configurationSection: 'gia-lint' },
  };
  client = new LanguageClient('gia-lint', 'gia-lint', server, clientOptions);
  try {
    await client.start();
  } catch (e) {
    window.showErrorMessage(`gia-lint: cannot start "${described}": ${e.message}. Set gia-lint.path.`);
  }
  context.subscriptions.push({ dispose: () => client && client.stop() });
};

exports.deactivate = function deactivate() {
  return client ? client.stop() : undefined;
};
