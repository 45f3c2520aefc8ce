import type { Rule } from '../engine/types.js';
import { docsUrl } from './shared/docs.js';

/**
 * A total broken down in prose with each part's share ("主动公开信息57条：其中通知公告4条，占7.02%；
 * 办事指南2条，占3.50%…"): each share is recomputed from its count and the total (2/57 = 3.51 %,
 * not 3.50 %). The model keeps only lists whose parts add up to the total, so the base of every
 * share is certain. A share within one unit of its last written decimal of the quotient is right:
 * offices round, truncate (2/57 = 3.5087… written 3.50 %) or nudge one share so that they add up
 * to 100 %, and none of that is a mistake. A share further off is a warning that asks to check
 * (the figures may be right and the share mistyped, or the other way round).
 */
const rule: Rule = {
  meta: {
    id: 'share-percentage',
    type: 'problem',
    defaultSeverity: 'warn',
    docs: {
      summary:
        "a share written in prose beside a breakdown of a total (…57条：其中…2条，占3.15%) is the part's count over the total, to the last decimal written (2/57 = 3.51 %)",
      configComment: [
        '正文中总数分项所注的占比（……57条：其中……2条，占3.15%）须等于分项数除以总数（与所写末位相差不足一个单位）；仅在各分项之和等于总数时核对。',
      ],
      description: {
        'zh-CN': '正文中分项所注的占比应等于分项数除以总数',
        en: 'A share written beside a part of a total is the part over the total',
      },
      url: docsUrl('share-percentage'),
      legalBasis: {
        'zh-CN': '国办公开办函〔2021〕30号（发布内容不准确、不全面的，依《条例》第四十七条追责）',
        en: '国办公开办函〔2021〕30号 (inaccurate or incomplete reports; Regulations on Open Government Information, art. 47)',
      },
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    messages: {
      wrongShare: {
        'zh-CN': '「{{text}}」：{{count}}{{unit}} 占总数 {{total}}{{unit}} 的 {{expected}}%，与所写的 {{written}}% 不符，请核对',
        en: '"{{text}}": {{count}}{{unit}} of the total {{total}}{{unit}} is {{expected}} %, not the {{written}} % written — please check',
      },
    },
  },
  check(report, context) {
    for (const list of report.shareLists) {
      for (const item of list.items) {
        const exact = (item.count / list.total) * 100;
        const step = 10 ** -item.decimals;
        // Right when it is the quotient to the decimals written, rounded, truncated or nudged up by one unit.
        if (Math.abs(item.percent - exact) < step - 1e-9) continue;
        context.report({
          messageId: 'wrongShare',
          data: {
            text: item.text,
            count: item.count,
            total: list.total,
            unit: list.unit,
            expected: exact.toFixed(Math.max(item.decimals, 2)),
            written: item.percent.toFixed(item.decimals),
          },
          span: item.span,
        });
      }
    }
  },
};

export default rule;
