import { mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { supportsColor } from 'chalk';
import { errorsOnly, lintBuffer, outputFixes, readTexts, type LintOptions } from '../api.js';
import { resolveConfigForFile } from '../config/load.js';
import { GiaLintError, UsageError } from '../config/errors.js';
import type { LintMessage, LintResult, Locale } from '../engine/types.js';
import type { ConfigData } from '../config/schema.js';
import { FORMATS_NEEDING_SOURCE, FORMATS_WITH_OVERVIEW, formatResults, loadReporter, packageVersion, reporters, type Reporter } from '../reporters/index.js';
import { loadedPluginRules, rulesForConfig } from '../config/plugins.js';
import { runRegion, type RegionOverview } from '../region/index.js';
import { lintFilesBatch, type BatchStats } from '../batch/index.js';
import { runInit } from './init.js';
import { Progress, summaryLine } from './progress.js';
import { builtinRules } from '../rules/index.js';
import { helpText, runtime, usage, withHelpHint } from './messages.js';
import { parseCli, sniffLocale, type CliOptions } from './options.js';

/** What the CLI touches of the outside world; tests pass their own. */
export interface CliIO {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  stdin: AsyncIterable<Buffer | string> & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
}

const processIO = (): CliIO => ({ stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() });

/** Run the CLI; resolves to the exit code (0 ok, 1 problems, 2 usage/config/internal error). */
export async function run(argv: string[], io: CliIO = processIO()): Promise<number> {
  let locale: Locale = sniffLocale(argv);
  try {
    const opts = parseCli(argv);
    locale = opts.locale ?? locale;
    return await execute(opts, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`gia-lint: ${withHelpHint(e.message, locale)}\n`);
      return e.exitCode;
    }
    if (e instanceof GiaLintError) {
      io.stderr.write(`gia-lint: ${e.message}\n`);
      return e.exitCode;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.stderr.write(`gia-lint: ${runtime.internal(message.split('\n')[0], locale)}\n`);
    if (io.env.GIA_LINT_DEBUG === '1' && e instanceof Error) io.stderr.write(`${e.stack}\n`);
    return 2;
  }
}

/** Entry point used by bin/gia-lint.js. Sets the exit code rather than exiting, so output is flushed. */
export async function main(): Promise<void> {
  // A reader that stops early (`gia-lint dir | head`) is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
  process.exitCode = await run(process.argv.slice(2));
}

async function execute(opts: CliOptions, io: CliIO): Promise<number> {
  const locale: Locale = opts.locale ?? 'zh-CN';
  if (opts.help) {
    io.stdout.write(helpText(locale, [...reporters.keys()]));
    return 0;
  }
  if (opts.version) {
    io.stdout.write(`${readVersion()}\n`);
    return 0;
  }
  if (opts.init) return runInit({ agencyKind: opts.agencyKind, locale: opts.locale, preset: opts.preset, force: opts.force }, io, locale);

  // Custom formatters load before any linting, so a missing one costs no time (exit 2).
  const outputReporters = new Map<string, Reporter>();
  for (const out of opts.outputs) {
    try {
      outputReporters.set(out.format, await loadReporter(out.format, io.cwd, locale));
    } catch (e) {
      if (e instanceof UsageError) throw new UsageError(usage.badFormat(out.format, [...reporters.keys()], locale));
      throw e;
    }
  }

  if (opts.previous !== undefined && !(await stat(path.resolve(io.cwd, opts.previous)).catch(() => undefined))?.isFile()) {
    throw new UsageError(usage.previousMissing(opts.previous, locale));
  }
  if (opts.previousDir !== undefined && !(await stat(path.resolve(io.cwd, opts.previousDir)).catch(() => undefined))?.isDirectory()) {
    throw new UsageError(usage.previousDirMissing(opts.previousDir, locale));
  }
  const apiOptions: LintOptions = {
    cwd: io.cwd,
    configFile: opts.config,
    useConfigFile: !opts.noConfig,
    ...(opts.encoding !== undefined ? { encoding: opts.encoding } : {}),
    ...(opts.resolvePluginsRelativeTo !== undefined ? { resolvePluginsRelativeTo: opts.resolvePluginsRelativeTo } : {}),
    overrideConfig: {
      // --plugin: package names from the current directory (or --resolve-plugins-relative-to), paths from it too.
      ...(opts.plugins ? { plugins: opts.plugins } : {}),
      ...(opts.rules ? { rules: opts.rules as NonNullable<ConfigData['rules']> } : {}),
      ...(opts.noInlineConfig ? { noInlineConfig: true } : {}),
      ...(opts.docsUrl !== undefined ? { docsUrl: opts.docsUrl } : {}),
      ...(opts.locale ? { locale: opts.locale } : {}),
      ...(opts.year !== undefined ? { year: opts.year } : {}),
      ...(opts.reportUnusedDisableDirectives ? { reportUnusedDisableDirectives: opts.reportUnusedDisableDirectives } : {}),
      // Relative to the current directory, like every path on the command line.
      ...(opts.previous !== undefined ? { previous: opts.previous } : {}),
      ...(opts.previousDir !== undefined ? { previousDir: opts.previousDir } : {}),
    },
    // With --quiet only errors' fixes are applied, as in ESLint: hidden warnings are not touched.
    ...(opts.fix || opts.fixDryRun ? { fix: opts.quiet ? (m: LintMessage) => m.severity === 2 : true } : {}),
  };

  if (opts.serve) {
    // Loaded only for this command: plain lint runs never pay for the server's code.
    const { runServe } = await import('../serve/index.js');
    return runServe({
      cwd: io.cwd,
      port: opts.port,
      host: opts.host,
      locale: opts.locale,
      lint: apiOptions,
      stdout: io.stdout,
      until: new Promise((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      }),
    });
  }

  if (opts.printConfig !== undefined) {
    const config = await resolveConfigForFile(opts.printConfig, apiOptions);
    // Show the options the engine will really use: the rule's defaults under the configured ones.
    for (const [id, setting] of Object.entries(config.rules)) {
      setting.options = { ...(rulesForConfig(builtinRules, config).get(id)?.meta.defaultOptions ?? {}), ...setting.options };
    }
    io.stdout.write(`${JSON.stringify(config, null, 2)}\n`);
    return 0;
  }

  if (opts.printText) return printTexts(opts, apiOptions, io, locale);

  let results: LintResult[];
  let region: RegionOverview | undefined;
  let stats: BatchStats | undefined;
  let progress: Progress | undefined;
  if (opts.stdin) {
    const chunks: Buffer[] = [];
    for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    results = [await lintBuffer(Buffer.concat(chunks), { ...apiOptions, filePath: opts.stdinFilename })];
  } else {
    if (opts.files.length === 0) throw new UsageError(locale === 'en' ? 'No files given' : '没有指定要检查的文件');
    // Progress only where a person watches: a terminal's stderr, never a pipe, file or CI log.
    progress = io.stderr.isTTY === true && !io.env.CI ? new Progress(io.stderr, locale) : undefined;
    // A region run (last year's folder, government totals, or an overview format asked for): every
    // file's facts are recorded, and the region stage runs over them after the batch.
    // The region's config: the one of the first folder or file named (a .gianrc in the region folder).
    const regionConfig = await resolveConfigForFile(await configProbe(opts.files[0], io.cwd), apiOptions);
    const regionRun =
      regionConfig.previousDir !== undefined || regionConfig.aggregate !== undefined || opts.outputs.some((o) => FORMATS_WITH_OVERVIEW.has(o.format));
    const batch = await lintFilesBatch(opts.files, {
      ...apiOptions,
      ...(opts.ext ? { ext: opts.ext } : {}),
      includeSource: opts.outputs.some((o) => FORMATS_NEEDING_SOURCE.has(o.format)),
      concurrency: opts.concurrency,
      cache: opts.cache,
      cacheLocation: opts.cacheLocation,
      ignore: !opts.noIgnore,
      onProgress: progress?.update,
      ...(regionRun ? { region: true } : {}),
    }).finally(() => progress?.clear());
    results = batch.results;
    stats = batch.stats;
    if (regionRun) {
      const outcome = runRegion(results, regionConfig, rulesForConfig(builtinRules, regionConfig));
      results = outcome.results;
      region = outcome.overview;
    }
  }
  // Only --fix writes, and only files whose text changed; --fix-dry-run leaves `output` in the results.
  if (opts.fix) await outputFixes(results, { locale, encoding: opts.encoding });

  // The report's language: --locale, else the config of the first file (all usually share one).
  const first = results[0]?.filePath;
  const firstConfig = await resolveConfigForFile(first && path.isAbsolute(first) ? first : undefined, apiOptions);
  const outLocale = opts.locale ?? firstConfig.locale;
  // Plugin rules (loaded here or, for a batch in workers, by the first file's config) are described too.
  const pluginRules = loadedPluginRules();
  const rules = pluginRules.size ? new Map([...builtinRules, ...pluginRules]) : undefined;

  const warningCount = results.reduce((n, r) => n + r.warningCount, 0);
  // --quiet hides warnings and they no longer count for --max-warnings (as in ESLint 9).
  const shown = opts.quiet ? errorsOnly(results) : results;
  // Every output sees the same results, so the exit code below does not depend on the formats.
  for (const out of opts.outputs) {
    const output = formatResults(outputReporters.get(out.format)!, shown, {
      cwd: io.cwd,
      locale: outLocale,
      color: opts.color ?? wantColor(io, out.file !== undefined),
      ...(rules ? { rules } : {}),
      ...(firstConfig.docsUrl !== undefined ? { docsUrl: firstConfig.docsUrl } : {}),
      ...(region ? { region } : {}),
    });
    if (out.file !== undefined) await writeAtomically(path.resolve(io.cwd, out.file), output, outLocale);
    else if (output) io.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
  }
  // The batch summary goes to stderr, for a person at a terminal only: scripts and CI logs get
  // exactly the report (and the exit code), as before.
  if (stats && io.stderr.isTTY === true) {
    const errors = shown.reduce((n, r) => n + r.errorCount, 0);
    io.stderr.write(summaryLine(stats, errors, opts.quiet ? 0 : warningCount, outLocale));
  }

  if (results.every((r) => r.fatalErrorCount > 0)) {
    io.stderr.write(`gia-lint: ${runtime.nothingLinted(outLocale)}\n`);
    return 2;
  }
  if (shown.some((r) => r.errorCount > 0)) return 1;
  const countedWarnings = opts.quiet ? 0 : warningCount;
  if (opts.maxWarnings !== undefined && countedWarnings > opts.maxWarnings) {
    io.stderr.write(`gia-lint: ${runtime.tooManyWarnings(countedWarnings, opts.maxWarnings, outLocale)}\n`);
    return 1;
  }
  return 0;
}

/**
 * Colour only for a terminal. FORCE_COLOR wins (0/false disables), then NO_COLOR, then chalk's
 * own detection (TTY, TERM=dumb, CI). A file written with --output-file never gets colour.
 */
/**
 * `--print-text`: the text each file is read as, one numbered line per line, so a message's
 * line:column can be found in it (column = position after the tab). For a PDF each line also
 * shows page:line in the PDF, and a rule marks where a page begins. Exit 2 when a file cannot be read.
 */
async function printTexts(opts: CliOptions, apiOptions: LintOptions, io: CliIO, locale: Locale): Promise<number> {
  if (opts.stdin || opts.files.length === 0) throw new UsageError(locale === 'en' ? '--print-text needs files' : '--print-text 需要指定文件');
  const texts = await readTexts(opts.files, { ...apiOptions, ...(opts.ext ? { ext: opts.ext } : {}), locale });
  let failed = false;
  for (const t of texts) {
    io.stdout.write(`${path.relative(io.cwd, t.filePath) || t.filePath}\n`);
    if (t.text === undefined) {
      io.stdout.write(`  ${t.message}\n\n`);
      failed = true;
      continue;
    }
    const lines = t.text.split(/\r\n|\r|\n/);
    if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
    const width = String(lines.length).length;
    let page = 0;
    lines.forEach((line, i) => {
      const place = t.places?.[i];
      if (place && place.page !== page) {
        page = place.page;
        io.stdout.write(locale === 'en' ? `-- page ${page} --\n` : `—— 第 ${page} 页 ——\n`);
      }
      io.stdout.write(`${String(i + 1).padStart(width)}\t${place ? `${place.page}:${place.line}\t` : ''}${line}\n`);
    });
    io.stdout.write('\n');
  }
  return failed ? 2 : 0;
}

function wantColor(io: CliIO, toFile: boolean): boolean {
  if (toFile) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (io.env.NO_COLOR) return false;
  return io.stdout.isTTY === true && supportsColor !== false;
}

/** Write via a temp file in the same directory and rename, so readers never see half a report. */
async function writeAtomically(file: string, text: string, locale: Locale): Promise<void> {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    if ((await stat(file).catch(() => undefined))?.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(tmp, text);
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    const reason = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
    throw new GiaLintError(runtime.cannotWrite(file, reason, locale));
  }
}

/** A path whose config is the region's: a file inside a named directory, the named file, else none (cwd). */
async function configProbe(first: string | undefined, cwd: string): Promise<string | undefined> {
  if (first === undefined) return undefined;
  const abs = path.resolve(cwd, first);
  const st = await stat(abs).catch(() => undefined);
  if (st?.isDirectory()) return path.join(abs, '.gianrc-probe');
  return st?.isFile() ? abs : undefined;
}

function readVersion(): string {
  return packageVersion();
}
