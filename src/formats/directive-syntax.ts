/**
 * How a `gia-lint-disable…` directive is written — the syntax the formats declare in their
 * descriptors and the text processor skips. Parsing and applying directives is the engine's
 * (src/engine/directives.ts); the syntax sits here, below it, so a format never imports the engine.
 */

/** A directive comment's body: the kind (group 1) and what follows it (group 2: rule ids, ` -- reason`). */
export const DIRECTIVE_BODY = /^gia-lint-(disable-next-line|disable-line|disable|enable)(?=\s|$)([\s\S]*)$/;

/**
 * A plain-text line that is a directive: `// gia-lint-…`, `# gia-lint-…`, `<!-- gia-lint-… -->`.
 * Returns the directive body (trimmed) and where it starts in the line. Plain string scanning, not
 * one regular expression: `\s*(gia-lint-…[\s\S]*?)\s*(?:-->)?\s*$` backtracks quadratically on
 * a line of spaces.
 */
export function directiveLine(line: string): { body: string; at: number } | undefined {
  const t = line.trim();
  const lead = line.length - line.trimStart().length;
  let open: number;
  let inner: string;
  if (t.startsWith('<!--')) {
    // `<!--` needs its `-->`.
    if (!t.endsWith('-->') || t.length < 7) return undefined;
    open = 4;
    inner = t.slice(4, -3);
  } else {
    open = t.startsWith('//') ? t.length - t.replace(/^\/+/, '').length : t.length - t.replace(/^#+/, '').length;
    // `//`/`#` must not end in a stray `-->`.
    if (open === 0 || t.endsWith('-->')) return undefined;
    inner = t.slice(open);
  }
  const body = inner.trim();
  if (!body.startsWith('gia-lint-disable') && !body.startsWith('gia-lint-enable')) return undefined;
  if (!DIRECTIVE_BODY.test(body)) return undefined;
  return { body, at: lead + open + (inner.length - inner.trimStart().length) };
}

/** Whether a plain-text line is a directive comment (the text processor skips such lines). */
export function isDirectiveLine(line: string): boolean {
  return directiveLine(line) !== undefined;
}

/** Where directives are written: HTML comments anywhere, or comment lines of their own (plain text). */
export type DirectiveSyntax = 'html-comment' | 'comment-line';
