import type { LintResult, Locale, LocalizedText } from '../engine/types.js';
import { t } from '../i18n/format.js';
import { REPORTER_TEXT } from './messages.js';
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
  title: LocalizedText;
  value(row: OverviewRow, ctx: ReporterContext): string;
}

const KIND: Record<string, 'kindDepartment' | 'kindGovernment' | 'kindTownship'> = {
  department: 'kindDepartment',
  government: 'kindGovernment',
  township: 'kindTownship',
};
const ROLE: Record<string, 'roleTotal' | 'rolePart'> = { total: 'roleTotal', part: 'rolePart' };

export function statusText(row: OverviewRow, locale: Locale): string {
  if (row.fatal) return t(REPORTER_TEXT, 'statusUnreadable', locale);
  return row.passed ? t(REPORTER_TEXT, 'statusPassed', locale) : t(REPORTER_TEXT, 'statusFailed', locale);
}

export function percent(share: number | undefined): string {
  return share === undefined ? '' : `${Math.round(share * 100)}%`;
}

export function noteText(row: OverviewRow, locale: Locale): string {
  const notes: string[] = [];
  if (row.previousWanted && !row.previousFile && !row.fatal) notes.push(t(REPORTER_TEXT, 'noPreviousReport', locale));
  if (row.late) notes.push(t(REPORTER_TEXT, 'signedLate', locale));
  return notes.join(t(REPORTER_TEXT, 'noteSeparator', locale));
}

export const OVERVIEW_COLUMNS: OverviewColumn[] = [
  { key: 'file', title: { 'zh-CN': '文件', en: 'File' }, value: (r, c) => relativePath(c.cwd, r.file) },
  { key: 'organ', title: { 'zh-CN': '机关', en: 'Organ' }, value: (r) => r.organ ?? '' },
  { key: 'year', title: { 'zh-CN': '年度', en: 'Year' }, value: (r) => (r.year === undefined ? '' : String(r.year)) },
  { key: 'kind', title: { 'zh-CN': '类型', en: 'Kind' }, value: (r, c) => (r.kind ? t(REPORTER_TEXT, KIND[r.kind], c.locale) : '') },
  { key: 'role', title: { 'zh-CN': '汇总关系', en: 'Role' }, value: (r, c) => (r.role ? t(REPORTER_TEXT, ROLE[r.role], c.locale) : '') },
  { key: 'status', title: { 'zh-CN': '结论', en: 'Status' }, value: (r, c) => statusText(r, c.locale) },
  { key: 'errors', title: { 'zh-CN': '错误', en: 'Errors' }, value: (r) => String(r.errors) },
  { key: 'warnings', title: { 'zh-CN': '警告', en: 'Warnings' }, value: (r) => String(r.warnings) },
  { key: 'signed', title: { 'zh-CN': '落款日期', en: 'Signed' }, value: (r) => r.signed ?? '' },
  { key: 'deadline', title: { 'zh-CN': '公布期限', en: 'Deadline' }, value: (r) => r.deadline ?? '' },
  {
    key: 'onTime',
    title: { 'zh-CN': '是否按期', en: 'On time' },
    value: (r, c) => (r.late === undefined ? '' : r.late ? t(REPORTER_TEXT, 'late', c.locale) : t(REPORTER_TEXT, 'onTime', c.locale)),
  },
  { key: 'copied', title: { 'zh-CN': '与上年雷同', en: 'Copied from last year' }, value: (r) => percent(r.copiedShare) },
  { key: 'previous', title: { 'zh-CN': '上年报告', en: 'Last year' }, value: (r, c) => (r.previousFile ? relativePath(c.cwd, r.previousFile) : '') },
  { key: 'note', title: { 'zh-CN': '备注', en: 'Note' }, value: (r, c) => noteText(r, c.locale) },
];

/** A row for an expected unit without a report, in the same columns. */
export function missingRow(m: RegionOverview['missing'][number], ctx: ReporterContext): Record<string, string> {
  const row: Record<string, string> = Object.fromEntries(OVERVIEW_COLUMNS.map((c) => [c.key, '']));
  row.organ = m.organ;
  row.status = t(REPORTER_TEXT, 'statusMissing', ctx.locale);
  row.note = t(REPORTER_TEXT, 'missingReport', ctx.locale, { total: relativePath(ctx.cwd, m.total) });
  return row;
}
