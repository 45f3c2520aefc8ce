import { stat } from 'node:fs/promises';
import path from 'node:path';
import { errorsOnly, lintBuffer, outputFixes, type LintOptions } from '../api.js';
import { explainConfigForFile, resolveConfigForFile } from '../config/load.js';
import { GiaLintError, UsageError } from '../config/errors.js';
import type { LintMessage, LintResult, Locale } from '../engine/types.js';
import type { ConfigData } from '../config/schema.js';
import { FORMATS_NEEDING_SOURCE, FORMATS_WITH_OVERVIEW, packageVersion, reporters } from '../reporters/index.js';
import { rulesForConfig } from '../config/plugins.js';
import { runRegion, type RegionOverview } from '../region/index.js';
import { lintFilesBatch, type BatchStats } from '../batch/index.js';
import { runInit } from './init.js';
import { loadOutputReporters, writeOutputs } from './outputs.js';
import { printTexts } from './print-text.js';
import { Progress, summaryLine } from './progress.js';
import { builtinRules } from '../rules/index.js';
import { helpText, runtime, usage, withHelpHint } from './messages.js';
import { parseCli, sniffLocale, type CliOptions } from './options.js';
import { noFilesGiven } from '../api/messages.js';

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
    const opts = await parseCli(argv);
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

/** One CLI run after parsing: the command asked for (help, version, init, serve, print-config, print-text), else lint and report. */
async function execute(opts: CliOptions, io: CliIO): Promise<number> {
  const locale: Locale = opts.locale ?? 'zh-CN';
  if (opts.help) {
    io.stdout.write(helpText(locale, [...reporters.keys()]));
    return 0;
  }
  if (opts.version) {
    io.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  if (opts.init) return runInit({ agencyKind: opts.agencyKind, locale: opts.locale, preset: opts.preset, force: opts.force }, io, locale);

  // Custom formatters load before any linting, so a missing one costs no time (exit 2).
  const outputReporters = await loadOutputReporters(opts.outputs, io.cwd, locale);
  await checkPreviousPaths(opts, io.cwd, locale);
  const apiOptions = apiOptionsFrom(opts, io.cwd);
  if (opts.serve) return serve(opts, apiOptions, io);
  if (opts.printConfig !== undefined) return printConfig(opts.printConfig, apiOptions, io);
  if (opts.printText) return printTexts(opts, apiOptions, io, locale);

  const { results, region, stats } = opts.stdin ? await lintStdin(opts, apiOptions, io) : await lintBatch(opts, apiOptions, io, locale);
  // Only --fix writes, and only files whose text changed; --fix-dry-run leaves `output` in the results.
  if (opts.fix) await outputFixes(results, { locale, encoding: opts.encoding });

  // The report's language: --locale, else the config of the first file (all usually share one).
  const first = results[0]?.filePath;
  const firstConfig = await resolveConfigForFile(first && path.isAbsolute(first) ? first : undefined, apiOptions);
  const outLocale = opts.locale ?? firstConfig.locale;
  const warningCount = results.reduce((n, r) => n + r.warningCount, 0);
  // --quiet hides warnings and they no longer count for --max-warnings (as in ESLint 9).
  const shown = opts.quiet ? errorsOnly(results) : results;
  await writeOutputs(opts, outputReporters, shown, { io, locale: outLocale, docsUrl: firstConfig.docsUrl, region });
  // The batch summary goes to stderr, for a person at a terminal only: scripts and CI logs get
  // exactly the report (and the exit code), as before.
  if (stats && io.stderr.isTTY === true) {
    const errors = shown.reduce((n, r) => n + r.errorCount, 0);
    io.stderr.write(summaryLine(stats, errors, opts.quiet ? 0 : warningCount, outLocale));
  }
  return exitCode(results, shown, opts.quiet ? 0 : warningCount, opts.maxWarnings, io, outLocale);
}

/** --previous and --previous-dir must exist before anything is linted (a usage error, exit 2). */
async function checkPreviousPaths(opts: CliOptions, cwd: string, locale: Locale): Promise<void> {
  if (opts.previous !== undefined && !(await stat(path.resolve(cwd, opts.previous)).catch(() => undefined))?.isFile()) {
    throw new UsageError(usage.previousMissing(opts.previous, locale));
  }
  if (opts.previousDir !== undefined && !(await stat(path.resolve(cwd, opts.previousDir)).catch(() => undefined))?.isDirectory()) {
    throw new UsageError(usage.previousDirMissing(opts.previousDir, locale));
  }
}

/** The command line as API options (the config overrides the flags stand for). */
function apiOptionsFrom(opts: CliOptions, cwd: string): LintOptions {
  return {
    cwd,
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
}

/** `gia-lint serve`: the local web page, until SIGINT/SIGTERM. */
async function serve(opts: CliOptions, apiOptions: LintOptions, io: CliIO): Promise<number> {
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

/**
 * `--print-config <file>`: the resolved config as JSON, led by its `sources` (presets, config
 * files, packages, plugin configs, overrides, in the order applied, with resolved paths).
 */
async function printConfig(file: string, apiOptions: LintOptions, io: CliIO): Promise<number> {
  const { config, sources } = await explainConfigForFile(file, apiOptions);
  // Show the options the engine will really use: the rule's defaults under the configured ones.
  for (const [id, setting] of Object.entries(config.rules)) {
    setting.options = { ...(rulesForConfig(builtinRules, config).get(id)?.meta.defaultOptions ?? {}), ...setting.options };
  }
  io.stdout.write(`${JSON.stringify({ sources, ...config }, null, 2)}\n`);
  return 0;
}

interface Linted {
  results: LintResult[];
  region?: RegionOverview;
  stats?: BatchStats;
}

/** `--stdin`: one result for the text piped in. */
async function lintStdin(opts: CliOptions, apiOptions: LintOptions, io: CliIO): Promise<Linted> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return { results: [await lintBuffer(Buffer.concat(chunks), { ...apiOptions, filePath: opts.stdinFilename })] };
}

/** The files named: the batch (workers, cache, ignore file), then the region stage when this is a region run. */
async function lintBatch(opts: CliOptions, apiOptions: LintOptions, io: CliIO, locale: Locale): Promise<Linted> {
  if (opts.files.length === 0) throw new UsageError(noFilesGiven(locale));
  // Progress only where a person watches: a terminal's stderr, never a pipe, file or CI log.
  const progress = io.stderr.isTTY === true && !io.env.CI ? new Progress(io.stderr, locale) : undefined;
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
  if (!regionRun) return { results: batch.results, stats: batch.stats };
  const outcome = await runRegion(batch.results, regionConfig, rulesForConfig(builtinRules, regionConfig));
  return { results: outcome.results, region: outcome.overview, stats: batch.stats };
}

/** 2 when no file could be linted, 1 for errors or too many warnings, else 0. */
function exitCode(results: LintResult[], shown: LintResult[], countedWarnings: number, maxWarnings: number | undefined, io: CliIO, locale: Locale): number {
  if (results.every((r) => r.fatalErrorCount > 0)) {
    io.stderr.write(`gia-lint: ${runtime.nothingLinted(locale)}\n`);
    return 2;
  }
  if (shown.some((r) => r.errorCount > 0)) return 1;
  if (maxWarnings !== undefined && countedWarnings > maxWarnings) {
    io.stderr.write(`gia-lint: ${runtime.tooManyWarnings(countedWarnings, maxWarnings, locale)}\n`);
    return 1;
  }
  return 0;
}

/** A path whose config is the region's: a file inside a named directory, the named file, else none (cwd). */
async function configProbe(first: string | undefined, cwd: string): Promise<string | undefined> {
  if (first === undefined) return undefined;
  const abs = path.resolve(cwd, first);
  const st = await stat(abs).catch(() => undefined);
  if (st?.isDirectory()) return path.join(abs, '.gianrc-probe');
  return st?.isFile() ? abs : undefined;
}
