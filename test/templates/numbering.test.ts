/**
 * Section, sub-item and row numbering is spelled in one module (src/templates/numbering.ts); its
 * patterns read the variants drafters write, and no other source file spells numbering itself.
 */
import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  BELOW_PART_START,
  ITEM_START,
  LABEL_NUMBER,
  LABEL_NUMBERING,
  LABEL_NUMBERING_SPACED,
  NUMBERED_START,
  PART_HEADING,
  PART_NUMBERS,
  PART_START,
  SUB_HEADING,
} from '../../src/templates/numbering.js';
import { coreLabel } from '../../src/model/text-utils.js';

describe('numbering patterns', () => {
  test('a part heading, with the marks drafters use', () => {
    expect(PART_HEADING.exec('三、收到和处理政府信息公开申请情况')?.slice(1)).toEqual(['三', '收到和处理政府信息公开申请情况']);
    expect(PART_HEADING.exec('十二． 其他')?.slice(1)).toEqual(['十二', '其他']);
    expect(PART_HEADING.test('（一）主动公开')).toBe(false);
    expect(PART_START.test('四、结转下年度继续办理')).toBe(true);
    expect(PART_START.test('四是加强培训')).toBe(false);
  });
  test('every part number in a flattened line', () => {
    expect([...'一、总体情况 二、主动公开政府信息情况'.matchAll(PART_NUMBERS)].map((m) => m.index)).toEqual([0, 7]);
  });
  test('sub-items and items, not decimals', () => {
    for (const s of ['（三）不予公开', '(三)不予公开', '2.重复申请', '2、重复申请', '2．重复申请']) expect(BELOW_PART_START.test(s)).toBe(true);
    expect(BELOW_PART_START.test('1.5万元')).toBe(false);
    expect(BELOW_PART_START.test('三、总体情况')).toBe(false);
    expect(SUB_HEADING.test('（三）收取信息处理费情况')).toBe(true);
    expect(SUB_HEADING.test('（三）本年度共收到申请5件，已全部办结。')).toBe(false);
    expect(ITEM_START.exec('12.其他')?.[0]).toBe('12.');
  });
  test('numbering of any level at a line start, Arabic digits in brackets included', () => {
    for (const s of ['  一、总体情况', '(1)规章', '（二）不予公开', '3. 其他']) expect(NUMBERED_START.test(s)).toBe(true);
    expect(NUMBERED_START.test('2024年1月')).toBe(false);
  });
  test('label numbering: stripped by coreLabel, compared by rules', () => {
    expect(coreLabel('（三）不予公开')).toBe('不予公开');
    expect(coreLabel('第一部分 总体情况')).toBe('总体情况');
    expect(LABEL_NUMBERING.exec('1.属于国家秘密')?.[0]).toBe('1.');
    expect(LABEL_NUMBER.exec('(三)不予公开')?.[0]).toBe('(三)');
    expect(LABEL_NUMBERING_SPACED.exec(' ( 二 ) 部分公开')?.[0]).toBe(' ( 二 ) ');
  });
});

test('no other file in src/ spells section or row numbering', () => {
  const root = path.resolve('src');
  // A Chinese numeral class followed by a numbering mark or a (escaped) closing bracket.
  const spelled = /\[一二三四五六七八九十(?:\\d)?\](?:\{1,[23]\}|\+)(?:\\s\*)?(?:\[[、.．)）]|、|）|\\\))/;
  const offenders = (readdirSync(root, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts') && path.join('src', f) !== path.join('src', 'templates', 'numbering.ts'))
    .filter((f) => spelled.test(readFileSync(path.join(root, f), 'utf8')));
  expect(offenders).toEqual([]);
});
