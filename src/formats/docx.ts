import type { AnyNode, Element } from 'domhandler';
import { ElementType } from 'htmlparser2';
import type { Document } from '../model/document.js';
import { MappedText } from '../model/mapped-text.js';
import { SourceText, type Span } from '../model/source.js';
import { documentView, unreadable, wordParagraph, type BinaryFormat } from './descriptor.js';
import { docxFixWriter } from './docx-fix.js';
import { domToBlocks, type DomLocator } from './html.js';
import { MAX_INFLATED_BYTES, checkInflatedSize } from './zip-limits.js';
import { checkHtmlDepth } from './html-limits.js';

/**
 * .docx (Word) → Document. mammoth converts the file to HTML, which is read by the same DOM walker
 * as HTML pages. A .docx has no lines, so the Document's source is a plain-text VIEW of the file
 * with one line per Word paragraph, in reading order: every body paragraph (empty ones included),
 * every paragraph inside a table cell (an empty cell counts as one), every list item. A position
 * therefore reads "line = paragraph number, column = 1 + offset in that paragraph's text (UTF-16
 * code units)"; a soft line break (Shift+Enter) stays inside its paragraph as one character.
 *
 * The conversion is asynchronous (mammoth unzips), so the API converts the bytes first and hands
 * the ready Document to the pure engine (`verify(view, { document })`).
 */

export const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export type DocxResult = { ok: true; document: Document } | { ok: false; detail: string };

/** Is this a zip container (a .docx) by its first bytes? */
export function looksLikeZip(buf: Buffer): boolean {
  return buf.length >= 4 && buf.subarray(0, 4).equals(ZIP_MAGIC);
}

export async function parseDocx(buf: Buffer, maxUnpacked = MAX_UNPACKED_BYTES): Promise<DocxResult> {
  // A zip bomb would be inflated in memory by mammoth: refuse what declares too much unpacked data.
  const problem = await zipContainerProblem(buf, maxUnpacked);
  if (problem) return { ok: false, detail: problem };
  // Declared sizes may lie: inflate once with a running byte cap before mammoth does.
  const inflated = await checkInflatedSize(buf, Math.min(maxUnpacked, MAX_INFLATED_BYTES));
  if (!inflated.ok)
    return { ok: false, detail: inflated.reason === 'tooLarge' ? `inflates to more than ${Math.floor(inflated.limit / 2 ** 20)} MiB` : inflated.detail };
  // Imported lazily: mammoth (and its zip and XML libraries) cost startup time for every run.
  const { default: mammoth } = await import('mammoth');
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: buf },
      {
        // Paragraph numbers are positions: keep empty paragraphs so the count matches Word's.
        ignoreEmptyParagraphs: false,
        // Images are not report text; do not inline them as base64.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        externalFileAccess: false,
      },
    );
    html = result.value;
  } catch (e) {
    return { ok: false, detail: firstLine(e) };
  }
  return { ok: true, document: await docxHtmlToDocument(html) };
}

/** Unpacked size a .docx may declare; a real report is a few MiB at most. */
export const MAX_UNPACKED_BYTES = 200 * 2 ** 20;

/**
 * Why a word-processor file's zip container is not read, found before anything is inflated: it is
 * no zip, or no readable one, or it declares more unpacked data than `maxUnpacked` (a zip bomb).
 * Undefined when it may be read.
 */
export async function zipContainerProblem(buf: Buffer, maxUnpacked: number): Promise<string | undefined> {
  if (!looksLikeZip(buf)) return 'not a zip container';
  const unpacked = await declaredUnpackedSize(buf);
  if (unpacked === undefined) return 'not a readable zip container';
  if (unpacked > maxUnpacked) return `unpacks to ${Math.round((unpacked / 2 ** 20) * 10) / 10} MiB (more than ${Math.floor(maxUnpacked / 2 ** 20)} MiB)`;
  return undefined;
}

/**
 * Sum of the uncompressed sizes the zip's central directory declares, read by jszip (mammoth's
 * own zip library) without inflating anything; undefined when the container cannot be read.
 */
async function declaredUnpackedSize(buf: Buffer): Promise<number | undefined> {
  const { default: JSZip } = await import('jszip');
  try {
    const zip = await JSZip.loadAsync(buf);
    let total = 0;
    zip.forEach((_path, file) => {
      // jszip keeps the declared size on the entry's (untyped) compressed-data record.
      const size = (file as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize;
      if (typeof size === 'number' && Number.isFinite(size)) total += size;
    });
    return total;
  } catch {
    return undefined;
  }
}

/** mammoth's HTML (or the same HTML made from another word processor's file) → the paragraph view and its Document. */
export async function docxHtmlToDocument(html: string, formatId = 'docx'): Promise<Document> {
  checkHtmlDepth(html);
  // Loaded when a word-processor file is read: cheerio (parse5, encodings) is most of the start-up bundle otherwise.
  const cheerio = await import('cheerio');
  const $ = cheerio.load(html, null, false);
  const roots = $.root()[0].children;
  const { view, textAt, spans } = renderView(roots);
  const locator: DomLocator = {
    text(node) {
      const at = textAt.get(node);
      return at === undefined ? MappedText.empty(0) : MappedText.verbatim(view, at, at + node.data.length);
    },
    span: (el) => spans.get(el),
    content: (el) => spans.get(el),
  };
  return { format: formatId, source: new SourceText(view), blocks: domToBlocks(roots, locator) };
}

const PARAGRAPH = /^(p|h[1-6]|li)$/;

function isElement(n: AnyNode): n is Element {
  return n.type === ElementType.Tag;
}

/** Does a table cell hold its own paragraphs (else the cell itself is one paragraph)? */
function hasParagraphs(td: Element): boolean {
  return td.children.some((c) => isElement(c) && (PARAGRAPH.test(c.name) || c.name === 'ol' || c.name === 'ul' || c.name === 'table'));
}

/** One line per paragraph; records where each text node and element landed. Iterative (no recursion). */
function renderView(roots: AnyNode[]): { view: string; textAt: Map<AnyNode, number>; spans: Map<Element, Span> } {
  let out = '';
  let lineOpen = false;
  const textAt = new Map<AnyNode, number>();
  const spans = new Map<Element, Span>();
  const starts = new Map<Element, number>();
  const isPara = (el: Element) => PARAGRAPH.test(el.name) || ((el.name === 'td' || el.name === 'th') && !hasParagraphs(el));
  const closeLine = () => {
    out += '\n';
    lineOpen = false;
  };

  type Frame = { node: AnyNode; exit: boolean };
  const stack: Frame[] = [...roots].reverse().map((node) => ({ node, exit: false }));
  while (stack.length) {
    const { node, exit } = stack.pop()!;
    if (node.type === ElementType.Text) {
      lineOpen = true;
      textAt.set(node, out.length);
      // Paragraph text has no line breaks of its own; keep one line per paragraph.
      out += (node as unknown as { data: string }).data.replace(/[\r\n]/g, ' ');
      continue;
    }
    if (!isElement(node)) continue;
    if (exit) {
      spans.set(node, { start: starts.get(node)!, end: out.length });
      if (isPara(node) && lineOpen) closeLine();
      continue;
    }
    if (node.name === 'br') {
      lineOpen = true;
      out += ' ';
      continue;
    }
    if (isPara(node)) {
      if (lineOpen) closeLine();
      lineOpen = true;
    }
    starts.set(node, out.length);
    stack.push({ node, exit: true });
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i], exit: false });
  }
  return { view: out, textAt, spans };
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}

const WORD = { 'zh-CN': 'Word', en: 'Word' };

export const docxFormat: BinaryFormat = {
  id: 'docx',
  name: { 'zh-CN': 'Word (.docx)', en: 'Word (.docx)' },
  extensions: ['.docx'],
  binary: true,
  // A zip, but not an OpenDocument or EPUB (whose first entry is their "mimetype").
  sniff: (bytes) => looksLikeZip(bytes) && bytes.subarray(30, 38).toString('latin1') !== 'mimetype',
  async parse(bytes, options) {
    const r = await parseDocx(bytes, options?.maxUnpackedBytes);
    return r.ok ? r : { ok: false, message: unreadable('.docx', WORD, r.detail) };
  },
  position: wordParagraph,
  ...documentView,
  fixes: docxFixWriter,
  readme: {
    reads: 'paragraphs and tables (merged cells) via mammoth',
    positions:
      "**line = paragraph number** (every paragraph of the body in reading order, empty ones included, each paragraph inside a table cell, an empty cell counting as one), **column = 1 + offset in that paragraph's text**; messages quote the text exactly as the document has it (spaces included), so Ctrl+F in Word or WPS finds it",
  },
};
