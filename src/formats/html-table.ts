import { checkHtmlDepth } from './html-limits.js';
import { SourceParser } from './html-dom.js';
import type { TableBlock, TableCell, TableRow } from '../model/document.js';

/**
 * Parse `<table>` elements out of an HTML fragment (a raw HTML block of a Markdown file) with
 * htmlparser2's streaming callbacks: no DOM is built, only the tables' rows and cells. `base` is
 * the offset of the fragment in the original file, so cell spans point into the original text.
 * Rows keep their own cells only; rowspan/colspan are recorded on the cells. Nested tables are read
 * as their own tables (their rows are not the outer table's; their text is part of the outer
 * cell's text, as in the DOM). Tables come in the order their start tags appear.
 *
 * Where HTML lets an end tag be omitted (`<td>1<td>2`, `</tr>` before `</table>`), the element
 * ends where the tag that closes it starts, as in the HTML standard's tree builder (parse5), and a
 * cell's content then runs to that point. Cells outside any `<tr>` belong to no row: the tree
 * builder would invent the row, and an invented row has no place in the file to point at.
 */
export function parseHtmlTables(html: string, base: number): TableBlock[] {
  checkHtmlDepth(html);
  const done: { start: number; table: TableBlock }[] = [];
  // One entry per open <table>, innermost last.
  const open: OpenTable[] = [];
  const parser: SourceParser = new SourceParser(
    html,
    {
      onopentag(name, attribs) {
        const start = parser.startIndex;
        const contentStart = parser.endIndex + 1;
        if (name === 'table') {
          open.push({ start, rows: [] });
          return;
        }
        const table = open.at(-1);
        if (!table) return;
        if (name === 'tr') {
          table.row = { start, cells: [] };
        } else if ((name === 'td' || name === 'th') && table.row) {
          // A cell start inside an open cell of the same table ends that cell (the tree builder does).
          closeCell(table, start, base);
          table.cell = { contentStart, text: '', rowSpan: positiveInt(attribs.rowspan), colSpan: positiveInt(attribs.colspan) };
        }
      },
      ontext(text) {
        // The text of a cell is all the text inside it, nested tables included.
        for (const table of open) if (table.cell) table.cell.text += text;
      },
      onclosetag(name, implied) {
        // An explicit end tag ends after its '>'; an implied one where the closing tag starts.
        const tagStart = parser.startIndex;
        const end = implied ? tagStart : parser.closeTagEnd();
        const table = open.at(-1);
        if (!table) return;
        if (name === 'td' || name === 'th') {
          closeCell(table, tagStart, base);
        } else if (name === 'tr') {
          closeCell(table, tagStart, base);
          if (table.row) {
            table.rows.push({ cells: table.row.cells, span: { start: base + table.row.start, end: base + end } });
            table.row = undefined;
          }
        } else if (name === 'table') {
          closeCell(table, tagStart, base);
          if (table.row) table.rows.push({ cells: table.row.cells, span: { start: base + table.row.start, end: base + tagStart } });
          open.pop();
          if (table.rows.length) {
            done.push({ start: table.start, table: { kind: 'table', syntax: 'html', rows: table.rows, span: { start: base + table.start, end: base + end } } });
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  // Tables still open at the end of the fragment end there.
  while (open.length) {
    const table = open.pop()!;
    closeCell(table, html.length, base);
    if (table.row) table.rows.push({ cells: table.row.cells, span: { start: base + table.row.start, end: base + html.length } });
    if (table.rows.length)
      done.push({
        start: table.start,
        table: { kind: 'table', syntax: 'html', rows: table.rows, span: { start: base + table.start, end: base + html.length } },
      });
  }
  return done.sort((a, b) => a.start - b.start).map((d) => d.table);
}

interface OpenTable {
  start: number;
  rows: TableRow[];
  row?: { start: number; cells: TableCell[] };
  cell?: { contentStart: number; text: string; rowSpan: number; colSpan: number };
}

const NO_BREAK_SPACES = /\u00a0/g;

/** End the open cell of `table` (if any) with its content ending at `contentEnd`. */
function closeCell(table: OpenTable, contentEnd: number, base: number): void {
  const cell = table.cell;
  if (!cell || !table.row) return;
  table.cell = undefined;
  const start = base + cell.contentStart;
  table.row.cells.push({
    text: cell.text.includes('\u00a0') ? cell.text.replace(NO_BREAK_SPACES, ' ') : cell.text,
    span: { start, end: Math.max(start, base + contentEnd) },
    rowSpan: cell.rowSpan,
    colSpan: cell.colSpan,
  });
}

function positiveInt(v: string | undefined): number {
  const n = v ? Number.parseInt(v, 10) : 1;
  return Number.isFinite(n) && n > 0 ? Math.min(n, 1000) : 1;
}
