import type { TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatById } from '../formats/index.js';
import type { DirectiveStyle } from '../formats/descriptor.js';
import { isDelimiterRow } from '../model/text-utils.js';

/**
 * Edits that insert `gia-lint-disable…` directives in the syntax the document's format reads
 * (its descriptor's `directives`): an HTML comment, or a `//` comment line. Each edit keeps the
 * document's structure: a pipe-table row gets a trailing `disable-line` comment (a comment line
 * between rows would end the table), other lines get a `disable-next-line` line above them, and an
 * existing directive there gets the rule added.
 */

/** The directive style of a format id; an unknown id (never linted) gets HTML comments. */
function styleOf(format: string): DirectiveStyle {
  return formatById(format)?.directives ?? { syntax: 'html-comment', pipeTableRows: true, linePrefix: /^[ \t]*/ };
}

function lineText(doc: TextDocument, line: number): string {
  const text = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  return text.replace(/\r?\n$|\r$/, '');
}

function eol(doc: TextDocument): string {
  const text = doc.getText();
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

/** A GFM table row: starts with a pipe, or holds one and sits beside a delimiter row. */
function isPipeRow(doc: TextDocument, line: number): boolean {
  const t = lineText(doc, line);
  if (/^\s{0,3}\|/.test(t)) return true;
  if (!t.includes('|')) return false;
  for (let l = line - 1; l >= 0; l--) {
    const prev = lineText(doc, l);
    if (isDelimiterRow(prev)) return true;
    if (!prev.includes('|')) return false;
  }
  return false;
}

const MAX_DIRECTIVE_LINE = 2000;

/** Where an existing directive lists its rules, so that one more can be added after them. */
function addToDirective(doc: TextDocument, line: number, kind: string, style: DirectiveStyle, ruleId: string, trailing = false): TextEdit | undefined | null {
  const t = lineText(doc, line);
  const open = style.syntax === 'comment-line' ? '(?:\\/\\/+|#+|<!--)' : '<!--';
  // A directive line is short; the pattern below is quadratic on long lines, so those are skipped.
  if (t.length > MAX_DIRECTIVE_LINE) return undefined;
  // A line directive stands alone on its line; a trailing one (pipe-table rows) ends the line.
  const lead = trailing ? '^(.*?' : '^(\\s*';
  // redos-safe: the line is at most MAX_DIRECTIVE_LINE characters (checked above); `kind` is one of four fixed words.
  const m = new RegExp(`${lead}${open}\\s*gia-lint-${kind})(?=\\s|$)(.*?)(\\s+-{2,}\\s.*?)?(\\s*-->)?\\s*$`).exec(t);
  if (!m) return undefined;
  const ids = m[2].split(/[\s,，、]+/).filter(Boolean);
  // No rules listed: it already disables every rule, so there is nothing to add.
  if (ids.length === 0 || ids.includes(ruleId)) return null;
  const at = m[1].length + m[2].trimEnd().length;
  return { range: { start: { line, character: at }, end: { line, character: at } }, newText: `, ${ruleId}` };
}

function comment(style: DirectiveStyle, body: string): string {
  return style.syntax === 'comment-line' ? `// ${body}` : `<!-- ${body} -->`;
}

/** Disable `ruleId` for the 0-based `line` (where the problem starts). Null: already disabled there. */
export function disableLineEdit(doc: TextDocument, format: string, line: number, ruleId: string): TextEdit | null {
  const style = styleOf(format);
  const current = lineText(doc, line);
  if (style.pipeTableRows && isPipeRow(doc, line)) {
    const existing = addToDirective(doc, line, 'disable-line', style, ruleId, true);
    if (existing !== undefined) return existing;
    const at = current.trimEnd().length;
    return {
      range: { start: { line, character: at }, end: { line, character: current.length } },
      newText: ` ${comment(style, `gia-lint-disable-line ${ruleId}`)}`,
    };
  }
  if (line > 0) {
    const existing = addToDirective(doc, line - 1, 'disable-next-line', style, ruleId);
    if (existing !== undefined) return existing;
  }
  // Keep the line's indentation and blockquote markers, so the comment stays in the same container.
  const prefix = style.linePrefix.exec(current)?.[0] ?? '';
  const text = `${prefix}${comment(style, `gia-lint-disable-next-line ${ruleId}`)}${eol(doc)}`;
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: text };
}

/** Disable `ruleId` for the whole document: a `gia-lint-disable` at its top. Null: already there. */
export function disableFileEdit(doc: TextDocument, format: string, ruleId: string): TextEdit | null {
  const style = styleOf(format);
  let line = 0;
  let character = 0;
  const first = lineText(doc, 0);
  if (first.startsWith('\uFEFF')) character = 1;
  // An HTML page keeps its doctype first (a comment before it would switch browsers to quirks mode).
  if (style.keepFirstLine?.test(first) && doc.lineCount > 1) {
    line = 1;
    character = 0;
  }
  const existing = addToDirective(doc, line, 'disable', style, ruleId);
  if (existing !== undefined) return existing;
  const pos = { line, character };
  return { range: { start: pos, end: pos }, newText: `${comment(style, `gia-lint-disable ${ruleId}`)}${eol(doc)}` };
}
