import type { MappedText } from './mapped-text.js';
import type { SourceText, Span } from './source.js';

/**
 * The format-independent view of one input file: what a format processor (Markdown, text, HTML …)
 * produces, and all the recognizer ever reads. Every node carries spans into the ORIGINAL text.
 */
/**
 * The id of the format descriptor that built the Document (src/formats/index.ts). What a format
 * means for positions, directives and how rules read it is asked of that descriptor, never of the id.
 */
export type InputFormat = string;

export interface Document {
  format: InputFormat;
  source: SourceText;
  blocks: Block[];
  /**
   * A paged original (PDF): where each line of the source view (index = line − 1) starts — the
   * page, and the line on that page. Messages carry it as `page` / `pageLine`.
   */
  pages?: PagePlace[];
}

export interface PagePlace {
  /** 1-based page number. */
  page: number;
  /** 1-based line on the page, counting the page's text lines from the top. */
  line: number;
}

export type Block = HeadingBlock | ParagraphBlock | TableBlock | ImageBlock;

/** An explicit heading (Markdown `#`). Numbered lines such as "一、总体情况" arrive as paragraphs. */
export interface HeadingBlock {
  kind: 'heading';
  depth: number;
  content: MappedText;
  span: Span;
}

/** One paragraph (Markdown) or one non-empty line (plain text); `content` has markup removed. */
export interface ParagraphBlock {
  kind: 'paragraph';
  content: MappedText;
  span: Span;
}

/**
 * A picture in the text flow (HTML <img>, Markdown image, a picture in a .docx paragraph). Tables
 * are sometimes published as images; the recognizer says so instead of calling them missing.
 * `content` is the alternative text (often empty).
 */
export interface ImageBlock {
  kind: 'image';
  content: MappedText;
  span: Span;
}

/** 'pdf': a grid rebuilt from a PDF's ruling lines (merged cells resolved, like 'html'). */
export type TableSyntax = 'gfm' | 'html' | 'tsv' | 'pipe' | 'spaced' | 'pdf';

/** Table rows as the source wrote them: own cells only (cells covered by a rowspan are not repeated). */
export interface TableBlock {
  kind: 'table';
  syntax: TableSyntax;
  rows: TableRow[];
  span: Span;
}

export interface TableRow {
  cells: TableCell[];
  span: Span;
}

export interface TableCell {
  /** Cell text with markup removed, whitespace as written. */
  text: string;
  span: Span;
  rowSpan: number;
  colSpan: number;
}
