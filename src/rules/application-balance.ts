import type { Rule } from '../engine/types.js';
import { docsUrl } from './shared/docs.js';
import { columnLabel, inferredNote, tableName, violations } from './shared/tables.js';

/**
 * The relation printed in the applications table itself: per column,
 * 一、本年新收 + 二、上年结转 = 三（七）总计 + 四、结转下年度继续办理.
 */
const rule: Rule = {
  meta: {
    id: 'application-balance',
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      summary: 'table 三, every column: 一 + 二 = 三（七）总计 + 四 (the relation printed in the table)',
      configComment: ['表三每列：一 + 二 = 三（七）总计 + 四。'],
      description: {
        'zh-CN': '表三每列：第一项加第二项之和须等于第三项加第四项之和',
        en: 'Table III, every column: item 1 + item 2 must equal item 3 + item 4',
      },
      url: docsUrl('application-balance'),
      legalBasis: {
        'zh-CN': '国办公开办函〔2021〕30号表三所注勾稽关系',
        en: 'the relation printed in table III, 国办公开办函〔2021〕30号',
      },
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    messages: {
      unbalanced: {
        'zh-CN':
          '{{table}}「{{col}}」列不平衡：一、本年新收 + 二、上年结转 = {{lhs}}，三（七）总计 + 四、结转下年度 = {{rhs}}；按此「四、结转下年度继续办理」应为 {{expected}}，实际为 {{found}}（也可能是一、二或（七）总计有误）{{note}}',
        en: '{{table}}, column "{{col}}" does not balance: new + carried over = {{lhs}}, but 三（七）总计 + carried forward = {{rhs}}; 四、结转下年度继续办理 would have to be {{expected}}, found {{found}} (or 一, 二 or （七）总计 is wrong){{note}}',
      },
    },
  },
  check(report, context) {
    for (const v of violations(report, ['balance'])) {
      context.report({
        messageId: 'unbalanced',
        data: {
          table: tableName(v.table.kind, context.locale),
          col: columnLabel(v.table, v.relation.anchor.col),
          lhs: v.lhs,
          rhs: v.rhs,
          expected: v.expected,
          found: v.found,
          note: inferredNote(v, context.locale).note,
        },
        span: v.anchor.span,
        severity: inferredNote(v, context.locale).severity,
      });
    }
  },
};

export default rule;
