import type { Locale } from '../engine/types.js';
import { DEFAULT_MAX_BYTES, decodeBuffer } from '../formats/decode.js';
import { formatForBytes } from '../formats/index.js';
import { pick } from '../i18n/format.js';
import { readFailureMessage, readRegularFile } from '../io/read-file.js';
import type { Document } from '../model/document.js';
import { prepareScript, type Script } from '../model/script.js';
import { decodeProblem } from './messages.js';
import type { LintOptions } from './options.js';

/**
 * What the engine lints: text, plus the Document when a binary format's processor built it from
 * bytes, and that processor's notes on what it could not read (shown as warnings), and the text's
 * script (decided here, carried to the engine).
 */
export type Input = { text: string; script: Script; document?: Document; notes?: string[]; bytes?: Buffer } | { message: string };

/** An Input that could be read (not the reason it could not). */
export type ReadInput = Exclude<Input, { message: string }>;

/** File → text, or the reason it cannot be linted (already phrased for the user). */
export async function readInput(file: string, options: LintOptions, locale: Locale): Promise<Input> {
  // Only regular files, never more than the limit (src/io/read-file.ts).
  const read = await readRegularFile(file, options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (!read.ok) return { message: read.reason === 'tooLarge' ? decodeProblem('tooLarge', read.size, options, locale) : readFailureMessage(read, locale) };
  return bytesToInput(read.bytes, file, options, locale);
}

/**
 * Bytes → Input. A binary format (by name, or by its magic bytes when the name tells nothing, as
 * on stdin) is read by its processor; everything else is decoded as text. The text's script is
 * decided here, and a traditional-script text has its converter loaded, before the synchronous
 * engine reads it.
 */
export async function bytesToInput(buf: Buffer, filePath: string | undefined, options: LintOptions, locale: Locale): Promise<Input> {
  const input = await decodeInput(buf, filePath, options, locale);
  return 'text' in input ? { ...input, script: await prepareScript(input.text) } : input;
}

async function decodeInput(
  buf: Buffer,
  filePath: string | undefined,
  options: LintOptions,
  locale: Locale,
): Promise<Omit<ReadInput, 'script'> | { message: string }> {
  const format = formatForBytes(filePath, buf);
  if (format?.binary) {
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    if (buf.length > maxBytes) return { message: decodeProblem('tooLarge', buf.length, options, locale) };
    if (buf.length === 0) return { message: decodeProblem('empty', 0, options, locale) };
    const parsed = await format.parse(buf);
    if (!parsed.ok) return { message: pick(parsed.message, locale) };
    return { text: parsed.document.source.text, document: parsed.document, notes: parsed.notes?.map((n) => pick(n, locale)), bytes: buf };
  }
  const decoded = await decodeBuffer(buf, { encoding: options.encoding, maxBytes: options.maxBytes });
  return decoded.ok ? { text: decoded.text } : { message: decodeProblem(decoded.reason, buf.length, options, locale) };
}
