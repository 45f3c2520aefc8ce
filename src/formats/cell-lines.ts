import type { TableBlock, TableCell, TableRow } from '../model/document.js';
import { isValueLike, normalizeLabel } from '../model/text-utils.js';
import { APPLICANT_COLUMNS, APPLICATION_GROUPS, APPLICATION_HEADER_WORDS, REVIEW_COLUMNS, REVIEW_GROUPS, activeSubTables } from '../templates/tables.js';

/**
 * Tables whose cells arrive one per line: a web page's table saved as text, where every cell
 * became its own line ending in " |", a blank cell a lone "|", and the padding of a row shorter
 * than the table a line of pipes only ("||", "|||"):
 *
 *     一、本年新收政府信息公开申请数量 |
 *     |
 *     0 |
 *     ||
 *
 * Nothing in the lines says where a row ends when it fills the table's width, so rows are rebuilt
 * from what the cells are: a label starts a row and the values after it belong to it; a pipes-only
 * line ends a row; a group label ("三、本年度办理结果", "（三）不予公开") and the item label after it
 * share a row, as do consecutive column headers ("信息内容", "本年制发件数", …), which the templates
 * name. The rows then go to the recognizer like any other table's, which places values by label.
 */

/** A line holding one cell: text without a pipe, then one pipe (or a line of pipes only). */
const CELL_LINE = /^[^|]*\|\s*$|^\s*\|{2,}\s*$/;
const PADDING_LINE = /^\s*\|{2,}\s*$/;

/** Fewer consecutive cell lines than this are not read as a table (a stray "… |" line stays prose). */
export const MIN_CELL_LINES = 8;

export interface CellLine {
  /** Offset of the line in the source. */
  start: number;
  raw: string;
}

export function isCellLine(raw: string): boolean {
  return CELL_LINE.test(raw);
}

/** A table from a run of cell lines (all satisfy isCellLine). Undefined when no row has a label and a value. */
export function cellLinesTable(lines: CellLine[]): TableBlock | undefined {
  const rows: TableRow[] = [];
  let cells: TableCell[] = [];
  const endRow = () => {
    if (cells.length) rows.push({ cells, span: { start: cells[0].span.start, end: cells[cells.length - 1].span.end } });
    cells = [];
  };
  for (const { start, raw } of lines) {
    if (PADDING_LINE.test(raw)) {
      endRow();
      continue;
    }
    const cell = cellOf(raw, start);
    if (isValueLike(cell.text)) {
      cells.push(cell);
      continue;
    }
    const previous = cells[cells.length - 1];
    const onlyLabels = cells.length > 0 && cells.every((c) => !isValueLike(c.text));
    const continues =
      onlyLabels && previous !== undefined && (GROUP_LABELS.has(normalizeLabel(previous.text)) || (HEADER_LABELS.has(normalizeLabel(previous.text)) && HEADER_LABELS.has(normalizeLabel(cell.text))));
    if (!continues) endRow();
    cells.push(cell);
  }
  endRow();
  if (!rows.some((r) => r.cells.length >= 2 && !isValueLike(r.cells[0].text))) return undefined;
  return { kind: 'table', syntax: 'pipe', rows, span: { start: lines[0].start, end: lines[lines.length - 1].start + lines[lines.length - 1].raw.length } };
}

/** The cell of a line: its text before the pipe, trimmed; a lone pipe is an empty cell at the pipe. */
function cellOf(raw: string, lineStart: number): TableCell {
  const bar = raw.indexOf('|');
  let s = 0;
  let e = bar;
  while (s < e && /\s/.test(raw[s])) s++;
  while (e > s && /\s/.test(raw[e - 1])) e--;
  if (e === s) return { text: '', span: { start: lineStart + bar, end: lineStart + bar }, rowSpan: 1, colSpan: 1 };
  return { text: raw.slice(s, e), span: { start: lineStart + s, end: lineStart + e }, rowSpan: 1, colSpan: 1 };
}

/** Row labels that lead items in the same printed row: 三、本年度办理结果 → （一）予以公开. */
const GROUP_LABELS = new Set(APPLICATION_GROUPS.map((g) => normalizeLabel(g.label)));

/** Column headers of the three tables, and the words of their header rows. */
const HEADER_LABELS = new Set(
  [
    '信息内容',
    '申请人情况',
    ...APPLICATION_HEADER_WORDS,
    ...APPLICANT_COLUMNS.map((c) => c.label),
    ...REVIEW_GROUPS.flatMap((g) => g.label.split('·')),
    ...REVIEW_COLUMNS.flatMap((c) => c.label.split('·')),
    ...(['2019', '2021'] as const).flatMap((layout) => activeSubTables(layout).flatMap((s) => s.columns.map((c) => c.label))),
  ].map(normalizeLabel),
);
