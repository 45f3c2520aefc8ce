import { defineCatalog } from './format.js';

/**
 * Names from the report model used inside messages of several rules and of the region check:
 * tables, rows, groups, the legal-basis suffix. A text used by one rule only stays in that rule.
 */
export const TERMS = defineCatalog('terms', {
  tableActive: { 'zh-CN': '表二（主动公开政府信息情况）', en: 'table II (proactive disclosure)' },
  tableApplications: { 'zh-CN': '表三（收到和处理政府信息公开申请情况）', en: 'table III (applications)' },
  tableReview: { 'zh-CN': '表四（行政复议、行政诉讼情况）', en: 'table IV (review and litigation)' },
  /** A column group of a table (表二's sub-tables, 表四's 行政复议 / 行政诉讼), after the table's name. */
  columnGroup: { 'zh-CN': '「{{group}}」', en: ' ({{group}})' },
  /** A row of table 二 or 三 named by its label. */
  row: { 'zh-CN': '「{{row}}」行', en: 'row "{{row}}"' },
  /** Appended to every message that has a legal basis. */
  basisSuffix: { 'zh-CN': '（依据：{{basis}}）', en: ' (basis: {{basis}})' },
  inferredCells: { 'zh-CN': '（单元格数值由连写的数字推断，请核对）', en: ' (the cells were inferred from numbers run together; please check)' },
});
