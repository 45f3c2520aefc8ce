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

function count(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) if (line[i] in LOOKALIKE) n++;
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
  return line.slice(0, cut) + line.slice(cut).replace(/^[\s\d>*+.)-]+/, (run) => run.replace(/[>*+.)-]/g, (c) => MARKER_LOOKALIKE[c]));
}

/** Both bounds: container nesting per line, inline delimiters per paragraph. */
export function boundMarkdownShapes(text: string): string {
  let lines: string[] | undefined;
  // Cheap test first: only a line with many markers is rewritten.
  // redos-safe: each of the 32 steps is one marker then blanks, one way to match only (recheck times out on the unrolling).
  if (/(?:(?:[>*+-]|\d{1,9}[.)])[ \t]*){32}/.test(text)) {
    lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) lines[i] = boundContainerLine(lines[i]);
    text = lines.join('\n');
  }
  return boundInlineDelimiters(text);
}

export function boundInlineDelimiters(text: string): string {
  // Fast path: few delimiters in the whole text.
  if (count(text) <= MAX_INLINE_DELIMITERS) return text;
  const lines = text.split('\n');
  const isTableRow = (line: string) => line.trimStart().startsWith('|');
  let changed = false;
  for (let start = 0; start < lines.length; ) {
    if (!lines[start].trim()) {
      start++;
      continue;
    }
    let end = start;
    while (end < lines.length && lines[end].trim()) end++;
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
    start = end;
  }
  return changed ? lines.join('\n') : text;
}
