import type { Rule } from '../engine/types.js';
import { docsUrl } from './shared/docs.js';
import { defineCatalog, t } from '../i18n/format.js';

const TEXT = defineCatalog('rule:problems-and-measures', {
  /** What an empty section 五 was found to contain. */
  nothing: { 'zh-CN': '空', en: 'nothing' },
});

/**
 * Section 五 reports the main problems AND how they are being improved (条例第五十条第（四）项). A
 * section that says nothing ("无。", a few characters) or names problems with no word of
 * improvement is reported as a warning. What the section says is read by the model
 * (`report.problemsSection`); a missing section is required-sections' finding.
 */
const rule: Rule = {
  meta: {
    id: 'problems-and-measures',
    type: 'suggestion',
    defaultSeverity: 'warn',
    docs: {
      summary: 'section 五 has real content ("无。" is not) and, where it names problems, says how they are improved (改进, 整改, 措施, 下一步, 将…)',
      configComment: ['第五部分须写明存在的主要问题及改进情况（不能只写“无。”，不能只有问题没有改进）。'],
      description: { 'zh-CN': '第五部分须写明存在的主要问题及改进情况', en: 'Section V states the main problems and the improvements' },
      url: docsUrl('problems-and-measures'),
      legalBasis: { 'zh-CN': '《政府信息公开条例》第五十条第（四）项', en: 'Regulations on Open Government Information, art. 50(4)' },
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    messages: {
      empty: {
        'zh-CN': '「五、存在的主要问题及改进情况」没有实际内容（「{{found}}」）：应写明政府信息公开工作存在的主要问题及改进情况',
        en: 'Section V has no real content ("{{found}}"): it should state the main problems of the disclosure work and how they are being improved',
      },
      problemsOnly: {
        'zh-CN': '「五、存在的主要问题及改进情况」只写了存在的问题，没有写改进情况（改进措施、整改结果或下一步打算）',
        en: 'Section V names problems but says nothing about improving them (measures, rectification, or next steps)',
      },
    },
  },
  check(report, context) {
    const five = report.problemsSection;
    if (!five || five.state === 'addressed') return;
    if (five.state === 'empty') context.report({ messageId: 'empty', data: { found: five.text || t(TEXT, 'nothing', context.locale) }, span: five.span });
    else context.report({ messageId: 'problemsOnly', span: five.span });
  },
};

export default rule;
