import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import { glob, isDynamicPattern } from 'tinyglobby';
import { ConfigResolver, displayPath, type ConfigOptions } from './config/load.js';
import { GiaLintError, UsageError } from './config/errors.js';
import { MAX_FIX_PASSES, previousReports, recognize, verify, verifyAndFix, type PreviousReport } from './engine/linter.js';
import type { Fix, GridCell, LintMessage, LintResult, Locale, OutlineEntry, ResolvedConfig, SuppressedMessage } from './engine/types.js';
import { DEFAULT_MAX_BYTES, decodeBuffer, type DecodeFailureReason } from './formats/decode.js';
import { ALL_EXTENSIONS, formatById, formatForBytes, formatOf } from './formats/index.js';
import { pick } from './i18n/format.js';
import type { Document, PagePlace, TableBlock } from './model/document.js';
import type { Report } from './model/report.js';
import { unitFacts } from './region/facts.js';
import { findPrevious, identityOf, type PreviousEntry } from './region/pairing.js';
import { readRegularFile, readFailureMessage } from './io/read-file.js';
import { WriteRefusedError, writeFileSafely } from './io/write-file.js';
import { builtinRules } from './rules/index.js';
import { rulesForConfig } from './config/plugins.js';
import { tableName } from './rules/shared/tables.js';

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
   * Apply fixes (ESLint's `fix`): results carry `output`, the fixed text, when it differs from
   * the input. Nothing is written; `outputFixes(results)` does that. A function picks which
   * messages' fixes to apply (e.g. errors only).
   */
  fix?: boolean | ((message: LintMessage) => boolean);
  /**
   * Keep each linted text in `result.source`, with its `outline` (sections and tables), for
   * reporters that show it (html). Off by default:
   * a batch would otherwise hold every report in memory, and the json format never prints it.
   */
  includeSource?: boolean;
  /**
   * Record what the region stage needs of each file (`result.unit`: organ, year, table cells, the
   * paired last-year file, the copied share). Implied for a file whose config has `previousDir`.
   */
  region?: boolean;
  /**
   * Folders of last year's reports already indexed, by absolute path (the batch indexes each
   * `previousDir` once and hands the index to its workers). A folder not in it is indexed on first use.
   */
  previousIndex?: Record<string, PreviousEntry[]>;
}

export interface LintTextOptions extends LintOptions {
  /** Where the text comes from: picks the format and the config file; need not exist. */
  filePath?: string;
}

export interface LintFilesOptions extends LintOptions {
  /** Extensions picked from directories and globs (explicit file paths are always linted). */
  ext?: string[];
}

export const DEFAULT_EXTENSIONS = ALL_EXTENSIONS;

/** Lint a string. Without `filePath` the result's filePath is "<text>". */
export async function lintText(text: string, options: LintTextOptions = {}): Promise<LintResult> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const resolver = new ConfigResolver({ ...options, cwd });
  const filePath = options.filePath ? path.resolve(cwd, options.filePath) : undefined;
  const config = await resolver.forFile(filePath);
  const previous = await readPrevious(config, options, cwd);
  return runEngine(text, filePath ?? '<text>', filePath, config, options, undefined, previous);
}

/** Lint raw bytes (e.g. stdin): decoded like a file, so a decoding problem becomes a fatal result. */
export async function lintBuffer(buf: Buffer, options: LintTextOptions = {}): Promise<LintResult> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const resolver = new ConfigResolver({ ...options, cwd });
  const filePath = options.filePath ? path.resolve(cwd, options.filePath) : undefined;
  const config = await resolver.forFile(filePath);
  const previous = await readPrevious(config, options, cwd);
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
  const named = namedFiles(patterns, cwd);
  for (const file of files) results.push(await lintFile(file, await resolver.forFile(file), options, !named.has(file)));
  return results;
}

/**
 * The files the user named themselves (a path, not a directory or glob pattern): a file found by
 * expansion that is no annual report is left silent (rule not-a-report), a named one is not.
 */
export function namedFiles(patterns: string[], cwd: string): Set<string> {
  return new Set(patterns.filter((p) => !isDynamicPattern(p)).map((p) => path.resolve(cwd, p)));
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
  input: Exclude<Input, { message: string }> & { fixedBytes?: Buffer },
  shownPath: string,
  filePath: string | undefined,
  config: ResolvedConfig,
  options: LintOptions,
  previous: PreviousReport | undefined,
  cwd: string,
  expanded = false,
): Promise<LintResult> {
  if (previous || config.previousDir === undefined) {
    return runEngine(input.text, shownPath, filePath, config, options, input.document, previous, input.notes, expanded, undefined, input.fixedBytes);
  }

  // Last year's report from a folder: recognize this file first (its organ and year pick the
  // predecessor), then lint it from that recognition instead of parsing it again.
  const prepared = recognize(input.text, { filePath, document: input.document, year: config.year });
  const entries = options.previousIndex?.[config.previousDir] ?? (await indexPreviousDir(config.previousDir, options, config.locale, cwd));
  const match = findPrevious(entries, identityOf(prepared.reports));
  // Read afresh, not through readPrevious's cache: each predecessor serves one file, and keeping
  // every one of them (and its parsed model) for the whole batch would grow with the region.
  const paired = match ? await readInput(match.file, options, config.locale) : undefined;
  const pairedPrevious = paired && 'text' in paired ? { text: paired.text, filePath: match!.file, document: paired.document } : undefined;
  return runEngine(input.text, shownPath, filePath, config, options, prepared.document, pairedPrevious, input.notes, expanded, prepared.reports, input.fixedBytes);
}

const previousDirCache = new Map<string, Promise<PreviousEntry[]>>();

/**
 * A folder of last year's reports, indexed once per process: every report file below it (the
 * default extensions) is read and recognized for its organ and year; unreadable files are left
 * out (they cannot be anyone's predecessor). A missing folder stops the run (exit 2), as a missing
 * `previous` file does.
 */
export function indexPreviousDir(dir: string, options: LintOptions, locale: Locale, cwd: string): Promise<PreviousEntry[]> {
  let p = previousDirCache.get(dir);
  if (!p) {
    p = (async () => {
      const st = await stat(dir).catch(() => undefined);
      if (!st?.isDirectory()) {
        const shown = displayPath(dir, cwd);
        throw new GiaLintError(locale === 'en' ? `Cannot use the folder of last year's reports ${shown}: no such directory` : `无法使用上一年度报告文件夹 ${shown}：目录不存在`);
      }
      const files = (await walk(dir)).filter((f) => DEFAULT_EXTENSIONS.includes(path.extname(f).toLowerCase())).sort();
      const entries: PreviousEntry[] = [];
      for (const file of files) {
        const input = await readInput(file, options, locale);
        if ('message' in input) continue;
        const { size, mtimeMs } = await stat(file);
        const { reports } = recognize(input.text, { filePath: file, document: input.document });
        entries.push({ file, ...identityOf(reports), size, mtimeMs });
      }
      return entries;
    })();
    previousDirCache.set(dir, p);
    p.catch(() => previousDirCache.delete(dir));
  }
  return p;
}

/**
 * Write the fixed text of every result that has `output` (ESLint's `ESLint.outputFixes`), in the
 * file's own encoding (a GBK file stays GBK, a BOM stays), the way src/io/write-file.ts writes
 * (a symlink's target is fixed; hard links, mode and owner are kept; read-only files are refused).
 * Results without a real file (stdin, "<text>") are skipped. A file that cannot be written does
 * not stop the others: they are all written, then one error names every file that was not.
 * Resolves to the files written.
 */
export async function outputFixes(results: LintResult[], options: { locale?: Locale; encoding?: string } = {}): Promise<string[]> {
  const en = options.locale === 'en';
  const written: string[] = [];
  const failed: string[] = [];
  for (const r of results) {
    if (r.output === undefined || !path.isAbsolute(r.filePath)) continue;
    // A binary format's `output` is its fixed text view; the file gets `outputBytes` or nothing.
    const binary = r.format !== undefined && formatById(r.format)?.binary === true;
    if (binary && !r.outputBytes) continue;
    try {
      if (r.outputBytes) {
        await writeFileAtomic(r.filePath, Buffer.from(r.outputBytes));
        written.push(r.filePath);
        continue;
      }
      // The encoding is detected again from the file itself (results may come from worker
      // threads or a cache), exactly as it was when the file was linted.
      const before = await readFile(r.filePath);
      const decoded = decodeBuffer(before, { encoding: options.encoding, maxBytes: Infinity });
      const encoding = decoded.ok ? decoded.encoding : 'utf-8';
      await writeFileSafely(r.filePath, encodeText(r.output, encoding, bomOf(before)));
      written.push(r.filePath);
    } catch (e) {
      if (e instanceof WriteRefusedError) {
        failed.push(
          e.reason === 'readOnly'
            ? en ? `Not fixing ${r.filePath}: the file is read-only` : `未修复 ${r.filePath}：文件是只读的`
            : en ? `Not fixing ${r.filePath}: not a regular file` : `未修复 ${r.filePath}：不是普通文件`,
        );
        continue;
      }
      const reason = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
      failed.push(en ? `Cannot write the fixed file ${r.filePath} (${reason})` : `无法写入修复后的文件 ${r.filePath}（${reason}）`);
    }
  }
  if (failed.length) throw new GiaLintError(failed.join('\n'));
  return written;
}

const BOMS: Record<string, number[]> = { 'utf-8': [0xef, 0xbb, 0xbf], 'utf-16le': [0xff, 0xfe], 'utf-16be': [0xfe, 0xff] };

export function encodeText(text: string, encoding: string, bom: boolean): Buffer {
  const body = encoding === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, encoding);
  return bom && BOMS[encoding] ? Buffer.concat([Buffer.from(BOMS[encoding]), body]) : body;
}

export function bomOf(buf: Buffer): boolean {
  return Object.values(BOMS).some((b) => b.every((byte, i) => buf[i] === byte));
}

/** Write a file the way --fix does (src/io/write-file.ts): symlink target, hard links, mode and owner kept, fsynced. */
export const writeFileAtomic = writeFileSafely;

/**
 * Last year's report (`previous` in the config, `--previous`), read and decoded once per file
 * version (path, size, mtime) and shared by every file compared with it, so the engine parses it
 * once per batch. A file that cannot be read or decoded stops the run (exit 2): comparing with
 * nothing would silently check nothing.
 */
const previousCache = new Map<string, Promise<PreviousReport>>();

export async function readPrevious(config: ResolvedConfig, options: LintOptions, cwd: string): Promise<PreviousReport | undefined> {
  const file = config.previous;
  if (file === undefined) return undefined;
  const locale = config.locale;
  const shown = displayPath(file, cwd);
  const failed = (why: string) =>
    new GiaLintError(locale === 'en' ? `Cannot use the previous report ${shown}: ${why}` : `无法使用上一年度报告 ${shown}：${why}`);
  const st = await stat(file).catch(() => undefined);
  if (!st?.isFile()) throw failed(locale === 'en' ? 'no such file' : '文件不存在');
  const key = `${file}\0${st.size}\0${st.mtimeMs}\0${options.encoding ?? ''}`;
  let p = previousCache.get(key);
  if (!p) {
    p = readInput(file, options, locale).then((input) => {
      if ('message' in input) throw failed(input.message);
      return { text: input.text, filePath: file, document: input.document };
    });
    previousCache.set(key, p);
    // A failure is not remembered: the next call reports it afresh (or finds the file fixed).
    p.catch(() => previousCache.delete(key));
  }
  return p;
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
  const missing: string[] = [];
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
      missing.push(pattern);
    }
  }
  // A path that does not exist is a usage error when it is all there was; beside other files it
  // is one fatal result of its own (reading it fails) and the rest of the batch is still linted.
  if (files.size === 0 && missing.length) {
    throw new UsageError(en ? `No such file or directory: ${missing[0]}` : `找不到文件或目录：${missing[0]}`);
  }
  for (const m of missing) files.add(path.resolve(cwd, m));
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

/**
 * What the engine lints: text, plus the Document when a binary format's processor built it from
 * bytes, and that processor's notes on what it could not read (shown as warnings).
 */
type Input = { text: string; document?: Document; notes?: string[]; bytes?: Buffer } | { message: string };

/** File → text, or the reason it cannot be linted (already phrased for the user). */
async function readInput(file: string, options: LintOptions, locale: Locale): Promise<Input> {
  // Only regular files, never more than the limit (src/io/read-file.ts).
  const read = await readRegularFile(file, options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (!read.ok) return { message: read.reason === 'tooLarge' ? decodeProblem('tooLarge', read.size, options, locale) : readFailureMessage(read, locale) };
  return bytesToInput(read.bytes, file, options, locale);
}

/**
 * Bytes → Input. A binary format (by name, or by its magic bytes when the name tells nothing, as
 * on stdin) is read by its processor; everything else is decoded as text.
 */
async function bytesToInput(buf: Buffer, filePath: string | undefined, options: LintOptions, locale: Locale): Promise<Input> {
  const format = formatForBytes(filePath, buf);
  if (format?.binary) {
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    if (buf.length > maxBytes) return { message: decodeProblem('tooLarge', buf.length, options, locale) };
    if (buf.length === 0) return { message: decodeProblem('empty', 0, options, locale) };
    const parsed = await format.parse(buf);
    if (!parsed.ok) return { message: pick(parsed.message, locale) };
    return { text: parsed.document.source.text, document: parsed.document, notes: parsed.notes?.map((n) => pick(n, locale)), bytes: buf };
  }
  const decoded = decodeBuffer(buf, { encoding: options.encoding, maxBytes: options.maxBytes });
  return decoded.ok ? { text: decoded.text } : { message: decodeProblem(decoded.reason, buf.length, options, locale) };
}

/**
 * `--fix` for a binary format whose descriptor can write fixes back (.docx): lint the Document,
 * write into the bytes the non-overlapping fixes the writer can place, read the new bytes and lint
 * again, up to MAX_FIX_PASSES (ESLint's loop, on the file instead of on text). The Input then holds
 * the fixed Document, and `fixedBytes` what --fix writes. Bytes that cannot be read back are never
 * kept. Without --fix, or for other formats, the Input is unchanged.
 */
async function fixBinary(
  input: Input,
  filePath: string | undefined,
  config: ResolvedConfig,
  options: LintOptions,
  previous: PreviousReport | undefined,
  expanded = false,
): Promise<Input & { fixedBytes?: Buffer }> {
  if ('message' in input || !input.document || !input.bytes || !options.fix) return input;
  const format = formatOf(input.document);
  if (!format.binary || format.fixes === 'manual') return input;
  const shouldFix = typeof options.fix === 'function' ? options.fix : () => true;
  const rules = rulesForConfig(options.rules ?? builtinRules, config);
  let { bytes, document } = input;
  let changed = false;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const { messages } = verify(document.source.text, { filePath, config, rules, document, previous, expanded });
    const fixes = nonOverlapping(messages.filter((m) => m.fix && shouldFix(m)).map((m) => m.fix!));
    if (fixes.length === 0) break;
    const written = await format.fixes.apply(bytes, document, fixes);
    if (written.applied.length === 0) break;
    const reread = await format.parse(written.bytes);
    if (!reread.ok) break;
    bytes = written.bytes;
    document = reread.document;
    changed = true;
  }
  return changed ? { ...input, text: document.source.text, document, fixedBytes: bytes } : input;
}

/** Fixes in position order, leaving out any that overlaps one before it. */
function nonOverlapping(fixes: Fix[]): Fix[] {
  const out: Fix[] = [];
  let last = -1;
  for (const f of [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1])) {
    if (f.range[0] < last) continue;
    out.push(f);
    last = f.range[1];
  }
  return out;
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
  document?: Document,
  previous?: PreviousReport,
  notes?: string[],
  expanded = false,
  reports?: Report[],
  fixedBytes?: Buffer,
): LintResult {
  try {
    // Fix ranges of a binary format point into its text view, not into the file: never apply
    // them to the view (fixBinary has written into the file those its format can place)…
    const binary = document !== undefined && formatOf(document).binary;
    const wantsFix = typeof options.fix === 'function' ? options.fix : () => options.fix === true;
    const shouldFix = binary ? () => false : wantsFix;
    const out = verifyAndFix(text, { filePath, config, rules: rulesForConfig(options.rules ?? builtinRules, config), document, reports, previous, shouldFix, expanded });
    let messages = out.messages;
    // …and never offer them; a fix --fix could not write is to be made by hand, and says so.
    if (binary) {
      const manual = MANUAL_FIX[config.locale === 'en' ? 'en' : 'zh-CN'];
      messages = messages.map(({ fix, suggestions: _s, ...m }) => (fix && options.fix && wantsFix({ ...m, fix }) ? { ...m, message: m.message + manual } : m));
    }
    // What the processor could not read comes first, as warnings of no rule.
    if (notes?.length) messages = [...notes.map((message): LintMessage => ({ ruleId: null, severity: 1, message, line: 1, column: 1 })), ...messages];
    // A paged format (PDF) also names the page, and the line on that page, each message points at.
    const pages = document?.pages;
    if (pages) messages = messages.map((m) => withPage(m, pages));
    const result = makeResult(shownPath, messages, out.suppressedMessages);
    result.format = out.document.format;
    if (out.fixed) result.output = out.output;
    if (fixedBytes) {
      result.output = text;
      result.outputBytes = fixedBytes;
    }
    if (options.includeSource) {
      result.source = text;
      result.outline = outlineOf(out.reports, out.document, config.locale);
    }
    if (options.region || config.previousDir !== undefined) {
      result.unit = unitFacts(out.document, out.reports, {
        previous: previous ? { filePath: previous.filePath, reports: previousReports(previous) } : undefined,
        previousWanted: config.previous !== undefined || config.previousDir !== undefined,
        deadlines: config.deadlines,
        agencyKind: config.agencyKind,
      });
    }
    return result;
  } catch (e) {
    // A plugin rule that fails is the plugin's problem, named as such (exit 2, no "internal error").
    if (e instanceof GiaLintError) throw new GiaLintError(`${shownPath}: ${e.message}`, { cause: e });
    // An engine failure is a bug; name the file so it can be reproduced.
    throw new Error(`${shownPath}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

/** Sections and tables of the recognized reports, by line, for reporters that group problems. */
function outlineOf(reports: Report[], document: Document, locale: Locale): OutlineEntry[] {
  const lineOf = (offset: number) => document.source.positionAt(offset).line;
  // A span's end is exclusive: its last line is the one holding the character before it.
  const lastLine = (start: number, end: number) => lineOf(Math.max(start, end - 1));
  const out: OutlineEntry[] = [];
  for (const report of reports) {
    for (const h of report.headings) {
      out.push({ kind: 'section', title: `${h.numbering ?? ''}${h.title}`, line: lineOf(h.span.start), endLine: lastLine(h.bodySpan.start, h.bodySpan.end) });
    }
    for (const t of Object.values(report.tables)) {
      if (!t) continue;
      // The recognized table may start at its first known row; the header rows above it are the
      // same table in the document.
      let { start, end } = t.span;
      for (const b of document.blocks) {
        if (b.kind === 'table' && b.span.start < t.span.end && b.span.end > t.span.start) {
          start = Math.min(start, b.span.start);
          end = Math.max(end, b.span.end);
        }
      }
      out.push({ kind: 'table', title: tableName(t.kind, locale), line: lineOf(start), endLine: lastLine(start, end) });
    }
  }
  for (const b of document.blocks) {
    if (b.kind !== 'table') continue;
    const rows = gridOf(b, document);
    if (rows) out.push({ kind: 'grid', title: '', line: rows[0][0].line, endLine: rows[rows.length - 1].at(-1)!.endLine, rows });
  }
  return out.sort((a, b) => a.line - b.line);
}

/**
 * A table's cells by line, when every cell is whole lines of its own, in order, with no line left
 * over (so drawing the lines as a table shows all of them): a Word table's view. Tables written
 * one row per line (Markdown, tab-separated) or as markup are shown as their lines instead.
 */
function gridOf(table: TableBlock, document: Document): GridCell[][] | undefined {
  const src = document.source;
  const rows: GridCell[][] = [];
  let next: number | undefined;
  for (const row of table.rows) {
    const cells: GridCell[] = [];
    for (const c of row.cells) {
      const start = src.positionAt(c.span.start);
      const endChar = src.text.charCodeAt(c.span.end);
      const wholeLines = start.column === 1 && (c.span.end >= src.text.length || endChar === 10 || endChar === 13);
      const line = start.line;
      const endLine = src.positionAt(Math.max(c.span.start, c.span.end - 1)).line;
      if (!wholeLines || (next !== undefined && line !== next)) return undefined;
      next = endLine + 1;
      cells.push({ line, endLine, rowSpan: c.rowSpan, colSpan: c.colSpan });
    }
    if (cells.length) rows.push(cells);
  }
  return rows.length ? rows : undefined;
}

/** A message of a paged format (PDF) also names the page, and the line on that page, it points at. */
function withPage(m: LintMessage, pages: PagePlace[]): LintMessage {
  const place = pages[Math.min(m.line, pages.length) - 1];
  return place ? { ...m, page: place.page, pageLine: place.line } : m;
}

/** Appended to a message whose fix --fix could not write into a binary file. */
const MANUAL_FIX = { 'zh-CN': '（无法自动修复：请在 Word 或 WPS 中手动修改）', en: ' (cannot be fixed automatically: make this change in Word or WPS)' };

function fatalResult(filePath: string, message: string): LintResult {
  return makeResult(filePath, [{ ruleId: null, fatal: true, severity: 2, message, line: 1, column: 1 }]);
}

/** ESLint result counts from the messages. Fatal messages count as errors. */
export function makeResult(filePath: string, messages: LintMessage[], suppressedMessages: SuppressedMessage[] = []): LintResult {
  const r: LintResult = {
    filePath,
    messages,
    suppressedMessages,
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
