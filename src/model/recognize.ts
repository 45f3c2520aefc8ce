import type { Block, Document } from './document.js';
import { MappedText } from './mapped-text.js';
import { paragraphRows } from '../formats/text.js';
import { bareCellRuns } from '../formats/cell-lines.js';
import { withoutTrailingPageTools } from './page-tools.js';
import type { FactConfidence, Heading, PeriodStatement, ReadPeriod, Report, ReportYear, TableUnreadable, TextSpan } from './report.js';
import type { Span } from './source.js';
import {
  findBarePeriods,
  findBlankCounts,
  findCountClaims,
  findGarbledPeriods,
  findPartCount,
  findShareLists,
  findDates,
  findEmptyPeriods,
  findEndOnlyPeriods,
  findFeeClaims,
  findFeeMentions,
  findPeriods,
  findProcessingFeeFigures,
  findRelativePeriods,
  findStatedYears,
  findYearOnlyPeriods,
  findYearLeads,
  findNarratedYear,
  readProblemsSection,
} from './claims.js';
import { organName } from './organ.js';
import { scriptOf, simplifiedReading, type Script } from './script.js';
import { withoutPinyinAnnotations } from './annotations.js';
import { fingerprintsWithin, itemStream, layoutFromHeaders, recognizeActive, recognizeApplications, recognizeReview } from './tables.js';
import { DATE_SRC, YEAR_SRC, chineseOrdinal, coreLabel, normalizeLabel, parseDatePart, trimEndChars } from './text-utils.js';
import { eraForYear, newestEra, newestEraWithLayout, type EraTemplate } from '../templates/eras.js';
import { OVERVIEW_SUB_ITEMS, PROBLEMS_SUB_ITEMS, SECTIONS, type SectionKey } from '../templates/sections.js';
import { APPLICATION_GROUPS, APPLICATION_HEADER_WORDS, LAYOUTS_NEWEST_FIRST, activeSubTables, applicationRows, type TableKind } from '../templates/tables.js';
import { BELOW_PART_START, OTHER_PART_HEADING, PART_HEADING, SUB_HEADING, SUB_ITEM_START, isDashForOne } from '../templates/numbering.js';

export interface RecognizeOptions {
  /** Report year forced by configuration / --year. */
  year?: number;
  /** The text's script as the caller decided it (src/model/script.ts); decided here when not given. */
  script?: Script;
}

/**
 * Document → Reports. A file may hold several reports one after another (a web page listing
 * years of reports): it is cut at report titles and where the section numbering starts again at
 * "一、"; a piece before the first report that does not look like a report (e.g. a 信息公开指南)
 * is not linted as one.
 */
export function recognizeReports(source: Document, options: RecognizeOptions = {}): Report[] {
  // PDF text saved as .docx/HTML: one paragraph per PDF line, table rows included. (Line-based
  // formats made such lines rows already; for them this finds nothing new.)
  // Traditional-script pages are read in simplified characters (places unchanged).
  // Mirror pages' pinyin annotations ("統(tǒng)計期限") are left out of the reading (places unchanged).
  const read = withoutPinyinAnnotations(simplifiedReading(source, options.script ?? scriptOf(source.source.text)));
  // Tables written one cell per paragraph with no separator become tables too (src/formats/cell-lines.ts).
  const doc: Document = { ...read, blocks: bareCellRuns(paragraphRows(read.blocks)) };
  const info = doc.blocks.map(describeBlock);
  joinWrappedTitles(doc.blocks, info);
  joinWrappedHeadings(doc.blocks, info);
  otherNumberedParts(doc.blocks, info);
  tableOfContents(doc.blocks, info);
  placeGivesWay(info);
  // An unnumbered Markdown heading deeper than the numbered sections ("### 主动公开政府信息情况"
  // under "## 一、总体情况") is a sub-heading, not a section.
  const numberedDepths = doc.blocks.flatMap((b, i) => (b.kind === 'heading' && info[i].heading?.ordinal ? [b.depth] : []));
  if (numberedDepths.length) {
    const sectionDepth = Math.min(...numberedDepths);
    doc.blocks.forEach((b, i) => {
      if (b.kind === 'heading' && info[i].heading && info[i].heading.ordinal === undefined && b.depth > sectionDepth) delete info[i].heading;
    });
  }
  // A page explaining a report ("文字解读：…2022年政府信息公开工作年度报告", "一图读懂…") is no report:
  // its parts are 编制背景, 主要内容…, its figures are the report's retold.
  if (info.some((x) => x.interpretation) && !info.some((x) => x.title)) {
    const whole = buildReport(doc, doc.blocks, info, 0, options);
    whole.notAReport = 'interpretation';
    return [whole];
  }
  const segments = splitSegments(doc.blocks, info);
  const reports: { from: number; to: number }[] = [];
  for (const seg of segments) {
    const looksLikeReport = seg.hasTitle || seg.hasPeriod || seg.sectionHits >= 2;
    // After a report, titles with nothing of a report under them (no numbered part, no 统计期限, no
    // table) are the page's list of other years' reports (相关链接), not a report of their own.
    const titlesOnly = seg.hasTitle && !seg.hasPeriod && !seg.hasBody;
    if (looksLikeReport && !(reports.length && titlesOnly)) reports.push({ from: seg.from, to: seg.to });
    else if (reports.length) reports[reports.length - 1].to = seg.to; // a tail of the previous report
    // else: a preamble before the first report (a 指南, page chrome) is not linted
  }
  // Nothing looks like a report: lint the whole file as one if it holds an official table (an
  // early draft, a fragment); otherwise it is some other document (a memo, a README, a 信息公开指南).
  if (reports.length === 0) {
    const whole = buildReport(doc, doc.blocks, info, 0, options);
    // A draft that has begun one of the six parts is a report in the making, not another document.
    // A part known only by its place ("一、概述", sectionByPlace) is no such sign: many documents open so.
    const partByWords = Object.values(whole.sections).some((h) => h && sectionOf(h.title));
    // So is a text whose introduction says it is the annual report and lists its parts, when its
    // title stands in the page's header and not in the text ("本年度报告根据《条例》…编制。…全文包括概述、…").
    const introduced = info.some((x, i) => !x.heading && INTRODUCES_REPORT.test(x.folded) && !info.slice(0, i).some((y) => y.heading));
    if (!whole.notAReport && !partByWords && !introduced && !Object.values(whole.tables).some((t) => t && Object.keys(t.rows).length > 0))
      whole.notAReport = 'other';
    return [whole];
  }
  return reports.map((r, index) => buildReport(doc, doc.blocks.slice(r.from, r.to), info.slice(r.from, r.to), index, options));
}

/* ------------------------------------------------------------------------------ block facts */

interface BlockInfo {
  /** The heading's facts as Report's Heading has them (its spans come later), and whether it was joined from two lines. */
  heading?: Pick<Heading, 'ordinal' | 'numbering' | 'title' | 'section' | 'byPlace' | 'otherNumbering'> & { joined?: boolean };
  title?: { year: number };
  /** A title-like line that names a report it explains ("文字解读：…年度报告", "一图读懂…年度报告"). */
  interpretation?: boolean;
  date?: boolean;
  period?: boolean;
  folded: string;
}

/** Titles of a report's first part: 总体情况 (unified format), 概述 / 基本情况 (legacy reports). */
const OPENING_PART = /^(?:概述|概况|基本情况|工作概况|总体概况)/;
// "…2022年度政府信息公开年报": 年报 is the report's short name.
const TITLE_RE = new RegExp(`${YEAR_SRC}年度?.{0,20}?(?:政府信息公开|政务信息公开|信息公开|政务公开).{0,12}(?:报告|年报)$`);
const DATE_LINE_RE = new RegExp(`^[^，。；,;:：]{0,30}?${DATE_SRC}$`);
/** A date line is short; page tools after it are looked for only on such a line. */
const MAX_DATE_LINE = 80;
const PAGE_TOOL_WORD = /打印|关闭/;
/** The lead of a page that explains a report rather than being it. */
const INTERPRETATION_LEAD = /^(?:[【[(（]?(?:文字|图文|图片|图表|视频|动漫|动画|漫画|政策)?解读[】\])）]?|一图(?:读懂|看懂|速览|解读)|图解)/;
/** A news headline about a report: the organ "发布/公布" a year's report ("贵州省发布2016年政府信息公开工作年度报告"). */
const NEWS_HEADLINE = /(?:发布|公布|印发|出炉|亮相)\s*\d{4}\s*年/;
/**
 * An introduction that says the text is the annual report: its basis, the list of its parts, or the
 * lead of a legacy report ("现将我局2010年度政府信息公开工作年度报告如下").
 */
const INTRODUCES_REPORT = /(?:本年度报告|年度报告是?)(?:根据|依据|按照)|(?:全文|本报告)(?:包括|由)|年度(?:工作)?报告如下/;
/** Characters a page lost in a wrong encoding ("??一、總體情況"): no part of a heading. */
const LOST_CHARACTERS = /^[#*\s?\uFFFD]+/;
/** Labels of table rows that start like headings ("一、本年新收…") but are not. */
const TABLE_ROW_CORES = [...applicationRows('2021'), ...APPLICATION_GROUPS].map((r) => coreLabel(r.label));

/** The last part-like number a table 三 row carries (四、结转下年度继续办理). */
const LAST_NUMBERED_ROW = 4;

/** A table row label, whole or cut short by a PDF line wrap ("一、本年新收政府信息公开"). */
function isTableRowLabel(title: string): boolean {
  // The row's numbers may follow on the same line ("一、本年新收…申请数量 1 0 0 0 0 0 1").
  const core = coreLabel(trimEndChars(title, /[\d\s.]/));
  return TABLE_ROW_CORES.some((row) => row === core || (core.length >= 4 && row.startsWith(core)));
}

/** A table's caption: "表二：主动公开政府信息情况", "表3 收到和处理…". */
const TABLE_CAPTION = /^表\s*[一二三四1-4](?:[：:、.．\s]|$)/;

function describeBlock(b: Block): BlockInfo {
  if (b.kind === 'table') return { folded: '' };
  const folded = trimEndChars(b.content.foldWhitespace().text.replace(LOST_CHARACTERS, ''), '*').trimEnd();
  const info: BlockInfo = { folded };
  const m = PART_HEADING.exec(folded);
  // Table 三's rows numbered like parts go to 四 ("四、结转下年度继续办理"): "六、其他" is a part, though
  // 其他 is also a row's label.
  if (m && m[2].length <= 40 && !/[。；]/.test(m[2]) && !(isTableRowLabel(m[2]) && (chineseOrdinal(m[1]) ?? 0) <= LAST_NUMBERED_ROW)) {
    const ordinal = isDashForOne(m[1]) ? 1 : chineseOrdinal(m[1]);
    const byWords = sectionOf(m[2]);
    const byPlace = byWords ? undefined : sectionByPlace(ordinal, m[2]);
    info.heading = {
      ordinal,
      numbering: folded.slice(0, folded.length - m[2].length),
      title: m[2],
      section: byWords ?? byPlace,
      ...(byPlace ? { byPlace: true as const } : {}),
    };
  } else if (b.kind === 'heading' && !BELOW_PART_START.test(folded) && !TABLE_CAPTION.test(folded)) {
    // An unnumbered Markdown heading can be a section ("## 总体情况"); "### （一）…" is a sub-item,
    // "## 表二：主动公开政府信息情况" (a converter's caption over the table) the table's title.
    const section = sectionOf(folded);
    if (section) info.heading = { title: folded, section };
  }
  // TITLE_RE ends at the end of the text: a block that does not end so (prose) is no title, unread.
  const t = folded.length <= 60 && (folded.endsWith('报告') || folded.endsWith('年报')) ? TITLE_RE.exec(folded) : null;
  if (t && !/[，。；,]/.test(folded)) {
    if (INTERPRETATION_LEAD.test(folded)) info.interpretation = true;
    // A headline over a news article is no report's title (no report names its organ "发布" a year).
    else if (!NEWS_HEADLINE.test(folded)) info.title = { year: parseDatePart(t[1])! };
  }
  // A page saved as a document may join its page tools to the signing date ("2025年1月17日【打印本页】 【关闭窗口】").
  if (DATE_LINE_RE.test(folded.length <= MAX_DATE_LINE && PAGE_TOOL_WORD.test(folded) ? withoutTrailingPageTools(folded) : folded)) info.date = true;
  if (/统计(?:时限|期限|时间)|数据统计/.test(folded)) info.period = true;
  return info;
}

/**
 * A title wrapped over two lines ("道县文广新局2013年度信息公开工作" / "年度报告"; a centred title in a
 * Word or PDF file often breaks so) is one title: the first line is marked with the whole of it.
 */
function joinWrappedTitles(blocks: Block[], info: BlockInfo[]): void {
  for (let i = 0; i + 1 < info.length; i++) {
    const [a, b] = [info[i], info[i + 1]];
    if (a.title || b.title || a.heading || b.heading || blocks[i].kind === 'table' || blocks[i + 1].kind === 'table') continue;
    if (!a.folded || !b.folded || b.folded.length > 12 || !/报告$/.test(b.folded)) continue;
    const joined = a.folded + b.folded;
    const t = TITLE_RE.exec(joined);
    if (!t || joined.length > 60 || /[，。；,:：]/.test(joined)) continue;
    a.title = { year: parseDatePart(t[1])! };
    a.folded = joined;
    i++;
  }
}

/** A reworded part title is at most this long (a sentence is no heading). */
const MAX_PLACE_TITLE = 24;

/**
 * A part named in other words, in the place the unified format gives it: the 2008-era layout's
 * ("一、概述", "一、政府信息公开工作的基本概况", "二、主动公开情况"), a slip ("二、主动公开政府政府情况")
 * or a rewording that still names the part's subject ("一、总体工作情况", "三、政府信息公开申请办理情况",
 * "四、政府信息公开复议、诉讼情况", "五、存在的不足及改进措施", "六、其他需要说明的事项"). Only at that
 * ordinal: elsewhere such words head a sub-item. section-order asks for the unified title.
 */
function sectionByPlace(ordinal: number | undefined, title: string): SectionKey | undefined {
  const t = normalizeLabel(title);
  if (t.length > MAX_PLACE_TITLE) return undefined;
  if (ordinal === 1 && (OPENING_PART.test(t) || /(?:概述|概况|基本情况)$/.test(t) || /^(?:年度)?总体(?:工作)?情况$/.test(t))) return 'overview';
  if (ordinal === 2 && t.startsWith('主动公开') && t.endsWith('情况')) return 'active';
  if (ordinal === 3 && t.includes('申请') && /(?:情况|办理)$/.test(t)) return 'applications';
  if (ordinal === 4 && /复议|诉讼/.test(t) && t.endsWith('情况')) return 'review';
  if (ordinal === 5 && /问题|不足/.test(t) && /改进|措施|打算|整改|计划|对策/.test(t)) return 'problems';
  if (ordinal === 6 && /^其他(?:需要|需|应当)?(?:报告|说明)?的?(?:事项|事情|情况)?$/.test(t)) return 'other';
  return undefined;
}

/**
 * A numbered part heading whose title wrapped onto the next line ("四、政府信息公开行政复议、行政" /
 * "诉讼情况", a narrow Word or PDF column): the heading is that section, joined (an inferred reading).
 */
function joinWrappedHeadings(blocks: Block[], info: BlockInfo[]): void {
  for (let i = 0; i + 1 < info.length; i++) {
    const [a, b] = [info[i], info[i + 1]];
    if (!a.heading?.ordinal || a.heading.section || b.heading || b.title || blocks[i + 1].kind === 'table') continue;
    if (!b.folded || b.folded.length > 12 || /[，。；,:：！？]/.test(b.folded) || /\d/.test(b.folded)) continue;
    const title = a.heading.title + b.folded;
    const section = sectionOf(title);
    if (!section || title.length > 40) continue;
    a.heading = { ...a.heading, title, section, joined: true };
    i++;
  }
}

/** Parts so numbered, and in their places, that make the report's own scheme. */
const MIN_OTHER_NUMBERED = 3;

/**
 * Parts numbered in a scheme of the report's own ("第一部分 总体情况" … "第六部分 其他需要报告的事项",
 * or "（一）…" / "1." for the parts): when no part is numbered "一、", lines in one such style whose
 * number is their part's place in the order and whose title names that part are the part headings —
 * at least three of them, so that 总体情况's sub-items ("（一）主动公开情况", numbered 一 but naming part
 * 二) never count. section-order says the numbering differs from the unified format's.
 */
function otherNumberedParts(blocks: Block[], info: BlockInfo[]): void {
  if (info.some((x) => x.heading?.ordinal !== undefined && x.heading.section)) return;
  const byStyle: number[][] = [[], [], []];
  const read = new Map<number, NonNullable<BlockInfo['heading']>>();
  info.forEach((x, i) => {
    if (x.heading || x.title || blocks[i].kind === 'table') return;
    const m = OTHER_PART_HEADING.exec(x.folded);
    if (!m) return;
    const title = m[4];
    if (title.length > 40 || /[。；]/.test(title)) return;
    const style = m[1] ? 0 : m[2] ? 1 : 2;
    const ordinal = style === 2 ? Number(m[3]) : chineseOrdinal(m[1] ?? m[2]);
    const byWords = sectionOf(title);
    const section = byWords ?? sectionByPlace(ordinal, title);
    if (!section || SECTIONS.find((s) => s.key === section)!.ordinal !== ordinal) return;
    byStyle[style].push(i);
    read.set(i, {
      ordinal,
      numbering: x.folded.slice(0, x.folded.length - title.length),
      title,
      section,
      ...(byWords ? {} : { byPlace: true as const }),
      otherNumbering: true,
    });
  });
  for (const found of byStyle) {
    const sections = new Set(found.map((i) => read.get(i)!.section));
    if (sections.size < MIN_OTHER_NUMBERED) continue;
    for (const i of found) info[i].heading = read.get(i);
  }
}

/** Parts 三–六 known by their place (their words are common in sub-item lists). */
const GIVES_WAY: readonly SectionKey[] = ['applications', 'review', 'problems', 'other'];

/**
 * A part 三–六 known only by its place gives way to the same part named in its words elsewhere: then
 * the line in that place is a sub-item ("三、政府信息公开申请办理情况" in a list under 总体情况), no part.
 */
function placeGivesWay(info: BlockInfo[]): void {
  const byWords = new Set(info.flatMap((x) => (x.heading?.section && !x.heading.byPlace ? [x.heading.section] : [])));
  for (const x of info) {
    if (!x.heading?.byPlace || !x.heading.section || !GIVES_WAY.includes(x.heading.section) || !byWords.has(x.heading.section)) continue;
    const { section: _section, byPlace: _byPlace, ...rest } = x.heading;
    x.heading = rest;
  }
}

/** Part headings in a row that make a table of contents. */
const MIN_CONTENTS_LINES = 3;

/**
 * A table of contents (目录) before the body: part headings in a row with nothing between them
 * ("一、总体情况……1" / "二、主动公开政府信息情况……2" / …), each of whose parts heads the body again
 * further on. Its lines are no headings: read as parts, the contents would be a report of its own,
 * with empty parts and no 统计期限, and the body a second report.
 */
function tableOfContents(blocks: Block[], info: BlockInfo[]): void {
  let i = 0;
  while (i < info.length) {
    if (!info[i].heading?.section || blocks[i].kind === 'table') {
      i++;
      continue;
    }
    let j = i;
    while (j < info.length && info[j].heading?.section && blocks[j].kind !== 'table') j++;
    if (j - i >= MIN_CONTENTS_LINES) {
      const later = new Set(info.slice(j).map((x) => x.heading?.section));
      if (info.slice(i, j).every((x) => later.has(x.heading!.section))) for (let k = i; k < j; k++) delete info[k].heading;
    }
    i = j;
  }
}

function sectionOf(title: string): SectionKey | undefined {
  const t = normalizeLabel(title);
  for (const s of SECTIONS) {
    if (s.exclude?.some((x) => t.includes(x))) continue;
    if (s.match.some((words) => words.every((w) => t.includes(w)))) return s.key;
  }
  return undefined;
}

/* ------------------------------------------------------------------------------- splitting */

interface Segment {
  from: number;
  to: number;
  hasTitle: boolean;
  hasPeriod: boolean;
  sectionHits: number;
  /** A numbered part or a table: what a report has below its title. */
  hasBody: boolean;
}

function splitSegments(blocks: Block[], info: BlockInfo[]): Segment[] {
  const cuts: number[] = [0];
  let maxOrdinal = 0;
  let lastHeadingAt = -1;
  let contentSinceCut = false;
  for (let i = 0; i < blocks.length; i++) {
    const b = info[i];
    if (b.title && contentSinceCut && maxOrdinal > 0) {
      // A new report's title; its organ line ("XX市人民政府外事办公室") may stand just before it.
      const prev = i - 1;
      const organLine =
        prev > lastHeadingAt &&
        info[prev].folded.length <= 30 &&
        !info[prev].date &&
        !info[prev].heading &&
        !/[，。；,:：]/.test(info[prev].folded) &&
        info[prev].folded.length > 0;
      cuts.push(organLine ? prev : i);
      maxOrdinal = 0;
      contentSinceCut = false;
    } else if (b.heading?.ordinal === 1 && maxOrdinal >= 3 && (b.heading.section === 'overview' || OPENING_PART.test(b.heading.title))) {
      // Numbering starts again at 一、总体情况 (一、概述 in legacy reports): a new report whose title was lost. It begins after
      // the previous report's signing date, or at its introduction. (Numbering that restarts at 一、
      // on anything else is a list of sub-topics inside a part, not a new report.)
      let cut = i;
      for (let j = i - 1; j > lastHeadingAt; j--) {
        if (info[j].date) {
          cut = j + 1;
          break;
        }
        if (info[j].period || /根据《/.test(info[j].folded)) cut = j;
      }
      cuts.push(cut);
      maxOrdinal = 0;
    }
    if (b.heading?.ordinal) {
      maxOrdinal = Math.max(maxOrdinal, b.heading.ordinal);
      lastHeadingAt = i;
    }
    if (b.heading || b.period) contentSinceCut = true;
  }
  cuts.push(blocks.length);
  const segments: Segment[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const from = cuts[k];
    const to = cuts[k + 1];
    if (to <= from) continue;
    const seg = info.slice(from, to);
    const keys = new Set(seg.map((x) => x.heading?.section).filter(Boolean));
    const hasBody = seg.some((x) => x.heading?.ordinal !== undefined) || blocks.slice(from, to).some((b) => b.kind === 'table');
    segments.push({ from, to, hasTitle: seg.some((x) => x.title), hasPeriod: seg.some((x) => x.period), sectionHits: keys.size, hasBody });
  }
  return segments;
}

/* ---------------------------------------------------------------------------- one report */

function buildReport(doc: Document, blocks: Block[], info: BlockInfo[], index: number, options: RecognizeOptions): Report {
  const span: Span = blocks.length ? { start: blocks[0].span.start, end: blocks[blocks.length - 1].span.end } : { start: 0, end: 0 };
  const prose = buildProse(blocks);

  // Title: the first title-like line.
  let title: TextSpan | undefined;
  const ti = info.findIndex((x) => x.title);
  if (ti !== -1) title = { text: info[ti].folded, span: blocks[ti].span };

  // Headings and section bodies.
  const headings: Heading[] = [];
  /** Index of the block after each heading (blocks are in document order). */
  const nextBlock = new Map<Heading, number>();
  info.forEach((x, i) => {
    if (!x.heading) return;
    const { joined, ...heading } = x.heading;
    // On a line of its own: exact; cut out of a flattened line: tolerant; joined from two lines: inferred.
    const confidence: FactConfidence = joined ? 'inferred' : standsAlone(doc.source.text, blocks[i].span) ? 'exact' : 'tolerant';
    const h: Heading = { ...heading, span: blocks[i].span, bodySpan: { start: blocks[i].span.start, end: span.end }, empty: false, confidence };
    headings.push(h);
    nextBlock.set(h, i + 1);
  });
  const sections: Report['sections'] = {};
  for (const h of headings) if (h.section && !sections[h.section]) sections[h.section] = h;
  const untitledOverview = sections.overview ? undefined : overviewWithoutHeading(blocks, info, headings);
  const untitledProblems = sections.problems ? undefined : problemsWithoutHeading(blocks, info, sections);
  const sectionStarts = headings.filter((h) => h.section).map((h) => h.span.start);
  // Both in text order: the next section start after each heading is found walking forward once
  // (a search from the first start for each heading was quadratic in a list of thousands of "一、").
  let nextSection = 0;
  for (const h of headings) {
    while (nextSection < sectionStarts.length && sectionStarts[nextSection] <= h.span.start) nextSection++;
    const next = sectionStarts.at(nextSection);
    if (next !== undefined) h.bodySpan = { start: h.span.start, end: next };
    const after = blocks[nextBlock.get(h)!];
    h.empty = !after || after.span.start >= h.bodySpan.end;
  }

  // Periods: keyword statements anywhere; else a bare "Y年1月1日至12月31日" before the first section.
  // A statement on one line is read exactly, one re-joined across a wrap or a page footer
  // tolerantly ("统计期限为2023年度" names its year whole: read too); dates without 统计期限 are inferred.
  const read = (found: PeriodStatement[], inferred: boolean): ReadPeriod[] =>
    found.map((p) => ({ ...p, confidence: inferred ? 'inferred' : /[\r\n]/.test(doc.source.text.slice(p.span.start, p.span.end)) ? 'tolerant' : 'exact' }));
  let periods = read(findPeriods(prose), false);
  if (periods.length === 0) periods = read(findEndOnlyPeriods(prose), false);
  if (periods.length === 0) periods = read(findYearOnlyPeriods(prose), false);
  if (periods.length === 0) {
    const firstSection = headings[0]?.span.start ?? span.end;
    periods = read(findBarePeriods(prose, 0, prose.indexAtOrAfter(firstSection)), true);
  }

  const year = reportYear(title, info, blocks, periods, prose, options);
  const items = itemStream(blocks);
  const headerLayout = layoutFromHeaders(items);
  let era: EraTemplate;
  let eraSource: Report['eraSource'];
  const byTables = headerLayout && newestEraWithLayout(headerLayout);
  // A year only guessed from the prose gives way to the tables' own layout: the tables are not
  // judged by a guess (format-version, required-tables stay silent as for a report without a year).
  if (year && !(year.source === 'prose' && byTables)) {
    era = eraForYear(year.value);
    eraSource = 'year';
  } else if (byTables) {
    era = byTables;
    eraSource = 'tables';
  } else {
    era = newestEra();
    eraSource = 'default';
  }

  // A free-form era has no unified tables; local tables in it are not checked against a template.
  const tables: Report['tables'] = {};
  if (era.layout) {
    const layout = headerLayout ?? era.layout;
    const applications = recognizeApplications(items, layout);
    if (applications) tables.applications = applications;
    const review = recognizeReview(items, applications ? applications.span.end : (sections.review?.span.start ?? span.start), layout);
    if (review) tables.review = review;
    const active = recognizeActive(items, layout);
    if (active) tables.active = active;
    // A table the section shows but that could not be read (cells scattered by a plain PDF copy,
    // or published as an image): one unreadable table, never "missing", never summed.
    for (const kind of ['active', 'applications', 'review'] as const) {
      const section = sections[TABLE_SECTION[kind]];
      if (tables[kind] || !section) continue;
      const debris = unreadableTable(blocks, section.bodySpan, kind);
      if (!debris) continue;
      // Table 二's labels show its version even with every cell empty (format-version).
      const fingerprints = kind === 'active' ? fingerprintsWithin(items, section.bodySpan) : undefined;
      tables[kind] = {
        kind,
        layout,
        layoutSource: 'era',
        span: debris.span,
        rows: {},
        problems: [],
        unreadable: debris.reason,
        ...(fingerprints?.length ? { fingerprints } : {}),
      };
    }
  }

  // The signing date: the last date line after the last section heading.
  let signature: Report['signature'];
  let issuer: Report['issuer'];
  const lastHeading = headings.length ? headings[headings.length - 1].span.start : span.start;
  for (let i = blocks.length - 1; i >= 0 && blocks[i].span.start >= lastHeading; i--) {
    if (info[i].date && blocks[i].kind !== 'table') {
      const dates = findDates((blocks[i] as Exclude<Block, { kind: 'table' }>).content.foldWhitespace());
      if (dates.length) signature = { ...dates[dates.length - 1], confidence: signatureConfidence(doc.source.text, blocks, info, i) };
      issuer = signatureIssuer(blocks, info, i, lastHeading);
      break;
    }
  }
  const titleOrgan = titleIssuer(title, blocks, info, ti);
  const organs: Report['organs'] = { title: titleOrgan, signature: issuer };
  issuer ??= titleOrgan;

  return {
    index,
    span,
    title,
    year,
    era: era.id,
    eraSource,
    headings,
    sections,
    tables,
    periods,
    feeClaims: findFeeClaims(prose),
    feeMentions: findFeeMentions(prose),
    processingFeeFigures: findProcessingFeeFigures(prose),
    signature,
    issuer,
    organs,
    countClaims: findCountClaims(prose),
    blankCounts: findBlankCounts(prose),
    ...(untitledOverview ? { untitledOverview } : {}),
    ...(untitledProblems ? { untitledProblems } : {}),
    partCount: findPartCount(prose),
    shareLists: findShareLists(prose),
    emptyPeriods: findEmptyPeriods(prose),
    garbledPeriods: findGarbledPeriods(prose),
    relativePeriods: findRelativePeriods(prose),
    statedYears: findStatedYears(prose),
    problemsSection: sections.problems ? readProblemsSection(prose, sections.problems) : undefined,
    yearLeads: findYearLeads(prose),
    prose,
    ...(schoolReport(prose, periods, headings[0]?.span.start, title) ? { notAReport: 'school' as const } : {}),
  };
}

/** A school's report names its basis in the introduction (government reports cite the 条例 alone). */
const SCHOOL_BASIS = /高等学校信息公开办法|学校信息公开(?:实施)?办法/;
const SCHOOL_SELF = /我校|本校|学校党政|学院党委|校务公开/;
const SCHOOL_NAME = /大学|学院|学校/;

/**
 * A school's information-disclosure report (《高等学校信息公开办法》, 教育部令第29号): kept by 学年, from
 * 9月1日 to the next year's 8月31日, and based on that 办法 — another regime than the 条例's annual
 * report and its unified format, so none of its rules apply.
 */
function schoolReport(prose: MappedText, periods: ReadPeriod[], firstHeading: number | undefined, title: TextSpan | undefined): boolean {
  if (periods.some((p) => p.start.month === 9 && p.end.month === 8 && p.end.year === p.start.year + 1)) return true;
  const introEnd = firstHeading === undefined ? prose.text.length : prose.indexAtOrAfter(firstHeading);
  const intro = prose.text.slice(0, introEnd);
  // The school speaks of itself (an education department's report may cite the 办法 too).
  return SCHOOL_BASIS.test(intro) && (SCHOOL_SELF.test(intro) || SCHOOL_NAME.test(title?.text ?? ''));
}

/**
 * A span that stands on a line (or paragraph) of its own: only spaces between it and the line's
 * ends, or a tag (an HTML paragraph). A piece cut out of a flattened line does not.
 */
function standsAlone(text: string, span: Span): boolean {
  let a = span.start - 1;
  while (a >= 0 && (text[a] === ' ' || text[a] === '\t' || text[a] === '\u3000')) a--;
  let b = span.end;
  while (b < text.length && (text[b] === ' ' || text[b] === '\t' || text[b] === '\u3000')) b++;
  const before = a < 0 || text[a] === '\n' || text[a] === '\r' || text[a] === '>';
  const after = b >= text.length || text[b] === '\n' || text[b] === '\r' || text[b] === '<';
  return before && after;
}

/** Sub-items of 总体情况 that must stand before the next part to call them part 一 without its heading. */
const MIN_OVERVIEW_SUB_ITEMS = 2;

/**
 * Part 一's content without its heading: before the first part heading (or to the report's end),
 * lines that open with a sub-item number and one of 总体情况's sub-item words ("（一）主动公开情况",
 * "（二）依申请公开。2023年…"), at least two different ones. The span of the first.
 */
function overviewWithoutHeading(blocks: Block[], info: BlockInfo[], headings: Heading[]): Span | undefined {
  const end = headings.length ? headings[0].span.start : Infinity;
  const seen = new Set<string>();
  let first: Span | undefined;
  for (let i = 0; i < blocks.length && blocks[i].span.start < end; i++) {
    const m = SUB_ITEM_START.exec(info[i].folded);
    if (!m) continue;
    const head = info[i].folded.slice(m[0].length, m[0].length + 12);
    const word = OVERVIEW_SUB_ITEMS.find((w) => head.startsWith(w) || head.startsWith(`政府信息${w}`));
    if (!word) continue;
    seen.add(word);
    first ??= blocks[i].span;
  }
  return seen.size >= MIN_OVERVIEW_SUB_ITEMS ? first : undefined;
}

/**
 * Part 五 written without its heading: after part 四's heading (三's when 四 is missing too) and
 * before part 六's, sub-items naming the problems and the improvements ("（一）主要问题",
 * "（二）改进情况"). The span of the first of them.
 */
function problemsWithoutHeading(blocks: Block[], info: BlockInfo[], sections: Report['sections']): Span | undefined {
  const before = sections.review ?? sections.applications;
  if (!before) return undefined;
  const end = sections.other?.span.start ?? Infinity;
  let problems: Span | undefined;
  let measures = false;
  for (let i = 0; i < blocks.length && blocks[i].span.start < end; i++) {
    if (blocks[i].span.start <= before.span.start) continue;
    const m = SUB_ITEM_START.exec(info[i].folded);
    if (!m) continue;
    const head = info[i].folded.slice(m[0].length, m[0].length + 16);
    if (PROBLEMS_SUB_ITEMS.problems.some((w) => head.includes(w))) problems ??= blocks[i].span;
    if (PROBLEMS_SUB_ITEMS.measures.some((w) => head.includes(w))) measures = true;
  }
  return problems && measures ? problems : undefined;
}

/** Lines after a 落款 that are no report prose: page chrome, a footer, an attachment name. */
const TRAILER_MAX = 40;

/**
 * The 落款 date line at `at`: exact when it ends the report (only short lines without sentences
 * after it — page chrome, a footer), tolerant when it was cut out of a flattened line, inferred
 * when the report's prose goes on after it (a date line inside the last part, not a 落款 for sure).
 */
function signatureConfidence(text: string, blocks: Block[], info: BlockInfo[], at: number): FactConfidence {
  for (let k = at + 1; k < blocks.length; k++) {
    const b = blocks[k];
    if (b.kind === 'table' || b.kind === 'image') continue;
    const t = info[k].folded;
    if (t.length > TRAILER_MAX || /[。；！？]/.test(t)) return 'inferred';
  }
  return standsAlone(text, blocks[at].span) ? 'exact' : 'tolerant';
}

/** The 落款 organ: before the date on its line ("威海市外办 2019年1月16日"), or the line above it. */
function signatureIssuer(blocks: Block[], info: BlockInfo[], dateAt: number, lastHeading: number): Report['issuer'] {
  const dateLine = info[dateAt].folded;
  const before = dateLine.slice(0, dateLine.search(new RegExp(DATE_SRC)));
  const sameLine = organName(before);
  if (sameLine) return { name: sameLine, span: blocks[dateAt].span, source: 'signature' };
  const prev = dateAt - 1;
  if (prev < 0 || blocks[prev].span.start < lastHeading || blocks[prev].kind === 'table') return undefined;
  const name = organName(info[prev].folded);
  return name ? { name, span: blocks[prev].span, source: 'signature' } : undefined;
}

/** The organ named before the year in the title, or on the line just above a title without one. */
function titleIssuer(title: TextSpan | undefined, blocks: Block[], info: BlockInfo[], titleAt: number): Report['issuer'] {
  if (!title || titleAt < 0) return undefined;
  const m = TITLE_RE.exec(title.text);
  const inTitle = m ? organName(title.text.slice(0, m.index)) : undefined;
  if (inTitle) return { name: inTitle, span: title.span, source: 'title' };
  const above = titleAt > 0 && blocks[titleAt - 1].kind !== 'table' ? organName(info[titleAt - 1].folded) : undefined;
  return above ? { name: above, span: blocks[titleAt - 1].span, source: 'title' } : undefined;
}

// "…2019年度政府信息公开工作情况报告如下" (a legacy lead) names the year as well.
const INTRO_YEAR_RE = new RegExp(`${YEAR_SRC}年度?(?:政府信息公开|政务信息公开|信息公开|政务公开)(?:工作)?(?:情况)?(?:年度)?报告`);

function reportYear(
  title: TextSpan | undefined,
  info: BlockInfo[],
  blocks: Block[],
  periods: Report['periods'],
  prose: MappedText,
  options: RecognizeOptions,
): ReportYear | undefined {
  if (options.year) return { value: options.year, source: 'override' };
  if (title) {
    const m = TITLE_RE.exec(normalizeLabel(title.text));
    if (m) return { value: parseDatePart(m[1])!, source: 'title', span: title.span };
  }
  // The introduction, before the first heading: "编制了2022年度政府信息公开工作报告".
  for (let i = 0; i < info.length && !info[i].heading; i++) {
    const m = INTRO_YEAR_RE.exec(info[i].folded);
    if (m) return { value: parseDatePart(m[1])!, source: 'intro', span: blocks[i].span };
  }
  if (periods.length) return { value: periods[0].start.year, source: 'period', span: periods[0].span };
  // Nothing names it: the year the prose narrates (a page cut before its title), a guess.
  const narrated = findNarratedYear(prose);
  return narrated ? { value: narrated.year, source: 'prose', span: narrated.span } : undefined;
}

/**
 * All prose of the report, tables excluded, whitespace folded. Lines are joined without a break
 * when the previous one does not end a sentence (PDF and pasted text wrap inside sentences), so
 * "统计期限从 2024\n\n年 1 月 1 日" reads as one phrase (in every format: PDF text is saved as .md too).
 */
function buildProse(blocks: Block[]): MappedText {
  const parts: MappedText[] = [];
  let prevEnds = true;
  for (const b of blocks) {
    if (b.kind === 'table') {
      prevEnds = true;
      continue;
    }
    const folded = b.content.foldWhitespace();
    if (!folded.text) continue;
    const isHeadingLike = b.kind === 'heading' || PART_HEADING.test(folded.text) || SUB_HEADING.test(folded.text);
    if (parts.length && (prevEnds || isHeadingLike)) parts.push(new MappedText('\n', [folded.offsetAt(0), folded.offsetAt(0)]));
    parts.push(folded);
    prevEnds = isHeadingLike || /[。！？；：:”」）)]$/.test(folded.text);
  }
  return parts.length ? MappedText.concat(parts) : MappedText.empty(blocks[0]?.span.start ?? 0);
}

const TABLE_SECTION: Record<TableKind, SectionKey> = { active: 'active', applications: 'applications', review: 'review' };

/** Official row labels (numbering removed) by table, to recognise a table's debris. */
const TABLE_WORDS: Record<TableKind, string[]> = {
  active: [...new Set(LAYOUTS_NEWEST_FIRST.flatMap(activeSubTables).flatMap((s) => [...s.rows.map((r) => coreLabel(r.label)), coreLabel(s.clause)]))],
  applications: [
    ...new Set(
      LAYOUTS_NEWEST_FIRST.flatMap(applicationRows)
        .map((r) => coreLabel(r.label))
        .filter((l) => l.length >= 4),
    ),
  ],
  review: ['结果维持', '结果纠正', '尚未审结', '未经复议直接起诉', '复议后起诉'],
};

/** Column headers, clause and header words of each table, as cells standing alone on their lines. */
const TABLE_HEADERS: Record<TableKind, string[]> = {
  active: [
    ...new Set(LAYOUTS_NEWEST_FIRST.flatMap(activeSubTables).flatMap((s) => [coreLabel(s.clause), ...s.columns.map((c) => coreLabel(c.label))])),
    '信息内容',
  ],
  applications: [...APPLICATION_HEADER_WORDS, '总计', '其他'],
  review: [],
};

/** Numbers standing alone on lines, or official labels, needed to call a section's debris a table. */
const MIN_LONE_NUMBERS = 5;
const MIN_LABELS = 3;
/**
 * Lines that are each one official label or header word and nothing else: a table written one
 * cell per line. With this many, the section holds a table even when its blank cells left no
 * number behind (a report that deleted its table writes its labels in sentences, not alone).
 */
const MIN_LABEL_LINES = 6;

/**
 * Is a table there that could not be read? An image in the section (where the table should be), or
 * the table's debris: official row labels or header words in the text and numbers standing alone
 * on their lines, as plain PDF text extraction leaves a table (cells in column order, labels cut
 * into pieces, header words one character per line).
 */
function unreadableTable(blocks: Block[], body: Span, kind: TableKind): { span: Span; reason: TableUnreadable } | undefined {
  const inside = blocks.filter((b) => b.span.start >= body.start && b.span.start < body.end);
  const image = inside.find((b) => b.kind === 'image');
  if (image) return { span: image.span, reason: 'image' };
  let loneNumbers = 0;
  let labelLines = 0;
  /** A digit anywhere but in a label's numbering ("1.属于国家秘密"): some cell was filled. */
  let anyNumber = false;
  let text = '';
  let first: Span | undefined;
  const cellWords = new Set([...TABLE_WORDS[kind], ...TABLE_HEADERS[kind]]);
  const rowWords = new Set(TABLE_WORDS[kind]);
  let rowLabelLines = 0;
  for (const b of inside) {
    const t = b.kind === 'table' ? b.rows.map((r) => r.cells.map((c) => c.text).join(' ')).join(' ') : b.content.text;
    const folded = normalizeLabel(t);
    if (b.kind !== 'table' && /^[\d.]+$/.test(folded)) {
      loneNumbers++;
      first ??= b.span;
    }
    if (b.kind !== 'table' && cellWords.has(coreLabel(folded))) labelLines++;
    if (b.kind !== 'table' && rowWords.has(coreLabel(folded))) rowLabelLines++;
    if (b.kind === 'table' || /\d/.test(coreLabel(folded))) anyNumber = true;
    text += folded;
  }
  // Both kinds of debris: labels in prose alone are a report that deleted its table (an error).
  // Table 四's header words come out one character per line: its 15 numbers must do.
  const labels = TABLE_WORDS[kind].filter((w) => text.includes(w)).length;
  const debris = kind === 'review' ? loneNumbers >= MIN_LONE_NUMBERS * 2 : loneNumbers >= MIN_LONE_NUMBERS && labels >= MIN_LABELS;
  if (!debris && labelLines < MIN_LABEL_LINES) return undefined;
  const span = inside.length > 1 ? { start: inside[1].span.start, end: inside[inside.length - 1].span.end } : body;
  // Row labels one per line and not one number in the section: the table was there with every cell empty.
  const reason: TableUnreadable = !debris && !anyNumber && rowLabelLines >= MIN_LABELS ? 'blank' : 'scattered';
  return { span: first && loneNumbers >= MIN_LONE_NUMBERS ? { start: Math.min(span.start, first.start), end: span.end } : span, reason };
}
