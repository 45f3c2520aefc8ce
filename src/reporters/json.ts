import type { LintMessage, LintResult } from '../engine/types.js';
import type { Reporter } from './types.js';

/**
 * ESLint's `json` format: the result array with ESLint's keys, so existing tooling can read it.
 * Internal fields (reportIndex) are dropped. `source` is omitted: the user has the file, and
 * repeating it per result would only make the output large.
 */
export const json: Reporter = (results) => JSON.stringify(results.map(toEslintResult));

function toEslintResult(r: LintResult) {
  return {
    filePath: r.filePath,
    messages: r.messages.map(toEslintMessage),
    // Messages silenced by inline directives, each with its `suppressions` (ESLint's shape).
    suppressedMessages: (r.suppressedMessages ?? []).map((m) => ({ ...toEslintMessage(m), suppressions: m.suppressions })),
    errorCount: r.errorCount,
    fatalErrorCount: r.fatalErrorCount,
    warningCount: r.warningCount,
    fixableErrorCount: r.fixableErrorCount,
    fixableWarningCount: r.fixableWarningCount,
    ...(r.output !== undefined ? { output: r.output } : {}),
    usedDeprecatedRules: [],
  };
}

function toEslintMessage(m: LintMessage) {
  const out: Record<string, unknown> = {
    ruleId: m.ruleId,
    severity: m.severity,
    message: m.message,
    line: m.line,
    column: m.column,
  };
  if (m.fatal) out.fatal = true;
  if (m.messageId !== undefined) out.messageId = m.messageId;
  if (m.endLine !== undefined) out.endLine = m.endLine;
  if (m.endColumn !== undefined) out.endColumn = m.endColumn;
  if (m.fix) out.fix = m.fix;
  if (m.suggestions?.length) out.suggestions = m.suggestions;
  // PDF input: the page, and the line on it, that `line` of the text view (--print-text) starts on.
  if (m.page !== undefined) {
    out.page = m.page;
    out.pageLine = m.pageLine;
  }
  return out;
}
