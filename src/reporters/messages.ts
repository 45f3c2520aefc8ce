import { defineCatalog } from '../i18n/format.js';

/** Texts of the reporters (stylish, github, junit, sarif, the region overview of csv / summary-json / html). */
export const REPORTER_TEXT = defineCatalog('reporters', {
  problem_one: { 'zh-CN': '{{count}} 个问题', en: '{{count}} problem' },
  problem_other: { 'zh-CN': '{{count}} 个问题', en: '{{count}} problems' },
  error_one: { 'zh-CN': '{{count}} 个错误', en: '{{count}} error' },
  error_other: { 'zh-CN': '{{count}} 个错误', en: '{{count}} errors' },
  warning_one: { 'zh-CN': '{{count}} 个警告', en: '{{count}} warning' },
  warning_other: { 'zh-CN': '{{count}} 个警告', en: '{{count}} warnings' },
  /** The closing line of stylish and github: "3 problems (1 error, 2 warnings)". */
  summary: { 'zh-CN': '{{problems}}（{{errors}}，{{warnings}}）', en: '{{problems}} ({{errors}}, {{warnings}})' },
  fixable: {
    'zh-CN': '其中 {{errors}}和 {{warnings}}可使用 --fix 选项自动修复。',
    en: '{{errors}} and {{warnings}} potentially fixable with the `--fix` option.',
  },
  severityError: { 'zh-CN': '错误', en: 'error' },
  severityWarning: { 'zh-CN': '警告', en: 'warning' },
  /** Where a PDF message is on the printed page. */
  pageLine: { 'zh-CN': '第{{page}}页第{{line}}行', en: 'p.{{page}} l.{{line}}' },
  /** junit: the test case of a file without problems, and the rule name of a fatal message. */
  noProblems: { 'zh-CN': '没有问题', en: 'no problems' },
  fatalRule: { 'zh-CN': '无法检查', en: 'fatal' },
  unknownFormat: { 'zh-CN': '未知的输出格式 "{{name}}"（可用：{{names}}）', en: 'Unknown format "{{name}}" (available: {{names}})' },
  sarifHelp: { 'zh-CN': '{{description}}法律依据：{{basis}}。', en: '{{description}} Legal basis: {{basis}}.' },
  sarifFix: { 'zh-CN': '应用建议的修改', en: 'Apply the suggested correction' },
  /** The region overview's status, kind, role and notes columns. */
  statusUnreadable: { 'zh-CN': '无法读取', en: 'unreadable' },
  statusPassed: { 'zh-CN': '通过', en: 'passed' },
  statusFailed: { 'zh-CN': '未通过', en: 'failed' },
  statusMissing: { 'zh-CN': '缺报告', en: 'missing' },
  kindDepartment: { 'zh-CN': '部门', en: 'department' },
  kindGovernment: { 'zh-CN': '政府', en: 'government' },
  kindTownship: { 'zh-CN': '乡镇（街道）', en: 'township' },
  roleTotal: { 'zh-CN': '汇总（本级）', en: 'total' },
  rolePart: { 'zh-CN': '所属单位', en: 'unit' },
  late: { 'zh-CN': '超期', en: 'late' },
  onTime: { 'zh-CN': '按期', en: 'on time' },
  noPreviousReport: { 'zh-CN': '未找到上一年度报告', en: 'no report for the year before found' },
  signedLate: { 'zh-CN': '落款晚于期限', en: 'signed after the deadline' },
  noteSeparator: { 'zh-CN': '；', en: '; ' },
  missingReport: { 'zh-CN': '{{total}} 汇总范围内的单位，未找到其报告', en: 'covered by {{total}}, but no report was found' },
});
