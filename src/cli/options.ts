import { parseArgs } from 'node:util';
import { UsageError } from '../config/errors.js';
import { loadLegacyCodec } from '../formats/decode.js';
import type { Locale } from '../engine/types.js';
import { reporters } from '../reporters/index.js';
import { CLI_TEXT, usage } from './messages.js';
import { t } from '../i18n/format.js';
import { isLocale } from '../i18n/locales.js';

/** Command-line options after parsing and validation. */
export interface CliOptions {
  files: string[];
  /** The first output's format (most runs have one). */
  format: string;
  /** Every requested output: `--format name` goes to --output-file or stdout, `--format name:path` to path. */
  outputs: CliOutput[];
  outputFile?: string;
  /** Worker threads for batches. */
  concurrency?: number | 'auto';
  cache: boolean;
  cacheLocation?: string;
  /** Lint files even when .gianignore lists them. */
  noIgnore: boolean;
  /** `--init`: write a commented .gianrc; with agencyKind/preset answered by flags or asked on a TTY. */
  init: boolean;
  agencyKind?: 'department' | 'government';
  preset?: string;
  /** --init may overwrite an existing .gianrc. */
  force: boolean;
  stdin: boolean;
  stdinFilename?: string;
  maxWarnings?: number;
  quiet: boolean;
  year?: number;
  /** Only set when given on the command line (so the config's locale can apply otherwise). */
  locale?: Locale;
  config?: string;
  noConfig: boolean;
  printConfig?: string;
  /** Print the text read from each input (with the line numbers messages use) instead of linting. */
  printText: boolean;
  /** Apply fixes and write the files (--fix), or only compute them (--fix-dry-run). */
  fix: boolean;
  fixDryRun: boolean;
  /** From --report-unused-disable-directives (error) or its -severity form. */
  reportUnusedDisableDirectives?: 'off' | 'warn' | 'error';
  /** Last year's report, for every file in the call. */
  previous?: string;
  /** A folder of last year's reports: each file is compared with its own organ's (region runs). */
  previousDir?: string;
  /** Force the input encoding of files and stdin (--encoding), e.g. "gbk". */
  encoding?: string;
  /** Extensions picked from directories and globs (--ext, repeatable or comma-separated). */
  ext?: string[];
  /** --rule 'id: severity' entries, merged (later wins). */
  rules?: Record<string, unknown>;
  /** --plugin, in order. */
  plugins?: string[];
  resolvePluginsRelativeTo?: string;
  noInlineConfig: boolean;
  /** --color / --no-color; undefined: decide by the terminal. */
  color?: boolean;
  docsUrl?: string;
  help: boolean;
  version: boolean;
  /** `gia-lint serve`: the local web page (src/serve/), on --host (default 127.0.0.1) and --port. */
  serve: boolean;
  port?: number;
  host?: string;
}

const SPEC = {
  format: { type: 'string', short: 'f', multiple: true },
  'output-file': { type: 'string', short: 'o' },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean' },
  year: { type: 'string' },
  locale: { type: 'string' },
  config: { type: 'string', short: 'c' },
  // node 20's parseArgs has no allowNegative, so --no-config is an option of its own.
  'no-config': { type: 'boolean' },
  'print-config': { type: 'string' },
  'print-text': { type: 'boolean' },
  concurrency: { type: 'string' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  'no-ignore': { type: 'boolean' },
  init: { type: 'boolean' },
  'agency-kind': { type: 'string' },
  preset: { type: 'string' },
  force: { type: 'boolean' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  'report-unused-disable-directives': { type: 'boolean' },
  'report-unused-disable-directives-severity': { type: 'string' },
  previous: { type: 'string' },
  'previous-dir': { type: 'string' },
  encoding: { type: 'string' },
  ext: { type: 'string', multiple: true },
  port: { type: 'string' },
  host: { type: 'string' },
  rule: { type: 'string', multiple: true },
  plugin: { type: 'string', multiple: true },
  'resolve-plugins-relative-to': { type: 'string' },
  'no-inline-config': { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  'docs-url': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/**
 * The locale for messages about the command line itself, found before full parsing so that even
 * "unknown option" errors come in the requested language. Invalid values fall back to zh-CN.
 */
export function sniffLocale(argv: string[]): Locale {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break;
    const value = argv[i] === '--locale' ? argv[i + 1] : argv[i].startsWith('--locale=') ? argv[i].slice(9) : undefined;
    if (isLocale(value)) return value;
  }
  return 'zh-CN';
}

/** Async only because `--rule` and `--encoding` load their parsers (yaml, iconv-lite) when given. */
export async function parseCli(argv: string[]): Promise<CliOptions> {
  const l = sniffLocale(argv);
  const parsed = parseArgv(argv, l);
  const serve = isServeCommand(argv, parsed.positionals);
  const opts = await optionsFrom(parsed.values, serve ? parsed.positionals.slice(1) : parsed.positionals, serve, l);
  checkCombinations(opts, l);
  return opts;
}

type ParsedValues = ReturnType<typeof parseArgv>['values'];

/** argv → raw flag values and positionals; an unknown or malformed option is a usage error in the user's language. */
function parseArgv(argv: string[], l: Locale) {
  try {
    return parseArgs({ args: joinNegativeValues(argv), options: SPEC, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(describeParseError(e as NodeJS.ErrnoException, l));
  }
}

/** `serve` is a command as the first argument before `--`; a file named so is `-- serve` or `./serve`. */
function isServeCommand(argv: string[], positionals: string[]): boolean {
  const end = argv.indexOf('--');
  return positionals[0] === 'serve' && (end === -1 ? argv : argv.slice(0, end)).includes('serve');
}

/** Each flag's value checked and converted, in the order the flags are listed in --help. */
async function optionsFrom(v: ParsedValues, files: string[], serve: boolean, l: Locale): Promise<CliOptions> {
  const locale = v.locale;
  if (locale !== undefined && !isLocale(locale)) throw new UsageError(usage.badLocale(locale, l));
  if (v.color && v['no-color']) throw new UsageError(usage.colorBoth(l));
  const docsUrl = v['docs-url'];
  if (docsUrl !== undefined && !(/^https?:\/\//i.test(docsUrl) && URL.canParse(docsUrl))) throw new UsageError(usage.badDocsUrl(docsUrl, l));
  const rules = v.rule === undefined ? undefined : await parseRuleFlags(v.rule, l);
  const outputs = parseOutputs(v.format ?? [], v['output-file'], [...reporters.keys()], l);
  const concurrency = parseConcurrency(v.concurrency, l);
  const agencyKind = v['agency-kind'];
  if (agencyKind !== undefined && agencyKind !== 'department' && agencyKind !== 'government') {
    throw new UsageError(usage.badAgencyKind(agencyKind, l));
  }
  const maxWarnings = parseMaxWarnings(v['max-warnings'], l);
  const year = parseYear(v.year, l);
  if (v.encoding !== undefined && !(await loadLegacyCodec()).encodingExists(v.encoding)) throw new UsageError(usage.badEncoding(v.encoding, l));
  const ext = parseExt(v.ext, l);
  const reportUnused = parseReportUnused(v['report-unused-disable-directives'], v['report-unused-disable-directives-severity'], l);
  const port = parsePort(v.port, l);
  if (v.host !== undefined && !/^[\w.:[\]-]{1,253}$/.test(v.host)) throw new UsageError(usage.badHost(v.host, l));

  return {
    files,
    format: outputs[0].format,
    outputs,
    outputFile: v['output-file'],
    concurrency,
    cache: v.cache ?? false,
    cacheLocation: v['cache-location'],
    noIgnore: v['no-ignore'] ?? false,
    init: v.init ?? false,
    agencyKind,
    preset: v.preset,
    force: v.force ?? false,
    stdin: v.stdin ?? false,
    stdinFilename: v['stdin-filename'],
    maxWarnings,
    quiet: v.quiet ?? false,
    year,
    locale: locale,
    config: v.config,
    noConfig: v['no-config'] ?? false,
    printConfig: v['print-config'],
    printText: v['print-text'] ?? false,
    fix: v.fix ?? false,
    fixDryRun: v['fix-dry-run'] ?? false,
    reportUnusedDisableDirectives: reportUnused,
    previous: v.previous,
    previousDir: v['previous-dir'],
    encoding: v.encoding,
    ext,
    rules,
    plugins: v.plugin,
    resolvePluginsRelativeTo: v['resolve-plugins-relative-to'],
    noInlineConfig: v['no-inline-config'] ?? false,
    color: v.color ? true : v['no-color'] ? false : undefined,
    docsUrl,
    help: v.help ?? false,
    version: v.version ?? false,
    serve,
    port,
    host: v.host,
  };
}

function parseConcurrency(value: string | undefined, l: Locale): number | 'auto' | undefined {
  if (value === undefined) return undefined;
  if (value !== 'auto' && !/^[1-9]\d{0,2}$/.test(value)) throw new UsageError(usage.badConcurrency(value, l));
  return value === 'auto' ? 'auto' : Number(value);
}

function parseMaxWarnings(value: string | undefined, l: Locale): number | undefined {
  if (value === undefined) return undefined;
  if (!/^(\d+|-1)$/.test(value)) throw new UsageError(usage.badMaxWarnings(value, l));
  // -1 means "no limit", as in ESLint.
  return value === '-1' ? undefined : Number(value);
}

function parseYear(value: string | undefined, l: Locale): number | undefined {
  if (value === undefined) return undefined;
  const year = Number(value);
  if (!/^\d{4}$/.test(value) || year < 2008 || year > 2100) throw new UsageError(usage.badYear(value, l));
  return year;
}

/** --ext values, repeatable or comma-separated, as lower-case `.ext`. */
function parseExt(values: string[] | undefined, l: Locale): string[] | undefined {
  if (values === undefined) return undefined;
  const ext = values.flatMap((e) => e.split(',')).map((e) => e.trim());
  const bad = ext.find((e) => !/^\.?[A-Za-z0-9]+$/.test(e));
  if (bad !== undefined) throw new UsageError(usage.badExt(bad, l));
  return ext.map((e) => (e.startsWith('.') ? e : `.${e}`).toLowerCase());
}

/** As in ESLint: the flag means "error"; the -severity form picks one; they do not combine. */
function parseReportUnused(flag: boolean | undefined, severity: string | undefined, l: Locale): CliOptions['reportUnusedDisableDirectives'] {
  if (severity !== undefined) {
    if (flag) throw new UsageError(usage.unusedBoth(l));
    const named = ({ off: 'off', warn: 'warn', error: 'error', '0': 'off', '1': 'warn', '2': 'error' } as const)[severity];
    if (!named) throw new UsageError(usage.badUnusedSeverity(severity, l));
    return named;
  }
  return flag ? 'error' : undefined;
}

function parsePort(value: string | undefined, l: Locale): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!/^\d{1,5}$/.test(value) || port > 65535) throw new UsageError(usage.badPort(value, l));
  return port;
}

/** Flags that exclude or need each other. */
function checkCombinations(opts: CliOptions, l: Locale): void {
  if (opts.config !== undefined && opts.noConfig) throw new UsageError(usage.configAndNoConfig(l));
  if (opts.stdinFilename !== undefined && !opts.stdin) throw new UsageError(usage.stdinFilenameAlone(l));
  if (opts.stdin && opts.files.length > 0) throw new UsageError(usage.stdinWithFiles(l));
  if (opts.printConfig !== undefined && (opts.files.length > 0 || opts.stdin)) throw new UsageError(usage.printConfigWithFiles(l));
  if (opts.init && (opts.files.length > 0 || opts.stdin || opts.printConfig !== undefined)) throw new UsageError(usage.initWithFiles(l));
  if (!opts.init && (opts.agencyKind !== undefined || opts.preset !== undefined || opts.force)) throw new UsageError(usage.initOnly(l));
  // ESLint's rules: one fix mode at a time, and piped text is never "written back".
  if (opts.fix && opts.fixDryRun) throw new UsageError(usage.fixAndDryRun(l));
  if (opts.fix && opts.stdin) throw new UsageError(usage.fixWithStdin(l));
  const alone = opts.files.length > 0 || opts.stdin || opts.fix || opts.fixDryRun || opts.init || opts.printConfig !== undefined;
  if (opts.serve && alone) throw new UsageError(usage.serveAlone(l));
  if (!opts.serve && (opts.port !== undefined || opts.host !== undefined)) throw new UsageError(usage.serveOnly(l));
}

/**
 * `--format` values: `name` or `name:path` (ESLint-like, as in `--format sarif:out.sarif --format
 * stylish`). Outputs without a path go to --output-file if given, else to stdout; two of them
 * would be interleaved there, so that is a usage error. Default: stylish.
 */
function parseOutputs(values: string[], outputFile: string | undefined, formats: string[], l: Locale): CliOutput[] {
  const outputs = (values.length ? values : ['stylish']).map((value): CliOutput => {
    const m = /^([a-z][\w-]*):(.+)$/i.exec(value);
    const name = m ? m[1] : value;
    // Not built in: a formatter module or package, loaded (and checked) before linting starts.
    if (!reporters.has(name) && !isFormatterModule(name)) throw new UsageError(usage.badFormat(name, formats, l));
    return m ? { format: name, file: m[2] } : { format: name };
  });
  const unrouted = outputs.filter((o) => o.file === undefined);
  if (unrouted.length > 1)
    throw new UsageError(
      usage.twoFormatsOneStream(
        unrouted.map((o) => o.format),
        outputFile !== undefined,
        l,
      ),
    );
  return outputs.map((o) => (o.file === undefined && outputFile !== undefined ? { ...o, file: outputFile } : o));
}

/** A formatter named by path (`./fmt.mjs`) or package (`gia-lint-formatter-xx`, `@org/…`, or a short `xx`). */
function isFormatterModule(name: string): boolean {
  return /^\.{1,2}[\\/]|^\/|^[A-Za-z]:[\\/]/.test(name) || /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i.test(name);
}

/**
 * `--rule` values, ESLint-style: `id: severity` or `id: [severity, {options}]`, read as YAML flow
 * syntax (so `{tolerance: 1}` needs no JSON quotes). Checked like a config's rules later.
 */
async function parseRuleFlags(values: string[], l: Locale): Promise<Record<string, unknown>> {
  const { parse: parseYaml } = (await import('yaml')).default;
  const out: Record<string, unknown> = {};
  for (const value of values) {
    let parsed: unknown;
    try {
      parsed = parseYaml(value, { prettyErrors: false });
    } catch (e) {
      throw new UsageError(usage.badRule(value, (e as { code?: string }).code ?? 'YAML', l));
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || Object.keys(parsed).length === 0) {
      throw new UsageError(usage.badRule(value, t(CLI_TEXT, 'noIdSeverity', l), l));
    }
    Object.assign(out, parsed);
  }
  return out;
}

export interface CliOutput {
  format: string;
  /** Where to write; undefined: stdout. */
  file?: string;
}

/**
 * parseArgs takes "-1" after an option for another option and refuses it, so
 * `--max-warnings -1` (ESLint's "no limit") is rewritten to `--max-warnings=-1`.
 */
function joinNegativeValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') return [...out, ...argv.slice(i)];
    if (argv[i] === '--max-warnings' && /^-\d+$/.test(argv[i + 1] ?? '')) out.push(`--max-warnings=${argv[++i]}`);
    else out.push(argv[i]);
  }
  return out;
}

/** parseArgs errors are English sentences; pull out the option name and phrase our own. */
function describeParseError(e: NodeJS.ErrnoException, l: Locale): string {
  const quoted = /'([^']+)'/.exec(e.message)?.[1] ?? '';
  // "-f, --format <value>" → "--format"
  const option = /--[\w-]+/.exec(quoted)?.[0] ?? quoted;
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return usage.unknownOption(option, l);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(e.message) ? usage.noValueAllowed(option, l) : usage.missingValue(option, l);
    default:
      return usage.badOption(e.message, l);
  }
}
