import { afterAll, describe, expect, test } from '@jest/globals';
import path from 'node:path';
import { ConfigResolver, resolveConfigForFile } from '../../src/config/load.js';
import { presets } from '../../src/config/presets.js';
import { builtinRules } from '../../src/rules/index.js';
import { fakeRules as rules } from './fake-rules.js';
import { removeTempTrees, tempTree } from './tmp.js';

afterAll(removeTempTrees);

const resolve = (root: string, file: string | undefined, extra = {}) =>
  resolveConfigForFile(file === undefined ? undefined : path.join(root, file), { rules, cwd: root, ...extra });
const severities = (c: { rules: Record<string, { severity: number }> }) => Object.fromEntries(Object.entries(c.rules).map(([id, s]) => [id, s.severity]));

describe('strict preset', () => {
  test('every rule is an error, including those whose default is warn', async () => {
    const root = tempTree({ '.gianrc': { extends: 'gia-lint:strict' } });
    expect(severities(await resolve(root, 'r.md'))).toEqual({ 'statistics-period': 2, 'table-sum': 2 });
    const strict = presets.strict(builtinRules);
    expect(Object.keys(strict).sort()).toEqual([...builtinRules.keys()].sort());
    expect(Object.values(strict).every((s) => s.severity === 2)).toBe(true);
  });

  test('"strict" alone works, and own settings still win over it', async () => {
    const root = tempTree({ '.gianrc': { extends: ['strict'], rules: { 'table-sum': 'off' } } });
    expect(severities(await resolve(root, 'r.md'))).toEqual({ 'statistics-period': 2, 'table-sum': 0 });
  });
});

describe('overrides', () => {
  const config = {
    year: 2024,
    rules: { 'table-sum': 'error' },
    overrides: [
      { files: ['reports/2019/**'], year: 2019, rules: { 'table-sum': 'warn' } },
      { files: '*.txt', excludedFiles: ['reports/2019/keep.txt'], rules: { 'statistics-period': 'off' }, locale: 'en', agencyKind: 'government' },
      { files: ['reports/2019/special.md'], rules: { 'table-sum': ['off'] } },
    ],
  };

  test('matched against the path relative to the config file; later overrides win', async () => {
    const root = tempTree({ '.gianrc': config });
    expect(await resolve(root, 'reports/2020/a.md')).toMatchObject({ year: 2024, locale: 'zh-CN', rules: { 'table-sum': { severity: 2 } } });
    expect(await resolve(root, 'reports/2019/a.md')).toMatchObject({
      year: 2019,
      rules: { 'table-sum': { severity: 1 }, 'statistics-period': { severity: 1 } },
    });
    expect((await resolve(root, 'reports/2019/special.md')).rules['table-sum'].severity).toBe(0);
  });

  test('a pattern without a slash matches the file name at any depth; excludedFiles removes files', async () => {
    const root = tempTree({ '.gianrc': config });
    expect(await resolve(root, 'deep/dir/x.txt')).toMatchObject({ locale: 'en', agencyKind: 'government', rules: { 'statistics-period': { severity: 0 } } });
    expect(await resolve(root, 'reports/2019/keep.txt')).toMatchObject({ year: 2019, locale: 'zh-CN', rules: { 'statistics-period': { severity: 1 } } });
    expect((await resolve(root, 'x.md')).locale).toBe('zh-CN');
  });

  test('a config below the root matches relative to its own directory', async () => {
    const root = tempTree({ 'dept/.gianrc': { overrides: [{ files: ['2019/*.md'], year: 2019 }] } });
    expect((await resolve(root, 'dept/2019/a.md')).year).toBe(2019);
    expect((await resolve(root, 'dept/x/2019/a.md')).year).toBeUndefined();
  });

  test('overrides of an extended config apply too; rule options are kept by a severity-only override', async () => {
    const root = tempTree({
      'base.json': { rules: { 'table-sum': ['error', { tolerance: 2 }] }, overrides: [{ files: ['old/**'], rules: { 'table-sum': 'warn' } }] },
      '.gianrc': { extends: './base.json', overrides: [{ files: ['old/x.md'], rules: { 'table-sum': 'off' } }] },
    });
    expect((await resolve(root, 'old/a.md')).rules['table-sum']).toEqual({ severity: 1, options: { tolerance: 2 } });
    expect((await resolve(root, 'old/x.md')).rules['table-sum'].severity).toBe(0);
    expect((await resolve(root, 'new/a.md')).rules['table-sum'].severity).toBe(2);
  });

  test('--config: patterns are relative to the current directory (as in ESLint)', async () => {
    const root = tempTree({ 'cfg/gia.json': { overrides: [{ files: ['reports/**'], year: 2019 }] } });
    expect((await resolve(root, 'reports/a.md', { configFile: 'cfg/gia.json' })).year).toBe(2019);
  });

  test('overrideConfig overrides (API) match relative to cwd and come last', async () => {
    const root = tempTree({ '.gianrc': { overrides: [{ files: ['*.md'], year: 2020 }] } });
    const c = await resolve(root, 'a.md', { overrideConfig: { overrides: [{ files: ['a.md'], year: 2021 }] } });
    expect(c.year).toBe(2021);
  });

  test('text without a path and files outside the config directory match no override', async () => {
    const root = tempTree({ 'in/.gianrc': { overrides: [{ files: ['**'], year: 2019 }] }, 'out/x.md': 'x' });
    expect((await resolve(root, 'in/a.md')).year).toBe(2019);
    expect((await resolve(root, 'out/a.md', { configFile: 'in/.gianrc' })).year).toBe(2019); // cwd-relative with --config
    const cfgOnly = await resolveConfigForFile(path.join(root, '..', 'elsewhere.md'), { rules, cwd: path.join(root, 'in'), configFile: '.gianrc' });
    expect(cfgOnly.year).toBeUndefined();
    expect((await resolveConfigForFile(undefined, { rules, cwd: path.join(root, 'in') })).year).toBeUndefined();
  });

  test('dot files match too', async () => {
    const root = tempTree({ '.gianrc': { overrides: [{ files: ['drafts/**'], year: 2019 }] } });
    expect((await resolve(root, 'drafts/.hidden/a.md')).year).toBe(2019);
  });
});

describe('override validation: key paths like the rest', () => {
  test.each([
    [{ overrides: {} }, 'overrides 应为数组 […]'],
    [{ overrides: [{ rules: {} }] }, 'overrides[0] 缺少必填项 files'],
    [{ overrides: [{ files: [] }] }, 'overrides[0].files 应至少有 1 项'],
    [{ overrides: [{ files: '' }] }, 'overrides[0].files 长度应至少为 1'],
    [{ overrides: [{ files: ['a', 3] }] }, 'overrides[0].files[1] 应为字符串'],
    [{ overrides: [{ files: ['a'], extends: 'strict' }] }, 'overrides[0].extends 是不允许的键'],
    [{ overrides: [{ files: ['a'] }, { files: ['b'], year: 1999 }] }, 'overrides[1].year 应为 2008 到 2100 之间的整数'],
    [{ overrides: [{ files: ['a'], rules: { 'tabel-sum': 'off' } }] }, 'overrides[0].rules.tabel-sum 是未知规则 "tabel-sum"，是否想写 "table-sum"？'],
    [{ overrides: [{ files: ['a'], rules: { 'table-sum': ['error', { tolerance: -1 }] } }] }, 'overrides[0].rules.table-sum[1].tolerance 应 >= 0'],
    [{ overrides: [{ files: ['../other/**'] }] }, 'overrides[0].files[0] 应为相对于配置文件所在目录的路径模式，不能以 / 开头或含 ..（实际为 "../other/**"）'],
    [{ overrides: [{ files: ['a'], excludedFiles: '/abs/*.md' }] }, 'overrides[0].excludedFiles 应为相对于配置文件所在目录的路径模式'],
    [{ reportUnusedDisableDirectives: 'loud' }, 'reportUnusedDisableDirectives 应为 "off"、"warn"、"error"、0、1 或 2'],
    [{ previous: 2023 }, 'previous 应为字符串'],
  ])('%j', async (cfg, expected) => {
    const root = tempTree({ '.gianrc': cfg });
    await expect(resolve(root, 'r.md')).rejects.toThrow(`配置文件 .gianrc 无效：${expected}`);
  });
});

describe('previous and reportUnusedDisableDirectives in config', () => {
  test('previous is resolved relative to the config file that names it, also in overrides and extended files', async () => {
    const root = tempTree({
      'shared/base.json': { previous: './2023.md' },
      'shared/2023.md': 'x',
      'reports/.gianrc': { extends: '../shared/base.json', overrides: [{ files: ['dept/**'], previous: 'dept/2023.md' }] },
      'reports/dept/2023.md': 'y',
    });
    expect((await resolve(root, 'reports/a.md')).previous).toBe(path.join(root, 'shared/2023.md'));
    expect((await resolve(root, 'reports/dept/a.md')).previous).toBe(path.join(root, 'reports/dept/2023.md'));
  });

  test('a previous file that does not exist is a config error naming the key and the file', async () => {
    const root = tempTree({ '.gianrc': { overrides: [{ files: ['*.md'], previous: 'nope/2023.md' }] } });
    await expect(resolve(root, 'r.md')).rejects.toThrow('配置文件 .gianrc 无效：overrides[0].previous 指向的上一年度报告 nope/2023.md 不存在或不是文件');
    const en = tempTree({ '.gianrc': { locale: 'en', previous: 'dir' }, 'dir/x': '' });
    await expect(resolve(en, 'r.md')).rejects.toThrow(
      'Invalid config .gianrc: previous points to the previous report dir, which does not exist or is not a file',
    );
  });

  test('reportUnusedDisableDirectives: severity names become numbers; default 0; overrides can set it', async () => {
    const root = tempTree({
      '.gianrc': { reportUnusedDisableDirectives: 'warn', overrides: [{ files: ['strict/**'], reportUnusedDisableDirectives: 'error' }] },
    });
    expect((await resolve(root, 'a.md')).reportUnusedDisableDirectives).toBe(1);
    expect((await resolve(root, 'strict/a.md')).reportUnusedDisableDirectives).toBe(2);
    expect((await resolve(tempTree(), 'a.md')).reportUnusedDisableDirectives).toBe(0);
  });
});

test('the commented overrides example in .gianrc.example is a valid config once uncommented', async () => {
  const { readFileSync } = await import('node:fs');
  const example = readFileSync(new URL('../../.gianrc.example', import.meta.url), 'utf8');
  const block = /\/\/ "overrides": \[[\s\S]*?\/\/ \],/.exec(example)?.[0];
  expect(block).toBeDefined();
  const json = `{${block!.replace(/^\s*\/\/ ?/gm, '').replace(/,\s*$/, '')}}`;
  const root = tempTree({ '.gianrc': json });
  const c = await resolveConfigForFile(path.join(root, 'reports/2019/a.md'), { cwd: root });
  expect(c.year).toBe(2019);
  expect(c.rules['table-structure'].severity).toBe(0);
});

describe('one resolver, many files', () => {
  test('files with the same layers share one resolved config; a matching override gives its files their own', async () => {
    const root = tempTree({
      '.gianrc': { rules: { 'table-sum': 'warn' }, overrides: [{ files: ['old/**'], rules: { 'table-sum': 'off' } }] },
      'sub/.gianrc': { rules: { 'statistics-period': 'off' } },
    });
    const resolver = new ConfigResolver({ rules, cwd: root });
    const at = (file: string) => resolver.forFile(path.join(root, file));
    const [a, b, old1, old2, sub] = await Promise.all([at('a.md'), at('b.txt'), at('old/a.md'), at('old/deep/b.md'), at('sub/c.md')]);
    expect(b).toBe(a);
    expect(old2).toBe(old1);
    expect(severities(a)['table-sum']).toBe(1);
    expect(severities(old1)['table-sum']).toBe(0);
    expect(severities(sub)['statistics-period']).toBe(0);
    expect(new Set([a, old1, sub]).size).toBe(3);
    // The same answers as resolving each file on its own.
    for (const file of ['a.md', 'old/a.md', 'sub/c.md']) expect(await at(file)).toEqual(await resolve(root, file));
  });
});
