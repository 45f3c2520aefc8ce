import { fileURLToPath } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Range, type TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Fix, LintMessage, RelatedLocation, Rule } from '../engine/types.js';
import { formatOfLanguage, formatOfPath } from '../formats/index.js';

/** What every diagnostic says it comes from. */
export const SOURCE = 'gia-lint';

/**
 * LSP positions are 0-based and count UTF-16 code units, as LintMessage columns do (1-based), so
 * the conversion is a subtraction. A message without an end is an empty range at its start.
 */
export function messageRange(m: { line: number; column: number; endLine?: number; endColumn?: number }): Range {
  const start = { line: Math.max(0, m.line - 1), character: Math.max(0, m.column - 1) };
  const end = m.endLine !== undefined && m.endColumn !== undefined ? { line: Math.max(0, m.endLine - 1), character: Math.max(0, m.endColumn - 1) } : start;
  return { start, end };
}

/** The installed package's rule docs (dist/lsp → ../../docs/rules/, and the same from src/lsp). */
export const DEFAULT_DOCS_BASE = new URL('../../docs/rules/', import.meta.url).href;

/** Absolute link to a rule's page: `<base><id>.md`. */
export function ruleDocsUrl(ruleId: string, base: string = DEFAULT_DOCS_BASE): string {
  return new URL(`${ruleId}.md`, base).href;
}

/** A rule's page: a plugin rule's own absolute URL, a built-in rule's under `base`. */
export function ruleLink(rule: Rule, base?: string): string {
  return /^[a-z][a-z\d+.-]*:/i.test(rule.meta.docs.url) && !rule.meta.docs.url.startsWith('file:') ? rule.meta.docs.url : ruleDocsUrl(rule.meta.id, base);
}

export interface DiagnosticContext {
  uri: string;
  rules: ReadonlyMap<string, Rule>;
  docsBaseUrl?: string;
}

export function toDiagnostic(m: LintMessage, ctx: DiagnosticContext): Diagnostic {
  const d: Diagnostic = {
    range: messageRange(m),
    severity: m.severity === 2 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: SOURCE,
    message: m.message,
  };
  // Directive problems (unused/unknown disable comments) and fatal messages carry no rule id.
  if (m.ruleId) {
    d.code = m.ruleId;
    const rule = ctx.rules.get(m.ruleId);
    if (rule) d.codeDescription = { href: ruleLink(rule, ctx.docsBaseUrl) };
  }
  if (m.relatedLocations?.length) d.relatedInformation = m.relatedLocations.map((r) => toRelated(r, ctx.uri));
  return d;
}

function toRelated(r: RelatedLocation, uri: string): DiagnosticRelatedInformation {
  return { location: { uri, range: messageRange(r) }, message: r.message };
}

/** A fix (offsets into the linted text) as an edit of that text's document version. */
export function fixToEdit(doc: TextDocument, fix: Fix): TextEdit {
  return { range: { start: doc.positionAt(fix.range[0]), end: doc.positionAt(fix.range[1]) }, newText: fix.text };
}

/** Whether two ranges share a position (touching counts, so a cursor at a range's end is inside). */
export function rangesTouch(a: Range, b: Range): boolean {
  return !(before(a.end, b.start) || before(b.end, a.start));
}

function before(p: { line: number; character: number }, q: { line: number; character: number }): boolean {
  return p.line < q.line || (p.line === q.line && p.character < q.character);
}

export function sameRange(a: Range, b: Range): boolean {
  return !before(a.start, b.start) && !before(b.start, a.start) && !before(a.end, b.end) && !before(b.end, a.end);
}

/** The file behind a document URI; undefined for untitled buffers and other schemes. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/**
 * The format (id) to lint a document as: its language id when it names one of ours (Neovim calls plain
 * text "text"), else its file extension; undefined when neither does (the document is not a
 * report and is left alone). A binary format (.docx) is never an editor buffer of text.
 */
export function documentFormat(languageId: string, filePath: string | undefined, uri: string): string | undefined {
  const byLanguage = formatOfLanguage(languageId);
  if (byLanguage) return byLanguage.id;
  const byName = formatOfPath(filePath ?? uri.split(/[?#]/, 1)[0]);
  return byName && !byName.binary ? byName.id : undefined;
}
