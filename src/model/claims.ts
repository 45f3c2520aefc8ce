import type { MappedText } from './mapped-text.js';
import type {
  ClaimReading,
  ClaimTerm,
  CountClaim,
  CountClaimName,
  DateMention,
  FeeClaim,
  FeeFigure,
  PartCountStatement,
  PeriodStatement,
  ProblemsSection,
  ShareList,
  TextSpan,
  YearLead,
  YearLeadTraits,
} from './report.js';
import type { Span } from './source.js';
import { DATE_SRC, MD_SRC, YEAR_SRC, chineseOrdinal, parseDatePart, trimEndChars } from './text-utils.js';
import { CN_NUMBER, ITEM_NUMBER, SUB_NUMBER_ANY_DIGITS } from '../templates/numbering.js';

/*
 * Claims read from a report's prose (whitespace-folded, line wraps joined), each with the span
 * of the words in the original file.
 */

// 数据核定时间点 / 数据截止时间 name the day the figures were taken (read as an end-only period).
const PERIOD_KEYWORD =
  '(?:统计(?:时限|期限|时间|时段|区间|周期|范围|起止时间)|统计截[至止](?:时间|日期)|数据(?:的)?(?:统计)?(?:时间|期限|时限|起止时间)(?:范围|段)?|数据(?:的)?(?:统计)?(?:核定|截止|截至)(?:时间点?|日期))';
// Dashes and tildes may be doubled ("2023年1月1日——2023年12月31日", a common way to type a long dash).
const RANGE_SEP = '(?:至|到|[—－~～–-]{1,3})';
// 起 or 始 after the start date: "自2022年1月1日始至2022年12月31日止"; the end day's 日 may be
// dropped before 止 ("至12月31止", a typo that leaves the date plain).
const PERIOD_RE = new RegExp(
  `${PERIOD_KEYWORD}[^。；\\n]{0,20}?${DATE_SRC}(?:起|始)?${RANGE_SEP}(?:${YEAR_SRC}年)?${MD_SRC}月${MD_SRC}(?:日(?:止)?|(?=止))`,
  'g',
);

/**
 * The same statement with its dates in figures: "统计期限：2022.1.1—2022.12.31", "2022/1/1至2022/12/31",
 * "2022-01-01至2022-12-31" (a date written with hyphens takes 至 or 到 between the two, never a dash).
 * Groups as PERIOD_RE's: year, month, day, end year, end month, end day.
 */
const PERIOD_FIGURES_RE = new RegExp(
  `${PERIOD_KEYWORD}[^。；\\n]{0,20}?(?:(\\d{4})[.．/](\\d{1,2})[.．/](\\d{1,2})日?(?:起|始)?${RANGE_SEP}(?:(\\d{4})[.．/])?(\\d{1,2})[.．/](\\d{1,2})(?![\\d.．/])|(\\d{4})-(\\d{1,2})-(\\d{1,2})日?(?:起|始)?(?:至|到)(?:(\\d{4})-)?(\\d{1,2})-(\\d{1,2})(?![\\d-]))日?(?:止)?`,
  'g',
);

/** 统计时限 statements: "统计期限自2021年1月1日起至2021年12月31日止", "从2024年1月1日到12月31日止" … */
export function findPeriods(prose: MappedText): PeriodStatement[] {
  const out: PeriodStatement[] = [];
  const found = [
    ...[...prose.text.matchAll(PERIOD_RE)].map((m) => ({ at: m.index, text: m[0], parts: m.slice(1) })),
    // One of the two alternatives matched: its six groups, in PERIOD_RE's order.
    ...[...prose.text.matchAll(PERIOD_FIGURES_RE)].map((m) => ({ at: m.index, text: m[0], parts: m[1] !== undefined ? m.slice(1, 7) : m.slice(7, 13) })),
  ];
  for (const { at, text, parts } of found) {
    // Locate each group inside the match to map its original span.
    const groups = locateGroups(text, parts);
    const [y1, m1, d1, y2, m2, d2] = parts;
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
      span: claimSpan(prose, at, at + text.length),
      text,
      start: { year: startYear, month: startMonth, day: startDay, span: prose.spanOf(at + groups[0].from, at + groups[2].to + 1) },
      end: {
        year: y2 ? parseDatePart(y2) : undefined,
        month: endMonth,
        day: endDay,
        span: prose.spanOf(at + (y2 ? groups[3].from : groups[4].from), at + groups[5].to + 1),
      },
      yearSpans,
    });
  }
  return out;
}

/**
 * "数据统计期限为2024年度", "统计时间：2024年全年": the whole year named, no dates. Read as 1月1日 to
 * 12月31日 of that year (its year can be checked and fixed like any other).
 */
const YEAR_ONLY_PERIOD_RE = new RegExp(`${PERIOD_KEYWORD}(?:为|是|[:：])?${YEAR_SRC}年度?(?:全年)?(?=[。；，,）)\\n]|$)`, 'dg');
/** "本报告内容涵盖县教育局2019年一年来的…工作情况": the report says it covers that whole year. */
const COVERS_YEAR_RE = new RegExp(`涵盖[^。；，,\\n\\d]{0,20}?${YEAR_SRC}年度?(?:一年来|一年以来|全年|整年)`, 'dg');
export function findYearOnlyPeriods(prose: MappedText): PeriodStatement[] {
  const out: PeriodStatement[] = [];
  for (const m of [...prose.text.matchAll(YEAR_ONLY_PERIOD_RE), ...prose.text.matchAll(COVERS_YEAR_RE)]) {
    const year = parseDatePart(m[1]);
    if (year === undefined) continue;
    const [ys, ye] = m.indices![1]!;
    const yearSpan = prose.spanOf(ys, ye);
    const whole = claimSpan(prose, m.index, m.index + m[0].length);
    out.push({
      span: whole,
      text: m[0],
      start: { year, month: 1, day: 1, span: yearSpan },
      end: { year, month: 12, day: 31, span: yearSpan },
      yearSpans: [yearSpan],
    });
  }
  return out;
}

/**
 * "统计时限为本年度1月1日至12月31日": the period of the report's own year, without its number. A
 * statement of the period (not a missing one); there is no year in it to check.
 */
const RELATIVE_PERIOD_RE = new RegExp(
  `${PERIOD_KEYWORD}[^。；\\n\\d]{0,12}?(?:本|当|今)年度?(?:的)?(?:1|一)月(?:1|一)日(?:起)?${RANGE_SEP}(?:12|十二)月(?:31|三十一)日`,
  'g',
);
export function findRelativePeriods(prose: MappedText): TextSpan[] {
  return [...prose.text.matchAll(RELATIVE_PERIOD_RE)].map((m) => ({ text: m[0], span: claimSpan(prose, m.index, m.index + m[0].length) }));
}

/**
 * A 统计期限 sentence whose dates were never filled in: "统计期限自至", "统计时限为____年__月__日至
 * ____年__月__日" (a template's blanks). Not a period statement: a defect of its own.
 */
const EMPTY_PERIOD_RE = new RegExp(
  `${PERIOD_KEYWORD}(?:为|是|[:：])?(?:自|从)?[年月日_＿]{0,12}(?:起)?${RANGE_SEP}[年月日_＿]{0,12}(?:止)?(?=[。；，,）)\\n]|$)`,
  'g',
);
export function findEmptyPeriods(prose: MappedText): TextSpan[] {
  return [...prose.text.matchAll(EMPTY_PERIOD_RE)].map((m) => ({ text: m[0], span: claimSpan(prose, m.index, m.index + m[0].length) }));
}

/**
 * A 统计期限 sentence whose dates are there but broken: "统计期限自202111日起至20211230日止",
 * "自20211月1日起至202112月31日止" (年/月 lost when the page was published). Read only as a
 * candidate: the rule takes it when no period could be read at all.
 */
const GARBLED_PERIOD_RE = new RegExp(
  `${PERIOD_KEYWORD}[^。；\\n\\d]{0,12}?(?:自|从|为)?([\\d年月日]{2,14})(?:起|始)?${RANGE_SEP}([\\d年月日]{2,14})(?:止)?`,
  'g',
);
const WHOLE_DATE_RE = new RegExp(`^${DATE_SRC}$`);
const END_DATE_RE = new RegExp(`^(?:${YEAR_SRC}年)?${MD_SRC}月${MD_SRC}日$`);
export function findGarbledPeriods(prose: MappedText): TextSpan[] {
  const out: TextSpan[] = [];
  for (const m of prose.text.matchAll(GARBLED_PERIOD_RE)) {
    if (!/\d/.test(m[1] + m[2]) || (WHOLE_DATE_RE.test(m[1]) && END_DATE_RE.test(m[2]))) continue;
    out.push({ text: m[0], span: claimSpan(prose, m.index, m.index + m[0].length) });
  }
  return out;
}

/**
 * "统计时间截至2024年12月31日", "数据核定时间点为2022年12月31日", "本报告所列数据截至2022年12月31日",
 * "统计截止时间为…", "数据统计至…", "统计时间截止于…": only the end is written; the start is the year's 1月1日.
 */
const PERIOD_END_ONLY_RE = new RegExp(
  `${PERIOD_KEYWORD}[^。；\\n]{0,20}?(?:截[至止](?:于|到)?|为|是|[:：])${YEAR_SRC}年${MD_SRC}月${MD_SRC}日(?!(?:起|始)?${RANGE_SEP})`,
  'g',
);
/**
 * "本报告所列数据截至2022年12月31日", "数据统计至…": without a period word, only at a year's end — in the
 * prose "数据截至6月30日" dates some other figure.
 */
const DATA_AS_OF_RE = new RegExp(`数据(?:截[至止]|统计(?:截[至止]|至))(?:于|到)?${YEAR_SRC}年(12|十二)月(31|三十一)日(?!(?:起|始)?${RANGE_SEP})`, 'g');
export function findEndOnlyPeriods(prose: MappedText): PeriodStatement[] {
  const out: PeriodStatement[] = [];
  for (const m of [...prose.text.matchAll(PERIOD_END_ONLY_RE), ...prose.text.matchAll(DATA_AS_OF_RE)]) {
    const [y, mo, d] = m.slice(1).map((g) => parseDatePart(g));
    if (y === undefined || mo === undefined || d === undefined) continue;
    const at = m.index;
    const groups = locateGroups(m[0], m.slice(1));
    const yearSpan = prose.spanOf(at + groups[0].from, at + groups[0].to);
    const endSpan = prose.spanOf(at + groups[0].from, at + m[0].length);
    out.push({
      span: claimSpan(prose, at, at + m[0].length),
      text: m[0],
      start: { year: y, month: 1, day: 1, span: endSpan },
      end: { year: y, month: mo, day: d, span: endSpan },
      yearSpans: [yearSpan],
    });
  }
  return out;
}

/** A date range Jan 1 – Dec 31 without a 统计 keyword (accepted as the period statement when nothing better exists). */
const BARE_RANGE_RE = new RegExp(`${DATE_SRC}(?:起|始)?${RANGE_SEP}(?:${YEAR_SRC}年)?12月31日`, 'g');
export function findBarePeriods(prose: MappedText, from: number, to: number): PeriodStatement[] {
  const slice = prose.slice(from, to);
  const out: PeriodStatement[] = [];
  for (const m of slice.text.matchAll(BARE_RANGE_RE)) {
    const [y1, m1, d1, y2] = m.slice(1);
    if (parseDatePart(m1) !== 1 || parseDatePart(d1) !== 1) continue;
    const at = m.index;
    const groups = locateGroups(m[0], m.slice(1));
    const yearSpans = [slice.spanOf(at + groups[0].from, at + groups[0].to)];
    if (y2) yearSpans.push(slice.spanOf(at + groups[3].from, at + groups[3].to));
    out.push({
      span: claimSpan(slice, at, at + m[0].length),
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
    out.push({ year, month, day, span: prose.spanOf(m.index, m.index + m[0].length) });
  }
  return out;
}

/*
 * Clause and sentence bounds, scanned over at most `limit` characters: a long line holding many
 * claims (flattened web text) stays linear, and a "clause" longer than that is no clause to read.
 */
function startBefore(text: string, at: number, stops: string, limit = 200): number {
  const floor = Math.max(0, at - limit);
  for (let i = at - 1; i >= floor; i--) if (stops.includes(text[i])) return i + 1;
  return floor;
}

function endAfter(text: string, at: number, stops: string, limit = 200): number {
  const ceiling = Math.min(text.length, at + limit);
  for (let i = at; i < ceiling; i++) if (stops.includes(text[i])) return i;
  return ceiling;
}

/**
 * A claim's words are one phrase in the prose, but in the file whatever the prose leaves out may
 * stand between them: an inline picture's data, a script, hidden markup, thousands of characters.
 * Its place (the range a reporter or the editor highlights) never reaches further than this.
 */
const MAX_CLAIM_EXTENT = 500;

/**
 * The place of the claim read at prose[from, to): its whole span, or, where its words lie further
 * apart in the file than MAX_CLAIM_EXTENT, the longest run of them that does not (the later one on
 * a tie: the dates and counts that claims end with).
 */
function claimSpan(prose: MappedText, from: number, to: number): Span {
  const whole = prose.spanOf(from, to);
  if (whole.end - whole.start <= MAX_CLAIM_EXTENT) return whole;
  let best = { from, to: from };
  let lo = from;
  for (let hi = from; hi < to; hi++) {
    const end = prose.offsetAt(hi) + 1;
    while (end - prose.offsetAt(lo) > MAX_CLAIM_EXTENT) lo++;
    if (hi + 1 - lo >= best.to - best.from) best = { from: lo, to: hi + 1 };
  }
  return prose.spanOf(best.from, best.to);
}

/* ------------------------------------------------------------------------------------ fees */

const NEGATION = '(?:未|没有|不|无|并未|均未|从未|未曾|未向[^，。；,;]{1,10})';
/** "未收取…费", "未产生任何收费", "未发生收费情况", "均未收费", "没有收取费用". */
const CLAIM_RE = new RegExp(`${NEGATION}(收取|收缴|征收|收|产生|发生|出现|存在)过?([^，。；,;]{0,24}?)(信息处理费|处理费|费用|收费|费)`, 'g');
/** Words that tie a no-fee statement to handling disclosure applications (信息处理费 and the like). */
const PROCESSING_WORDS = /信息处理|处理费|依申请|信息公开|政务公开|申请|此类|检索|复制|邮寄|查阅/;
const ALL_WORDS = /任何|一切|全部|所有|各类|各项/;
/** "未发生因收费引起的投诉", "未发生违规收费": about something else than whether a fee was charged. */
const NOT_ABOUT_CHARGING = /因|违规|违法|乱|超标|不合理/;
const CONSEQUENCE_AFTER = /^(?:引起|导致|引发|的投诉|投诉|举报|问题|纠纷|行为|支出|开支)/;

/**
 * Statements that no fee was charged. Only two readings are trusted: a statement about the
 * 信息处理费 / fees for handling applications ('processing'), and an unqualified statement that
 * no fee of any kind was charged ('all'). The scope comes from the words of the claim, else from
 * its sentence or the sub-heading just above ("（三）收取信息处理费情况⏎本年度未收费。"); a bare
 * "未收费" with nothing to scope it is not a claim (a rule that is unsure stays silent).
 */
export function findFeeClaims(prose: MappedText): FeeClaim[] {
  const out: FeeClaim[] = [];
  const text = prose.text;
  for (const m of text.matchAll(CLAIM_RE)) {
    const at = m.index;
    const [, verb, between, fee] = m;
    const qualifier = between + fee;
    const end = at + m[0].length;
    if (verb !== '收取' && verb !== '收缴' && verb !== '征收' && verb !== '收') {
      if (NOT_ABOUT_CHARGING.test(between) || CONSEQUENCE_AFTER.test(text.slice(end, end + 4))) continue;
    } else if (NOT_ABOUT_CHARGING.test(between)) continue;
    const context = feeContext(text, at);
    let scope: FeeClaim['scope'] | undefined;
    if (PROCESSING_WORDS.test(qualifier) || fee === '信息处理费' || fee === '处理费') scope = 'processing';
    else if (ALL_WORDS.test(qualifier)) scope = PROCESSING_WORDS.test(context) ? 'processing' : 'all';
    else if (PROCESSING_WORDS.test(context)) scope = 'processing';
    if (!scope) continue;
    out.push({ scope, text: m[0], span: claimSpan(prose, at, end) });
  }
  return out;
}

/** The clause a claim stands in (back to the previous sentence end), and the sub-heading just above it. */
function feeContext(text: string, at: number): string {
  const sentenceStart = startBefore(text, at, '。\n；');
  let context = text.slice(sentenceStart, at);
  if (text[sentenceStart - 1] === '\n') {
    const lineStart = startBefore(text, sentenceStart - 1, '\n', 32);
    const above = text.slice(lineStart, sentenceStart - 1);
    if (above.length <= 30 && !/[。；]/.test(above)) context = `${above}\n${context}`;
  }
  return context;
}

/** Words that show the 信息处理费 situation is addressed (charged, noticed, or none). */
const FEE_MENTION_RE = /信息处理费|处理费|收费通知/g;

/** Every mention of the 信息处理费 (or of 收费通知) in the prose, for fee-disclosure. */
export function findFeeMentions(prose: MappedText): TextSpan[] {
  return [...prose.text.matchAll(FEE_MENTION_RE)].map((m) => ({ text: m[0], span: prose.spanOf(m.index, m.index + m[0].length) }));
}

const FIGURE_RE =
  // redos-safe: fixed words and optional fixed words, then digits; recheck's fuzzer flags it, its attack ('实际' × 400,000) runs in 1 ms.
  /(?:实际|共|累计)?(?:收取|收缴|收到|实收)了?(?:政府信息公开)?(?:信息处理费|处理费)(?:共计|合计|总计|总额|金额)?为?[:：]?(\d+(?:\.\d+)?)(万元|元)|信息处理费(?:共计|合计|总计|总额|金额)?为?[:：]?(\d+(?:\.\d+)?)(万元|元)/g;

/** Amounts of 信息处理费 actually collected, stated in prose. */
export function findProcessingFeeFigures(prose: MappedText): FeeFigure[] {
  const out: FeeFigure[] = [];
  for (const m of prose.text.matchAll(FIGURE_RE)) {
    const at = m.index;
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
const LEAD_PREFIX = `(?:${SUB_NUMBER_ANY_DIGITS}|${ITEM_NUMBER}|${CN_NUMBER}[、是]|其[一二三四五][，,]?)?`;
/**
 * The subject an organ's or a place's name, then how it worked: "2021年临港区党政办公室严格按照…",
 * "2020年七里坪镇严格按照…" (no comma; the organ named in a short form the title does not give).
 */
const ORGAN_SUBJECT =
  '[^，,。；！？\\n]{1,16}?(?:办公室|委员会|人民政府|政府|局|委|办|中心|厅|院|镇|乡|街道|区|县|市)(?:认真|严格|深入|全面|坚持|围绕|进一步|按照|始终|持续|积极|扎实|不断|切实|聚焦|紧扣|高度重视)';
const LEAD_RE = new RegExp(
  `(?<=^|[\\n。；！？])${LEAD_PREFIX}(截至|截止到?)?${YEAR_SRC}年(度)?(底|末)?(?=[，,]|我|本机关|本单位|全年|共|累计|${ORGAN_SUBJECT})`,
  'g',
);

// 规划 as a noun — an organ's or a subject's name ("规划和自然资源局", "规划信息", "规划许可") — plans nothing.
const PLAN = /(?<!已)将|计划|拟|力争|预计|争取|打算|准备|下一步|明年|新的一年|目标是|规划(?![和与及]?(?:自然资源|国土|局|信息|许可|用地|管理|部门|分局|委))/;
const DONE = /已|完成|了|共|累计|收到|办理|发布|公开|制定|印发|召开|开展/;
/**
 * Words that make a sentence opening with last year a comparison or a history, not last year's
 * record copied. "较2022年增加12条" after "2023年，" is not among them: comparing 2023 with 2022 is
 * exactly what last year's report said.
 */
const COMPARISON = /同比|环比|相比|比较|上年|去年|上一年|以来|起至|至今|持平/;
const PERIOD_WORDS = /统计(?:时限|期限|时间)|数据统计/;
const YEAR_IN_SENTENCE = new RegExp(`${YEAR_SRC}年`, 'g');

function yearTraits(sentence: string): YearLeadTraits {
  return {
    plan: PLAN.test(sentence),
    done: DONE.test(sentence),
    comparison: COMPARISON.test(sentence),
    period: PERIOD_WORDS.test(sentence),
    mentionsCurrentYear: /本年|今年|当年|全年度/.test(sentence),
    years: [...sentence.matchAll(YEAR_IN_SENTENCE)].map((m) => parseDatePart(m[1])).filter((y): y is number => y !== undefined),
  };
}

/** Sentences that open with a year, for checking that the text narrates the report year. */
export function findYearLeads(prose: MappedText): YearLead[] {
  const out: YearLead[] = [];
  const text = prose.text;
  for (const m of text.matchAll(LEAD_RE)) {
    const year = parseDatePart(m[2]);
    if (year === undefined || year < 1949 || year > 2100) continue;
    const at = m.index;
    const yearAt = at + m[0].indexOf(m[2], m[1] ? m[1].length : 0);
    // "截至2018年底" is a year-end statement; "截至2018年，" without 底/末 reads the same.
    const form: YearLead['form'] = m[1] ? 'yearEnd' : 'narrative';
    // The whole sentence: a comparison after a ；("2023年收到3件；本年收到5件") belongs to it.
    const end = endAfter(text, at, '。！？\n', 400);
    const sentence = text.slice(at, end);
    out.push({ year, yearSpan: prose.spanOf(yearAt, yearAt + m[2].length), sentence, span: claimSpan(prose, at, end), form, traits: yearTraits(sentence) });
  }
  return out;
}

/** "2014年" as the year a sentence is about: not a date (年M月), not a span's end (至2014年), not a long number. */
const NARRATED_YEAR = /(?<![\d至到-])(\d{4})年(?!\d{1,2}月|[\d〇○零一二三四五六七八九十]{1,2}月)/g;
/** The narrated year must be named this often and make at least this share of all years named. */
const MIN_NARRATED = 2;
const NARRATED_SHARE = 0.5;

/**
 * The year a report without title, year in its introduction or 统计期限 is about, from the years its
 * prose narrates ("2014年，按照…", "本单位2014年度没有收到…"): the one named most, when it is named
 * at least twice and makes half of all years named. A guess (ReportYear source 'prose').
 */
export function findNarratedYear(prose: MappedText): { year: number; span: Span } | undefined {
  const counts = new Map<number, { n: number; span: Span }>();
  let all = 0;
  for (const m of prose.text.matchAll(NARRATED_YEAR)) {
    const year = Number(m[1]);
    if (year < 1949 || year > 2100) continue;
    all++;
    const seen = counts.get(year);
    if (seen) seen.n++;
    else counts.set(year, { n: 1, span: prose.spanOf(m.index, m.index + 4) });
  }
  let best: { year: number; n: number; span: Span } | undefined;
  for (const [year, { n, span }] of counts) if (!best || n > best.n) best = { year, n, span };
  if (!best || best.n < MIN_NARRATED || best.n < all * NARRATED_SHARE) return undefined;
  // Two years named equally often: no guess.
  if ([...counts.values()].filter((c) => c.n === best.n).length > 1) return undefined;
  return { year: best.year, span: best.span };
}

/* ----------------------------------------------------------------------------- share lists */

/** A total that a list breaks down: "…信息57条：其中", "共收到申请12件，其中". */
const SHARE_TOTAL_RE = /(\d{1,7})(条|件|篇|个)(?:[:：]|[，,]?其中)/g;
/** One part with its share: "通知公告4条，占信息总量的7.02%", "办事指南2条,信息总量的3.50%". */
const SHARE_ITEM_RE = /(\d{1,7})(条|件|篇|个)[，,]?[^\d%％，,；;。:：]{0,14}?(\d{1,3}(?:\.(\d{1,3}))?)[%％]/g;
/** A list needs this many parts with shares. */
const MIN_SHARE_ITEMS = 2;

/**
 * Totals broken down with shares in one sentence: the parts after the total (same measure word),
 * kept only when they add up to the total — then every share's base is that total for certain.
 */
export function findShareLists(prose: MappedText): ShareList[] {
  const out: ShareList[] = [];
  const text = prose.text;
  for (const t of text.matchAll(SHARE_TOTAL_RE)) {
    const from = t.index + t[0].length;
    const end = endAfter(text, from, '。\n', 600);
    const unit = t[2];
    const items: ShareList['items'] = [];
    // Only the sentence is searched (a slice: the search never runs on past it).
    for (const m of text.slice(from, end).matchAll(SHARE_ITEM_RE)) {
      if (m[2] !== unit) continue;
      const stop = from + m.index + m[0].length;
      const at = stop - m[3].length - 1;
      items.push({ count: Number(m[1]), percent: Number(m[3]), decimals: m[4]?.length ?? 0, text: m[0], span: prose.spanOf(at, stop) });
    }
    const total = Number(t[1]);
    if (items.length >= MIN_SHARE_ITEMS && total > 0 && items.reduce((a, i) => a + i.count, 0) === total)
      out.push({ total, unit, totalSpan: prose.spanOf(t.index, t.index + t[1].length + 1), items });
  }
  return out;
}

/* ----------------------------------------------------------------------------------- counts */

/** A count: Arabic digits or a small Chinese number ("两件", "十二件"). */
const NUM = '(\\d+|[一二三四五六七八九十两]{1,3})';
const SHARE = '(?:共|共计|合计|总计|总数|数量)?为?';
/** The rest of the noun 依申请公开(政府)信息 after its 申请 ("依申请信息公开" also occurs). */
const APPLICATION_NOUN_END = '(?:(?<=依申请)(?:公开)?(?:政府)?(?:信息)?(?:公开)?)?';

/**
 * Words between 收到/受理 and 申请 that make it another kind of application, or only one
 * channel's share ("收到网上申请8件、信函申请4件" are parts, not the total).
 */
const OTHER_KIND = /复议|诉讼|提案|建议|来信|投诉|补正|信访|网上|网络|在线|信函|邮寄|当面|现场|传真|电子邮件|邮件|电话/;
/** A clause about results of review/litigation (纠错, 败诉), not about whether there were cases. */
const RESULT_WORDS = /纠错|败诉|撤销|确认违法|被纠正|纠正/;
/** A region's or several organs' totals ("全市", "各级行政机关", "市本级"), not necessarily this table's. */
const REGION_WORDS = /全(?:省|市|州|盟|区|县|旗)|各(?:级|地|部门|单位|区|县|乡镇|街道)|市本级|区本级|县本级|汇总/;
/** Publishing counts and catalogues of items: not the number of decisions in table 二. */
const PUBLISHING_WORDS = /公开|公示|发布|推送|事项|清单|目录|信息/;

const cell = (row: string, col = 'total'): ClaimTerm => ({ table: 'applications', row, col });
const group = (g: string): ClaimTerm => ({ table: 'applications', group: g, col: 'total' });
const reviewCell = (col: string): ClaimTerm => ({ table: 'review', row: 'data', col });
const activeCell = (row: string, col: string): ClaimTerm => ({ table: 'active', row, col });

/** Reason words naming one item of a group ("因本机关不掌握等原因无法提供"), by item key. */
const ITEM_WORDS: Record<string, [RegExp, string][]> = {
  refused: [
    [/国家秘密/, 'refused.stateSecret'],
    [/法律行政法规禁止|法律法规禁止/, 'refused.prohibitedByLaw'],
    [/三安全一稳定|危及/, 'refused.threeSecurity'],
    [/第三方/, 'refused.thirdParty'],
    [/内部事务/, 'refused.internalAffairs'],
    [/过程性/, 'refused.processInfo'],
    [/执法案卷/, 'refused.enforcementFile'],
    [/行政查询|查询事项/, 'refused.queryMatter'],
  ],
  unavailable: [
    [/不掌握|机关掌握/, 'unavailable.notHeld'],
    [/另行制作|没有现成/, 'unavailable.needsCreation'],
    [/补正|不明确/, 'unavailable.unclear'],
  ],
  notProcessed: [
    [/信访|举报|投诉/, 'notProcessed.petition'],
    [/大量反复/, 'notProcessed.massRepeated'],
    [/重复申请/, 'notProcessed.repeated'],
    [/出版物/, 'notProcessed.publication'],
    [/确认|重新出具/, 'notProcessed.confirmation'],
  ],
};
const GROUP_ITEMS: Record<string, string[]> = Object.fromEntries(Object.entries(ITEM_WORDS).map(([g, list]) => [g, list.map(([, k]) => k)]));
/** A result category right before 答复 ("同意公开答复9件", "不予公开答复2件"): the count is that result's, not all replies'. */
const RESULT_BEFORE_REPLY = /(?:予以|同意|部分|不予)公开(?:的)?$|无法提供$|不予处理$|其他处理$/;
/** A reason phrase before the group's name: the count may be one item's. */
const REASON_MARK = /因|由于|属于|涉及|原因|系/;

interface CountPattern {
  name: CountClaimName;
  re: RegExp;
  /** The readings, given the clause before the match and the match; undefined drops the match. */
  readings(before: string, m: RegExpMatchArray): ClaimReading[] | undefined;
}

const one = (key: string, ...terms: ClaimTerm[]): ClaimReading[] => [{ key, terms }];

/** The readings of a group count: the group, or (after a reason phrase) one of its items. */
function groupReadings(g: string, before: string): ClaimReading[] {
  const out: ClaimReading[] = [{ key: `group:${g}`, terms: [group(g)] }];
  if (!REASON_MARK.test(before)) return out;
  const named = ITEM_WORDS[g].filter(([re]) => re.test(before)).map(([, k]) => k);
  for (const k of named.length ? named : GROUP_ITEMS[g]) out.push({ key: `item:${k}`, terms: [cell(k)] });
  return out;
}

/** In priority order: a number claimed by an earlier pattern is not read again by a later one. */
const COUNT_PATTERNS: CountPattern[] = [
  {
    name: 'grantedOrPartly',
    re: new RegExp(`(?:予以|同意|全部)?公开(?:及|和|与|或|、|以及)部分公开(?:的)?(?:申请)?${SHARE}${NUM}件`, 'gd'),
    readings: () => one('grantedOrPartly', cell('granted'), cell('partlyGranted')),
  },
  {
    name: 'received',
    // redos-safe: fixed words around one lazy gap of at most 14 characters (recheck times out proving it; 800,000-character attacks run in milliseconds).
    // 申请 may end the noun 依申请公开 ("收到依申请公开政府信息N件", "收到依申请信息公开N件"): the same count.
    re: new RegExp(`(?:(?:新|共|共计|累计|全年|本年度?|依法)?(收到|受理|接收)|(新收))([^，。；,;]{0,14}?)申请${APPLICATION_NOUN_END}${SHARE}${NUM}件`, 'gd'),
    readings: (before, m) => {
      // "其中市政府办公厅收到申请N件": one unit's part of a region's total.
      if (OTHER_KIND.test(m[3] ?? '') || /其中/.test(before)) return undefined;
      // 新收 is row 一; 收到/受理 may or may not include the applications carried over.
      if (m[2] || /新收|新受理|新接收/.test(m[0])) return one('newReceived', cell('newReceived'));
      return [...one('newReceived', cell('newReceived')), ...one('newPlusCarried', cell('newReceived'), cell('carriedOver'))];
    },
  },
  {
    name: 'carriedOver',
    re: new RegExp(`上年度?结转(?:的)?(?:政府信息公开)?(?:申请)?${SHARE}${NUM}件`, 'gd'),
    readings: () => one('carriedOver', cell('carriedOver')),
  },
  {
    name: 'carryForward',
    re: new RegExp(`结转(?:至|到)?下(?:一)?年度?(?:继续办理)?(?:的)?(?:申请)?${SHARE}${NUM}件`, 'gd'),
    readings: () => one('carryForward', cell('carryForward')),
  },
  {
    name: 'completed',
    re: new RegExp(`(?:办结|答复)(?:政府信息公开)?(?:申请)?${SHARE}${NUM}件`, 'gd'),
    // "上年结转的申请已办结1件", "其中…答复2件": a part, not the (七)总计; "同意公开答复9件": one result's count (read below).
    readings: (before) =>
      /结转|其中|复议|诉讼|提案|建议|按时|按期|逾期/.test(before) || RESULT_BEFORE_REPLY.test(before) ? undefined : one('resultTotal', cell('resultTotal')),
  },
  {
    name: 'handled',
    re: new RegExp(`(?:共|累计|全年|依法)?办理(?:了)?(?:政府信息公开|依申请公开)?申请${SHARE}${NUM}件`, 'gd'),
    // "办理申请N件" may count the applications received, received + carried over, or concluded.
    readings: (before) =>
      /其中|复议|诉讼|提案|建议/.test(before)
        ? undefined
        : [
            ...one('newReceived', cell('newReceived')),
            ...one('newPlusCarried', cell('newReceived'), cell('carriedOver')),
            ...one('resultTotal', cell('resultTotal')),
          ],
  },
  { name: 'granted', re: new RegExp(`(?:予以|同意)公开(?:答复)?(?:的|类)?${SHARE}${NUM}件`, 'gd'), readings: () => one('granted', cell('granted')) },
  { name: 'partlyGranted', re: new RegExp(`部分公开(?:答复)?(?:的|类)?${SHARE}${NUM}件`, 'gd'), readings: () => one('partlyGranted', cell('partlyGranted')) },
  { name: 'refused', re: new RegExp(`不予公开(?:答复)?(?:的|类)?${SHARE}${NUM}件`, 'gd'), readings: (b) => groupReadings('refused', b) },
  { name: 'unavailable', re: new RegExp(`无法提供(?:答复)?(?:的|类)?${SHARE}${NUM}件`, 'gd'), readings: (b) => groupReadings('unavailable', b) },
  { name: 'notProcessed', re: new RegExp(`不予处理(?:答复)?(?:的|类)?${SHARE}${NUM}件`, 'gd'), readings: (b) => groupReadings('notProcessed', b) },
  {
    name: 'review',
    re: new RegExp(`(?:被申请|提起|发生|收到)?行政复议(?:申请|案件)?${SHARE}${NUM}(?:件|起|宗)`, 'gd'),
    readings: () => one('review', reviewCell('review.total')),
  },
  {
    name: 'litigation',
    re: new RegExp(`(?:被提起|提起|发生)?行政诉讼(?:案件)?${SHARE}${NUM}(?:件|起|宗)`, 'gd'),
    readings: () => one('litigation', reviewCell('litigationDirect.total'), reviewCell('litigationAfterReview.total')),
  },
  // Table 二 (2021 layout): 规范性文件 made / repealed / in force, decisions on 许可/处罚/强制.
  {
    name: 'docsMade',
    re: new RegExp(`(?:制发|印发|出台|制定)了?(?:行政)?规范性文件${SHARE}${NUM}件`, 'gd'),
    readings: () => one('docsMade', activeCell('normativeDocs', 'made')),
  },
  {
    name: 'docsRepealed',
    re: new RegExp(`废止了?(?:(?:行政)?规范性文件)?${SHARE}${NUM}件`, 'gd'),
    readings: (b, m) => (/规范性文件/.test(b + m[0]) && !/规章/.test(b) ? one('docsRepealed', activeCell('normativeDocs', 'repealed')) : undefined),
  },
  {
    name: 'docsValid',
    re: new RegExp(`现行有效(?:的)?(?:(?:行政)?规范性文件)?${SHARE}${NUM}件`, 'gd'),
    readings: (b, m) => (/规范性文件/.test(b + m[0]) && !/规章/.test(b) ? one('docsValid', activeCell('normativeDocs', 'valid')) : undefined),
  },
  {
    name: 'licensing',
    re: new RegExp(`(?:作出|办理|实施)?行政许可(?:决定|审批)?${SHARE}${NUM}件`, 'gd'),
    readings: (b) => (PUBLISHING_WORDS.test(b) ? undefined : one('licensing', activeCell('licensing', 'decisions'))),
  },
  {
    name: 'penalty',
    re: new RegExp(`(?:作出|办理|实施)?行政处罚(?:决定|案件)?${SHARE}${NUM}(?:件|起)`, 'gd'),
    readings: (b) => (PUBLISHING_WORDS.test(b) ? undefined : one('penalty', activeCell('penalty', 'decisions'))),
  },
  {
    name: 'enforcement',
    re: new RegExp(`(?:作出|采取|实施)?行政强制(?:决定|措施)?${SHARE}${NUM}(?:件|起)`, 'gd'),
    readings: (b) => (PUBLISHING_WORDS.test(b) ? undefined : one('enforcement', activeCell('enforcement', 'decisions'))),
  },
];

/** Negations that claim a count of 0. */
const NONE_PATTERNS: CountPattern[] = [
  {
    name: 'received',
    re: /未(?:收到|接到|受理)([^，。；,;]{0,20}?)(?:政府信息公开)?申请/dg,
    readings: (_b, m) => (OTHER_KIND.test(m[1] ?? '') ? undefined : one('newReceived', cell('newReceived'))),
  },
  { name: 'review', re: /未(?:发生|出现|收到|产生)[^，。；,;]{0,24}?行政复议/dg, readings: () => one('review', reviewCell('review.total')) },
  {
    name: 'litigation',
    re: /未(?:发生|出现|收到|产生)[^，。；,;]{0,24}?行政诉讼|行政复议和行政诉讼(?:案件)?(?:均)?为零/dg,
    readings: () => one('litigation', reviewCell('litigationDirect.total'), reviewCell('litigationAfterReview.total')),
  },
];

const PERCENT_RE = /^[，,]?[（(]?(?:占(?:比)?[^\d，。；,;%％）)]{0,10})?(\d{1,3}(?:\.(\d{1,3}))?)[%％][)）]?/;

/**
 * Counts stated in prose that name a table quantity. Only phrasings that unmistakably name one
 * quantity (or a short list of possible ones) are read; publishing-channel counts (发布信息N条)
 * overlap and are never claims.
 */
export function findCountClaims(prose: MappedText): CountClaim[] {
  const text = prose.text;
  const out: CountClaim[] = [];
  const taken = new Set<number>();
  const clauseBefore = (at: number) => text.slice(startBefore(text, at, '，,。；\n'), at);
  const sentenceBefore = (at: number) => text.slice(startBefore(text, at, '。；\n'), at);
  for (const p of COUNT_PATTERNS) {
    for (const m of text.matchAll(p.re)) {
      const numAt = m.indices![m.length - 1]![0];
      if (taken.has(numAt)) continue;
      const at = m.index;
      // Table 二 follow-ons ("…规范性文件3件，废止3件") read their subject from the sentence.
      const follows = p.name === 'docsRepealed' || p.name === 'docsValid';
      const before = follows ? sentenceBefore(at) : clauseBefore(at);
      // "全市共收到申请1200件": a region's total in a government's report, whose tables may be its own.
      if (REGION_WORDS.test(sentenceBefore(at))) continue;
      const readings = p.readings(before, m);
      const value = toCount(m[m.length - 1]);
      if (!readings || value === undefined) continue;
      taken.add(numAt);
      const end = at + m[0].length;
      const claim: CountClaim = {
        name: p.name,
        value,
        form: 'number',
        readings,
        confidence: readings.length > 1 || (follows && !/规范性文件/.test(m[0])) ? 'tolerant' : 'exact',
        text: m[0],
        span: claimSpan(prose, at, end),
      };
      const pm = PERCENT_RE.exec(text.slice(end, end + 24));
      if (pm) {
        const from = end + pm[0].indexOf(pm[1]);
        claim.percent = { value: Number(pm[1]), decimals: pm[2]?.length ?? 0, text: pm[0], span: prose.spanOf(from, from + pm[1].length + 1) };
      }
      out.push(claim);
    }
  }
  for (const p of NONE_PATTERNS) {
    for (const m of text.matchAll(p.re)) {
      const at = m.index;
      // "未发生…被行政复议纠错或行政诉讼败诉的情形" is about results, not the number of cases.
      const clauseEnd = endAfter(text, at, '，。；,;\n');
      if (RESULT_WORDS.test(text.slice(at, clauseEnd))) continue;
      const readings = p.readings(clauseBefore(at), m);
      if (!readings) continue;
      out.push({ name: p.name, value: 0, form: 'none', readings, confidence: 'exact', text: m[0], span: claimSpan(prose, at, at + m[0].length) });
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

function toCount(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  return chineseOrdinal(s);
}

/* ------------------------------------------------------------------------ the year reported */

/**
 * Sentences that say which year the report covers: "现将2023年度政府信息公开工作情况报告如下",
 * "编制了2023年度政府信息公开工作年度报告", "结合2023年…工作实际，编制本报告". In a report for
 * another year they are last year's introduction, copied. Comparisons ("较2023年增长") and
 * references ("2023年度报告中提出的问题") are not among them.
 */
const STATED_YEAR_RES = [
  new RegExp(
    `(?:现将|特将|现就|编制了?|形成了?|发布|公布)(?:本机关|本单位|我[局办委厅院署])?${YEAR_SRC}年度?[^，。；\\n]{0,30}?(?:报告如下|年度报告|工作报告|年报)`,
    'dg',
  ),
  new RegExp(`结合${YEAR_SRC}年度?[^，。；\\n]{0,30}?工作实际`, 'dg'),
];

export function findStatedYears(prose: MappedText): YearLead[] {
  const out: YearLead[] = [];
  for (const re of STATED_YEAR_RES) {
    for (const m of prose.text.matchAll(re)) {
      const year = parseDatePart(m[1]);
      if (year === undefined || year < 1949 || year > 2100) continue;
      const [ys, ye] = m.indices![1]!;
      out.push({
        year,
        yearSpan: prose.spanOf(ys, ye),
        sentence: m[0],
        span: claimSpan(prose, m.index, m.index + m[0].length),
        form: 'stated',
        traits: yearTraits(m[0]),
      });
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/* ------------------------------------------------------------------------- section 五's body */

/** Words of improvement (what will be or was done about the problems), not of the problems themselves ("有待提高"). */
const MEASURE_WORDS =
  /改进|整改|措施|下一步|今后|下阶段|新的一年|将(?!来)|计划|拟|力争|针对|对策|举措|努力方向|工作打算|(?<!有待|还需|仍需|尚需|亟需|需要|需)进一步(?:完善|加强|健全|规范|提高|提升|推进|加大|拓宽|深化|强化|优化|做好)|(?:^|[。；\n])(?:[（(][一二三四五六七八九十][)）]|[一二三四五六七八九十]是)是?(?:深入|加强|完善|健全|规范|提高|强化|推进|加大|建立|做好)/;
const PROBLEM_WORDS = /问题|不足|不够|有待|欠缺|薄弱|差距|短板|不到位|不及时|不规范|滞后/;
/** A body that says nothing: "无。", "暂无", "略". */
const NOTHING = /^(?:无|没有|暂无|略|无问题)$/;

/** What the bare text of section 五 leaves out: spaces and punctuation. */
const BARE_DROPPED = /[\s。．.，,；;：:、!！？?“”"（）()]/;
const BARE_DROPPED_ALL = new RegExp(BARE_DROPPED.source, 'g');

/**
 * What section 五 (存在的主要问题及改进情况) says: 'empty' (no text, "无。", or a few characters),
 * 'problemsOnly' (problems named, nothing about improvement), or 'addressed'. `from`/`to` are
 * original offsets of the section (heading included).
 */
export function readProblemsSection(prose: MappedText, heading: { span: Span; bodySpan: Span }): ProblemsSection {
  let from = prose.indexAtOrAfter(heading.span.end);
  let to = prose.indexAtOrAfter(heading.bodySpan.end);
  if (from > to) from = to = prose.text.length;
  const body = prose.text.slice(from, to);
  // Only a body of fewer than 10 characters besides punctuation and spaces can be empty: count
  // them up to 10 before making the bare text (section 五 is often the longest prose of a report).
  let kept = 0;
  for (let i = 0; i < body.length && kept < 10; i++) if (!BARE_DROPPED.test(body[i])) kept++;
  const bare = kept < 10 ? body.replace(BARE_DROPPED_ALL, '') : undefined;
  const state: ProblemsSection['state'] =
    bare !== undefined && (NOTHING.test(bare) || !MEASURE_WORDS.test(bare))
      ? 'empty'
      : PROBLEM_WORDS.test(body) && !MEASURE_WORDS.test(body)
        ? 'problemsOnly'
        : 'addressed';
  const trimmed = trimEndChars(body.replace(/^\n+/, ''), '\n');
  const at = from + body.indexOf(trimmed);
  return { state, text: trimmed, span: trimmed ? prose.spanOf(at, at + trimmed.length) : heading.span };
}

/*
 * A count whose number was never filled in: "共主动公开条", "共收到政府信息公开申请件，". The draft
 * had a blank before the measure word and nobody wrote the figure. Only a counting verb (共, 收到,
 * 办结 …) followed, within a short phrase with no numeral, by 件/条/篇 that closes the clause; words
 * that merely end in those characters (文件, 案件, 条件 …) and vague quantities (若干件, 多条) are not,
 * nor an X standing for the number (placeholder's own pattern) or a text cut off after the word.
 */
const COUNT_VERB =
  '(?:共计|共|合计|累计|总计|收到|受理|接收|新收|办结|答复|办理|发布|予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|公开|制发|印发|结转)';
const COUNT_VERB_G = new RegExp(COUNT_VERB, 'g');
const BLANK_COUNT_RE = new RegExp(
  `${COUNT_VERB}([^\\d０-９零〇○一二三四五六七八九十百千万两几数多余若干全部所有XxＸｘ×✕╳，。；、,;:：（）()\\n]{0,16}?)([件条篇])(?=[，。；、,;）)])`,
  'g',
);
/** Words ending in 件 / 条 / 篇 that are nouns, not a measure word after a missing number. */
const NOUN_ENDINGS =
  /(?:文|案|事|条|邮|附|稿|信|软|证|要|硬|配|部|物|构|来|函|批|急|密|收|发|寄)件$|(?:金|便|链|面|教|信|线|苗|萧|字|纸|词|横|逐|专)条$|(?:全|长|短|中|诗|续|开|首|终|名)篇$/;
/**
 * A negation before the counting verb in its clause: "未收到", "没有受理", "无结转", and the verb one
 * or two words further on ("未接到要求公开政府信息的申请件": the count is 公开…件, negated by 未接到).
 */
const NEGATION_BEFORE = /(?:未|没有|无|不曾)[^，。；、,;:：\n]{0,6}$/;
export function findBlankCounts(prose: MappedText): TextSpan[] {
  const out: TextSpan[] = [];
  for (const m of prose.text.matchAll(BLANK_COUNT_RE)) {
    if (NOUN_ENDINGS.test(m[0])) continue;
    // "未收到…申请件": a negated count says there were none — nothing was left blank.
    if (NEGATION_BEFORE.test(prose.text.slice(Math.max(0, m.index - 8), m.index))) continue;
    // Quote from the verb nearest the measure word ("发布各类政务信息条", not "公开专栏发布…"), with a 共 before it.
    const verbs = [...m[0].matchAll(COUNT_VERB_G)];
    const strong = verbs.filter((v) => !/^(?:公开|办理|结转)$/.test(v[0]));
    let from = m.index + (strong.length ? strong[strong.length - 1].index : 0);
    const lead = /(?:共计|共|累计|合计)$/.exec(prose.text.slice(Math.max(m.index, from - 2), from));
    if (lead) from -= lead[0].length;
    const to = m.index + m[0].length;
    out.push({ text: prose.text.slice(from, to), span: claimSpan(prose, from, to) });
  }
  return out;
}

/*
 * "本报告由总体情况、……、其他需要报告的事项六个部分组成", "全文包括……等六个方面内容", "本报告共分为六部分":
 * how many parts the introduction says the report has, and how many it lists. The list is counted
 * only when it is clean: split at the separator between items (a comma where the items use 、 inside
 * them, else 、), every item ending in a part's usual last word (情况, 事项, 概述, 措施 …). An item
 * without one ("政府信息公开行政复议、行政诉讼情况" split at its 、) is joined to the next; a list
 * that needs more than that is not counted.
 */
const PART_COUNT_RE =
  /(?:本年度报告|本年报|本报告|年报|报告|全文)(?:内容|全文|主要)?(?:共|主要)?(?:由|包括|包含|共分为|分为)(?:以下)?([^。]{0,300}?)([一二三四五六七八九十两]{1,2}|\d{1,2})个?(?:部分|方面)/d;
const PART_END = /(?:情况|事项|概述|概况|措施|问题|打算|附表|统计表|数据表)$/;
export function findPartCount(prose: MappedText): PartCountStatement | undefined {
  const m = PART_COUNT_RE.exec(prose.text);
  if (!m) return undefined;
  const stated = /^\d+$/.test(m[2]) ? Number(m[2]) : chineseOrdinal(m[2]);
  if (!stated) return undefined;
  const [from, to] = m.indices![2]!;
  return { stated, numberText: m[2], span: prose.spanOf(from, to), listed: listedParts(m[1]) };
}

function listedParts(list: string): number | undefined {
  const body = list
    .replace(/[“”"‘’「」《》：:]/g, '')
    .replace(/等$/, '')
    .trim();
  if (!body) return undefined;
  // Commas separate the parts when a part's name holds a 、 ("…行政复议、行政诉讼情况"); a piece
  // between commas that is itself a 、 list of parts ("总体情况、主动公开…情况，存在的…") is split too.
  const byComma = (p: string) => {
    const sub = p.split('、');
    return sub.length > 1 && sub.every((x) => PART_END.test(x.trim())) ? sub : [p];
  };
  const pieces = (/[，,；;]/.test(body) ? body.split(/[，,；;]/).flatMap(byComma) : body.split('、'))
    // "…改进情况和其他需要报告的事项", "…诉讼的情况和政府信息公开工作存在的…": two items joined by 和
    // after a part's last word, the second starting as a part does.
    .flatMap((p) => p.split(/(?<=情况|事项)(?:以及|和|及|与)(?=其他|存在|政府信息公开|因政府信息公开)/))
    .map((p) =>
      p
        .replace(/^(?:以及|和|及|与)/, '')
        .replace(/等$/, '')
        .trim(),
    )
    .filter(Boolean);
  let items = 0;
  let joined = 0;
  for (const [i, p] of pieces.entries()) {
    if (PART_END.test(p)) items++;
    else if (i < pieces.length - 1) joined++;
    else return undefined;
  }
  return items >= 3 && joined <= 1 ? items : undefined;
}
