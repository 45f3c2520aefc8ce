import type { MappedText } from './mapped-text.js';
import type { Span } from './source.js';
import type { EraId, Layout } from '../templates/eras.js';
import type { SectionKey } from '../templates/sections.js';
import type { TableKind } from '../templates/tables.js';

/**
 * The semantic model of ONE annual report, built by the recognizer from a Document. Rules read
 * only this. A file holding several reports yields several Report objects.
 */
export interface Report {
  /** 0-based position of this report in its file. */
  index: number;
  span: Span;
  title?: TextSpan;
  year?: ReportYear;
  /** The template era's id; `eraNamed(report.era)` (src/templates/eras.ts) says what the era prescribes. */
  era: EraId;
  /** How the era was decided: from the year, or guessed from the tables when no year was found. */
  eraSource: 'year' | 'tables' | 'default';
  /** Top-level numbered headings ("一、…") in order, recognized or not. */
  headings: Heading[];
  /** Mandated sections found, by key (first occurrence). */
  sections: Partial<Record<SectionKey, Heading>>;
  tables: Partial<Record<TableKind, RecognizedTable>>;
  /** 统计时限 / 统计期限 statements, each with how sure its reading is. */
  periods: ReadPeriod[];
  /** 统计期限 statements of the report's own year without its number ("统计时限为本年度1月1日至12月31日"). */
  relativePeriods: TextSpan[];
  /** 统计期限 sentences left without dates ("统计期限自至"). */
  emptyPeriods: TextSpan[];
  /** 统计期限 sentences whose dates are broken ("自20211月1日起至202112月31日止"); the rule uses them only when no period was read. */
  garbledPeriods: TextSpan[];
  /** Statements that no fee was charged. */
  feeClaims: FeeClaim[];
  /** Mentions of the 信息处理费 or of 收费通知 (fee-disclosure: is the fee addressed, and where). */
  feeMentions: TextSpan[];
  /** 信息处理费 amounts stated in prose (non-table). */
  processingFeeFigures: FeeFigure[];
  /** The 落款 date (signing date), when one was found, with how sure the recognizer is that it is the 落款. */
  signature?: SignatureDate;
  /** The issuing organ: the 落款 organ line, else the organ named in (or just before) the title. */
  issuer?: Issuer;
  /** The organ named by the title (in it or on the line above) and by the 落款, each when found. */
  organs: { title?: Issuer; signature?: Issuer };
  /** Counts stated in prose that name table quantities ("收到申请10件", "未发生行政复议"). */
  countClaims: CountClaim[];
  /** What the introduction says of the report's parts ("本报告由……六个部分组成"), when it says so. */
  partCount?: PartCountStatement;
  /** Counts whose number was never written ("共主动公开条", "收到政府信息公开申请件，"). */
  blankCounts: TextSpan[];
  /**
   * Part 一 written without its heading: no 一、总体情况, but sub-items of it ("（一）主动公开情况",
   * "（二）依申请公开情况" …) before the next part. The span of the first such sub-item.
   */
  untitledOverview?: Span;
  /** Part 五's sub-items (主要问题, 改进情况) after part 四 with no heading 五、: the first one's span. */
  untitledProblems?: Span;
  /**
   * A total broken down in prose with each part's share ("主动公开信息57条：其中通知公告4条，占7.02%；
   * 办事指南2条，占3.50%…"), read only when the parts add up to the total (so the base is certain).
   */
  shareLists: ShareList[];
  /** What section 五 says, when the section was found. */
  problemsSection?: ProblemsSection;
  /** Sentences that say which year is reported ("现将2023年度…报告如下", "结合2023年…工作实际"). */
  statedYears: YearLead[];
  /** Sentences that open with a year ("2015年，我办…", "截至2018年底，…"). */
  yearLeads: YearLead[];
  /** All prose of the report (tables excluded), whitespace folded, line wraps joined. */
  prose: MappedText;
  /**
   * Set when the file is no government annual report, and why: 'other' — no report title, no
   * 统计期限, none of the six parts and no official table with a recognizable row (a memo, a README,
   * a 信息公开指南); 'interpretation' — a page explaining a report ("文字解读：…年度报告", "一图读懂…");
   * 'school' — a school's report under 《高等学校信息公开办法》, kept by 学年 (9月1日 to 8月31日).
   * Only rules that declare `meta.runsOn: 'non-reports'` (not-a-report) look at such a file.
   */
  notAReport?: NotAReportReason;
}

/** Why a file is not read as a government annual report (Report.notAReport). */
export type NotAReportReason = 'other' | 'interpretation' | 'school';

export interface TextSpan {
  text: string;
  span: Span;
}

export interface ReportYear {
  value: number;
  /**
   * Where the year was read: the title, the introduction, the 统计期限, --year, or (a guess) the
   * year the prose narrates most when nothing names it.
   */
  source: 'title' | 'intro' | 'period' | 'override' | 'prose';
  span?: Span;
}

/**
 * How sure the recognizer is of a heading, a 统计期限 statement or the 落款 (docs/confidence.md).
 * 'exact': read as written (a heading on its own line, a period sentence on one line, a date line
 * ending the report); 'tolerant': read through a carrier's damage (a heading cut out of flattened
 * text, a sentence re-joined across a line wrap or a page footer); 'inferred': pieced together or
 * guessed (a heading title joined from two lines, a period read from dates without 统计期限, a date
 * line with the report's prose still going on after it). Rules give errors on exact and tolerant
 * facts only; an inferred one gives at most a warning that asks to check ("请核对").
 */
export type FactConfidence = 'exact' | 'tolerant' | 'inferred';

export interface Heading {
  /** 1-based ordinal from the numbering ("三、" → 3); undefined when the heading has no numbering. */
  ordinal?: number;
  /** The numbering as written ("三、", "3."), if any. */
  numbering?: string;
  /** Title without numbering and markup, whitespace folded. */
  title: string;
  section?: SectionKey;
  /** The section was known by its place, not its words ("一、概述" where 总体情况 belongs). */
  byPlace?: true;
  /**
   * The parts are numbered otherwise than the unified format's "一、" — "第一部分 总体情况",
   * "（一）总体情况", "1.总体情况" — each in its own place in the order, the report's own scheme.
   */
  otherNumbering?: true;
  span: Span;
  /** Span of the section body: from the heading to the next top-level heading (or report end). */
  bodySpan: Span;
  /** Nothing at all under the heading: no paragraph, table or picture before the next section. */
  empty: boolean;
  confidence: FactConfidence;
}

export interface DateMention {
  year: number;
  month: number;
  day: number;
  span: Span;
}

export interface SignatureDate extends DateMention {
  confidence: FactConfidence;
}

export interface Issuer {
  /** The organ's name, whitespace removed. */
  name: string;
  span: Span;
  source: 'signature' | 'title';
}

export interface YearLead {
  year: number;
  /** The year number as written. */
  yearSpan: Span;
  /** The sentence the year opens, up to the next 。！？ or line end. */
  sentence: string;
  span: Span;
  /** 'narrative': "2015年，我办…"; 'yearEnd': "截至2018年底，…"; 'stated': the year the text says it reports ("现将2023年度…报告如下"). */
  form: 'narrative' | 'yearEnd' | 'stated';
  /** What the sentence's words say, for judging whether it narrates that year as the report's. */
  traits: YearLeadTraits;
}

export interface YearLeadTraits {
  /** A plan: 将, 计划, 拟, 下一步, 明年 … */
  plan: boolean;
  /** Work stated as done: 已, 完成, 共, 收到, 发布 … */
  done: boolean;
  /** A comparison or a history: 同比, 相比, 上年, 以来, 至今 … ("较2022年增加" is not: it compares that year with the one before). */
  comparison: boolean;
  /** A 统计期限 sentence (statistics-period's business). */
  period: boolean;
  /** 本年, 今年, 当年, 全年度: the report's own year named without a number. */
  mentionsCurrentYear: boolean;
  /** Every year number written in the sentence ("2023年"). */
  years: number[];
}

export interface PartCountStatement {
  /** The number of parts stated ("六个部分" → 6). */
  stated: number;
  /** The number as written ("六", "7"), and where. */
  numberText: string;
  span: Span;
  /** How many parts the sentence lists before the number, when the list is clean enough to count. */
  listed?: number;
}

export interface ShareList {
  total: number;
  /** The measure word of the total and of every part (条, 件, 篇, 个). */
  unit: string;
  totalSpan: Span;
  items: { count: number; percent: number; decimals: number; text: string; span: Span }[];
}

export interface PeriodStatement {
  /** The whole statement, e.g. "统计期限从2024年1月1日到12月31日止". */
  span: Span;
  text: string;
  start: DateMention;
  /** year is undefined when the text omits it ("到 12 月 31 日止"). */
  end: { year?: number; month: number; day: number; span: Span };
  /** Spans of the year numbers as written (for the year fix). */
  yearSpans: Span[];
}

export interface ReadPeriod extends PeriodStatement {
  confidence: FactConfidence;
}

/**
 * A statement that no fee was charged. `scope` says which fee it speaks of: 'processing' is the
 * 信息处理费 of 国办函〔2020〕109号 (or fees for handling applications); 'all' is any fee at all.
 */
export interface FeeClaim {
  scope: 'processing' | 'all';
  text: string;
  span: Span;
}

/**
 * What a prose count may denote in a table: a sum of cells, or of every item of a group of table
 * 三 (resolved by the rule for the table's layout). A claim lists every reading its wording allows.
 */
export type ClaimTerm = { table: 'applications' | 'review' | 'active'; row: string; col: string } | { table: 'applications'; group: string; col: string };

export interface ClaimReading {
  /** Names the reading for messages: 'newReceived', 'newPlusCarried', 'group:refused', 'item:unavailable.notHeld' … */
  key: string;
  terms: ClaimTerm[];
}

export type CountClaimName =
  | 'received'
  | 'carriedOver'
  | 'carryForward'
  | 'completed'
  | 'handled'
  | 'granted'
  | 'partlyGranted'
  | 'grantedOrPartly'
  | 'refused'
  | 'unavailable'
  | 'notProcessed'
  | 'review'
  | 'litigation'
  | 'docsMade'
  | 'docsRepealed'
  | 'docsValid'
  | 'licensing'
  | 'penalty'
  | 'enforcement';

/**
 * A count stated in prose. It holds when ANY of its readings equals `value` (the wording may
 * leave open whether 收到 includes 上年结转, or whether 无法提供 N 件 is the group or one item).
 * confidence: 'exact' when the wording names one quantity; 'tolerant' when several readings are
 * allowed or the phrase was completed from its sentence ("…规范性文件3件，废止3件").
 */
export interface CountClaim {
  name: CountClaimName;
  value: number;
  /** 'number': a figure is written; 'none': a negation ("未收到申请", "未发生行政复议") claims 0. */
  form: 'number' | 'none';
  readings: ClaimReading[];
  confidence: 'exact' | 'tolerant';
  text: string;
  span: Span;
  /** A share written right after the count ("予以公开4件，占44.4%"). */
  percent?: { value: number; decimals: number; text: string; span: Span };
}

/** Section 五's body: nothing ("无。"), problems without improvement, or both addressed. */
export interface ProblemsSection {
  state: 'empty' | 'problemsOnly' | 'addressed';
  /** The body text (whitespace folded), without the heading. */
  text: string;
  /** The body; the heading when the body is empty. */
  span: Span;
}

export interface FeeFigure {
  kind: 'processing' | 'adminFees';
  /** Amount in 元. */
  yuan: number;
  text: string;
  span: Span;
}

/* ------------------------------------------------------------------------------------ tables */

export type CellKind = 'number' | 'empty' | 'na' | 'text';

export interface CellValue {
  raw: string;
  kind: CellKind;
  /** The number when kind === 'number'. */
  value?: number;
  span: Span;
}

export type LabelMatch = 'exact' | 'variant' | 'partial' | 'position';

/**
 * How sure the recognizer is of a table fact (docs/confidence.md). 'exact': the row's label is the
 * official one (up to width, spaces and quotes) and its cells were placed one to one; 'tolerant':
 * placed by a tolerant reading (a reworded, wrapped or cut label, the row's place in the official
 * order, surplus blank cells dropped); 'inferred': the cells were split out of numbers run together,
 * by the one split that satisfies the row's relation; 'unreadable': the cells cannot be placed.
 * Rules report errors on exact and tolerant facts only; an inferred fact gives at most a warning
 * that says so; an unreadable one is reported once per table by table-structure.
 */
export type Confidence = 'exact' | 'tolerant' | 'inferred' | 'unreadable';

export interface RecognizedRow {
  key: string;
  /** Label as found in the source (folded); empty when the row was placed by position. */
  label: string;
  labelSpan?: Span;
  match: LabelMatch;
  /** Values by column key; a column is absent when the row's cells could not be placed. */
  cells: Record<string, CellValue>;
  span: Span;
  /** Set when the row's cells cannot be assigned to columns reliably: why. */
  unreadable?: RowUnreadable;
  /** The row's value cells as read, in source order (surplus blanks at the ends dropped): for rules
   *  that can judge cells without knowing their column (blank count of an unreadable row). */
  rawValues: CellValue[];
  /** How sure the reading of this row's cells is. */
  confidence: Confidence;
}

export interface LayoutFingerprint {
  layout: Layout;
  label: string;
  span: Span;
}

/** A column-header cell identified as one of the official columns (table-labels, required-tables). */
export interface RecognizedHeader {
  /** Column key (APPLICANT_COLUMNS / the sub-table's columns); 'label' for 信息内容, 'legalPerson' for 法人或其他组织. */
  key: string;
  /** The sub-table (its 条款, e.g. 第二十条第（一）项) for table 二 headers. */
  group?: string;
  /** The official wording. */
  official: string;
  /** The cell text as written (trimmed). */
  label: string;
  span: Span;
  /** 'exact': same wording up to spaces, width and quotes; 'position': identified by its place between official headers. */
  match: 'exact' | 'position';
}

/**
 * Why a row's cells cannot be placed in its columns:
 * - 'noValues': the row has no value cells at all;
 * - 'blanksLost': blank cells, and a cell count that does not match the columns (the blanks'
 *   places were lost, e.g. in a PDF copy);
 * - 'tooMany': more cells than columns;
 * - 'tooFew': fewer cells than columns, and no blank to explain it.
 */
export type RowUnreadable = 'noValues' | 'blanksLost' | 'tooMany' | 'tooFew';

/** Why a whole table cannot be read: 'scattered' — a plain PDF copy scattered its cells; 'image' — published as a picture. */
/**
 * Why a whole table could not be read: 'scattered' (its cells on lines of their own, numbers among
 * them), 'blank' (its labels one per line and no number anywhere: every cell left empty), 'image'.
 */
export type TableUnreadable = 'scattered' | 'blank' | 'image';

/**
 * What went wrong reading a table (table-structure reports each; its messageIds are mapped from
 * these kinds and reasons in that rule alone):
 * - 'unreadableRow': a row whose cells cannot be placed in columns (`reason`), with the non-blank
 *   value cells found (`count`) and the columns it should have;
 * - 'unknownRow': a row with values whose label matches no official row (`label`; '' when it has
 *   no label and no place in the row order);
 * - 'noDataRow': a table header without its data row.
 */
export type TableProblem =
  | { kind: 'unreadableRow'; rowKey: string; reason: RowUnreadable; count: number; columns: number; span: Span }
  | { kind: 'unknownRow'; label: string; span: Span }
  | { kind: 'noDataRow'; span: Span };

export interface RecognizedTable {
  kind: TableKind;
  layout: Layout;
  /** How the layout was decided: from column headers / row set, or from the report's era. */
  layoutSource: 'headers' | 'era';
  span: Span;
  rows: Record<string, RecognizedRow>;
  /** Column-header cells found (tables 二 and 三; absent when the source lost its header rows). */
  headers?: RecognizedHeader[];
  /** Group labels of table 三 in other words than the official ones ("（五）不予受理"), tied to their group by numbering and by the item beside them. */
  groupLabels?: RecognizedHeader[];
  /** Labels found in the table that only one layout has (domain.md §2.4 era fingerprints), first occurrence each. */
  fingerprints?: LayoutFingerprint[];
  problems: TableProblem[];
  /**
   * The table is there but none of its cells can be read (confidence 'unreadable' for the whole
   * table): 'scattered' — a plain PDF copy scattered its cells (labels and numbers on lines of their
   * own); 'image' — published as a picture. `rows` is empty; no rule reads it; table-structure
   * says so once, required-tables does not call it missing.
   */
  unreadable?: TableUnreadable;
}
