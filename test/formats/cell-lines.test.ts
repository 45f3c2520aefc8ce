/**
 * A table saved one cell per line, as a browser's text of a portal page gives it (each <td> a line
 * ending in " |", a blank cell a lone "|", a row with fewer cells than the table is wide followed by
 * a line of pipes). Built here from the generated portal pages: the article's prose as lines, its
 * tables cell by cell. The text must be read to the same Report as the clean file, with no error.
 */
import { describe, expect, test } from '@jest/globals';
import { parseHtml } from '../../src/formats/html.js';
import { bareCellRuns, cellLineRunEnd, cellLinesTable, isCellLine } from '../../src/formats/cell-lines.js';
import { APPLICATION_BALANCE_NOTE } from '../../src/templates/tables.js';
import { parseMarkdown } from '../../src/formats/markdown.js';
import { builtinRules } from '../../src/rules/index.js';
import type { Report } from '../../src/model/report.js';
import { configFor, lintBytes, modelSummary } from './support.js';
import { generateBytes, generateReport } from '../support/generate.js';

const ALL_RULES = configFor([...builtinRules.keys()]);

/** The article of a generated portal page as text, its tables one cell per line. */
function cellLineText(year: number, seed: number): string {
  const doc = parseHtml(generateReport({ year, seed, format: 'html' }));
  const lines: string[] = [];
  for (const b of doc.blocks) {
    if (b.kind !== 'table') {
      lines.push(b.content.text);
      continue;
    }
    const width = Math.max(...b.rows.map((r) => r.cells.reduce((n, c) => n + c.colSpan, 0)));
    for (const r of b.rows) {
      for (const c of r.cells) lines.push(c.text.trim() ? `${c.text.trim()} |` : '|');
      if (width > r.cells.length) lines.push('|'.repeat(width - r.cells.length));
    }
  }
  return lines.join('\n') + '\n';
}

function readModel(reports: Report[]) {
  return modelSummary(reports).map((r) => ({
    ...r,
    tables: Object.fromEntries(Object.entries(r.tables).map(([k, t]) => [k, { layout: t.layout, rows: t.rows }])),
  }));
}

/** Shapes of the same dump seen on real pages: every separator on a line of its own; a label that lost its pipe. */
const SHAPES: Record<string, (text: string) => string> = {
  'cell |': (t) => t,
  'cell / | on alternate lines': (t) => t.replace(/^(.*\S) \|$/gm, '$1\n|'),
  "a short row's padding on its last cell's line": (t) => t.replace(/^(.*\S) \|\n(\|{2,})$/gm, '$1 | $2'),
  'a label whose pipe moved to the next line': (t) => t.replace(/^(行政规范性文件|二、上年结转政府信息公开申请数量) \|$/m, '$1\n|'),
};

describe.each([
  { year: 2024, seed: 1 },
  { year: 2023, seed: 3 },
  { year: 2020, seed: 2 },
])('cell-per-line tables of the correct $year report (seed $seed)', ({ year, seed }) => {
  test.each(Object.keys(SHAPES))('%s: same Report as the clean file, no error', async (shape) => {
    const text = SHAPES[shape](cellLineText(year, seed));
    expect(text).toMatch(/^一、本年新收政府信息公开申请数量(?: \||\n\|)$/m);
    const clean = readModel((await lintBytes(await generateBytes({ year, seed, format: 'txt-tsv' }), 'txt-tsv', ALL_RULES)).out.reports);
    const read = await lintBytes(Buffer.from(text), 'txt-tsv', ALL_RULES);
    expect(read.out.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`)).toEqual([]);
    expect(readModel(read.out.reports)).toEqual(clean);
  });
});

describe('cellLinesTable', () => {
  const lines = (s: string) => {
    let at = 0;
    return s.split('\n').map((raw) => {
      const l = { start: at, raw };
      at += raw.length + 1;
      return l;
    });
  };
  const rows = (s: string) => cellLinesTable(lines(s))!.rows.map((r) => r.cells.map((c) => c.text));

  test('a label starts a row; padding lines end one; group and item labels share a row; headers share a row', () => {
    expect(
      rows(
        [
          '信息内容 |',
          '本年制发件数 |',
          '本年废止件数 |',
          '现行有效件数 |',
          '规章 |',
          '0 |',
          '0 |',
          '0 |',
          '三、本年度办理结果 |',
          '（一）予以公开 |',
          '|',
          '2 |',
          '||',
          '（二）部分公开 |',
          '1 |',
        ].join('\n'),
      ),
    ).toEqual([
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['规章', '0', '0', '0'],
      ['三、本年度办理结果', '（一）予以公开', '', '2'],
      ['（二）部分公开', '1'],
    ]);
  });

  test('a blank cell is empty text at its pipe, so a finding about it points at the line', () => {
    const t = cellLinesTable(lines('行政许可 |\n|\n'))!;
    expect(t.rows[0].cells[1]).toMatchObject({ text: '', span: { start: 7, end: 7 } });
  });

  test('what is a cell line', () => {
    expect(isCellLine('一、本年新收政府信息公开申请数量 |')).toBe(true);
    expect(isCellLine('|')).toBe(true);
    expect(isCellLine('|||')).toBe(true);
    expect(isCellLine('| 规章 | 0 | 0 |')).toBe(false);
    expect(isCellLine('本年新收申请 3 件。')).toBe(false);
    // A cell on its own line counts when its pipe stands alone on the next line.
    expect(cellLineRunEnd(['规章', '|', '0', '|', '本年新收申请 3 件。'], 0)).toBe(4);
  });

  test('cells without a labelled row are no table', () => {
    expect(cellLinesTable(lines('0 |\n1 |\n||'))).toBeUndefined();
  });
});

describe('bareCellRuns', () => {
  // The template's note as reports write it: ending in a '。', or spaced out character by character (PDF text).
  test.each([
    ['with a 。', APPLICATION_BALANCE_NOTE.replace(/）$/, '。）')],
    ['spaced, with a 。', [...APPLICATION_BALANCE_NOTE.replace(/）$/, '。）')].join(' ')],
  ])('a paragraph with a 。 is prose and starts no table, except the balance note above table 三 (%s)', (_, note) => {
    const paragraphs = [
      '本机关全年共收到政府信息公开申请11件。',
      note,
      '申请人情况',
      '自然人',
      ...['一、本年新收政府信息公开申请数量', '10', '0', '0', '1', '0', '0', '11'],
      ...['二、上年结转政府信息公开申请数量', '0', '0', '0', '0', '0', '0', '0'],
      ...['四、结转下年度继续办理', '0', '0', '0', '0', '0', '0', '0'],
    ];
    const blocks = bareCellRuns(parseMarkdown(paragraphs.join('\n\n')).blocks);
    expect(blocks.map((b) => (b.kind === 'table' ? b.rows.map((r) => r.cells.map((c) => c.text)) : b.content.text))).toEqual([
      paragraphs[0],
      [[paragraphs[1]], ['申请人情况', '自然人'], paragraphs.slice(4, 12), paragraphs.slice(12, 20), paragraphs.slice(20, 28)],
    ]);
  });
});
