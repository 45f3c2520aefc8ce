import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { ConfigResolver, type ConfigOptions } from './config/load.js';
import { UsageError } from './config/errors.js';
import { verify } from './engine/linter.js';
import type { LintMessage, LintResult, Locale, ResolvedConfig } from './engine/types.js';
import { DEFAULT_MAX_BYTES, decodeBuffer, type DecodeFailureReason } from './formats/decode.js';
import { builtinRules } from './rules/index.js';

/**
 * The programmatic API (ESLint-like). The CLI is a thin shell around these functions; they do the
 * file and config work and leave the linting itself to the pure engine (`verify`).
 */

export interface LintOptions extends ConfigOptions {
  /** Force the input encoding of files (e.g. "gbk"); default: detect UTF-8/UTF-16/GB18030. */
  encoding?: string;
  /** Files larger than this become a fatal result. Default 20 MiB. */
  maxBytes?: number;
  /**
   * Keep each linted text in `result.source`, for reporters that show it (html). Off by default:
   * a batch would otherwise hold every report in memory, and the json format never prints it.
   */
  includeSource?: boolean;
}

export interface LintTextOptions extends LintOptions {
  /** Where the text comes from: picks the format and the config file; need not exist. */
  filePath?: string;
}

export interface LintFilesOptions extends LintOptions {
  /** Extensions picked from directories and globs (explicit file paths are always linted). */
  ext?: string[];
}

export const DEFAULT_EXTENSIONS = ['.md', '.markdown', '.txt'];

/** Lint a string. Without `filePath` the result's filePath is "<text>". */
export async function lintText(text: string, options: LintTextOptions = {}): Promise<LintResult> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const resolver = new ConfigResolver({ ...options, cwd });
  const filePath = options.filePath ? path.resolve(cwd, options.filePath) : undefined;
  const config = await resolver.forFile(filePath);
  return runEngine(text, filePath ?? '<text>', filePath, config, options);
}

/** Lint raw bytes (e.g. stdin): decoded like a file, so a decoding problem becomes a fatal result. */
export async function lintBuffer(buf: Buffer, options: LintTextOptions = {}): Promise<LintResult> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const resolver = new ConfigResolver({ ...options, cwd });
  const filePath = options.filePath ? path.resolve(cwd, options.filePath) : undefined;
  const config = await resolver.forFile(filePath);
  const decoded = decodeBuffer(buf, { encoding: options.encoding, maxBytes: options.maxBytes });
  if (!decoded.ok) return fatalResult(filePath ?? '<text>', decodeProblem(decoded.reason, buf.length, options, config.locale));
  return runEngine(decoded.text, filePath ?? '<text>', filePath, config, options);
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
  for (const file of files) results.push(await lintFile(file, await resolver.forFile(file), options));
  return results;
}

/**
 * One file with its resolved config: read, decode, lint. The unit of work of lintFiles and of the
 * batch runner (src/batch/: ignore file, worker threads, cache), so both lint a file the same way.
 */
export async function lintFile(file: string, config: ResolvedConfig, options: LintOptions = {}): Promise<LintResult> {
  const text = await readText(file, options, config.locale);
  return typeof text === 'string' ? runEngine(text, file, file, config, options) : fatalResult(file, text.message);
}

/** The files `patterns` stand for: absolute, deduplicated, sorted. */
export async function expandPatterns(
  patterns: string[],
  options: { cwd?: string; ext?: string[]; locale?: Locale } = {},
): Promise<string[]> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const locale = options.locale ?? 'zh-CN';
  const exts = (options.ext ?? DEFAULT_EXTENSIONS).map((e) => (e.startsWith('.') ? e : `.${e}`).toLowerCase());
  const wanted = (f: string) => exts.includes(path.extname(f).toLowerCase());
  const en = locale === 'en';
  if (patterns.length === 0) throw new UsageError(en ? 'No files given' : '没有指定要检查的文件');

  const files = new Set<string>();
  for (const pattern of patterns) {
    const abs = path.resolve(cwd, pattern);
    const st = await stat(abs).catch(() => undefined);
    if (st?.isFile()) {
      files.add(abs);
    } else if (st?.isDirectory()) {
      const found = (await walk(abs)).filter(wanted);
      if (found.length === 0) {
        throw new UsageError(
          en
            ? `No lintable files (${exts.join(', ')}) in directory ${pattern}`
            : `目录 ${pattern} 中没有可检查的文件（${exts.join('、')}）`,
        );
      }
      found.forEach((f) => files.add(f));
    } else if (isDynamicPattern(pattern)) {
      // dot: false and the ignore list skip dot-directories and node_modules, as for directories.
      const found = (await glob(pattern, { cwd, absolute: true, onlyFiles: true, dot: false, ignore: ['**/node_modules/**'] }))
        .map((f) => path.resolve(f))
        .filter(wanted);
      if (found.length === 0) {
        throw new UsageError(en ? `No files matching the pattern "${pattern}" were found` : `没有文件匹配模式 "${pattern}"`);
      }
      found.forEach((f) => files.add(f));
    } else {
      throw new UsageError(en ? `No such file or directory: ${pattern}` : `找不到文件或目录：${pattern}`);
    }
  }
  // Code-unit order, not localeCompare: the same on every machine.
  return [...files].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Files below `dir`, skipping node_modules and dot-directories. Symlinked directories are not followed. */
async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      out.push(...(await walk(full)));
    } else if (e.isFile()) {
      out.push(full);
    } else if (e.isSymbolicLink()) {
      const st = await stat(full).catch(() => undefined);
      if (st?.isFile()) out.push(full);
    }
  }
  return out;
}

/** File → text, or the reason it cannot be linted (already phrased for the user). */
async function readText(file: string, options: LintOptions, locale: Locale): Promise<string | { message: string }> {
  const en = locale === 'en';
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let buf: Buffer;
  try {
    // Check the size before reading, so a huge file is never loaded into memory.
    const { size } = await stat(file);
    if (size > maxBytes) return { message: decodeProblem('tooLarge', size, options, locale) };
    buf = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    return { message: en ? `Cannot read file (${code})` : `无法读取文件（${code}）` };
  }
  const decoded = decodeBuffer(buf, { encoding: options.encoding, maxBytes });
  return decoded.ok ? decoded.text : { message: decodeProblem(decoded.reason, buf.length, options, locale) };
}

function decodeProblem(reason: DecodeFailureReason, size: number, options: LintOptions, locale: Locale): string {
  const en = locale === 'en';
  switch (reason) {
    case 'empty':
      return en ? 'File is empty; there is nothing to lint' : '文件为空，没有可检查的内容';
    case 'binary':
      return en
        ? 'File appears to be binary (contains NUL bytes), not a text report'
        : '文件看起来是二进制文件（含 NUL 字节），不是文本报告';
    case 'tooLarge': {
      const limit = humanSize(options.maxBytes ?? DEFAULT_MAX_BYTES);
      return en ? `File is too large (${humanSize(size)}; limit ${limit})` : `文件过大（${humanSize(size)}，上限 ${limit}）`;
    }
    case 'undecodable':
      return options.encoding
        ? en
          ? `File cannot be decoded as ${options.encoding}`
          : `无法按 ${options.encoding} 编码解码文件`
        : en
          ? 'Unknown text encoding (neither valid UTF-8 nor GB18030)'
          : '无法识别文件编码（既不是有效的 UTF-8，也不是 GB18030）';
  }
}

function humanSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

function runEngine(
  text: string,
  shownPath: string,
  filePath: string | undefined,
  config: ResolvedConfig,
  options: LintOptions,
): LintResult {
  try {
    const { messages } = verify(text, { filePath, config, rules: options.rules ?? builtinRules });
    const result = makeResult(shownPath, messages);
    if (options.includeSource) result.source = text;
    return result;
  } catch (e) {
    // An engine failure is a bug; name the file so it can be reproduced.
    throw new Error(`${shownPath}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

function fatalResult(filePath: string, message: string): LintResult {
  return makeResult(filePath, [{ ruleId: null, fatal: true, severity: 2, message, line: 1, column: 1 }]);
}

/** ESLint result counts from the messages. Fatal messages count as errors. */
export function makeResult(filePath: string, messages: LintMessage[]): LintResult {
  const r: LintResult = {
    filePath,
    messages,
    errorCount: 0,
    warningCount: 0,
    fatalErrorCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  };
  for (const m of messages) {
    if (m.fatal) r.fatalErrorCount++;
    if (m.severity === 2) {
      r.errorCount++;
      if (m.fix) r.fixableErrorCount++;
    } else {
      r.warningCount++;
      if (m.fix) r.fixableWarningCount++;
    }
  }
  return r;
}

/** Keep errors only (--quiet), with counts to match. */
export function errorsOnly(results: LintResult[]): LintResult[] {
  return results.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 2), warningCount: 0, fixableWarningCount: 0 }));
}
