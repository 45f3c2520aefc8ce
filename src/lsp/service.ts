import path from 'node:path';
import type { CancellationToken } from 'vscode-languageserver/node';
import { readPrevious } from '../api.js';
import { GiaLintError } from '../config/errors.js';
import { ConfigResolver } from '../config/load.js';
import { loadedPluginRules, rulesForConfig } from '../config/plugins.js';
import { verify, verifyAndFix, type PreviousReport } from '../engine/linter.js';
import type { LintMessage, Locale, ResolvedConfig, Rule } from '../engine/types.js';
import type { InputFormat } from '../model/document.js';
import { prepareScript, type Script } from '../model/script.js';
import { DEFAULT_MAX_BYTES } from '../formats/decode.js';
import { editorReader, type EditorReader } from '../formats/index.js';
import { builtinRules } from '../rules/index.js';
import { parseSettings, type ServerSettings } from './settings.js';
import { t } from '../i18n/format.js';
import { toLocale } from '../i18n/locales.js';
import { LSP_TEXT, ui } from './messages.js';

/** One editor buffer to lint: its text as the editor holds it, not the file on disk. */
export interface LintInput {
  uri: string;
  version: number;
  text: string;
  format: InputFormat;
  /** The file behind the buffer (decides the .gianrc); undefined for untitled buffers. */
  filePath?: string;
}

/** The result for one version of a buffer. */
export interface LintOutcome extends LintInput {
  messages: LintMessage[];
  /** Locale of the messages and of everything shown with them. */
  locale: Locale;
  config?: ResolvedConfig;
  previous?: PreviousReport;
  /** The buffer's script, decided when it was linted (carried to fixAll). */
  script?: Script;
  /** Why the buffer could not be linted (a broken .gianrc, a missing previous report): shown as is. */
  problem?: { message: string; kind: 'config' | 'internal' };
  /** The exception behind an internal problem (for the log). */
  error?: unknown;
}

/**
 * The CLI's linting for editor buffers: the same config resolution (the nearest .gianrc of the
 * document's path, then the client's settings where the CLI puts its options), the same
 * `previous` reading and the same engine (`verify`). Config files are cached until `invalidate()`
 * (the server calls it when a watched .gianrc changes).
 */
export class LintService {
  readonly rules: ReadonlyMap<string, Rule>;
  private settings: ServerSettings = parseSettings(undefined, undefined).settings;
  private roots: string[] = [];
  private resolvers = new Map<string, ConfigResolver>();
  /** False when the client cannot tell us about config file changes: read configs afresh each time. */
  cacheConfigs = true;
  /** Where the server's log goes (the client's output channel); told which plugins run. */
  log: (text: string) => void = () => undefined;
  private readonly announced = new Set<string>();
  /** Per open buffer, the reader that keeps its last version (Markdown reads again only the blocks an edit touched). */
  private readonly readers = new Map<string, { format: InputFormat; reader: EditorReader }>();

  constructor(rules: ReadonlyMap<string, Rule> = builtinRules) {
    this.rules = rules;
  }

  /** Rules to describe in diagnostics and hovers: the built-in ones and those of every plugin loaded. */
  get describedRules(): ReadonlyMap<string, Rule> {
    const plugins = loadedPluginRules();
    return plugins.size ? new Map([...this.rules, ...plugins]) : this.rules;
  }

  /** Where rule pages are linked: the editor's `docsBaseUrl`, else the document's config `docsUrl`, else the installed docs. */
  docsBaseFor(outcome: { config?: ResolvedConfig }): string | undefined {
    const base = this.settings.docsBaseUrl ?? outcome.config?.docsUrl;
    return base === undefined || base.endsWith('/') ? base : `${base}/`;
  }

  get current(): ServerSettings {
    return this.settings;
  }

  configure(settings: ServerSettings, roots: string[]): void {
    this.settings = settings;
    // Longest first, so a nested workspace folder wins over its parent.
    this.roots = [...roots].sort((a, b) => b.length - a.length);
    this.invalidate();
  }

  /** Forget what was kept of a buffer's last version (it was closed). */
  forget(uri: string): void {
    this.readers.delete(uri);
  }

  private readerFor(input: LintInput): EditorReader {
    let kept = this.readers.get(input.uri);
    if (kept?.format !== input.format) {
      kept = { format: input.format, reader: editorReader(input.format) };
      this.readers.set(input.uri, kept);
    }
    return kept.reader;
  }

  /** Forget every config file read (a .gianrc changed). */
  invalidate(): void {
    this.resolvers.clear();
  }

  /** The base for relative paths: the workspace folder holding the file, else the first one. */
  private cwdFor(filePath: string | undefined): string {
    if (filePath) {
      const root = this.roots.find((r) => filePath === r || filePath.startsWith(r.endsWith(path.sep) ? r : r + path.sep));
      if (root) return root;
    }
    return this.roots[0] ?? (filePath ? path.dirname(filePath) : process.cwd());
  }

  private resolver(cwd: string): ConfigResolver {
    let r = this.cacheConfigs ? this.resolvers.get(cwd) : undefined;
    if (!r) {
      const s = this.settings;
      r = new ConfigResolver({
        cwd,
        rules: this.rules,
        configFile: s.configFile,
        useConfigFile: s.useConfigFile,
        overrideConfig: Object.keys(s.config).length ? s.config : undefined,
        // Opening a report from elsewhere (mail, downloads) must not run plugins its folder's config names.
        pluginsOnlyUnder: this.roots,
      });
      if (this.cacheConfigs) this.resolvers.set(cwd, r);
    }
    return r;
  }

  /** Lint one buffer version. Undefined when `token` was cancelled (a newer version is coming). */
  async lint(input: LintInput, token?: CancellationToken): Promise<LintOutcome | undefined> {
    const fallbackLocale: Locale = toLocale(this.settings.config.locale);
    const cwd = this.cwdFor(input.filePath);
    let config: ResolvedConfig;
    let previous: PreviousReport | undefined;
    try {
      config = await this.resolver(cwd).forFile(input.filePath);
      this.announcePlugins(config, input.filePath);
      if (token?.isCancellationRequested) return undefined;
      previous = await readPrevious(config, {}, cwd);
    } catch (e) {
      if (token?.isCancellationRequested) return undefined;
      // A config the user can fix (names the file and key) or a previous report that cannot be read.
      if (e instanceof GiaLintError) return { ...input, messages: [], locale: fallbackLocale, problem: { message: e.message, kind: 'config' } };
      throw e;
    }
    if (token?.isCancellationRequested) return undefined;
    const locale = config.locale;
    // The CLI's size limit: a buffer beyond it would block the server for every keystroke.
    const bytes = Buffer.byteLength(input.text, 'utf8');
    if (bytes > DEFAULT_MAX_BYTES) {
      const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
      const message = t(LSP_TEXT, 'tooLarge', locale, { size: mib(bytes), limit: mib(DEFAULT_MAX_BYTES) });
      return { ...input, messages: [], locale, config, problem: { message, kind: 'internal' } };
    }
    const script = await prepareScript(input.text);
    if (token?.isCancellationRequested) return undefined;
    try {
      const { messages } = verify(input.text, {
        filePath: input.filePath,
        format: input.format,
        parse: (text) => this.readerFor(input).parse(text),
        config,
        rules: rulesForConfig(this.rules, config),
        previous,
        script,
      });
      return { ...input, messages, locale, config, previous, script };
    } catch (e) {
      // An engine failure is a bug; say so in the document rather than leave stale diagnostics.
      const message = `${ui.internal(locale)}${e instanceof Error ? e.message : String(e)}`;
      return { ...input, messages: [], locale, config, problem: { message, kind: 'internal' }, error: e };
    }
  }

  /**
   * Plugins run code in the server: say which, once each. They come only from the config files
   * found for the workspace's documents (client settings cannot name plugins).
   */
  private announcePlugins(config: ResolvedConfig, filePath: string | undefined): void {
    for (const [namespace, file] of Object.entries(config.plugins ?? {})) {
      if (this.announced.has(file)) continue;
      this.announced.add(file);
      this.log(`plugin ${namespace} loaded from ${file} (named by the config for ${filePath ?? 'an unsaved document'})`);
    }
  }

  /** The text with every auto-fix applied (ESLint's multi-pass --fix), or undefined when nothing changes. */
  fixAll(outcome: LintOutcome): string | undefined {
    if (!outcome.config || !outcome.messages.some((m) => m.fix)) return undefined;
    const out = verifyAndFix(outcome.text, {
      filePath: outcome.filePath,
      format: outcome.format,
      config: outcome.config,
      rules: rulesForConfig(this.rules, outcome.config),
      previous: outcome.previous,
      script: outcome.script,
    });
    return out.fixed ? out.output : undefined;
  }
}
