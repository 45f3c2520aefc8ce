/**
 * `npm run test:unit`: the fast loop. Every suite that runs in-process (engine, model, rules,
 * formats, reporters, config) — no build, no spawned CLI or server. A suite is end-to-end when it,
 * or a test helper it imports (statically: a helper's rarely taken path may import() a spawning
 * module, as test/formats/office.ts does to make a missing fixture), spawns a process or loads
 * the build (bin/, dist/); those are found by reading the files, so a new end-to-end suite is left
 * out without being listed here. An in-process suite that runs hundreds of generated inputs says
 * `@unit-loop skip: <why>` in its header comment and is left out too.
 * `npm test` runs everything, as CI does.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import base from './jest.config.js';

const root = path.dirname(fileURLToPath(import.meta.url));
const END_TO_END = /\b(?:spawn|spawnSync|execFile|execFileSync|fork)\(|bin\/gia-lint|['"](?:\.{1,2}\/)*dist\//;
const LOCAL_IMPORT = /from\s+['"](\.{1,2}\/[^'"]+)['"]/g;

const SKIP = /^ \* @unit-loop skip\b/m;

function needsBuild(file, seen = new Set()) {
  if (seen.has(file) || !existsSync(file)) return false;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  if (END_TO_END.test(text)) return true;
  for (const [, spec] of text.matchAll(LOCAL_IMPORT)) {
    const target = path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts'));
    // Only test helpers are followed: src/ is what the unit suites test.
    if (target.startsWith(path.join(root, 'test')) && needsBuild(target, seen)) return true;
  }
  return false;
}

const suites = readdirSync(path.join(root, 'test'), { recursive: true })
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => path.join(root, 'test', f));
const endToEnd = suites.filter((f) => needsBuild(f) || SKIP.test(readFileSync(f, 'utf8')));

export default {
  ...base,
  // Every core: jest's default leaves one free (a single worker on a 2-core machine, twice the wait).
  maxWorkers: '100%',
  testPathIgnorePatterns: ['/node_modules/', ...endToEnd.map((f) => `^${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)],
};
