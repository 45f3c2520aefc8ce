import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Nodes, Parents, PhrasingContent, RootContent } from 'mdast';
import { MappedText } from '../model/mapped-text.js';
import type { Block, Document, TableCell, TableRow } from '../model/document.js';
import { SourceText } from '../model/source.js';
import { parseHtmlTables } from './html-table.js';
import { stripTags } from './strip-tags.js';

const parser = unified().use(remarkParse).use(remarkGfm);

/** Markdown → Document with unified + remark-parse + remark-gfm; raw HTML tables via cheerio. */
export function parseMarkdown(text: string): Document {
  const source = new SourceText(text);
  const tree = parser.parse(text);
  const blocks: Block[] = [];
  collectBlocks(tree.children, text, blocks);
  return { format: 'markdown', source, blocks };
}

function collectBlocks(nodes: RootContent[], text: string, out: Block[]): void {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    const span = spanOf(node);
    if (!span) continue;
    switch (node.type) {
      case 'heading':
        out.push({ kind: 'heading', depth: node.depth, content: inlineText(node, text), span });
        break;
      case 'paragraph':
        out.push({ kind: 'paragraph', content: inlineText(node, text), span });
        break;
      case 'table':
        out.push({
          kind: 'table',
          syntax: 'gfm',
          span,
          rows: node.children.map((row): TableRow => ({
            span: spanOf(row) ?? span,
            cells: row.children.map((cell): TableCell => {
              const content = inlineText(cell, text);
              return { text: content.text, span: content.text ? content.span : spanOf(cell) ?? span, rowSpan: 1, colSpan: 1 };
            }),
          })),
        });
        break;
      case 'html': {
        // A blank line inside an HTML table ends the CommonMark HTML block, so one table can
        // arrive as several html nodes: join the neighbours until the table is closed.
        let end = span.end;
        let raw = text.slice(span.start, end);
        if (/<table[\s>]/i.test(raw)) {
          while (!tableClosed(raw) && i + 1 < nodes.length && nodes[i + 1].type === 'html') {
            i++;
            end = spanOf(nodes[i])!.end;
            raw = text.slice(span.start, end);
          }
          const tables = parseHtmlTables(raw, span.start);
          if (tables.length) {
            out.push(...tables);
            pushHtmlProseOutsideTables(raw, span.start, text, out);
            break;
          }
        }
        const prose = stripTags(MappedText.verbatim(text, span.start, end));
        if (prose.text.trim()) out.push({ kind: 'paragraph', content: prose, span: { start: span.start, end } });
        break;
      }
      case 'blockquote':
      case 'list':
      case 'listItem':
        collectBlocks(node.children as RootContent[], text, out);
        break;
      case 'code':
        out.push({ kind: 'paragraph', content: MappedText.verbatim(text, span.start, span.end), span });
        break;
      default:
        break; // thematicBreak, definitions, footnotes: no report content
    }
  }
}

function tableClosed(raw: string): boolean {
  const opens = raw.match(/<table[\s>]/gi)?.length ?? 0;
  const closes = raw.match(/<\/table>/gi)?.length ?? 0;
  return closes >= opens;
}

/** Text around a table inside the same HTML block (e.g. a caption line) stays prose. */
function pushHtmlProseOutsideTables(raw: string, base: number, text: string, out: Block[]): void {
  const re = /<table[\s>][\s\S]*?<\/table>/gi;
  let last = 0;
  let m: RegExpExecArray | null;
  const pieces: [number, number][] = [];
  while ((m = re.exec(raw))) {
    pieces.push([last, m.index]);
    last = m.index + m[0].length;
  }
  pieces.push([last, raw.length]);
  for (const [s, e] of pieces) {
    const prose = stripTags(MappedText.verbatim(text, base + s, base + e));
    if (prose.text.trim()) out.push({ kind: 'paragraph', content: prose, span: { start: base + s, end: base + e } });
  }
}

/**
 * The readable text of a node's inline content, mapped to the original. Where a text node's value
 * equals its source slice (the usual case) every character maps exactly; where it differs (escapes,
 * entities, container prefixes) characters map to the node's start.
 */
function inlineText(node: Parents, text: string): MappedText {
  const parts: MappedText[] = [];
  walkInline(node.children as PhrasingContent[], text, parts);
  if (parts.length === 0) return MappedText.empty(spanOf(node as Nodes)?.start ?? 0);
  return MappedText.concat(parts);
}

function walkInline(nodes: PhrasingContent[], text: string, parts: MappedText[]): void {
  for (const n of nodes) {
    const span = spanOf(n);
    if (n.type === 'text' || n.type === 'inlineCode') {
      if (!span) continue;
      const slice = text.slice(span.start, span.end);
      if (slice === n.value) parts.push(MappedText.verbatim(text, span.start, span.end));
      else if (n.type === 'inlineCode' && slice.includes(n.value)) {
        const at = span.start + slice.indexOf(n.value);
        parts.push(MappedText.verbatim(text, at, at + n.value.length));
      } else parts.push(new MappedText(n.value, new Array(n.value.length + 1).fill(span.start).map((o, k) => (k === n.value.length ? span.end : o))));
    } else if (n.type === 'break') {
      if (span) parts.push(new MappedText('\n', [span.start, span.end]));
    } else if ('children' in n) {
      walkInline(n.children as PhrasingContent[], text, parts);
    }
  }
}

function spanOf(node: Nodes): { start: number; end: number } | undefined {
  const p = node.position;
  if (!p || p.start.offset === undefined || p.end.offset === undefined) return undefined;
  return { start: p.start.offset, end: p.end.offset };
}
