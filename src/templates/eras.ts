/**
 * Template eras. Which regulation and which official layout applies is decided by the report
 * year (domain.md §1.3): 2008–2018 the 2008 条例 (free-form), 2019–2020 国办公开办函〔2019〕60号,
 * 2021 on 国办公开办函〔2021〕30号.
 */
export type Era = 'legacy' | '2019' | '2021';
/** The table layouts of the unified format. Legacy reports have none. */
export type Layout = '2019' | '2021';

export function eraForYear(year: number): Era {
  if (year <= 2018) return 'legacy';
  if (year <= 2020) return '2019';
  return '2021';
}

export const ERA_NAMES: Record<Era, { 'zh-CN': string; en: string }> = {
  legacy: { 'zh-CN': '2008年条例时期（2008—2018年度，无统一格式）', en: 'the 2008 regulation era (2008–2018, no unified format)' },
  '2019': { 'zh-CN': '国办公开办函〔2019〕60号格式（2019—2020年度）', en: 'the 2019 format, 国办公开办函〔2019〕60号 (2019–2020 reports)' },
  '2021': { 'zh-CN': '国办公开办函〔2021〕30号格式（2021年度起）', en: 'the 2021 format, 国办公开办函〔2021〕30号 (reports for 2021 on)' },
};
