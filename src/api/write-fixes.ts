import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { GiaLintError } from '../config/errors.js';
import type { LintResult, Locale } from '../engine/types.js';
import { decodeBuffer, loadLegacyCodec } from '../formats/decode.js';
import { formatById } from '../formats/index.js';
import { WriteRefusedError, writeFileSafely } from '../io/write-file.js';
import { fixRefused, fixWriteFailed } from './messages.js';

/**
 * Write the fixed text of every result that has `output` (ESLint's `ESLint.outputFixes`), in the
 * file's own encoding (a GBK file stays GBK, a BOM stays), the way src/io/write-file.ts writes
 * (a symlink's target is fixed; hard links, mode and owner are kept; read-only files are refused).
 * Results without a real file (stdin, "<text>") are skipped. A file that cannot be written does
 * not stop the others: they are all written, then one error names every file that was not.
 * Resolves to the files written.
 */
export async function outputFixes(results: LintResult[], options: { locale?: Locale; encoding?: string } = {}): Promise<string[]> {
  const locale = options.locale ?? 'zh-CN';
  const written: string[] = [];
  const failed: string[] = [];
  for (const r of results) {
    if (r.output === undefined || !path.isAbsolute(r.filePath)) continue;
    // A binary format's `output` is its fixed text view; the file gets `outputBytes` or nothing.
    const binary = r.format !== undefined && formatById(r.format)?.binary === true;
    if (binary && !r.outputBytes) continue;
    try {
      await writeFixed(r.filePath, r.output, r.outputBytes, options.encoding);
      written.push(r.filePath);
    } catch (e) {
      if (e instanceof WriteRefusedError) {
        failed.push(fixRefused(r.filePath, e.reason, locale));
        continue;
      }
      const reason = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
      failed.push(fixWriteFailed(r.filePath, reason, locale));
    }
  }
  if (failed.length) throw new GiaLintError(failed.join('\n'));
  return written;
}

/** One fixed file: the bytes a binary format's writer made, or the fixed text in the file's own encoding. */
async function writeFixed(file: string, output: string, outputBytes: Uint8Array | undefined, encoding: string | undefined): Promise<void> {
  if (outputBytes) {
    await writeFileAtomic(file, Buffer.from(outputBytes));
    return;
  }
  // The encoding is detected again from the file itself (results may come from worker
  // threads or a cache), exactly as it was when the file was linted.
  const before = await readFile(file);
  const decoded = await decodeBuffer(before, { encoding, maxBytes: Infinity });
  const detected = decoded.ok ? decoded.encoding : 'utf-8';
  await writeFileSafely(file, await encodeText(output, detected, bomOf(before)));
}

const BOMS: Record<string, number[]> = { 'utf-8': [0xef, 0xbb, 0xbf], 'utf-16le': [0xff, 0xfe], 'utf-16be': [0xfe, 0xff] };

export async function encodeText(text: string, encoding: string, bom: boolean): Promise<Buffer> {
  const body = encoding === 'utf-8' ? Buffer.from(text, 'utf8') : (await loadLegacyCodec()).encode(text, encoding);
  return bom && BOMS[encoding] ? Buffer.concat([Buffer.from(BOMS[encoding]), body]) : body;
}

export function bomOf(buf: Buffer): boolean {
  return Object.values(BOMS).some((b) => b.every((byte, i) => buf[i] === byte));
}

/** Write a file the way --fix does (src/io/write-file.ts): symlink target, hard links, mode and owner kept, fsynced. */
export const writeFileAtomic = writeFileSafely;
