import type { Document, InputFormat } from '../model/document.js';
import { parseMarkdown } from './markdown.js';
import { parseText } from './text.js';

/** File extensions each processor reads. */
export const FORMAT_EXTENSIONS: Record<InputFormat, string[]> = {
  markdown: ['.md', '.markdown'],
  text: ['.txt'],
  html: ['.html', '.htm'],
};

/** The format for a path by extension; unknown extensions are sniffed from the content. */
export function formatForPath(filePath: string, text: string): InputFormat {
  const lower = filePath.toLowerCase();
  for (const [format, exts] of Object.entries(FORMAT_EXTENSIONS) as [InputFormat, string[]][]) {
    if (exts.some((e) => lower.endsWith(e))) return format;
  }
  return sniffFormat(text);
}

export function sniffFormat(text: string): InputFormat {
  const head = text.slice(0, 4096);
  if (/^\s*(<!doctype html|<html[\s>])/i.test(head)) return 'html';
  if (/^#{1,6}\s/m.test(head) || /^\s*\|.*\|\s*$/m.test(head) || /<table[\s>]/i.test(head)) return 'markdown';
  return 'text';
}

export function parseDocument(text: string, format: InputFormat): Document {
  switch (format) {
    case 'markdown':
      return parseMarkdown(text);
    case 'html':
      // Whole HTML pages get their own processor in a later issue. Until then the Markdown path
      // reads them: HTML blocks become prose with tags stripped, and <table>s go through cheerio.
      return parseMarkdown(text);
    default:
      return parseText(text);
  }
}
