import type { Document } from '../../src/model/document.js';

/** Everything a Document holds, as text: its source, block kinds, spans, contents with every mapped offset. */
export function serializeDocument(doc: Document): string {
  return JSON.stringify({ format: doc.format, text: doc.source.text, blocks: doc.blocks }, (_key, value: unknown) =>
    value instanceof Int32Array ? Array.from(value) : value,
  );
}
