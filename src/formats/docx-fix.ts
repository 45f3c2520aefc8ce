import type { AnyNode, Element, Text } from 'domhandler';
import { ElementType } from 'htmlparser2';
import type { Fix } from '../model/source.js';
import type { Document } from '../model/document.js';
import type { BinaryFixWriter } from './descriptor.js';

/**
 * Writing fixes back into a .docx. A fix is a range of the paragraph view (one line per Word
 * paragraph, src/formats/docx.ts); it can be written when the text it changes lies inside one
 * text element (<w:t>) of one run of word/document.xml — the year of the 统计期限, a label's
 * wording typed in one go. The run keeps its formatting; nothing else in the package changes.
 * A fix that crosses runs (text typed in several goes, or formatted in parts), a field, or a
 * paragraph whose text cannot be matched with the view is left for a person to make in Word.
 */

const PARAGRAPH = 'w:p';

interface TextPiece {
  /** Offsets of the text in the paragraph's text. */
  start: number;
  end: number;
  /** The text node inside <w:t>, with its place in document.xml (undefined: an empty <w:t/>). */
  node?: Text;
  element: Element;
}

interface Paragraph {
  text: string;
  pieces: TextPiece[];
}

/** Text a run contributes besides <w:t>, as mammoth (and so the view) renders it. */
const RUN_CHARS: Record<string, string> = { 'w:tab': '\t', 'w:br': ' ', 'w:cr': ' ', 'w:noBreakHyphen': '\u2011', 'w:softHyphen': '' };

/** Containers whose text is not the paragraph's: deleted revisions, field codes, nested text boxes, fallbacks. */
const NOT_TEXT = new Set(['w:del', 'w:instrText', 'w:delText', 'w:txbxContent', 'mc:Fallback', 'w:fldSimple', 'w:pPr', 'w:rPr']);

function isElement(n: AnyNode): n is Element {
  return n.type === ElementType.Tag;
}

/** Every <w:p> of the document with its text and the <w:t> pieces it is made of. Iterative. */
function paragraphs(root: AnyNode): Paragraph[] {
  const out: Paragraph[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n) && n.type !== ElementType.Root) continue;
    if (isElement(n) && n.name === PARAGRAPH) out.push(readParagraph(n));
    const children = (n as Element).children;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return out;
}

function readParagraph(p: Element): Paragraph {
  let text = '';
  const pieces: TextPiece[] = [];
  const stack: AnyNode[] = [...p.children].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n) || NOT_TEXT.has(n.name) || n.name === PARAGRAPH) continue;
    if (n.name === 'w:t') {
      const node = n.children.find((c): c is Text => c.type === ElementType.Text);
      const value = n.children.map((c) => (c.type === ElementType.Text ? c.data : '')).join('');
      pieces.push({ start: text.length, end: text.length + value.length, node, element: n });
      text += value;
      continue;
    }
    if (n.name in RUN_CHARS) {
      text += RUN_CHARS[n.name];
      continue;
    }
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return { text, pieces };
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const docxFixWriter: BinaryFixWriter = {
  readme:
    'written into the `.docx` where the text to change lies within one run (the year of the 统计期限, a label typed in one go); other fixes are left to be made by hand, and say so',
  async apply(bytes: Buffer, document: Document, fixes: Fix[]) {
    const unapplied: Fix[] = [];
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(bytes);
    const part = zip.file('word/document.xml');
    if (!part) return { bytes, applied: [], unapplied: fixes };
    const xml = await part.async('string');
    const cheerio = await import('cheerio');
    const $ = cheerio.load(xml, { xml: { withStartIndices: true, withEndIndices: true, decodeEntities: true } });
    const paras = paragraphs($.root()[0]);
    const view = document.source;
    // Where each fix goes in document.xml: [start, end) of a text node's source, and its new text.
    const edits: { from: number; to: number; text: string; fix: Fix }[] = [];
    for (const fix of fixes) {
      const edit = place(fix, view, paras);
      if (edit) edits.push({ ...edit, fix });
      else unapplied.push(fix);
    }
    // Two fixes in one text node: one edit of the node each would overlap; the second waits.
    edits.sort((a, b) => b.from - a.from);
    const applied: Fix[] = [];
    let out = xml;
    let lastFrom = Infinity;
    for (const e of edits) {
      if (e.to > lastFrom) {
        unapplied.push(e.fix);
        continue;
      }
      out = out.slice(0, e.from) + e.text + out.slice(e.to);
      lastFrom = e.from;
      applied.push(e.fix);
    }
    if (applied.length === 0) return { bytes, applied, unapplied };
    zip.file('word/document.xml', out);
    const written = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
    return { bytes: written, applied, unapplied };
  },
};

/**
 * The paragraph of the view line the fix is on, found in document.xml by its text (the n-th
 * paragraph with that text, as the line is the n-th line with it), and the one text node holding
 * the whole range; the node's new content, escaped.
 */
function place(fix: Fix, view: Document['source'], paras: Paragraph[]): { from: number; to: number; text: string } | undefined {
  const {
    range: [s, e],
    text: replacement,
  } = narrow(fix, view.text);
  const { line } = view.positionAt(s);
  if (view.positionAt(e).line !== line || replacement.includes('\n')) return undefined;
  const lineText = view.lineText(line);
  let nth = 0;
  for (let l = 1; l < line; l++) if (view.lineText(l) === lineText) nth++;
  const same = paras.filter((p) => p.text.replace(/[\r\n]/g, ' ') === lineText);
  const para = same[nth];
  if (!para) return undefined;
  const a = s - view.lineStart(line);
  const b = e - view.lineStart(line);
  const piece = para.pieces.find((p) => p.node && p.start <= a && b <= p.end && p.end > p.start);
  if (!piece?.node || piece.node.startIndex === null || piece.node.endIndex === null) return undefined;
  const old = piece.node.data;
  const next = old.slice(0, a - piece.start) + replacement + old.slice(b - piece.start);
  // Leading or trailing spaces of a <w:t> are kept only with xml:space="preserve".
  if (next !== next.trim() && piece.element.attribs['xml:space'] !== 'preserve') return undefined;
  return { from: piece.node.startIndex, to: piece.node.endIndex + 1, text: escapeXml(next) };
}

/**
 * The fix reduced to the characters it changes: a rule may rewrite a whole statement (from its
 * first year to its last) where only one year differs, and that one year may sit in a single run.
 */
function narrow(fix: Fix, text: string): Fix {
  const [s, e] = fix.range;
  const old = text.slice(s, e);
  const next = fix.text;
  let head = 0;
  while (head < old.length && head < next.length && old[head] === next[head]) head++;
  let tail = 0;
  while (tail < old.length - head && tail < next.length - head && old[old.length - 1 - tail] === next[next.length - 1 - tail]) tail++;
  return { range: [s + head, e - tail], text: next.slice(head, next.length - tail) };
}
