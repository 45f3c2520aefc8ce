/**
 * Bytes → text. Reports arrive as UTF-8 (with or without BOM), UTF-16 exported from Word, or
 * GB18030/GBK saved by older Windows tools; this picks the right one without asking the user.
 */

type LegacyCodec = typeof import('iconv-lite');
let legacyCodec: Promise<LegacyCodec> | undefined;

/**
 * iconv-lite, for every encoding but UTF-8. Loaded on first use: with its code tables it is a
 * quarter of the CLI's code, and a run over UTF-8 files (nearly all of them) never needs it.
 */
export function loadLegacyCodec(): Promise<LegacyCodec> {
  return (legacyCodec ??= import('iconv-lite').then((m) => m.default));
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export interface DecodeOptions {
  /** Force an encoding (any name iconv-lite knows, e.g. "gbk"); skips detection. */
  encoding?: string;
  /** Larger inputs are refused with reason 'tooLarge'. Default 20 MiB. */
  maxBytes?: number;
}

export type DecodeFailureReason = 'empty' | 'binary' | 'tooLarge' | 'undecodable';

export type DecodeResult = { ok: true; text: string; encoding: string } | { ok: false; reason: DecodeFailureReason; message: string };

/** One strict decoder for every file: without `stream`, each decode stands alone (one that fails leaves nothing behind). */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** How many leading bytes are inspected for NUL bytes (8 KiB, like git's binary heuristic). */
const SNIFF_BYTES = 8192;

export async function decodeBuffer(buf: Buffer, opts: DecodeOptions = {}): Promise<DecodeResult> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (buf.length > maxBytes) {
    return fail('tooLarge', `file is ${buf.length} bytes, larger than the limit of ${maxBytes} bytes`);
  }

  const decoded = opts.encoding ? await decodeAs(buf, opts.encoding) : await detect(buf);
  if (!decoded.ok) return decoded;
  // Whitespace-only includes full-width spaces (U+3000), which \s matches.
  if (decoded.text.trim() === '') return fail('empty', 'file is empty');
  return decoded;
}

async function detect(buf: Buffer): Promise<DecodeResult> {
  // UTF-16 has NUL bytes everywhere, so the BOM check must come before the binary check.
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return decodeAs(buf.subarray(2), 'utf-16le');
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return decodeAs(buf.subarray(2), 'utf-16be');
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return decodeAs(buf.subarray(3), 'utf-8');

  if (buf.subarray(0, SNIFF_BYTES).includes(0)) return fail('binary', 'file looks binary (contains NUL bytes)');

  try {
    return { ok: true, text: UTF8.decode(buf), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: GB18030 is a superset of GBK/GB2312 and decodes any byte sequence, so check
    // that the result has no replacement characters before trusting it.
    const text = (await loadLegacyCodec()).decode(buf, 'gb18030');
    if (text.includes('\uFFFD')) return fail('undecodable', 'file is neither valid UTF-8 nor GB18030');
    return { ok: true, text, encoding: 'gb18030' };
  }
}

async function decodeAs(buf: Buffer, encoding: string): Promise<DecodeResult> {
  const name = encoding.toLowerCase();
  if (name === 'utf-8' || name === 'utf8') {
    try {
      const text = UTF8.decode(buf);
      return { ok: true, text: stripBom(text), encoding: 'utf-8' };
    } catch {
      return fail('undecodable', 'file is not valid UTF-8');
    }
  }
  const iconv = await loadLegacyCodec();
  if (!iconv.encodingExists(name)) return fail('undecodable', `unknown encoding "${encoding}"`);
  const text = stripBom(iconv.decode(buf, name));
  if (text.includes('\uFFFD')) return fail('undecodable', `file is not valid ${encoding}`);
  return { ok: true, text, encoding: name };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function fail(reason: DecodeFailureReason, message: string): DecodeResult {
  return { ok: false, reason, message };
}
