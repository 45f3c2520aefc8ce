/**
 * Fuzzing every format through the API: the inputs of test/support/fuzz-inputs.ts (real and
 * generated reports damaged and attacked in every format, backtracking shapes, up to 200 KB),
 * linted with lintText (with fix) or lintBuffer. Nothing may throw, and every message must point
 * inside the text it is about.
 *
 * The suite runs a few hundred inputs of one fixed seed (the same every run; nothing is timed).
 * `npm run fuzz` (scripts/fuzz.mjs) runs 100,000 of a random seed in child processes with a
 * watchdog and lists crashes, hangs and inputs over 2 s of CPU per 200 KB; its last result is in
 * the README ("Security & reliability").
 */
import { describe, expect, test } from '@jest/globals';
import { lintBuffer, lintText } from '../src/api.js';
import { fuzzInput } from './support/fuzz-inputs.js';
import { expectInside } from './support/positions.js';

const SEED = 20261203;
const RUNS = 120;
const options = { useConfigFile: false };

describe('fuzz', () => {
  test(`${RUNS} inputs of seed ${SEED}: no exception, positions inside the text`, async () => {
    const formats = new Set<string>();
    for (let index = 0; index < RUNS; index++) {
      const input = await fuzzInput(SEED, index);
      formats.add(input.name.slice(input.name.lastIndexOf('.') + 1));
      try {
        if (input.text !== undefined) {
          const result = await lintText(input.text, { ...options, filePath: input.name, fix: true });
          expectInside(result.messages, result.output ?? input.text);
        } else {
          const result = await lintBuffer(input.bytes, { ...options, filePath: input.name });
          for (const m of result.messages) expect(m.line >= 1 && m.column >= 1).toBe(true);
        }
      } catch (e) {
        // Name the input, so that `node scripts/fuzz.mjs --seed SEED --only INDEX` rebuilds it.
        throw new Error(`fuzz input ${index} of seed ${SEED} (${input.name}, ${input.shape.slice(0, 200)}): ${e instanceof Error ? e.message : String(e)}`, {
          cause: e,
        });
      }
    }
    // Every format was drawn.
    expect([...formats].sort()).toEqual(expect.arrayContaining(['doc', 'docx', 'htm', 'html', 'markdown', 'md', 'odt', 'pdf', 'rtf', 'txt']));
  }, 300_000);

  test('the same seed and index give the same input', async () => {
    const [a, b] = [await fuzzInput(7, 42), await fuzzInput(7, 42)];
    expect(a.bytes.equals(b.bytes)).toBe(true);
    expect((await fuzzInput(8, 42)).bytes.equals(a.bytes)).toBe(false);
  });

  test('found by fuzzing: two low surrogates in a row in an HTML page are text, not a crash', async () => {
    // parse5 (cheerio) combined them into the code point 0x1E2D2D and threw "Invalid code point".
    const result = await lintText('<p>2023年度报告\udf4b\udd2d</p>', { ...options, filePath: 'x.html' });
    expect(result.messages.filter((m) => m.fatal)).toEqual([]);
  });
});
