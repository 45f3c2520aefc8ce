import type { Rule } from '../engine/types.js';
import type { Span } from '../model/source.js';
import { eraNamed } from '../templates/eras.js';
import { docsUrl } from './shared/docs.js';

/**
 * From the 2021 format on, section 六 reports the 信息处理费 (国办函〔2020〕109号): the number and
 * amount of fee notices and the amount collected, or that none was charged.
 */
const rule: Rule = {
  meta: {
    id: 'fee-disclosure',
    type: 'suggestion',
    defaultSeverity: 'warn',
    docs: {
      summary: 'reports for 2021 on: 六 states the 信息处理费 situation (notices, amounts, or none charged)',
      configComment: ['2021 年度起，第六部分须说明信息处理费情况。'],
      description: {
        'zh-CN': '2021年格式起，第六部分须说明信息处理费收取情况',
        en: 'From the 2021 format on, section VI must state the information processing fee situation',
      },
      url: docsUrl('fee-disclosure'),
      legalBasis: { 'zh-CN': '国办公开办函〔2021〕30号；国办函〔2020〕109号', en: '国办公开办函〔2021〕30号; 国办函〔2020〕109号' },
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    messages: {
      silent: {
        'zh-CN': '「六、其他需要报告的事项」未说明信息处理费情况：应写明发出收费通知的件数和总金额、实际收取的总金额，或说明未收取',
        en: 'Section VI does not state the information processing fee situation: give the number and amount of fee notices and the amount collected, or say that none was charged',
      },
      elsewhere: {
        'zh-CN': '信息处理费情况写在{{where}}，不在「六、其他需要报告的事项」中；按统一格式应在第六部分报告',
        en: 'The information processing fee is mentioned at {{where}}, outside section VI, where the format puts it',
      },
    },
  },
  check(report, context) {
    if (!eraNamed(report.era).has('processingFee')) return;
    const six = report.sections.other;
    if (!six) return; // a missing 六 is required-sections' finding
    // Addressed: the fee named in 六 (report.feeMentions), or a no-fee statement there ("未收取任何
    // 费用" says none was charged; whether that is true is zero-fee-conflict's question).
    const inSix = (s: Span) => s.start >= six.bodySpan.start && s.start < six.bodySpan.end;
    if (report.feeMentions.some((m) => inSix(m.span)) || report.feeClaims.some((c) => inSix(c.span))) return;
    const elsewhere = report.feeMentions[0];
    if (elsewhere) {
      context.report({ messageId: 'elsewhere', data: { where: context.where(elsewhere.span) }, span: six.span });
    } else context.report({ messageId: 'silent', span: six.span });
  },
};

export default rule;
