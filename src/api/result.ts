import type { LintMessage, LintResult, SuppressedMessage } from '../engine/types.js';

/** LintResult construction: ESLint's result shape and counts. */

/** A file that could not be linted: one fatal message saying why. */
export function fatalResult(filePath: string, message: string): LintResult {
  return makeResult(filePath, [{ ruleId: null, fatal: true, severity: 2, message, line: 1, column: 1 }]);
}

/** ESLint result counts from the messages. Fatal messages count as errors. */
export function makeResult(filePath: string, messages: LintMessage[], suppressedMessages: SuppressedMessage[] = []): LintResult {
  const r: LintResult = {
    filePath,
    messages,
    suppressedMessages,
    errorCount: 0,
    warningCount: 0,
    fatalErrorCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  };
  for (const m of messages) {
    if (m.fatal) r.fatalErrorCount++;
    if (m.severity === 2) {
      r.errorCount++;
      if (m.fix) r.fixableErrorCount++;
    } else {
      r.warningCount++;
      if (m.fix) r.fixableWarningCount++;
    }
  }
  return r;
}

/** Keep errors only (--quiet), with counts to match. */
export function errorsOnly(results: LintResult[]): LintResult[] {
  return results.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 2), warningCount: 0, fixableWarningCount: 0 }));
}
