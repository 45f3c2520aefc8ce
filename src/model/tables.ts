import type { Block, TableCell } from './document.js';
import type { CellValue, Confidence, LayoutFingerprint, RecognizedHeader, RecognizedRow, RecognizedTable, RowUnreadable, TableProblem } from './report.js';
import type { Span } from './source.js';
import { coreLabel, isSentence, isValueLike, normalizeLabel, readCell, trimEndChars } from './text-utils.js';
import type { Layout } from '../templates/eras.js';
import {
  APPLICANT_COLUMNS,
  APPLICATION_GROUPS,
  APPLICATION_HEADER_WORDS,
  LAYOUTS,
  LAYOUTS_NEWEST_FIRST,
  LAYOUT_FINGERPRINTS,
  REVIEW_COLUMNS,
  activeSubTables,
  applicationRows,
  type ActiveSubTable,
  type ColumnTemplate,
  type RowTemplate,
} from '../templates/tables.js';
import { LABEL_NUMBER, NUMBERED_OTHERWISE_START, PART_START } from '../templates/numbering.js';
import { SECTIONS } from '../templates/sections.js';

/**
 * Table recognition. Every table-like thing in a report — GFM/HTML/TSV/pipe rows, PDF rows of
 * space-separated numbers, and the short text lines between them (wrapped labels, lost headers) —
 * is flattened into one stream of items. Rows are then identified by their labels against the
 * template data, tolerant of numbering, parentheses, quotes and spaces, and by position in the
 * official row order where a label is missing. Cells are placed in columns only when that can be
 * done reliably; otherwise the row is marked unreadable and no sum is computed from it.
 */

export type StreamItem =
  | { type: 'row'; labels: TableCell[]; values: TableCell[]; span: Span; exact: boolean; spaced: boolean }
  | { type: 'text'; text: string; span: Span; header?: boolean; cells?: TableCell[] };

/** Build the item stream from a report's blocks. */
export function itemStream(blocks: Block[]): StreamItem[] {
  const items: StreamItem[] = [];
  for (const b of blocks) {
    if (b.kind === 'table') {
      for (const row of b.rows) {
        const grid = b.syntax === 'html' || b.syntax === 'pdf';
        const cells = grid ? expandColSpans(row.cells) : row.cells;
        const { labels, values } = splitRow(cells);
        const hasValue = values.some((v) => v.text.trim() !== '');
        // (A numbered label is a row even when its core is a header word: "3.其他" with every cell blank.)
        const headerCell = (c: TableCell) => HEADER_WORDS.has(coreLabel(c.text)) && !LABEL_NUMBER.test(normalizeLabel(c.text));
        if (!hasValue && labels.some((c) => headerCell(c) || /勾稽关系/.test(c.text))) {
          items.push({ type: 'text', text: labels.map((c) => c.text).join(' '), span: row.span, header: true, cells: labels });
        } else if (hasValue || (labels.length && values.length) || (b.syntax !== 'spaced' && isDataRowLabel(labels))) {
          // A data row's whole label in a row of its own with no cell after it: the row lost its values
          // (blank cells dropped when the table was saved one cell per line) — a row without values, not a wrapped label.
          items.push({ type: 'row', labels, values, span: row.span, exact: grid || b.syntax === 'gfm', spaced: b.syntax === 'spaced' });
        } else if (labels.length) {
          items.push({ type: 'text', text: labels.map((c) => c.text).join(' '), span: row.span, cells: labels });
        }
      }
    } else {
      const text = b.content.text;
      // Section headings and sentences end a wrapped label; short lines may be label pieces.
      const heading = b.kind === 'heading' || (PART_START.test(text.trim()) && !isRowLabelStart(text));
      if (heading) items.push({ type: 'text', text, span: b.span, header: true });
      else if (text.trim() && !isSentence(text)) items.push({ type: 'text', text, span: b.span });
      else if (text.trim()) items.push({ type: 'text', text: '', span: b.span }); // a sentence: breaks label continuation
    }
  }
  return items;
}

/** Labels of the data rows of tables 二 and 三 in every layout (numbering removed). */
const DATA_ROW_CORES = new Set(
  [
    ...LAYOUTS.flatMap((layout) => activeSubTables(layout).flatMap((t) => t.rows.map((r) => r.label))),
    ...LAYOUTS.flatMap((layout) => applicationRows(layout).map((r) => r.label)),
  ].map((l) => coreLabel(l)),
);

/** A row of labels only whose last label is a data row's whole label ("行政规范性文件", "2.重复申请"). */
function isDataRowLabel(labels: TableCell[]): boolean {
  return labels.length > 0 && DATA_ROW_CORES.has(coreLabel(labels[labels.length - 1].text)) && !HEADER_WORDS.has(coreLabel(labels[labels.length - 1].text));
}

/** Column-header words: a row made of these (and blanks) is a header row, not data. */
const HEADER_WORDS = new Set(
  [
    ...APPLICATION_HEADER_WORDS,
    '总计',
    '其他',
    '结果维持',
    '结果纠正',
    '其他结果',
    '尚未审结',
    '行政复议',
    '行政诉讼',
    '未经复议直接起诉',
    '复议后起诉',
    '信息内容',
  ].map((w) => coreLabel(w)),
);

const ROW_CORES = [...new Set(applicationRows('2021').map((r) => coreLabel(r.label)))];

/** A table 三 row label, whole or cut short by a wrap ("一、本年新收政府信息"), numbers after it allowed. */
function isRowLabelStart(text: string): boolean {
  const core = coreLabel(trimEndChars(text, /[\d\s.]/));
  return ROW_CORES.some((row) => row === core || (core.length >= 4 && row.startsWith(core)));
}

/** Header words longest first, for cutting a run of header text into them. */
const HEADER_WORDS_BY_LENGTH = [...HEADER_WORDS].sort((a, b) => b.length - a.length);

/** Text made of column-header words only ("申请人情况 自然人 … 其他"), read greedily, longest word first. */
function isHeaderText(raw: string): boolean {
  const t = normalizeLabel(raw);
  if (!t) return false;
  for (let at = 0; at < t.length;) {
    const w = HEADER_WORDS_BY_LENGTH.find((x) => t.startsWith(x, at));
    if (!w) return false;
    at += w.length;
  }
  return true;
}

/** Leading non-value cells are the label; the maximal trailing run of value-like cells are values. */
function splitRow(cells: TableCell[]): { labels: TableCell[]; values: TableCell[] } {
  let k = cells.length;
  while (k > 0 && isValueLike(cells[k - 1].text)) k--;
  const labels = cells.slice(0, k).filter((c) => c.text.trim() !== '');
  return { labels, values: cells.slice(k) };
}

function nonBlank(cells: TableCell[]): number {
  return cells.filter((c) => c.text.trim() !== '').length;
}

/** The blank cells a spanning value leaves in the grid (expandColSpans), told apart from cells written blank. */
const COLSPAN_FILLERS = new WeakSet<TableCell>();

function expandColSpans(cells: TableCell[]): TableCell[] {
  const out: TableCell[] = [];
  for (const c of cells) {
    out.push(c);
    // A value cell spanning several columns leaves the others blank, as the grid shows them.
    if (c.colSpan > 1 && isValueLike(c.text))
      for (let i = 1; i < c.colSpan; i++) {
        const filler = { ...c, text: '', span: { start: c.span.end, end: c.span.end } };
        COLSPAN_FILLERS.add(filler);
        out.push(filler);
      }
  }
  return out;
}

/* --------------------------------------------------------------------------- label matching */

interface LabelHit {
  key: string;
  match: 'exact' | 'variant' | 'partial';
}

function matchLabel(raw: string, rows: RowTemplate[]): LabelHit | undefined {
  const core = coreLabel(raw);
  if (!core) return undefined;
  let partial: LabelHit | undefined;
  for (const r of rows) {
    for (const tc of candidateCores(r)) {
      if (core === tc) {
        return { key: r.key, match: normalizeLabel(raw) === normalizeLabel(r.label) || raw.trim() === r.label ? 'exact' : 'variant' };
      }
      // A wrapped or truncated label ("要求行政机关确认或重新"), or one with a stray tail.
      if (!partial && Math.min(core.length, tc.length) >= 5 && (tc.startsWith(core) || core.startsWith(tc))) partial = { key: r.key, match: 'partial' };
    }
  }
  return partial;
}

/**
 * The cores of a template row's official label and aliases, in that order, made once per row:
 * matchLabel compares every label of a table with every row of the template.
 */
function candidateCores(r: RowTemplate): readonly string[] {
  let cores = CANDIDATE_CORES.get(r);
  if (!cores) CANDIDATE_CORES.set(r, (cores = [r.label, ...(r.aliases ?? [])].map((label) => coreLabel(label))));
  return cores;
}

const CANDIDATE_CORES = new WeakMap<RowTemplate, readonly string[]>();

/** The label's numbering ("2.", "（三）") agrees with the row's official one, or the label has none. */
function sameNumbering(raw: string, key: string, rows: RowTemplate[]): boolean {
  const official = rows.find((r) => r.key === key)?.label ?? '';
  const n = normalizeLabel(raw);
  const num = LABEL_NUMBER.exec(n)?.[0];
  return !num || normalizeLabel(official).startsWith(num);
}

/** The piece of a continuation line that belongs to the row label: its last layout column. */
function labelTail(text: string, mode: 'column' | 'token'): string {
  const t = text.trim();
  const parts = mode === 'column' ? t.split(/\s{2,}|\u3000/) : t.split(/\s+/);
  return parts[parts.length - 1] ?? '';
}

/** Continuation lines tried after a row (narrow Word columns wrap a long label over a dozen lines). */
const MAX_LABEL_TAIL = 16;

/**
 * Complete a row label cut by line wraps: the label on the row's line, with the text lines before
 * it (pending) and/or after it up to the next row. Accepted only when the joined label matches an
 * official row exactly or as a known variant, with fitting numbering.
 */
function wrappedLabel(
  items: StreamItem[],
  index: number,
  label: string,
  pending: StreamItem[],
  rows: RowTemplate[],
): { hit: LabelHit; label: string; span: Span; consumed: number[] } | undefined {
  const after: { text: string; span: Span; index: number }[] = [];
  for (let k = index + 1; k < items.length && after.length < MAX_LABEL_TAIL; k++) {
    const it = items[k];
    if (it.type !== 'text' || it.header || !it.text.trim()) break;
    after.push({ text: it.text, span: it.span, index: k });
  }
  const before = pending.filter((p): p is Extract<StreamItem, { type: 'text' }> => p.type === 'text' && !p.header && p.text.trim() !== '');
  const beforeText = before.map((p) => labelTail(p.text, 'column')).join('');
  for (const mode of ['column', 'token'] as const) {
    for (const withBefore of [false, true]) {
      if (withBefore && !beforeText) continue;
      let joined = (withBefore ? beforeText : '') + label;
      for (let n = 0; n <= after.length; n++) {
        if (n > 0) joined += labelTail(after[n - 1].text, mode);
        if (n === 0 && !withBefore) continue;
        const hit = matchLabel(joined, rows);
        if (hit && hit.match !== 'partial' && sameNumbering(joined, hit.key, rows)) {
          const spans = [...(withBefore ? before.map((p) => p.span) : []), ...after.slice(0, n).map((a) => a.span)];
          const span = spans.length ? { start: Math.min(...spans.map((x) => x.start)), end: Math.max(...spans.map((x) => x.end)) } : items[index].span;
          return { hit, label: joined, span, consumed: after.slice(0, n).map((a) => a.index) };
        }
      }
    }
  }
  return undefined;
}

/** Result groups of table 三 by the numeral of their label: （三）不予公开 … （六）其他处理. */
const GROUP_BY_NUMBER: Record<string, string> = { 三: 'refused', 四: 'unavailable', 五: 'notProcessed', 六: 'otherHandling' };

function matchGroup(raw: string): string | undefined {
  const core = coreLabel(raw);
  return APPLICATION_GROUPS.find((g) => coreLabel(g.label) === core)?.key;
}

/**
 * The row label of a line of label text: the line itself, or its last layout column when every
 * column before it is a group label ("(三)不予公开   1.属于国家秘密"). With its offset in the text.
 */
function lastColumnLabel(text: string): { text: string; at: number } | undefined {
  const cols = [...text.matchAll(/\S+(?:[ \t]\S+)*/g)];
  if (!cols.length) return undefined;
  const last = cols[cols.length - 1];
  if (!cols.slice(0, -1).every((c) => matchGroup(c[0]) !== undefined)) return undefined;
  return { text: last[0], at: last.index };
}

/** A short piece of a vertical group label of table 三 ("本年", "度办", "(三)"), as PDF layout text spills them. */
function isGroupSpill(raw: string): boolean {
  const t = normalizeLabel(raw);
  return t.length > 0 && t.length <= 3 && !/^\d/.test(t) && GROUP_TEXTS.some((g) => g.includes(t));
}

const GROUP_TEXTS = APPLICATION_GROUPS.map((g) => normalizeLabel(g.label));

/** Longest piece of a vertical group label a PDF line may carry before a row label ("三、本年", "其他处"). */
const MAX_SPILL_PIECE = 4;

/**
 * A label cell of PDF text without the pieces of vertical group labels set one space before the
 * row's label ("三、本年 （一）予以公开", "其他处 补正、行政机关不再处理"): the cell from the row label on.
 */
function withoutSpill(c: TableCell): TableCell {
  const tokens = [...c.text.matchAll(/\S+/g)];
  let k = 0;
  while (k < tokens.length - 1) {
    const t = normalizeLabel(tokens[k][0]);
    if (t.length > MAX_SPILL_PIECE || /\d/.test(t) || matchGroup(t) !== undefined || !GROUP_TEXTS.some((g) => g.includes(t))) break;
    k++;
  }
  if (k === 0) return c;
  const at = tokens[k].index;
  return { ...c, text: c.text.slice(at), span: { start: c.span.start + at, end: c.span.end } };
}

/**
 * After a label standing alone at `index`, the next item is plainly another row or text (an
 * official row or group label, a header, a sentence, the end), not the numbers of this label
 * standing on the line below it or the wrapped rest of it.
 */
function separateRowFollows(items: StreamItem[], index: number, rows: RowTemplate[]): boolean {
  const next = items[index + 1];
  if (!next) return true;
  if (next.type === 'text') {
    if (next.header || !next.text.trim()) return true;
    const label = lastColumnLabel(next.text)?.text ?? next.text;
    const hit = matchLabel(label, rows);
    return (
      matchGroup(next.text) !== undefined ||
      matchGroup(label) !== undefined ||
      (hit !== undefined && hit.match !== 'partial' && sameNumbering(label, hit.key, rows))
    );
  }
  if (next.labels.length === 0) return false;
  const last = next.labels[next.labels.length - 1].text;
  const hit = matchLabel(last, rows);
  return matchGroup(last) !== undefined || (hit !== undefined && hit.match !== 'partial' && sameNumbering(last, hit.key, rows));
}

/* ------------------------------------------------------------------------- value placement */

interface Placement {
  cells?: CellValue[];
  unreadable?: RowUnreadable;
  /** The value cells kept after dropping surplus blanks at the ends, read. */
  kept: CellValue[];
  /** The cells were split out of digit runs by the row relation (inferSplit). */
  inferred?: boolean;
}

/**
 * Place a row's value cells into `n` columns. Surplus blank cells at either end are dropped (pipe
 * rows end in "||", TSV rows start with a tab). If blanks had to be dropped and blanks remain among
 * the kept cells, the source lost the blanks' positions, so the row cannot be read reliably.
 */
export function placeValues(values: TableCell[], n: number, exact: boolean, relation?: RowRelation, spaced = false): Placement {
  const cells = values.slice();
  const blank = (c: TableCell) => c.text.trim() === '';
  let trimmed = false;
  while (cells.length > n && blank(cells[cells.length - 1])) {
    cells.pop();
    trimmed = true;
  }
  while (cells.length > n && blank(cells[0])) {
    cells.shift();
    trimmed = true;
  }
  const kept = cells.map((c) => readCell(c.text, c.span));
  if (cells.every(blank)) {
    if (cells.length === 0) return { unreadable: 'noValues', kept };
    return { cells: Array.from({ length: n }, (_, i) => readCell('', (cells[i] ?? cells[cells.length - 1]).span)), kept };
  }
  if (cells.length === n) {
    if (trimmed && !exact && cells.some(blank)) return { unreadable: 'blanksLost', kept };
    return { cells: kept, kept };
  }
  if (cells.length > n) {
    // Colspans that do not line up with the header's (a header cell spans two grid columns, the
    // data row spans two others): the grid has more columns than the table, but the cells as
    // written are one per column.
    const written = cells.filter((c) => !COLSPAN_FILLERS.has(c));
    if (written.length === n) return { cells: written.map((c) => readCell(c.text, c.span)), kept };
    return { unreadable: 'tooMany', kept };
  }
  // Only space-separated text can run numbers together; a pipe or tab row's cells are explicit.
  if (spaced) {
    const inferred = inferSplit(cells, n, relation);
    if (inferred) return { cells: inferred, kept, inferred: true };
  }
  return { unreadable: 'tooFew', kept };
}

/** A check the values of one row must pass (row total = sum of its parts). */
export type RowRelation = (values: number[]) => boolean;

/** Table 三: 总计 (the 7th column) is the sum of the six applicant columns. */
export const APPLICANT_ROW_RELATION: RowRelation = (v) => v[6] === v[0] + v[1] + v[2] + v[3] + v[4] + v[5];

/** Table 四: in each of the three groups of five, 总计 is the sum of the four outcomes. */
export const REVIEW_ROW_RELATION: RowRelation = (v) => [0, 5, 10].every((g) => v[g + 4] === v[g] + v[g + 1] + v[g + 2] + v[g + 3]);

/** Digits in one run beyond which no split is attempted (the search would be a guess anyway). */
const MAX_RUN_DIGITS = 48;
/** Search budget: split candidates tried before giving up as unreadable. */
const MAX_SPLIT_STEPS = 200_000;

/**
 * Flattened text runs a row's numbers together ("6200109", "40 7003050"): the cells are there but
 * their boundaries are not. Split each digit run so that the row has `n` numbers (no leading zeros,
 * as counts are written) and the row relation holds; when exactly one split does, it is the reading
 * (with one digit per cell there is only one split, taken whatever the relation says) — an inference,
 * which the rules treat as such. Anything else stays unreadable.
 */
function inferSplit(cells: TableCell[], n: number, rowRelation: RowRelation | undefined): CellValue[] | undefined {
  let relation = rowRelation;
  const runs = cells.map((c) => ({ text: c.text.trim(), span: c.span, at: c.span.start + c.text.indexOf(c.text.trim()) }));
  if (!runs.every((r) => /^\d+$/.test(r.text))) return undefined;
  const digits = runs.reduce((a, r) => a + r.text.length, 0);
  if (digits < n || digits > MAX_RUN_DIGITS) return undefined;
  // One run of one digit per cell has only one split: read it even if the row relation fails (then
  // the relation's rule has something to say, as a warning). Separate runs are separate cells (a
  // blank was lost between them): without a relation, nothing else is a reading.
  if (digits === n && runs.length === 1) relation = () => true;
  else if (!relation) return undefined;
  const parts: { text: string; at: number }[] = [];
  let found: { text: string; at: number }[] | undefined;
  let solutions = 0;
  let steps = 0;
  const remainingDigits = (ri: number, pos: number) => runs.slice(ri).reduce((a, r) => a + r.text.length, 0) - pos;
  const walk = (ri: number, pos: number): void => {
    if (solutions > 1 || ++steps > MAX_SPLIT_STEPS) return;
    if (ri === runs.length) {
      if (parts.length === n && relation(parts.map((p) => Number(p.text)))) {
        solutions++;
        found = parts.slice();
      }
      return;
    }
    const run = runs[ri];
    if (pos === run.text.length) return walk(ri + 1, 0);
    const left = n - parts.length;
    // Every remaining part needs a digit, and every remaining run at least one part.
    if (left <= 0 || remainingDigits(ri, pos) < left) return;
    const maxLen = run.text[pos] === '0' ? 1 : Math.min(run.text.length - pos, 7);
    for (let len = 1; len <= maxLen; len++) {
      parts.push({ text: run.text.slice(pos, pos + len), at: run.at + pos });
      walk(ri, pos + len);
      parts.pop();
    }
  };
  walk(0, 0);
  if (solutions !== 1 || steps > MAX_SPLIT_STEPS || !found) return undefined;
  return found.map((p) => readCell(p.text, { start: p.at, end: p.at + p.text.length }));
}

/* ------------------------------------------------------------------------ applications (三) */

/** Every row template of table 三 a label may name: the 2021 rows and the 2019 single （六）其他处理 row. */
const ALL_APPLICATION_ROWS = [...applicationRows('2021'), ...applicationRows('2019').filter((r) => r.key === 'otherHandling')];

type RowItem = Extract<StreamItem, { type: 'row' }>;
type TextItem = Extract<StreamItem, { type: 'text' }>;

/** A data row of the item stream as read for table 三: its label, and the row it names if identified. */
interface FoundRow {
  item: RowItem;
  index: number;
  key?: string;
  match?: RecognizedRow['match'];
  label: string;
  labelSpan?: Span;
  /** Only a group label ("（五）不予处理") stands before the values. */
  groupOnly?: string;
  /** PDF text: the label was pieced together from the lines above a row of numbers without one. */
  pieced?: boolean;
}

/** What reading the item stream found (phase 1). */
interface ApplicationScan {
  found: FoundRow[];
  /** Index of the first header item (申请人情况 …), -1 if none. */
  headerAt: number;
  /** A numbered （六）其他处理 item row (2021 layout) / the group as one row with values (2019). */
  saw2021Other: boolean;
  saw2019Other: boolean;
  groupLabels: RecognizedHeader[];
  /** Numbered item labels ("5.属于三类…", "（四）无2.没有…") among the text lines since the last row. */
  pendingLabels: number;
}

/**
 * Table 三 (applications), in phases: read the rows and their labels; pick the layout; give
 * group-label rows their first row; place unlabelled rows by position in the official order;
 * read each row's cells; then the header cells and the layout's fingerprints.
 */
export function recognizeApplications(items: StreamItem[], eraLayout: Layout): RecognizedTable | undefined {
  const scan = scanApplicationRows(items);
  const { found, headerAt, saw2021Other, saw2019Other, groupLabels } = scan;
  // Labels alone with no row of numbers read beside them are no table that can be read (plain PDF
  // text scatters every cell onto a line of its own): the section's debris says so, not "missing".
  if (!found.some((f) => f.key && f.item.values.length > 0)) return undefined;
  const layout: Layout = saw2021Other ? '2021' : saw2019Other ? '2019' : eraLayout;
  const template = applicationRows(layout);
  placeGroupRows(found, layout, template);

  // The table runs from its header (or first identified row) to its last identified row.
  const order = new Map(template.map((r, i) => [r.key, i]));
  const keyed = found.filter((f) => f.key && order.has(f.key));
  const firstKeyed = keyed[0].index;
  const lastKeyed = keyed[keyed.length - 1].index;
  const regionStart = headerAt !== -1 && headerAt < firstKeyed ? headerAt : firstKeyed;
  const candidates = found.filter((f) => f.index >= regionStart && f.index <= lastKeyed);
  const problems = placeByPosition(candidates, template, order);
  const { rows, span } = readApplicationCells(candidates, order, problems);
  absorbedRows(candidates, rows, problems, template, order);
  detachedRows(items, regionStart, lastKeyed, rows, problems, template);
  const headers = headerAt !== -1 && headerAt < firstKeyed ? applicationHeaders(items, headerAt, firstKeyed) : [];
  const fingerprints = applicationFingerprints(candidates);
  return {
    kind: 'applications',
    layout,
    layoutSource: saw2021Other || saw2019Other ? 'headers' : 'era',
    span: span!,
    rows,
    headers,
    groupLabels,
    fingerprints,
    problems,
  };
}

/**
 * Phase 1: walk the item stream once. Text items are label pieces (kept as `pending` until a row
 * takes them) or headers; row items get their label from their own cells, the pending text, or a
 * label wrapped over the lines around them, and are matched against the official rows.
 */
function scanApplicationRows(items: StreamItem[]): ApplicationScan {
  const scan: ApplicationScan = { found: [], headerAt: -1, saw2021Other: false, saw2019Other: false, groupLabels: [], pendingLabels: 0 };
  let pending: StreamItem[] = [];
  const consumed = new Set<number>();
  items.forEach((it, index) => {
    if (it.type === 'text' && consumed.has(index)) return; // a wrapped label's tail, already read
    if (it.type === 'text') {
      const alone = labelAloneRow(items, it, index);
      if (alone) {
        scan.found.push(alone);
        pending = [];
        scan.pendingLabels = 0;
        return;
      }
      pending = pendingAfterText(it, index, pending, scan);
      return;
    }
    scan.found.push(readApplicationRow(items, it, index, pending, consumed, scan));
    pending = [];
    scan.pendingLabels = 0;
  });
  return scan;
}

/**
 * An official row label on a line of its own, the next line being another row (or text): a row
 * whose cells were all blank and vanished when the table was copied as text ("2.重复申请" between
 * "1.信访…类申请 0 0 0" and "3.要求…"). It is there, with no values to read. (PDF layout text may
 * set a group label in a column before it: "(三)不予公开   1.属于国家秘密".)
 */
function labelAloneRow(items: StreamItem[], it: TextItem, index: number): FoundRow | undefined {
  if (it.header || !it.text.trim()) return undefined;
  const alone = lastColumnLabel(it.text);
  // A column header on its own line ("其他" in a header whose words the PDF set one per line) is no
  // row, though "3.其他" is: without its numbering a header word names no row.
  if (alone && HEADER_WORDS.has(coreLabel(alone.text)) && !LABEL_NUMBER.test(normalizeLabel(alone.text))) return undefined;
  const whole = alone ? matchLabel(alone.text, ALL_APPLICATION_ROWS) : undefined;
  if (
    !alone ||
    !whole ||
    whole.match === 'partial' ||
    !sameNumbering(alone.text, whole.key, ALL_APPLICATION_ROWS) ||
    !separateRowFollows(items, index, ALL_APPLICATION_ROWS)
  )
    return undefined;
  const span = { start: it.span.start + alone.at, end: it.span.start + alone.at + alone.text.length };
  const row: RowItem = { type: 'row', labels: [{ text: alone.text, span, rowSpan: 1, colSpan: 1 }], values: [], span: it.span, exact: false, spaced: false };
  return { item: row, index, key: whole.key, match: whole.match, label: normalizeLabel(alone.text), labelSpan: span };
}

/** A numbered item label in a line of text: "5.属于三类内部事务信", "（四）无2.没有现成信息" (not "4.5"). */
const NUMBERED_ITEM = /(?:^|[^\d.])\d{1,2}\.[^\d]/;
/** A line of dashes, colons and bars only: a Markdown table's delimiter row read as text. */
const DELIMITER_LINE = /^[-:|—\s]+$/;

/** A text item: a blank or header line ends the label pieces gathered so far; a short line is one more. */
function pendingAfterText(it: TextItem, index: number, pending: StreamItem[], scan: ApplicationScan): StreamItem[] {
  const t = normalizeLabel(it.text);
  if (!t) {
    scan.pendingLabels = 0;
    return [];
  }
  if (/申请人情况|勾稽关系|法人或其他组织/.test(t) && scan.headerAt === -1) scan.headerAt = index;
  if (it.header) {
    scan.pendingLabels = 0;
    return [];
  }
  // A delimiter row left mid-table by a converter ("|---|---|") is no label piece.
  if (DELIMITER_LINE.test(t)) return pending;
  if (NUMBERED_ITEM.test(t)) scan.pendingLabels++;
  const next = matchGroup(it.text) || /^\d+\./.test(t) ? [] : pending;
  if (!matchGroup(it.text)) next.push(it);
  return next;
}

/** A row item: its label (own cells, pending text, or wrapped over lines) matched against the official rows. */
function readApplicationRow(items: StreamItem[], it: RowItem, index: number, pending: StreamItem[], consumed: Set<number>, scan: ApplicationScan): FoundRow {
  // Group label cells before the item label set the context; the last label cell names the row.
  let groupOnly: string | undefined;
  let labelCell: TableCell | undefined;
  for (const cell of it.labels) {
    // PDF text: a spilled piece one space before the label stays in its cell ("三、本年 （一）予以公开").
    const c = it.spaced ? withoutSpill(cell) : cell;
    const g = matchGroup(c.text);
    // A piece of a vertical group label spilled into the row line ("本年", "理结") names no row.
    if (!g && !it.exact && isGroupSpill(c.text)) continue;
    if (g && g !== 'results') groupOnly = g;
    else if (!g) {
      labelCell = c;
      groupOnly = undefined;
    }
  }
  if (it.labels.some((c) => /申请人情况|勾稽关系/.test(normalizeLabel(c.text))) && scan.headerAt === -1) scan.headerAt = index;
  // Flattened text: the header words run straight into the numbers of a first row whose label was
  // lost ("…法律服务机构 其他 3 3"). The header is no label: the numbers are an unlabelled row, and
  // the lines above are the header's too (the 勾稽关系 note).
  let labelPieces = pending;
  // Two numbered labels or more on the lines above a row without one: the labels stand apart from
  // their numbers (a converter set the label cells in a paragraph before the rows), so the last
  // label is not necessarily this row's — the row is placed by its position, or not at all.
  if (!labelCell && scan.pendingLabels > 1) labelPieces = [];
  if (labelCell && !groupOnly && it.spaced && isHeaderText(it.labels.map((c) => c.text).join(''))) {
    if (scan.headerAt === -1) scan.headerAt = index;
    labelCell = undefined;
    labelPieces = [];
  }
  let label = labelCell?.text ?? '';
  let labelSpan = labelCell?.span;
  if (!labelCell && !groupOnly && labelPieces.length) {
    // Header lines (column words, the 勾稽关系 note) above a row that lost its label are no label.
    const texts = labelPieces.filter((p): p is TextItem => p.type === 'text' && !/勾稽关系/.test(p.text) && !isHeaderText(p.text));
    label = texts.map((p) => p.text).join('');
    labelSpan = texts.length ? { start: texts[0].span.start, end: texts[texts.length - 1].span.end } : undefined;
  }
  let hit = label ? matchLabel(label, ALL_APPLICATION_ROWS) : undefined;
  // A label wrapped over several lines (PDF layout text): the numbers stand on its first or middle
  // line, the rest of the label on the text lines around it, after any spilled group characters.
  if (labelCell && (!hit || hit.match === 'partial' || !sameNumbering(label, hit.key, ALL_APPLICATION_ROWS))) {
    const wrapped = wrappedLabel(items, index, label, pending, ALL_APPLICATION_ROWS);
    if (wrapped) {
      hit = wrapped.hit;
      label = wrapped.label;
      labelSpan = { start: Math.min(labelSpan!.start, wrapped.span.start), end: Math.max(labelSpan!.end, wrapped.span.end) };
      for (const k of wrapped.consumed) consumed.add(k);
    }
  }
  if (labelCell && hit && hit.match !== 'partial') rewordedGroupLabels(it, labelCell, hit.key, scan.groupLabels);
  if (hit?.key.startsWith('otherHandling.')) scan.saw2021Other = true;
  if (groupOnly === 'otherHandling' && !labelCell) scan.saw2019Other = true;
  return {
    item: it,
    index,
    key: hit?.key,
    match: hit?.match,
    label: label ? normalizeLabel(label) : '',
    labelSpan,
    groupOnly: labelCell ? undefined : groupOnly,
    pieced: !labelCell && it.spaced && label !== '',
  };
}

/**
 * A group label reworded ("（五）不予受理") stands before the item label of one of its own
 * items: identified by its numbering and that item, for table-labels.
 */
function rewordedGroupLabels(it: RowItem, labelCell: TableCell, key: string, groupLabels: RecognizedHeader[]): void {
  const itemGroup = ALL_APPLICATION_ROWS.find((r) => r.key === key)?.group;
  if (!itemGroup) return;
  for (const c of it.labels) {
    if (c.span.end === labelCell.span.end) break; // the label cell itself (maybe without its spilled pieces)
    // Two group labels in one cell ("（三）不予公开（四）无法提供": a PDF reader merged the vertical
    // cells of two groups) are debris, not a rewording of either.
    if ((normalizeLabel(c.text).match(/[（(][三四五六][)）]/g) ?? []).length > 1) continue;
    const g = GROUP_BY_NUMBER[/^[（(]\s*([三四五六])\s*[)）]/.exec(normalizeLabel(c.text))?.[1] ?? ''];
    // A vertical group label cut by the PDF layout ("（三）" here, "不予公" and "开" on the lines
    // below) is a piece of the official wording, not a rewording.
    const official = APPLICATION_GROUPS.find((x) => x.key === g);
    const cut = official !== undefined && coreLabel(official.label).startsWith(coreLabel(c.text));
    if (g === itemGroup && !cut && !matchGroup(c.text) && !groupLabels.some((x) => x.key === g)) {
      groupLabels.push({ key: g, official: APPLICATION_GROUPS.find((x) => x.key === g)!.label, label: c.text.trim(), span: c.span, match: 'position' });
    }
  }
}

/**
 * Phase 3: a group label carrying values but no item label is the group's first row ("（五）不予处理 | 0 …"),
 * or in the 2019 layout the single row （六）其他处理.
 */
function placeGroupRows(found: FoundRow[], layout: Layout, template: RowTemplate[]): void {
  for (const f of found) {
    if (f.key || !f.groupOnly) continue;
    if (layout === '2019' && f.groupOnly === 'otherHandling') {
      f.key = 'otherHandling';
      f.match = 'variant';
    } else {
      const first = template.find((r) => r.group === f.groupOnly);
      if (first) {
        f.key = first.key;
        f.match = 'position';
      }
    }
  }
}

/**
 * Phase 4: rows of the table without a usable label take their place from the official order
 * between identified rows. Returns the rows that could not be placed (unknownRow).
 */
function placeByPosition(candidates: FoundRow[], template: RowTemplate[], order: Map<string, number>): TableProblem[] {
  let prevIdx = -1;
  let gap: FoundRow[] = [];
  /** Labelled rows whose cells are all blank: a row left unfilled, or a label line without numbers. */
  let blankGap: FoundRow[] = [];
  const problems: TableProblem[] = [];
  const unknown = (g: FoundRow) => problems.push({ kind: 'unknownRow', label: g.label, span: g.labelSpan ?? g.item.span });
  for (const f of candidates) {
    if (!f.key) {
      if (f.item.values.some((v) => v.text.trim() !== '')) gap.push(f);
      else if (f.label && f.item.values.length) blankGap.push(f);
      continue;
    }
    const idx = order.get(f.key)!;
    const slots = idx - prevIdx - 1;
    // A mistyped label over blank cells ("只计这一情况", "三类内容事务信息") is that row, unfilled —
    // not a missing row: it takes its slot when, with it, the rows fill the gap in order and every
    // labelled one reads close to its slot's wording. Otherwise blank rows are passed over as before.
    if (blankGap.length) {
      const withBlank = [...gap, ...blankGap].sort((a, b) => a.index - b.index);
      const close = (g: FoundRow, k: number) => !g.label || similarity(coreLabel(g.label), coreLabel(template[prevIdx + 1 + k].label)) >= ROW_SIMILARITY;
      if (withBlank.length === slots && withBlank.every(close)) gap = withBlank;
      blankGap = [];
    }
    // Unlabelled rows fill the gap by position; labelled ones too when they make the count agree,
    // else they are rows the format does not have (a local addition).
    if (gap.length !== slots && gap.filter((g) => !g.label).length === slots) {
      for (const g of gap) if (g.label) unknown(g);
      gap = gap.filter((g) => !g.label);
    }
    const fits = gap.length > 0 && gap.length === slots;
    for (const [k, g] of gap.entries()) {
      const slot = fits ? template[prevIdx + 1 + k] : undefined;
      // A labelled row takes the slot only when its wording is close to the official one
      // (a reworded label); a different row in its place stays unknown.
      if (slot && (!g.label || similarity(coreLabel(g.label), coreLabel(slot.label)) >= ROW_SIMILARITY)) {
        g.key = slot.key;
        // Its label, pieced from PDF lines that hold spilled group characters and wrapped ends of
        // other labels, is no wording to judge (table-labels).
        g.match = g.pieced ? 'partial' : 'position';
      } else unknown(g);
    }
    gap = [];
    prevIdx = Math.max(prevIdx, idx);
  }
  for (const g of gap) unknown(g);
  return problems;
}

/** Phase 5: each identified row's cells placed in the applicant columns (the first row of a key wins); unreadable rows are problems. */
function readApplicationCells(
  candidates: FoundRow[],
  order: Map<string, number>,
  problems: TableProblem[],
): { rows: Record<string, RecognizedRow>; span: Span | undefined } {
  const rows: Record<string, RecognizedRow> = {};
  let span: Span | undefined;
  for (const f of candidates) {
    if (!f.key || !order.has(f.key) || rows[f.key]) continue;
    const placed = placeValues(f.item.values, APPLICANT_COLUMNS.length, f.item.exact, APPLICANT_ROW_RELATION, f.item.spaced);
    rows[f.key] = buildRow(f.key, f.label, f.labelSpan, f.match!, f.item.span, APPLICANT_COLUMNS, placed);
    span = span ? { start: Math.min(span.start, f.item.span.start), end: Math.max(span.end, f.item.span.end) } : { ...f.item.span };
    if (placed.unreadable)
      problems.push({
        kind: 'unreadableRow',
        rowKey: f.key,
        reason: placed.unreadable,
        span: f.item.span,
        count: nonBlank(f.item.values),
        columns: APPLICANT_COLUMNS.length,
      });
  }
  return { rows, span };
}

/** Characters of a row label's core that, found in the table's text, show the row is there. */
const DETACHED_LABEL_CHARS = 8;
const MIN_DETACHED_LABEL_CHARS = 4;

/**
 * Plain PDF text of a table whose blank cells vanished scatters it: labels, their wrapped pieces and
 * lone numbers each on a line, in an order that no longer pairs them. A row that was not read but
 * whose label (its first characters, past wraps and spilled group pieces) stands in the table's text
 * is there: present and unreadable, never missing, never summed.
 */
function detachedRows(
  items: StreamItem[],
  regionStart: number,
  lastKeyed: number,
  rows: Record<string, RecognizedRow>,
  problems: TableProblem[],
  template: RowTemplate[],
): void {
  const missing = template.filter((r) => !rows[r.key]);
  if (!missing.length) return;
  // Label text standing apart from numbers (text lines, not the label of a row with values, which is
  // an unknown row), up to the next part heading.
  const pieces: { at: number; span: Span }[] = [];
  let text = '';
  let ended = false;
  for (let i = regionStart; i < items.length; i++) {
    const it = items[i];
    const heading = it.type === 'text' && it.header && isSectionHeading(it.text);
    if (heading && i > lastKeyed) {
      ended = true;
      break;
    }
    // (A row with no number at all counts too: a PDF reader joins the labels of blank rows into one.)
    const blankRow = it.type === 'row' && it.values.every((v) => v.text.trim() === '');
    const t = it.type === 'text' && !heading ? normalizeLabel(it.text) : blankRow ? normalizeLabel(it.labels.map((c) => c.text).join('')) : '';
    if (!t) continue;
    pieces.push({ at: text.length, span: it.span });
    text += t;
  }
  for (const r of missing) {
    // A short core ("总计", "其他") is also a header word: only the label with its numbering counts.
    const core = coreLabel(r.label);
    const needle = core.length >= MIN_DETACHED_LABEL_CHARS ? core.slice(0, DETACHED_LABEL_CHARS) : normalizeLabel(r.label);
    const at = text.indexOf(needle);
    if (at === -1) continue;
    const piece = [...pieces].reverse().find((p) => p.at <= at)!;
    // The text's last line with nothing after it: a page cut there (an excerpt), not a row.
    if (!ended && piece === pieces[pieces.length - 1]) continue;
    rows[r.key] = { key: r.key, label: '', match: 'position', cells: {}, span: piece.span, unreadable: 'noValues', rawValues: [], confidence: 'unreadable' };
    problems.push({ kind: 'unreadableRow', rowKey: r.key, reason: 'noValues', span: piece.span, count: 0, columns: APPLICANT_COLUMNS.length });
  }
}

/** A part heading (四、政府信息公开行政复议…), not one of table 三's own numbered labels ("三、本年 （一）予以公开"). */
function isSectionHeading(raw: string): boolean {
  const t = normalizeLabel(raw);
  return PART_START.test(t) && SECTIONS.some((sec) => sec.match.some((words) => words.every((w) => t.includes(w))));
}

/**
 * Flattened text of a table whose rows lost their labels: the numbers of an unlabelled row run on
 * after the row before it ("(一)予以公开 2 0 0 0 0 0 2 0 0 0 0 0 0 0"), which then holds a whole
 * multiple of the columns. The official rows missing right after it are the ones it swallowed:
 * present but unreadable (one table-structure message), never missing, never summed.
 */
function absorbedRows(
  found: { item: Extract<StreamItem, { type: 'row' }>; key?: string }[],
  rows: Record<string, RecognizedRow>,
  problems: TableProblem[],
  template: RowTemplate[],
  order: Map<string, number>,
): void {
  const n = APPLICANT_COLUMNS.length;
  for (const f of found) {
    const host = f.key ? rows[f.key] : undefined;
    if (!host || !host.unreadable || !f.item.spaced) continue;
    // Cells run together ("20000020000000"): one digit a cell, as the counts of an empty table are.
    const values = nonBlank(f.item.values);
    const digits = f.item.values.every((v) => /^\d*$/.test(v.text.trim())) ? f.item.values.reduce((a, v) => a + v.text.trim().length, 0) : 0;
    const units = values % n === 0 ? values / n : digits % n === 0 ? digits / n : 0;
    let swallowed = units - 1;
    for (let i = order.get(f.key!)! + 1; swallowed > 0 && i < template.length && !rows[template[i].key]; i++, swallowed--) {
      const key = template[i].key;
      rows[key] = { key, label: '', match: 'position', cells: {}, span: f.item.span, unreadable: host.unreadable, rawValues: [], confidence: 'unreadable' };
      problems.push({ kind: 'unreadableRow', rowKey: key, reason: host.unreadable, span: f.item.span, count: values, columns: n });
    }
  }
}

/** Phase 6a: header cells, from the header rows between the header's start and the first data row. */
function applicationHeaders(items: StreamItem[], headerAt: number, firstKeyed: number): RecognizedHeader[] {
  const headers: RecognizedHeader[] = [];
  for (let i = headerAt; i < firstKeyed; i++) {
    const it = items[i];
    if (it.type === 'text' && it.cells) addHeaders(headers, it.cells, APPLICATION_HEADER_SEQUENCES, undefined);
  }
  return headers;
}

/** Phase 6b: the （六）其他处理 block tells the layouts apart: three numbered rows (2021) or one row (2019). */
function applicationFingerprints(candidates: FoundRow[]): LayoutFingerprint[] {
  const fingerprints: LayoutFingerprint[] = [];
  const other2021 = candidates.find((f) => f.key?.startsWith('otherHandling.') && f.match !== 'position' && f.labelSpan);
  if (other2021) fingerprints.push({ layout: '2021', label: applicationRows('2021').find((r) => r.key === other2021.key)!.label, span: other2021.labelSpan! });
  const other2019 = candidates.find((f) => f.key === 'otherHandling');
  if (other2019)
    fingerprints.push({ layout: '2019', label: '（六）其他处理（一行，无 1—3 分项）', span: other2019.item.labels[0]?.span ?? other2019.item.span });
  return fingerprints;
}

/* ----------------------------------------------------------------------------- header cells */

interface HeaderSlot {
  key: string;
  label: string;
}

const APPLICANT_SLOTS: HeaderSlot[] = APPLICANT_COLUMNS.map((c) => ({ key: c.key, label: c.label }));
const slot = (key: string): HeaderSlot => APPLICANT_SLOTS.find((c) => c.key === key)!;
/** The ways table 三's header rows order the official column labels: row 2, row 3, or one flat row. */
const APPLICATION_HEADER_SEQUENCES: HeaderSlot[][] = [
  [slot('natural'), { key: 'legalPerson', label: '法人或其他组织' }, slot('total')],
  APPLICANT_SLOTS.slice(1, 6),
  APPLICANT_SLOTS,
  [{ key: 'applicant', label: '申请人情况' }, slot('total')],
];

/** Row labels placed by position must be this close to the official wording (2·LCS / lengths). */
const ROW_SIMILARITY = 0.4;

/** 2·LCS(a, b) / (|a| + |b|): 1 for equal strings, 0 for strings without a common character. */
export function similarity(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  if (!x.length || !y.length) return 0;
  let prev = new Array<number>(y.length + 1).fill(0);
  for (const cx of x) {
    const cur = [0];
    for (let j = 0; j < y.length; j++) cur.push(cx === y[j] ? prev[j] + 1 : Math.max(prev[j + 1], cur[j]));
    prev = cur;
  }
  return (2 * prev[y.length]) / (x.length + y.length);
}

/** A cell that can be a column header: short text, not a number, not a sentence, not the 勾稽关系 note. */
function labelish(c: TableCell): boolean {
  const t = normalizeLabel(c.text);
  return t.length > 0 && t.length <= 24 && !isValueLike(c.text) && !isSentence(c.text) && !/勾稽关系/.test(t);
}

/**
 * Identify the header cells of one header row against the official sequences: cells with the
 * official wording (up to spaces, width and quotes) anchor the row; a cell between two anchors
 * takes the one official column between them when the counts agree (so "社会组织" between 科研机构
 * and 法律服务机构 is the 社会公益组织 column). At the row's ends, cells are placed by position only
 * when the row has exactly as many cells as the sequence.
 */
function addHeaders(out: RecognizedHeader[], rowCells: TableCell[], sequences: HeaderSlot[][], group: string | undefined): void {
  const cells = rowCells.filter(labelish);
  let best: { seq: HeaderSlot[]; anchors: [number, number][] } | undefined;
  for (const seq of sequences) {
    const anchors: [number, number][] = [];
    let j0 = 0;
    cells.forEach((c, i) => {
      const n = normalizeLabel(c.text);
      const j = seq.findIndex((sl, k) => k >= j0 && normalizeLabel(sl.label) === n);
      if (j !== -1) {
        anchors.push([i, j]);
        j0 = j + 1;
      }
    });
    if (anchors.length && (!best || anchors.length > best.anchors.length)) best = { seq, anchors };
  }
  if (!best) return;
  const { seq, anchors } = best;
  const push = (c: TableCell, sl: HeaderSlot, match: RecognizedHeader['match']) => {
    if (out.some((h) => h.key === sl.key && h.group === group)) return;
    out.push({ key: sl.key, group, official: sl.label, label: c.text.trim(), span: c.span, match });
  };
  const fill = (ci: number, cj: number, sj: number, sk: number) => {
    // cells [ci, cj) and slots [sj, sk), in order, when their counts agree
    if (cj - ci !== sk - sj) return;
    for (let k = 0; ci + k < cj; k++) push(cells[ci + k], seq[sj + k], 'position');
  };
  const whole = anchors.length >= 2 && cells.length === seq.length;
  if (whole) fill(0, anchors[0][0], 0, anchors[0][1]);
  for (let a = 0; a < anchors.length; a++) {
    push(cells[anchors[a][0]], seq[anchors[a][1]], 'exact');
    if (a + 1 < anchors.length) fill(anchors[a][0] + 1, anchors[a + 1][0], anchors[a][1] + 1, anchors[a + 1][1]);
  }
  const last = anchors[anchors.length - 1];
  if (whole) fill(last[0] + 1, cells.length, last[1] + 1, seq.length);
}

function buildRow(
  key: string,
  label: string,
  labelSpan: Span | undefined,
  match: RecognizedRow['match'],
  span: Span,
  columns: ColumnTemplate[],
  placed: Placement,
): RecognizedRow {
  const cells: Record<string, CellValue> = {};
  if (placed.cells) columns.forEach((c, i) => (cells[c.key] = placed.cells![i]));
  const confidence: Confidence = placed.unreadable
    ? 'unreadable'
    : placed.inferred
      ? 'inferred'
      : match === 'exact' || match === 'variant'
        ? 'exact'
        : 'tolerant';
  return { key, label, labelSpan, match, cells, span, unreadable: placed.unreadable, rawValues: placed.kept, confidence };
}

/* ----------------------------------------------------------------------------- review (四) */

const OUTCOME_SLOTS = (group: string): HeaderSlot[] =>
  REVIEW_COLUMNS.filter((c) => c.key.startsWith(`${group}.`)).map((c) => ({ key: c.key, label: c.label.slice(c.label.lastIndexOf('·') + 1) }));
/** Table 四's header rows: 行政复议 | 行政诉讼; the 复议 outcomes and the two 诉讼 kinds; the 10 诉讼 outcomes; or one flat row of 15. */
const REVIEW_HEADER_SEQUENCES: HeaderSlot[][] = [
  [
    { key: 'review', label: '行政复议' },
    { key: 'litigation', label: '行政诉讼' },
  ],
  [...OUTCOME_SLOTS('review'), { key: 'litigationDirect', label: '未经复议直接起诉' }, { key: 'litigationAfterReview', label: '复议后起诉' }],
  [...OUTCOME_SLOTS('litigationDirect'), ...OUTCOME_SLOTS('litigationAfterReview')],
  [...OUTCOME_SLOTS('review'), ...OUTCOME_SLOTS('litigationDirect'), ...OUTCOME_SLOTS('litigationAfterReview')],
];

/** Table 四 is the same in both layouts; `layout` is recorded for the report's consistency. */
export function recognizeReview(items: StreamItem[], after: number, layout: Layout): RecognizedTable | undefined {
  const isHeader = (t: string) => /行政复议/.test(t) && /行政诉讼|结果维持|复议后起诉|尚未审结/.test(t);
  let headerAt = -1;
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    if (it.span.start < after) continue;
    const text = it.type === 'text' ? it.text : it.labels.map((c) => c.text).join('');
    // A heading, not the table: the section's ("四、…"), or one numbered otherwise ("（四）因政府信息公开申请
    //的行政复议、行政诉讼情况" under 总体情况, "第四部分 …"): a header row never opens with a number.
    if (PART_START.test(normalizeLabel(text)) || NUMBERED_OTHERWISE_START.test(normalizeLabel(text))) continue;
    if (isHeader(normalizeLabel(text))) {
      headerAt = i;
      break;
    }
  }
  if (headerAt === -1) return reviewByGroups(items, after, layout);
  // Header cells (table-labels checks their wording): identified against the official header rows.
  const headers: RecognizedHeader[] = [];
  const first = items[headerAt];
  if (first.type === 'text' && first.cells) addHeaders(headers, first.cells, REVIEW_HEADER_SEQUENCES, undefined);
  // Flattened text: the header words and the numbers stand on one line.
  for (let i = items[headerAt].type === 'row' ? headerAt : headerAt + 1; i < items.length && i <= headerAt + 12; i++) {
    const it = items[i];
    if (it.type === 'text') {
      const t = normalizeLabel(it.text);
      if (PART_START.test(t) && !/行政复议|行政诉讼/.test(t)) break; // next section
      if (it.cells) addHeaders(headers, it.cells, REVIEW_HEADER_SEQUENCES, undefined);
      continue;
    }
    const numbers = it.values.filter((v) => v.text.trim() !== '').length;
    // Fewer than five numbers: not the data row, unless its digits ran together (flattened text).
    const digits = it.values.reduce((a, v) => a + (/^\s*\d+\s*$/.test(v.text) ? v.text.trim().length : 0), 0);
    if (numbers < 5 && digits < REVIEW_COLUMNS.length) continue;
    const placed = placeValues(it.values, REVIEW_COLUMNS.length, it.exact, REVIEW_ROW_RELATION, it.spaced);
    const row = buildRow('data', '', undefined, 'position', it.span, REVIEW_COLUMNS, placed);
    const problems: TableProblem[] = placed.unreadable
      ? [{ kind: 'unreadableRow', rowKey: 'data', reason: placed.unreadable, span: it.span, count: nonBlank(it.values), columns: REVIEW_COLUMNS.length }]
      : [];
    return {
      kind: 'review',
      layout,
      layoutSource: 'era',
      span: { start: items[headerAt].span.start, end: it.span.end },
      rows: { data: row },
      headers,
      problems,
    };
  }
  return {
    kind: 'review',
    layout,
    layoutSource: 'era',
    span: items[headerAt].span,
    rows: {},
    problems: [{ kind: 'noDataRow', span: items[headerAt].span }],
  };
}

/** The group of table 四 a heading or row label names: 行政复议, 未经复议直接起诉 or 复议后起诉. */
function reviewGroupOf(raw: string): string | undefined {
  const t = normalizeLabel(raw);
  if (!t || t.length > 24 || PART_START.test(t)) return undefined;
  if (/复议后起诉/.test(t)) return 'litigationAfterReview';
  if (/未经复议|直接起诉/.test(t)) return 'litigationDirect';
  if (/行政复议/.test(t) && !/诉讼/.test(t)) return 'review';
  return undefined;
}

/** Table 四's groups in column order (review, litigationDirect, litigationAfterReview) and their width. */
const REVIEW_GROUP_KEYS = [...new Set(REVIEW_COLUMNS.map((c) => c.key.slice(0, c.key.indexOf('.'))))];
const OUTCOMES_PER_GROUP = REVIEW_COLUMNS.length / REVIEW_GROUP_KEYS.length;

/**
 * Table 四 written as its three groups of five — a converter's or a drafter's split: a heading or
 * label naming each group ("行政复议", "行政诉讼（未经复议直接起诉）", "复议后起诉") with its own
 * 结果维持…总计 header and one row of five cells. The groups' rows are read as the one data row
 * when all three are found; otherwise the table is not recognised this way.
 */
function reviewByGroups(items: StreamItem[], after: number, layout: Layout): RecognizedTable | undefined {
  const rows = new Map<string, RowItem>();
  const headers: RecognizedHeader[] = [];
  let pending: string | undefined;
  let start: number | undefined;
  for (const it of items) {
    if (it.span.start < after) continue;
    const label = it.type === 'text' ? it.text : it.labels.map((c) => c.text).join('');
    if (it.type === 'text' && PART_START.test(normalizeLabel(label)) && !/行政复议|行政诉讼/.test(label)) break; // the next section
    const group = reviewGroupOf(label);
    if (group) {
      pending = group;
      start ??= it.span.start;
    }
    if (it.type === 'text') {
      if (pending && it.cells) addHeaders(headers, it.cells, [OUTCOME_SLOTS(pending)], undefined);
      continue;
    }
    if (pending && !rows.has(pending) && it.values.length === OUTCOMES_PER_GROUP) rows.set(pending, it);
    pending = undefined;
    if (rows.size === REVIEW_GROUP_KEYS.length) break;
  }
  if (rows.size < REVIEW_GROUP_KEYS.length || start === undefined) return undefined;
  const parts = REVIEW_GROUP_KEYS.map((k) => rows.get(k)!);
  const values = parts.flatMap((r) => r.values);
  const placed = placeValues(
    values,
    REVIEW_COLUMNS.length,
    parts.every((r) => r.exact),
    REVIEW_ROW_RELATION,
    parts.some((r) => r.spaced),
  );
  const end = Math.max(...parts.map((r) => r.span.end));
  const span = { start, end };
  const row = buildRow('data', '', undefined, 'position', span, REVIEW_COLUMNS, placed);
  const problems: TableProblem[] = placed.unreadable
    ? [{ kind: 'unreadableRow', rowKey: 'data', reason: placed.unreadable, span, count: nonBlank(values), columns: REVIEW_COLUMNS.length }]
    : [];
  return { kind: 'review', layout, layoutSource: 'era', span, rows: { data: row }, headers, problems };
}

/* -------------------------------------------------------------------------- active (二) */

/** Layout evidence from column headers anywhere in the stream (domain.md §2.4 fingerprints). */
const FINGERPRINT_WORDS = LAYOUTS.map((layout) => ({ layout, words: LAYOUT_FINGERPRINTS[layout].map(normalizeLabel) }));

/** The layout whose fingerprints occur most often; none on a tie (or when none occurs). */
export function layoutFromHeaders(items: StreamItem[]): Layout | undefined {
  const score = new Map<Layout, number>(LAYOUTS.map((l) => [l, 0]));
  for (const it of items) {
    const t = normalizeLabel(it.type === 'text' ? it.text : it.labels.map((c) => c.text).join('|'));
    for (const { layout, words } of FINGERPRINT_WORDS) for (const w of words) if (t.includes(w)) score.set(layout, score.get(layout)! + 1);
  }
  const [best, second] = [...score].sort((a, b) => b[1] - a[1]);
  return second && best[1] === second[1] ? undefined : best[0];
}

export function recognizeActive(items: StreamItem[], layout: Layout): RecognizedTable | undefined {
  const subs = activeSubTables(layout);
  const rows: Record<string, RecognizedRow> = {};
  const headers: RecognizedHeader[] = [];
  const problems: TableProblem[] = [];
  let span: Span | undefined;
  let current: ActiveSubTable | undefined; // the sub-table whose 条款 row came last
  let inside = false; // between a 条款/header/data row of table 二 and the next heading
  const strays: { label: string; span: Span }[] = [];
  for (const it of items) {
    const cells = it.type === 'row' ? it.labels : it.cells;
    const first = cells?.[0] ? normalizeLabel(cells[0].text) : it.type === 'text' ? normalizeLabel(it.text) : '';
    const clause = first ? subs.find((sub) => normalizeLabel(sub.clause) === first) : undefined;
    if (clause) {
      current = clause;
      inside = true;
    } else if (it.type === 'text' && it.header && !first.startsWith('信息内容')) inside = false;
    // The column-header row of a sub-table: 信息内容 | 本年制发件数 | …
    if (it.type === 'text' && it.cells && first === '信息内容') {
      const seqs = (current ? [current] : subs).map((sub) => [{ key: 'label', label: '信息内容' }, ...sub.columns]);
      const before = headers.length;
      addHeaders(headers, it.cells, seqs, current?.clause);
      if (!current) for (const h of headers.slice(before)) h.group = subs.find((sub) => sub.columns.some((c) => c.key === h.key))?.clause;
      // The amount column with another unit or none ("本年收费金额（元）"): its wording is checked.
      const feeSub = subs.find((sub) => sub.columns.some((c) => c.key === 'feeAmount'));
      const fee = it.cells.find((c) => /^本年收费金额/.test(normalizeLabel(c.text)));
      if (feeSub && fee && !headers.some((h) => h.key === 'feeAmount')) {
        headers.push({
          key: 'feeAmount',
          group: feeSub.clause,
          official: feeSub.columns.find((c) => c.key === 'feeAmount')!.label,
          label: fee.text.trim(),
          span: fee.span,
          match: 'position',
        });
      }
      continue;
    }
    // A column header standing alone after the rows (plain PDF text puts a header cell where its
    // line fell): the sub-table has that column, named as written.
    if (it.type === 'text' && current && inside && headers.some((h) => h.group === current?.clause)) {
      const column = current.columns.find((c) => normalizeLabel(c.label) === first);
      if (column && !headers.some((h) => h.group === current?.clause && h.key === column.key))
        headers.push({ key: column.key, group: current.clause, official: column.label, label: it.text.trim(), span: it.span, match: 'exact' });
    }
    if (it.type !== 'row' || it.labels.length === 0) continue;
    const label = it.labels[it.labels.length - 1];
    // The same header cells read as a row's labels, the numbers of the lines after them beside them.
    const asColumns =
      current && inside && headers.some((h) => h.group === current?.clause)
        ? it.labels.map((c) => current!.columns.find((col) => normalizeLabel(col.label) === normalizeLabel(c.text)))
        : [];
    if (current && asColumns.length && asColumns.every(Boolean)) {
      asColumns.forEach((col, k) => {
        if (!headers.some((h) => h.group === current?.clause && h.key === col!.key))
          headers.push({
            key: col!.key,
            group: current!.clause,
            official: col!.label,
            label: it.labels[k].text.trim(),
            span: it.labels[k].span,
            match: 'exact',
          });
      });
      continue;
    }
    // Local additions in brackets identify the same row: "规章 (市政府令)", "规范性文件 (有规范性文件登记号)".
    const paren = /[（(][^（）()]*[)）]\s*$/.exec(label.text);
    const bare = paren ? label.text.slice(0, paren.index).trimEnd() : label.text;
    let matched = false;
    for (const sub of subs) {
      let hit = matchLabel(label.text, sub.rows);
      if ((!hit || hit.match === 'partial') && bare !== label.text) {
        const b = matchLabel(bare, sub.rows);
        if (b && b.match !== 'partial') hit = { key: b.key, match: 'variant' };
      }
      if (!hit || hit.match === 'partial' || rows[hit.key]) continue;
      const placed = placeValues(it.values, sub.columns.length, it.exact, undefined, it.spaced);
      rows[hit.key] = buildRow(hit.key, normalizeLabel(label.text), label.span, hit.match, it.span, sub.columns, placed);
      if (placed.unreadable)
        problems.push({
          kind: 'unreadableRow',
          rowKey: hit.key,
          reason: placed.unreadable,
          span: it.span,
          count: nonBlank(it.values),
          columns: sub.columns.length,
        });
      span = span ? { start: Math.min(span.start, it.span.start), end: Math.max(span.end, it.span.end) } : { ...it.span };
      matched = true;
      break;
    }
    if (matched) inside = true;
    else if (inside && !clause && it.values.some((v) => v.text.trim() !== '') && !isApplicationLabel(label.text))
      strays.push({ label: normalizeLabel(label.text), span: label.span });
  }
  if (!span) return undefined;
  // Rows with values inside table 二 whose label is no official row (a reworded or local row).
  for (const st of strays) problems.push({ kind: 'unknownRow', label: st.label, span: st.span });
  return { kind: 'active', layout, layoutSource: 'headers', span, rows, headers, fingerprints: activeFingerprints(items), problems };
}

/** A row of table 三 (when its section heading is missing, table 二 runs straight into it). */
function isApplicationLabel(raw: string): boolean {
  return matchGroup(raw) !== undefined || matchLabel(raw, LAYOUTS_NEWEST_FIRST.flatMap(applicationRows)) !== undefined;
}

/** Era fingerprints among table cells and short label lines (PDF text has no cells), first of each. */
/**
 * The layout words of table 二 in a stretch of the stream (a table that could not be read: every
 * cell left empty, cells scattered), so format-version still sees which version's labels it has.
 */
export function fingerprintsWithin(items: StreamItem[], span: Span): LayoutFingerprint[] {
  return activeFingerprints(items.filter((it) => it.span.start >= span.start && it.span.start < span.end));
}

function activeFingerprints(items: StreamItem[]): LayoutFingerprint[] {
  const out: LayoutFingerprint[] = [];
  const words = LAYOUTS.flatMap((layout) => LAYOUT_FINGERPRINTS[layout].map((label) => ({ layout, label, n: normalizeLabel(label) })));
  const see = (text: string, span: Span, whole: boolean) => {
    const t = normalizeLabel(text);
    for (const w of words) {
      if (out.some((f) => f.label === w.label)) continue;
      if (whole ? t.startsWith(w.n) : t.includes(w.n)) out.push({ layout: w.layout, label: w.label, span });
    }
  };
  for (const it of items) {
    if (it.type === 'row') for (const c of it.labels) see(c.text, c.span, true);
    else if (it.cells) for (const c of it.cells) see(c.text, c.span, true);
    else if (it.text && !it.header) see(it.text, it.span, false);
  }
  return out;
}
