import { Element, Text, type AnyNode, type ChildNode } from 'domhandler';
import { ElementType, Parser } from 'htmlparser2';

/**
 * An HTML page → a DOM (domhandler nodes, as cheerio builds them) with parse5-style source
 * locations, read with htmlparser2's streaming parser instead of parse5's spec tree builder: the
 * page is lint input, not a document to render, and parse5's tree builder cost more than all the
 * rules together. The parts of the HTML standard's tree construction that change what a reader
 * sees are reproduced after the parse:
 *
 * - every page has an <html> with a <head> and a <body>: head-only elements (title, meta, link,
 *   style, script, base) before the first content go to the head, everything else to the body,
 *   content after </body> or </html> included;
 * - text and non-table elements directly inside a table go before the table (foster parenting);
 *   cells directly inside a table or its sections get a row of their own and rows directly in a
 *   table a <tbody> (with no place in the source, as the tree builder's invented ones have none);
 * - CR LF and CR read as LF, and a newline right after <pre>/<textarea>/<listing> is dropped.
 *
 * Locations: an element's start is its '<'; its end is after its end tag, or where the tag that
 * closed it implicitly starts (parse5's rule), or the end of the file. `startTag.endOffset` and
 * `endTag.startOffset` bound its content. A cell, row or section start ends the cells and
 * rows open in its table (also under an unclosed `<font>`: `<td><font>1<td>2`). Known differences
 * from parse5 that remain: inline elements closed by a block end (`<p><a name=x>1</p><p>2`) are
 * not reopened in the next block (the adoption agency; parse5 would make "2" link text), and
 * `<table>` inside `<p>` ends the paragraph also in quirks mode. None moves text out of order.
 */
export function parseHtmlDom(html: string): ChildNode[] {
  const root = new Element('#root', {});
  /** The elements open in the tree being built, innermost last. */
  const open: Element[] = [root];
  /**
   * The elements open in htmlparser2's own stack (it reports their ends). A cell or row start
   * ends cells and rows htmlparser2 keeps open (`<td><font>1<td>2`); those are closed here first
   * and their later end from the parser is ignored.
   */
  const parsed: Element[] = [];
  /** The text node the next text chunk continues (reset by any tag or comment). */
  let text: Text | undefined;
  let ended = false;

  /** Close `el` and every element opened inside it; `el` ends as `how` says, the inner ones where it ends. */
  const close = (el: Element, how: 'implied' | 'explicit' | 'void') => {
    const at = open.lastIndexOf(el);
    if (at <= 0) return;
    while (open.length > at) {
      const top = open.pop()!;
      const loc = top.sourceCodeLocation!;
      if (ended) {
        loc.endOffset = html.length;
      } else if (how === 'void' && top === el) {
        loc.endOffset = loc.startTag!.endOffset;
      } else if (how === 'explicit' && top === el) {
        loc.endOffset = parser.closeTagEnd();
        loc.endTag = { startOffset: parser.startIndex, endOffset: loc.endOffset, startLine: 0, startCol: 0, endLine: 0, endCol: 0 };
      } else {
        loc.endOffset = Math.max(parser.startIndex, loc.startTag!.endOffset);
      }
    }
  };

  /** Table parts end what is open inside the part that holds them (the tree builder's table modes). */
  const closeForTablePart = (name: string) => {
    const holders =
      name === 'td' || name === 'th' ? ROW : name === 'tr' ? SECTION : name === 'tbody' || name === 'thead' || name === 'tfoot' ? TABLE : undefined;
    if (!holders) return;
    for (let i = open.length - 1; i > 0; i--) {
      const el = open[i];
      if (holders.has(el.name)) {
        if (i + 1 < open.length) close(open[i + 1], 'implied');
        return;
      }
      if (el.name === 'table') return;
    }
  };

  const parser: SourceParser = new SourceParser(
    html,
    {
      onopentag(name, attribs) {
        text = undefined;
        closeForTablePart(name);
        // domhandler types <script> and <style> elements itself, as cheerio's tree does.
        const el = new Element(name, attribs, []);
        const start = parser.startIndex;
        el.sourceCodeLocation = {
          startOffset: start,
          endOffset: start,
          startLine: 0,
          startCol: 0,
          endLine: 0,
          endCol: 0,
          startTag: { startOffset: start, endOffset: parser.endIndex + 1, startLine: 0, startCol: 0, endLine: 0, endCol: 0 },
        };
        append(open[open.length - 1], el);
        open.push(el);
        parsed.push(el);
      },
      onclosetag(name, implied) {
        text = undefined;
        const el = parsed.pop();
        if (el) close(el, VOID.has(name) ? 'void' : implied ? 'implied' : 'explicit');
      },
      ontext(chunk) {
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        // CR LF and CR read as LF in the source (parse5 normalizes its input stream), not where a character reference wrote a CR.
        const data = chunk.includes('\r') && html.startsWith(chunk, start) ? chunk.replace(/\r\n?/g, '\n') : chunk;
        if (text) {
          text.data += data;
          text.sourceCodeLocation!.endOffset = end;
          return;
        }
        text = new Text(data);
        text.sourceCodeLocation = { startOffset: start, endOffset: end, startLine: 0, startCol: 0, endLine: 0, endCol: 0 };
        append(open[open.length - 1], text);
      },
      oncomment() {
        text = undefined;
      },
      onprocessinginstruction() {
        text = undefined;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  ended = true;
  parser.end();
  normalizeText(root, html);
  fosterTables(root);
  return pageTree(root.children);
}

/**
 * htmlparser2's Parser with end tags that end at their '>': the parser ends `</P\n>` (DocBook
 * writes them so) where the tag name ends, and the next text or tag would start there too.
 */
export class SourceParser extends Parser {
  constructor(
    private readonly source: string,
    ...rest: ConstructorParameters<typeof Parser>
  ) {
    super(...rest);
  }

  /** Inside onclosetag for an end tag written in the source: the offset after its '>'. */
  closeTagEnd(): number {
    const gt = this.source.indexOf('>', this.endIndex);
    return gt === -1 ? this.endIndex + 1 : gt + 1;
  }

  override onclosetag(start: number, endIndex: number): void {
    super.onclosetag(start, endIndex);
    const gt = this.source.indexOf('>', endIndex);
    if (gt !== -1) this.startIndex = gt + 1;
  }
}

const ROW = new Set(['tr']);
const SECTION = new Set(['tbody', 'thead', 'tfoot', 'table']);
const TABLE = new Set(['table']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const HEAD_ONLY = new Set(['title', 'meta', 'link', 'style', 'script', 'base', 'noscript']);
const TABLE_CONTEXT = new Set(['table', 'tbody', 'thead', 'tfoot', 'tr']);
/** What the tree builder leaves where it is inside a table (everything else is fostered out). */
const TABLE_CONTENT = new Set(['caption', 'colgroup', 'col', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'script', 'style', 'template', 'form', 'input']);

function append(parent: Element, child: ChildNode): void {
  child.parent = parent;
  parent.children.push(child);
}

function isElement(n: AnyNode): n is Element {
  return n.type === ElementType.Tag || n.type === ElementType.Script || n.type === ElementType.Style;
}

function isBlank(n: ChildNode): boolean {
  return n.type === ElementType.Text && !/[^\t\n\f\r ]/.test(n.data);
}

/** No leading newline in pre/textarea/listing (the tree builder drops it). */
function normalizeText(root: Element, html: string): void {
  const stack: Element[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    el.children.forEach((c, i) => {
      if (c.type === ElementType.Text) {
        const t = c;
        if (i === 0 && t.data.startsWith('\n') && (el.name === 'pre' || el.name === 'textarea' || el.name === 'listing')) {
          t.data = t.data.slice(1);
          // The dropped newline (CR LF or LF) is not part of the text's place either.
          const loc = t.sourceCodeLocation!;
          loc.startOffset += html[loc.startOffset] === '\r' && html[loc.startOffset + 1] === '\n' ? 2 : 1;
        }
      } else if (isElement(c)) stack.push(c);
    });
  }
}

/**
 * Text and stray elements directly in a table go before it; cells directly in a table or a
 * section get an invented row. Iterative: a page of deeply nested tables must not overflow.
 */
function fosterTables(root: Element): void {
  const stack: Element[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    if (TABLE_CONTEXT.has(el.name)) {
      const table = el.name === 'table' ? el : closestTable(el);
      const kept: ChildNode[] = [];
      let invented: Element | undefined;
      for (const c of el.children) {
        if (el.name !== 'tr' && isElement(c) && (c.name === 'td' || c.name === 'th')) {
          if (!invented) {
            invented = new Element('tr', {});
            invented.parent = el;
            kept.push(invented);
          }
          c.parent = invented;
          invented.children.push(c);
          continue;
        }
        invented = undefined;
        const stray = (c.type === ElementType.Text && !isBlank(c)) || (isElement(c) && !TABLE_CONTENT.has(c.name));
        if (stray && table?.parent && !holdsRows(c)) insertBefore(table, c);
        else kept.push(c);
      }
      el.children = el.name === 'table' ? withBodies(el, kept) : kept;
    }
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i];
      if (isElement(c)) stack.push(c);
    }
  }
}

/** Rows directly in a table go into an invented <tbody>, as the tree builder puts them. */
function withBodies(table: Element, children: ChildNode[]): ChildNode[] {
  const out: ChildNode[] = [];
  let body: Element | undefined;
  for (const c of children) {
    if (isElement(c) && c.name === 'tr') {
      if (!body) {
        body = new Element('tbody', {});
        body.parent = table;
        out.push(body);
      }
      c.parent = body;
      body.children.push(c);
    } else if (body && (isBlank(c) || !isElement(c))) {
      c.parent = body;
      body.children.push(c);
    } else {
      body = undefined;
      out.push(c);
    }
  }
  return out;
}

function closestTable(el: Element): Element | undefined {
  for (let p = el.parent; p; p = p.parent) if (isElement(p) && p.name === 'table') return p;
  return undefined;
}

/** An element wrapping rows or cells (a <font> around the rows) stays: the rows are the table's. */
function holdsRows(n: ChildNode): boolean {
  if (!isElement(n)) return false;
  const stack: ChildNode[] = [...n.children];
  while (stack.length) {
    const c = stack.pop()!;
    if (!isElement(c)) continue;
    if (c.name === 'tr' || c.name === 'td' || c.name === 'th') return true;
    if (c.name !== 'table') stack.push(...c.children);
  }
  return false;
}

function insertBefore(ref: Element, node: ChildNode): void {
  const parent = ref.parent as Element;
  node.parent = parent;
  parent.children.splice(parent.children.indexOf(ref), 0, node);
}

/**
 * <html> holding <head> and <body>, as the tree builder makes them: an explicit <body> keeps its
 * content and gains whatever stands outside it (before it: after the head; after it: at its end).
 */
function pageTree(top: ChildNode[]): ChildNode[] {
  const htmlEl = top.find((n): n is Element => isElement(n) && n.name === 'html');
  const items = htmlEl ? [...top.slice(0, top.indexOf(htmlEl)), ...htmlEl.children, ...top.slice(top.indexOf(htmlEl) + 1)] : top;
  const html = htmlEl ?? new Element('html', {});
  const head = items.find((n): n is Element => isElement(n) && n.name === 'head') ?? new Element('head', {});
  const body = items.find((n): n is Element => isElement(n) && n.name === 'body') ?? new Element('body', {});
  const headExtra: ChildNode[] = [];
  // Text in the head ends it: the tree builder opens the body there, and what follows is body content.
  const headText = head.children.findIndex((n) => n.type === ElementType.Text && !isBlank(n));
  const bodyBefore: ChildNode[] = headText === -1 ? [] : head.children.splice(headText);
  const bodyAfter: ChildNode[] = [];
  // Head-only elements go to the head until the first content; white space outside the body is dropped.
  let content = headText !== -1;
  let pastBody = false;
  for (const n of items) {
    if (n === head) continue;
    if (n === body) {
      content = true;
      pastBody = true;
    } else if (isBlank(n) || n.type === ElementType.Directive || n.type === ElementType.Comment) {
      continue;
    } else if (!content && isElement(n) && HEAD_ONLY.has(n.name)) {
      headExtra.push(n);
    } else {
      content = true;
      (pastBody ? bodyAfter : bodyBefore).push(n);
    }
  }
  body.children = [...bodyBefore, ...body.children, ...bodyAfter];
  head.children.push(...headExtra);
  for (const c of body.children) c.parent = body;
  for (const c of head.children) c.parent = head;
  html.children = [head, body];
  head.parent = html;
  body.parent = html;
  html.parent = null;
  return [html];
}
