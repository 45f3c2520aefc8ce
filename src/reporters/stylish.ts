import path from 'node:path';
import { Chalk } from 'chalk';
import type { LintMessage, Locale } from '../engine/types.js';
import type { Reporter } from './types.js';
import { displayWidth, padEnd, padStart } from './width.js';
import { oneLine } from './compact.js';
import { terminalSafe } from './util.js';
import { t, tn } from '../i18n/format.js';
import { REPORTER_TEXT } from './messages.js';

/**
 * ESLint's "stylish" layout: one block per file with problems, aligned columns
 * `  line:col  severity  message  rule-id`, then a summary. Alignment counts display columns,
 * so Chinese messages line up in a terminal. Prints nothing when there are no problems.
 */
export const stylish: Reporter = (results, ctx) => {
  // level 1 (16 colours) is all stylish uses; 0 guarantees no escape codes at all.
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const text = texts(ctx.locale);
  let out = '\n';
  let errors = 0;
  let warnings = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;

  for (const result of results) {
    errors += result.errorCount;
    warnings += result.warningCount;
    fixableErrors += result.fixableErrorCount;
    fixableWarnings += result.fixableWarningCount;
    if (result.messages.length === 0) continue;

    const rows = result.messages.map((m) => ({
      line: String(m.line || 0),
      column: String(m.column || 0),
      severity: isError(m) ? text.error : text.warning,
      error: isError(m),
      // One message per row: a line break would break the columns.
      message: terminalSafe(oneLine(m.message)).replace(/([^ ])\.$/, '$1'),
      ruleId: m.ruleId ?? '',
      // A PDF message also says where a reader finds it: the page and the line on that page.
      page: m.page !== undefined ? text.page(m.page, m.pageLine ?? 0) : '',
    }));
    const paged = rows.some((r) => r.page);
    const w = {
      line: Math.max(...rows.map((r) => r.line.length)),
      column: Math.max(...rows.map((r) => r.column.length)),
      severity: Math.max(...rows.map((r) => displayWidth(r.severity))),
      page: Math.max(...rows.map((r) => displayWidth(r.page))),
      message: Math.max(...rows.map((r) => displayWidth(r.message))),
    };
    out += `${c.underline(terminalSafe(relative(ctx.cwd, result.filePath)))}\n`;
    for (const r of rows) {
      const severity = padEnd(r.severity, w.severity);
      const line = [
        '',
        c.dim(`${padStart(r.line, w.line)}:${padEnd(r.column, w.column)}`),
        ...(paged ? [c.dim(padEnd(r.page, w.page))] : []),
        r.error ? c.red(severity) : c.yellow(severity),
        padEnd(r.message, w.message),
        c.dim(r.ruleId),
      ].join('  ');
      // Padding is only trailing whitespace when a row has no rule id (fatal messages).
      out += `${r.ruleId ? line : line.trimEnd()}\n`;
    }
    out += '\n';
  }

  const total = errors + warnings;
  if (total === 0) return '';
  const summary = errors > 0 ? c.red.bold : c.yellow.bold;
  out += summary(`✖ ${text.summary(total, errors, warnings)}\n`);
  if (fixableErrors + fixableWarnings > 0) out += summary(`  ${text.fixable(fixableErrors, fixableWarnings)}\n`);
  return out;
};

const isError = (m: LintMessage) => m.fatal === true || m.severity === 2;

function relative(cwd: string, file: string): string {
  if (!path.isAbsolute(file)) return file; // "<text>", "<stdin>"
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

function texts(locale: Locale) {
  return {
    error: t(REPORTER_TEXT, 'severityError', locale),
    warning: t(REPORTER_TEXT, 'severityWarning', locale),
    page: (page: number, line: number) => t(REPORTER_TEXT, 'pageLine', locale, { page, line }),
    summary: (total: number, e: number, w: number) => summaryLine(total, e, w, locale),
    fixable: (e: number, w: number) =>
      t(REPORTER_TEXT, 'fixable', locale, { errors: tn(REPORTER_TEXT, 'error', e, locale), warnings: tn(REPORTER_TEXT, 'warning', w, locale) }),
  };
}

/** "3 problems (1 error, 2 warnings)", the closing line of stylish and github. */
export function summaryLine(problems: number, errors: number, warnings: number, locale: Locale): string {
  return t(REPORTER_TEXT, 'summary', locale, {
    problems: tn(REPORTER_TEXT, 'problem', problems, locale),
    errors: tn(REPORTER_TEXT, 'error', errors, locale),
    warnings: tn(REPORTER_TEXT, 'warning', warnings, locale),
  });
}
