import { readFileSync } from 'node:fs';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  ProposedFeatures,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { CONFIG_FILE_NAMES } from '../config/load.js';
import { codeActions, FIX_ALL_KIND } from './actions.js';
import { hoverAt } from './hover.js';
import { ui } from './messages.js';
import { LspSession, SETTINGS_SECTION } from './session.js';
import { redirectConsole, reserveStdout } from './stdio.js';
import { singleExecutable } from '../single-executable.js';
import { reframe } from './framing.js';

export { SETTINGS_SECTION } from './session.js';

export interface ServerOptions {
  /** Streams to talk over; default stdin/stdout (with stdout reserved for JSON-RPC). */
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

/**
 * The gia-lint language server: lints the editor's unsaved buffers of Markdown, HTML and plain
 * text with the CLI's engine and config, and offers fixes, suggestions, disable directives and
 * rule explanations. Over stdio nothing but JSON-RPC reaches stdout: console output and stray
 * stdout writes go to the client's log. The session (src/lsp/session.ts) holds the state; this
 * file wires the protocol to it.
 */
export function startServer(options: ServerOptions = {}): Connection {
  const stdio = !options.input && !options.output;
  const output = options.output ?? reserveStdout();
  // Broken frames are skipped (one line each in the editor's log) instead of stalling the reader.
  const input = reframe(options.input ?? process.stdin, (line) => process.stderr.write(`${line}\n`));
  const connection = createConnection(ProposedFeatures.all, input, output);
  if (stdio) redirectConsole(connection);

  const session = new LspSession(connection);
  onLifecycle(connection, session);
  onConfigChanges(connection, session);
  onDocuments(connection, session);
  onRequests(connection, session);

  session.documents.listen(connection);
  connection.listen();
  return connection;
}

/** initialize (capabilities offered), initialized (registrations, settings pulled), shutdown. */
function onLifecycle(connection: Connection, session: LspSession): void {
  connection.onInitialize((params): InitializeResult => {
    session.initialize(params);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        hoverProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'gia-lint', version: packageVersion() },
    };
  });

  connection.onInitialized(async () => {
    const workspace = session.capabilities.workspace;
    connection.console.info(`gia-lint ${packageVersion()} language server (node ${process.version}); workspace: ${session.roots.join(', ') || '(none)'}`);
    for (const p of session.pendingProblems) session.showOnce(MessageType.Warning, `${ui.settingsProblem(session.settingsLocale)}${p}`);
    session.pendingProblems = [];
    if (workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: CONFIG_FILE_NAMES.map((name) => ({ globPattern: `**/${name}` })),
      });
    }
    if (workspace?.didChangeConfiguration?.dynamicRegistration) {
      await connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    }
    if (workspace?.configuration) {
      await session.refreshSettings();
      session.relintAll();
    }
    if (workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(async (e) => {
        await session.changeRoots(
          e.removed.map((f) => f.uri),
          e.added.map((f) => f.uri),
        );
        session.relintAll();
      });
    }
  });

  connection.onShutdown(() => {
    session.scheduler.dispose();
  });
}

/** Settings pushed or to pull, and config files changed on disk or saved in the editor: every open document is linted again. */
function onConfigChanges(connection: Connection, session: LspSession): void {
  connection.onDidChangeConfiguration(async (change) => {
    const pushed = (change.settings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
    // Pull clients send an empty notification and are asked again; push clients send the section.
    await session.refreshSettings(pushed ?? undefined);
    session.forgetShown();
    session.relintAll();
  });

  connection.onDidChangeWatchedFiles((change) => {
    const configChanged = change.changes.some((c) => isConfigFile(c.uri));
    if (!configChanged) return;
    connection.console.info(`config changed (${change.changes.map((c) => c.uri).join(', ')}): relinting open documents`);
    session.service.invalidate();
    // A fixed .gianrc may break again later: let that be announced again.
    session.forgetShown();
    session.relintAll();
  });

  session.documents.onDidSave((e) => {
    // Clients without file watching still tell us when a config opened in the editor is saved.
    if (isConfigFile(e.document.uri)) {
      session.service.invalidate();
      session.forgetShown();
      session.relintAll();
    }
  });
}

/** Open, change and close: lint on change (at once for a document just opened), clear on close. */
function onDocuments(connection: Connection, session: LspSession): void {
  const { documents, scheduler, opened } = session;
  // didOpen fires onDidOpen and then onDidChangeContent; the content event schedules the lint.
  documents.onDidOpen((e) => opened.add(e.document.uri));
  documents.onDidChangeContent((e) => scheduler.schedule(e.document.uri, opened.delete(e.document.uri)));
  documents.onDidClose((e) => {
    opened.delete(e.document.uri);
    scheduler.cancel(e.document.uri);
    session.outcomes.delete(e.document.uri);
    session.service.forget(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
}

/** Code actions and hover, answered from the outcome of the document's current version. */
function onRequests(connection: Connection, session: LspSession): void {
  const { service } = session;
  connection.onCodeAction(async (params, token) => {
    const found = await session.current(params.textDocument.uri);
    if (!found || token.isCancellationRequested || found.outcome.problem) return [];
    return codeActions({
      doc: found.doc,
      outcome: found.outcome,
      range: params.range,
      diagnostics: params.context.diagnostics,
      only: params.context.only,
      diagnosticContext: { uri: found.doc.uri, rules: service.describedRules, docsBaseUrl: service.docsBaseFor(found.outcome) },
      documentChanges: session.capabilities.workspace?.workspaceEdit?.documentChanges === true,
      fixAll: () => service.fixAll(found.outcome),
    });
  });

  connection.onHover(async (params, token) => {
    const found = await session.current(params.textDocument.uri);
    if (!found || token.isCancellationRequested) return null;
    return hoverAt(found.outcome, params.position, service.describedRules, service.docsBaseFor(found.outcome));
  });
}

function isConfigFile(uri: string): boolean {
  return CONFIG_FILE_NAMES.some((n) => uri.endsWith(`/${n}`));
}

function packageVersion(): string {
  if (singleExecutable) return singleExecutable.version;
  try {
    // Same relative place from src/lsp (tests) and dist/lsp (installed).
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}
