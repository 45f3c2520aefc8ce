import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import type { Nodes, Parents, PhrasingContent, Root, RootContent } from 'mdast';
import type { Construct, Extension, TokenizeContext } from 'micromark-util-types';
import { MappedText } from '../model/mapped-text.js';
import type { Block, Document, TableCell, TableRow } from '../model/document.js';
import { SourceText } from '../model/source.js';
import { parseHtmlTables } from './html-table.js';
import { boundMarkdownShapes } from './markdown-bounds.js';
import { stripTags } from './strip-tags.js';
import { textLineTables } from './text.js';
import { lineColumn, type TextFormat } from './descriptor.js';
import { IncrementalMarkdown } from './markdown-incremental.js';

/**
 * Of GitHub's extensions to Markdown only the tables: the rest would change what a reader of a
 * report sees without adding anything to read. Strikethrough takes the tildes of "1~3月……4~6月"
 * for markers and drops them, task-list boxes and footnote references drop their brackets, and
 * autolink literals only split text that reads the same. Reading the rest of GFM also cost more
 * than remark-parse itself.
 */
function gfmTables(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(guardedTables(gfmTable()));
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

/** The text being parsed (parsing is synchronous, one text at a time), for the table guard's look at the next line. */
let parsing = '';

/**
 * The table construct is tried at the start of every line of every paragraph, and on a line that
 * is no table it reads the whole line as a head row before it fails: for report prose that doubled
 * micromark's work on every paragraph. A table is only ever a head row followed by a delimiter row
 * (whose every cell has a `-`: `| --- | :-: |`), or a body row after the head or a row. So where the
 * previous token is neither and the next line of the text has no `-`, the construct would fail
 * whatever it read, and the guard lets it fail before reading. Otherwise the extension's own
 * tokenizer runs unchanged: the tree is the same. It is only set up once the guard lets it run
 * (setting it up makes its thirty-odd state functions, at every line of every paragraph).
 */
function guardedTables(extension: Extension): Extension {
  const table = (extension.flow as Record<'null', Construct>).null;
  const tokenizeTable = table.tokenize;
  return {
    flow: {
      null: {
        ...table,
        tokenize(effects, ok, nok) {
          return (code) => (afterTableRow(this.events) || nextLineHasDash(this.now().offset) ? tokenizeTable.call(this, effects, ok, nok)(code) : nok(code));
        },
      },
    },
  };
}

/** Whether the last token before this line (line endings and indents aside) ends a table's head or row: the same test the table tokenizer starts with. */
function afterTableRow(events: TokenizeContext['events']): boolean {
  let index = events.length - 1;
  while (index > -1 && (events[index][1].type === 'lineEnding' || events[index][1].type === 'linePrefix')) index--;
  return index > -1 && (events[index][1].type === 'tableHead' || events[index][1].type === 'tableRow');
}

/** Whether the line after the one holding `offset` in the text being parsed has a `-` (micromark's line endings: LF, CR, CRLF). */
function nextLineHasDash(offset: number): boolean {
  const s = parsing;
  let i = offset;
  while (i < s.length && s.charCodeAt(i) !== 10 && s.charCodeAt(i) !== 13) i++;
  if (i >= s.length) return false;
  i += s.charCodeAt(i) === 13 && s.charCodeAt(i + 1) === 10 ? 2 : 1;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 45) return true;
    if (c === 10 || c === 13) return false;
  }
  return false;
}

const parser = unified().use(remarkParse).use(gfmTables);

/** Markdown → Document with unified + remark-parse + GFM tables; raw HTML tables via htmlparser2 (html-table.ts). */
export function parseMarkdown(text: string): Document {
  const source = new SourceText(text);
  const tree = markdownTree(boundMarkdownShapes(text));
  const blocks: Block[] = [];
  collectBlocks(tree.children, source, blocks, true);
  return { format: 'markdown', source, blocks };
}

/** The mdast tree of Markdown already bounded by boundMarkdownShapes (markdown-incremental.ts parses pieces of it). */
export function markdownTree(bounded: string): Root {
  // micromark drops a leading U+FEFF (a byte order mark) and counts its offsets from after it, so
  // every position would be one character early (a fix would replace the wrong characters): parse
  // what follows the mark and count the mark back in. (The CLI's decoder strips the mark from files;
  // text handed to the API or an editor buffer may still start with it.)
  const mark = bounded.charCodeAt(0) === 0xfeff ? 1 : 0;
  parsing = mark ? bounded.slice(1) : bounded;
  try {
    const tree = parser.parse(parsing);
    if (mark) shiftPositions(tree, mark);
    return tree;
  } finally {
    parsing = '';
  }
}

/** Moves every position in `tree` `by` characters along its first line (what a mark in front of the text does). */
function shiftPositions(tree: Root, by: number): void {
  const stack: Nodes[] = [tree];
  for (let node = stack.pop(); node; node = stack.pop()) {
    for (const point of node.position ? [node.position.start, node.position.end] : []) {
      if (point.offset !== undefined) point.offset += by;
      if (point.line === 1) point.column += by;
    }
    if ('children' in node) stack.push(...node.children);
  }
}

/** The blocks of top-level nodes of the tree of `source.text` (positions into it), as parseMarkdown reads them. */
export function topLevelBlocks(nodes: RootContent[], source: SourceText): Block[] {
  const out: Block[] = [];
  collectBlocks(nodes, source, out, true);
  return out;
}

/** An HTML picture tag in Markdown. */
const IMG_TAG = /<img\b/i;

/** `topLevel`: not inside a blockquote or list, so a paragraph's source lines carry no container prefixes. */
function collectBlocks(nodes: RootContent[], source: SourceText, out: Block[], topLevel: boolean): void {
  const text = source.text;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    const span = spanOf(node);
    if (!span) continue;
    switch (node.type) {
      case 'heading':
        out.push({ kind: 'heading', depth: node.depth, content: inlineText(node, text), span });
        break;
      case 'paragraph': {
        // A paragraph of nothing but pictures (a table published as an image: "![表三](t3.png)").
        const images = node.children.filter((c) => c.type === 'image' || (c.type === 'html' && IMG_TAG.test(c.value)));
        if (images.length && node.children.every((c) => images.includes(c) || (c.type === 'text' && !c.value.trim()))) {
          for (const img of images) {
            const at = spanOf(img) ?? span;
            out.push({ kind: 'image', content: MappedText.empty(at.start), span: at });
          }
          break;
        }
        // Tables pasted as tab-separated lines (or `|` rows without a delimiter row, or PDF rows of
        // numbers) are plain paragraphs to Markdown; read such a paragraph line by line instead.
        const lines = topLevel ? textLineTables(source, node.position!.start.line, node.position!.end.line) : undefined;
        if (lines) out.push(...lines);
        else out.push(...lineParagraphs(inlineText(node, text), span));
        break;
      }
      case 'table':
        out.push({
          kind: 'table',
          syntax: 'gfm',
          span,
          rows: node.children.map((row): TableRow => ({
            span: spanOf(row) ?? span,
            cells: row.children.map((cell): TableCell => {
              const content = inlineText(cell, text);
              return { text: content.text, span: content.text ? content.span : (spanOf(cell) ?? span), rowSpan: 1, colSpan: 1 };
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
        if (IMG_TAG.test(raw) && !stripTags(MappedText.verbatim(text, span.start, end)).text.trim()) {
          out.push({ kind: 'image', content: MappedText.empty(span.start), span: { start: span.start, end } });
          break;
        }
        const prose = stripTags(MappedText.verbatim(text, span.start, end));
        if (prose.text.trim()) out.push({ kind: 'paragraph', content: prose, span: { start: span.start, end } });
        break;
      }
      case 'blockquote':
      case 'list':
      case 'listItem':
        collectBlocks(node.children, source, out, false);
        break;
      case 'code': {
        // An indented "code block" in a report draft is usually table rows pasted from Word whose
        // lines begin with a tab (an empty first cell); fenced blocks are left as written.
        const fenced = /^\s*(```|~~~)/.test(text.slice(span.start, span.end));
        const lines = topLevel && !fenced ? textLineTables(source, node.position!.start.line, node.position!.end.line) : undefined;
        if (lines) out.push(...lines);
        else out.push({ kind: 'paragraph', content: MappedText.verbatim(text, span.start, span.end), span });
        break;
      }
      default:
        break; // thematicBreak, definitions, footnotes: no report content
    }
  }
}

/**
 * One block per line of a paragraph. Drafts converted from Word put a title, a "一、总体情况"
 * heading or the 落款 date on a line of its own without a blank line around it, which Markdown
 * folds into the neighbouring paragraph; the recognizer needs those lines as lines. Prose is
 * joined again (across wraps) when the report's text is assembled.
 */
function lineParagraphs(content: MappedText, span: { start: number; end: number }): Block[] {
  if (!content.text.includes('\n')) return [{ kind: 'paragraph', content, span }];
  const out: Block[] = [];
  let from = 0;
  for (;;) {
    const at = content.text.indexOf('\n', from);
    const to = at === -1 ? content.text.length : at;
    const piece = content.slice(from, to);
    if (piece.text.trim()) out.push({ kind: 'paragraph', content: piece, span: piece.span });
    if (at === -1) break;
    from = at + 1;
  }
  return out.length ? out : [{ kind: 'paragraph', content, span }];
}

function tableClosed(raw: string): boolean {
  const opens = raw.match(/<table[\s>]/gi)?.length ?? 0;
  const closes = raw.match(/<\/table>/gi)?.length ?? 0;
  return closes >= opens;
}

/** Text around a table inside the same HTML block (e.g. a caption line) stays prose. */
function pushHtmlProseOutsideTables(raw: string, base: number, text: string, out: Block[]): void {
  // Two forward searches, not one lazy regex: `<table[\s>][\s\S]*?<\/table>` rescans to the end
  // from every unclosed `<table`.
  const open = /<table[\s>]/gi;
  const close = /<\/table>/gi;
  let last = 0;
  const pieces: [number, number][] = [];
  for (;;) {
    open.lastIndex = last;
    const o = open.exec(raw);
    if (!o) break;
    close.lastIndex = o.index + o[0].length;
    const c = close.exec(raw);
    if (!c) break;
    pieces.push([last, o.index]);
    last = c.index + c[0].length;
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
  if (parts.length === 0) return MappedText.empty(spanOf(node)?.start ?? 0);
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
      } else
        parts.push(
          new MappedText(
            n.value,
            new Array<number>(n.value.length + 1).fill(span.start).map((o, k) => (k === n.value.length ? span.end : o)),
          ),
        );
    } else if (n.type === 'break') {
      if (span) parts.push(new MappedText('\n', [span.start, span.end]));
    } else if ('children' in n) {
      walkInline(n.children, text, parts);
    }
  }
}

function spanOf(node: Nodes): { start: number; end: number } | undefined {
  const p = node.position;
  if (!p || p.start.offset === undefined || p.end.offset === undefined) return undefined;
  return { start: p.start.offset, end: p.end.offset };
}

/** Markdown headings or pipe-table rows near the top: the text is Markdown, whatever its name. */
export function looksLikeMarkdown(head: string): boolean {
  // redos-safe: `head` is the first 4,096 characters of the text.
  return /^#{1,6}\s/m.test(head) || /^\s*\|.*\|\s*$/m.test(head);
}

export const markdownFormat: TextFormat = {
  id: 'markdown',
  name: { 'zh-CN': 'Markdown', en: 'Markdown' },
  extensions: ['.md', '.markdown'],
  languageIds: ['markdown'],
  binary: false,
  // A page with embedded <table>s but no Markdown marks is still read as Markdown (HTML tables inside).
  sniff: (head) => looksLikeMarkdown(head) || /<table[\s>]/i.test(head),
  parse: parseMarkdown,
  editorReader: () => new IncrementalMarkdown(),
  position: lineColumn,
  reading: 'source',
  markup: 'markdown',
  directives: { syntax: 'html-comment', pipeTableRows: true, linePrefix: /^[ \t]*(?:>[ \t]?)*/ },
  fixes: 'text',
  readme: {
    reads: 'headings, paragraphs, GFM tables and raw `<table>` blocks (rowspan/colspan)',
    positions: 'line and column in the file',
  },
};
