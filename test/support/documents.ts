import type { Document } from '../../src/model/document.js';
import { MappedText } from '../../src/model/mapped-text.js';

/**
 * Everything a Document holds, as text: its source, block kinds, spans, and every mapped text with
 * the original offset of each of its characters (whatever MappedText keeps inside).
 */
export function serializeDocument(doc: Document): string {
  return JSON.stringify({ format: doc.format, text: doc.source.text, blocks: doc.blocks }, (_key, value: unknown) =>
    value instanceof MappedText ? { text: value.text, offsets: Array.from({ length: value.text.length + 1 }, (_, i) => value.offsetAt(i)) } : value,
  );
}
