import type { Document, InputFormat } from '../model/document.js';
import { parseHtml } from './html.js';
import { parseMarkdown } from './markdown.js';
import { parseText } from './text.js';

/** File extensions each processor reads. */
export const FORMAT_EXTENSIONS: Record<InputFormat, string[]> = {
  markdown: ['.md', '.markdown'],
  text: ['.txt'],
  html: ['.html', '.htm'],
  docx: ['.docx'],
};

/** Every extension a processor reads: what directories and globs pick by default. */
export const ALL_EXTENSIONS = Object.values(FORMAT_EXTENSIONS).flat();

/** The format a path's extension names, if any. */
export function formatOfPath(filePath: string): InputFormat | undefined {
  const lower = filePath.toLowerCase();
  for (const [format, exts] of Object.entries(FORMAT_EXTENSIONS) as [InputFormat, string[]][]) {
    if (exts.some((e) => lower.endsWith(e))) return format;
  }
  return undefined;
}

/** The format for a path by extension; unknown extensions (and stdin) are sniffed from the content. */
export function formatForPath(filePath: string, text: string): InputFormat {
  const byName = formatOfPath(filePath);
  // A .docx path with text in hand (lintText) cannot be a zip any more: read what the text is.
  return byName && byName !== 'docx' ? byName : sniffFormat(text);
}

/**
 * Guess the format of text without a telling name: a page or a CMS fragment that starts with an
 * HTML tag is HTML; Markdown headings, pipe tables or embedded tables make Markdown; else text.
 */
export function sniffFormat(text: string): InputFormat {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '');
  if (/^\s*(<!doctype html|<html[\s>])/i.test(head)) return 'html';
  const markdown = /^#{1,6}\s/m.test(head) || /^\s*\|.*\|\s*$/m.test(head);
  if (!markdown && /^\s*(<!--[\s\S]*?-->\s*)*<(head|body|meta|div|p|section|article|table|h[1-6]|span|center|font|ul|ol)[\s>]/i.test(head)) return 'html';
  if (markdown || /<table[\s>]/i.test(head)) return 'markdown';
  return 'text';
}

export function parseDocument(text: string, format: InputFormat): Document {
  switch (format) {
    case 'markdown':
      return parseMarkdown(text);
    case 'html':
      return parseHtml(text);
    default:
      // 'docx' arrives here only as its paragraph view (one paragraph per line), which reads as text;
      // the API converts .docx bytes itself and passes the Document to verify.
      return parseText(text);
  }
}
