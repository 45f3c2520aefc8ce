import { MappedText } from '../model/mapped-text.js';
import type { Block, Document, TableBlock, TableCell, TableRow, TableSyntax } from '../model/document.js';
import { SourceText } from '../model/source.js';
import { isDelimiterRow } from '../model/text-utils.js';
import { stripTags } from './strip-tags.js';
import { isDirectiveLine } from './directive-syntax.js';
import { lineColumn, type TextFormat } from './descriptor.js';
import { relineFlat } from './reline.js';
import { cellLineRunEnd, cellLinesTable, MIN_CELL_LINES, trimmedCell } from './cell-lines.js';
import { GROUP_ITEM_START } from '../templates/numbering.js';

/**
 * Plain text (pasted, exported, or extracted from PDF) → Document. Each non-empty line is a
 * paragraph, a heading (Markdown `#` marks are honoured, since drafts mix them in), or a table
 * row: tab-separated, `|`-separated, or a label followed by space-separated numbers (PDF text).
 * Neighbouring rows of the same syntax form one table.
 */
export function parseText(text: string): Document {
  const source = new SourceText(text);
  return { format: 'text', source, blocks: textLineBlocks(source, 1, source.lineCount) };
}

/**
 * The text reading of lines `from`..`to` (1-based, inclusive) of a source. The Markdown processor
 * uses it for paragraphs that hold tables Markdown cannot see: rows pasted from Word as
 * tab-separated lines, `|` rows without a delimiter row, PDF rows of numbers.
 */
export function textLineBlocks(source: SourceText, from: number, to: number): Block[] {
  const text = source.text;
  const blocks: Block[] = [];
  let table: TableBlock | undefined;
  const lines = virtualLines(source, from, to);
  // Cut-out pieces of a flattened line never hold a cell-per-line table.
  const cellRaws = lines.map((l) => (l.flat ? '' : l.raw));
  // Lines already seen inside a run of cell lines that made no table: no run starting among them can.
  let noCellTableBefore = 0;

  for (let i = 0; i < lines.length; i++) {
    const { start, raw, flat } = lines[i];
    const end = start + raw.length;
    if (!raw.trim()) {
      table = undefined;
      continue;
    }
    // `// gia-lint-disable…` lines are for the linter, not report content; they do not end a table.
    if (isDirectiveLine(raw)) continue;
    // A table saved one cell per line ("一、本年新收…数量 |", "0 |", "||"): rows rebuilt from the cells.
    const cellRun = i >= noCellTableBefore ? cellLineRun(lines, cellRaws, i) : undefined;
    if (cellRun && 'table' in cellRun) {
      blocks.push(cellRun.table);
      table = undefined;
      i = cellRun.last;
      continue;
    }
    if (cellRun) noCellTableBefore = cellRun.end;
    // A number at the end of a line whose next line goes on with 年/月/日 is a wrapped date
    // ("统计期限从 2024" / "年 1 月 1 日到 12 月 31 日止"), not a table row.
    // The next line first: WRAPPED_DATE_HEAD tries every position of the line.
    const row = /^\s*[年月日]/.test(nextNonBlank(lines, i)) && WRAPPED_DATE_HEAD.test(raw) ? undefined : tableRow(raw, start, flat);
    if (row) {
      if (!table || table.syntax !== row.syntax) {
        table = { kind: 'table', syntax: row.syntax, rows: [], span: { start, end } };
        blocks.push(table);
      }
      table.rows.push(row.row);
      table.span.end = end;
      continue;
    }
    // A page footer ("-5-", "— 3 —", "第 2 页") between rows does not end a table.
    if (PAGE_FOOTER.test(raw)) continue;
    table = undefined;
    const heading = /^\s*(#{1,6})\s+/.exec(raw);
    if (heading) {
      const from = start + heading[0].length;
      blocks.push({ kind: 'heading', depth: heading[1].length, content: trimMapped(MappedText.verbatim(text, from, end)), span: { start, end } });
      continue;
    }
    let content = MappedText.verbatim(text, start, end);
    if (/<\/?[a-zA-Z][^<>]*>/.test(raw)) content = stripTags(content);
    blocks.push({ kind: 'paragraph', content: trimMapped(content), span: { start, end } });
  }
  return blocks;
}

/**
 * textLineBlocks of lines `from`..`to` when that reading finds a table in them, else undefined: the
 * Markdown processor asks it of every paragraph, and nearly all are prose of one line. Such a line
 * is read only when it could be a row: a table saved one cell per line takes MIN_CELL_LINES lines,
 * so one line that relineFlat leaves whole is a table only as a row of tableRow, and every row has
 * a tab, a '|', or a number as its last word (spacedRow).
 */
export function textLineTables(source: SourceText, from: number, to: number): Block[] | undefined {
  if (from === to && !mayBeRow(source.lineText(from))) return undefined;
  const blocks = textLineBlocks(source, from, to);
  return blocks.some((b) => b.kind === 'table') ? blocks : undefined;
}

function mayBeRow(line: string): boolean {
  if (mayBeRowText(line)) return true;
  const pieces = relineFlat(line);
  return !(pieces.length === 1 && pieces[0][0] === 0 && pieces[0][1] === line.length);
}

/**
 * Whether tableRow could make a row of `raw`: a tab or a '|' (tsv, pipe), or a number as its last
 * word (spacedRow counts the numbers at the end, and parts a label glued to its last one). Prose
 * fails this at once; tableRow is asked about every line and every paragraph.
 */
function mayBeRowText(raw: string): boolean {
  if (raw.includes('\t') || raw.includes('|')) return true;
  const trimmed = raw.trimEnd();
  const last = trimmed.charCodeAt(trimmed.length - 1);
  return last >= 48 && last <= 57;
}

/** A line ending in ONE number (a year, month or day cut from its 年/月/日); a row of numbers is not. */
const WRAPPED_DATE_HEAD = /(?:^|[^\d\s.])\s*\d{1,4}\s*$/;

/** A page number line as PDF extraction leaves it between the lines of a page. */
export const PAGE_FOOTER = /^\s*(?:[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页(?:\s*(?:[，,/]\s*)?共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})\s*$/;

interface VirtualLine {
  start: number;
  raw: string;
  /** Cut out of a flattened line (relineFlat): a label may run straight into its numbers. */
  flat: boolean;
}

/** The source lines, a flattened line cut into the lines a reader sees (src/formats/reline.ts). */
function virtualLines(source: SourceText, from: number, to: number): VirtualLine[] {
  const out: VirtualLine[] = [];
  for (let line = from; line <= to; line++) {
    const start = source.lineStart(line);
    const raw = source.lineText(line);
    const ranges = relineFlat(raw);
    if (ranges.length === 1 && ranges[0][0] === 0 && ranges[0][1] === raw.length) out.push({ start, raw, flat: false });
    else for (const [s, e] of ranges) out.push({ start: start + s, raw: raw.slice(s, e), flat: true });
  }
  return out;
}

/**
 * The table of the cell lines starting at `i` (src/formats/cell-lines.ts) with the index of its last
 * line, or where the run of cell lines that made none ends.
 */
function cellLineRun(lines: VirtualLine[], raws: readonly string[], i: number): { table: TableBlock; last: number } | { end: number } {
  const k = cellLineRunEnd(raws, i);
  const table = k - i >= MIN_CELL_LINES ? cellLinesTable(lines.slice(i, k)) : undefined;
  return table ? { table, last: k - 1 } : { end: k };
}

function nextNonBlank(lines: VirtualLine[], i: number): string {
  for (let k = i + 1; k < lines.length && k <= i + 3; k++) if (lines[k].raw.trim()) return lines[k].raw;
  return '';
}

/** A value of a spaced row. It ends in a digit: mayBeRowText lets only such rows reach spacedRow (change both together). */
const NUMBER_TOKEN = /^[-+]?\d+(?:\.\d+)?$/;

function tableRow(raw: string, start: number, flat = false): { syntax: TableSyntax; row: TableRow } | undefined {
  if (!mayBeRowText(raw)) return undefined;
  if (raw.includes('\t')) {
    const cells = splitCells(raw, start, '\t');
    if (cells.length >= 2) return { syntax: 'tsv', row: { cells, span: { start, end: start + raw.length } } };
  }
  if ((raw.match(/\|/g)?.length ?? 0) >= 2 || /^\s*\|/.test(raw) || /\|\s*$/.test(raw)) {
    if (isDelimiterRow(raw, 2)) return undefined;
    let cells = splitCells(raw, start, '|');
    // A leading "|" (Markdown style) makes an empty first cell that is not part of the table.
    if (/^\s*\|/.test(raw) && cells.length && !cells[0].text.trim()) cells = cells.slice(1);
    if (cells.length >= 2) return { syntax: 'pipe', row: { cells, span: { start, end: start + raw.length } } };
  }
  return spacedRow(raw, start, flat);
}

function splitCells(raw: string, start: number, sep: string): TableCell[] {
  const cells: TableCell[] = [];
  let from = 0;
  for (;;) {
    const at = raw.indexOf(sep, from);
    const to = at === -1 ? raw.length : at;
    cells.push(trimmedCell(raw, start, from, to));
    if (at === -1) break;
    from = at + 1;
  }
  // The text after a final separator is not a cell.
  if (cells.length > 1 && raw.trimEnd().endsWith(sep) && !cells[cells.length - 1].text.trim()) cells.pop();
  return cells;
}

/**
 * "1.属于国家秘密 0 0 0 0 0 0 0" or "0 0 0 0": a label (optional) followed by numbers separated by
 * spaces, as PDF text extraction leaves table rows. A single trailing number counts only after a
 * short label without sentence punctuation, so wrapped prose ending in a number stays prose.
 */
function spacedRow(raw: string, start: number, flat = false): { syntax: TableSyntax; row: TableRow } | undefined {
  const tokens: { text: string; s: number; e: number }[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) tokens.push({ text: m[0], s: m.index, e: m.index + m[0].length });
  let k = 0;
  while (k < tokens.length && NUMBER_TOKEN.test(tokens[tokens.length - 1 - k].text)) k++;
  // Flattened text runs a label straight into its numbers ("申请数量6200109", "总计0 0 0"): part them.
  const lastLabel = tokens[tokens.length - 1 - k];
  const glued = flat && lastLabel ? /^(.*[^\d.\s])(\d+(?:\.\d+)?)$/.exec(lastLabel.text) : null;
  if (glued) {
    const at = tokens.length - 1 - k;
    tokens.splice(
      at,
      1,
      { text: glued[1], s: lastLabel.s, e: lastLabel.s + glued[1].length },
      { text: glued[2], s: lastLabel.s + glued[1].length, e: lastLabel.e },
    );
    k++;
  }
  if (k === 0) return undefined;
  const labelTokens = tokens.slice(0, tokens.length - k);
  const label = labelTokens.map((t) => t.text).join('');
  if (k === 1 && !flat) {
    if (!label || label.length > 20 || /[，。；：、,;:！？]/.test(label)) return undefined;
  } else if (k === 1 && (!label || label.length > 120 || /[。；！？]/.test(label)))
    return undefined; // table 四's header words and its numbers
  else if (label && /[。；！？]$/.test(label)) return undefined;
  if (/[年月日号]$/.test(label) && k <= 2) return undefined; // dates and addresses such as "2024 年 1"
  // A wrapped date ("自 2024 年 1 月 1 日起至 2024" / "年 12 月 31 日止"): the rows with one or two
  // values (table 二) have labels without dates or numbers besides their numbering.
  // ("本年新收政府信息 1 1" is a row: its 年 is part of a word, not of a date.)
  // The row label is the last layout column (spilled group-label pieces may stand before it).
  const lastColumn = labelTokens.length
    ? raw
        .slice(labelTokens[0].s, labelTokens[labelTokens.length - 1].e)
        .split(/\s{2,}|\u3000/)
        .pop()!
        .replace(/\s/g, '')
    : '';
  // (The group's numbering may stand before the item's in the same column: "（三） 1.属于国家秘密 0 0".)
  if (k <= 2 && !flat && /\d|^[年月日]|[年月日]$/.test(lastColumn.replace(GROUP_ITEM_START, ''))) return undefined;
  const cells: TableCell[] = [];
  // Label text in layout columns (two or more spaces apart, as `pdftotext -layout` sets merged
  // vertical labels beside the row labels) gives one cell per column; single spaces stay inside.
  let cellFrom = 0;
  for (let t = 0; t < labelTokens.length; t++) {
    const next = labelTokens[t + 1];
    if (next && next.s - labelTokens[t].e < 2) continue;
    const s = labelTokens[cellFrom].s;
    const e = labelTokens[t].e;
    cells.push({ text: raw.slice(s, e), span: { start: start + s, end: start + e }, rowSpan: 1, colSpan: 1 });
    cellFrom = t + 1;
  }
  for (const t of tokens.slice(tokens.length - k)) cells.push({ text: t.text, span: { start: start + t.s, end: start + t.e }, rowSpan: 1, colSpan: 1 });
  if (cells.length < 2) return undefined;
  return { syntax: 'spaced', row: { cells, span: { start, end: start + raw.length } } };
}

function trimMapped(m: MappedText): MappedText {
  const t = m.text;
  let s = 0;
  let e = t.length;
  while (s < e && /\s/.test(t[s])) s++;
  while (e > s && /\s/.test(t[e - 1])) e--;
  return m.slice(s, e);
}

export const textFormat: TextFormat = {
  id: 'text',
  name: { 'zh-CN': '纯文本', en: 'Plain text' },
  extensions: ['.txt'],
  languageIds: ['plaintext', 'text'],
  binary: false,
  // The fallback: text that looks like no other format is plain text.
  sniff: () => true,
  parse: parseText,
  position: lineColumn,
  reading: 'source',
  markup: 'none',
  directives: { syntax: 'comment-line', pipeTableRows: false, linePrefix: /^[ \t]*/ },
  fixes: 'text',
  readme: {
    reads:
      'one paragraph per line; tab-separated, `\\|`-separated and PDF-style space-separated rows (labels wrapped or split around their numbers, vertical header text, lost header rows; rows found by label, or by their place in the official order); tables saved one cell per line (`一、本年新收… \\|`, `0 \\|`, `\\|\\|`: rows rebuilt from the labels; or one cell per line with no separator at all, as in every format: a run of official labels, header words and numbers, read by its labels unless a row lost all its blank cells)',
    positions: 'line and column in the file',
  },
};
/**
 * Paragraphs that are table rows: text extracted from a PDF and saved as .docx or HTML keeps one
 * paragraph per PDF line, so a table arrives as paragraphs "1.属于国家秘密 0 0 0 0 0 0 0" (or with
 * tabs or "|" between the cells). Runs of such paragraphs become tables, as the same lines do in
 * plain text; positions still point
 * into the original file (each cell is mapped through its paragraph's content).
 */
export function paragraphRows(input: Block[]): Block[] {
  // A flattened paragraph (a web page's whole article in one <p>) is first cut into the lines a
  // reader sees, as flattened lines of plain text are (src/formats/reline.ts).
  const blocks: { block: Block; flat: boolean }[] = [];
  for (const b of input) {
    const ranges = b.kind === 'paragraph' ? relineFlat(b.content.text) : [];
    if (ranges.length > 1 && b.kind === 'paragraph') {
      for (const [from, to] of ranges) {
        const content = b.content.slice(from, to);
        blocks.push({ block: { kind: 'paragraph', content, span: content.span }, flat: true });
      }
    } else blocks.push({ block: b, flat: false });
  }
  const out: Block[] = [];
  let table: TableBlock | undefined;
  for (let i = 0; i < blocks.length; i++) {
    const { block: b, flat } = blocks[i];
    if (b.kind !== 'paragraph') {
      table = undefined;
      out.push(b);
      continue;
    }
    const text = b.content.text;
    const next = blocks[i + 1]?.block;
    const wrappedDate = next?.kind === 'paragraph' && /^\s*[年月日]/.test(next.content.text) && WRAPPED_DATE_HEAD.test(text);
    const row = wrappedDate ? undefined : tableRow(text, 0, flat);
    if (!row) {
      // A page footer between rows does not end the table.
      if (table && PAGE_FOOTER.test(text)) continue;
      table = undefined;
      out.push(b);
      continue;
    }
    const cells = row.row.cells.map((c) => ({ ...c, span: b.content.spanOf(c.span.start, c.span.end) }));
    if (!table || table.syntax !== row.syntax) {
      table = { kind: 'table', syntax: row.syntax, rows: [], span: { ...b.span } };
      out.push(table);
    }
    table.rows.push({ cells, span: b.span });
    table.span.end = b.span.end;
  }
  return out;
}
