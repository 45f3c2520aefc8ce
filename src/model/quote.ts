import type { Document } from './document.js';
import type { Span } from './source.js';

/**
 * The longest quote a message carries. A claim found in flattened or damaged text can span
 * thousands of characters (a whole page on one line with no 。 in it); quoting all of it made
 * one message tens of KB and every reporter's output grow with it. A longer quote keeps its
 * beginning and end, either of which Ctrl+F still finds.
 */
export const MAX_QUOTE_LENGTH = 80;

/**
 * The text a person sees in a span of the document, exactly as written there — spaces included,
 * markup left out — so that a message quoting it can be found with Ctrl+F in Word, WPS, a PDF
 * viewer or a browser. Claims in the model are normalised (spaces dropped, full-width folded);
 * quoting them would send the reader looking for text that is not in the file. Text of several
 * paragraphs or cells is joined with one space. Undefined when the span holds no visible text.
 */
export function quoteOf(document: Document, span: Span): string | undefined {
  const parts: string[] = [];
  for (const b of document.blocks) {
    if (b.span.end <= span.start || b.span.start >= span.end) continue;
    if (b.kind === 'table') {
      for (const cell of b.rows.flatMap((r) => r.cells)) {
        if (cell.text && cell.span.start < span.end && cell.span.end > span.start) parts.push(cell.text);
      }
      continue;
    }
    const part = b.content.textWithin(span.start, span.end);
    if (part) parts.push(part);
  }
  const quote = parts
    .join(' ')
    .replace(/[\t\r\n]+/g, ' ')
    .trim();
  return quote ? bounded(quote) : undefined;
}

/** `quote` cut to its first and last characters around a "…" when it is longer than MAX_QUOTE_LENGTH (never inside a surrogate pair). */
function bounded(quote: string): string {
  if (quote.length <= MAX_QUOTE_LENGTH) return quote;
  const half = (MAX_QUOTE_LENGTH - 1) >> 1;
  let head = half;
  if (isLowSurrogate(quote.charCodeAt(head))) head--;
  let tail = quote.length - half;
  if (isLowSurrogate(quote.charCodeAt(tail))) tail++;
  return `${quote.slice(0, head).trimEnd()}…${quote.slice(tail).trimStart()}`;
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
