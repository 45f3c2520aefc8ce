import type { Locale } from '../engine/types.js';
import { DEFAULT_MAX_BYTES, type DecodeFailureReason } from '../formats/decode.js';

/** The API's own texts for the user (file problems, write failures, missing inputs), in both locales. */

export function decodeProblem(reason: DecodeFailureReason, size: number, options: { maxBytes?: number; encoding?: string }, locale: Locale): string {
  const en = locale === 'en';
  switch (reason) {
    case 'empty':
      return en ? 'File is empty; there is nothing to lint' : '文件为空，没有可检查的内容';
    case 'binary':
      return en
        ? 'File appears to be binary (contains NUL bytes), not a text report'
        : '文件看起来是二进制文件（含 NUL 字节），不是文本报告';
    case 'tooLarge': {
      const limit = humanSize(options.maxBytes ?? DEFAULT_MAX_BYTES);
      return en ? `File is too large (${humanSize(size)}; limit ${limit})` : `文件过大（${humanSize(size)}，上限 ${limit}）`;
    }
    case 'undecodable':
      return options.encoding
        ? en
          ? `File cannot be decoded as ${options.encoding}`
          : `无法按 ${options.encoding} 编码解码文件`
        : en
          ? 'Unknown text encoding (neither valid UTF-8 nor GB18030)'
          : '无法识别文件编码（既不是有效的 UTF-8，也不是 GB18030）';
  }
}

function humanSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

export function previousDirMissing(shown: string, locale: Locale): string {
  return locale === 'en' ? `Cannot use the folder of last year's reports ${shown}: no such directory` : `无法使用上一年度报告文件夹 ${shown}：目录不存在`;
}

export function previousUnusable(shown: string, why: string, locale: Locale): string {
  return locale === 'en' ? `Cannot use the previous report ${shown}: ${why}` : `无法使用上一年度报告 ${shown}：${why}`;
}

export function noSuchFile(locale: Locale): string {
  return locale === 'en' ? 'no such file' : '文件不存在';
}

export function fixRefused(file: string, reason: 'readOnly' | 'notRegular', locale: Locale): string {
  const en = locale === 'en';
  return reason === 'readOnly'
    ? en ? `Not fixing ${file}: the file is read-only` : `未修复 ${file}：文件是只读的`
    : en ? `Not fixing ${file}: not a regular file` : `未修复 ${file}：不是普通文件`;
}

export function fixWriteFailed(file: string, reason: string, locale: Locale): string {
  return locale === 'en' ? `Cannot write the fixed file ${file} (${reason})` : `无法写入修复后的文件 ${file}（${reason}）`;
}

export function noFilesGiven(locale: Locale): string {
  return locale === 'en' ? 'No files given' : '没有指定要检查的文件';
}

export function noLintableFiles(dir: string, exts: string[], locale: Locale): string {
  return locale === 'en'
    ? `No lintable files (${exts.join(', ')}) in directory ${dir}`
    : `目录 ${dir} 中没有可检查的文件（${exts.join('、')}）`;
}

export function noGlobMatch(pattern: string, locale: Locale): string {
  return locale === 'en' ? `No files matching the pattern "${pattern}" were found` : `没有文件匹配模式 "${pattern}"`;
}

export function noSuchPath(missing: string, locale: Locale): string {
  return locale === 'en' ? `No such file or directory: ${missing}` : `找不到文件或目录：${missing}`;
}

/** Appended to a message whose fix --fix could not write into a binary file. */
export const MANUAL_FIX = { 'zh-CN': '（无法自动修复：请在 Word 或 WPS 中手动修改）', en: ' (cannot be fixed automatically: make this change in Word or WPS)' };
