import path from 'node:path';
import { ConfigResolver } from './config/load.js';
import { recognize, type PreviousReport } from './engine/linter.js';
import type { LintResult, Locale, ResolvedConfig } from './engine/types.js';
import type { PagePlace } from './model/document.js';
import { prepareScript } from './model/script.js';
import { findPrevious, identityOf } from './region/pairing.js';
import { DEFAULT_EXTENSIONS, expandPatterns, namedFiles } from './api/discover.js';
import { fixBinary } from './api/fix-binary.js';
import { bytesToInput, readInput, type ReadInput } from './api/input.js';
import type { LintFilesOptions, LintOptions, LintTextOptions } from './api/options.js';
import { indexPreviousDir, readPrevious, takeRecognizedPrevious } from './api/previous.js';
import { fatalResult } from './api/result.js';
import { runEngine } from './api/run-engine.js';

/**
 * The programmatic API (ESLint-like). The CLI is a thin shell around these functions; they do the
 * file and config work and leave the linting itself to the pure engine (`verify`). Each job has a
 * module of its own in src/api/: discovery, reading and decoding, the binary --fix loop, last
 * year's reports, writing fixes, running the engine, results.
 */

export type { LintFilesOptions, LintOptions, LintTextOptions } from './api/options.js';
export { DEFAULT_EXTENSIONS, expandPatterns, namedFiles } from './api/discover.js';
export { forgetRecognizedPrevious, indexPreviousDir, readPrevious } from './api/previous.js';
export { bomOf, encodeText, outputFixes, writeFileAtomic } from './api/write-fixes.js';
export { errorsOnly, makeResult } from './api/result.js';

/** What linting a string or bytes needs besides them: the absolute path, its config, last year's report. */
async function textContext(options: LintTextOptions) {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const filePath = options.filePath ? path.resolve(cwd, options.filePath) : undefined;
  const config = await new ConfigResolver({ ...options, cwd }).forFile(filePath);
  return { cwd, filePath, config, previous: await readPrevious(config, options, cwd) };
}

/** Lint a string. Without `filePath` the result's filePath is "<text>". */
export async function lintText(text: string, options: LintTextOptions = {}): Promise<LintResult> {
  const { filePath, config, previous } = await textContext(options);
  const script = await prepareScript(text);
  return runEngine({ text, script, shownPath: filePath ?? '<text>', filePath, config, options, previous });
}

/** Lint raw bytes (e.g. stdin): decoded like a file, so a decoding problem becomes a fatal result. */
export async function lintBuffer(buf: Buffer, options: LintTextOptions = {}): Promise<LintResult> {
  const { cwd, filePath, config, previous } = await textContext(options);
  const input = await fixBinary(await bytesToInput(buf, filePath, options, config.locale), filePath, config, options, previous);
  if ('message' in input) return fatalResult(filePath ?? '<text>', input.message);
  return lintInput(input, filePath ?? '<text>', filePath, config, options, previous, cwd);
}

/**
 * Lint files, directories and globs. Results come in sorted path order. A pattern that matches
 * nothing is a UsageError; a file that cannot be read or decoded becomes a result with one fatal
 * message, and the rest of the batch goes on. Files are read one at a time to bound memory.
 */
export async function lintFiles(patterns: string[], options: LintFilesOptions = {}): Promise<LintResult[]> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const locale = options.overrideConfig?.locale ?? 'zh-CN';
  const files = await expandPatterns(patterns, { cwd, ext: options.ext ?? DEFAULT_EXTENSIONS, locale });
  const resolver = new ConfigResolver({ ...options, cwd });
  const results: LintResult[] = [];
  const named = await namedFiles(patterns, cwd);
  for (const file of files) results.push(await lintFile(file, await resolver.forFile(file), options, !named.has(file)));
  return results;
}

/**
 * One file with its resolved config: read, decode, lint. The unit of work of lintFiles and of the
 * batch runner (src/batch/: ignore file, worker threads, cache), so both lint a file the same way.
 */
export async function lintFile(file: string, config: ResolvedConfig, options: LintOptions = {}, expanded = false): Promise<LintResult> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const previous = await readPrevious(config, options, cwd);
  const input = await fixBinary(await readInput(file, options, config.locale), file, config, options, previous, expanded);
  if ('message' in input) return fatalResult(file, input.message);
  return lintInput(input, file, file, config, options, previous, cwd, expanded);
}

/** Lint what was read (a file, or bytes from stdin or the desk page), pairing it with last year's report from `previousDir` if asked. */
async function lintInput(
  input: ReadInput & { fixedBytes?: Buffer },
  shownPath: string,
  filePath: string | undefined,
  config: ResolvedConfig,
  options: LintOptions,
  previous: PreviousReport | undefined,
  cwd: string,
  expanded = false,
): Promise<LintResult> {
  const run = { text: input.text, script: input.script, shownPath, filePath, config, options, notes: input.notes, expanded, fixedBytes: input.fixedBytes };
  if (previous || config.previousDir === undefined) return runEngine({ ...run, document: input.document, previous });

  // Last year's report from a folder: recognize this file first (its organ and year pick the
  // predecessor), then lint it from that recognition instead of parsing it again.
  const prepared = recognize(input.text, { filePath, document: input.document, year: config.year, script: input.script });
  const entries = options.previousIndex?.[config.previousDir] ?? (await indexPreviousDir(config.previousDir, options, config.locale, cwd));
  const match = findPrevious(entries, identityOf(prepared.reports));
  // As the index recognized it, else read afresh (not through readPrevious's cache: each
  // predecessor serves one file, and keeping every one of them, parsed, would grow with the region).
  const recognized = match ? takeRecognizedPrevious(match) : undefined;
  const paired = match && !recognized ? await readInput(match.file, options, config.locale) : undefined;
  const pairedPrevious =
    recognized ?? (paired && 'text' in paired ? { text: paired.text, filePath: match!.file, document: paired.document, script: paired.script } : undefined);
  return runEngine({ ...run, document: prepared.document, previous: pairedPrevious, reports: prepared.reports });
}

/**
 * The text gia-lint reads from each file, as positions count it (`--print-text`): the decoded
 * text, or the text view of a binary format, with the page and page line of every view line for a paged one (PDF).
 * A file that cannot be read gives its fatal message instead.
 */
export async function readTexts(
  patterns: string[],
  options: LintFilesOptions & { locale?: Locale } = {},
): Promise<{ filePath: string; text?: string; places?: PagePlace[]; message?: string }[]> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const locale = options.locale ?? 'zh-CN';
  const files = await expandPatterns(patterns, { cwd, ext: options.ext ?? DEFAULT_EXTENSIONS, locale });
  const out = [];
  for (const file of files) {
    const input = await readInput(file, options, locale);
    if ('message' in input) out.push({ filePath: file, message: input.message });
    else out.push({ filePath: file, text: input.text, ...(input.document?.pages ? { places: input.document.pages } : {}) });
  }
  return out;
}
