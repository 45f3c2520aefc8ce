import type { Report } from '../../model/report.js';
import { eraNamed } from '../../templates/eras.js';

/**
 * Whether the unified format's tables apply to a report: not to a free-form era (pre-2019), not to
 * a draft whose year is unknown (which format would be a guess), and in a year where the format
 * was only encouraged (2019: 国办公开办函〔2019〕60号) only when `includeOptional`.
 */
export function tablesApply(report: Report, includeOptional: boolean): boolean {
  const era = eraNamed(report.era);
  if (!era.layout) return false;
  if (report.eraSource !== 'year' || !report.year) return false;
  if (era.tablesOptionalIn?.includes(report.year.value) && !includeOptional) return false;
  return true;
}
