import path from 'node:path';
import {
  DiagnosticSeverity,
  MessageType,
  TextDocuments,
  type ClientCapabilities,
  type Connection,
  type Diagnostic,
  type InitializeParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Locale } from '../engine/types.js';
import { documentFormat, SOURCE, toDiagnostic, uriToPath } from './convert.js';
import { ui } from './messages.js';
import { LintScheduler } from './scheduler.js';
import { LintService, type LintOutcome } from './service.js';
import { mergeRawSettings, parseSettings } from './settings.js';
import { toLocale } from '../i18n/locales.js';

/** Lints of the first document, results discarded, that bring the engine's hot paths to JIT speed. */
const WARM_UP_RUNS = 3;

/** The `workspace/configuration` section and the key of pushed `didChangeConfiguration` settings. */
export const SETTINGS_SECTION = 'gia-lint';

/**
 * What one language-server connection knows and does: the open documents, their latest published
 * outcomes, the client's capabilities and settings, and linting (scheduled, published, warmed up).
 * src/lsp/server.ts wires the protocol's requests and notifications to it.
 */
export class LspSession {
  readonly documents = new TextDocuments(TextDocument);
  readonly service = new LintService();
  readonly scheduler: LintScheduler<LintOutcome>;
  /** Latest published outcome per document (what code actions and hover work from). */
  readonly outcomes = new Map<string, LintOutcome>();
  /** Documents just opened: their first lint runs at once, even with a quiet time set. */
  readonly opened = new Set<string>();
  capabilities: ClientCapabilities = {};
  roots: string[] = [];
  /** Settings problems found at initialize, shown once the client is ready (after `initialized`). */
  pendingProblems: string[] = [];
  settingsLocale: Locale = 'zh-CN';
  private initOptions: unknown;
  private pulledSettings: unknown;
  /** Window messages already shown, so a broken .gianrc is announced once, not on every keystroke. */
  private readonly shown = new Set<string>();
  private warmedUp = false;

  constructor(private readonly connection: Connection) {
    this.service.log = (text) => connection.console.info(text);
    this.scheduler = new LintScheduler<LintOutcome>(
      async (uri, token) => {
        const target = this.lintableDocument(uri);
        if (!target) return undefined;
        const { doc, filePath, format } = target;
        return this.service.lint({ uri, version: doc.version, text: doc.getText(), format, filePath }, token);
      },
      (uri, outcome) => {
        this.publish(uri, outcome);
        if (!this.warmedUp) {
          this.warmedUp = true;
          this.warmUp(uri, WARM_UP_RUNS);
        }
      },
      () => this.service.current.debounceMs,
      (uri, error) => {
        connection.console.error(`${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        this.showOnce(MessageType.Error, `${ui.internal(this.settingsLocale)}${error instanceof Error ? error.message : String(error)}`);
      },
    );
  }

  showOnce(type: MessageType, text: string): void {
    if (this.shown.has(text)) return;
    this.shown.add(text);
    void this.connection.sendNotification('window/showMessage', { type, message: text });
  }

  /** Forget the messages shown, so a problem that comes back is announced again. */
  forgetShown(): void {
    this.shown.clear();
  }

  /** `initialize`: capabilities, workspace roots and the settings passed as initializationOptions. */
  initialize(params: InitializeParams): void {
    this.capabilities = params.capabilities;
    // Some clients wrap the settings as { "gia-lint": {...} }, as in workspace/configuration.
    const init = params.initializationOptions as Record<string, unknown> | undefined;
    this.initOptions = init && typeof init === 'object' && SETTINGS_SECTION in init ? init[SETTINGS_SECTION] : init;
    this.roots = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- clients without workspace folders still send rootUri or rootPath.
    const rootPath = params.rootUri ? uriToPath(params.rootUri) : (params.rootPath ?? undefined);
    if (this.roots.length === 0 && rootPath) this.roots = [path.resolve(rootPath)];
    const raw = mergeRawSettings(this.initOptions);
    const { settings, problems } = parseSettings(raw, this.roots[0], toLocale(raw?.locale));
    this.settingsLocale = toLocale(raw?.locale);
    this.pendingProblems = problems;
    this.service.configure(settings, this.roots);
    // Without change notifications for config files, read them afresh for every lint.
    this.service.cacheConfigs = this.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  }

  /** Settings again: pushed by the client, or pulled with workspace/configuration; then merged with initializationOptions. */
  async refreshSettings(pushed?: unknown): Promise<void> {
    if (pushed !== undefined) this.pulledSettings = pushed;
    else if (this.capabilities.workspace?.configuration) {
      try {
        this.pulledSettings = ((await this.connection.workspace.getConfiguration([{ section: SETTINGS_SECTION }])) as unknown[])[0];
      } catch (e) {
        this.connection.console.warn(`workspace/configuration failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    const raw = mergeRawSettings(this.initOptions, this.pulledSettings);
    const rawLocale = toLocale(raw?.locale);
    const { settings, problems } = parseSettings(raw, this.roots[0], rawLocale);
    this.settingsLocale = rawLocale;
    for (const p of problems) this.showOnce(MessageType.Warning, `${ui.settingsProblem(rawLocale)}${p}`);
    this.service.configure(settings, this.roots);
  }

  /** The workspace folders changed: new roots, settings read again for them. */
  async changeRoots(removedUris: string[], addedUris: string[]): Promise<void> {
    const removed = new Set(removedUris.map((uri) => uriToPath(uri)));
    const added = addedUris.map((uri) => uriToPath(uri)).filter((p): p is string => p !== undefined);
    this.roots = [...this.roots.filter((r) => !removed.has(r)), ...added];
    await this.refreshSettings(this.pulledSettings);
  }

  relintAll(): void {
    for (const doc of this.documents.all()) this.scheduler.schedule(doc.uri, true);
  }

  /** The outcome for the document's current version: the published one, or a lint right now. */
  async current(uri: string): Promise<{ doc: TextDocument; outcome: LintOutcome } | undefined> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const doc = this.documents.get(uri);
      if (!doc) return undefined;
      const known = this.outcomes.get(uri);
      if (known && known.version === doc.version && !this.scheduler.busy(uri)) return { doc, outcome: known };
      const outcome = await this.scheduler.now(uri);
      const after = this.documents.get(uri);
      if (outcome && after && after.version === outcome.version) return { doc: after, outcome };
    }
    return undefined;
  }

  private lintableDocument(uri: string) {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const filePath = uriToPath(uri);
    const format = documentFormat(doc.languageId, filePath, uri);
    return format ? { doc, filePath, format } : undefined;
  }

  /**
   * The first edits of a session would run on a cold JIT (several times slower than later ones):
   * after the first document is linted, lint it a few more times while the editor is idle, the
   * results discarded. Warmth is per process, so this happens once.
   */
  private warmUp(uri: string, runs: number): void {
    if (runs === 0) return;
    setImmediate(() => {
      const target = this.lintableDocument(uri);
      if (!target || this.scheduler.busy(uri)) return;
      const { doc, filePath, format } = target;
      void this.service.lint({ uri, version: doc.version, text: doc.getText(), format, filePath }).then(
        () => this.warmUp(uri, runs - 1),
        () => undefined,
      );
    });
  }

  private publish(uri: string, outcome: LintOutcome): void {
    // Never publish for a version the editor no longer has.
    const doc = this.documents.get(uri);
    if (!doc || doc.version !== outcome.version) return;
    this.outcomes.set(uri, outcome);
    if (outcome.error) {
      const error: unknown = outcome.error;
      this.connection.console.error(`${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    const diagnostics = outcome.problem ? this.problemDiagnostics(outcome.problem, outcome.locale) : this.diagnostics(uri, outcome);
    void this.connection.sendDiagnostics({ uri, version: outcome.version, diagnostics });
  }

  private diagnostics(uri: string, outcome: LintOutcome): Diagnostic[] {
    const ctx = { uri, rules: this.service.describedRules, docsBaseUrl: this.service.docsBaseFor(outcome) };
    return outcome.messages.map((m) => toDiagnostic(m, ctx));
  }

  /** A document that could not be linted (a broken config, a file that is no report): shown once, and as one diagnostic at 1:1. */
  private problemDiagnostics(problem: NonNullable<LintOutcome['problem']>, locale: Locale): Diagnostic[] {
    const config = problem.kind === 'config';
    this.showOnce(config ? MessageType.Error : MessageType.Warning, config ? `${ui.configProblem(locale)}${problem.message}` : problem.message);
    // One diagnostic at 1:1, so the reason is also where the user looks.
    const severity = config ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
    return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity, source: SOURCE, message: problem.message }];
  }
}
