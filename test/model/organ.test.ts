import { describe, expect, test } from '@jest/globals';
import { normalizeOrgan, organKind, sameOrgan } from '../../src/model/organ.js';

describe('sameOrgan', () => {
  test('short forms match their full names', () => {
    expect(sameOrgan('威海市外办', '威海市人民政府外事办公室')).toBe(true);
    expect(sameOrgan('聊城市外办', '聊城市政府外事办公室')).toBe(true);
    expect(sameOrgan('临江市政府办', '临江市人民政府办公室')).toBe(true);
    expect(sameOrgan('临江市人民政府', '临江市人民政府办公室')).toBe(true);
    expect(sameOrgan('临江市 财政局', '临江市财政局')).toBe(true);
  });
  test('different organs or places differ', () => {
    expect(sameOrgan('临江市财政局', '临江市人民政府外事办公室')).toBe(false);
    expect(sameOrgan('临江市财政局', '临江县财政局')).toBe(false);
    expect(sameOrgan('临江市人民政府办公室', '临江市人民政府办公厅')).toBe(false);
  });
});

test('normalizeOrgan writes out 市政府 and folds width', () => {
  expect(normalizeOrgan('临江市政府外事办公室')).toBe('临江市人民政府外事办公室');
  expect(normalizeOrgan('ＡＢ区政府')).toBe('AB区人民政府');
});

test('organKind', () => {
  expect(organKind('临江市人民政府')).toBe('government');
  expect(organKind('临江市财政局')).toBe('department');
  expect(organKind('某镇人民政府')).toBe('township');
});
