import type { LocalizedText } from '../i18n/types.js';
import type { OrganKindForDeadline } from './deadlines.js';
import type { SectionTemplate } from './sections.js';

/**
 * The shape of a template era: which regulation and which official layout apply to reports of a
 * span of years (domain.md §1.3). An era is one data record in src/templates/eras/; rules and the
 * recognizer ask it what applies (`era.has('processingFee')`, `era.layout`, `era.sections`) and
 * never compare era names, so a new era is a new record, not new code.
 */

/** The table layouts of the unified format (src/templates/tables.ts holds their rows and columns). */
export type Layout = '2019' | '2021';

/**
 * What an era prescribes beyond its sections and tables:
 * - `processingFee`: section 六 must state the 信息处理费 (notices, amounts, collected), per
 *   《政府信息公开信息处理费管理办法》 (国办函〔2020〕109号) as taken up by the 2021 format;
 * - `accountabilityResults`: a people's government reports the results of 工作考核、社会评议和
 *   责任追究 (条例 2019 第五十条（四）; the 2008 条例 had no such item).
 */
export type EraFeature = 'processingFee' | 'accountabilityResults';

export interface EraData {
  /** A stable id, shown in debugging output and used by tests ('legacy', '2019', '2021' …). */
  id: string;
  /** Report years the era applies to, inclusive; `to` absent = still in force. */
  years: { from: number; to?: number };
  /** The era as a reader knows it, e.g. in "reports under {{format}} must contain all six sections". */
  name: LocalizedText;
  /** The unified format's own name, for "must include the table as laid down by {{format}}". */
  formatName?: LocalizedText;
  /** The table layout; absent for a free-form era (no unified tables). */
  layout?: Layout;
  /** Report years in which the format was only encouraged, not required (its tables are not checked unless asked). */
  tablesOptionalIn?: number[];
  /** The mandated sections, in order; empty for a free-form era. */
  sections: readonly SectionTemplate[];
  /** Statutory publication deadline ("MM-DD" of the following year) by organ kind; `anyOrgan` when one date binds every organ. */
  deadlines: Partial<Record<OrganKindForDeadline | 'anyOrgan', string>>;
  /** The provision that sets those deadlines (cited where a 落款 date is judged against them). */
  deadlineBasis: LocalizedText;
  /**
   * The 统计时限 sentence: `required` → a report without it is an error; otherwise a warning citing
   * `legalBasis` (a free-form era prescribed no format, so a missing sentence is incompleteness).
   */
  statisticsPeriod: { required: true } | { required: false; legalBasis: LocalizedText };
  features: readonly EraFeature[];
}

export interface EraTemplate extends Readonly<EraData> {
  /** Whether the era prescribes the feature. */
  has(feature: EraFeature): boolean;
  /** Whether the era applies to the report year. */
  covers(year: number): boolean;
}

/** An era record from its data (each data file in src/templates/eras/ is one call). */
export function defineEra(data: EraData): EraTemplate {
  return {
    ...data,
    has: (feature) => data.features.includes(feature),
    covers: (year) => year >= data.years.from && (data.years.to === undefined || year <= data.years.to),
  };
}
