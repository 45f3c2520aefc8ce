import { createRequire } from 'node:module';
import type { Block, Document } from './document.js';

/**
 * Reports published in traditional characters (a Hong Kong/Taiwan mirror of a mainland page, a
 * site's 繁體 switch) are read in simplified characters: the recognizer's words (总体情况, 统计期限,
 * 本年新收…) are simplified. The reading keeps every character's place, so messages still point
 * at the ORIGINAL text; only quoted labels come out simplified.
 */

/**
 * Frequent characters of these reports that exist only in traditional script (each is simplified
 * by OpenCC). Counting them decides cheaply, before any dictionary is loaded, whether to convert.
 */
const TRADITIONAL_ONLY =
  '開報為與們這個來對關過還後發經動區條資辦務處應請項數據計總體況據覽績實聯網號頁產業團書費義於當從種導組織規範檢審記錄將專稱論證陳點機構縣鎮鄉員農歲議處門問單';

/** The CJK Unified Ideographs block: the characters counted. */
const CJK_FIRST = 0x4e00;
const CJK_LAST = 0x9fff;

/**
 * TRADITIONAL_ONLY as a table over that block, read by character code: the scan runs on every
 * lint (the language server's, of the whole buffer, at each keystroke), and a string per character
 * looked up in a Set made it the costliest step of reading a long Markdown draft again.
 */
const IS_TRADITIONAL_ONLY = new Uint8Array(CJK_LAST - CJK_FIRST + 1);
for (let i = 0; i < TRADITIONAL_ONLY.length; i++) IS_TRADITIONAL_ONLY[TRADITIONAL_ONLY.charCodeAt(i) - CJK_FIRST] = 1;

/** At least this many traditional-only characters, and this share of all CJK characters. */
const MIN_TRADITIONAL = 8;
const MIN_SHARE = 0.02;

/**
 * The script a text is written in, decided once per text by its scan: by `prepareScript` in the
 * asynchronous entry points (which load the converter for a traditional text), and carried from
 * there to the recognizer (VerifyOptions.script); by the recognizer itself only for a caller of the
 * synchronous engine that did not decide it.
 */
export type Script = 'simplified' | 'traditional';

export function scriptOf(text: string): Script {
  return looksTraditional(text) ? 'traditional' : 'simplified';
}

function looksTraditional(text: string): boolean {
  let traditional = 0;
  let cjk = 0;
  for (let i = 0; i < text.length; i++) {
    // A character outside the block (a surrogate half of a rarer one included) is not counted.
    const c = text.charCodeAt(i);
    if (c < CJK_FIRST || c > CJK_LAST) continue;
    cjk++;
    traditional += IS_TRADITIONAL_ONLY[c - CJK_FIRST];
  }
  return traditional >= MIN_TRADITIONAL && traditional >= cjk * MIN_SHARE;
}

type Convert = (text: string) => string;

interface OpenCCModule {
  Converter(options: { from: string; to: string }): Convert;
}

/** undefined: not tried yet; null: not found by a plain require (a single executable, a bundled server). */
let converter: Convert | null | undefined;

function converterOf(opencc: OpenCCModule): Convert {
  return opencc.Converter({ from: 't', to: 'cn' });
}

/**
 * The script of `text`, with OpenCC's traditional → mainland-simplified converter loaded when it is
 * traditional, for the synchronous reading that follows: every async entry point (the API's readers
 * and lintText, the language server) awaits this and passes the answer to the engine. The dynamic
 * import is a chunk loaded on first use in the CLI bundle and is inlined in the single-file bundles
 * (single executable, VS Code server), which have no node_modules for the plain require below to find.
 */
export async function prepareScript(text: string): Promise<Script> {
  const script = scriptOf(text);
  if (script === 'traditional' && !converter) {
    try {
      converter = converterOf(await import('opencc-js/t2cn'));
    } catch {
      // Left to the plain require of the synchronous path (and, failing that, the text as it is).
    }
  }
  return script;
}

/**
 * The converter, built on first use only (its dictionary costs tens of milliseconds, which reports
 * in simplified characters never pay). A synchronous caller of the public `verify` that did not
 * prepare gets it by a plain require at run time, where opencc-js is installed beside the code.
 */
function traditionalToSimplified(): Convert | null {
  if (converter === undefined) {
    try {
      converter = converterOf(createRequire(import.meta.url)('opencc-js/t2cn') as OpenCCModule);
    } catch {
      converter = null;
    }
  }
  return converter;
}

/** `text` converted, or as it is where the conversion would change its length (places must stay). */
function sameLength(convert: Convert, text: string): string {
  const whole = convert(text);
  if (whole.length === text.length) return whole;
  // A phrase rule that changed the length: convert character by character instead.
  let out = '';
  for (const ch of text) {
    const one = convert(ch);
    out += one.length === ch.length ? one : ch;
  }
  return out;
}

/**
 * The Document read in simplified characters when it is written in traditional ones (the same
 * Document otherwise): block and cell texts converted, every span and offset unchanged.
 */
export function simplifiedReading(document: Document, script: Script): Document {
  if (script === 'simplified') return document;
  const convert = traditionalToSimplified();
  if (!convert) return document;
  const blocks = document.blocks.map((b): Block => {
    if (b.kind === 'table') return { ...b, rows: b.rows.map((r) => ({ ...r, cells: r.cells.map((c) => ({ ...c, text: sameLength(convert, c.text) })) })) };
    return { ...b, content: b.content.reread(sameLength(convert, b.content.text)) };
  });
  return { ...document, blocks };
}
