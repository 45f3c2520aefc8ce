/**
 * Fuzzing every format: random text made of report fragments, markup of each format and the
 * shapes that make regular expressions and parsers backtrack (long runs of spaces, delimiters,
 * `<!--`, nested tags, digits after 传真), plus damaged .docx/.odt/.rtf/.pdf bytes. Nothing may
 * throw and every position must lie inside the text.
 *
 * In the suite it runs a few hundred seeded inputs (fixed seed: the same inputs every run).
 * `npm run fuzz` runs 100,000 (FUZZ_RUNS) with a random seed and also lists inputs slower than
 * 2 s per 200 KB; its last result is in the README ("Security & reliability").
 *
 * @unit-loop skip: a few hundred fuzzed inputs in every format (`npm test` runs it).
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { verify } from '../src/engine/linter.js';
import { formatForBytes } from '../src/formats/index.js';
import { builtinRules } from '../src/rules/index.js';
import { configFor as allRulesConfig } from './engine/helpers.js';
import { expectInside } from './support/positions.js';

const FUZZ_RUNS = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : undefined;
const fuzzMode = FUZZ_RUNS !== undefined;
const config = allRulesConfig(builtinRules);

const FRAGMENTS = [
  '2023年度政府信息公开工作年度报告', '一、总体情况', '二、', '（一）', '1.', '统计期限自2023年1月1日起至2023年12月31日止',
  '本年新收政府信息公开申请数量', '上年结转', '予以公开', '信息处理费', '0', '12', '３', '共计', '件', '元', '。', '，', '：', '；',
  '传真：', '打印', '关闭', '【', '】', '大 中 小', '当前位置：首页 > ', '点击次数：', '分享到：', 'gia-lint-disable', ' -- ',
  '<!--', '-->', '<table>', '</table>', '<tr>', '<td>', '</td>', '<div>', '</div>', '<p>', '<br/>', '&nbsp;', '&#x41;', '<script>',
  '|', '| --- |', '\t', ' ', '  ', '\u3000', '\n', '\r\n', '\n\n', '#', '## ', '* ', '- ', '*', '_', '**', '`', '~', '[', '](', ')', '!',
  '×', 'XX', '某某', '（此处填写）', 'TODO', '一、', '第1页', '- 1 -', '\u202e', '\u001b[31m', '\u0007', '\u0000', '😀',
];

/** A fragment, or a fragment repeated up to 3,000 times (the backtracking shapes). */
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...FRAGMENTS), fc.integer({ min: 2, max: 3000 })).map(([f, n]) => f.repeat(n)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40, unit: 'binary' }) },
);
const text = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));
const textName = fc.constantFrom('r.md', 'r.txt', 'r.html', 'r.htm');

function lintText(t: string, name: string): void {
  const out = verify(t, { filePath: name, config, rules: builtinRules });
  expectInside(out.messages, t);
}

const DOCX = readFileSync(new URL('./fixtures/pdf/word-2024.docx', import.meta.url));

/** Damaged bytes: flipped bytes and a cut, of a real .docx or of text. */
const damaged = fc.tuple(fc.boolean(), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 20 }), fc.nat(), fc.constantFrom('r.docx', 'r.odt', 'r.rtf', 'r.pdf', 'r.doc', 'r.wps'));

async function lintBytes(bytes: Buffer, name: string): Promise<void> {
  const descriptor = formatForBytes(name, bytes);
  if (!descriptor?.binary) return lintText(bytes.toString('utf8'), name);
  const parsed = await descriptor.parse(bytes);
  if (!parsed.ok) return;
  const t = parsed.document.source.text;
  expectInside(verify(t, { filePath: name, document: parsed.document, config, rules: builtinRules }).messages, t);
}

/** Inputs over 2 s per 200 KB (fuzz mode only; the suite times nothing). */
const slow: string[] = [];
function timed<T>(label: string, size: number, run: () => T): T {
  if (!fuzzMode) return run();
  const start = performance.now();
  const result = run();
  const ms = performance.now() - start;
  if (ms > 2000 * Math.max(1, size / 200_000)) slow.push(`${label}: ${size} chars, ${Math.round(ms)} ms`);
  return result;
}

describe('fuzz', () => {
  test('text formats: no exception, positions inside the text', () => {
    fc.assert(
      fc.property(text, textName, (t, name) => {
        timed(`${name} ${JSON.stringify(t.slice(0, 80))}`, t.length, () => lintText(t, name));
      }),
      { numRuns: FUZZ_RUNS ?? 300, seed: fuzzMode ? undefined : 20261203 },
    );
    if (fuzzMode) console.log(`slow inputs (${slow.length}):\n${slow.join('\n')}`);
    expect(slow).toEqual([]);
  }, 3_600_000);

  test('damaged binary inputs: refused or read, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(damaged, async ([fromDocx, flips, cut, name]) => {
        const bytes = Buffer.from(fromDocx ? DOCX : Buffer.from(FRAGMENTS.join(''), 'utf8'));
        for (const [at, value] of flips) bytes[at % bytes.length] = value;
        await lintBytes(bytes.subarray(0, Math.max(1, bytes.length - (cut % bytes.length))), name);
      }),
      { numRuns: fuzzMode ? Math.ceil(FUZZ_RUNS! / 20) : 25, seed: fuzzMode ? undefined : 20261203 },
    );
  }, 3_600_000);
});
