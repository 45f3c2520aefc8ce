import { afterAll, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { LspClient } from '../lsp/client.js';
import { removeTempTrees, tempTree } from '../config/tmp.js';
import { generateReport } from '../support/generate.js';

/**
 * `npm run package:vscode` (scripts/package-vscode.mjs) builds a .vsix that carries the language
 * server. The test unpacks it, checks what it ships, and starts the bundled server entry over stdio
 * (as VS Code does; `code` itself is not needed) on a workspace whose .gianrc loads the example
 * plugin from the workspace's node_modules: diagnostics come back, the plugin's among them, the
 * server's log names the plugin it loaded, and a traditional-script draft is read in simplified
 * characters (OpenCC is inside the server bundle). About 2 s of CPU, 6 s wall-clock here.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PKG = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string; repository: unknown };

let client: LspClient | undefined;
afterAll(() => {
  if (client && client.child.exitCode === null) client.child.kill();
  removeTempTrees();
});

test('the .vsix bundles the server, which lints a workspace over stdio', async () => {
  const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts/package-vscode.mjs')], { cwd: ROOT, encoding: 'utf8' });
  expect({ code: built.status, stderr: built.stderr }).toEqual({ code: 0, stderr: '' });
  const vsix = path.join(ROOT, `build/gia-lint-vscode-${PKG.version}.vsix`);

  const zip = await JSZip.loadAsync(readFileSync(vsix));
  const names = Object.keys(zip.files);
  for (const f of ['extension/package.json', 'extension/dist/extension.js', 'extension/server/lsp/server.cjs', 'extension/docs/rules/table-sum.md']) {
    expect(names).toContain(f);
  }
  expect(names.some((n) => /^extension\/LICENSE(\.txt)?$/.test(n))).toBe(true);
  expect(names.filter((n) => n.includes('node_modules') || n.endsWith('.map'))).toEqual([]);
  const manifest = JSON.parse(await zip.file('extension/package.json')!.async('string'));
  expect(manifest).toMatchObject({ version: PKG.version, main: './dist/extension.js', license: 'MIT', repository: PKG.repository });

  // Unpacked where nothing else of gia-lint is: the server must be self-contained.
  const unpacked = tempTree();
  for (const name of names.filter((n) => !zip.files[n].dir)) {
    const target = path.join(unpacked, name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, await zip.file(name)!.async('nodebuffer'));
  }
  const workspace = tempTree({ '.gianrc': { plugins: ['local-rules'], extends: ['gia-lint:recommended', 'plugin:local-rules/recommended'] } });
  cpSync(path.join(ROOT, 'examples/plugin-local-rules'), path.join(workspace, 'node_modules/gia-lint-plugin-local-rules'), { recursive: true });

  client = new LspClient(process.execPath, [path.join(unpacked, 'extension/server/lsp/server.cjs'), '--stdio'], { cwd: workspace });
  const init = await client.request('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(workspace).href,
    workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'ws' }],
    capabilities: { textDocument: { publishDiagnostics: { codeDescriptionSupport: true } } },
  });
  expect(init.serverInfo).toMatchObject({ name: 'gia-lint', version: PKG.version });
  client.notify('initialized', {});

  const text = generateReport({ year: 2024, format: 'md', signDate: '2025年1月28日' }).replace(
    '统计期限自2024年1月1日起至2024年12月31日止',
    '统计期限自2023年1月1日起至2023年12月31日止',
  );
  const uri = pathToFileURL(path.join(workspace, 'draft.md')).href;
  const published = client.diagnostics(uri);
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const { diagnostics } = await published;
  const codes = diagnostics.map((d: { code: string }) => d.code);
  expect(codes).toContain('statistics-period');
  expect(codes).toContain('local-rules/province-deadline');
  // The built-in rule's link opens the page shipped in the extension.
  const link = diagnostics.find((d: { code: string }) => d.code === 'statistics-period').codeDescription.href;
  expect(link).toBe(pathToFileURL(path.join(unpacked, 'extension/docs/rules/statistics-period.md')).href);
  // A plugin rule links to its own page (meta.docs.url).
  expect(diagnostics.find((d: { code: string }) => d.code === 'local-rules/province-deadline').codeDescription.href).toBe(
    'https://github.com/gia-lint/gia-lint/blob/main/examples/plugin-local-rules/docs/province-deadline.md',
  );
  const logged = client.notifications.filter((n) => n.method === 'window/logMessage').map((n) => n.params.message);
  expect(logged.some((m: string) => m.startsWith('plugin local-rules loaded from ') && m.includes('node_modules'))).toBe(true);

  // A 繁體 draft without its part 六: a report (not 'not-a-report') only when read converted.
  const traditionalUri = pathToFileURL(path.join(workspace, 'traditional.md')).href;
  const traditional = readFileSync(path.join(ROOT, 'test/cases/required-sections/traditional-script-missing-part.md'), 'utf8');
  const publishedTraditional = client.diagnostics(traditionalUri);
  client.notify('textDocument/didOpen', { textDocument: { uri: traditionalUri, languageId: 'markdown', version: 1, text: traditional } });
  const traditionalDiagnostics = (await publishedTraditional).diagnostics as { code: string; range: { start: { line: number } } }[];
  expect(traditionalDiagnostics.find((d) => d.code === 'required-sections')?.range.start.line).toBe(80);
  expect(traditionalDiagnostics.map((d) => d.code)).not.toContain('not-a-report');

  await client.request('shutdown', null);
  client.notify('exit', null);
  expect(await client.exited).toBe(0);
}, 120_000);
