/**
 * Markdown read again after an edit (src/formats/markdown-incremental.ts) equals Markdown read
 * whole (parseMarkdown), byte for byte, over thousands of random edits: typing, deleting, pasting
 * lines, and edits that change the structure (fences, lists, HTML tables, setext underlines, lazy
 * continuations, definitions, blank lines appearing and disappearing, CRLF).
 *
 * @unit-loop skip: thousands of edited reports parsed twice each (property-based) (`npm test` runs it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { IncrementalMarkdown } from '../../src/formats/markdown-incremental.js';
import { parseMarkdown } from '../../src/formats/markdown.js';
import { MAX_INLINE_DELIMITERS } from '../../src/formats/markdown-bounds.js';
import { generateReport } from '../support/generate.js';
import { serializeDocument as serialize } from '../support/documents.js';

const root = path.resolve(import.meta.dirname, '../..');

/** Seeded PRNG (mulberry32): the same edits on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pieces typed or pasted: prose, line breaks, and every mark that can change the block structure around it. */
const PIECES = [
  '我',
  '局',
  '，',
  'a',
  '1',
  '2024',
  ' ',
  '　',
  '\ufeff',
  '\t',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  '#',
  '## ',
  '- ',
  '* ',
  '1. ',
  '> ',
  '    ',
  '```',
  '```\n',
  '~~~',
  '---',
  '===',
  '***',
  '|',
  '| 1 |',
  '|---|---|\n',
  '| 项目 | 数量 |\n|---|---|\n| 予以公开 | 3 |\n',
  '<table><tr><td>1</td></tr>',
  '</table>',
  '<table>\n\n<tr><td>总计</td><td>5</td></tr>\n\n</table>\n',
  '<!--',
  '-->',
  '<!-- gia-lint-disable-next-line table-sum -->\n',
  '<div>',
  '[x]: http://a\n',
  '[x]',
  '![表三](t3.png)',
  '<img src="a.png">',
  '*',
  '_',
  '`',
  '[',
  '一、总体情况\n',
  '\t3\t4\t5\n',
  '*'.repeat(MAX_INLINE_DELIMITERS + 1),
];

/** One random edit of `text`: insert a piece, delete a range, or cut/duplicate a line. */
function edit(text: string, rnd: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  // Often at a line start, where structure is decided.
  let at = Math.floor(rnd() * (text.length + 1));
  if (rnd() < 0.4) at = text.lastIndexOf('\n', at - 1) + 1;
  const kind = rnd();
  if (kind < 0.55) return text.slice(0, at) + pick(PIECES) + text.slice(at);
  if (kind < 0.8) return text.slice(0, at) + text.slice(at + 1 + Math.floor(rnd() * (rnd() < 0.8 ? 3 : 200)));
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at) === -1 ? text.length : text.indexOf('\n', at) + 1;
  const line = text.slice(lineStart, lineEnd);
  return kind < 0.9 ? text.slice(0, lineStart) + text.slice(lineEnd) : text.slice(0, lineEnd) + line + text.slice(lineEnd);
}

function markdownFiles(): string[] {
  const cases = path.join(root, 'test/cases');
  const files = [path.join(root, 'examples/draft-2024.md'), path.join(root, 'examples/clean-2024.md')];
  for (const dir of readdirSync(cases)) for (const f of readdirSync(path.join(cases, dir))) if (f.endsWith('.md')) files.push(path.join(cases, dir, f));
  return files;
}

/** Applies `edits` random edits one after another, comparing every version; returns how many were read in pieces. */
function checkEdits(start: string, edits: number, seed: number): number {
  const rnd = random(seed);
  const incremental = new IncrementalMarkdown();
  let text = start;
  let pieces = 0;
  for (let i = 0; i <= edits; i++) {
    const got = serialize(incremental.parse(text));
    if (incremental.lastMode.kind === 'piece') pieces++;
    const want = serialize(parseMarkdown(text));
    if (got !== want) throw new Error(`edit ${i} of seed ${seed}: the incremental Document differs from the whole parse\n--- text ---\n${text}`);
    text = edit(text, rnd);
  }
  return pieces;
}

describe('incremental Markdown equals the whole parse', () => {
  test('random edits to every Markdown rule case and the examples', () => {
    const files = markdownFiles();
    expect(files.length).toBeGreaterThan(50);
    let pieces = 0;
    files.forEach((file, k) => (pieces += checkEdits(readFileSync(file, 'utf8'), 12, 1000 + k)));
    // Most edits are read in pieces (else this test would only compare the whole parse with itself).
    expect(pieces).toBeGreaterThan(files.length * 9);
  });

  test('random edits to generated reports of every era, and with CRLF line ends', () => {
    let pieces = 0;
    for (const [k, year] of [2010, 2016, 2019, 2021, 2024].entries()) {
      const md = generateReport({ year, format: 'md', seed: k });
      // Short runs from the report as generated: edits pile up (an unclosed fence, a definition) and
      // leave a text that can only be read whole.
      for (let run = 0; run < 3; run++) pieces += checkEdits(md, 20, 2000 + 10 * k + run);
      pieces += checkEdits(md.replaceAll('\n', '\r\n'), 20, 3000 + k);
    }
    expect(pieces).toBeGreaterThan(5 * 4 * 15);
  });
});
