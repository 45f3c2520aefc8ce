import type { MappedText } from './mapped-text.js';
import type { DateMention, FeeClaim, FeeFigure, PeriodStatement, YearLead } from './report.js';
import { DATE_SRC, MD_SRC, YEAR_SRC, parseDatePart } from './text-utils.js';

/*
 * Claims read from a report's prose (whitespace-folded, line wraps joined), each with the span
 * of the words in the original file.
 */

const PERIOD_KEYWORD = '(?:统计(?:时限|期限|时间|时段|区间|周期|范围|起止时间)|数据(?:的)?(?:统计)?(?:时间|期限|时限|起止时间)(?:范围|段)?)';
const RANGE_SEP = '(?:至|到|—|－|-|~|～|–)';
const PERIOD_RE = new RegExp(`${PERIOD_KEYWORD}[^。；\\n]{0,20}?${DATE_SRC}(?:起)?${RANGE_SEP}(?:${YEAR_SRC}年)?${MD_SRC}月${MD_SRC}日(?:止)?`, 'g');

/** 统计时限 statements: "统计期限自2021年1月1日起至2021年12月31日止", "从2024年1月1日到12月31日止" … */
export function findPeriods(prose: MappedText): PeriodStatement[] {
  const out: PeriodStatement[] = [];
  for (const m of prose.text.matchAll(PERIOD_RE)) {
    const at = m.index!;
    const text = m[0];
    // Locate each group inside the match to map its original span.
    const groups = locateGroups(text, m.slice(1));
    const [y1, m1, d1, y2, m2, d2] = m.slice(1);
    const startYear = parseDatePart(y1);
    const startMonth = parseDatePart(m1);
    const startDay = parseDatePart(d1);
    const endMonth = parseDatePart(m2);
    const endDay = parseDatePart(d2);
    if (startYear === undefined || startMonth === undefined || startDay === undefined || endMonth === undefined || endDay === undefined) continue;
    const sp = (g: number) => prose.spanOf(at + groups[g].from, at + groups[g].to);
    const yearSpans = [sp(0)];
    if (y2) yearSpans.push(sp(3));
    out.push({
      span: prose.spanOf(at, at + text.length),
      text,
      start: { year: startYear, month: startMonth, day: startDay, span: prose.spanOf(at + groups[0].from, at + groups[2].to + 1) },
      end: { year: y2 ? parseDatePart(y2) : undefined, month: endMonth, day: endDay, span: prose.spanOf(at + (y2 ? groups[3].from : groups[4].from), at + groups[5].to + 1) },
      yearSpans,
    });
  }
  return out;
}

/** "统计时间截至2024年12月31日": only the end is written; the start is the year's 1月1日. */
const PERIOD_END_ONLY_RE = new RegExp(`${PERIOD_KEYWORD}[^。；\\n]{0,20}?截[至止]${YEAR_SRC}年${MD_SRC}月${MD_SRC}日`, 'g');
export function findEndOnlyPeriods(prose: MappedText): PeriodStatement[] {
  const out: PeriodStatement[] = [];
  for (const m of prose.text.matchAll(PERIOD_END_ONLY_RE)) {
    const [y, mo, d] = m.slice(1).map((g) => parseDatePart(g!));
    if (y === undefined || mo === undefined || d === undefined) continue;
    const at = m.index!;
    const groups = locateGroups(m[0], m.slice(1));
    const yearSpan = prose.spanOf(at + groups[0].from, at + groups[0].to);
    const endSpan = prose.spanOf(at + groups[0].from, at + m[0].length);
    out.push({ span: prose.spanOf(at, at + m[0].length), text: m[0], start: { year: y, month: 1, day: 1, span: endSpan }, end: { year: y, month: mo, day: d, span: endSpan }, yearSpans: [yearSpan] });
  }
  return out;
}

/** A date range Jan 1 – Dec 31 without a 统计 keyword (accepted as the period statement when nothing better exists). */
const BARE_RANGE_RE = new RegExp(`${DATE_SRC}(?:起)?${RANGE_SEP}(?:${YEAR_SRC}年)?12月31日`, 'g');
export function findBarePeriods(prose: MappedText, from: number, to: number): PeriodStatement[] {
  const slice = prose.slice(from, to);
  const out: PeriodStatement[] = [];
  for (const m of slice.text.matchAll(BARE_RANGE_RE)) {
    const [y1, m1, d1, y2] = m.slice(1);
    if (parseDatePart(m1) !== 1 || parseDatePart(d1) !== 1) continue;
    const at = m.index!;
    const groups = locateGroups(m[0], m.slice(1));
    const yearSpans = [slice.spanOf(at + groups[0].from, at + groups[0].to)];
    if (y2) yearSpans.push(slice.spanOf(at + groups[3].from, at + groups[3].to));
    out.push({
      span: slice.spanOf(at, at + m[0].length),
      text: m[0],
      start: { year: parseDatePart(y1)!, month: 1, day: 1, span: slice.spanOf(at, at + groups[2].to + 1) },
      end: { year: y2 ? parseDatePart(y2) : undefined, month: 12, day: 31, span: slice.spanOf(at + m[0].length - 6, at + m[0].length) },
      yearSpans,
    });
  }
  return out;
}

/** Find the offsets of consecutive capture groups inside the match text (groups appear in order). */
function locateGroups(text: string, groups: (string | undefined)[]): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  let cursor = 0;
  for (const g of groups) {
    if (!g) {
      out.push({ from: cursor, to: cursor });
      continue;
    }
    const i = text.indexOf(g, cursor);
    out.push({ from: i, to: i + g.length });
    cursor = i + g.length;
  }
  return out;
}

const DATE_RE = new RegExp(DATE_SRC, 'g');
export function findDates(prose: MappedText): DateMention[] {
  const out: DateMention[] = [];
  for (const m of prose.text.matchAll(DATE_RE)) {
    const year = parseDatePart(m[1]);
    const month = parseDatePart(m[2]);
    const day = parseDatePart(m[3]);
    if (year === undefined || month === undefined || day === undefined) continue;
    out.push({ year, month, day, span: prose.spanOf(m.index!, m.index! + m[0].length) });
  }
  return out;
}

/* ------------------------------------------------------------------------------------ fees */

const NEGATION = '(?:未|没有|不|无|并未|均未|从未|未曾|未向[^，。；,;]{1,10})';
const CLAIM_RE = new RegExp(`${NEGATION}(?:收取|收缴|征收|收)过?([^，。；,;]{0,24}?)(信息处理费|费用|费)`, 'g');
/** Words that tie a no-fee statement to handling disclosure applications (信息处理费 and the like). */
const PROCESSING_WORDS = /信息处理|处理费|依申请|信息公开|政务公开|申请|此类|检索|复制|邮寄|查阅/;
const ALL_WORDS = /任何|一切|全部|所有|各类|各项/;

/**
 * Statements that no fee was charged. Only two readings are trusted: a statement about the
 * 信息处理费 / fees for handling applications ('processing'), and an unqualified statement that
 * no fee of any kind was charged ('all'). Anything vaguer is not a claim (a rule that is unsure
 * stays silent).
 */
export function findFeeClaims(prose: MappedText): FeeClaim[] {
  const out: FeeClaim[] = [];
  const text = prose.text;
  for (const m of text.matchAll(CLAIM_RE)) {
    const at = m.index!;
    const qualifier = m[1] + m[2];
    // The clause the claim stands in, back to the previous sentence boundary.
    const sentenceStart = Math.max(text.lastIndexOf('。', at), text.lastIndexOf('\n', at), text.lastIndexOf('；', at)) + 1;
    const before = text.slice(sentenceStart, at);
    let scope: FeeClaim['scope'] | undefined;
    if (PROCESSING_WORDS.test(qualifier) || m[2] === '信息处理费') scope = 'processing';
    else if (ALL_WORDS.test(qualifier)) scope = PROCESSING_WORDS.test(before) ? 'processing' : 'all';
    if (!scope) continue;
    out.push({ scope, text: m[0], span: prose.spanOf(at, at + m[0].length) });
  }
  return out;
}

const FIGURE_RE = /(?:实际|共|累计)?(?:收取|收缴|收到|实收)了?(?:政府信息公开)?(?:信息处理费|处理费)(?:共计|合计|总计|总额|金额)?为?[:：]?(\d+(?:\.\d+)?)(万元|元)|信息处理费(?:共计|合计|总计|总额|金额)?为?[:：]?(\d+(?:\.\d+)?)(万元|元)/g;

/** Amounts of 信息处理费 actually collected, stated in prose. */
export function findProcessingFeeFigures(prose: MappedText): FeeFigure[] {
  const out: FeeFigure[] = [];
  for (const m of prose.text.matchAll(FIGURE_RE)) {
    const at = m.index!;
    const pre = prose.text.slice(Math.max(0, at - 3), at);
    if (/未|没有|不$/.test(pre)) continue;
    const amount = Number(m[1] ?? m[3]);
    const unit = m[2] ?? m[4];
    out.push({ kind: 'processing', yuan: unit === '万元' ? amount * 10000 : amount, text: m[0], span: prose.spanOf(at, at + m[0].length) });
  }
  return out;
}

/* ----------------------------------------------------------------------------------- years */

/**
 * A year opening a sentence (after a sentence end, a line start, or a sub-item number such as
 * "（一）", "1.", "一是"), followed by a comma or the subject of the sentence: the way reports
 * narrate their year ("2021年，我办收到申请1件", "截至2018年底，…"). "Y年以来", "Y年1月…",
 * "Y年度报告" do not match.
 */
const LEAD_PREFIX = '(?:[（(][一二三四五六七八九十\\d]{1,3}[)）]|\\d{1,2}[.、．](?!\\d)|[一二三四五六七八九十]{1,3}[、是]|其[一二三四五][，,]?)?';
const LEAD_RE = new RegExp(`(?<=^|[\\n。；！？])${LEAD_PREFIX}(截至|截止到?)?${YEAR_SRC}年(度)?(底|末)?(?=[，,]|我|本机关|本单位|全年|共|累计)`, 'g');

/** Sentences that open with a year, for checking that the text narrates the report year. */
export function findYearLeads(prose: MappedText): YearLead[] {
  const out: YearLead[] = [];
  const text = prose.text;
  for (const m of text.matchAll(LEAD_RE)) {
    const year = parseDatePart(m[2]);
    if (year === undefined || year < 1949 || year > 2100) continue;
    const at = m.index!;
    const yearAt = at + m[0].indexOf(m[2], m[1] ? m[1].length : 0);
    // "截至2018年底" is a year-end statement; "截至2018年，" without 底/末 reads the same.
    const form: YearLead['form'] = m[1] ? 'yearEnd' : 'narrative';
    // The whole sentence: a comparison after a ；("2023年收到3件；本年收到5件") belongs to it.
    let end = text.slice(at).search(/[。！？\n]/);
    end = end === -1 ? text.length : at + end;
    out.push({ year, yearSpan: prose.spanOf(yearAt, yearAt + m[2].length), sentence: text.slice(at, end), span: prose.spanOf(at, end), form });
  }
  return out;
}
