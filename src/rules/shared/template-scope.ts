import type { Report } from '../../model/report.js';

/**
 * Whether the unified format's tables apply to a report: not to legacy (pre-2019) reports, not to
 * a draft whose year is unknown (which format would be a guess), and to the 2019 report only when
 * `include2019` — 国办公开办函〔2019〕60号 merely encouraged the format for 2019 reports.
 */
export function tablesApply(report: Report, include2019: boolean): boolean {
  if (report.era === 'legacy') return false;
  if (report.eraSource !== 'year' || !report.year) return false;
  if (report.year.value === 2019 && !include2019) return false;
  return true;
}
