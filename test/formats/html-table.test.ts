import { describe, expect, test } from '@jest/globals';
import { parseHtmlTables } from '../../src/formats/html-table.js';

/**
 * The raw-HTML table reader of Markdown files. The expectations are what the HTML standard's tree
 * builder (parse5, via cheerio — the reader this one replaced) gives for the same fragments: checked
 * equal on every table in the repository, 1,200 generated reports and 3,000 generated tables with
 * omitted end tags and nested tables before the switch.
 */
const read = (html: string) =>
  parseHtmlTables(html, 5).map((t) => ({
    span: t.span,
    rows: t.rows.map((r) => ({ span: r.span, cells: r.cells.map((c) => [c.text, c.span.start, c.span.end, c.rowSpan, c.colSpan]) })),
  }));

describe('parseHtmlTables', () => {
  test('omitted end tags end where the closing tag starts', () => {
    expect(read('<table><tr><td>1<td>2</tr></table>')).toEqual([
      {
        span: { start: 5, end: 39 },
        rows: [
          {
            span: { start: 12, end: 31 },
            cells: [
              ['1', 20, 21, 1, 1],
              ['2', 25, 26, 1, 1],
            ],
          },
        ],
      },
    ]);
  });

  test('rowspan/colspan, entities, &nbsp; as a space, a row without </tr>', () => {
    expect(read('<table>\n<tr><th rowspan="2">项目</th><td colspan=3>a&nbsp;b &amp; c</td></tr>\n<tr><td>0</td></table>')).toEqual([
      {
        span: { start: 5, end: 103 },
        rows: [
          {
            span: { start: 13, end: 80 },
            cells: [
              ['项目', 33, 35, 2, 1],
              ['a b & c', 54, 70, 1, 3],
            ],
          },
          { span: { start: 81, end: 95 }, cells: [['0', 89, 90, 1, 1]] },
        ],
      },
    ]);
  });

  test('a nested table is a table of its own, in start-tag order; its text is part of the outer cell', () => {
    expect(read('<table><tr><td>外<table><tr><td>内</td></tr></table></td></tr></table>')).toEqual([
      { span: { start: 5, end: 73 }, rows: [{ span: { start: 12, end: 65 }, cells: [['外内', 20, 55, 1, 1]] }] },
      { span: { start: 21, end: 55 }, rows: [{ span: { start: 28, end: 47 }, cells: [['内', 36, 37, 1, 1]] }] },
    ]);
  });

  test('upper-case tags, tbody, markup inside a cell', () => {
    expect(read('<TABLE><TBODY><TR><TD><p>中文</p><br>12</TD></TR></TBODY></TABLE>')).toEqual([
      { span: { start: 5, end: 68 }, rows: [{ span: { start: 19, end: 52 }, cells: [['中文12', 27, 42, 1, 1]] }] },
    ]);
  });

  test('a table still open at the end of the fragment ends there; no table, no result', () => {
    expect(read('<table><tr><td>7')).toEqual([{ span: { start: 5, end: 21 }, rows: [{ span: { start: 12, end: 21 }, cells: [['7', 20, 21, 1, 1]] }] }]);
    expect(read('<p>没有表格</p>')).toEqual([]);
  });
});
