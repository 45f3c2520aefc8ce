import type { Rule } from '../engine/types.js';
import { missingUnits } from '../region/coverage.js';
import { docsUrl } from './shared/docs.js';

/**
 * With `aggregate[].expect` (the organs a government's report covers), every expected unit needs a
 * report among the parts; the missing ones are named in the total's file, one message each, at its
 * title. Without `expect` nothing is known about completeness and this rule is silent.
 */
const rule: Rule = {
  meta: {
    id: 'region-missing-unit',
    type: 'problem',
    defaultSeverity: 'warn',
    scope: 'region',
    docs: {
      summary: 'region runs with `aggregate[].expect`: every expected unit has a report among the parts',
      description: {
        'zh-CN': '汇总范围（aggregate 的 expect）内的每个单位都有年度报告',
        en: 'Every unit a government report covers (aggregate expect) has a report',
      },
      url: docsUrl('region-missing-unit'),
      legalBasis: { 'zh-CN': '《政府信息公开条例》第四十九条', en: 'Regulations on Open Government Information, art. 49' },
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    messages: {
      missing: {
        'zh-CN': '汇总范围内的单位「{{organ}}」没有{{year}}年度报告（在 {{count}} 份单位报告中未找到），本级报告的汇总数据可能不完整',
        en: 'No {{year}} report of "{{organ}}", a unit this report covers, was found among the {{count}} unit reports; the totals may be incomplete',
      },
    },
  },
  check() {
    // A region rule: see checkRegion.
  },
  checkRegion(region, context) {
    for (const agg of region.aggregates) {
      if (!agg.total || agg.expect.length === 0) continue;
      for (const organ of missingUnits(agg)) {
        context.report({
          file: agg.total.file,
          at: agg.total.facts.at,
          messageId: 'missing',
          data: { organ, year: agg.total.facts.year ?? '', count: agg.parts.length },
        });
      }
    }
  },
};

export default rule;
