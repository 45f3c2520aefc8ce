import type { Locale } from '../engine/types.js';
import { DEFAULT_MAX_BYTES, type DecodeFailureReason } from '../formats/decode.js';
import { defineCatalog, t } from '../i18n/format.js';
import { joinList } from '../i18n/locales.js';

/** The API's own texts for the user (file problems, write failures, missing inputs). */
const API_TEXT = defineCatalog('api', {
  emptyFile: { 'zh-CN': '文件为空，没有可检查的内容', en: 'File is empty; there is nothing to lint' },
  binaryFile: { 'zh-CN': '文件看起来是二进制文件（含 NUL 字节），不是文本报告', en: 'File appears to be binary (contains NUL bytes), not a text report' },
  fileTooLarge: { 'zh-CN': '文件过大（{{size}}，上限 {{limit}}）', en: 'File is too large ({{size}}; limit {{limit}})' },
  notInEncoding: { 'zh-CN': '无法按 {{encoding}} 编码解码文件', en: 'File cannot be decoded as {{encoding}}' },
  unknownEncoding: { 'zh-CN': '无法识别文件编码（既不是有效的 UTF-8，也不是 GB18030）', en: 'Unknown text encoding (neither valid UTF-8 nor GB18030)' },
  previousDirMissing: {
    'zh-CN': '无法使用上一年度报告文件夹 {{dir}}：目录不存在',
    en: "Cannot use the folder of last year's reports {{dir}}: no such directory",
  },
  previousUnusable: { 'zh-CN': '无法使用上一年度报告 {{file}}：{{why}}', en: 'Cannot use the previous report {{file}}: {{why}}' },
  noSuchFile: { 'zh-CN': '文件不存在', en: 'no such file' },
  fixReadOnly: { 'zh-CN': '未修复 {{file}}：文件是只读的', en: 'Not fixing {{file}}: the file is read-only' },
  fixNotRegular: { 'zh-CN': '未修复 {{file}}：不是普通文件', en: 'Not fixing {{file}}: not a regular file' },
  fixWriteFailed: { 'zh-CN': '无法写入修复后的文件 {{file}}（{{reason}}）', en: 'Cannot write the fixed file {{file}} ({{reason}})' },
  noFilesGiven: { 'zh-CN': '没有指定要检查的文件', en: 'No files given' },
  noLintableFiles: { 'zh-CN': '目录 {{dir}} 中没有可检查的文件（{{extensions}}）', en: 'No lintable files ({{extensions}}) in directory {{dir}}' },
  noGlobMatch: { 'zh-CN': '没有文件匹配模式 "{{pattern}}"', en: 'No files matching the pattern "{{pattern}}" were found' },
  noSuchPath: { 'zh-CN': '找不到文件或目录：{{path}}', en: 'No such file or directory: {{path}}' },
  /** Appended to a message whose fix --fix could not write into a binary file. */
  manualFix: { 'zh-CN': '（无法自动修复：请在 Word 或 WPS 中手动修改）', en: ' (cannot be fixed automatically: make this change in Word or WPS)' },
});

export function decodeProblem(reason: DecodeFailureReason, size: number, options: { maxBytes?: number; encoding?: string }, locale: Locale): string {
  switch (reason) {
    case 'empty':
      return t(API_TEXT, 'emptyFile', locale);
    case 'binary':
      return t(API_TEXT, 'binaryFile', locale);
    case 'tooLarge':
      return t(API_TEXT, 'fileTooLarge', locale, { size: humanSize(size), limit: humanSize(options.maxBytes ?? DEFAULT_MAX_BYTES) });
    case 'undecodable':
      return options.encoding ? t(API_TEXT, 'notInEncoding', locale, { encoding: options.encoding }) : t(API_TEXT, 'unknownEncoding', locale);
  }
}

function humanSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

export function previousDirMissing(shown: string, locale: Locale): string {
  return t(API_TEXT, 'previousDirMissing', locale, { dir: shown });
}

export function previousUnusable(shown: string, why: string, locale: Locale): string {
  return t(API_TEXT, 'previousUnusable', locale, { file: shown, why });
}

export function noSuchFile(locale: Locale): string {
  return t(API_TEXT, 'noSuchFile', locale);
}

export function fixRefused(file: string, reason: 'readOnly' | 'notRegular', locale: Locale): string {
  return t(API_TEXT, reason === 'readOnly' ? 'fixReadOnly' : 'fixNotRegular', locale, { file });
}

export function fixWriteFailed(file: string, reason: string, locale: Locale): string {
  return t(API_TEXT, 'fixWriteFailed', locale, { file, reason });
}

export function noFilesGiven(locale: Locale): string {
  return t(API_TEXT, 'noFilesGiven', locale);
}

export function noLintableFiles(dir: string, exts: string[], locale: Locale): string {
  return t(API_TEXT, 'noLintableFiles', locale, { dir, extensions: joinList(exts, locale) });
}

export function noGlobMatch(pattern: string, locale: Locale): string {
  return t(API_TEXT, 'noGlobMatch', locale, { pattern });
}

export function noSuchPath(missing: string, locale: Locale): string {
  return t(API_TEXT, 'noSuchPath', locale, { path: missing });
}

/** Appended to a message whose fix --fix could not write into a binary file. */
export function manualFixNote(locale: Locale): string {
  return t(API_TEXT, 'manualFix', locale);
}
