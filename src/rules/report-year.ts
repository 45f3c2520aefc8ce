import type { Rule } from '../engine/types.js';
import type { YearLead } from '../model/report.js';
import { docsUrl } from './shared/docs.js';

/**
 * The body narrates another year as if it were the reporting year: a sentence opening with
 * "2015年，我办已…" in the 2014 report, or "截至2020年底，…" in the 2021 report (a paragraph
 * copied from last year's report and not updated). Only the two years beside the report year are
 * considered, and only sentences that read as the year's record:
 * - the next year, stated as done (已, 完成, 共…), with no plan word (将, 计划, 拟, 下一步 …);
 * - the previous year, with no comparison (同比, 相比, 上年, 以来 …) and without the report year or
 *   本年/今年 in the same sentence.
 * Older years are history, later ones plans; 统计期限 sentences are statistics-period's business.
 * The words of each sentence (plan, done, comparison …) are read by the model (YearLead.traits).
 */
const rule: Rule = {
  meta: {
    id: 'report-year',
    type: 'problem',
    defaultSeverity: 'warn',
    docs: {
      summary:
        'a sentence opening with the next year stated as done ("2015年，我办已…" in the 2014 report) or the previous year with no comparison (copied text); plans, comparisons, 以来, titles are fine',
      configComment: ['正文把其他年份当作报告年度叙述（如2014年度报告写“2015年，我办已…”）。'],
      description: {
        'zh-CN': '正文不得把其他年份当作报告年度叙述（如2014年度报告中写“2015年，我办已…”）',
        en: 'The body must not narrate another year as the reporting year ("2015年，我办已…" in the 2014 report)',
      },
      url: docsUrl('report-year'),
      legalBasis: {
        'zh-CN': '《政府信息公开条例》第四十九条、第五十条（报告上一年度的工作）',
        en: 'Regulations on Open Government Information, arts. 49–50 (the report covers the previous year)',
      },
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    hasSuggestions: true,
    messages: {
      nextYear: {
        'zh-CN': '「{{sentence}}」以 {{found}} 年叙述已完成的工作，但本报告是 {{year}} 年度报告：年份可能写错，应为 {{year}} 年',
        en: '"{{sentence}}" narrates work done in {{found}}, but this is the report for {{year}}: the year is probably wrong and should be {{year}}',
      },
      previousYear: {
        'zh-CN': '「{{sentence}}」以 {{found}} 年叙述本年工作，但本报告是 {{year}} 年度报告：可能沿用了上年报告的文字，应为 {{year}} 年',
        en: '"{{sentence}}" narrates the year as {{found}}, but this is the report for {{year}}: probably copied from last year\'s report; it should be {{year}}',
      },
      statedYear: {
        'zh-CN': '「{{sentence}}」称报告的是 {{found}} 年度，但本报告是 {{year}} 年度报告：可能沿用了上年报告的引言，应为 {{year}} 年',
        en: '"{{sentence}}" says the report covers {{found}}, but this is the report for {{year}}: probably last year\'s introduction; it should be {{year}}',
      },
      useReportYear: {
        'zh-CN': '改为 {{year}} 年',
        en: 'Change it to {{year}}',
      },
    },
  },
  check(report, context) {
    const year = report.year?.value;
    if (year === undefined) return;
    // A year read only from the statistics period (no title) may itself be the stale one; trust it
    // when the 落款 date confirms it (signed in the following year).
    if (report.year?.source === 'period' && report.signature?.year !== year + 1) return;
    // A year guessed from the years the prose narrates cannot judge those years.
    if (report.year?.source === 'prose') return;
    // "现将2023年度…报告如下" in the 2024 report. Not when the year itself came from the
    // introduction (the recognizer read it from one of these sentences).
    if (report.year?.source === 'title' || report.year?.source === 'override') {
      for (const stated of report.statedYears) {
        if (stated.year === year) continue;
        context.report({
          messageId: 'statedYear',
          data: { sentence: excerpt(stated.sentence), found: stated.year, year },
          span: stated.yearSpan,
          suggest: yearSuggestion(context.text, stated, year),
        });
      }
    }
    for (const lead of report.yearLeads) {
      const messageId = judge(lead, year);
      if (!messageId) continue;
      context.report({
        messageId,
        data: { sentence: excerpt(lead.sentence), found: lead.year, year },
        span: lead.yearSpan,
        suggest: yearSuggestion(context.text, lead, year),
      });
    }
  },
};

/** Replace the written year with the report year (a suggestion: the whole sentence may be stale). */
function yearSuggestion(text: string, lead: YearLead, year: number) {
  const written = text.slice(lead.yearSpan.start, lead.yearSpan.end);
  return /^\d{4}$/.test(written)
    ? [{ messageId: 'useReportYear', data: { year }, fix: { range: [lead.yearSpan.start, lead.yearSpan.end] as [number, number], text: String(year) } }]
    : undefined;
}

function judge(lead: YearLead, year: number): 'nextYear' | 'previousYear' | undefined {
  const t = lead.traits;
  if (t.period) return undefined;
  if (lead.year === year + 1) return !t.plan && t.done ? 'nextYear' : undefined;
  if (lead.year === year - 1) {
    const mentionsReportYear = t.mentionsCurrentYear || t.years.includes(year);
    return !mentionsReportYear && !t.comparison && !t.plan ? 'previousYear' : undefined;
  }
  return undefined;
}

function excerpt(s: string): string {
  const chars = [...s.replace(/^[（(][^)）]*[)）]|^\d{1,2}[.、．]/, '')];
  return chars.length > 30 ? `${chars.slice(0, 30).join('')}…` : chars.join('');
}

export default rule;
