/** The Markdown shapes bounded before remark sees them (src/formats/markdown-bounds.ts). */
import { describe, expect, test } from '@jest/globals';
import { boundMarkdownShapes, MAX_INLINE_DELIMITERS, MAX_NESTED_CONTAINERS } from '../../src/formats/markdown-bounds.js';

describe('nested containers per list', () => {
  const items = (n: number) => '- 一、总体情况\n  - 予以公开 3 件\n'.repeat(n);

  test('up to the bound a nested list stays a list; past it the nested markers are text, offsets unchanged', () => {
    const text = items(MAX_NESTED_CONTAINERS + 5);
    const bounded = boundMarkdownShapes(text);
    expect(bounded.length).toBe(text.length);
    const lines = bounded.split('\n');
    expect(lines.filter((l) => l === '  - 予以公开 3 件')).toHaveLength(MAX_NESTED_CONTAINERS);
    expect(lines.filter((l) => l === '  － 予以公开 3 件')).toHaveLength(5);
    // The outer items keep their markers.
    expect(lines.filter((l) => l === '- 一、总体情况')).toHaveLength(MAX_NESTED_CONTAINERS + 5);
  });

  test('two markers on one line ("- - x", "> > x") line after line: past the bound, on every line of the run', () => {
    expect(boundMarkdownShapes('- - x\n'.repeat(MAX_NESTED_CONTAINERS))).toBe('- - x\n'.repeat(MAX_NESTED_CONTAINERS));
    // (The inner quote would otherwise stay open and take the later lines as lazy continuations.)
    expect(boundMarkdownShapes('> > x\n'.repeat(MAX_NESTED_CONTAINERS + 1))).toBe('> ＞ x\n'.repeat(MAX_NESTED_CONTAINERS + 1));
    expect(boundMarkdownShapes('- 1. x\n'.repeat(MAX_NESTED_CONTAINERS + 1))).toBe('- 1． x\n'.repeat(MAX_NESTED_CONTAINERS + 1));
  });

  test('a heading or a paragraph at the margin after a blank line starts a new count', () => {
    const half = items(MAX_NESTED_CONTAINERS - 10);
    for (const between of ['# 二、主动公开\n', '\n正文段落。\n\n']) {
      const text = half + between + half;
      expect(boundMarkdownShapes(text)).toBe(text);
    }
  });

  test('short texts and lists without nesting are returned as they are', () => {
    const flat = '- 一、总体情况\n'.repeat(5000);
    expect(boundMarkdownShapes(flat)).toBe(flat);
    expect(boundMarkdownShapes(items(3))).toBe(items(3));
  });
});

describe('inline HTML openers that nothing closes', () => {
  const n = MAX_INLINE_DELIMITERS + 20;

  test('past the bound in one paragraph, their "<" is read as text (＜), offsets unchanged', () => {
    const text = `一、总体情况${'<!--注释'.repeat(n)}\n\n下一段<!--x-->`;
    const bounded = boundMarkdownShapes(text);
    expect(bounded).toBe(`一、总体情况${'＜!--注释'.repeat(n)}\n\n下一段<!--x-->`);
    expect(boundMarkdownShapes(`a${'<?x'.repeat(n)}`)).toBe(`a${'＜?x'.repeat(n)}`);
  });

  test('closed comments, openers a closer follows, and few openers are left alone', () => {
    for (const text of [`a${'<!--x-->'.repeat(n)}`, `a${'<!--'.repeat(n)}-->`, `a${'<!--'.repeat(MAX_INLINE_DELIMITERS)}`])
      expect(boundMarkdownShapes(text)).toBe(text);
  });
});
