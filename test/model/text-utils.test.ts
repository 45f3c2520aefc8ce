import { describe, expect, test } from '@jest/globals';
import { foldLabelChar, normalizeLabel } from '../../src/model/text-utils.js';

describe('normalizeLabel', () => {
  // The fast path (scan by character code, fold from the first character that changes) must
  // give what folding every character does.
  const byChar = (s: string) =>
    [...s]
      .map(foldLabelChar)
      .join('')
      .replace(/\*\*|__/g, '');
  const pieces = ['a', '*', '_', '“', '」', '‘', "'", '．', 'Ａ', '～', '　', ' ', '\n', '\t', '\u00a0', '\u2009', '\ufeff', '一', '😀', '1', '（', '）', '、'];

  test('folds full-width ASCII, quotes, whitespace and emphasis marks as folding each character does', () => {
    expect(normalizeLabel('（一）　“收到申请”　**数**')).toBe('(一)"收到申请"数');
    expect(normalizeLabel('本年新收政府信息公开申请数量')).toBe('本年新收政府信息公开申请数量');
    // Every string of up to three pieces.
    for (const a of pieces) for (const b of pieces) for (const c of pieces) expect(normalizeLabel(a + b + c)).toBe(byChar(a + b + c));
  });
});
