import type { GridCell, Locale, OutlineEntry } from '../engine/types.js';
import type { Document, TableBlock } from '../model/document.js';
import type { Report } from '../model/report.js';
import { tableName } from '../rules/shared/tables.js';

/** Sections and tables of the recognized reports, by line, for reporters that group problems. */
export function outlineOf(reports: Report[], document: Document, locale: Locale): OutlineEntry[] {
  const lineOf = (offset: number) => document.source.positionAt(offset).line;
  // A span's end is exclusive: its last line is the one holding the character before it.
  const lastLine = (start: number, end: number) => lineOf(Math.max(start, end - 1));
  const out: OutlineEntry[] = [];
  for (const report of reports) {
    for (const h of report.headings) {
      out.push({ kind: 'section', title: `${h.numbering ?? ''}${h.title}`, line: lineOf(h.span.start), endLine: lastLine(h.bodySpan.start, h.bodySpan.end) });
    }
    for (const t of Object.values(report.tables)) {
      if (!t) continue;
      const { start, end } = withHeaderRows(t.span, document);
      out.push({ kind: 'table', title: tableName(t.kind, locale), line: lineOf(start), endLine: lastLine(start, end) });
    }
  }
  for (const b of document.blocks) {
    if (b.kind !== 'table') continue;
    const rows = gridOf(b, document);
    if (rows) out.push({ kind: 'grid', title: '', line: rows[0][0].line, endLine: rows[rows.length - 1].at(-1)!.endLine, rows });
  }
  return out.sort((a, b) => a.line - b.line);
}

/**
 * The recognized table may start at its first known row; the header rows above it are the same
 * table in the document, so its span grows to the table blocks it overlaps.
 */
function withHeaderRows(span: { start: number; end: number }, document: Document): { start: number; end: number } {
  let { start, end } = span;
  for (const b of document.blocks) {
    if (b.kind === 'table' && b.span.start < span.end && b.span.end > span.start) {
      start = Math.min(start, b.span.start);
      end = Math.max(end, b.span.end);
    }
  }
  return { start, end };
}

/**
 * A table's cells by line, when every cell is whole lines of its own, in order, with no line left
 * over (so drawing the lines as a table shows all of them): a Word table's view. Tables written
 * one row per line (Markdown, tab-separated) or as markup are shown as their lines instead.
 */
function gridOf(table: TableBlock, document: Document): GridCell[][] | undefined {
  const src = document.source;
  const rows: GridCell[][] = [];
  let next: number | undefined;
  for (const row of table.rows) {
    const cells: GridCell[] = [];
    for (const c of row.cells) {
      const start = src.positionAt(c.span.start);
      const endChar = src.text.charCodeAt(c.span.end);
      const wholeLines = start.column === 1 && (c.span.end >= src.text.length || endChar === 10 || endChar === 13);
      const line = start.line;
      const endLine = src.positionAt(Math.max(c.span.start, c.span.end - 1)).line;
      if (!wholeLines || (next !== undefined && line !== next)) return undefined;
      next = endLine + 1;
      cells.push({ line, endLine, rowSpan: c.rowSpan, colSpan: c.colSpan });
    }
    if (cells.length) rows.push(cells);
  }
  return rows.length ? rows : undefined;
}
