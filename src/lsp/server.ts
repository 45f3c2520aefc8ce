import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { format as formatArgs } from 'node:util';
import {
  CodeActionKind,
  createConnection,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAMES } from '../config/load.js';
import type { Locale } from '../engine/types.js';
import { codeActions, FIX_ALL_KIND } from './actions.js';
import { documentFormat, SOURCE, toDiagnostic, uriToPath } from './convert.js';
import { hoverAt } from './hover.js';
import { ui } from './messages.js';
import { LintScheduler } from './scheduler.js';
import { LintService, type LintOutcome } from './service.js';
import { mergeRawSettings, parseSettings } from './settings.js';
import { singleExecutable } from '../single-executable.js';
import { reframe } from './framing.js';

/** Lints of the first document, results discarded, that bring the engine's hot paths to JIT speed. */
const WARM_UP_RUNS = 3;

/** The `workspace/configuration` section and the key of pushed `didChangeConfiguration` settings. */
export const SETTINGS_SECTION = 'gia-lint';

export interface ServerOptions {
  /** Streams to talk over; default stdin/stdout (with stdout reserved for JSON-RPC). */
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

/**
 * The gia-lint language server: lints the editor's unsaved buffers of Markdown, HTML and plain
 * text with the CLI's engine and config, and offers fixes, suggestions, disable directives and
 * rule explanations. Over stdio nothing but JSON-RPC reaches stdout: console output and stray
 * stdout writes go to the client's log.
 */
export function startServer(options: ServerOptions = {}): Connection {
  const stdio = !options.input && !options.output;
  const output = options.output ?? reserveStdout();
  // Broken frames are skipped (one line each in the editor's log) instead of stalling the reader.
  const input = reframe(options.input ?? process.stdin, (line) => process.stderr.write(`${line}\n`));
  const connection = createConnection(ProposedFeatures.all, input, output);
  if (stdio) redirectConsole(connection);

  const documents = new TextDocuments(TextDocument);
  const service = new LintService();
  service.log = (text) => connection.console.info(text);
  /** Latest published outcome per document (what code actions and hover work from). */
  const outcomes = new Map<string, LintOutcome>();
  let capabilities: ClientCapabilities = {};
  let initOptions: unknown;
  let roots: string[] = [];
  let pulledSettings: unknown;
  /** Window messages already shown, so a broken .gianrc is announced once, not on every keystroke. */
  const shown = new Set<string>();
  let settingsLocale: Locale = 'zh-CN';
  let pendingProblems: string[] = [];
  /** Documents just opened: their first lint runs at once, even with a quiet time set. */
  const opened = new Set<string>();

  const showOnce = (type: MessageType, text: string) => {
    if (shown.has(text)) return;
    shown.add(text);
    void connection.sendNotification('window/showMessage', { type, message: text });
  };

  const lintableDocument = (uri: string) => {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const filePath = uriToPath(uri);
    const format = documentFormat(doc.languageId, filePath, uri);
    return format ? { doc, filePath, format } : undefined;
  };

  const scheduler = new LintScheduler<LintOutcome>(
    async (uri, token) => {
      const target = lintableDocument(uri);
      if (!target) return undefined;
      const { doc, filePath, format } = target;
      return service.lint({ uri, version: doc.version, text: doc.getText(), format, filePath }, token);
    },
    (uri, outcome) => {
      publish(uri, outcome);
      if (!warmedUp) {
        warmedUp = true;
        warmUp(uri, WARM_UP_RUNS);
      }
    },
    () => service.current.debounceMs,
    (uri, error) => {
      connection.console.error(`${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      showOnce(MessageType.Error, `${ui.internal(settingsLocale)}${error instanceof Error ? error.message : String(error)}`);
    },
  );

  /**
   * The first edits of a session would run on a cold JIT (several times slower than later ones):
   * after the first document is linted, lint it a few more times while the editor is idle, the
   * results discarded. Warmth is per process, so this happens once.
   */
  let warmedUp = false;
  function warmUp(uri: string, runs: number): void {
    if (runs === 0) return;
    setImmediate(() => {
      const target = lintableDocument(uri);
      if (!target || scheduler.busy(uri)) return;
      const { doc, filePath, format } = target;
      void service
        .lint({ uri, version: doc.version, text: doc.getText(), format, filePath })
        .then(() => warmUp(uri, runs - 1), () => undefined);
    });
  }

  function publish(uri: string, outcome: LintOutcome): void {
    // Never publish for a version the editor no longer has.
    const doc = documents.get(uri);
    if (!doc || doc.version !== outcome.version) return;
    outcomes.set(uri, outcome);
    const ctx = { uri, rules: service.describedRules, docsBaseUrl: service.docsBaseFor(outcome) };
    let diagnostics: Diagnostic[];
    if (outcome.error) connection.console.error(`${uri}: ${outcome.error instanceof Error ? (outcome.error.stack ?? outcome.error.message) : String(outcome.error)}`);
    if (outcome.problem) {
      showOnce(outcome.problem.kind === 'config' ? MessageType.Error : MessageType.Warning, outcome.problem.kind === 'config' ? `${ui.configProblem(outcome.locale)}${outcome.problem.message}` : outcome.problem.message);
      // One diagnostic at 1:1, so the reason is also where the user looks.
      const severity = outcome.problem.kind === 'config' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
      diagnostics = [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity, source: SOURCE, message: outcome.problem.message }];
    } else {
      diagnostics = outcome.messages.map((m) => toDiagnostic(m, ctx));
    }
    void connection.sendDiagnostics({ uri, version: outcome.version, diagnostics });
  }

  /** The outcome for the document's current version: the published one, or a lint right now. */
  async function current(uri: string): Promise<{ doc: TextDocument; outcome: LintOutcome } | undefined> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const doc = documents.get(uri);
      if (!doc) return undefined;
      const known = outcomes.get(uri);
      if (known && known.version === doc.version && !scheduler.busy(uri)) return { doc, outcome: known };
      const outcome = await scheduler.now(uri);
      const after = documents.get(uri);
      if (outcome && after && after.version === outcome.version) return { doc: after, outcome };
    }
    return undefined;
  }

  function relintAll(): void {
    for (const doc of documents.all()) scheduler.schedule(doc.uri, true);
  }

  async function refreshSettings(pushed?: unknown): Promise<void> {
    if (pushed !== undefined) pulledSettings = pushed;
    else if (capabilities.workspace?.configuration) {
      try {
        [pulledSettings] = await connection.workspace.getConfiguration([{ section: SETTINGS_SECTION }]);
      } catch (e) {
        connection.console.warn(`workspace/configuration failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    const raw = mergeRawSettings(initOptions, pulledSettings);
    const rawLocale = raw?.locale === 'en' ? 'en' : 'zh-CN';
    const { settings, problems } = parseSettings(raw, roots[0], rawLocale);
    settingsLocale = rawLocale;
    for (const p of problems) showOnce(MessageType.Warning, `${ui.settingsProblem(rawLocale)}${p}`);
    service.configure(settings, roots);
  }

  connection.onInitialize((params): InitializeResult => {
    capabilities = params.capabilities;
    // Some clients wrap the settings as { "gia-lint": {...} }, as in workspace/configuration.
    const init = params.initializationOptions as Record<string, unknown> | undefined;
    initOptions = init && typeof init === 'object' && SETTINGS_SECTION in init ? init[SETTINGS_SECTION] : init;
    roots = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
    const rootPath = params.rootUri ? uriToPath(params.rootUri) : (params.rootPath ?? undefined);
    if (roots.length === 0 && rootPath) roots = [path.resolve(rootPath)];
    const raw = mergeRawSettings(initOptions);
    const { settings, problems } = parseSettings(raw, roots[0], raw?.locale === 'en' ? 'en' : 'zh-CN');
    settingsLocale = raw?.locale === 'en' ? 'en' : 'zh-CN';
    // Shown once the client is ready (after `initialized`).
    pendingProblems = problems;
    service.configure(settings, roots);
    // Without change notifications for config files, read them afresh for every lint.
    service.cacheConfigs = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
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
    connection.console.info(`gia-lint ${packageVersion()} language server (node ${process.version}); workspace: ${roots.join(', ') || '(none)'}`);
    for (const p of pendingProblems) showOnce(MessageType.Warning, `${ui.settingsProblem(settingsLocale)}${p}`);
    pendingProblems = [];
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: CONFIG_FILE_NAMES.map((name) => ({ globPattern: `**/${name}` })),
      });
    }
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      await connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    }
    if (capabilities.workspace?.configuration) {
      await refreshSettings();
      relintAll();
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(async (e) => {
        const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
        roots = [...roots.filter((r) => !removed.has(r)), ...e.added.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined)];
        await refreshSettings(pulledSettings);
        relintAll();
      });
    }
  });

  connection.onDidChangeConfiguration(async (change) => {
    const pushed = (change.settings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
    // Pull clients send an empty notification and are asked again; push clients send the section.
    await refreshSettings(pushed ?? undefined);
    shown.clear();
    relintAll();
  });

  connection.onDidChangeWatchedFiles((change) => {
    const configChanged = change.changes.some((c) => CONFIG_FILE_NAMES.some((n) => c.uri.endsWith(`/${n}`)));
    if (!configChanged) return;
    connection.console.info(`config changed (${change.changes.map((c) => c.uri).join(', ')}): relinting open documents`);
    service.invalidate();
    // A fixed .gianrc may break again later: let that be announced again.
    shown.clear();
    relintAll();
  });

  // didOpen fires onDidOpen and then onDidChangeContent; the content event schedules the lint.
  documents.onDidOpen((e) => opened.add(e.document.uri));
  documents.onDidChangeContent((e) => scheduler.schedule(e.document.uri, opened.delete(e.document.uri)));
  documents.onDidSave((e) => {
    // Clients without file watching still tell us when a config opened in the editor is saved.
    if (CONFIG_FILE_NAMES.some((n) => e.document.uri.endsWith(`/${n}`))) {
      service.invalidate();
      shown.clear();
      relintAll();
    }
  });
  documents.onDidClose((e) => {
    opened.delete(e.document.uri);
    scheduler.cancel(e.document.uri);
    outcomes.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onCodeAction(async (params, token) => {
    const found = await current(params.textDocument.uri);
    if (!found || token.isCancellationRequested || found.outcome.problem) return [];
    return codeActions({
      doc: found.doc,
      outcome: found.outcome,
      range: params.range,
      diagnostics: params.context.diagnostics,
      only: params.context.only,
      diagnosticContext: { uri: found.doc.uri, rules: service.describedRules, docsBaseUrl: service.docsBaseFor(found.outcome) },
      documentChanges: capabilities.workspace?.workspaceEdit?.documentChanges === true,
      fixAll: () => service.fixAll(found.outcome),
    });
  });

  connection.onHover(async (params, token) => {
    const found = await current(params.textDocument.uri);
    if (!found || token.isCancellationRequested) return null;
    return hoverAt(found.outcome, params.position, service.describedRules, service.docsBaseFor(found.outcome));
  });

  connection.onShutdown(() => {
    scheduler.dispose();
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}

/**
 * Keep stdout for JSON-RPC: the returned stream writes to the real stdout, and anything else
 * that writes to process.stdout afterwards is sent to the client's log instead (redirected by
 * `redirectConsole`), so no stray line can corrupt the protocol.
 */
function reserveStdout(): NodeJS.WritableStream {
  const write = process.stdout.write.bind(process.stdout) as (chunk: Buffer | string, cb: (e?: Error | null) => void) => boolean;
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      write(chunk, callback);
    },
  });
}

let strayLog: ((text: string) => void) | undefined;

function redirectConsole(connection: Connection): void {
  const log = (level: 'log' | 'info' | 'warn' | 'error') => (...args: unknown[]) => connection.console[level](formatArgs(...args));
  console.log = log('log');
  console.info = log('info');
  console.debug = log('log');
  console.warn = log('warn');
  console.error = log('error');
  console.trace = log('log');
  strayLog = (text) => connection.console.log(text.replace(/\n$/, ''));
  process.stdout.write = ((chunk: unknown, encoding?: unknown, cb?: unknown) => {
    strayLog?.(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString(typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'));
    const callback = typeof encoding === 'function' ? encoding : cb;
    if (typeof callback === 'function') queueMicrotask(() => (callback as () => void)());
    return true;
  }) as typeof process.stdout.write;
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
