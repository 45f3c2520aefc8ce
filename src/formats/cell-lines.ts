import type { Block, TableBlock, TableCell, TableRow } from '../model/document.js';
import { coreLabel, isValueLike, normalizeLabel } from '../model/text-utils.js';
import { NUMBERING_ONLY } from '../templates/numbering.js';
import {
  APPLICANT_COLUMNS,
  APPLICATION_BALANCE_NOTE_LEAD,
  APPLICATION_GROUPS,
  APPLICATION_HEADER_WORDS,
  REVIEW_COLUMNS,
  REVIEW_GROUPS,
  LAYOUTS,
  activeSubTables,
  applicationRows,
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
/**
 * Rows from cells in reading order: a label starts a row and the values after it belong to it; a
 * group label and the item label after it share a row, as do consecutive column headers.
 */
function rowBuilder() {
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
  return { rows, add, endRow };
}

export function cellLinesTable(lines: CellLine[]): TableBlock | undefined {
  const { rows, add, endRow } = rowBuilder();
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

/*
 * Tables whose cells arrive one per paragraph with no separator at all: a web page's table saved as
 * text or copied into Word, every cell a paragraph of its own ("规章" / "0" / "0" / "0" / "行政规范性
 * 文件" / …), header words sometimes broken into pieces ("商业" / "企业", "自" / "然" / "人") and a
 * group's number apart from its words ("（三）" / "不予公开"). A run of paragraphs that are all
 * official labels, header words (or their pieces) and values is such a table; its rows are rebuilt
 * as for cell lines, and the recognizer places the values by label (a row whose blank cells were
 * dropped has too few values, or none: unreadable, never guessed).
 */

/** Official labels of data rows of the three tables (numbering removed), in every layout. */
const ROW_LABELS = new Set(
  [
    ...LAYOUTS.flatMap((layout) => activeSubTables(layout).flatMap((s) => s.rows.map((r) => r.label))),
    ...LAYOUTS.flatMap((layout) => applicationRows(layout).map((r) => r.label)),
  ].map((l) => coreLabel(l)),
);
/** Labels that head rows of their own or lead other labels: table 二's clauses, table 三's groups. */
const LEAD_LABELS = new Set(
  [...LAYOUTS.flatMap((layout) => activeSubTables(layout).map((s) => s.clause)), ...APPLICATION_GROUPS.map((g) => g.label)].map((l) => coreLabel(l)),
);
const HEADER_WORDS = [...HEADER_LABELS];
/** Table 三's balance note (APPLICATION_BALANCE_NOTE), normalized: its lead words, after an opening bracket or not. */
function isBalanceNote(normal: string): boolean {
  return normal.startsWith(APPLICATION_BALANCE_NOTE_LEAD, normal.startsWith('(') ? 1 : 0);
}
/** Pieces of a header word are short: "自", "商业", "科研". */
const MAX_PIECE = 3;

type BareKind = 'value' | 'label' | 'header' | 'piece' | 'number';

/**
 * No label or header word has a '。', and neither numbering nor normalizeLabel removes one: a
 * paragraph with a '。' (prose) can only be the balance note, and is read no further unless it
 * has every character of the note's lead, which normalizeLabel leaves as they are (it folds spaces,
 * quotes and full-width ASCII only): any text the note is known by has them all.
 */
const LABELS_HAVE_FULL_STOP = [...HEADER_LABELS, ...ROW_LABELS, ...LEAD_LABELS].some((l) => l.includes('。'));
const NOTE_LEAD_CHARACTERS = [...new Set(APPLICATION_BALANCE_NOTE_LEAD)].filter((ch) => normalizeLabel(ch) === ch);

function bareCellKind(text: string): BareKind | undefined {
  if (!text) return undefined;
  if (!LABELS_HAVE_FULL_STOP && text.includes('。') && !NOTE_LEAD_CHARACTERS.every((ch) => text.includes(ch))) return undefined;
  if (isValueLike(text)) return 'value';
  const normal = normalizeLabel(text);
  if (NUMBERING_ONLY.test(normal)) return 'number';
  // Header words first: "总计" and "其他" alone are column headers (the rows are "（七）总计", "3.其他").
  if (HEADER_LABELS.has(normal) || isBalanceNote(normal)) return 'header';
  const core = coreLabel(normal);
  if (ROW_LABELS.has(core) || LEAD_LABELS.has(core)) return 'label';
  if (normal.length <= MAX_PIECE && HEADER_WORDS.some((w) => w.includes(normal))) return 'piece';
  return undefined;
}

/** Paragraphs in a row like this make a table (with this many values and official row labels among them). */
const MIN_BARE_CELLS = 12;
const MIN_BARE_VALUES = 3;
const MIN_BARE_LABELS = 3;

/** `blocks` with each run of one-cell paragraphs replaced by the table they spell. */
export function bareCellRuns(blocks: Block[]): Block[] {
  const out: Block[] = [];
  let i = 0;
  while (i < blocks.length) {
    let k = i;
    const kinds: BareKind[] = [];
    for (; k < blocks.length; k++) {
      const b = blocks[k];
      const kind = b.kind === 'paragraph' ? bareCellKind(b.content.text.trim()) : undefined;
      if (!kind) break;
      kinds.push(kind);
    }
    const values = kinds.filter((x) => x === 'value').length;
    const labels = kinds.filter((x) => x === 'label').length;
    const rowMajor = readsByRows(blocks.slice(i, k), kinds);
    const table =
      k - i >= MIN_BARE_CELLS && values >= MIN_BARE_VALUES && labels >= MIN_BARE_LABELS && rowMajor ? bareCellTable(blocks.slice(i, k), kinds) : undefined;
    if (table) {
      out.push(table);
      i = k;
    } else {
      out.push(...blocks.slice(i, Math.max(k, i + 1)));
      i = Math.max(k, i + 1);
    }
  }
  return out;
}

/**
 * Are the cells in row order (each row's label, then its values)? Plain PDF text extraction gives a
 * table column by column instead — all row labels, then each column's values — which must not be
 * read as rows: there two data-row labels follow each other. Most data rows must have a value right
 * after their label.
 */
function readsByRows(blocks: Block[], kinds: BareKind[]): boolean {
  let dataRows = 0;
  let followed = 0;
  let previousData = false;
  for (let j = 0; j < blocks.length; j++) {
    const text = normalizeLabel((blocks[j] as Extract<Block, { kind: 'paragraph' }>).content.text.trim());
    const data = kinds[j] === 'label' && ROW_LABELS.has(coreLabel(text));
    if (data && previousData) return false;
    if (data) {
      dataRows++;
      if (kinds[j + 1] === 'value') followed++;
    }
    previousData = data;
  }
  return followed * 2 >= dataRows;
}

function bareCellTable(blocks: Block[], kinds: BareKind[]): TableBlock | undefined {
  const { rows, add, endRow } = rowBuilder();
  const cellOf = (b: Block): TableCell => ({ text: (b as Extract<Block, { kind: 'paragraph' }>).content.text.trim(), span: b.span, rowSpan: 1, colSpan: 1 });
  const join = (a: TableCell, b: TableCell): TableCell => ({ text: a.text + b.text, span: { start: a.span.start, end: b.span.end }, rowSpan: 1, colSpan: 1 });
  let held: TableCell | undefined;
  let heldKind: BareKind | undefined;
  const flush = () => {
    if (held) add(held);
    held = undefined;
    heldKind = undefined;
  };
  blocks.forEach((b, idx) => {
    const cell = cellOf(b);
    const kind = kinds[idx];
    // A group's number waits for its words; pieces of a header word wait for the rest of it.
    if (held && heldKind === 'number' && kind !== 'value') {
      held = join(held, cell);
      heldKind = 'label';
      return;
    }
    if (held && heldKind === 'piece' && kind === 'piece') {
      const joined = join(held, cell);
      if (HEADER_WORDS.some((w) => w.startsWith(normalizeLabel(joined.text)))) {
        held = joined;
        return;
      }
    }
    flush();
    if (kind === 'number' || kind === 'piece') {
      held = cell;
      heldKind = kind;
      return;
    }
    add(cell);
  });
  flush();
  endRow();
  if (!rows.some((r) => r.cells.length >= 2 && !isValueLike(r.cells[0].text))) return undefined;
  return { kind: 'table', syntax: 'pipe', rows, span: { start: blocks[0].span.start, end: blocks[blocks.length - 1].span.end } };
}
