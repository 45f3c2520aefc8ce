/**
 * The PDF layout on hand-placed pages: what each rule of the reconstruction does, one at a time.
 * (The fixtures in pdf.test.ts show the same on real LibreOffice and Chromium output.)
 */
import { describe, expect, test } from '@jest/globals';
import type { PdfContent, PdfGlyphRun, PdfPage, PdfRule } from '../../src/formats/pdf-extract.js';
import { layoutPdf } from '../../src/formats/pdf-layout.js';
import type { TableBlock } from '../../src/model/document.js';

const SIZE = 10;

/** A run of CJK text (1 em per character) or ASCII (half an em) with its baseline at y. */
function run(text: string, x: number, y: number): PdfGlyphRun {
  const width = [...text].reduce((w, ch) => w + (/[\x20-\x7e]/.test(ch) ? SIZE / 2 : SIZE), 0);
  return { text, x, y, width, size: SIZE };
}

/** Ruling lines of a full grid: column borders xs, row borders ys (top first). */
function grid(xs: number[], ys: number[]): PdfRule[] {
  return [
    ...ys.map((y) => ({ dir: 'h' as const, at: y, from: xs[0], to: xs[xs.length - 1] })),
    ...xs.map((x) => ({ dir: 'v' as const, at: x, from: ys[ys.length - 1], to: ys[0] })),
  ];
}

function page(runs: PdfGlyphRun[], rules: PdfRule[] = []): PdfPage {
  return { width: 595, height: 842, runs, rules, images: [] };
}

function doc(...pages: PdfPage[]) {
  const content: PdfContent = { pageCount: pages.length, pages };
  return layoutPdf(content);
}

const tableRows = (t: TableBlock) => t.rows.map((r) => r.cells.map((c) => c.text).join('|'));

describe('tables', () => {
  test('a cell without a border below it spans rows: a vertical label read as one cell', () => {
    // Column 0 has no border between its three rows; the label is written one character per line.
    const xs = [50, 80, 200, 260];
    const ys = [700, 680, 660, 640];
    const rules: PdfRule[] = [
      ...ys.map((y, i) => ({ dir: 'h' as const, at: y, from: i === 0 || i === 3 ? 50 : 80, to: 260 })),
      ...xs.map((x) => ({ dir: 'v' as const, at: x, from: 640, to: 700 })),
    ];
    const runs = [
      run('三', 60, 688),
      run('办', 60, 670),
      run('理', 60, 652),
      run('（一）公开', 85, 686),
      run('1', 210, 686),
      run('（二）不公开', 85, 666),
      run('2', 210, 666),
      run('（三）其他', 85, 646),
      run('3', 210, 646),
    ];
    const d = doc(page(runs, rules));
    const [t] = d.blocks.filter((b): b is TableBlock => b.kind === 'table');
    expect(tableRows(t)).toEqual(['三办理|（一）公开|1', '（二）不公开|2', '（三）其他|3']);
    expect(t.rows[0].cells[0]).toMatchObject({ text: '三办理', rowSpan: 3 });
  });

  test('a run that crosses a cell border is cut at the border', () => {
    const d = doc(page([run('规章', 55, 686), run('0', 105, 686), run('办法          0', 55, 666)], grid([50, 100, 150], [700, 680, 660])));
    const [t] = d.blocks.filter((b): b is TableBlock => b.kind === 'table');
    expect(tableRows(t)).toEqual(['规章|0', '办法|0']);
  });

  test('a table going on at the top of the next page is one table; its repeated header row is dropped', () => {
    const xs = [50, 150, 250];
    const p1 = page([run('信息内容', 55, 686), run('件数', 155, 686), run('规章', 55, 666), run('1', 155, 666)], grid(xs, [700, 680, 660]));
    const p2 = page([run('信息内容', 55, 786), run('件数', 155, 786), run('规范性文件', 55, 766), run('2', 155, 766)], grid(xs, [800, 780, 760]));
    const d = doc(p1, p2);
    const ts = d.blocks.filter((b): b is TableBlock => b.kind === 'table');
    expect(ts).toHaveLength(1);
    expect(tableRows(ts[0])).toEqual(['信息内容|件数', '规章|1', '规范性文件|2']);
    expect(d.pages[2]).toMatchObject({ page: 2 });
  });

  test('a row broken by the page (label text over there, the numbers here) is joined again', () => {
    const xs = [50, 150, 250];
    const p1 = page([run('3.补正后申请', 55, 686), run('0', 155, 686)], grid(xs, [700, 680]));
    const p2 = page([run('内容仍不明确', 55, 786), run('4.其他', 55, 766), run('5', 155, 766)], grid(xs, [800, 780, 760]));
    const [t] = doc(p1, p2).blocks.filter((b): b is TableBlock => b.kind === 'table');
    expect(tableRows(t)).toEqual(['3.补正后申请内容仍不明确|0', '4.其他|5']);
  });

  test('a table drawn without borders: lines of cells apart and numbers are read as rows', () => {
    const d = doc(page([run('规章', 50, 700), run('3', 200, 700), run('0', 260, 700), run('行政规范性文件', 50, 685), run('5', 200, 685), run('1', 260, 685)]));
    const [t] = d.blocks.filter((b): b is TableBlock => b.kind === 'table');
    expect(tableRows(t)).toEqual(['规章|3|0', '行政规范性文件|5|1']);
    expect(d.source.text).toBe('规章\t3\t0\n行政规范性文件\t5\t1\n');
  });
});

describe('text', () => {
  test('a line reaching the right margin goes on in the next; a short line ends its paragraph', () => {
    const long = '本报告中所列数据的统计期限自二〇二四年一月一日';
    const d = doc(page([run(long, 50, 700), run('起至十二月三十一日止。', 50, 685), run(long, 50, 670), run('短行。', 50, 655)]));
    const paragraphs = d.blocks.map((b) => (b.kind === 'table' ? '' : b.content.text));
    expect(paragraphs).toEqual([`${long}起至十二月三十一日止。`, `${long}短行。`]);
  });

  test('page numbers and running heads are not content; pages give page and page line', () => {
    const body = (text: string) => run(text, 50, 700);
    const d = doc(
      page([run('某局2024年政府信息公开工作年度报告', 50, 800), body('一、总体情况'), run('- 1 -', 280, 40)]),
      page([run('某局2024年政府信息公开工作年度报告', 50, 800), body('二、主动公开政府信息情况'), run('第 2 页', 280, 40)]),
    );
    expect(d.source.text).toBe('一、总体情况\n二、主动公开政府信息情况\n');
    expect(d.pages).toEqual([
      { page: 1, line: 2 },
      { page: 2, line: 2 },
    ]);
  });

  test('a single page keeps its title; only a page-number line goes', () => {
    const d = doc(page([run('某局2024年政府信息公开工作年度报告', 50, 800), run('1', 290, 40)]));
    expect(d.source.text).toBe('某局2024年政府信息公开工作年度报告\n');
  });
});
