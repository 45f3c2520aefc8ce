import type { Rule, RuleContext } from '../engine/types.js';
import type { Heading, Report } from '../model/report.js';
import { normalizeLabel } from '../model/text-utils.js';
import { eraNamed } from '../templates/eras.js';
import { SECTIONS } from '../templates/sections.js';
import { docsUrl } from './shared/docs.js';
import { unsure } from './shared/confidence.js';

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 总体情况's usual sub-items; as numbered top-level parts they were promoted by mistake. */
const OVERVIEW_SUB_ITEMS = ['主动公开', '依申请公开', '政府信息管理', '政府信息公开平台建设', '平台建设', '监督保障'];

/**
 * The six parts in the order and numbering of the unified format; and, for every era, the
 * introduction's "本报告由N个部分组成" agreeing with the number of parts the report has.
 */
const rule: Rule = {
  meta: {
    id: 'section-order',
    type: 'suggestion',
    defaultSeverity: 'warn',
    docs: {
      summary:
        'the six parts in the official order and numbering (one message for a shifted sequence; 总体情况\'s sub-items numbered as parts); the introduction\'s "本报告由N个部分组成" matches the parts (every era)',
      configComment: ['法定部分的顺序与编号；引言所称“本报告由N个部分组成”是否与实际相符。'],
      description: {
        'zh-CN': '法定部分的顺序、编号须与统一格式一致，引言所述部分数须与实际相符',
        en: 'Mandated sections in the official order and numbering; the stated number of parts must match',
      },
      url: docsUrl('section-order'),
      legalBasis: { 'zh-CN': '国办公开办函〔2021〕30号、〔2019〕60号统一格式', en: 'the unified format, 国办公开办函〔2021〕30号 / 〔2019〕60号' },
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    messages: {
      outOfOrder: { 'zh-CN': '「{{title}}」应在「{{before}}」之前{{note}}', en: '"{{title}}" should come before "{{before}}"{{note}}' },
      duplicated: { 'zh-CN': '「{{title}}」部分重复出现（首次在{{where}}）{{note}}', en: 'Section "{{title}}" appears again (first at {{where}}){{note}}' },
      misnumbered: {
        'zh-CN': '「{{title}}」应编号为「{{expected}}、」，实际为「{{found}}」{{note}}',
        en: '"{{title}}" should be numbered {{expected}}、, found {{found}}{{note}}',
      },
      shifted: {
        'zh-CN': '各部分编号整体错位：「{{title}}」应为「{{expected}}、」，实际为「{{found}}」，其后各部分同样错位{{note}}',
        en: 'The section numbering is shifted: "{{title}}" should be {{expected}}、 but is {{found}}, and the following sections likewise{{note}}',
      },
      promotedSubItem: {
        'zh-CN': '「{{found}}{{title}}」是「一、总体情况」的分项，应写作「（{{sub}}）{{title}}」，不应作为独立部分编号',
        en: '"{{found}}{{title}}" is a sub-item of 一、总体情况 and should be numbered （{{sub}}）, not as a part of its own',
      },
      partCount: {
        'zh-CN': '引言称本报告由{{stated}}个部分组成，实际有 {{actual}} 个部分',
        en: 'The introduction says the report has {{stated}} parts, but it has {{actual}}',
      },
      titleWording: {
        'zh-CN': '「{{found}}{{title}}」与统一格式的标题「{{expected}}」不一致（沿用旧格式的写法或笔误），应改为统一格式的标题',
        en: '"{{found}}{{title}}" differs from the unified format\'s title "{{expected}}" (an old-format wording or a slip)',
      },
      otherNumbering: {
        'zh-CN': '各部分标题编号为「{{found}}」式（如「{{found}}{{title}}」），统一格式的编号为「{{expected}}」式：应按统一格式编号',
        en: 'The parts are numbered "{{found}}" ("{{found}}{{title}}"), the unified format numbers them "{{expected}}"',
      },
      partListCount: {
        'zh-CN': '引言称本报告由{{stated}}个部分组成，但同一句列出的是 {{listed}} 个部分：部分数与所列内容应一致',
        en: 'The introduction says the report has {{stated}} parts, but the same sentence lists {{listed}}: the number and the list should agree',
      },
    },
  },
  check(report, context) {
    // The part count is a matter of accuracy in every era, not of the unified format.
    checkPartCount(report, context);
    // Order and numbering are the unified format's: a free-form era mandates no sections.
    if (!eraNamed(report.era).sections.length) return;

    // Sub-items of 总体情况 promoted to numbered parts ("二、依申请公开").
    let subIndex = 0;
    for (const h of report.headings) {
      let t = normalizeLabel(h.title);
      while (t.endsWith('方面') || t.endsWith('情况') || t.endsWith('工作')) t = t.slice(0, -2);
      if (h.ordinal && !h.section && OVERVIEW_SUB_ITEMS.includes(t)) {
        subIndex++;
        context.report({
          messageId: 'promotedSubItem',
          data: { found: h.numbering ?? '', title: h.title, sub: CN[subIndex] ?? String(subIndex) },
          span: h.span,
        });
      }
    }

    // A finding that rests on a heading pieced together from wrapped lines is a warning that asks to check.
    const unsureOf = (...hs: Heading[]) => unsure(hs.some((x) => x.confidence === 'inferred') ? 'inferred' : 'exact', 'heading', context.locale);
    // Parts numbered in a scheme of the report's own ("第一部分 总体情况", "（一）总体情况"): said once, at the first.
    const other = report.headings.find((h) => h.otherNumbering && h.section);
    if (other) {
      const expected = SECTIONS.find((s) => s.key === other.section)!.title;
      context.report({
        messageId: 'otherNumbering',
        data: { found: other.numbering ?? '', title: other.title, expected: expected.slice(0, expected.indexOf('、') + 1) },
        span: other.span,
      });
    }
    // A part in its place under an old (2008-era) or mistyped title ("一、概述", "二、主动公开情况").
    for (const h of report.headings) {
      if (h.byPlace && h.section)
        context.report({
          messageId: 'titleWording',
          data: { found: h.numbering ?? '', title: h.title, expected: SECTIONS.find((s) => s.key === h.section)!.title },
          span: h.span,
        });
    }

    const seen = new Map<string, Heading>();
    const found: Heading[] = [];
    for (const h of report.headings) {
      if (!h.section) continue;
      const first = seen.get(h.section);
      if (first) {
        const u = unsureOf(h, first);
        context.report({
          messageId: 'duplicated',
          data: { title: titleOf(h.section), where: context.where(first.span), note: u.note },
          span: h.span,
          severity: u.severity,
        });
        continue;
      }
      seen.set(h.section, h);
      found.push(h);
    }

    // Order: each section must come after every section with a smaller ordinal.
    const ord = (h: Heading) => SECTIONS.find((s) => s.key === h.section)!.ordinal;
    for (let i = 0; i < found.length; i++) {
      const later = found.slice(i + 1).find((h) => ord(h) < ord(found[i]));
      if (!later) continue;
      const u = unsureOf(later, found[i]);
      context.report({
        messageId: 'outOfOrder',
        data: { title: titleOf(later.section!), before: titleOf(found[i].section!), note: u.note },
        span: later.span,
        severity: u.severity,
      });
    }

    // Numbering: one message for a whole shifted sequence, else one per misnumbered heading.
    const wrong = found.filter((h) => h.ordinal !== undefined && h.ordinal !== ord(h));
    if (wrong.length === 0) return;
    const deltas = new Set(wrong.map((h) => h.ordinal! - ord(h)));
    const numbered = found.filter((h) => h.ordinal !== undefined);
    if (wrong.length >= 2 && deltas.size === 1 && wrong.length === numbered.filter((h) => ord(h) >= ord(wrong[0])).length) {
      const h = wrong[0];
      const u = unsureOf(...wrong);
      context.report({
        messageId: 'shifted',
        data: { title: titleOf(h.section!), expected: CN[ord(h)], found: h.numbering ?? '', note: u.note },
        span: h.span,
        severity: u.severity,
      });
      return;
    }
    for (const h of wrong) {
      const u = unsureOf(h);
      context.report({
        messageId: 'misnumbered',
        data: { title: titleOf(h.section!), expected: CN[ord(h)], found: h.numbering ?? '', note: u.note },
        span: h.span,
        severity: u.severity,
      });
    }
  },
};

function titleOf(key: string): string {
  return SECTIONS.find((s) => s.key === key)!.title.replace(/^[一二三四五六]、/, '');
}

/**
 * The introduction's "本报告由N个部分组成" (read by the model: report.partCount) against the parts
 * it lists in the same sentence, and against the report's parts: the length of the numbered
 * sequence 一、二、… that starts at 一 (pasted pages with their own "一、" do not extend it).
 */
function checkPartCount(report: Report, context: RuleContext): void {
  const part = report.partCount;
  if (!part) return;
  if (part.listed !== undefined && part.listed !== part.stated) {
    context.report({ messageId: 'partListCount', data: { stated: part.numberText, listed: part.listed }, span: part.span, legalBasis: null });
  }
  let actual = 0;
  for (const h of report.headings) if (h.ordinal === actual + 1) actual++;
  if (actual === 0 || actual === part.stated) return;
  context.report({ messageId: 'partCount', data: { stated: part.numberText, actual }, span: part.span, legalBasis: null });
}

export default rule;
