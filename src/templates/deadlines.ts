/*
 * When a report for year Y must be published: 条例 2019 第四十九条 (reports for 2019 on):
 * departments by Y+1-01-31, people's governments by Y+1-03-31; 条例 2008 第三十一条 (reports up to
 * 2018): Y+1-03-31 for every organ. Townships and 街道 are not named by 第四十九条; their deadline is
 * local. A local deadline (config `deadlines`, "MM-DD") applies where it is earlier than the
 * statutory one, or where there is none. The statutory dates are each era's data (src/templates/eras/).
 */
import { eraForYear } from './eras.js';

export type OrganKindForDeadline = 'department' | 'government' | 'township';

export interface DayDate {
  year: number;
  month: number;
  day: number;
}

export type LocalDeadlines = Partial<Record<OrganKindForDeadline, string>>;

/** The statutory deadline of the report year's era for the organ kind (the era's data says which). */
export function statutoryDeadline(year: number, kind: OrganKindForDeadline | undefined): DayDate | undefined {
  const { deadlines } = eraForYear(year);
  return monthDay(year, deadlines.anyOrgan ?? (kind ? deadlines[kind] : undefined));
}

/** "MM-DD" in the year after the report year. */
function monthDay(year: number, mmdd: string | undefined): DayDate | undefined {
  const m = mmdd ? /^(\d{2})-(\d{2})$/.exec(mmdd) : null;
  return m ? { year: year + 1, month: Number(m[1]), day: Number(m[2]) } : undefined;
}

/** The configured local deadline for the organ kind, in the year after the report year. */
export function localDeadline(year: number, kind: OrganKindForDeadline | undefined, local: LocalDeadlines | undefined): DayDate | undefined {
  return monthDay(year, kind ? local?.[kind] : undefined);
}

/** The deadline that binds: the earlier of the statutory and the local one. */
export function effectiveDeadline(year: number, kind: OrganKindForDeadline | undefined, local?: LocalDeadlines): DayDate | undefined {
  const s = statutoryDeadline(year, kind);
  const l = localDeadline(year, kind, local);
  if (!s || !l) return s ?? l;
  return compareDates(l, s) < 0 ? l : s;
}

export function compareDates(a: DayDate, b: DayDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function isoDate(d: DayDate): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}
