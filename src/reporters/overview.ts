import type { LintResult, Locale } from '../engine/types.js';
import { buildOverview, type OverviewRow, type RegionOverview } from '../region/index.js';
import type { ReporterContext } from './types.js';
import { relativePath } from './util.js';

/**
 * The region overview as the reporters show it (csv, summary-json, the top of html): one row per
 * unit, then the expected units without a report. Pure: from the region stage's overview when the
 * CLI ran one (`ctx.region`), else built from the results.
 */
export function overviewOf(results: LintResult[], ctx: ReporterContext): RegionOverview {
  return ctx.region ?? buildOverview(results);
}

export interface OverviewColumn {
  key: string;
  zh: string;
  en: string;
  value(row: OverviewRow, ctx: ReporterContext): string;
}

const KIND: Record<string, [string, string]> = { department: ['部门', 'department'], government: ['政府', 'government'], township: ['乡镇（街道）', 'township'] };
const ROLE: Record<string, [string, string]> = { total: ['汇总（本级）', 'total'], part: ['所属单位', 'unit'] };

const t = (locale: Locale, zh: string, en: string) => (locale === 'en' ? en : zh);

export function statusText(row: OverviewRow, locale: Locale): string {
  if (row.fatal) return t(locale, '无法读取', 'unreadable');
  return row.passed ? t(locale, '通过', 'passed') : t(locale, '未通过', 'failed');
}

export function percent(share: number | undefined): string {
  return share === undefined ? '' : `${Math.round(share * 100)}%`;
}

export function noteText(row: OverviewRow, locale: Locale): string {
  const notes: string[] = [];
  if (row.previousWanted && !row.previousFile && !row.fatal) notes.push(t(locale, '未找到上一年度报告', 'no report for the year before found'));
  if (row.late) notes.push(t(locale, '落款晚于期限', 'signed after the deadline'));
  return notes.join(t(locale, '；', '; '));
}

export const OVERVIEW_COLUMNS: OverviewColumn[] = [
  { key: 'file', zh: '文件', en: 'File', value: (r, c) => relativePath(c.cwd, r.file) },
  { key: 'organ', zh: '机关', en: 'Organ', value: (r) => r.organ ?? '' },
  { key: 'year', zh: '年度', en: 'Year', value: (r) => (r.year === undefined ? '' : String(r.year)) },
  { key: 'kind', zh: '类型', en: 'Kind', value: (r, c) => (r.kind ? t(c.locale, ...KIND[r.kind]) : '') },
  { key: 'role', zh: '汇总关系', en: 'Role', value: (r, c) => (r.role ? t(c.locale, ...ROLE[r.role]) : '') },
  { key: 'status', zh: '结论', en: 'Status', value: (r, c) => statusText(r, c.locale) },
  { key: 'errors', zh: '错误', en: 'Errors', value: (r) => String(r.errors) },
  { key: 'warnings', zh: '警告', en: 'Warnings', value: (r) => String(r.warnings) },
  { key: 'signed', zh: '落款日期', en: 'Signed', value: (r) => r.signed ?? '' },
  { key: 'deadline', zh: '公布期限', en: 'Deadline', value: (r) => r.deadline ?? '' },
  { key: 'onTime', zh: '是否按期', en: 'On time', value: (r, c) => (r.late === undefined ? '' : r.late ? t(c.locale, '超期', 'late') : t(c.locale, '按期', 'on time')) },
  { key: 'copied', zh: '与上年雷同', en: 'Copied from last year', value: (r) => percent(r.copiedShare) },
  { key: 'previous', zh: '上年报告', en: 'Last year', value: (r, c) => (r.previousFile ? relativePath(c.cwd, r.previousFile) : '') },
  { key: 'note', zh: '备注', en: 'Note', value: (r, c) => noteText(r, c.locale) },
];

/** A row for an expected unit without a report, in the same columns. */
export function missingRow(m: RegionOverview['missing'][number], ctx: ReporterContext): Record<string, string> {
  const row: Record<string, string> = Object.fromEntries(OVERVIEW_COLUMNS.map((c) => [c.key, '']));
  row.organ = m.organ;
  row.status = t(ctx.locale, '缺报告', 'missing');
  row.note = t(ctx.locale, `${relativePath(ctx.cwd, m.total)} 汇总范围内的单位，未找到其报告`, `covered by ${relativePath(ctx.cwd, m.total)}, but no report was found`);
  return row;
}
