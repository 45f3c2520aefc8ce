import type { TableBlock, TableCell, TableRow } from '../model/document.js';
import { isValueLike, normalizeLabel } from '../model/text-utils.js';
import {
  APPLICANT_COLUMNS,
  APPLICATION_GROUPS,
  APPLICATION_HEADER_WORDS,
  REVIEW_COLUMNS,
  REVIEW_GROUPS,
  LAYOUTS,
  activeSubTables,
} from '../templates/tables.js';

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

/**
 * A line holding one cell: text without a pipe, then its pipe — and, where the row ends short of
 * the table's width, the row's padding pipes on the same line ("28 | |||||||||"); or padding alone.
 */
const CELL_LINE = /^[^|]*\|[\s|]*$/;
const PADDING_LINE = /^\s*\|{2,}\s*$/;
const LONE_PIPE = /^\s*\|\s*$/;

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

/**
 * Where a run of cell lines that starts at `i` ends (exclusive). Besides "cell |" lines, a cell
 * may stand on a line of its own with its pipe alone on the next line ("规章" / "|" / "0" / "|"):
 * some pages put every separator on a line of its own, and a label that lost its pipe does the same.
 */
export function cellLineRunEnd(raws: readonly string[], i: number): number {
  let k = i;
  while (k < raws.length) {
    if (isCellLine(raws[k])) k++;
    else if (raws[k].trim() && !raws[k].includes('|') && k + 1 < raws.length && LONE_PIPE.test(raws[k + 1])) k += 2;
    else break;
  }
  return k;
}

/** A table from a run of cell lines (as cellLineRunEnd delimits it). Undefined when no row has a label and a value. */
export function cellLinesTable(lines: CellLine[]): TableBlock | undefined {
  const rows: TableRow[] = [];
  let cells: TableCell[] = [];
  const endRow = () => {
    if (cells.length) rows.push({ cells, span: { start: cells[0].span.start, end: cells[cells.length - 1].span.end } });
    cells = [];
  };
  const add = (cell: TableCell) => {
    if (isValueLike(cell.text)) {
      cells.push(cell);
      return;
    }
    const previous = cells[cells.length - 1];
    const onlyLabels = cells.length > 0 && cells.every((c) => !isValueLike(c.text));
    const continues =
      onlyLabels &&
      previous !== undefined &&
      (GROUP_LABELS.has(normalizeLabel(previous.text)) || (HEADER_LABELS.has(normalizeLabel(previous.text)) && HEADER_LABELS.has(normalizeLabel(cell.text))));
    if (!continues) endRow();
    cells.push(cell);
  };
  // A cell's text waits for its pipe; a pipe with no text before it closes an empty cell.
  let pending: TableCell | undefined;
  for (const { start, raw } of lines) {
    if (PADDING_LINE.test(raw)) {
      if (pending) add(pending);
      pending = undefined;
      endRow();
      continue;
    }
    const bar = raw.indexOf('|');
    if (bar === -1) {
      if (pending) add(pending);
      pending = trimmedCell(raw, start, 0, raw.length);
      continue;
    }
    const cell = trimmedCell(raw, start, 0, bar);
    if (cell.text) {
      if (pending) add(pending);
      add(cell);
    } else {
      add(pending ?? cell);
    }
    pending = undefined;
    // Pipes after the cell's own are the padding of a short row: the row ends here.
    if (raw.includes('|', bar + 1)) endRow();
  }
  if (pending) add(pending);
  endRow();
  if (!rows.some((r) => r.cells.length >= 2 && !isValueLike(r.cells[0].text))) return undefined;
  return { kind: 'table', syntax: 'pipe', rows, span: { start: lines[0].start, end: lines[lines.length - 1].start + lines[lines.length - 1].raw.length } };
}

/** The text of raw[from, to) trimmed, as a cell (of any separated row); blank text is an empty cell at `to` (the separator). */
export function trimmedCell(raw: string, lineStart: number, from: number, to: number): TableCell {
  let s = from;
  let e = to;
  while (s < e && /\s/.test(raw[s])) s++;
  while (e > s && /\s/.test(raw[e - 1])) e--;
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
    ...LAYOUTS.flatMap((layout) => activeSubTables(layout).flatMap((s) => s.columns.map((c) => c.label))),
  ].map(normalizeLabel),
);
