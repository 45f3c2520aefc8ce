import type { Nodes, RootContent } from 'mdast';
import type { Block, Document } from '../model/document.js';
import { SourceText, type Span } from '../model/source.js';
import { boundMarkdownShapes } from './markdown-bounds.js';
import { markdownTree, topLevelBlocks } from './markdown.js';

/**
 * Markdown read again after an edit, for the language server: only the top-level blocks around the
 * edit are parsed again, the rest is kept from the previous version (its blocks moved by the length
 * the edit added). micromark has no incremental API, so this works from what CommonMark guarantees:
 * after a blank line that follows a paragraph, heading, table, thematic break or block quote, and
 * no open list, the parser is in its starting state, so a piece that starts there parses as it
 * does inside the whole text. Every result equals `parseMarkdown` of the whole text
 * (test/formats/markdown-incremental-random.test.ts compares them over random edits); where
 * that cannot be shown the whole text is parsed:
 * - link reference definitions anywhere (they change how `[…]` reads everywhere);
 * - a piece that ends in a list, code, an HTML block (which may hold blank lines, and neighbouring
 *   HTML blocks are read as one table) or a definition: the edit changed the structure there;
 * - a piece that starts with U+FEFF inside the text (there it is a character; at the start of a
 *   parse, a byte order mark);
 * - the first parse.
 * The bounds of markdown-bounds.ts are applied to the whole text each time (they count across
 * paragraphs); a character they changed counts as changed.
 */

/** Top-level nodes that nothing after a blank line can continue (see above). */
const CLOSED_BY_BLANK_LINE: ReadonlySet<string> = new Set(['paragraph', 'heading', 'table', 'thematicBreak', 'blockquote']);

/** One top-level node, or a run of neighbouring HTML blocks (read together: a table split by blank lines). */
interface Unit {
  /** Offset of the start of its first line. */
  start: number;
  /** Offset where its last node ends. */
  end: number;
  /** A blank line after it brings the parser back to its starting state. */
  closes: boolean;
  /** Its blocks as `parseMarkdown` reads them. */
  blocks: Block[];
}

interface Parsed {
  text: string;
  bounded: string;
  units: Unit[];
  /** No link reference definition: a piece of the text parses alone as it does in the whole. */
  piecewise: boolean;
}

/** How the last `parse` read its text: the whole of it, or `[start, end)` of it (offsets into the new text). */
export type ParseMode = { kind: 'full' } | { kind: 'piece'; start: number; end: number };

/** The Markdown of one editor buffer, version after version: `parse` equals `parseMarkdown`, at the cost of the edited blocks. */
export class IncrementalMarkdown {
  private previous: Parsed | undefined;
  lastMode: ParseMode = { kind: 'full' };

  parse(text: string): Document {
    const bounded = boundMarkdownShapes(text);
    const source = new SourceText(text);
    const prev = this.previous;
    const { parsed, mode } = (prev?.piecewise ? reparse(prev, text, bounded, source) : undefined) ?? {
      parsed: parseWhole(text, bounded, source),
      mode: { kind: 'full' } as const,
    };
    this.previous = parsed;
    this.lastMode = mode;
    return { format: 'markdown', source, blocks: parsed.units.flatMap((u) => u.blocks) };
  }
}

function parseWhole(text: string, bounded: string, source: SourceText): Parsed {
  const tree = markdownTree(bounded);
  return { text, bounded, units: unitsOf(tree.children, source), piecewise: !hasDefinition(tree.children) };
}

/** The units of the changed part parsed again, between the units before and after it; undefined where that is not safe. */
function reparse(prev: Parsed, text: string, bounded: string, source: SourceText): { parsed: Parsed; mode: ParseMode } | undefined {
  const old = prev.text;
  const units = prev.units;
  if (units.length === 0) return undefined;
  if (old === text && prev.bounded === bounded) return { parsed: prev, mode: { kind: 'piece', start: 0, end: 0 } };
  // The changed part: old [first, oldEnd) became new [first, first + newLength). Both the text and
  // its bounded form are compared: a bound can change characters away from the edit.
  let first = commonPrefix(old, text);
  let same = commonSuffix(old, text, first);
  // Usually no bound applied and the bounded text is the text itself.
  if (prev.bounded !== old || bounded !== text) {
    first = Math.min(first, commonPrefix(prev.bounded, bounded));
    same = Math.min(same, commonSuffix(prev.bounded, bounded, first));
  }
  const oldEnd = old.length - same;
  const delta = text.length - old.length;

  // The first unit read again: the last one starting before the change (or at it, right after a
  // "\n" that the change cannot join to a "\r") whose start is a clean start.
  let a = lastUnitStartingAtOrBefore(units, first);
  while (a > 0 && !(cleanStartAt(old, units, a) && (units[a].start < first || old.charCodeAt(units[a].start - 1) === 10))) a--;
  // The first unit kept: the first one after the change whose start is a clean start, with the
  // blank line before it (and the line break before that) untouched by the change.
  let b = a + 1;
  while (b < units.length && !(cleanStartAt(old, units, b) && blankLineBefore(old, units[b].start) - 1 >= oldEnd)) b++;

  const start = a === 0 ? 0 : units[a].start;
  const end = b < units.length ? units[b].start + delta : text.length;
  // A U+FEFF inside the text is a character; markdownTree reads one at the start of its input as a
  // byte order mark (as the whole parse does at offset 0).
  if (start > 0 && bounded.charCodeAt(start) === 0xfeff) return undefined;
  const tree = markdownTree(bounded.slice(start, end));
  const nodes = tree.children;
  if (hasDefinition(nodes)) return undefined;
  // The piece must leave the parser where the kept units began: in its starting state.
  const last = nodes.at(-1);
  if (b < units.length && last && !CLOSED_BY_BLANK_LINE.has(last.type)) return undefined;
  if (!moveTree(nodes, start, source.positionAt(start).line - 1)) return undefined;

  const kept = units.slice(b).map((u) => (delta === 0 ? u : shiftUnit(u, delta)));
  return {
    parsed: { text, bounded, units: [...units.slice(0, a), ...unitsOf(nodes, source), ...kept], piecewise: true },
    mode: { kind: 'piece', start, end },
  };
}

/** Comparing a chunk at a time runs natively; this is done on the whole buffer at every keystroke. */
const CHUNK = 256;

/** Length of the common start of `a` and `b`. */
function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i + CHUNK <= max && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common end of `a` and `b`, not reaching into their first `prefix` characters. */
function commonSuffix(a: string, b: string, prefix: number): number {
  const max = Math.min(a.length, b.length) - prefix;
  let n = 0;
  while (n + CHUNK <= max && a.slice(a.length - n - CHUNK, a.length - n) === b.slice(b.length - n - CHUNK, b.length - n)) n += CHUNK;
  while (n < max && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/** Index of the last unit whose start is at or before `offset` (0 when none is). */
function lastUnitStartingAtOrBefore(units: readonly Unit[], offset: number): number {
  let lo = 0;
  let hi = units.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (units[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Unit `i` starts after a blank line that follows a unit nothing can continue. */
function cleanStartAt(text: string, units: readonly Unit[], i: number): boolean {
  const before = units[i - 1];
  return before.closes && blankLineBefore(text, units[i].start) >= before.end;
}

/** Start of the line before the line starting at `lineStart` when that line is blank (spaces and tabs only, as CommonMark counts), else -1. */
function blankLineBefore(text: string, lineStart: number): number {
  let i = lineStart - 1;
  // The line break ending the previous line: "\n", "\r\n" or "\r".
  if (text.charCodeAt(i) === 10) i--;
  if (text.charCodeAt(i) === 13) i--;
  if (i === lineStart - 1) return -1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  if (i >= 0 && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) return -1;
  return i + 1;
}

/** Top-level nodes grouped into units, each read into its blocks. */
function unitsOf(nodes: RootContent[], source: SourceText): Unit[] {
  const units: Unit[] = [];
  for (let i = 0; i < nodes.length; i++) {
    let j = i;
    // Neighbouring HTML blocks are read together by parseMarkdown (an HTML table cut by blank lines).
    if (nodes[i].type === 'html') while (j + 1 < nodes.length && nodes[j + 1].type === 'html') j++;
    const firstLine = nodes[i].position?.start.line ?? 1;
    const lastNode = nodes[j];
    units.push({
      start: source.lineStart(firstLine),
      end: lastNode.position?.end.offset ?? source.text.length,
      closes: CLOSED_BY_BLANK_LINE.has(lastNode.type) && lastNode.position !== undefined,
      blocks: topLevelBlocks(nodes.slice(i, j + 1), source),
    });
    i = j;
  }
  return units;
}

function hasDefinition(nodes: readonly Nodes[]): boolean {
  const stack = [...nodes];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'definition' || node.type === 'footnoteDefinition') return true;
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
  return false;
}

/** Positions of a piece's tree moved to where the piece starts in the whole text. False when a node has no offsets. */
function moveTree(nodes: readonly Nodes[], offset: number, lines: number): boolean {
  const stack = [...nodes];
  for (let node = stack.pop(); node; node = stack.pop()) {
    const p = node.position;
    if (p?.start.offset === undefined || p.end.offset === undefined) return false;
    p.start.offset += offset;
    p.end.offset += offset;
    p.start.line += lines;
    p.end.line += lines;
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
  return true;
}

function shiftUnit(unit: Unit, delta: number): Unit {
  return { start: unit.start + delta, end: unit.end + delta, closes: unit.closes, blocks: unit.blocks.map((b) => shiftBlock(b, delta)) };
}

/** A block moved by `delta`: every span and every mapped offset in it (document.ts: a new kind of offset must be moved here too). */
function shiftBlock(block: Block, delta: number): Block {
  const span = shiftSpan(block.span, delta);
  if (block.kind !== 'table') return { ...block, content: block.content.shifted(delta), span };
  return {
    ...block,
    rows: block.rows.map((row) => ({
      ...row,
      cells: row.cells.map((cell) => ({ ...cell, span: shiftSpan(cell.span, delta) })),
      span: shiftSpan(row.span, delta),
    })),
    span,
  };
}

function shiftSpan(span: Span, delta: number): Span {
  return { start: span.start + delta, end: span.end + delta };
}
