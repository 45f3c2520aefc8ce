import { describe, expect, test } from '@jest/globals';
import { parseDocument } from '../../src/formats/index.js';
import { quoteOf } from '../../src/model/quote.js';

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
});
