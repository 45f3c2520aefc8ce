import type { Rule } from '../engine/types.js';
import { docsUrl } from './shared/docs.js';
import { TOTAL_KINDS, type TotalKind } from '../templates/tables.js';
import { columnLabel, inferredNote, replaceCellFix, rowLabel, tableName, violations } from './shared/tables.js';

/** Each kind of total's message (a new kind of total fails to compile until it has one). */
const TOTAL_MESSAGE: Record<TotalKind, 'rowTotal' | 'resultTotal' | 'reviewTotal'> = {
  rowTotal: 'rowTotal',
  resultTotal: 'resultTotal',
  reviewTotal: 'reviewTotal',
};

/**
 * Totals in the applications table (row totals and the （七）总计 row) and the review/litigation
 * table (the three 总计) must equal the sum of their parts.
 */
const rule: Rule = {
  meta: {
    id: 'table-sum',
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      summary:
        "table 三: every row's 总计 = its six applicant columns, and （七）总计 = all result rows (2019 and 2021 row sets); table 四: each 总计 = 维持 + 纠正 + 其他 + 尚未审结",
      configComment: ['表三、表四的总计须等于各分项之和。'],
      description: { 'zh-CN': '表三、表四的总计须等于各分项之和', en: 'Totals in tables III and IV must equal the sum of their parts' },
      url: docsUrl('table-sum'),
      legalBasis: {
        'zh-CN': '国办公开办函〔2021〕30号、〔2019〕60号统一格式',
        en: 'the arithmetic relations of the report format, 国办公开办函〔2021〕30号 / 〔2019〕60号',
      },
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    hasSuggestions: true,
    messages: {
      rowTotal: {
        'zh-CN': '{{table}}「{{row}}」行的「总计」应为 {{expected}}（六类申请人之和 {{terms}}），实际为 {{found}}{{note}}',
        en: '{{table}}, row "{{row}}": 总计 should be {{expected}} (sum of the six applicant columns {{terms}}), found {{found}}{{note}}',
      },
      resultTotal: {
        'zh-CN': '{{table}}「（七）总计」行「{{col}}」列应为 {{expected}}（各项办理结果之和），实际为 {{found}}{{note}}',
        en: '{{table}}, row "（七）总计", column "{{col}}": should be {{expected}} (sum of all result rows), found {{found}}{{note}}',
      },
      reviewTotal: {
        'zh-CN': '{{table}}「{{col}}」应为 {{expected}}（结果维持、结果纠正、其他结果、尚未审结之和 {{terms}}），实际为 {{found}}{{note}}',
        en: '{{table}}, "{{col}}" should be {{expected}} (维持 + 纠正 + 其他 + 尚未审结 = {{terms}}), found {{found}}{{note}}',
      },
      setTotal: { 'zh-CN': '将总计改为 {{expected}}', en: 'Change the total to {{expected}}' },
    },
  },
  check(report, context) {
    for (const v of violations(report, TOTAL_KINDS)) {
      const { relation, table } = v;
      const messageId = TOTAL_MESSAGE[relation.kind as TotalKind];
      const data = {
        table: tableName(table.kind, context.locale),
        row: rowLabel(table, relation.anchor.row),
        col: columnLabel(table, relation.anchor.col),
        expected: v.expected,
        found: v.found,
        terms: v.terms.join('+'),
        note: inferredNote(v, context.locale).note,
      };
      // No fix for an inferred cell: the reading itself is to be checked first.
      const fix = v.inferred ? undefined : replaceCellFix(context.text, v.anchor, v.expected);
      context.report({
        messageId,
        data,
        span: v.anchor.span,
        severity: inferredNote(v, context.locale).severity,
        suggest: fix ? [{ messageId: 'setTotal', data: { expected: v.expected }, fix }] : undefined,
      });
    }
  },
};

export default rule;
