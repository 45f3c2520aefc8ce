import { checkHtmlDepth } from './html-limits.js';
import { parseHtmlDom } from './html-dom.js';
import type { AnyNode, Element, Text } from 'domhandler';
import { ElementType } from 'htmlparser2';
import { decodeHTML } from 'entities';
import { MappedText } from '../model/mapped-text.js';
import type { Block, Document, TableBlock, TableCell, TableRow } from '../model/document.js';
import { SourceText, type Span } from '../model/source.js';
import { lineColumn, type TextFormat } from './descriptor.js';
import { looksLikeMarkdown } from './markdown.js';

/**
 * HTML (a CMS article body or a whole saved page) → Document, with a DOM built by htmlparser2
 * (html-dom.ts) in which every text node knows its place in the source. The DOM is walked with an explicit stack, never
 * by recursion: a page of 10,000 nested <div>s must not overflow the call stack (cheerio's own
 * `.text()` does).
 *
 * Block elements and <br> end paragraphs; h1–h6 become headings; a <table> becomes a table with
 * its own cells and rowspan/colspan recorded, unless it is a layout table (one that holds another
 * table or a heading: old CMS pages put the whole article in one), whose content is read as flow.
 * Page chrome — <head>, scripts, <nav>, <footer>, <aside>, forms, hidden elements, the page
 * <header> — is skipped, and so is a paragraph made only of link text (related-link lists, which
 * often name other years' reports and would otherwise look like report titles).
 */

/** Where the text and elements of a DOM are in the Document's source text. */
export interface DomLocator {
  /** The decoded text of a text node, mapped to source offsets. */
  text(node: Text): MappedText;
  /** The whole element (start tag to end tag). */
  span(el: Element): Span | undefined;
  /** The element's content (between its tags). */
  content(el: Element): Span | undefined;
}

export function parseHtml(html: string): Document {
  checkHtmlDepth(html);
  return htmlDocument(html, parseHtmlDom(html));
}

/** The Document of a page whose DOM (with parse5-style source locations) is built. */
export function htmlDocument(html: string, roots: AnyNode[]): Document {
  const blocks = domToBlocks(roots, htmlLocator(html), contentRoot(roots));
  return { format: 'html', source: new SourceText(html), blocks };
}

/**
 * The element holding the article of a saved page: from <body> down, step into the child that holds
 * most (≥ 60 %) of the readable, non-link text, as long as there is one. Only containers are
 * entered (never a data table, a list or a paragraph), so a short report with big tables keeps its
 * prose. A page whose text is spread over several siblings keeps <body>.
 */
function contentRoot(roots: AnyNode[]): Element | undefined {
  const weight = textWeights(roots);
  const body = findBody(roots);
  if (!body) return undefined;
  let cur: Element = body;
  for (;;) {
    const total = weight.get(cur) ?? 0;
    if (total === 0) return cur;
    const next: Element | undefined = cur.children.find((c): c is Element => isElement(c) && (weight.get(c) ?? 0) >= 0.6 * total);
    if (!next || !CONTAINER.has(next.name) || (next.name === 'table' && isDataTable(next))) return cur;
    cur = next;
  }
}

const CONTAINER = new Set(['html', 'body', 'div', 'section', 'article', 'main', 'center', 'span', 'font', 'form', 'table', 'tbody', 'tr', 'td', 'th']);

function findBody(roots: AnyNode[]): Element | undefined {
  const stack = [...roots];
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n)) {
      if ('children' in n && Array.isArray(n.children)) stack.push(...n.children);
      continue;
    }
    if (n.name === 'body') return n;
    if (n.name === 'html') stack.push(...n.children);
  }
  return undefined;
}

/** Readable characters (not in links, not in chrome) below each element; iterative post-order. */
function textWeights(roots: AnyNode[]): Map<AnyNode, number> {
  const weight = new Map<AnyNode, number>();
  const stack: { node: AnyNode; exit: boolean; inLink: boolean }[] = roots.map((node) => ({ node, exit: false, inLink: false }));
  while (stack.length) {
    const { node, exit, inLink } = stack.pop()!;
    if (node.type === ElementType.Text) {
      if (!inLink) weight.set(node, node.data.replace(/[\s\u00a0\u3000]/g, '').length);
      continue;
    }
    const children = 'children' in node && Array.isArray(node.children) ? (node.children as AnyNode[]) : [];
    if (exit) {
      weight.set(
        node,
        children.reduce((n, c) => n + (weight.get(c) ?? 0), 0),
      );
      continue;
    }
    if (isElement(node) && isChrome(node, true)) continue;
    const link = inLink || (isElement(node) && node.name === 'a');
    stack.push({ node, exit: true, inLink });
    for (const c of children) stack.push({ node: c, exit: false, inLink: link });
  }
  return weight;
}

/** Outside the article only a title-like line is kept (some CMSs put the title above the article box). */
function keepOutsideContent(text: string): boolean {
  // redos-safe: runs only on text of at most 60 characters (checked first).
  return text.length <= 60 && /^[^：:>，。；]*(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年[^：:>，。；]*(?:报告|年报)$/.test(text.trim());
}

const SKIP = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'footer',
  'aside',
  'form',
  'select',
  'option',
  'button',
  'iframe',
  'svg',
  'object',
  'canvas',
  'input',
  'textarea',
  'map',
  'audio',
  'video',
]);

const BLOCK = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'header',
  'hgroup',
  'hr',
  'html',
  'li',
  'main',
  'menu',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'caption',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);

const HEADING = /^h([1-6])$/;

function isElement(n: AnyNode): n is Element {
  return n.type === ElementType.Tag || n.type === ElementType.Script || n.type === ElementType.Style;
}

function isHidden(el: Element): boolean {
  // redos-safe: each alternative starts with a literal word, so a start position fails within the one whitespace run after it.
  return el.attribs.hidden !== undefined || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.attribs.style ?? '');
}

/** A page <header> (site banner) is chrome; an article's own <header> holds its title. */
function isChrome(el: Element, inArticle: boolean): boolean {
  if (SKIP.has(el.name) || isHidden(el)) return true;
  return el.name === 'header' && !inArticle;
}

/** Paragraph being collected from inline content. */
interface Pending {
  parts: MappedText[];
  /** Non-whitespace characters outside / inside links. */
  plain: number;
  linked: number;
  heading?: number;
}

type Frame = { node: AnyNode; exit: false } | { node: Element; exit: true };

/** Walk a DOM (already parsed) into blocks. Shared by the HTML and the .docx processors. */
export function domToBlocks(roots: AnyNode[], loc: DomLocator, content?: Element): Block[] {
  const blocks: Block[] = [];
  let cur: Pending = { parts: [], plain: 0, linked: 0 };
  let linkDepth = 0;
  let articleDepth = 0;
  // Inside the article element (or everywhere, when there is none).
  let contentDepth = content ? 0 : 1;

  const flush = () => {
    const p = cur;
    cur = { parts: [], plain: 0, linked: 0 };
    if (p.parts.length === 0) return;
    const content = trimMapped(MappedText.concat(p.parts));
    if (!content.text) return;
    // A paragraph that is nothing but link text is navigation, not report content.
    if (p.heading === undefined && p.plain === 0 && p.linked > 0) return;
    if (contentDepth === 0 && !keepOutsideContent(content.text)) return;
    const span = content.span;
    blocks.push(p.heading !== undefined ? { kind: 'heading', depth: p.heading, content, span } : { kind: 'paragraph', content, span });
  };

  const stack: Frame[] = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push({ node: roots[i], exit: false });
  while (stack.length) {
    const f = stack.pop()!;
    if (f.exit) {
      const el = f.node;
      if (el.name === 'a') linkDepth--;
      if (el.name === 'article' || el.name === 'main') articleDepth--;
      if (BLOCK.has(el.name) || el === content) flush();
      if (el === content) contentDepth--;
      continue;
    }
    const node = f.node;
    if (node.type === ElementType.Text) {
      const t = loc.text(node);
      if (!t.text) continue;
      cur.parts.push(t);
      const visible = t.text.replace(/[\s\u00a0\u3000]/g, '').length;
      if (linkDepth > 0) cur.linked += visible;
      else cur.plain += visible;
      continue;
    }
    if (!isElement(node)) {
      // Comments, doctype, CDATA: no content. The document root has children.
      if ('children' in node && Array.isArray(node.children))
        for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i], exit: false });
      continue;
    }
    if (isChrome(node, articleDepth > 0)) continue;
    if (node.name === 'br') {
      flush();
      continue;
    }
    // A picture in the article (a table published as an image, in a page or a .docx): kept as an
    // image block so the recognizer can say so instead of calling the table missing.
    if (node.name === 'img' && contentDepth > 0) {
      const span = loc.span(node) ?? cur.parts[cur.parts.length - 1]?.span;
      if (span) {
        flush();
        blocks.push({ kind: 'image', content: MappedText.empty(span.start), span });
      }
      continue;
    }
    if (node.name === 'table' && isDataTable(node)) {
      flush();
      const table = readTable(node, loc);
      // A data table outside the article is page furniture (a CMS metadata box).
      if (table && contentDepth > 0) blocks.push(table);
      continue;
    }
    if (BLOCK.has(node.name) || node === content) flush();
    if (node === content) contentDepth++;
    const h = HEADING.exec(node.name);
    if (h) cur.heading = Number(h[1]);
    if (node.name === 'a') linkDepth++;
    if (node.name === 'article' || node.name === 'main') articleDepth++;
    stack.push({ node, exit: true });
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i], exit: false });
  }
  flush();
  return blocks;
}

/** Descendant elements of `el`, iteratively, not entering elements for which `stop` is true. */
function* descendants(el: Element, stop: (e: Element) => boolean = () => false): Generator<Element> {
  const stack: AnyNode[] = [...el.children].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    yield n;
    if (!stop(n)) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
}

/** A table that holds another table or a heading is page layout, not data. */
function isDataTable(table: Element): boolean {
  for (const d of descendants(table)) if (d.name === 'table' || HEADING.test(d.name)) return false;
  return true;
}

function readTable(table: Element, loc: DomLocator): TableBlock | undefined {
  const rows: TableRow[] = [];
  for (const tr of descendants(table)) {
    if (tr.name !== 'tr') continue;
    const cells: TableCell[] = [];
    for (const td of tr.children) {
      if (!isElement(td) || (td.name !== 'td' && td.name !== 'th') || isHidden(td)) continue;
      cells.push(readCell(td, loc));
    }
    const span = loc.span(tr) ?? cells[0]?.span;
    if (span) rows.push({ cells, span });
  }
  const span = loc.span(table) ?? rows[0]?.span;
  if (!span || rows.length === 0) return undefined;
  return { kind: 'table', syntax: 'html', rows, span };
}

function readCell(td: Element, loc: DomLocator): TableCell {
  const parts: MappedText[] = [];
  const stack: AnyNode[] = [...td.children].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === ElementType.Text) {
      parts.push(loc.text(n));
    } else if (isElement(n) && !SKIP.has(n.name) && !isHidden(n)) {
      // A line break or a paragraph boundary inside a cell separates words, like whitespace.
      if (n.name === 'br' || (BLOCK.has(n.name) && parts.length)) parts.push(new MappedText(' ', [loc.content(td)?.start ?? 0, loc.content(td)?.start ?? 0]));
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
    }
  }
  const text = trimMapped(MappedText.concat(parts));
  const fallback = loc.content(td) ?? loc.span(td) ?? { start: 0, end: 0 };
  return {
    text: text.text,
    span: text.text ? text.span : { start: fallback.start, end: fallback.start },
    rowSpan: positiveInt(td.attribs.rowspan),
    colSpan: positiveInt(td.attribs.colspan),
  };
}

function positiveInt(v: string | undefined): number {
  const n = v ? Number.parseInt(v, 10) : 1;
  return Number.isFinite(n) && n > 0 ? Math.min(n, 1000) : 1;
}

/** Trim whitespace (including no-break and ideographic spaces) from both ends. */
export function trimMapped(m: MappedText): MappedText {
  const t = m.text;
  let s = 0;
  let e = t.length;
  while (s < e && /[\s\u00a0\u3000]/.test(t[s])) s++;
  while (e > s && /[\s\u00a0\u3000]/.test(t[e - 1])) e--;
  return m.slice(s, e);
}

/* ---------------------------------------------------------------------- HTML source mapping */

function htmlLocator(html: string): DomLocator {
  return {
    text(node) {
      const loc = node.sourceCodeLocation;
      if (!loc) return MappedText.empty(0);
      return alignDecoded(html, loc.startOffset, loc.endOffset, node.data);
    },
    span(el) {
      const loc = el.sourceCodeLocation;
      return loc ? { start: loc.startOffset, end: loc.endOffset } : undefined;
    },
    content(el) {
      const loc = el.sourceCodeLocation;
      if (!loc) return undefined;
      const start = loc.startTag ? loc.startTag.endOffset : loc.startOffset;
      const end = loc.endTag ? loc.endTag.startOffset : loc.endOffset;
      return { start, end: Math.max(start, end) };
    },
  };
}

const ENTITY = /^&(?:#[xX][0-9a-fA-F]{1,6};?|#\d{1,7};?|[A-Za-z][A-Za-z0-9]{0,31};?)/;

/**
 * Map the decoded text of a text node (entities decoded, CRLF folded, no-break spaces turned into
 * plain spaces) back to its raw source slice [start, end). Where the two cannot be aligned
 * character by character, the rest maps to the last aligned offset: positions stay inside the
 * node, never outside the file.
 */
export function alignDecoded(src: string, start: number, end: number, data: string): MappedText {
  const text = data.replace(/\u00a0/g, ' ');
  const raw = src.slice(start, end);
  if (raw === data) return new MappedText(text, identity(start, end));
  const offs: number[] = [];
  let i = 0;
  let j = 0;
  while (j < data.length && i < raw.length) {
    if (raw[i] === data[j]) {
      offs.push(start + i);
      i++;
      j++;
      continue;
    }
    if (raw[i] === '\r') {
      i++;
      continue;
    }
    if (raw[i] === '&') {
      const m = ENTITY.exec(raw.slice(i, i + 40));
      if (m) {
        const decoded = decodeHTML(m[0]);
        if (decoded !== m[0] && data.startsWith(decoded, j)) {
          for (let k = 0; k < decoded.length; k++) offs.push(start + i);
          i += m[0].length;
          j += decoded.length;
          continue;
        }
      }
    }
    break;
  }
  const last = offs.length ? offs[offs.length - 1] : start;
  while (offs.length < data.length) offs.push(last);
  offs.push(j === data.length ? start + raw.length : Math.min(end, last + 1));
  return new MappedText(text, offs);
}

function identity(start: number, end: number): number[] {
  const a = new Array<number>(end - start + 1);
  for (let k = 0; k <= end - start; k++) a[k] = start + k;
  return a;
}

export const htmlFormat: TextFormat = {
  id: 'html',
  name: { 'zh-CN': 'HTML', en: 'HTML' },
  extensions: ['.html', '.htm'],
  languageIds: ['html'],
  binary: false,
  // A page, or a CMS fragment that starts with an HTML tag (unless Markdown marks say otherwise).
  sniff: (head) =>
    /^\s*(<!doctype html|<html[\s>])/i.test(head) ||
    (!looksLikeMarkdown(head) && /^<(head|body|meta|div|p|section|article|table|h[1-6]|span|center|font|ul|ol)[\s>]/i.test(skipComments(head))),
  parse: parseHtml,
  position: lineColumn,
  reading: 'blocks',
  markup: 'html',
  directives: { syntax: 'html-comment', pipeTableRows: true, linePrefix: /^[ \t]*/, keepFirstLine: /^\uFEFF?\s*<!doctype/i },
  fixes: 'text',
  readme: {
    reads:
      'a CMS article fragment or a whole saved page: only the article box (breadcrumbs, metadata box, 字号 大 中 小, 扫码…, related links, footer, `<nav>`/`<footer>`/scripts/hidden elements are left out); `<p>`, `<br>`, `&nbsp;`, entities; tables with rowspan/colspan; layout tables read as text',
    positions: 'line and column in the HTML source',
  },
};

/** `text` after leading whitespace and HTML comments (a loop: `^\s*(<!--[\s\S]*?-->\s*)*` is exponential). */
function skipComments(text: string): string {
  let rest = text.trimStart();
  while (rest.startsWith('<!--')) {
    const end = rest.indexOf('-->', 4);
    if (end === -1) break;
    rest = rest.slice(end + 3).trimStart();
  }
  return rest;
}
