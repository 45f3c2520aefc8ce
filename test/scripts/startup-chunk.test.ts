/**
 * What a plain run loads (issue 14: start-up ≤ 200 ms for one small file). The CLI bundle's
 * start-up chunks — dist/bundle/main.js and every chunk it imports statically — hold none of the
 * packages that load on first use: each costs compile time on every run that never needs it.
 * esbuild names each bundled file in a comment (`// node_modules/<package>/…`), which is what is read.
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BUNDLE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../dist/bundle');

/** main.js and the chunks reached from it by static imports (not `import()`), as text. */
function startupChunks(): Map<string, string> {
  const chunks = new Map<string, string>();
  const queue = ['main.js'];
  while (queue.length) {
    const file = queue.shift()!;
    if (chunks.has(file)) continue;
    const text = readFileSync(path.join(BUNDLE, file), 'utf8');
    chunks.set(file, text);
    for (const m of text.matchAll(/^import\s[^;]*?from\s*"\.\/([^"]+)"|^import\s*"\.\/([^"]+)"/gm)) queue.push(m[1] ?? m[2]);
  }
  return chunks;
}

/** Loaded on first use: for a file that is not UTF-8, a config file, a glob, a word-processor file, a PDF, a traditional-script page, the language server. */
const ON_FIRST_USE = [
  'iconv-lite',
  'yaml',
  'ajv',
  'jsonc-parser',
  'picomatch',
  'tinyglobby',
  'ignore',
  'import-meta-resolve',
  'dom-serializer',
  'domutils',
  'cheerio',
  'mammoth',
  'jszip',
  'word-extractor',
  'pdfjs-dist',
  'opencc-js',
  'vscode-languageserver',
];

describe('the start-up chunks of the CLI bundle', () => {
  const chunks = startupChunks();
  const text = [...chunks.values()].join('\n');

  test('hold what every run needs (the check sees bundled packages)', () => {
    expect(chunks.size).toBeGreaterThan(1);
    expect(text).toContain('// node_modules/micromark/');
    expect(text).toContain('// node_modules/htmlparser2/');
  });

  test('hold none of the packages loaded on first use', () => {
    expect(ON_FIRST_USE.filter((name) => text.includes(`// node_modules/${name}/`))).toEqual([]);
  });

  test('import neither node:crypto nor node:worker_threads (only --cache hashes, only batches of several threads start one)', () => {
    expect(text).not.toMatch(/^import [^;]*from "node:(?:crypto|worker_threads)"/m);
  });
});
