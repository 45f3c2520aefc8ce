import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { packageVersion } from '../reporters/index.js';
import { singleExecutable } from '../single-executable.js';
import { sha256Hash } from './cache.js';

let cached: string | undefined;

/**
 * What the cache must be invalidated by besides content and config: the version, and the compiled
 * code itself (size and mtime of every module of this build), so that a rebuilt checkout with an
 * unchanged version number never serves results of the old rules.
 */
export function buildFingerprint(): string {
  if (cached) return cached;
  // The single executable is one file: its size and mtime stand for the code.
  if (singleExecutable) {
    const st = statSync(process.execPath);
    return (cached = sha256Hash().update(`${packageVersion()}\0${st.size}\0${st.mtimeMs}`).digest('hex'));
  }
  const root = path.dirname(path.dirname(fileURLToPath(import.meta.url))); // dist/ (or src/ in tests)
  const h = sha256Hash().update(packageVersion());
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.(js|ts|json)$/.test(e.name) && !e.name.endsWith('.map')) {
        const st = statSync(full);
        h.update(`${path.relative(root, full)}\0${st.size}\0${st.mtimeMs}\n`);
      }
    }
  };
  walk(root);
  cached = h.digest('hex');
  return cached;
}
