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
      return { text: input.text, filePath: file, document: input.document };
    });
    previousCache.set(key, p);
    // A failure is not remembered: the next call reports it afresh (or finds the file fixed).
    p.catch(() => previousCache.delete(key));
  }
  return p;
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
    p = indexFolder(dir, options, locale, cwd);
    previousDirCache.set(dir, p);
    p.catch(() => previousDirCache.delete(dir));
  }
  return p;
}

/** Read and recognize every report below `dir` for its organ and year (one PreviousEntry each). */
async function indexFolder(dir: string, options: LintOptions, locale: Locale, cwd: string): Promise<PreviousEntry[]> {
  const st = await stat(dir).catch(() => undefined);
  if (!st?.isDirectory()) throw new GiaLintError(previousDirMissing(displayPath(dir, cwd), locale));
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
}
