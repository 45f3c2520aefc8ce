import type { Locale, LocalizedText } from '../i18n/types.js';
import type { Fix } from '../model/source.js';
import type { DirectiveSyntax } from './directive-syntax.js';
import type { Document } from '../model/document.js';
import { t } from '../i18n/format.js';
import { POSITION_TEXT } from './positions.js';

/**
 * The processor contract (textlint's plugin processor is the model): everything the API, the LSP,
 * the engine, the reporters and the rules need to know about an input format is declared by its
 * descriptor, so that nothing outside src/formats tests for a format's name or an extension.
 * Adding a format is one descriptor (in its own file) plus one line in the registry (index.ts).
 */
export type FormatDescriptor = TextFormat | BinaryFormat;

interface FormatBase {
  /** Stable id, stored as `Document.format` and `LintResult.format`. */
  id: string;
  /** The format's name for people ("Word (.docx)"). */
  name: LocalizedText;
  /** Extensions (lower case, with the dot) that choose this format; directories and globs pick them. */
  extensions: readonly string[];
  /** How a position in this format's Document source is shown to a person. */
  position: PositionStyle;
  /**
   * How rules read what the author wrote: 'source' — the Document's source is the text as typed
   * (Markdown, plain text), so rules may scan it line by line; 'blocks' — the source holds markup
   * or is a view of a binary file, so rules read the processor's blocks and cells.
   */
  reading: 'source' | 'blocks';
  /** The markup language of the source, whose tags are the format and not a pasted artifact. */
  markup: 'markdown' | 'html' | 'none';
  /** Where `gia-lint-disable…` directives are written in this format (src/engine/directives.ts). */
  directives: DirectiveStyle;
  /** Recognised only to be refused with a clear message (never linted): not listed as a readable format. */
  refused?: true;
  /** What gia-lint reads of it and what its positions mean: the README's input table (checked by a test). */
  readme: { reads: string; positions: string };
}

/** A format read as decoded text (UTF-8, UTF-16, GB18030): fixes are edits of that text. */
export interface TextFormat extends FormatBase {
  binary: false;
  /** Editor language ids that mean this format (the LSP lints such buffers). */
  languageIds: readonly string[];
  /** Does text without a telling name look like this format? Formats are asked in registry order. */
  sniff(head: string): boolean;
  parse(text: string): Document;
  /**
   * A reader of one editor buffer, version after version (the language server): its `parse` gives
   * what the format's `parse` gives, at less cost after a small edit. Without one, every version
   * is parsed whole.
   */
  editorReader?: () => EditorReader;
  /** Fixes are applied to the text and written back in the file's own encoding. */
  fixes: 'text';
}

/** Reads the versions of one editor buffer, keeping what it needs from the version before. */
export interface EditorReader {
  parse(text: string): Document;
}

/** A format read from bytes by an (asynchronous) converter; its Document source is a text view. */
export interface BinaryFormat extends FormatBase {
  binary: true;
  /** Does a file start like this format (magic bytes)? Decides for stdin and unknown extensions. */
  sniff(bytes: Buffer): boolean;
  parse(bytes: Buffer, options?: BinaryParseOptions): Promise<ParseResult>;
  /**
   * How fixes reach the file: 'manual' — never (messages carry no fix: the positions are a view);
   * or a writer that applies, to the original bytes, those fixes it can place in the file.
   */
  fixes: 'manual' | BinaryFixWriter;
}

export interface BinaryParseOptions {
  /** Refuse containers that unpack to more than this many bytes (zip bombs). */
  maxUnpackedBytes?: number;
}

export type ParseResult =
  | { ok: true; document: Document; notes?: LocalizedText[] }
  /** Why the file cannot be read, phrased for the user (one fatal message). */
  | { ok: false; message: LocalizedText };

export interface BinaryFixWriter {
  /** Which fixes it can write, for the README's input table. */
  readme: string;
  /**
   * Apply `fixes` (ranges into `document.source.text`, which was parsed from `bytes`) to the file.
   * Fixes it cannot place (the text to change spans formatting runs, fields …) are returned in
   * `unapplied` and must be made by hand.
   */
  apply(bytes: Buffer, document: Document, fixes: Fix[]): Promise<{ bytes: Buffer; applied: Fix[]; unapplied: Fix[] }>;
}

/** How a (line, column) of the Document source is named for a person. */
export interface PositionStyle {
  /** 'lineColumn': a line of the file; 'paragraph': a Word paragraph; 'pageLine': a page and its line. */
  kind: 'lineColumn' | 'paragraph' | 'pageLine';
  /**
   * E.g. "第 12 行第 3 列", "第 7 段", "第 2 页 第 14 行". `place` is the page and page line a
   * message of a paged format carries (`page`, `pageLine`).
   */
  show(line: number, column: number, locale: Locale, place?: { page?: number; pageLine?: number }): string;
  /**
   * A place a message refers to in passing ("（第 12 行）", "（第 7 段）", "（第 2 页 第 14 行）"):
   * the line, paragraph or page line, without a column.
   */
  at(line: number, locale: Locale, place?: { page?: number; pageLine?: number }): string;
}

export interface DirectiveStyle {
  /**
   * 'html-comment': `<!-- gia-lint-… -->` anywhere in the text; 'comment-line': a line of its own
   * starting with `//`, `#` or `<!--` (the text processor skips such lines).
   */
  syntax: DirectiveSyntax;
  /** Lines may be pipe-table rows, which a comment line between them would break (gets a trailing comment). */
  pipeTableRows: boolean;
  /** What a directive line inserted above a line keeps of that line's start (indentation, `>` quotes). */
  linePrefix: RegExp;
  /** A first line that must stay first (an HTML doctype): a file-wide directive goes after it. */
  keepFirstLine?: RegExp;
}

export const lineColumn: PositionStyle = {
  kind: 'lineColumn',
  show: (line, column, locale) => t(POSITION_TEXT, 'lineColumn', locale, { line, column }),
  at: (line, locale) => t(POSITION_TEXT, 'line', locale, { line }),
};

/** A Word paragraph: the view has one line per paragraph (src/formats/docx.ts). */
export const wordParagraph: PositionStyle = {
  kind: 'paragraph',
  show: (line, _column, locale) => t(POSITION_TEXT, 'paragraph', locale, { line }),
  at: (line, locale) => t(POSITION_TEXT, 'paragraph', locale, { line }),
};

/**
 * How documents read through a converter (the Word family, PDF, refused formats) are read: rules read
 * the processor's blocks, there is no markup of their own, and a directive is typed into the
 * document as text (<!-- gia-lint-disable … -->), like any paragraph.
 */
export const documentView = {
  reading: 'blocks',
  markup: 'none',
  directives: { syntax: 'html-comment', pipeTableRows: false, linePrefix: /^[ \t]*/ },
} as const satisfies Pick<BinaryFormat, 'reading' | 'markup' | 'directives'>;

/** Fatal message for a file of a binary format that cannot be read; `noun` names what it should be ("Word"). */
export function unreadable(extension: string, noun: LocalizedText, detail: string): LocalizedText {
  return {
    'zh-CN': `不是可读取的 ${extension} 文件（${detail}），文件可能已损坏、不完整或并非 ${noun['zh-CN']} 文档`,
    en: `Not a readable ${extension} file (${detail}); it may be truncated, damaged or not a ${noun.en} document`,
  };
}
