import type { Locale } from '../engine/types.js';

/** Texts the language server shows (code action titles, hover, window messages), zh-CN and en. */
type Pair = [zh: string, en: string];
const pick = (l: Locale, [zh, en]: Pair) => (l === 'en' ? en : zh);

export const ui = {
  fix: (rule: string, l: Locale) => pick(l, [`修复此 ${rule} 问题`, `Fix this ${rule} problem`]),
  fixDirective: (l: Locale) => pick(l, ['删除此无用的 gia-lint 指令', 'Remove this unused gia-lint directive']),
  disableLine: (rule: string, l: Locale) => pick(l, [`在此行禁用 ${rule}`, `Disable ${rule} for this line`]),
  disableFile: (rule: string, l: Locale) => pick(l, [`在整个文件中禁用 ${rule}`, `Disable ${rule} for the entire file`]),
  fixAll: (l: Locale) => pick(l, ['修复所有可自动修复的问题', 'Fix all auto-fixable problems']),
  showDocs: (rule: string, l: Locale) => pick(l, [`查看 ${rule} 规则文档`, `Show documentation for ${rule}`]),
  legalBasis: (l: Locale) => pick(l, ['法律依据', 'Legal basis']),
  docs: (l: Locale) => pick(l, ['规则文档', 'Rule documentation']),
  fixable: (l: Locale) => pick(l, ['可自动修复', 'Auto-fixable']),
  configProblem: (l: Locale) => pick(l, ['gia-lint 无法检查此文件：', 'gia-lint cannot lint this file: ']),
  settingsProblem: (l: Locale) => pick(l, ['gia-lint 编辑器设置：', 'gia-lint editor settings: ']),
  internal: (l: Locale) => pick(l, ['gia-lint 内部错误：', 'gia-lint internal error: ']),
};
