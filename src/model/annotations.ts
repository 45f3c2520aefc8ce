import type { Block, Document } from './document.js';
import { MappedText } from './mapped-text.js';

/**
 * Some mirror sites republish a report converted to traditional characters with the pinyin of many
 * characters written after them: "標(biāo)題", "統(tǒng)計期限", "二、主動(dòng)公開(kāi)政府信息情況". Read so,
 * a heading names no part, a table label no row, a 统计期限 no period. The reading drops those
 * annotations — spans and offsets unchanged, so messages still point into the original text.
 */

/** Pinyin vowels with a tone mark: an annotation has at least one in the page. */
const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
/** A CJK character, then a syllable in brackets: lower-case letters, ü or a toned vowel. */
// redos-safe: a fixed lead character, then one bounded class repeat between fixed brackets.
const ANNOTATION = new RegExp(`[\\u4e00-\\u9fff]\\([a-zü${TONED}]{1,6}\\)`, 'g');
const TONED_RE = new RegExp(`[${TONED}]`);
/** Annotations with a tone mark a page needs before any bracketed syllable is taken for one. */
const MIN_TONED = 3;

export function annotatedWithPinyin(text: string): boolean {
  let toned = 0;
  for (const m of text.matchAll(ANNOTATION)) if (TONED_RE.test(m[0]) && ++toned >= MIN_TONED) return true;
  return false;
}

/** `text` without its annotations (each syllable after a character, with its brackets). */
function withoutAnnotations(text: MappedText): MappedText {
  const parts: MappedText[] = [];
  let from = 0;
  for (const m of text.text.matchAll(ANNOTATION)) {
    const bracket = m.index + 1;
    parts.push(text.slice(from, bracket));
    from = bracket + m[0].length - 1;
  }
  if (parts.length === 0) return text;
  parts.push(text.slice(from));
  return MappedText.concat(parts);
}

/** The Document read without pinyin annotations when its page carries them (the same Document otherwise). */
export function withoutPinyinAnnotations(document: Document): Document {
  if (!annotatedWithPinyin(document.source.text)) return document;
  const blocks = document.blocks.map((b): Block => {
    if (b.kind === 'table')
      return { ...b, rows: b.rows.map((r) => ({ ...r, cells: r.cells.map((c) => ({ ...c, text: c.text.replace(ANNOTATION, (a) => a[0]) })) })) };
    return { ...b, content: withoutAnnotations(b.content) };
  });
  return { ...document, blocks };
}
