import { stat } from 'node:fs/promises';
import path from 'node:path';
import { displayPath } from '../config/load.js';
import { GiaLintError } from '../config/errors.js';
import { recognize, type PreviousReport } from '../engine/linter.js';
import type { Locale, ResolvedConfig } from '../engine/types.js';
import { identityOf, type PreviousEntry } from '../region/pairing.js';
import { DEFAULT_EXTENSIONS, walk } from './discover.js';
import { readInput } from './input.js';
import { noSuchFile, previousDirMissing, previousUnusable } from './messages.js';
import type { LintOptions } from './options.js';

/** Last year's reports: the one `previous` file, and the folder `previousDir`, each read once per process. */

const previousCache = new Map<string, Promise<PreviousReport>>();

/**
 * Last year's report (`previous` in the config, `--previous`), read and decoded once per file
 * version (path, size, mtime) and shared by every file compared with it, so the engine parses it
 * once per batch. A file that cannot be read or decoded stops the run (exit 2): comparing with
 * nothing would silently check nothing.
 */
export async function readPrevious(config: ResolvedConfig, options: LintOptions, cwd: string): Promise<PreviousReport | undefined> {
  const file = config.previous;
  if (file === undefined) return undefined;
  const locale = config.locale;
  const shown = displayPath(file, cwd);
  const failed = (why: string) => new GiaLintError(previousUnusable(shown, why, locale));
  const st = await stat(file).catch(() => undefined);
  if (!st?.isFile()) throw failed(noSuchFile(locale));
  const key = `${file}\0${st.size}\0${st.mtimeMs}\0${options.encoding ?? ''}`;
  let p = previousCache.get(key);
  if (!p) {
    p = readInput(file, options, locale).then((input) => {
      if ('message' in input) throw failed(input.message);
      return { text: input.text, filePath: file, document: input.document, script: input.script };
    });
    previousCache.set(key, p);
    // A failure is not remembered: the next call reports it afresh (or finds the file fixed).
    p.catch(() => previousCache.delete(key));
  }
  return p;
}

const previousDirCache = new Map<string, Promise<PreviousEntry[]>>();

/**
 * Characters of last year's text whose recognized reports an index keeps for pairing (~13 bytes
 * of model per character: 4 M ≈ 50 MB, a region of ~500 reports of 8,000 characters). Beyond it
 * a predecessor is read and parsed again when it is paired, so memory stays bounded however large
 * the folder.
 */
const KEPT_TEXT_BUDGET = 4_000_000;

/** Files read ahead while indexing a folder. */
const READ_AHEAD = 4;

/** Last year's reports as the index recognized them, by entry, until the one file paired with each takes it. */
const recognizedByIndex = new WeakMap<PreviousEntry, PreviousReport>();

/**
 * The predecessor `entry` stands for, as its index recognized it (then forgotten: each serves
 * the one file paired with it), or undefined when the index kept none (over the budget, an index
 * made without `keepReports`, or an entry copied into a worker thread): read it afresh then.
 */
export function takeRecognizedPrevious(entry: PreviousEntry): PreviousReport | undefined {
  const kept = recognizedByIndex.get(entry);
  recognizedByIndex.delete(entry);
  return kept;
}

/** Forget the recognized reports an index still keeps (the batch that asked for them is over). */
export function forgetRecognizedPrevious(entries: readonly PreviousEntry[]): void {
  for (const entry of entries) recognizedByIndex.delete(entry);
}

/**
 * A folder of last year's reports, indexed once per process: every report file below it (the
 * default extensions) is read and recognized for its organ and year; unreadable files are left
 * out (they cannot be anyone's predecessor). A missing folder stops the run (exit 2), as a missing
 * `previous` file does. With `keepReports` (a batch linting in this thread) the recognized reports
 * are kept for pairing (takeRecognizedPrevious), so no predecessor is parsed twice.
 */
export function indexPreviousDir(dir: string, options: LintOptions, locale: Locale, cwd: string, keepReports = false): Promise<PreviousEntry[]> {
  let p = previousDirCache.get(dir);
  if (!p) {
    p = indexFolder(dir, options, locale, cwd, keepReports);
    previousDirCache.set(dir, p);
    p.catch(() => previousDirCache.delete(dir));
  }
  return p;
}

/** Read and recognize every report below `dir` for its organ and year (one PreviousEntry each). */
async function indexFolder(dir: string, options: LintOptions, locale: Locale, cwd: string, keepReports: boolean): Promise<PreviousEntry[]> {
  const st = await stat(dir).catch(() => undefined);
  if (!st?.isDirectory()) throw new GiaLintError(previousDirMissing(displayPath(dir, cwd), locale));
  const files = (await walk(dir)).filter((f) => DEFAULT_EXTENSIONS.includes(path.extname(f).toLowerCase())).sort();
  const entries: PreviousEntry[] = [];
  let budget = keepReports ? KEPT_TEXT_BUDGET : 0;
  // The next files are read (in the thread pool) while this one is recognized.
  const load = (file: string) => {
    const loaded = readInput(file, options, locale).then(async (input) => ('message' in input ? undefined : { input, version: await stat(file) }));
    // A failure is thrown when its turn comes (never unhandled when an earlier one ends the loop).
    loaded.catch(() => undefined);
    return loaded;
  };
  const ahead = files.slice(0, READ_AHEAD).map(load);
  for (const [i, file] of files.entries()) {
    if (i + READ_AHEAD < files.length) ahead.push(load(files[i + READ_AHEAD]));
    const loaded = await ahead.shift();
    if (!loaded) continue;
    const { input, version } = loaded;
    const { size, mtimeMs } = version;
    // As previousReports recognizes a predecessor: its own year, from its own title.
    const { reports } = recognize(input.text, { filePath: file, document: input.document, script: input.script });
    const entry: PreviousEntry = { file, ...identityOf(reports), size, mtimeMs };
    entries.push(entry);
    if (input.text.length <= budget) {
      budget -= input.text.length;
      recognizedByIndex.set(entry, { text: input.text, filePath: file, reports });
    }
  }
  return entries;
}
