import type { Locale } from '../engine/types.js';
import { defineCatalog, t } from '../i18n/format.js';

/** Texts the language server shows (code action titles, hover, window messages), zh-CN and en. */
export const LSP_TEXT = defineCatalog('lsp', {
  fix: { 'zh-CN': '修复此 {{rule}} 问题', en: 'Fix this {{rule}} problem' },
  fixDirective: { 'zh-CN': '删除此无用的 gia-lint 指令', en: 'Remove this unused gia-lint directive' },
  disableLine: { 'zh-CN': '在此行禁用 {{rule}}', en: 'Disable {{rule}} for this line' },
  disableFile: { 'zh-CN': '在整个文件中禁用 {{rule}}', en: 'Disable {{rule}} for the entire file' },
  fixAll: { 'zh-CN': '修复所有可自动修复的问题', en: 'Fix all auto-fixable problems' },
  showDocs: { 'zh-CN': '查看 {{rule}} 规则文档', en: 'Show documentation for {{rule}}' },
  legalBasis: { 'zh-CN': '法律依据', en: 'Legal basis' },
  docs: { 'zh-CN': '规则文档', en: 'Rule documentation' },
  fixable: { 'zh-CN': '可自动修复', en: 'Auto-fixable' },
  configProblem: { 'zh-CN': 'gia-lint 无法检查此文件：', en: 'gia-lint cannot lint this file: ' },
  settingsProblem: { 'zh-CN': 'gia-lint 编辑器设置：', en: 'gia-lint editor settings: ' },
  internal: { 'zh-CN': 'gia-lint 内部错误：', en: 'gia-lint internal error: ' },
  labelSeparator: { 'zh-CN': '：', en: ': ' },
  settingsNotObject: { 'zh-CN': 'gia-lint 设置应为对象', en: 'gia-lint settings must be an object' },
  settingIgnored: { 'zh-CN': 'gia-lint 设置 {{key}} 应为{{expected}}，已忽略', en: 'gia-lint setting {{key}} must be {{expected}}; ignored' },
  unknownSetting: { 'zh-CN': '未知的 gia-lint 设置 {{key}}（可用：{{known}}），已忽略', en: 'Unknown gia-lint setting {{key}} (known: {{known}}); ignored' },
  expectedConfigPath: { 'zh-CN': '非空字符串（配置文件路径）', en: 'a non-empty string (a config file path)' },
  expectedBoolean: { 'zh-CN': 'true 或 false', en: 'true or false' },
  expectedDebounce: { 'zh-CN': '0 到 10000 之间的整数（毫秒）', en: 'an integer from 0 to 10000 (milliseconds)' },
  expectedUrl: { 'zh-CN': '绝对 URL', en: 'an absolute URL' },
  tooLarge: { 'zh-CN': '文件过大，不予检查（{{size}}，上限 {{limit}}）', en: 'Too large to lint ({{size}}; limit {{limit}})' },
});

export const ui = {
  fix: (rule: string, l: Locale) => t(LSP_TEXT, 'fix', l, { rule }),
  fixDirective: (l: Locale) => t(LSP_TEXT, 'fixDirective', l),
  disableLine: (rule: string, l: Locale) => t(LSP_TEXT, 'disableLine', l, { rule }),
  disableFile: (rule: string, l: Locale) => t(LSP_TEXT, 'disableFile', l, { rule }),
  fixAll: (l: Locale) => t(LSP_TEXT, 'fixAll', l),
  showDocs: (rule: string, l: Locale) => t(LSP_TEXT, 'showDocs', l, { rule }),
  legalBasis: (l: Locale) => t(LSP_TEXT, 'legalBasis', l),
  docs: (l: Locale) => t(LSP_TEXT, 'docs', l),
  fixable: (l: Locale) => t(LSP_TEXT, 'fixable', l),
  configProblem: (l: Locale) => t(LSP_TEXT, 'configProblem', l),
  settingsProblem: (l: Locale) => t(LSP_TEXT, 'settingsProblem', l),
  internal: (l: Locale) => t(LSP_TEXT, 'internal', l),
};
