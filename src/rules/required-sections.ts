import type { Rule } from '../engine/types.js';
import { eraNamed } from '../templates/eras.js';
import { SECTIONS, type SectionKey } from '../templates/sections.js';
import { docsUrl } from './shared/docs.js';
import { defineCatalog, pick, t } from '../i18n/format.js';

/** What an untitled part's content was recognised by, for the message. */
const CONTENT = defineCatalog('rule:required-sections', {
  overview: { 'zh-CN': '主动公开、依申请公开等分项', en: 'the sub-items on proactive disclosure, applications …' },
  problems: { 'zh-CN': '主要问题、改进情况等分项', en: 'the sub-items on the problems and the improvements' },
});

/**
 * The six parts of the unified format (条例 第五十条) must all be present. Headings are matched by
 * their words, so real-world variants (四、因政府信息公开工作被申请行政复议、提起行政诉讼情况,
 * 行政机关… prefixes, `#` marks or none) count. Legacy (pre-2019) reports are free-form: nothing required.
 */
const rule: Rule = {
  meta: {
    id: 'required-sections',
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      summary: 'the six parts 一、总体情况 … 六、其他需要报告的事项 are present (real-world heading variants accepted; not demanded of legacy reports)',
      configComment: ['六个法定部分；ignore 列出不检查的部分：overview active applications review problems other。'],
      description: { 'zh-CN': '年度报告须包含统一格式的六个部分', en: 'The report must contain the six mandated sections' },
      url: docsUrl('required-sections'),
      legalBasis: { 'zh-CN': '《政府信息公开条例》第五十条', en: 'Regulations on Open Government Information, art. 50' },
    },
    schema: {
      type: 'object',
      properties: {
        ignore: { type: 'array', items: { enum: SECTIONS.map((s) => s.key) }, uniqueItems: true },
      },
      additionalProperties: false,
    },
    defaultOptions: { ignore: [] },
    messages: {
      missing: {
        'zh-CN': '缺少「{{title}}」部分（{{format}}要求年度报告包含全部六个部分）',
        en: 'Missing section "{{title}}" ({{titleEn}}): reports under {{format}} must contain all six sections',
      },
      untitled: {
        'zh-CN': '「{{title}}」部分没有标题：其内容（{{content}}）在，但缺少部分标题，应在此前加上「{{title}}」',
        en: 'Section "{{title}}" ({{titleEn}}) has no heading: its content ({{contentEn}}) is there, but the heading "{{title}}" should be added before it',
      },
    },
  },
  check(report, context) {
    const ignore = new Set(context.options.ignore as SectionKey[]);
    const era = eraNamed(report.era);
    for (const section of era.sections) {
      if (report.sections[section.key] || ignore.has(section.key)) continue;
      // Part 一's or 五's sub-items are there without its heading: the part is not missing, its title is.
      const untitled = section.key === 'overview' ? report.untitledOverview : section.key === 'problems' ? report.untitledProblems : undefined;
      if (untitled && (section.key === 'overview' || section.key === 'problems')) {
        const content = { content: t(CONTENT, section.key, 'zh-CN'), contentEn: t(CONTENT, section.key, 'en') };
        context.report({ messageId: 'untitled', data: { title: section.title, titleEn: section.titleEn, ...content }, span: untitled, severity: 'warn' });
        continue;
      }
      // Point where the section belongs: at the next section present, else the one it should
      // follow, else the title (a report's last lines are often pasted page chrome).
      const next = SECTIONS.filter((s) => s.ordinal > section.ordinal)
        .map((s) => report.sections[s.key])
        .find(Boolean);
      const prev = SECTIONS.filter((s) => s.ordinal < section.ordinal)
        .reverse()
        .map((s) => report.sections[s.key])
        .find(Boolean);
      const anchor = next?.span ?? prev?.span ?? report.title?.span ?? { start: report.span.start, end: report.span.start };
      context.report({
        messageId: 'missing',
        data: {
          title: section.title,
          titleEn: section.titleEn,
          format: pick(era.name, context.locale),
        },
        span: anchor,
      });
    }
  },
};

export default rule;
