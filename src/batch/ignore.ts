import { readFile } from 'node:fs/promises';
import path from 'node:path';

export const IGNORE_FILE = '.gianignore';

/**
 * `.gianignore` in the working directory, in .gitignore syntax (the `ignore` package, as ESLint
 * uses): returns a predicate for absolute paths. Files outside the working directory are never
 * ignored by it, since its patterns are relative to that directory. No file: nothing is ignored.
 */
export async function loadIgnore(cwd: string, file = path.join(cwd, IGNORE_FILE)): Promise<(abs: string) => boolean> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return () => false;
    throw e;
  }
  // Loaded only when there is a file to read: most runs have none.
  const { default: ignore } = await import('ignore');
  const ig = ignore().add(text.replace(/^\uFEFF/, ''));
  return (abs) => {
    const rel = path.relative(cwd, abs);
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return false;
    return ig.ignores(rel.split(path.sep).join('/'));
  };
}
