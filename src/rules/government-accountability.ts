import type { LocalizedText, Rule } from '../engine/types.js';
import { isSubdistrictOffice, organKind } from '../model/organ.js';
import { eraForYear } from '../templates/eras.js';
import { docsUrl } from './shared/docs.js';
import { defineCatalog, pick, t } from '../i18n/format.js';
import { joinList } from '../i18n/locales.js';

const TEXT = defineCatalog('rule:government-accountability', {
  configuredOrgan: { 'zh-CN': '本机关（配置 agencyKind）', en: 'The organ (per the agencyKind setting)' },
});

/**
 * 条例 第五十条（四）: the annual report of a people's government (各级人民政府, townships included;
 * a 街道办事处 is not one)
 * must also report the results of 工作考核、社会评议和责任追究; 30号 places them under 一、总体情况
 * （五）监督保障. A department's report need not. Each of the three is looked for in the prose by
 * its usual words (考核; 评议 / 测评 / 满意度; 责任追究 / 追责 / 问责), and the missing ones are
 * named in one message. Reports for 2019 on (the 2008 条例 had no such item).
 */
const ITEMS: { key: string; name: LocalizedText; words: RegExp }[] = [
  { key: 'assessment', name: { 'zh-CN': '“工作考核”', en: 'performance assessment (工作考核)' }, words: /考核|考评|绩效评估/ },
  { key: 'publicReview', name: { 'zh-CN': '“社会评议”', en: 'public review (社会评议)' }, words: /评议|测评|满意度|群众评价|社会评价|第三方评估/ },
  { key: 'accountability', name: { 'zh-CN': '“责任追究”', en: 'accountability (责任追究)' }, words: /责任追究|追责|问责|追究责任|追究.{0,6}责任/ },
];

const rule: Rule = {
  meta: {
    id: 'government-accountability',
    type: 'problem',
    defaultSeverity: 'warn',
    docs: {
      summary: "a people's government's report (townships included) covers the results of 工作考核, 社会评议 and 责任追究 (条例 第五十条（四）)",
      configComment: ['人民政府的报告须包括工作考核、社会评议和责任追究结果情况（条例第五十条第（四）项）。'],
      description: {
        'zh-CN': '人民政府的年度报告须报告工作考核、社会评议和责任追究结果情况',
        en: "A people's government's report covers performance assessment, public review and accountability",
      },
      url: docsUrl('government-accountability'),
      legalBasis: { 'zh-CN': '《政府信息公开条例》第五十条第（四）项', en: 'Regulations on Open Government Information, art. 50(4)' },
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    messages: {
      missing: {
        'zh-CN': '{{who}}为人民政府，年度报告应当包括工作考核、社会评议和责任追究结果情况，报告中未见{{items}}的内容（一般写在“总体情况”的“监督保障”部分）',
        en: "{{who}} is a people's government, whose report must include the results of performance assessment, public review and accountability; nothing was found on {{items}} (usually under 总体情况, 监督保障)",
      },
    },
  },
  check(report, context) {
    const year = report.year?.value;
    if (year === undefined || !eraForYear(year).has('accountabilityResults')) return;
    const configured = context.config.agencyKind;
    const byName = report.issuer ? organKind(report.issuer.name) : undefined;
    // A 街道办事处 is not a people's government (it acts for the district's): 第五十条（四） is not its item.
    const government = configured
      ? configured === 'government'
      : (byName === 'government' || byName === 'township') && !isSubdistrictOffice(report.issuer!.name);
    if (!government) return;
    const prose = report.prose.text;
    const missing = ITEMS.filter((i) => !i.words.test(prose));
    if (!missing.length) return;
    const who = configured ? t(TEXT, 'configuredOrgan', context.locale) : `「${report.issuer!.name}」`;
    const at = report.sections.overview ?? report.headings[0];
    context.report({
      messageId: 'missing',
      data: {
        who,
        items: joinList(
          missing.map((i) => pick(i.name, context.locale)),
          context.locale,
        ),
      },
      span: at ? at.span : (report.title?.span ?? { start: report.span.start, end: report.span.start }),
    });
  },
};

export default rule;
