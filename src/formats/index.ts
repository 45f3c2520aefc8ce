import type { Document } from '../model/document.js';
import type { Locale } from '../i18n/types.js';
import { lineColumn, type BinaryFormat, type EditorReader, type FormatDescriptor, type TextFormat } from './descriptor.js';
import { docFormat, wpsFormat } from './doc.js';
import { docxFormat } from './docx.js';
import { odtFormat } from './odt.js';
import { rtfFormat } from './rtf.js';
import { pdfFormat } from './pdf.js';
import { htmlFormat } from './html.js';
import { markdownFormat } from './markdown.js';
import { textFormat } from './text.js';

export type { BinaryFormat, EditorReader, FormatDescriptor, TextFormat } from './descriptor.js';

/**
 * Every input format, one descriptor each, in the order their extensions are listed. Binary
 * formats are recognised by their magic bytes in this order, the more specific first.
 */
export const FORMATS: readonly FormatDescriptor[] = [markdownFormat, textFormat, htmlFormat, docxFormat, docFormat, wpsFormat, odtFormat, rtfFormat, pdfFormat];

/** Text without a telling name: an HTML page before Markdown (which takes embedded tables), plain text last. */
const TEXT_SNIFF_ORDER: readonly TextFormat[] = [htmlFormat, markdownFormat, textFormat];

const TEXT_FORMATS = FORMATS.filter((f): f is TextFormat => !f.binary);
const BINARY_FORMATS = FORMATS.filter((f): f is BinaryFormat => f.binary);

/** Every extension a processor reads: what directories and globs pick by default. */
export const ALL_EXTENSIONS: string[] = FORMATS.flatMap((f) => f.extensions);

/** The descriptor of a format id (a Document's or a result's `format`). */
export function formatById(id: string): FormatDescriptor | undefined {
  return FORMATS.find((f) => f.id === id);
}

/** The descriptor of the format that produced a Document. */
export function formatOf(document: Document): FormatDescriptor {
  const f = formatById(document.format);
  if (!f) throw new Error(`unknown input format "${document.format}"`);
  return f;
}

/** A position as a person reads it in that format ("第 12 行第 3 列", "第 7 段"); by line and column when the format is unknown. */
export function showPosition(format: string | undefined, line: number, column: number, locale: Locale, place?: { page?: number; pageLine?: number }): string {
  return (formatById(format ?? '')?.position ?? lineColumn).show(line, column, locale, place);
}

/** The format a path's extension names, if any. */
export function formatOfPath(filePath: string): FormatDescriptor | undefined {
  const lower = filePath.toLowerCase();
  return FORMATS.find((f) => f.extensions.some((e) => lower.endsWith(e)));
}

/** The text format an editor language id names (the LSP), if any. */
export function formatOfLanguage(languageId: string): TextFormat | undefined {
  return TEXT_FORMATS.find((f) => f.languageIds.includes(languageId));
}

/**
 * The format of a file's bytes: the one its name says — unless that is a binary format the bytes
 * do not start like and another binary format recognises them (a .doc that is really a .docx),
 * or they are an HTML page — or, without a telling name, the binary format its magic bytes show.
 * Undefined: decode the bytes as text and sniff (`textFormatFor`).
 */
export function formatForBytes(filePath: string | undefined, bytes: Buffer): FormatDescriptor | undefined {
  const byName = filePath ? formatOfPath(filePath) : undefined;
  if (byName && !byName.binary) return byName;
  if (byName?.sniff(bytes)) return byName;
  const byContent = BINARY_FORMATS.find((f) => f.sniff(bytes));
  if (byContent) return byContent;
  // Web systems "export to Word" as an HTML page named .doc: read it as the page it is.
  if (
    byName &&
    htmlFormat.sniff(
      bytes
        .subarray(0, 4096)
        .toString('latin1')
        .replace(/^\uFEFF|^\xEF\xBB\xBF/, ''),
    )
  )
    return undefined;
  return byName;
}

/**
 * The format to read decoded text as: by the path's extension, else sniffed from the content. A
 * binary format's name with text in hand (lintText of "x.docx") is sniffed too: that text is no zip.
 */
export function textFormatFor(filePath: string | undefined, text: string): TextFormat {
  const byName = filePath ? formatOfPath(filePath) : undefined;
  return byName && !byName.binary ? byName : sniffFormat(text);
}

/**
 * Guess the format of text without a telling name: a page or a CMS fragment that starts with an
 * HTML tag is HTML; Markdown headings, pipe tables or embedded tables make Markdown; else text.
 */
export function sniffFormat(text: string): TextFormat {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '');
  return TEXT_SNIFF_ORDER.find((f) => f.sniff(head)) ?? textFormat;
}

function unknownFormat(id: string): never {
  throw new Error(`unknown input format "${id}"`);
}

/** Text → Document through a text format (by id: 'markdown', 'html', 'text'). */
export function parseDocument(text: string, format: string | TextFormat): Document {
  const f = typeof format === 'string' ? (formatById(format) ?? unknownFormat(format)) : format;
  // A binary format's Document is built from bytes (its parse is asynchronous); its paragraph
  // view, handed over as text, reads as plain text.
  return f.binary ? textFormat.parse(text) : f.parse(text);
}

/** A reader for the versions of one editor buffer in a text format (the format's own, else a whole parse of each version). */
export function editorReader(format: string): EditorReader {
  const f = formatById(format) ?? unknownFormat(format);
  if (!f.binary && f.editorReader) return f.editorReader();
  return { parse: (text: string) => parseDocument(text, format) };
}

/** The README's input table (test/formats/descriptors.test.ts keeps the README equal to it). */
export function inputTable(): string {
  const fixes = (f: FormatDescriptor) =>
    f.fixes === 'text' ? 'written to the file, in its own encoding' : f.fixes === 'manual' ? 'none: make the change by hand' : f.fixes.readme;
  const rows = FORMATS.map((f) =>
    [f.name.en, f.extensions.map((e) => `\`${e}\``).join(', '), f.readme.reads, f.readme.positions, f.position.show(12, 3, 'zh-CN'), fixes(f)].join(' | '),
  );
  return [
    '| Format | Chosen by | What is read | Line : column mean | Shown in the html report | `--fix` |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r} |`),
  ].join('\n');
}
