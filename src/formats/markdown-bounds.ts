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
