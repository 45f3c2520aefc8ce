import * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import type { TableBlock, TableCell, TableRow } from '../model/document.js';

/**
 * Parse `<table>` elements out of an HTML fragment (a raw HTML block of a Markdown file, or a
 * whole HTML page) with cheerio's parse5 path, which records source locations. `base` is the
 * offset of the fragment in the original file, so cell spans point into the original text.
 * Rows keep their own cells only; rowspan/colspan are recorded on the cells.
 */
export function parseHtmlTables(html: string, base: number): TableBlock[] {
  const $ = cheerio.load(html, { sourceCodeLocationInfo: true }, false);
  const tables: TableBlock[] = [];
  $('table').each((_, table) => {
    // Nested tables are read as their own tables; skip rows that belong to an inner table.
    const rows: TableRow[] = [];
    $(table)
      .find('tr')
      .each((__, tr) => {
        if ($(tr).closest('table')[0] !== table) return;
        const cells: TableCell[] = [];
        $(tr)
          .children('td,th')
          .each((___, td) => {
            cells.push(cellOf($, td as Element, base));
          });
        const loc = (tr as Element).sourceCodeLocation;
        if (!loc) return;
        rows.push({ cells, span: { start: base + loc.startOffset, end: base + loc.endOffset } });
      });
    const loc = (table as Element).sourceCodeLocation;
    if (!loc || rows.length === 0) return;
    tables.push({ kind: 'table', syntax: 'html', rows, span: { start: base + loc.startOffset, end: base + loc.endOffset } });
  });
  return tables;
}

function cellOf($: cheerio.CheerioAPI, td: Element, base: number): TableCell {
  const loc = td.sourceCodeLocation!;
  // The content span runs from the end of the start tag to the start of the end tag (or the
  // element end when the end tag is omitted, as HTML allows for td).
  const start = base + (loc.startTag ? loc.startTag.endOffset : loc.startOffset);
  const end = base + (loc.endTag ? loc.endTag.startOffset : loc.endOffset);
  const text = $(td).text().replace(/\u00a0/g, ' ');
  return {
    text,
    span: { start, end: Math.max(start, end) },
    rowSpan: positiveInt(td.attribs.rowspan),
    colSpan: positiveInt(td.attribs.colspan),
  };
}

function positiveInt(v: string | undefined): number {
  const n = v ? Number.parseInt(v, 10) : 1;
  return Number.isFinite(n) && n > 0 ? Math.min(n, 1000) : 1;
}
