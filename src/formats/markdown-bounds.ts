/**
 * Bounds the shapes of Markdown that make micromark (remark-parse) super-linear before the text
 * reaches it. Emphasis, strikethrough, link-label and code-span delimiters are resolved per
 * paragraph by searching back through the open ones, so a paragraph of thousands of delimiters
 * that never pair ("*a" × 50,000: minutes; "一、" + " *" × 50,000: seconds) is quadratic.
 *
 * A paragraph (a run of non-blank lines) with more than MAX_INLINE_DELIMITERS such characters has
 * them replaced by their full-width look-alikes, one UTF-16 unit for one, so every offset stays
 * the same and remark reads them as plain characters. No report paragraph has a hundred emphasis
 * markers; table rows (whose cells remark parses one by one) are bounded line by line instead, and
 * a list or thematic-break marker at the start of a line is never touched.
 */
export const MAX_INLINE_DELIMITERS = 100;

const LOOKALIKE: Record<string, string> = { '*': '＊', _: '＿', '~': '～', '[': '［', '`': '｀' };
const DELIMITER = /[*_~[`]/g;

/** Delimiters in a line, by character code (`line[i] in LOOKALIKE` made a string per character and was this format's largest cost). */
function count(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    // * _ ~ [ `
    if (c === 42 || c === 95 || c === 126 || c === 91 || c === 96) n++;
  }
  return n;
}

/** Lines whose delimiters are block syntax, not inline: fences, thematic breaks. */
function isBlockSyntax(line: string): boolean {
  const t = line.trim();
  return t.startsWith('```') || t.startsWith('~~~') || /^(?:[*_-] ?){3,}$/.test(t);
}

function neutralize(line: string): string {
  // Keep a list marker ("* item") at the start of the line.
  const marker = /^\s*[*+-]\s/.exec(line)?.[0].length ?? 0;
  return line.slice(0, marker) + line.slice(marker).replace(DELIMITER, (c) => LOOKALIKE[c]);
}

/**
 * Container markers at the start of one line ("- - - - x", "> > > x") nest a list or quote per
 * marker, and the Markdown processor walks that tree recursively: thousands of them overflow the
 * stack (found by fuzzing). Markers past MAX_CONTAINER_DEPTH are replaced by full-width
 * look-alikes, so the rest of the line is text.
 */
export const MAX_CONTAINER_DEPTH = 32;

const CONTAINER_MARKER = /[ \t]{0,3}(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?/y;
const MARKER_LOOKALIKE: Record<string, string> = { '>': '＞', '-': '－', '*': '＊', '+': '＋', '.': '．', ')': '）' };

function boundContainerLine(line: string): string {
  CONTAINER_MARKER.lastIndex = 0;
  let depth = 0;
  let cut = -1;
  while (CONTAINER_MARKER.exec(line) && CONTAINER_MARKER.lastIndex > 0) {
    if (++depth === MAX_CONTAINER_DEPTH) cut = CONTAINER_MARKER.lastIndex;
    if (CONTAINER_MARKER.lastIndex >= line.length) break;
  }
  if (cut === -1) return line;
  return markersAsText(line, cut);
}

/** Markers to look-alikes from `at` on: the rest of the line is text. */
function markersAsText(line: string, at: number): string {
  return line.slice(0, at) + line.slice(at).replace(/^[\s\d>*+.)-]+/, (run) => run.replace(/[>*+.)-]/g, (c) => MARKER_LOOKALIKE[c]));
}

/**
 * A list whose items hold a nested container ("- a" then "  - b", "- - a", "- a" then "  > b")
 * costs micromark time in the square of the number of such items: each nested container is
 * spliced into the outer list's events (found by fuzzing: 8,000 of them, 100 KB, took 9–12 s).
 * Past MAX_NESTED_CONTAINERS in one list, the nested markers are read as text (look-alikes, one
 * UTF-16 unit for one, so offsets stay): the item keeps its words as a continuation paragraph.
 * No report has hundreds of nested list items.
 */
export const MAX_NESTED_CONTAINERS = 200;

/** Length of a container marker at `i` ("> ", "- ", "12. "), 0 if none. A scan, not a regex. */
function markerLength(line: string, i: number): number {
  const c = line[i];
  const blankOrEnd = (j: number) => j >= line.length || line[j] === ' ' || line[j] === '\t';
  if (c === '>') return 1;
  if ((c === '-' || c === '*' || c === '+') && blankOrEnd(i + 1)) return 1;
  let j = i;
  while (j < line.length && j - i < 9 && line[j] >= '0' && line[j] <= '9') j++;
  if (j > i && (line[j] === '.' || line[j] === ')') && blankOrEnd(j + 1)) return j + 1 - i;
  return 0;
}

/** Where a nested container starts on the line (an indented marker, or a second marker), else -1. */
function nestedContainerAt(line: string): number {
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  const first = markerLength(line, i);
  if (first === 0) return -1;
  if (i > 0) return i;
  let j = i + first;
  while (j < line.length && (line[j] === ' ' || line[j] === '\t')) j++;
  return j < line.length && markerLength(line, j) > 0 ? j : -1;
}

function boundNestedContainers(lines: string[]): boolean {
  const at = lines.map((line) => (line.trim() ? nestedContainerAt(line) : -1));
  // Two markers on one line, line after line ("> > a"): the inner container stays open and every
  // line is written into it, also quadratic; and once its markers are text the lines would still
  // continue its paragraph lazily. A run longer than the bound loses its inner markers on every line.
  const twoOnOneLine = (i: number) => at[i] > 0 && lines[i][0] !== ' ' && lines[i][0] !== '\t';
  let changed = false;
  for (let start = 0; start < lines.length;) {
    let end = start;
    while (end < lines.length && twoOnOneLine(end)) end++;
    if (end - start > MAX_NESTED_CONTAINERS) {
      for (let i = start; i < end; i++) {
        lines[i] = markersAsText(lines[i], at[i]);
        at[i] = -1;
      }
      changed = true;
    }
    start = Math.max(end, start + 1);
  }
  let nested = 0;
  let blankBefore = true;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const blank = !line.trim();
    // A heading, or a paragraph at the left margin after a blank line, ends every list.
    if (!blank && (line[0] === '#' || (blankBefore && line[0] !== ' ' && line[0] !== '\t' && markerLength(line, 0) === 0))) nested = 0;
    blankBefore = blank;
    if (at[i] < 0 || ++nested <= MAX_NESTED_CONTAINERS) continue;
    lines[i] = markersAsText(line, at[i]);
    changed = true;
  }
  return changed;
}

/** The bounds: container nesting per line, nested containers per list, inline delimiters per paragraph. */
export function boundMarkdownShapes(text: string): string {
  let lines: string[] | undefined;
  let changed = false;
  // Cheap test first: only a line with many markers is rewritten.
  // redos-safe: each of the 32 steps is one marker then blanks, one way to match only (recheck times out on the unrolling).
  if (/(?:(?:[>*+-]|\d{1,9}[.)])[ \t]*){32}/.test(text)) {
    lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const bounded = boundContainerLine(lines[i]);
      if (bounded !== lines[i]) changed = true;
      lines[i] = bounded;
    }
  }
  // Fewer lines than the bound cannot exceed it.
  if (lines || countLines(text) > MAX_NESTED_CONTAINERS) {
    lines ??= text.split('\n');
    if (boundNestedContainers(lines)) changed = true;
  }
  // The text is joined again only when a line changed (a report has hundreds of lines, none changed).
  if (lines && changed) text = lines.join('\n');
  return boundHtmlOpeners(boundInlineDelimiters(text));
}

/**
 * Inline HTML that never closes: micromark tries each `<!--` (and `<![CDATA[`, `<?`, `<!X`) as a
 * comment running to its closer, and without one scans to the end of the paragraph, once per
 * opener: a paragraph of thousands of unclosed `<!--` is quadratic (found by fuzzing: 50 KB,
 * 5–8 s). Past MAX_INLINE_DELIMITERS openers after the paragraph's last closer, their `<` become
 * `＜` (one unit for one): they were text anyway, as nothing could close them.
 */
const HTML_OPENERS: [open: string, close: string][] = [
  ['<!--', '-->'],
  ['<![CDATA[', ']]>'],
  ['<?', '?>'],
  ['<!', '>'],
];

export function boundHtmlOpeners(text: string): string {
  let openers = 0;
  for (let i = text.indexOf('<'); i !== -1 && openers <= MAX_INLINE_DELIMITERS; i = text.indexOf('<', i + 1))
    if (text[i + 1] === '!' || text[i + 1] === '?') openers++;
  if (openers <= MAX_INLINE_DELIMITERS) return text;
  const lines = text.split('\n');
  let changed = false;
  for (const [start, end] of paragraphRanges(lines)) {
    const paragraph = lines.slice(start, end).join('\n');
    // A set: a `<!--` is also a `<!`.
    const unclosed = new Set<number>();
    for (const [open, close] of HTML_OPENERS) {
      const after = paragraph.lastIndexOf(close);
      for (let i = paragraph.indexOf(open, after + 1); i !== -1; i = paragraph.indexOf(open, i + 1)) unclosed.add(i);
    }
    if (unclosed.size > MAX_INLINE_DELIMITERS) {
      const chars = paragraph.split('');
      for (const i of unclosed) chars[i] = '＜';
      lines.splice(start, end - start, ...chars.join('').split('\n'));
      changed = true;
    }
  }
  return changed ? lines.join('\n') : text;
}

/**
 * The [start, end) line ranges of the paragraphs (runs of non-blank lines) of `lines`. Read as it
 * goes, so a caller may rewrite a paragraph's lines in place (keeping their number) while iterating.
 */
function* paragraphRanges(lines: readonly string[]): Generator<[start: number, end: number]> {
  for (let start = 0; start < lines.length;) {
    if (!lines[start].trim()) {
      start++;
      continue;
    }
    let end = start;
    while (end < lines.length && lines[end].trim()) end++;
    yield [start, end];
    start = end;
  }
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1 && n <= MAX_NESTED_CONTAINERS; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export function boundInlineDelimiters(text: string): string {
  // Fast path: few delimiters in the whole text.
  if (count(text) <= MAX_INLINE_DELIMITERS) return text;
  const lines = text.split('\n');
  const isTableRow = (line: string) => line.trimStart().startsWith('|');
  let changed = false;
  for (const [start, end] of paragraphRanges(lines)) {
    let inParagraph = 0;
    for (let i = start; i < end; i++) if (!isTableRow(lines[i]) && !isBlockSyntax(lines[i])) inParagraph += count(lines[i]);
    for (let i = start; i < end; i++) {
      if (isBlockSyntax(lines[i])) continue;
      const over = isTableRow(lines[i]) ? count(lines[i]) > MAX_INLINE_DELIMITERS : inParagraph > MAX_INLINE_DELIMITERS;
      if (over) {
        lines[i] = neutralize(lines[i]);
        changed = true;
      }
    }
  }
  return changed ? lines.join('\n') : text;
}
