import { describe, expect, test } from '@jest/globals';
import * as cheerio from 'cheerio';
import { htmlDocument, parseHtml } from '../../src/formats/html.js';
import type { Document } from '../../src/model/document.js';

/**
 * The page DOM is built with htmlparser2 (html-dom.ts) instead of parse5. The Document read from
 * it must be the one parse5's tree gives (cheerio is still a dependency: .docx reads through it),
 * blocks, texts and every character's place in the source, on the shapes where the two parsers'
 * trees differ unless html-dom.ts reproduces the HTML standard's tree construction.
 */
function viaParse5(html: string): Document {
  return htmlDocument(html, cheerio.load(html, { sourceCodeLocationInfo: true }).root()[0].children);
}

/** Everything of a Document a rule can see: kinds, texts, spans, each character's offset, cells. */
function shape(doc: Document): unknown[] {
  return doc.blocks.map((b) =>
    b.kind === 'table'
      ? { table: b.span, rows: b.rows.map((r) => ({ span: r.span, cells: r.cells })) }
      : {
          kind: b.kind,
          depth: b.kind === 'heading' ? b.depth : undefined,
          text: b.content.text,
          span: b.span,
          offsets: Array.from({ length: b.content.text.length + 1 }, (_, i) => b.content.offsetAt(i)),
        },
  );
}

const PAGE = (body: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>2024年度报告</title></head><body>${body}</body></html>`;

const CASES: [string, string][] = [
  [
    'a whole page',
    PAGE(
      '<div class="nav"><a href="/">首页</a></div><div id="zoom"><h1>2024年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>本年度&nbsp;共收到申请12件。</p></div>',
    ),
  ],
  ['a fragment (no html, head or body)', '<p>一、总体情况</p>\n<p>本年度共收到申请12件。</p><table><tr><td>收到</td><td>12</td></tr></table>'],
  ['head-only elements before a fragment go to the head', '<title>2023年报告</title><meta name="x" content="y"><p>正文第一段</p><title>正文里的标题</title>'],
  ['text in the head opens the body', '<html><head><title>t</title>正文开始<meta name="a"></head><body><p>第二段</p></body></html>'],
  ['content after </body> and </html> belongs to the body', PAGE('<p>第一段</p>') + '\n<p>第二段在body之后</p></html><p>第三段</p>'],
  ['content between the head and <body>', '<html><head></head><div>先于body的内容</div><body><p>正文</p></body></html>'],
  [
    'end tags with white space before ">"',
    '<HTML\n><BODY\n><P\n>第一段</P\n><TABLE\nBORDER="0"\n><TR\n><TD\n>格</TD\n></TR\n></TABLE\n><P>第二段</P></BODY></HTML>',
  ],
  ['CR LF, lone CR, and a CR written as a character reference', PAGE('<p>第一行\r\n第二行\r第三行</p><table><tr><td>&#13;\t格子一</td></tr></table>')],
  ['entities at the start, in the middle and astral characters', PAGE('<p>&lt;条例&gt;&ldquo;公开&rdquo;&amp;😀&#x4E00;&#20108;</p>')],
  [
    'implied end tags: p, li, td, tr, th, thead',
    PAGE('<p>一<p>二<ul><li>甲<li>乙</ul><table><thead><tr><th>项<th>数<tbody><tr><td>收到<td>12<tr><td>办结<td>10</table>'),
  ],
  ['cells and rows left open under unclosed inline tags', PAGE('<table><tr><td><font size="3">收到<td><span>12<tr><td><b>办结<td>10</table><p>表后</p>')],
  ['text and elements directly in a table are fostered before it', PAGE('<table>说明文字<tr><td>1</td></tr><div>表前段落</div><tr><td>2</td></tr></table>')],
  ['cells directly in a table get a row, rows a tbody', PAGE('<table><td>孤格一</td><td>孤格二</td></table><table><tbody><td>三</td></tbody></table>')],
  [
    'a layout table holding the article, nested data tables, rowspan and colspan',
    PAGE(
      '<table><tr><td><h2>一、总体情况</h2><p>正文</p><table><tr><td rowspan="2">申请</td><td colspan="2">数</td></tr><tr><td>1</td><td>2</td></tr></table></td></tr></table>',
    ),
  ],
  [
    'hidden, chrome and link-only paragraphs',
    PAGE(
      '<nav>导航</nav><div hidden>隐藏</div><p style="display:none">不见</p><p><a href="/a">2023年报告</a></p><article><header>文章标题2024年报告</header><p>正文</p></article><footer>页脚</footer>',
    ),
  ],
  [
    'images in and outside the article',
    PAGE('<div><img src="logo.png"></div><div id="c"><p>' + '正文很长的一段文字。'.repeat(20) + '</p><img src="table.png" alt="表"><br/></div>'),
  ],
  ['comments between text pieces and stray end tags', PAGE('<p>前<!-- 注释 -->后</p></span></div><p>再一段</p></br>尾')],
  ['script, style and textarea text', PAGE('<script>var s = "<p>不是段落</p>";</script><style>p{}</style><p>正文</p><textarea>输入框</textarea>')],
  ['an unclosed table at the end of the file', PAGE('<p>前</p>') + '<table><tr><td>未闭合的格'],
];

describe('the htmlparser2 page DOM reads as parse5 does', () => {
  test.each(CASES)('%s', (_, html) => {
    expect(shape(parseHtml(html))).toEqual(shape(viaParse5(html)));
  });

  test('a newline right after <pre> is dropped and the text still maps to its place (parse5 lost the mapping there)', () => {
    const html = PAGE('<pre>\n收到申请12件</pre>');
    const p = parseHtml(html).blocks[0];
    expect(p.kind === 'paragraph' && p.content.text).toBe('收到申请12件');
    if (p.kind !== 'paragraph') return;
    const at = p.content.text.indexOf('12');
    const span = p.content.spanOf(at, at + 2);
    expect(html.slice(span.start, span.end)).toBe('12');
  });
});
