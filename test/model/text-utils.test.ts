import { describe, expect, test } from '@jest/globals';
import { foldLabelChar, isValueLike, normalizeLabel, readCell } from '../../src/model/text-utils.js';

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

describe('normalizeLabel folds like foldLabelChar, character by character', () => {
  // Stretches without folding are copied whole; the result must equal folding every character.
  const pieces = ['统计', '（三）', '“依申请”', ' ', '\u3000', 'ＡＢ１２', '．', '𠀀😀', '\t', 'abc', '「x」', "'", '，', '\ufeff'];
  const byCharacter = (s: string) =>
    [...s]
      .map(foldLabelChar)
      .join('')
      .replace(/\*\*|__/g, '');
  test('short labels (remembered) and long prose (not remembered), asked twice', () => {
    let seed = 3;
    for (let k = 0; k < 300; k++) {
      let s = '';
      const n = 1 + (k % 60);
      for (let i = 0; i < n; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        s += pieces[seed % pieces.length];
      }
      expect(normalizeLabel(s)).toBe(byCharacter(s));
      expect(normalizeLabel(s)).toBe(byCharacter(s));
    }
  });
});

describe('isValueLike', () => {
  // It rejects by character before reading the cell; it must agree with reading the cell.
  const pieces = [
    '0',
    '12',
    '3.5',
    ',',
    '件',
    '万元',
    '增',
    '减少',
    '/',
    '／',
    '-',
    '－',
    '—',
    '–',
    '无',
    '不适用',
    'N/A',
    'NA',
    '\\',
    '、',
    ' ',
    '\u3000',
    '**',
    '＊',
    '１',
    '．',
    '“',
    '统计',
    '。',
    'x',
    '𠀀',
  ];
  test('agrees with readCell on random cells', () => {
    let seed = 5;
    for (let k = 0; k < 3000; k++) {
      let s = '';
      const n = 1 + (k % 5);
      for (let i = 0; i < n; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        s += pieces[seed % pieces.length];
      }
      expect([s, isValueLike(s)]).toEqual([s, readCell(s, { start: 0, end: 0 }).kind !== 'text']);
    }
  });
});
