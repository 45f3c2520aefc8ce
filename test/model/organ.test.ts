import { describe, expect, test } from '@jest/globals';
import { isSubdistrictOffice, normalizeOrgan, organKind, organLevel, sameOrgan } from '../../src/model/organ.js';

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

test('organLevel: township and county-level organs only when the name says so', () => {
  // Townships and 街道.
  expect(organLevel('临江县青石镇人民政府')).toBe('township');
  expect(organLevel('哈尔滨市道里区经纬街道办事处')).toBe('township');
  expect(organLevel('平利县正阳镇人民政府')).toBe('township');
  // County and district governments and their departments.
  expect(organLevel('宣恩县教育局')).toBe('county');
  expect(organLevel('福州市晋安区人民政府')).toBe('county');
  expect(organLevel('重庆市大足区人民政府外事办公室')).toBe('county');
  expect(organLevel('区统计局')).toBe('county');
  expect(organLevel('某某自治县民族宗教事务局')).toBe('county');
  // Unsure or above: a city (设区的市 or 县级市), a province, an autonomous region, zones and 新区.
  for (const name of [
    '镇江市统计局',
    '高平市人民政府办公室',
    '黑龙江省市场监督管理局',
    '广西壮族自治区人民政府',
    '重庆市市场监督管理局',
    '临江经济技术开发区管理委员会',
    '临江市高新区管理委员会',
    '上海市浦东新区人民政府',
    '阿克苏地区行政公署',
  ]) {
    expect({ name, level: organLevel(name) }).toEqual({ name, level: undefined });
  }
});

test('isSubdistrictOffice', () => {
  expect(isSubdistrictOffice('临江市东城区青石街道办事处')).toBe(true);
  expect(isSubdistrictOffice('临江县青石镇人民政府')).toBe(false);
});
