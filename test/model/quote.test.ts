import { describe, expect, test } from '@jest/globals';
import { parseDocument } from '../../src/formats/index.js';
import { MAX_QUOTE_LENGTH, quoteOf } from '../../src/model/quote.js';

describe('quoteOf: the text of a span as a person sees it', () => {
  test('plain text keeps its spaces', () => {
    const text = '统计期限自 2024 年 1 月 1 日起至 2024 年 12 月 31 日止。\n';
    const doc = parseDocument(text, 'text');
    expect(quoteOf(doc, { start: 0, end: text.indexOf('。') })).toBe('统计期限自 2024 年 1 月 1 日起至 2024 年 12 月 31 日止');
  });

  test('HTML: tags left out, entities decoded (no-break space as a space), spaces kept', () => {
    const html = '<p>统计期限自<b>2024</b> 年&nbsp;1 月 1 日起</p>';
    const doc = parseDocument(html, 'html');
    expect(quoteOf(doc, { start: 0, end: html.length })).toBe('统计期限自2024 年 1 月 1 日起');
  });

  test('a span with no visible text has no quote', () => {
    const doc = parseDocument('<p>x</p><!-- c -->', 'html');
    expect(quoteOf(doc, { start: 9, end: 17 })).toBeUndefined();
  });

  test('a long span is quoted by its beginning and end around "…", never longer than the bound, never inside a surrogate pair', () => {
    // A flattened page with no 。 for thousands of characters: the period claim spans all of it.
    const filler = '第 2 页 共 9 页'.repeat(300);
    const text = `统计期限自2023年1月1日起${filler}至2023年12月31日止𠀀𠀀𠀀\n`;
    const doc = parseDocument(text, 'text');
    const quote = quoteOf(doc, { start: 0, end: text.length - 1 })!;
    expect(quote.length).toBeLessThanOrEqual(MAX_QUOTE_LENGTH);
    expect(quote.startsWith('统计期限自2023年1月1日起第 2 页')).toBe(true);
    expect(quote.endsWith('至2023年12月31日止𠀀𠀀𠀀')).toBe(true);
    expect(quote).toContain('…');
    expect(quote).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    // Each odd cut point: the bound moves the cut off a pair instead of splitting it.
    for (let pad = 0; pad < 4; pad++) {
      const t = `${'𠀀'.repeat(30 + pad)}${'x'.repeat(pad)}${'𠀀'.repeat(30)}\n`;
      const q = quoteOf(parseDocument(t, 'text'), { start: 0, end: t.length - 1 })!;
      expect(q).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
  });

  test('a span inside one paragraph quotes just its characters (markup and other paragraphs left out)', () => {
    const md = '# 标题\n\n本年度**未收取**任何费用。\n\n下一段。\n';
    const doc = parseDocument(md, 'markdown');
    const start = md.indexOf('本年度');
    expect(quoteOf(doc, { start, end: md.indexOf('。') })).toBe('本年度未收取任何费用');
  });
});
