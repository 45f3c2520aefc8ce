import type { Fix, Rule } from '../engine/types.js';
import type { PeriodStatement } from '../model/report.js';
import { eraNamed } from '../templates/eras.js';
import { docsUrl } from './shared/docs.js';
import { unsure } from './shared/confidence.js';
import { defineCatalog, t } from '../i18n/format.js';

const TEXT = defineCatalog('rule:statistics-period', {
  periodOfYear: { 'zh-CN': '自{{year}}年1月1日起至{{year}}年12月31日止', en: '1 Jan – 31 Dec {{year}}' },
  periodOfReportYear: { 'zh-CN': '为报告年度的1月1日至12月31日', en: '1 Jan – 31 Dec of the report year' },
});

/**
 * The report must say which period its figures cover, and that period is the report year,
 * 1月1日 to 12月31日. A statement naming another year gets a fix when only the year is wrong.
 */
const rule: Rule = {
  meta: {
    id: 'statistics-period',
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      summary: 'the 统计时限 statement exists and covers 1月1日–12月31日 of the report year; a wrong year has a fix',
      configComment: ['统计时限须为报告年度1月1日至12月31日（可自动修复年份）。'],
      description: {
        'zh-CN': '须写明统计时限，且为报告年度1月1日至12月31日',
        en: 'The statistics period must be stated and be 1 Jan – 31 Dec of the report year',
      },
      url: docsUrl('statistics-period'),
      legalBasis: { 'zh-CN': '《政府信息公开条例》第四十九条、第五十条', en: 'Regulations on Open Government Information, arts. 49–50' },
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    fixable: 'code',
    messages: {
      missing: {
        'zh-CN': '未写明统计时限：应说明本报告所列数据的统计期限{{expected}}',
        en: 'No statistics period is stated: the report should say its figures cover {{expected}}',
      },
      empty: {
        'zh-CN': '统计时限「{{found}}」没有写明起止日期：应写明统计期限{{expected}}',
        en: 'The statistics period "{{found}}" has no dates: it should be {{expected}}',
      },
      garbled: {
        'zh-CN': '统计时限「{{found}}」中的日期残缺或错位（年、月、日缺失），无法识别：应写明统计期限{{expected}}',
        en: 'The dates of the statistics period "{{found}}" are garbled (year, month or day missing) and cannot be read: it should be {{expected}}',
      },
      wrongYear: {
        'zh-CN': '统计时限「{{found}}」与报告年度 {{year}} 年不符，应为 {{year}}年1月1日至{{year}}年12月31日{{note}}',
        en: 'The statistics period "{{found}}" does not match the report year {{year}}; it should be 1 Jan – 31 Dec {{year}}{{note}}',
      },
      wrongRange: {
        'zh-CN': '统计时限「{{found}}」不是完整的自然年度，应为{{expected}}{{note}}',
        en: 'The statistics period "{{found}}" is not a full calendar year; it should be {{expected}}{{note}}',
      },
    },
  },
  check(report, context) {
    const year = report.year?.value;
    const expected = (y: number | undefined) => (y ? t(TEXT, 'periodOfYear', context.locale, { year: y }) : t(TEXT, 'periodOfReportYear', context.locale));
    // A statement whose dates were left blank is the defect itself, wherever it stands.
    for (const e of report.emptyPeriods)
      context.report({ messageId: 'empty', data: { found: context.quote(e.span) ?? e.text, expected: expected(year) }, span: e.span });
    if (report.periods.length === 0) {
      // "统计时限为本年度1月1日至12月31日": stated, and the report's own year by its words.
      if (report.emptyPeriods.length || report.relativePeriods.length) return;
      // The sentence is there but its dates are broken: say so at it, not "no period stated".
      const garbled = report.garbledPeriods[0];
      if (garbled) {
        context.report({ messageId: 'garbled', data: { found: context.quote(garbled.span) ?? garbled.text, expected: expected(year) }, span: garbled.span });
        return;
      }
      const at = report.title?.span ?? { start: report.span.start, end: report.span.start };
      // An era that prescribed no format (the 2008 regulation): a report without the sentence is
      // incomplete (its figures cannot be dated), not in breach of a template — a warning.
      const { statisticsPeriod } = eraNamed(report.era);
      if (!statisticsPeriod.required)
        context.report({ messageId: 'missing', data: { expected: expected(year) }, span: at, legalBasis: statisticsPeriod.legalBasis, severity: 'warn' });
      else context.report({ messageId: 'missing', data: { expected: expected(year) }, span: at });
      return;
    }
    // A calendar year stated somewhere: a shorter window elsewhere dates another figure
    // ("门户网站访问量统计时间为…至11月30日"), not the report's period.
    const calendarYear = report.periods.some((p) => isCalendarYear(p));
    for (const p of report.periods) {
      const startYear = p.start.year;
      const endYear = p.end.year ?? startYear;
      const fullYear = p.start.month === 1 && p.start.day === 1 && p.end.month === 12 && p.end.day === 31 && endYear === startYear;
      // A year taken from the period itself cannot be checked against it.
      const knownYear = year !== undefined && report.year?.source !== 'period' ? year : undefined;
      // Dates read without 统计期限 (or a year alone) are an inferred period: a warning that asks to check, no fix.
      const { note, severity } = unsure(p.confidence, 'period', context.locale);
      if (
        knownYear !== undefined &&
        (startYear !== knownYear || endYear !== knownYear) &&
        p.start.month === 1 &&
        p.start.day === 1 &&
        p.end.month === 12 &&
        p.end.day === 31
      ) {
        context.report({
          messageId: 'wrongYear',
          data: { found: context.quote(p.span) ?? p.text, year: knownYear, note },
          span: p.span,
          fix: severity ? undefined : yearFix(context.text, p, knownYear),
          severity,
        });
      } else if (!fullYear && !calendarYear) {
        context.report({
          messageId: 'wrongRange',
          data: { found: context.quote(p.span) ?? p.text, expected: expected(knownYear ?? startYear), note },
          span: p.span,
          severity,
        });
      }
    }
  },
};

/** 1月1日 to 12月31日 of one year. */
function isCalendarYear(p: PeriodStatement): boolean {
  return p.start.month === 1 && p.start.day === 1 && p.end.month === 12 && p.end.day === 31 && (p.end.year ?? p.start.year) === p.start.year;
}

/** Rewrite every year number of the statement; one fix spanning the first to the last year. */
function yearFix(text: string, p: PeriodStatement, year: number): Fix | undefined {
  const spans = p.yearSpans.filter((s) => s.end > s.start);
  if (!spans.length) return undefined;
  const start = spans[0].start;
  const end = spans[spans.length - 1].end;
  let out = '';
  let cursor = start;
  for (const s of spans) {
    const written = text.slice(s.start, s.end);
    out += text.slice(cursor, s.start) + (/^\d{4}$/.test(written) ? String(year) : toChineseYear(year));
    cursor = s.end;
  }
  out += text.slice(cursor, end);
  return { range: [start, end], text: out };
}

function toChineseYear(y: number): string {
  return [...String(y)].map((d) => '〇一二三四五六七八九'[Number(d)]).join('');
}

export default rule;
