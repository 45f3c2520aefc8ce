import type { Rule } from '../engine/types.js';
import type { CellValue, RecognizedTable, Report } from '../model/report.js';
import { eraNamed } from '../templates/eras.js';
import { APPLICANT_COLUMNS, activeHasColumn } from '../templates/tables.js';
import { docsUrl } from './shared/docs.js';
import { cellAt, replaceCellFix } from './shared/tables.js';
import { tablesApply } from './shared/template-scope.js';
import { defineCatalog, t } from '../i18n/format.js';
import { joinList } from '../i18n/locales.js';

const TEXT = defineCatalog('rule:carryover', {
  noYear: { 'zh-CN': '无法确定年度', en: 'no report year' },
  previousFile: { 'zh-CN': '（{{name}}）', en: ' ({{name}})' },
});

/**
 * Across years (needs last year's report: `--previous <file>` or config `previous`):
 * this year's 二、上年结转政府信息公开申请数量 equals, column by column, last year's
 * 四、结转下年度继续办理 — the same applications, counted at the same moment.
 *
 * Also (`validCount`, off by default, opt-in) the 2021 layout's 现行有效件数 continuity: this year's
 * 现行有效 = last year's 现行有效 + 本年制发 − 本年废止. That is a heuristic with legitimate exceptions
 * (documents that lapse at the end of their term without being 废止, re-counting after a 清理) that
 * fires on most correct year pairs, so it is off unless asked for, and then a warning.
 *
 * A previous report that holds no report of the year before (an older year, or nothing readable)
 * is said once, as a warning: a `--previous` that checks nothing must not look like a pass. A
 * previous file of this year or later is simply not this report's (a batch sharing one --previous).
 */
const rule: Rule = {
  meta: {
    id: 'carryover',
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      summary:
        "with `--previous`: this year's 二、上年结转 equals last year's 四、结转下年度继续办理, per column; the previous file in any format (.docx too); a previous file without last year's report is a warning; 现行有效件数 continuity opt-in (`validCount`, off by default)",
      configComment: ['需要 previous：本年“上年结转”须等于上年“结转下年度继续办理”；validCount: 现行有效件数连续性（合理性检查，默认关闭；打开后为警告）。'],
      description: {
        'zh-CN': '本年“上年结转”须等于上年报告的“结转下年度继续办理”',
        en: "This year's carried-over applications equal last year's carried-forward ones",
      },
      url: docsUrl('carryover'),
      legalBasis: {
        'zh-CN': '国办公开办函〔2021〕30号、〔2019〕60号统一格式表三',
        en: 'table III of the unified format, 国办公开办函〔2021〕30号 / 〔2019〕60号',
      },
    },
    schema: {
      type: 'object',
      properties: { validCount: { type: 'boolean' } },
      additionalProperties: false,
    },
    defaultOptions: { validCount: false },
    hasSuggestions: true,
    messages: {
      mismatch: {
        'zh-CN': '表三「二、上年结转政府信息公开申请数量」「{{col}}」列为 {{found}}，而 {{prevYear}} 年度报告「四、结转下年度继续办理」该列为 {{expected}}',
        en: 'Table III, "二、上年结转政府信息公开申请数量", column "{{col}}": {{found}}, but the {{prevYear}} report carried {{expected}} forward ("四、结转下年度继续办理")',
      },
      validCount: {
        'zh-CN':
          '表二「{{row}}」「现行有效件数」为 {{found}}，按 {{prevYear}} 年度报告推算应约为 {{expected}}（上年现行有效 {{prevValid}} + 本年制发 {{made}} − 本年废止 {{repealed}}）；如有到期失效等情况可忽略（合理性检查）',
        en: 'Table II, "{{row}}", 现行有效件数: {{found}}; from the {{prevYear}} report about {{expected}} was expected (last year {{prevValid}} + 制发 {{made}} − 废止 {{repealed}}); ignore if documents lapsed (plausibility check)',
      },
      noPreviousYear: {
        'zh-CN': '上一年度报告{{file}}中没有 {{prevYear}} 年度报告（读到：{{found}}），未核对结转数据',
        en: 'The previous report{{file}} holds no report for {{prevYear}} (found: {{found}}); carry-over not checked',
      },
      setCarriedOver: { 'zh-CN': '改为上年报告结转的 {{expected}}', en: 'Change to {{expected}}, as carried forward last year' },
    },
  },
  check(report, context) {
    if (!context.previous?.length || !report.year || !tablesApply(report, true)) return;
    const prev = context.previous.find((r) => r.year?.value === report.year!.value - 1 && eraNamed(r.era).layout !== undefined);
    if (!prev) {
      const years = context.previous.map((r) => r.year?.value).filter((y): y is number => y !== undefined);
      // A previous file of this year or later is not meant for this report (a batch linted with one
      // --previous, the previous file itself among the linted ones): nothing to say.
      if (years.some((y) => y >= report.year!.value)) return;
      const found = years.length ? joinList([...new Set(years)].map(String), context.locale) : t(TEXT, 'noYear', context.locale);
      const name = context.config.previous?.split(/[\\/]/).pop();
      const file = name ? t(TEXT, 'previousFile', context.locale, { name }) : '';
      context.report({
        messageId: 'noPreviousYear',
        data: { file, prevYear: report.year.value - 1, found },
        span: report.title?.span ?? { start: report.span.start, end: report.span.start },
        severity: 'warn',
      });
      return;
    }
    const prevYear = prev.year!.value;

    const cur = report.tables.applications;
    const old = prev.tables.applications;
    if (cur && old) {
      for (const col of APPLICANT_COLUMNS) {
        const found = cellAt(cur, { row: 'carriedOver', col: col.key });
        const expected = cellAt(old, { row: 'carryForward', col: col.key });
        if (!isNum(found) || !isNum(expected) || found.value === expected.value) continue;
        const fix = replaceCellFix(context.text, found, expected.value);
        context.report({
          messageId: 'mismatch',
          data: { col: col.label, found: found.value, expected: expected.value, prevYear },
          span: found.span,
          suggest: fix ? [{ messageId: 'setCarriedOver', data: { expected: expected.value }, fix }] : undefined,
        });
      }
    }

    if (context.options.validCount !== false) checkValidCount(report, prev, prevYear, (d) => context.report(d));
  },
};

function isNum(c: CellValue | undefined): c is CellValue & { value: number } {
  return c?.kind === 'number' && c.value !== undefined;
}

function checkValidCount(report: Report, prev: Report, prevYear: number, emit: Parameters<Rule['check']>[1]['report']): void {
  const cur = report.tables.active;
  const old = prev.tables.active;
  // Only a layout with 现行有效件数 can be checked (the 2019 layout's 对外公开总数量 counts something else).
  if (!cur || !old || !activeHasColumn(cur.layout, 'valid') || !activeHasColumn(old.layout, 'valid')) return;
  for (const key of ['rules', 'normativeDocs']) {
    const get = (t: RecognizedTable, col: string) => cellAt(t, { row: key, col });
    const valid = get(cur, 'valid');
    const made = get(cur, 'made');
    const repealed = get(cur, 'repealed');
    const prevValid = get(old, 'valid');
    if (!isNum(valid) || !isNum(made) || !isNum(repealed) || !isNum(prevValid)) continue;
    const expected = prevValid.value + made.value - repealed.value;
    if (expected === valid.value) continue;
    emit({
      messageId: 'validCount',
      data: {
        row: key === 'rules' ? '规章' : '行政规范性文件',
        found: valid.value,
        expected,
        prevYear,
        prevValid: prevValid.value,
        made: made.value,
        repealed: repealed.value,
      },
      span: valid.span,
      legalBasis: {
        'zh-CN': '统一格式表二第二十条第（一）项（国办公开办函〔2021〕30号）',
        en: 'table II, art. 20(1) rows of the 2021 format (国办公开办函〔2021〕30号)',
      },
      severity: 'warn',
    });
  }
}

export default rule;
