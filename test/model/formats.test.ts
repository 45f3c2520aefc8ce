import { describe, expect, test } from '@jest/globals';
import { parseText } from '../../src/formats/text.js';
import { parseMarkdown } from '../../src/formats/markdown.js';
import { SourceText } from '../../src/model/source.js';
import type { TableBlock } from '../../src/model/document.js';

const tables = (blocks: { kind: string }[]) => blocks.filter((b): b is TableBlock => b.kind === 'table');

describe('plain text rows', () => {
  test('tab, pipe and space-separated rows are table rows; prose ending in a number is not', () => {
    const text = [
      '一、本年新收政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t1\t',
      '规章 | 0 | 0 | 0 |',
      '1.属于国家秘密 0 0 0 0 0 0 0',
      '门户网站发布外事动态、友好往来、办事指南等政务信息 381',
      '行政事业性收费 7.948',
      '2024 年 1 月 22 日',
    ].join('\n');
    const doc = parseText(text);
    expect(doc.blocks.map((b) => (b.kind === 'table' ? b.syntax : b.kind))).toEqual(['tsv', 'pipe', 'spaced', 'paragraph', 'spaced', 'paragraph']);
    const spaced = tables(doc.blocks)[2].rows[0].cells.map((c) => c.text);
    expect(spaced).toEqual(['1.属于国家秘密', '0', '0', '0', '0', '0', '0', '0']);
  });

  test('cell spans point into the original line', () => {
    const text = '前言\n规章 | 0 | 12 | 3 |';
    const row = tables(parseText(text).blocks)[0].rows[0];
    expect(row.cells.map((c) => text.slice(c.span.start, c.span.end))).toEqual(['规章', '0', '12', '3']);
  });

  test('Markdown heading marks in a .txt draft make headings', () => {
    const doc = parseText('## 一、总体情况\n正文。');
    expect(doc.blocks[0]).toMatchObject({ kind: 'heading', depth: 2 });
    expect(doc.blocks[0].kind === 'heading' && doc.blocks[0].content.text).toBe('一、总体情况');
  });
});

describe('Markdown with raw HTML tables', () => {
  test('cells of an HTML table map to exact positions, CJK and astral characters included', () => {
    const text = '# 标题\n\n<table>\n<tr><td>中文😀</td><td>12</td></tr>\n</table>\n';
    const [t] = tables(parseMarkdown(text).blocks);
    const cell = t.rows[0].cells[1];
    expect(text.slice(cell.span.start, cell.span.end)).toBe('12');
    const pos = new SourceText(text).positionAt(cell.span.start);
    expect(pos).toEqual({ line: 4, column: 22 }); // <tr><td>=8, 中文=2, 😀=2 UTF-16 units, </td><td>=9
  });

  test('a table cut by a blank line (two HTML blocks) is read as one table', () => {
    const text = '<table>\n<tr><td>a</td><td>1</td></tr>\n\n<tr><td>b</td><td>2</td></tr>\n</table>\n';
    const t = tables(parseMarkdown(text).blocks);
    expect(t).toHaveLength(1);
    expect(t[0].rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['a', '1'],
      ['b', '2'],
    ]);
  });

  test('rowspan and colspan are recorded', () => {
    const text = '<table><tr><td rowspan="2" colspan="3">x</td><td>1</td></tr><tr><td>2</td></tr></table>';
    const [t] = tables(parseMarkdown(text).blocks);
    expect(t.rows[0].cells[0]).toMatchObject({ rowSpan: 2, colSpan: 3 });
  });

  test('GFM tables keep cell positions', () => {
    const text = '| 信息内容 | 本年制发件数 |\n| --- | --- |\n| 规章 | 3 |\n';
    const [t] = tables(parseMarkdown(text).blocks);
    const cell = t.rows[1].cells[1];
    expect(text.slice(cell.span.start, cell.span.end)).toBe('3');
  });

  test('of GFM only tables are read: tildes, task boxes and footnote marks stay text as written', () => {
    const text = '本年度1~3月收到申请5件，4~6月收到7件。\n\n- [ ] 待办事项\n\n见附注[^1]，网址www.example.gov.cn。\n';
    const texts = parseMarkdown(text).blocks.map((b) => (b.kind === 'table' ? '' : b.content.text));
    expect(texts).toEqual(['本年度1~3月收到申请5件，4~6月收到7件。', '[ ] 待办事项', '见附注[^1]，网址www.example.gov.cn。']);
  });
});

describe('positions', () => {
  test('CRLF and CR line breaks count as one line break', () => {
    const s = new SourceText('a\r\nb\rc\nd');
    expect([1, 3, 5, 7].map((o) => s.positionAt(o))).toEqual([
      { line: 1, column: 2 },
      { line: 2, column: 1 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
    ]);
  });
});
