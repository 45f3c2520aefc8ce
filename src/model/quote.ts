import type { Document } from './document.js';
import type { Span } from './source.js';

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
    let part = '';
    const { text } = b.content;
    for (let i = 0; i < text.length; i++) {
      const at = b.content.offsetAt(i);
      if (at >= span.start && at < span.end) part += text[i];
    }
    if (part) parts.push(part);
  }
  const quote = parts
    .join(' ')
    .replace(/[\t\r\n]+/g, ' ')
    .trim();
  return quote || undefined;
}
