import { CodeActionKind, TextDocumentEdit, type CodeAction, type Diagnostic, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintMessage } from '../engine/types.js';
import { fixToEdit, messageRange, rangesTouch, sameRange, toDiagnostic, type DiagnosticContext } from './convert.js';
import { disableFileEdit, disableLineEdit } from './disable.js';
import { ui } from './messages.js';
import type { LintOutcome } from './service.js';

/** The kind of "fix all" (`editor.codeActionsOnSave: { "source.fixAll.gia-lint": "explicit" }`). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.gia-lint`;

export interface ActionRequest {
  /** The document at the version the outcome was computed for. */
  doc: TextDocument;
  outcome: LintOutcome;
  range: Range;
  /** The diagnostics the client sent with the request (they pick the messages when given). */
  diagnostics: Diagnostic[];
  /** `context.only`: the kinds wanted. */
  only?: string[];
  diagnosticContext: DiagnosticContext;
  /** Whether the client takes versioned edits (documentChanges). */
  documentChanges: boolean;
  /** The text with every auto-fix applied (computed only when the fix-all action is wanted). */
  fixAll: () => string | undefined;
}

function wanted(kind: string, only: string[] | undefined): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/**
 * Code actions for the problems under `range`: the rule's fix, each suggestion, disabling the
 * rule for the line or the file; and, for the whole document, "fix all auto-fixable problems".
 */
export function codeActions(req: ActionRequest): CodeAction[] {
  const { doc, outcome, diagnosticContext: dctx } = req;
  const l = outcome.locale;
  const edit = (edits: TextEdit[]): WorkspaceEdit =>
    req.documentChanges ? { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, edits)] } : { changes: { [doc.uri]: edits } };

  const matches = (m: LintMessage) => {
    const r = messageRange(m);
    if (req.diagnostics.length === 0) return rangesTouch(r, req.range);
    return req.diagnostics.some((d) => d.source === 'gia-lint' && (d.code ?? null) === m.ruleId && sameRange(d.range, r));
  };

  const actions: CodeAction[] = [];
  if (wanted(CodeActionKind.QuickFix, req.only)) {
    const disabledLines = new Set<string>();
    const disabledFiles = new Set<string>();
    for (const m of outcome.messages.filter(matches)) {
      const diagnostic = toDiagnostic(m, dctx);
      const quickfix = (title: string, edits: TextEdit[], isPreferred?: boolean): CodeAction => ({
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        ...(isPreferred ? { isPreferred } : {}),
        edit: edit(edits),
      });
      if (m.fix) actions.push(quickfix(m.ruleId ? ui.fix(m.ruleId, l) : ui.fixDirective(l), [fixToEdit(doc, m.fix)], true));
      for (const s of m.suggestions ?? []) actions.push(quickfix(s.desc, [fixToEdit(doc, s.fix)]));
      // Fatal messages and directive problems have no rule to disable.
      if (!m.ruleId || m.fatal) continue;
      const lineKey = `${m.ruleId}:${m.line}`;
      if (!disabledLines.has(lineKey)) {
        disabledLines.add(lineKey);
        const e = disableLineEdit(doc, outcome.format, m.line - 1, m.ruleId);
        if (e) actions.push(quickfix(ui.disableLine(m.ruleId, l), [e]));
      }
      if (!disabledFiles.has(m.ruleId)) {
        disabledFiles.add(m.ruleId);
        const e = disableFileEdit(doc, outcome.format, m.ruleId);
        if (e) actions.push(quickfix(ui.disableFile(m.ruleId, l), [e]));
      }
    }
  }
  if (wanted(FIX_ALL_KIND, req.only) && outcome.messages.some((m) => m.fix)) {
    const fixed = req.fixAll();
    if (fixed !== undefined) actions.push({ title: ui.fixAll(l), kind: FIX_ALL_KIND, edit: edit([minimalEdit(doc, outcome.text, fixed)]) });
  }
  return actions;
}

/** One edit replacing only the part between the common prefix and suffix (keeps cursors and folds). */
export function minimalEdit(doc: TextDocument, before: string, after: string): TextEdit {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return {
    range: { start: doc.positionAt(start), end: doc.positionAt(before.length - end) },
    newText: after.slice(start, after.length - end),
  };
}
