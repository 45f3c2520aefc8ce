import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../config/errors.js';
import type { Locale } from '../engine/types.js';
import { ALL_EXTENSIONS } from '../formats/index.js';
import { noFilesGiven, noGlobMatch, noLintableFiles, noSuchPath } from './messages.js';

/** File discovery: which files the paths, directories and globs on the command line stand for. */

export const DEFAULT_EXTENSIONS = ALL_EXTENSIONS;

/**
 * The files the user named themselves (a path, not a directory or glob pattern): a file found by
 * expansion that is no annual report is left silent (rule not-a-report), a named one is not.
 */
export async function namedFiles(patterns: string[], cwd: string): Promise<Set<string>> {
  // Plain paths (nearly every run) need no glob library: a pattern with none of * ? [ ] { } ( ) ! + @ is no glob.
  const isDynamicPattern = patterns.some(maybeGlob) ? (await import('tinyglobby')).isDynamicPattern : () => false;
  return new Set(patterns.filter((p) => !isDynamicPattern(p)).map((p) => path.resolve(cwd, p)));
}

/** Characters without which tinyglobby's isDynamicPattern (picomatch's scan) sees no glob. */
function maybeGlob(pattern: string): boolean {
  return /[*?[\]{}()!+@]/.test(pattern);
}

/** The files `patterns` stand for: absolute, deduplicated, sorted. */
export async function expandPatterns(patterns: string[], options: { cwd?: string; ext?: string[]; locale?: Locale } = {}): Promise<string[]> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const locale = options.locale ?? 'zh-CN';
  const exts = (options.ext ?? DEFAULT_EXTENSIONS).map((e) => (e.startsWith('.') ? e : `.${e}`).toLowerCase());
  const wanted = (f: string) => exts.includes(path.extname(f).toLowerCase());
  if (patterns.length === 0) throw new UsageError(noFilesGiven(locale));

  const files = new Set<string>();
  const missing: string[] = [];
  for (const pattern of patterns) {
    const abs = path.resolve(cwd, pattern);
    const st = await stat(abs).catch(() => undefined);
    if (st?.isFile()) {
      files.add(abs);
    } else if (st?.isDirectory()) {
      const found = (await walk(abs)).filter(wanted);
      if (found.length === 0) throw new UsageError(noLintableFiles(pattern, exts, locale));
      found.forEach((f) => files.add(f));
    } else if (maybeGlob(pattern) && (await import('tinyglobby')).isDynamicPattern(pattern)) {
      const found = (await globFiles(pattern, cwd)).filter(wanted);
      if (found.length === 0) throw new UsageError(noGlobMatch(pattern, locale));
      found.forEach((f) => files.add(f));
    } else {
      missing.push(pattern);
    }
  }
  // A path that does not exist is a usage error when it is all there was; beside other files it
  // is one fatal result of its own (reading it fails) and the rest of the batch is still linted.
  if (files.size === 0 && missing.length) throw new UsageError(noSuchPath(missing[0], locale));
  for (const m of missing) files.add(path.resolve(cwd, m));
  // Code-unit order, not localeCompare: the same on every machine.
  return [...files].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Files a glob matches, absolute. dot: false and the ignore list skip dot-directories and node_modules, as for directories. */
async function globFiles(pattern: string, cwd: string): Promise<string[]> {
  const { glob } = await import('tinyglobby');
  const found = await glob(pattern, { cwd, absolute: true, onlyFiles: true, dot: false, ignore: ['**/node_modules/**'] });
  return found.map((f) => path.resolve(f));
}

/** Files below `dir`, skipping node_modules and dot-directories. Symlinked directories are not followed. */
export async function walk(dir: string): Promise<string[]> {
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
