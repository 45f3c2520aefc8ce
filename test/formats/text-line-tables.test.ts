import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SourceText } from '../../src/model/source.js';
import { textLineBlocks, textLineTables } from '../../src/formats/text.js';
import { generateReport, type GenFormat } from '../support/generate.js';

/**
 * textLineTables skips the text reading of a line that cannot be a table row (the Markdown
 * processor asks about every paragraph). It must answer as the reading itself would: a table
 * wherever textLineBlocks finds one, on every line of the test inputs, the seeds and generated
 * reports of every format (tab, pipe and PDF rows, flattened lines, cell-per-line tables).
 */
function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && ext.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

function texts(): string[] {
  // test/ holds the seeds (real reports), the rule cases and the fixtures.
  const out = filesUnder(new URL('..', import.meta.url).pathname, /\.(?:txt|md)$/).map((f) => readFileSync(f, 'utf8'));
  const formats: GenFormat[] = ['txt-tsv', 'txt-pipe', 'txt-pdf', 'md'];
  for (const format of formats) for (let seed = 1; seed <= 6; seed++) out.push(generateReport({ year: 2018 + seed, format, seed }));
  return out;
}

const hasTable = (source: SourceText, from: number, to: number) => textLineBlocks(source, from, to).some((b) => b.kind === 'table');

describe('textLineTables: a table exactly where the text reading finds one', () => {
  const all = texts();

  test('every single line', () => {
    let rows = 0;
    let checked = 0;
    const wrong: string[] = [];
    for (const text of all) {
      const source = new SourceText(text);
      for (let line = 1; line <= source.lineCount; line++) {
        const expected = hasTable(source, line, line);
        if ((textLineTables(source, line, line) !== undefined) !== expected) wrong.push(source.lineText(line));
        if (expected) rows++;
        checked++;
      }
    }
    expect(wrong).toEqual([]);
    // The inputs hold rows of every kind, and far more lines that are none.
    expect(rows).toBeGreaterThan(1000);
    expect(checked).toBeGreaterThan(rows * 2);
  });

  test('runs of lines (cell-per-line tables need several)', () => {
    for (const text of all) {
      const source = new SourceText(text);
      for (let line = 1; line + 9 <= source.lineCount; line += 7) {
        const blocks = textLineTables(source, line, line + 9);
        expect(blocks !== undefined).toBe(hasTable(source, line, line + 9));
        if (blocks) expect(blocks).toEqual(textLineBlocks(source, line, line + 9));
      }
    }
  });
});
