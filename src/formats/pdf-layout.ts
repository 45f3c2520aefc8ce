import type { Block, Document, PagePlace, TableBlock, TableCell, TableRow } from '../model/document.js';
import { MappedText } from '../model/mapped-text.js';
import { SourceText } from '../model/source.js';
import { isValueLike } from '../model/text-utils.js';
import type { PdfContent, PdfGlyphRun, PdfPage, PdfRule } from './pdf-extract.js';
import { textLineBlocks } from './text.js';
import { NUMBERED_START } from '../templates/numbering.js';

/**
 * The pages of a PDF (glyph runs, ruling lines, image boxes) → Document. PDF has no paragraphs,
 * no tables and no reading order, only glyphs at positions; all of them are rebuilt here:
 *
 * - Tables come from their ruling lines: the borders give the grid, a missing border between two
 *   grid units merges them, so a vertical label written one character per line ("三、本年度办理
 *   结果") is one cell spanning its rows and a label wrapped inside its cell is one label. Glyphs
 *   are placed in the cell their centre falls in; a run that crosses a border is cut there.
 * - A table that goes on at the top of the next page with the same columns is one table: header
 *   rows repeated there are dropped, a row broken across the page is joined again, and a merged
 *   label cell that runs over the break keeps growing.
 * - The other glyphs form lines by baseline; lines form paragraphs (a line that reaches the right
 *   margin goes on in the next one). Lines with wide gaps and numbers (a table drawn without
 *   borders) are read as tab-separated rows by the plain-text reader.
 * - Large pictures become image blocks: a table published as a picture is reported as such.
 * - Page headers, footers and page numbers (text in the top or bottom band that repeats across
 *   pages, or reads as a page number) are not content.
 *
 * The Document's source is a VIEW of the PDF: one line per text line, one line per table row (cells
 * separated by tabs), pages in order. `--print-text` prints it; positions are line:column in it,
 * and `pages[n]` says on which page, and on which line of that page, view line n+1 starts.
 */

export interface PdfDocument extends Document {
  /** Where each line of the view (index = line − 1) starts in the PDF (page lines count headers too). */
  pages: PagePlace[];
}

/* ------------------------------------------------------------------------------ geometry */

interface Run extends PdfGlyphRun {
  page: number;
}

/** A line of text on one page: runs sharing a baseline, left to right. */
interface TextLine {
  page: number;
  runs: Run[];
  y: number;
  x: number;
  right: number;
  size: number;
  top: number;
}

interface Cell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** Lines of text in the cell, top to bottom (pieces from several pages after a merge). */
  lines: TextLine[];
}

interface Grid {
  page: number;
  /** Column borders, left to right. */
  xs: number[];
  /** Row borders, top to bottom (descending y). */
  ys: number[];
  cells: Cell[];
  top: number;
  bottom: number;
  rowCount: number;
  /** Page of each row (rows of a merged table come from several pages). */
  rowPages: number[];
  rowTops: number[];
}

type PageItem = { kind: 'line'; line: TextLine } | { kind: 'table'; grid: Grid } | { kind: 'image'; page: number; top: number };

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

function charWeight(ch: string): number {
  return CJK.test(ch) ? 1 : 0.5;
}

/** Cut a run at the given x positions (a run that crosses a cell border), by estimated glyph widths. */
function cutRun(run: Run, cuts: number[]): Run[] {
  const inside = cuts.filter((c) => c > run.x + 0.5 && c < run.x + run.width - 0.5);
  if (!inside.length || run.text.length < 2) return [run];
  const chars = [...run.text];
  const total = chars.reduce((s, c) => s + charWeight(c), 0);
  const out: Run[] = [];
  let at = run.x;
  let piece = '';
  let pieceX = run.x;
  let k = 0;
  for (const ch of chars) {
    const w = (charWeight(ch) / total) * run.width;
    // A glyph belongs to the side its centre is on.
    while (k < inside.length && at + w / 2 > inside[k]) {
      if (piece) out.push({ ...run, text: piece, x: pieceX, width: at - pieceX });
      piece = '';
      pieceX = at;
      k++;
    }
    piece += ch;
    at += w;
  }
  if (piece) out.push({ ...run, text: piece, x: pieceX, width: at - pieceX });
  // The spaces a writer put between two cells' text belong to neither.
  return out.map((r) => ({ ...r, text: r.text.trim() })).filter((r) => r.text !== '');
}

/** Runs → lines by baseline (top to bottom), each line's runs left to right. */
function groupLines(runs: Run[], page: number): TextLine[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: TextLine[] = [];
  for (const r of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - r.y) <= Math.max(1, Math.min(last.size, r.size) * 0.4)) {
      last.runs.push(r);
      last.size = Math.max(last.size, r.size);
      last.top = Math.max(last.top, r.y + r.size * 0.8);
      continue;
    }
    lines.push({ page, runs: [r], y: r.y, x: 0, right: 0, size: r.size, top: r.y + r.size * 0.8 });
  }
  for (const l of lines) {
    l.runs.sort((a, b) => a.x - b.x);
    l.x = l.runs[0].x;
    l.right = Math.max(...l.runs.map((r) => r.x + r.width));
  }
  return lines;
}

function isAsciiWord(ch: string | undefined): boolean {
  return ch !== undefined && /[0-9A-Za-z]/.test(ch);
}

/** A line's text: runs joined, with one space where a visible gap separates two words. */
function lineText(line: TextLine, tabGap = Infinity): string {
  let out = '';
  let prevEnd = -Infinity;
  for (const r of line.runs) {
    const gap = r.x - prevEnd;
    if (out) {
      if (gap >= tabGap * r.size) out += '\t';
      else if (gap > r.size * 0.25 && (isAsciiWord(out[out.length - 1]) || isAsciiWord(r.text[0]))) out += ' ';
    }
    out += r.text;
    prevEnd = r.x + r.width;
  }
  return out;
}

/* ------------------------------------------------------------------------------ tables */

const TOL = 1.5;

/** Equal coordinates within the tolerance become one (their mean). */
function clusterValues(values: number[], tol = TOL): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1] <= tol) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

/** Collinear rules that overlap or touch become one. */
function mergeRules(rules: PdfRule[]): PdfRule[] {
  const sorted = [...rules].sort((a, b) => a.at - b.at || a.from - b.from);
  const out: PdfRule[] = [];
  for (const r of sorted) {
    const same = out.filter((o) => Math.abs(o.at - r.at) <= TOL && r.from <= o.to + 2 && r.to >= o.from - 2);
    if (same.length) {
      const o = same[0];
      o.from = Math.min(o.from, r.from);
      o.to = Math.max(o.to, r.to);
    } else out.push({ ...r });
  }
  return out;
}

/** Groups of rules that touch each other: one group per table (or box, or underline). */
function ruleGroups(rules: PdfRule[]): { h: PdfRule[]; v: PdfRule[] }[] {
  const hs = mergeRules(rules.filter((r) => r.dir === 'h' && r.to - r.from >= 3));
  const vs = mergeRules(rules.filter((r) => r.dir === 'v' && r.to - r.from >= 3));
  const parent = [...hs, ...vs].map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  hs.forEach((h, i) => {
    vs.forEach((v, j) => {
      if (v.at >= h.from - 2 && v.at <= h.to + 2 && h.at >= v.from - 2 && h.at <= v.to + 2) parent[find(i)] = find(hs.length + j);
    });
  });
  const groups = new Map<number, { h: PdfRule[]; v: PdfRule[] }>();
  hs.forEach((h, i) => {
    const g = groups.get(find(i)) ?? { h: [], v: [] };
    g.h.push(h);
    groups.set(find(i), g);
  });
  vs.forEach((v, j) => {
    const g = groups.get(find(hs.length + j)) ?? { h: [], v: [] };
    g.v.push(v);
    groups.set(find(hs.length + j), g);
  });
  return [...groups.values()];
}

function covers(rules: PdfRule[], at: number, point: number): boolean {
  return rules.some((r) => Math.abs(r.at - at) <= TOL + 0.5 && r.from <= point + 1 && r.to >= point - 1);
}

/** A group of rules → the grid of its cells (merged where a border is missing), or undefined when it is no table. */
function gridOf(group: { h: PdfRule[]; v: PdfRule[] }, page: number): Grid | undefined {
  const xs = clusterValues(group.v.map((r) => r.at));
  const ys = clusterValues(group.h.map((r) => r.at)).reverse();
  // A box around a paragraph, or a single line, is not a table.
  if (xs.length < 2 || ys.length < 2 || (xs.length - 1) * (ys.length - 1) < 2) return undefined;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const rightBorder = (r: number, c: number) => c === cols - 1 || covers(group.v, xs[c + 1], (ys[r] + ys[r + 1]) / 2);
  const bottomBorder = (r: number, c: number) => r === rows - 1 || covers(group.h, ys[r + 1], (xs[c] + xs[c + 1]) / 2);
  const owner: number[][] = Array.from({ length: rows }, () => new Array<number>(cols).fill(-1));
  const cells: Cell[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (owner[r][c] !== -1) continue;
      let colSpan = 1;
      while (c + colSpan < cols && !rightBorder(r, c + colSpan - 1) && owner[r][c + colSpan] === -1) colSpan++;
      let rowSpan = 1;
      const open = (rr: number) => {
        for (let k = c; k < c + colSpan; k++) if (bottomBorder(rr, k) || owner[rr + 1][k] !== -1) return false;
        return true;
      };
      while (r + rowSpan < rows && open(r + rowSpan - 1)) rowSpan++;
      const id = cells.length;
      for (let rr = r; rr < r + rowSpan; rr++) for (let cc = c; cc < c + colSpan; cc++) owner[rr][cc] = id;
      cells.push({ row: r, col: c, rowSpan, colSpan, lines: [] });
    }
  }
  return {
    page,
    xs,
    ys,
    cells,
    top: ys[0],
    bottom: ys[ys.length - 1],
    rowCount: rows,
    rowPages: new Array<number>(rows).fill(page),
    rowTops: ys.slice(0, rows),
  };
}

/**
 * Rows with no text in any cell that starts there carry nothing: a sliver between two borders
 * drawn a little apart, or the empty rest of a row broken by the page. They are dropped, and the
 * cells spanning them shrink.
 */
function dropEmptyRows(grid: Grid): void {
  for (let r = grid.rowCount - 1; r >= 0; r--) {
    const own = grid.cells.filter((c) => c.row === r);
    if (own.some((c) => c.lines.length > 0)) continue;
    grid.cells = grid.cells.filter((c) => !(c.row === r && c.rowSpan === 1));
    for (const c of grid.cells) {
      if (c.row > r) c.row--;
      else if (c.row + c.rowSpan > r) c.rowSpan--;
    }
    grid.rowPages.splice(r, 1);
    grid.rowTops.splice(r, 1);
    grid.rowCount--;
  }
}

function findIndex(borders: number[], v: number, descending: boolean): number {
  for (let i = 0; i < borders.length - 1; i++) {
    const [a, b] = descending ? [borders[i + 1], borders[i]] : [borders[i], borders[i + 1]];
    if (v >= a && v < b) return i;
  }
  return -1;
}

/** Put each run inside the grid into its cell; returns the runs that are not in the grid. */
function fillGrid(grid: Grid, runs: Run[]): Run[] {
  const left = grid.xs[0];
  const right = grid.xs[grid.xs.length - 1];
  const byCell = new Map<Cell, Run[]>();
  const rest: Run[] = [];
  const at = new Map<string, Cell>();
  for (const c of grid.cells) for (let r = c.row; r < c.row + c.rowSpan; r++) for (let k = c.col; k < c.col + c.colSpan; k++) at.set(`${r},${k}`, c);
  for (const run of runs) {
    const mid = run.y + run.size * 0.35;
    if (mid > grid.top + 1 || mid < grid.bottom - 1 || run.x + run.width < left || run.x > right) {
      rest.push(run);
      continue;
    }
    for (const piece of cutRun(run, grid.xs)) {
      const r = findIndex(grid.ys, Math.min(grid.top - 0.01, Math.max(grid.bottom, mid)), true);
      const c = findIndex(grid.xs, Math.min(right - 0.01, Math.max(left, piece.x + piece.width / 2)), false);
      const cell = at.get(`${r},${c}`);
      if (!cell) {
        rest.push(piece);
        continue;
      }
      const list = byCell.get(cell) ?? [];
      list.push(piece);
      byCell.set(cell, list);
    }
  }
  for (const [cell, list] of byCell) cell.lines = groupLines(list, grid.page);
  dropEmptyRows(grid);
  return rest;
}

function cellText(cell: Cell): string {
  return joinLineTexts(cell.lines.map((l) => lineText(l)));
}

/** Lines of one paragraph or cell joined as a reader reads them: no break in Chinese, a space between words. */
function joinLineTexts(parts: string[]): string {
  let out = '';
  for (const p of parts) {
    if (out && isAsciiWord(out[out.length - 1]) && isAsciiWord(p[0])) out += ' ';
    out += p;
  }
  return out;
}

/* ----------------------------------------------------------------- tables across pages */

/**
 * Can `b` (at the top of a page) be the continuation of `a` (at the bottom of the previous one)?
 * Same left and right edges, and the column borders of one are among those of the other (header
 * rows merge cells, so the part with the header shows fewer borders).
 */
function sameColumns(a: Grid, b: Grid): boolean {
  const near = (x: number, list: number[]) => list.some((y) => Math.abs(x - y) <= 2);
  if (Math.abs(a.xs[0] - b.xs[0]) > 2 || Math.abs(a.xs[a.xs.length - 1] - b.xs[b.xs.length - 1]) > 2) return false;
  return a.xs.every((x) => near(x, b.xs)) || b.xs.every((x) => near(x, a.xs));
}

/** Re-express a grid's cells in the columns of `xs` (a superset of its own borders). */
function remapColumns(grid: Grid, xs: number[]): void {
  const index = (x: number) => xs.findIndex((y) => Math.abs(x - y) <= 2);
  for (const c of grid.cells) {
    const from = index(grid.xs[c.col]);
    const to = index(grid.xs[c.col + c.colSpan]);
    c.col = from;
    c.colSpan = to - from;
  }
  grid.xs = xs;
}

function rowCells(grid: Grid, row: number): Cell[] {
  return grid.cells.filter((c) => c.row === row).sort((a, b) => a.col - b.col);
}

/** The cell covering (row, col). */
function cellAt(grid: Grid, row: number, col: number): Cell | undefined {
  return grid.cells.find((c) => row >= c.row && row < c.row + c.rowSpan && col >= c.col && col < c.col + c.colSpan);
}

/**
 * Append `next` (the same table going on at the top of the next page) to `grid`. Header rows that
 * the word processor repeats on every page are dropped; a row broken across the page (its labels'
 * last lines over there, its numbers here) is joined again; a merged label cell that spans rows
 * on both pages becomes one cell.
 */
function appendGrid(grid: Grid, next: Grid): void {
  const xs = clusterValues([...grid.xs, ...next.xs], 2);
  remapColumns(grid, xs);
  remapColumns(next, xs);
  const rows = grid.rowCount;
  const nextRows = next.rowCount;
  const signature = (g: Grid, r: number) =>
    rowCells(g, r)
      .map((c) => `${c.col}/${c.colSpan}/${c.rowSpan}/${cellText(c)}`)
      .join('|');
  let first = 0;
  // Repeated header rows: the first rows of the table, text for text.
  while (first < nextRows && first < rows && signature(grid, first) === signature(next, first) && rowCells(next, first).some((c) => cellText(c) !== ''))
    first++;
  if (first >= nextRows) return;
  // Each cell of the first row here, with the cell above it that reaches the bottom of the part
  // above with the same borders (undefined when the borders differ).
  const pairs = rowCells(next, first).map((c) => {
    const above = cellAt(grid, rows - 1, c.col);
    const fits = above && above.col === c.col && above.colSpan === c.colSpan && above.row + above.rowSpan === rows;
    return { c, above: fits ? above : undefined, text: cellText(c) };
  });
  // A row broken by the page: the same cell borders on both sides, and the part here holds no
  // number where the part above has one (numbers never wrap; label text does).
  const splitRow =
    pairs.every((p) => p.above) &&
    pairs.some((p) => p.text !== '') &&
    pairs.every((p) => p.text === '' || (!isValueLike(p.text) && !isValueLike(cellText(p.above!)) && cellText(p.above!) !== ''));
  // A row with no numbers here may still carry the rest of a label cell broken by the page
  // (a header cell spanning several rows): unnumbered text under a label with the same borders.
  const noValues = pairs.every((p) => !isValueLike(p.text));
  const joined = new Map<Cell, Cell>();
  for (const p of pairs) {
    if (!p.above) continue;
    const aboveText = cellText(p.above);
    const labelRest = noValues && p.text !== '' && !NUMBERED_START.test(p.text) && aboveText !== '' && !isValueLike(aboveText);
    // A merged label cell running over the break (it spans rows here, or is an empty rest of it).
    const spanning = p.above.rowSpan > 1 && (p.c.rowSpan > 1 || p.text === '');
    if (splitRow || labelRest || spanning) joined.set(p.c, p.above);
  }
  const offset = rows - first - (splitRow ? 1 : 0);
  for (const c of next.cells) {
    if (c.row < first) continue;
    const into = joined.get(c);
    if (into) {
      into.rowSpan += c.rowSpan - (splitRow ? 1 : 0);
      into.lines.push(...c.lines);
      continue;
    }
    grid.cells.push({ ...c, row: c.row + offset });
  }
  for (let r = first + (splitRow ? 1 : 0); r < nextRows; r++) {
    grid.rowPages.push(next.page);
    grid.rowTops.push(next.ys[r]);
  }
  grid.rowCount += nextRows - first - (splitRow ? 1 : 0);
}

/* ------------------------------------------------------------------- headers and footers */

/** Page-number lines: "1", "- 1 -", "第 1 页", "第1页 共5页", "1/5", "— 2 —". */
const PAGE_NUMBER =
  /^[\s\-—–_·.]*(?:第\s*\d{1,4}\s*页(?:\s*(?:[，,/]\s*)?共\s*\d{1,4}\s*页)?|\d{1,4}(?:\s*\/\s*\d{1,4})?|[ivxlcIVXLC]{1,6}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)[\s\-—–_·.]*$/i;

/** Lines in the top and bottom bands that are running heads, feet or page numbers. */
function runningLines(pages: TextLine[][], heights: number[]): Set<TextLine> {
  const out = new Set<TextLine>();
  const key = (l: TextLine) => lineText(l).replace(/\d+/g, '#').replace(/\s+/g, '');
  const bands: { line: TextLine; band: 'top' | 'bottom' }[] = [];
  pages.forEach((lines, i) => {
    const h = heights[i];
    // Up to two lines at each end of the page, inside its outer 12%.
    for (const l of lines.slice(0, 2)) if (l.y > h * 0.88) bands.push({ line: l, band: 'top' });
    for (const l of lines.slice(-2)) if (l.y < h * 0.12) bands.push({ line: l, band: 'bottom' });
  });
  const counts = new Map<string, Set<number>>();
  for (const { line, band } of bands) {
    const k = `${band}:${key(line)}`;
    const set = counts.get(k) ?? new Set<number>();
    set.add(line.page);
    counts.set(k, set);
  }
  const enough = Math.max(2, Math.ceil(pages.length / 2));
  for (const { line, band } of bands) {
    const text = lineText(line);
    if (PAGE_NUMBER.test(text) || (pages.length >= 2 && counts.get(`${band}:${key(line)}`)!.size >= enough)) out.add(line);
  }
  return out;
}

/* ------------------------------------------------------------------------------ the view */

/** Minimum size of an image, as a share of the page width and in points of height, that may hold a table. */
const IMAGE_MIN_WIDTH_SHARE = 0.4;
const IMAGE_MIN_HEIGHT = 60;

export function layoutPdf(content: PdfContent): PdfDocument {
  const pageItems: PageItem[][] = [];
  const pageLines: TextLine[][] = [];
  const allBaselines: number[][] = [];
  content.pages.forEach((p, i) => {
    const page = i + 1;
    const { items, lines, baselines } = readPage(p, page);
    pageItems.push(items);
    pageLines.push(lines);
    allBaselines.push(baselines);
  });
  const running = runningLines(
    pageLines,
    content.pages.map((p) => p.height),
  );
  const items: PageItem[] = [];
  for (const list of pageItems) {
    const kept = list.filter((it) => it.kind !== 'line' || !running.has(it.line));
    const first = kept[0];
    const prev = items[items.length - 1];
    if (first?.kind === 'table' && prev?.kind === 'table' && prev.grid.page < first.grid.page && sameColumns(prev.grid, first.grid)) {
      appendGrid(prev.grid, first.grid);
      dropEmptyRows(prev.grid);
      kept.shift();
    }
    items.push(...kept);
  }
  return render(items, content, allBaselines);
}

function readPage(p: PdfPage, page: number): { items: PageItem[]; lines: TextLine[]; baselines: number[] } {
  let runs: Run[] = p.runs.map((r) => ({ ...r, page }));
  const baselines = clusterValues(
    runs.map((r) => r.y),
    1,
  ).reverse();
  const grids: Grid[] = [];
  for (const g of ruleGroups(p.rules)) {
    const grid = gridOf(g, page);
    if (!grid) continue;
    runs = fillGrid(grid, runs);
    grids.push(grid);
  }
  const lines = groupLines(runs, page);
  const items: PageItem[] = [...lines.map((line) => ({ kind: 'line' as const, line })), ...grids.map((grid) => ({ kind: 'table' as const, grid }))];
  for (const img of p.images) {
    if (img.width >= p.width * IMAGE_MIN_WIDTH_SHARE && img.height >= IMAGE_MIN_HEIGHT) items.push({ kind: 'image', page, top: img.y + img.height });
  }
  const top = (it: PageItem) => (it.kind === 'line' ? it.line.top : it.kind === 'table' ? it.grid.top : it.top);
  items.sort((a, b) => top(b) - top(a));
  return { items, lines, baselines };
}

/** Gap between runs (in font sizes) that separates the cells of a table drawn without borders. */
const CELL_GAP = 1.5;

/** A line that reads as a borderless table row: cells apart by wide gaps, a number among them. */
function isGapRow(line: TextLine): boolean {
  const parts = lineText(line, CELL_GAP).split('\t');
  return parts.length >= 2 && parts.some((p) => /^[-+]?\d+(?:\.\d+)?$/.test(p.trim()));
}

function render(items: PageItem[], content: PdfContent, baselines: number[][]): PdfDocument {
  let view = '';
  const places: PagePlace[] = [];
  const blocks: Block[] = [];
  const gapRanges: { from: number; to: number; at: number }[] = [];

  const pageLineOf = (page: number, y: number) => {
    const list = baselines[page - 1] ?? [];
    let best = 0;
    for (let i = 0; i < list.length; i++) if (list[i] >= y - 1) best = i;
    return best + 1;
  };
  const addLine = (text: string, page: number, y: number): number => {
    const start = view.length;
    view += `${text}\n`;
    places.push({ page, line: pageLineOf(page, y) });
    return start;
  };

  // Body margins, for telling a wrapped line (reaches the right margin) from a paragraph's end.
  const bodyLines = items.filter((it): it is { kind: 'line'; line: TextLine } => it.kind === 'line').map((it) => it.line);
  const rightMargin = percentile(
    bodyLines.map((l) => l.right),
    0.9,
  );

  let para: { lines: { start: number; end: number }[]; last: TextLine } | undefined;
  const closePara = () => {
    if (!para) return;
    const content = joinMapped(view, para.lines);
    blocks.push({ kind: 'paragraph', content, span: { start: para.lines[0].start, end: para.lines[para.lines.length - 1].end } });
    para = undefined;
  };

  for (const it of items) {
    if (it.kind === 'image') {
      closePara();
      // A picture has no text: it stands at the end of the line before it (inside the section it
      // is in), where the recognizer looks for a table published as an image.
      const at = Math.max(0, view.length - 1);
      blocks.push({ kind: 'image', content: MappedText.empty(at), span: { start: at, end: at } });
      continue;
    }
    if (it.kind === 'table') {
      closePara();
      blocks.push(renderGrid(it.grid));
      continue;
    }
    const line = it.line;
    if (isGapRow(line)) {
      closePara();
      addLine(lineText(line, CELL_GAP), line.page, line.y);
      const last = gapRanges[gapRanges.length - 1];
      const lineNo = places.length;
      if (last && last.to === lineNo - 1) last.to = lineNo;
      else gapRanges.push({ from: lineNo, to: lineNo, at: blocks.length });
      continue;
    }
    const text = lineText(line);
    const start = addLine(text, line.page, line.y);
    const span = { start, end: start + text.length };
    if (para && continues(para.last, line, rightMargin)) {
      para.lines.push(span);
      para.last = line;
    } else {
      closePara();
      para = { lines: [span], last: line };
    }
  }
  closePara();

  function renderGrid(grid: Grid): TableBlock {
    const rows: TableRow[] = [];
    for (let r = 0; r < grid.rowCount; r++) {
      const own = rowCells(grid, r);
      const texts = own.map(cellText);
      const page = grid.rowPages[r];
      const firstLine = own
        .flatMap((c) => c.lines)
        .filter((l) => l.page === page)
        .sort((a, b) => b.y - a.y)[0];
      const start = addLine(texts.join('\t'), page, firstLine ? firstLine.y : grid.rowTops[r] - 1);
      const cells: TableCell[] = [];
      let at = start;
      own.forEach((c, i) => {
        cells.push({ text: texts[i], span: { start: at, end: at + texts[i].length }, rowSpan: c.rowSpan, colSpan: c.colSpan });
        at += texts[i].length + 1;
      });
      rows.push({ cells, span: { start, end: start + texts.join('\t').length } });
    }
    const span = rows.length ? { start: rows[0].span.start, end: rows[rows.length - 1].span.end } : { start: view.length, end: view.length };
    return { kind: 'table', syntax: 'pdf', rows, span };
  }

  const source = new SourceText(view);
  // Borderless rows are read by the plain-text reader, in their place among the blocks.
  for (const g of [...gapRanges].reverse()) blocks.splice(g.at, 0, ...textLineBlocks(source, g.from, g.to));
  for (const b of blocks) if (b.kind === 'table' && b.syntax === 'tsv') b.syntax = 'pdf';
  return { format: 'pdf', source, blocks, pages: places };
}

/** Does `next` go on with the paragraph `prev` ends (a wrapped line), rather than start a new one? */
function continues(prev: TextLine, next: TextLine, rightMargin: number): boolean {
  const size = Math.max(prev.size, next.size);
  if (Math.abs(prev.size - next.size) > 1.5) return false;
  if (prev.right < rightMargin - size * 1.5) return false;
  if (next.page === prev.page && (prev.y - next.y > size * 2.2 || next.y >= prev.y)) return false;
  if (next.x > prev.x + size * 0.5 && next.page === prev.page) return false;
  return !NUMBERED_START.test(lineText(next));
}

function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/** A paragraph's lines as one text (no break inside Chinese, a space between two words), mapped. */
function joinMapped(view: string, lines: { start: number; end: number }[]): MappedText {
  const parts: MappedText[] = [];
  lines.forEach((l, i) => {
    if (i > 0 && isAsciiWord(view[lines[i - 1].end - 1]) && isAsciiWord(view[l.start])) parts.push(MappedText.verbatim(view, l.start - 1, l.start));
    parts.push(MappedText.verbatim(view, l.start, l.end));
  });
  const joined = MappedText.concat(parts);
  // The newline kept between two words reads as a space.
  return new MappedText(
    joined.text.replace(/\n/g, ' '),
    Array.from({ length: joined.text.length + 1 }, (_, i) => joined.offsetAt(i)),
  );
}
