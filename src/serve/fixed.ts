import path from 'node:path';
import { bomOf, encodeText, lintBuffer, type LintTextOptions } from '../api.js';
import type { Locale } from '../engine/types.js';
import { decodeBuffer } from '../formats/decode.js';
import { formatForBytes } from '../formats/index.js';
import { t } from '../i18n/format.js';
import { SERVE_TEXT } from './messages.js';

/** A corrected copy of an uploaded file, for "下载修正后的文件". */
export interface FixedFile {
  name: string;
  bytes: Buffer;
  type: string;
}

/**
 * Whether the format of this upload can take its fixes back, as its descriptor declares: a text
 * format's fixes are edits of the decoded text, written in the file's own encoding; a binary
 * format may have a writer that places them in its bytes. One whose fixes are 'manual' (its
 * positions are a view of the file) has no corrected copy.
 */
export function canWriteFixes(name: string, bytes: Buffer): boolean {
  const format = formatForBytes(name, bytes);
  return format === undefined || format.fixes !== 'manual';
}

/** Whether this upload is of a binary format whose descriptor has a writer for fixes (.docx). */
export function writesBinaryFixes(name: string, bytes: Buffer): boolean {
  const format = formatForBytes(name, bytes);
  return format?.binary === true && format.fixes !== 'manual';
}

/**
 * Lint again with every fix applied (ESLint's multi-pass fixing, as `--fix` does) and encode the
 * result as the original was: same encoding, same BOM. Undefined when nothing could be written back.
 */
export async function fixedFile(bytes: Buffer, name: string, options: LintTextOptions, locale: Locale): Promise<FixedFile | undefined> {
  if (!canWriteFixes(name, bytes)) return undefined;
  const result = await lintBuffer(bytes, { ...options, fix: true, includeSource: false });
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length) || name;
  const fixedName = `${stem}${t(SERVE_TEXT, 'fixedSuffix', locale)}${ext}`;
  // A binary format's writer placed the fixes in the file's bytes; its `output` is only a text view.
  if (result.outputBytes) return { name: fixedName, bytes: Buffer.from(result.outputBytes), type: 'application/octet-stream' };
  if (result.output === undefined || formatForBytes(name, bytes)?.binary) return undefined;
  const decoded = await decodeBuffer(bytes, { encoding: options.encoding, maxBytes: Infinity });
  const encoding = decoded.ok ? decoded.encoding : 'utf-8';
  return { name: fixedName, bytes: await encodeText(result.output, encoding, bomOf(bytes)), type: 'application/octet-stream' };
}
