import { describe, expect, test } from '@jest/globals';
import { ConfigError } from '../../src/config/errors.js';
import { validateConfig } from '../../src/config/validate.js';
import type { Locale } from '../../src/engine/types.js';
import { fakeRules } from './fake-rules.js';

async function errorOf(raw: unknown, locale?: Locale): Promise<ConfigError> {
  try {
    await validateConfig(raw, { source: '.gianrc', rules: fakeRules, locale });
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

// [config, key path, zh message tail, en message tail]
const CASES: [unknown, string, string, string][] = [
  [
    { rules: { nope: 'error' } },
    'rules.nope',
    '是未知规则 "nope"（可用规则：statistics-period、table-sum）',
    'is an unknown rule "nope" (available rules: statistics-period, table-sum)',
  ],
  [
    { rules: { 'tabel-sum': 'warn' } },
    'rules.tabel-sum',
    '是未知规则 "tabel-sum"，是否想写 "table-sum"？',
    'is an unknown rule "tabel-sum"; did you mean "table-sum"?',
  ],
  [{ rules: { 'table-sum': 'fatal' } }, 'rules.table-sum', '应为 "off"、"warn"、"error" 或 0、1、2', 'should be "off", "warn", "error" or 0, 1, 2'],
  [{ rules: { 'table-sum': 3 } }, 'rules.table-sum', '应为 "off"、"warn"、"error" 或 0、1、2', 'should be "off", "warn", "error" or 0, 1, 2'],
  [{ rules: { 'table-sum': ['on'] } }, 'rules.table-sum[0]', '应为 "off"、"warn"、"error" 或 0、1、2', 'should be "off", "warn", "error" or 0, 1, 2'],
  [
    { rules: { 'table-sum': [] } },
    'rules.table-sum',
    '应为严重程度，或数组 [严重程度] / [严重程度, {选项}]',
    'should be a severity, or an array [severity] / [severity, {options}]',
  ],
  [{ rules: { 'table-sum': ['error', 5] } }, 'rules.table-sum[1]', '应为选项对象 {…}', 'should be an options object {…}'],
  [{ rules: { 'table-sum': ['error', { tolerance: 'x' }] } }, 'rules.table-sum[1].tolerance', '应为数字', 'should be a number'],
  [{ rules: { 'table-sum': [2, { tolerance: -1 }] } }, 'rules.table-sum[1].tolerance', '应 >= 0', 'should be >= 0'],
  [{ rules: { 'table-sum': ['warn', { toleranse: 1 }] } }, 'rules.table-sum[1].toleranse', '是不允许的键', 'is not an allowed key'],
  [{ rules: { 'table-sum': ['warn', { tables: ['a', 'c'] }] } }, 'rules.table-sum[1].tables[1]', '应为 "a" 或 "b"', 'should be "a" or "b"'],
  [{ year: 1999 }, 'year', '应为 2008 到 2100 之间的整数', 'should be an integer from 2008 to 2100'],
  [{ year: '2023' }, 'year', '应为 2008 到 2100 之间的整数', 'should be an integer from 2008 to 2100'],
  [{ year: 2023.5 }, 'year', '应为 2008 到 2100 之间的整数', 'should be an integer from 2008 to 2100'],
  [{ locale: 'fr' }, 'locale', '应为 "zh-CN" 或 "en"', 'should be "zh-CN" or "en"'],
  [{ agencyKind: 'city' }, 'agencyKind', '应为 "department" 或 "government"', 'should be "department" or "government"'],
  [{ root: 'yes' }, 'root', '应为布尔值 true 或 false', 'should be a boolean (true or false)'],
  [{ extends: 5 }, 'extends', '应为字符串或数组 […]', 'should be a string or an array […]'],
  [{ extends: ['recommended', 7] }, 'extends[1]', '应为字符串', 'should be a string'],
  [{ rules: [] }, 'rules', '应为对象 {…}', 'should be an object {…}'],
  [{ plugin: ['foo'] }, 'plugin', '是不允许的键，是否想写 "plugins"？', 'is not an allowed key; did you mean "plugins"?'],
  [{ extend: 'strict' }, 'extend', '是不允许的键，是否想写 "extends"？', 'is not an allowed key; did you mean "extends"?'],
  [{ plugins: 'foo' }, 'plugins', '应为数组 […]', 'should be an array […]'],
  [{ docsUrl: '/home/me/docs' }, 'docsUrl', '应匹配正则 ^https?://', 'should match the pattern ^https?://'],
];

describe('validation errors name the key and the expected value', () => {
  test.each(CASES)('%j', async (raw, keyPath, zh, en) => {
    const z = await errorOf(raw);
    expect(z.keyPath).toBe(keyPath);
    expect(z.file).toBe('.gianrc');
    expect(z.message).toBe(`配置文件 .gianrc 无效：${keyPath} ${zh}`);
    expect((await errorOf(raw, 'en')).message).toBe(`Invalid config .gianrc: ${keyPath} ${en}`);
  });

  test('the whole config must be an object', async () => {
    expect((await errorOf([])).message).toBe('配置文件 .gianrc 无效：（整个配置） 应为对象 {…}');
    expect((await errorOf(null, 'en')).message).toBe('Invalid config .gianrc: (config) should be an object {…}');
  });

  test("without an explicit locale, errors follow the config's own locale", async () => {
    expect((await errorOf({ locale: 'en', year: 1 })).message).toBe('Invalid config .gianrc: year should be an integer from 2008 to 2100');
  });

  test('messages are one line', async () => {
    for (const [raw] of CASES) expect((await errorOf(raw)).message).not.toMatch(/\n/);
  });
});

describe('valid configs are normalized', () => {
  test('severities become numbers; options only where given', async () => {
    expect(
      await validateConfig(
        { root: true, extends: 'recommended', year: 2024, rules: { 'table-sum': ['warn', { tolerance: 0.5 }], 'statistics-period': 'off' } },
        { source: 'x', rules: fakeRules },
      ),
    ).toEqual({
      root: true,
      extends: ['recommended'],
      locale: undefined,
      year: 2024,
      agencyKind: undefined,
      reportUnusedDisableDirectives: undefined,
      previous: undefined,
      rules: { 'table-sum': { severity: 1, options: { tolerance: 0.5 } }, 'statistics-period': { severity: 0 } },
      overrides: [],
    });
  });
});
