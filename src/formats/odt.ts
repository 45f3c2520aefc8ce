import type { AnyNode, Element } from 'domhandler';
import { ElementType } from 'htmlparser2';
import { documentView, unreadable, wordParagraph, type BinaryFormat } from './descriptor.js';
import { docxHtmlToDocument, looksLikeZip, MAX_UNPACKED_BYTES, zipContainerProblem } from './docx.js';

/**
 * .odt (OpenDocument text: LibreOffice, WPS "另存为 ODT") → Document. An .odt is a zip whose
 * content.xml holds the body; it is read with jszip and cheerio's XML mode, turned into the same
 * small HTML (paragraphs, headings, tables with rowspan/colspan) that mammoth makes of a .docx,
 * and read by the .docx view builder: one line per paragraph, each paragraph of a table cell one
 * line. Notes, annotations, tracked deletions, drawings and indexes are not report text.
 */

const MIMETYPE = 'application/vnd.oasis.opendocument.text';

/** A zip whose first entry is the OpenDocument text mimetype, stored uncompressed as the spec asks. */
export function looksLikeOdt(buf: Buffer): boolean {
  if (!looksLikeZip(buf) || buf.length < 30) return false;
  // Local file header: name length at 26, extra field length at 28, the name at 30, then the data.
  const nameLength = buf.readUInt16LE(26);
  const data = 30 + nameLength + buf.readUInt16LE(28);
  return buf.subarray(30, 30 + nameLength).toString('latin1') === 'mimetype' && buf.subarray(data, data + MIMETYPE.length).toString('latin1') === MIMETYPE;
}

/** Elements whose content is not report text. */
const SKIP = new Set([
  'text:note',
  'office:annotation',
  'office:annotation-end',
  'text:tracked-changes',
  'text:table-of-content',
  'text:alphabetical-index',
  'text:illustration-index',
  'text:bibliography',
  'draw:frame',
  'draw:custom-shape',
  'draw:g',
  'table:table-columns',
  'table:table-column',
  'table:table-header-columns',
  'text:sequence-decls',
  'text:variable-decls',
  'text:user-field-decls',
  'office:forms',
]);

/** Elements whose whitespace text is paragraph text. */
const INLINE_PARENTS = new Set(['text:p', 'text:h', 'text:span', 'text:a', 'text:meta', 'text:ruby-base']);

/** Repeated rows and cells (an ODF shorthand) are expanded up to this count each… */
const MAX_REPEAT = 200;
/** …and up to this many copies in a whole document (a crafted file must not multiply to millions). */
const MAX_COPIES = 20_000;
/** content.xml larger than this is no report (real ones are a few MiB); its DOM would not fit. */
const MAX_CONTENT_BYTES = 64 * 2 ** 20;

export type OdtResult = { ok: true; html: string } | { ok: false; detail: string };

export async function odtToHtml(buf: Buffer, maxUnpacked = MAX_UNPACKED_BYTES): Promise<OdtResult> {
  const problem = await zipContainerProblem(buf, maxUnpacked);
  if (problem) return { ok: false, detail: problem };
  const { default: JSZip } = await import('jszip');
  let xml: string;
  try {
    const zip = await JSZip.loadAsync(buf);
    const content = zip.file('content.xml');
    if (!content) return { ok: false, detail: 'no content.xml' };
    // jszip keeps the declared size on the entry's (untyped) compressed-data record.
    const declared = (content as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    if (declared > MAX_CONTENT_BYTES)
      return { ok: false, detail: `content.xml unpacks to ${Math.round(declared / 2 ** 20)} MiB (more than ${MAX_CONTENT_BYTES / 2 ** 20} MiB)` };
    xml = await content.async('string');
  } catch (e) {
    return { ok: false, detail: (e instanceof Error ? e.message : String(e)).split('\n')[0] };
  }
  const cheerio = await import('cheerio');
  const $ = cheerio.load(xml, { xml: true });
  const body = $('office\\:body > office\\:text')[0];
  if (!body) return { ok: false, detail: 'no text body in content.xml' };
  return { ok: true, html: bodyToHtml(body) };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function count(el: Element, attr: string): number {
  const n = Number.parseInt(el.attribs[attr] ?? '1', 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, MAX_REPEAT) : 1;
}

/** The body as HTML, walked with an explicit stack (no recursion: nesting depth is the file's). */
function bodyToHtml(body: Element): string {
  let out = '';
  let copies = 0;
  /** How many times to write a repeated row or cell, within the document's budget. */
  const repeat = (el: Element, attr: string) => {
    const times = copies < MAX_COPIES ? count(el, attr) : 1;
    copies += times - 1;
    return times;
  };
  type Frame = { node: AnyNode } | { close: string };
  const stack: Frame[] = [...body.children].reverse().map((node) => ({ node }));
  const push = (nodes: AnyNode[], close?: string) => {
    if (close) stack.push({ close });
    for (let i = nodes.length - 1; i >= 0; i--) stack.push({ node: nodes[i] });
  };
  while (stack.length) {
    const frame = stack.pop()!;
    if ('close' in frame) {
      out += frame.close;
      continue;
    }
    const n = frame.node;
    if (n.type === ElementType.Text) {
      const data = (n as unknown as { data: string }).data;
      // Indentation between elements of a pretty-printed file is not text.
      if (!data.trim() && !INLINE_PARENTS.has((n.parent as Element | null)?.name ?? '')) continue;
      // Whitespace in ODF text is collapsed; spaces that matter are <text:s/>.
      out += esc(data.replace(/[\r\n\t ]+/g, ' '));
      continue;
    }
    if (n.type !== ElementType.Tag) continue;
    const el = n;
    if (SKIP.has(el.name)) continue;
    switch (el.name) {
      case 'text:p':
        out += '<p>';
        push(el.children, '</p>');
        break;
      case 'text:h': {
        const level = Math.min(6, Math.max(1, Number.parseInt(el.attribs['text:outline-level'] ?? '1', 10) || 1));
        out += `<h${level}>`;
        push(el.children, `</h${level}>`);
        break;
      }
      case 'text:s':
        out += ' '.repeat(count(el, 'text:c'));
        break;
      case 'text:tab':
        out += '\t';
        break;
      case 'text:line-break':
        out += '<br>';
        break;
      case 'table:table':
        out += '<table>';
        push(el.children, '</table>');
        break;
      case 'table:table-row': {
        // A repeated row is written once with a count; expand it (bounded).
        const times = repeat(el, 'table:number-rows-repeated');
        for (let i = 0; i < times; i++) {
          stack.push({ close: '</tr>' });
          push(el.children);
          stack.push({ close: '<tr>' });
        }
        break;
      }
      case 'table:table-cell': {
        const span = (a: string, name: string) => (el.attribs[a] && count(el, a) > 1 ? ` ${name}="${count(el, a)}"` : '');
        const open = `<td${span('table:number-columns-spanned', 'colspan')}${span('table:number-rows-spanned', 'rowspan')}>`;
        const times = repeat(el, 'table:number-columns-repeated');
        for (let i = 0; i < times; i++) {
          stack.push({ close: '</td>' });
          push(el.children);
          stack.push({ close: open });
        }
        break;
      }
      case 'table:covered-table-cell':
        break; // the cell a row or column span covers
      default:
        // Spans, links, sections, lists and list items, header rows, bookmarks: their content only.
        push(el.children);
    }
  }
  return out;
}

const WORD = { 'zh-CN': 'OpenDocument', en: 'OpenDocument' };

export const odtFormat: BinaryFormat = {
  id: 'odt',
  name: { 'zh-CN': 'OpenDocument (.odt)', en: 'OpenDocument (.odt)' },
  extensions: ['.odt'],
  binary: true,
  sniff: looksLikeOdt,
  async parse(bytes, options) {
    const r = await odtToHtml(bytes, options?.maxUnpackedBytes);
    if (!r.ok) return { ok: false, message: unreadable('.odt', WORD, r.detail) };
    return { ok: true, document: await docxHtmlToDocument(r.html, odtFormat.id) };
  },
  position: wordParagraph,
  ...documentView,
  fixes: 'manual',
  readme: {
    reads: 'paragraphs, headings and tables (merged cells) of content.xml; notes, comments, tracked deletions, drawings and indexes are left out',
    positions: "as for `.docx`: **line = paragraph number**, **column = 1 + offset in that paragraph's text**",
  },
};
