/**
 * Markdown read again after an edit (src/formats/markdown-incremental.ts) equals Markdown read
 * whole (parseMarkdown), byte for byte, over thousands of random edits: typing, deleting, pasting
 * lines, and edits that change the structure (fences, lists, HTML tables, setext underlines, lazy
 * continuations, definitions, blank lines appearing and disappearing, CRLF and CR).
 *
 * Its power was measured by mutation (each a one-line bug in the incremental reader: a check left
 * out, a node type wrongly taken as closed by a blank line, an offset not moved): small documents
 * dense with structure, edited line by line as well as character by character, find the bugs the
 * rule cases and the generated reports find after many more edits of their ~8–25 KB (each version
 * is also parsed whole, which is the cost), and two that they miss (a list, and any unit, taken as
 * closed by a blank line). So `npm test` reads many small documents and each rule case and
 * generated report only a few times; GIA_RANDOM_EDITS_SCALE=N runs N times as many documents and
 * edits, GIA_RANDOM_EDITS_SEED=S other ones (`npm run test:random-edits`: scale 20).
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

/** How long it runs: 1 in `npm test`; the opt-in long run multiplies documents and edits, and may take other seeds. */
const SCALE = Math.max(1, Number(process.env.GIA_RANDOM_EDITS_SCALE ?? 1));
const SEED = Number(process.env.GIA_RANDOM_EDITS_SEED ?? 0) * 100_000;

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

/** Lines of small documents dense with structure: every kind of block, its continuations, definitions and references, blank lines. */
const LINES = [
  '一、总体情况',
  '本年主动公开信息12条。',
  '- 予以公开 3 件',
  '  - 部分公开 1 件',
  '1. 第一项',
  '2) 第二项',
  '> 引用',
  '> > 两层',
  '    缩进代码',
  '  续行',
  '```',
  '~~~',
  '| 项目 | 数量 |',
  '|---|---|',
  '| 予以公开 | 3 |',
  '<table><tr><td>1</td></tr>',
  '</table>',
  '<!-- 注 -->',
  '<!--',
  '-->',
  '<div>',
  '[x]: http://a',
  '见[x]和[y]',
  '[y]: /b "t"',
  '***',
  '---',
  '===',
  '## 标题',
  '',
  '',
  '',
  '\t3\t4\t5',
  '\ufeff正文',
  '*强调*和**加粗**',
  '![图](t.png)',
  '<img src="a.png">',
];
const LINE_ENDS = ['\n', '\n', '\n', '\r\n', '\r\n', '\r'];
/** Share of a small document's edits that type a whole line or indent one. */
const LINE_EDITS = 0.3;

/** A whole line typed at a line start (a definition, a list continuation, a blank line), or a line indented. */
function lineEdit(text: string, rnd: () => number, eol: string): string {
  const at = text.lastIndexOf('\n', Math.floor(rnd() * (text.length + 1)) - 1) + 1;
  if (rnd() < 0.5) return text.slice(0, at) + LINES[Math.floor(rnd() * LINES.length)] + eol + text.slice(at);
  return text.slice(0, at) + (rnd() < 0.5 ? '  ' : '    ') + text.slice(at);
}

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

/**
 * Applies `edits` random edits one after another, comparing every version; returns how many were read
 * in pieces. With `eol` (a small document's line end), some edits type or indent whole lines.
 */
function checkEdits(start: string, edits: number, seed: number, eol?: string): number {
  const rnd = random(seed);
  const incremental = new IncrementalMarkdown();
  let text = start;
  let pieces = 0;
  for (let i = 0; i <= edits; i++) {
    const got = serialize(incremental.parse(text));
    if (incremental.lastMode.kind === 'piece') pieces++;
    const want = serialize(parseMarkdown(text));
    if (got !== want) throw new Error(`edit ${i} of seed ${seed}: the incremental Document differs from the whole parse\n--- text ---\n${text}`);
    text = eol && rnd() < LINE_EDITS ? lineEdit(text, rnd, eol) : edit(text, rnd);
  }
  return pieces;
}

describe('incremental Markdown equals the whole parse', () => {
  test('random edits to small documents dense with structure, with every line end', () => {
    const rnd = random(7 + SEED);
    const docs = 150 * SCALE;
    let pieces = 0;
    for (let d = 0; d < docs; d++) {
      const eol = LINE_ENDS[Math.floor(rnd() * LINE_ENDS.length)];
      const lines = Array.from({ length: 3 + Math.floor(rnd() * 20) }, () => LINES[Math.floor(rnd() * LINES.length)]);
      pieces += checkEdits(lines.join(eol) + eol, 10, 5000 + SEED + d, eol);
    }
    // Most edits are read in pieces (else this test would only compare the whole parse with itself).
    expect(pieces).toBeGreaterThan(docs * 7);
  });

  test('random edits to every Markdown rule case and the examples', () => {
    const files = markdownFiles();
    expect(files.length).toBeGreaterThan(50);
    let pieces = 0;
    files.forEach((file, k) => (pieces += checkEdits(readFileSync(file, 'utf8'), 2 * SCALE, 1000 + SEED + k)));
    expect(pieces).toBeGreaterThan(files.length * 1.5 * SCALE);
  });

  test('random edits to generated reports of every era, and with CRLF line ends', () => {
    let pieces = 0;
    for (const [k, year] of [2010, 2016, 2019, 2021, 2024].entries()) {
      const md = generateReport({ year, format: 'md', seed: k });
      // Short runs from the report as generated: edits pile up (an unclosed fence, a definition) and
      // leave a text that can only be read whole.
      for (let run = 0; run < SCALE; run++) pieces += checkEdits(md, 20, 2000 + SEED + 10 * k + run);
      pieces += checkEdits(md.replaceAll('\n', '\r\n'), 20 * SCALE, 3000 + SEED + k);
    }
    expect(pieces).toBeGreaterThan(5 * 2 * 15 * SCALE);
  });
});
