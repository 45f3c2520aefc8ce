import type { Rule } from '../engine/types.js';
import type { Report } from '../model/report.js';
import { proseOverlap } from '../model/overlap.js';
import { fillTemplate } from '../i18n/format.js';
import { docsUrl } from './shared/docs.js';
import { joinList } from '../i18n/locales.js';

/**
 * 内容雷同: with last year's report of the same organ (`--previous`, or paired from
 * `--previous-dir`), the share of this year's prose (tables excluded) that repeats last year's word
 * for word. Above `maxShare` percent it is reported once, at the longest copied passage, naming
 * the share and the longest passages. 30号 names 内容雷同 among the faults that lead to
 * accountability; a report that only updates its year and figures is such a report.
 */
const rule: Rule = {
  meta: {
    id: 'copied-report',
    type: 'problem',
    defaultSeverity: 'warn',
    docs: {
      summary:
        "with last year's report: the share of the prose (tables and short structural lines excluded) repeating last year's word for word stays at most `maxShare` (default 60 %); the message names the share and the longest copied passages (内容雷同, 30号)",
      configComment: ['需要上年报告：正文（表格除外）与上年报告逐字雷同的比例超过 maxShare（百分比）时报告（内容雷同，30号）。'],
      description: {
        'zh-CN': '报告正文（表格除外）与上一年度报告大段雷同',
        en: "The report's prose (tables excluded) largely repeats last year's report",
      },
      url: docsUrl('copied-report'),
      legalBasis: {
        'zh-CN': '国办公开办函〔2021〕30号（内容雷同、敷衍塞责的，依法追责）',
        en: '国办公开办函〔2021〕30号 (reports that copy earlier content are grounds for accountability)',
      },
    },
    schema: {
      type: 'object',
      properties: { maxShare: { type: 'integer', minimum: 1, maximum: 100 } },
      additionalProperties: false,
    },
    defaultOptions: { maxShare: 60 },
    messages: {
      copied: {
        'zh-CN': '本报告正文（表格除外）有 {{share}}% 与 {{prevYear}} 年度报告逐字相同（上限 {{maxShare}}%），最长的雷同段落：{{passages}}',
        en: "{{share}}% of this report's prose (tables excluded) repeats the {{prevYear}} report word for word (limit {{maxShare}}%); longest copied passages: {{passages}}",
      },
      passage: { 'zh-CN': '与上年报告相同的段落（{{length}} 字）', en: 'passage identical to last year ({{length}} characters)' },
    },
  },
  check(report, context) {
    const prev = lastYear(report, context.previous);
    if (!prev) return;
    const overlap = proseOverlap(report.prose, prev.prose);
    if (!overlap) return;
    const maxShare = Number(context.options.maxShare ?? 60);
    const share = Math.round(overlap.share * 100);
    if (share <= maxShare) return;
    const [longest, ...others] = overlap.passages;
    const passages = joinList(
      overlap.passages.map((p) => `「${excerpt(p.text)}」`),
      context.locale,
    );
    context.report({
      messageId: 'copied',
      data: { share, maxShare, prevYear: prev.year?.value ?? '?', passages },
      span: longest.span,
      related: others.map((p) => ({ span: p.span, message: fillTemplate(rule.meta.messages.passage[context.locale], { length: p.length }) })),
    });
  },
};

/** Last year's report: the one for the year before; else the only one given (a copy may even keep last year's title). */
export function lastYear(report: Report, previous: readonly Report[] | undefined): Report | undefined {
  if (!previous?.length) return undefined;
  const y = report.year?.value;
  return (y !== undefined ? previous.find((r) => r.year?.value === y - 1) : undefined) ?? (previous.length === 1 ? previous[0] : undefined);
}

/** A passage shortened for the message: its first and last words. */
function excerpt(text: string): string {
  const t = text.replace(/\s+/g, '');
  return t.length <= 40 ? t : `${t.slice(0, 24)}……${t.slice(-12)}`;
}

export default rule;
