import { InputLimitError, MAX_HTML_DEPTH } from '../../src/formats/html-limits.js';
import { describe, expect, test } from '@jest/globals';
import { parseHtml } from '../../src/formats/html.js';
import { sniffFormat } from '../../src/formats/index.js';
import type { Block, TableBlock } from '../../src/model/document.js';
import { SourceText } from '../../src/model/source.js';
import { configFor, findings, lintBytes } from './support.js';
import { generateReport } from '../support/generate.js';

const tables = (blocks: Block[]) => blocks.filter((b): b is TableBlock => b.kind === 'table');
const texts = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === 'table' ? [] : [b.content.text]));

describe('HTML processor', () => {
  test('positions point into the HTML source, through entities, CRLF and astral characters', () => {
    const html = '<html><body>\r\n<p>&ldquo;三安全一稳定&rdquo;&nbsp;😀统计期限自2024年1月1日</p>\r\n</body></html>';
    const doc = parseHtml(html);
    const p = doc.blocks[0];
    expect(p.kind).toBe('paragraph');
    if (p.kind !== 'paragraph') return;
    expect(p.content.text).toBe('“三安全一稳定” 😀统计期限自2024年1月1日');
    const at = p.content.text.indexOf('2024');
    const span = p.content.spanOf(at, at + 4);
    expect(html.slice(span.start, span.end)).toBe('2024');
    expect(new SourceText(html).positionAt(span.start)).toEqual({ line: 2, column: html.split('\r\n')[1].indexOf('2024') + 1 });
    // A decoded entity maps to the entity in the source.
    const q = p.content.spanOf(0, 1);
    expect(html.slice(q.start, q.start + 7)).toBe('&ldquo;');
  });

  test('<br> and block elements end paragraphs; h1–h6 are headings; &nbsp; indentation is trimmed', () => {
    const doc = parseHtml('<div><h2>一、总体情况</h2><p>&nbsp;&nbsp;第一段。<br/>第二段。</p><div>第三段<span>续</span></div></div>');
    expect(doc.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'paragraph', 'paragraph']);
    expect(texts(doc.blocks)).toEqual(['一、总体情况', '第一段。', '第二段。', '第三段续']);
  });

  test('page chrome is skipped: head, scripts, nav, footer, hidden elements, link-only lists', () => {
    const html = `<!DOCTYPE html><html><head><title>2023年政府信息公开工作年度报告</title><script>var a = "<p>一、总体情况</p>";</script></head>
<body><nav><a href="/">首页</a></nav><header>网站标题</header>
<div style="display: none">统计期限自2008年1月1日</div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a>年报</a></div>
<article><header><h1>某局2024年政府信息公开工作年度报告</h1></header><p>正文。</p></article>
<ul><li><a href="/2023.html">某局2023年政府信息公开工作年度报告</a></li></ul>
<footer>版权所有</footer></body></html>`;
    expect(texts(parseHtml(html).blocks)).toEqual(['某局2024年政府信息公开工作年度报告', '正文。']);
  });

  test('a saved page: only the article box is read (and a report title above it); breadcrumbs, metadata box, tools and footer are not', () => {
    const body = '<p>一、总体情况</p><p>' + '正文内容。'.repeat(60) + '</p><table><tr><td>规章</td><td>0</td></tr></table>';
    const html = `<html><body><div class="wrap">
<div class="position">当前位置：<a href="/">首页</a> &gt; 年度报告</div>
<div class="title">某局2024年政府信息公开工作年度报告</div>
<table class="meta"><tr><td>索引号：</td><td>113700/2025-00012</td><td>发布日期：</td><td>2025-01-20</td></tr></table>
<div id="zoom">${body}</div>
<div class="fontsize">字号：<a>大</a> <a>中</a> <a>小</a></div><div class="qr">扫码使用手机浏览本页内容</div>
<div class="footer">主办单位：某市人民政府办公室　网站标识码：3710000001</div></div></body></html>`;
    const doc = parseHtml(html);
    expect(texts(doc.blocks)).toEqual(['某局2024年政府信息公开工作年度报告', '一、总体情况', '正文内容。'.repeat(60)]);
    expect(tables(doc.blocks).map((t) => t.rows[0].cells[0].text)).toEqual(['规章']);
  });

  test('tables: rowspan/colspan recorded, cell text spans exact, <p> inside cells joined', () => {
    const html =
      '<table>\n<tr><td rowspan="2" colspan="3">（本列数据的勾稽关系为：…）</td><td>自然人</td></tr>\n<tr><td><p>（二）部分公开</p><p>（区分处理的）</p></td><td> 12 </td></tr></table>';
    const [t] = tables(parseHtml(html).blocks);
    expect(t.rows[0].cells[0]).toMatchObject({ rowSpan: 2, colSpan: 3 });
    const cell = t.rows[1].cells[1];
    expect(cell.text).toBe('12');
    expect(html.slice(cell.span.start, cell.span.end)).toBe('12');
    expect(t.rows[1].cells[0].text).toBe('（二）部分公开 （区分处理的）');
  });

  test('a layout table (holding another table or a heading) is read as flow, its inner table as a table', () => {
    const html = '<table><tr><td><h1>标题</h1><p>正文。</p><table><tr><td>规章</td><td>0</td></tr></table></td></tr></table>';
    const doc = parseHtml(html);
    expect(doc.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'table']);
    expect(tables(doc.blocks)[0].rows[0].cells.map((c) => c.text)).toEqual(['规章', '0']);
  });

  test('nesting up to the limit does not overflow the stack; 10,000 levels are refused before parsing', () => {
    const n = MAX_HTML_DEPTH - 2;
    const divs = `<html><body>${'<div>'.repeat(n)}一、总体情况${'</div>'.repeat(n)}</body></html>`;
    expect(texts(parseHtml(divs).blocks)).toEqual(['一、总体情况']);
    const nestedTables = `${'<table><tr><td>'.repeat(n)}x${'</td></tr></table>'.repeat(n)}`;
    expect(() => parseHtml(nestedTables)).not.toThrow();
    expect(() => parseHtml(`<html><body>${'<div>'.repeat(10000)}x</body></html>`)).toThrow(InputLimitError);
  });

  test('sniffing: a page or a CMS fragment is HTML, Markdown with an embedded table stays Markdown', () => {
    expect(sniffFormat('<!DOCTYPE html><html>').id).toBe('html');
    expect(sniffFormat('\n<div class="TRS_Editor"><p>一、总体情况</p></div>').id).toBe('html');
    expect(sniffFormat('<p>正文</p>').id).toBe('html');
    expect(sniffFormat('# 标题\n\n<table><tr><td>1</td></tr></table>').id).toBe('markdown');
    expect(sniffFormat('一、总体情况\n正文').id).toBe('text');
  });
});

describe('generated CMS pages', () => {
  test('chrome around the article (breadcrumbs, 字号 大 中 小, 扫码, related reports, footer) causes no finding', async () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const html = generateReport({ year: 2024, seed, format: 'html' });
      // Every rule, web-artifacts included: page chrome around the article is not in the report.
      const ids = [...(await import('../../src/rules/index.js')).builtinRules.keys()];
      const read = await lintBytes(Buffer.from(html), 'html', configFor(ids));
      expect({ seed, findings: findings(read) }).toEqual({ seed, findings: [] });
      expect(read.out.reports).toHaveLength(1);
    }
  });

  test('every message position lies inside the HTML source and on the cell it names', async () => {
    const html = generateReport({ year: 2024, seed: 3, format: 'html', tamper: { applications: { granted: { total: 999 } } } });
    const read = await lintBytes(Buffer.from(html), 'html');
    const sum = read.out.messages.find((m) => m.ruleId === 'table-sum')!;
    const line = html.split('\n')[sum.line - 1];
    expect(line.slice(sum.column - 1, sum.endColumn! - 1)).toBe('999');
  });
});
