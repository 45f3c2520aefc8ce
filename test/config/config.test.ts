import { afterAll, describe, expect, test } from '@jest/globals';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { ConfigError } from '../../src/config/errors.js';
import { findConfigFile, loadConfig, resolveConfigForFile } from '../../src/config/load.js';
import { fileURLToPath } from 'node:url';
import { builtinRules } from '../../src/rules/index.js';
import { fakeRules } from './fake-rules.js';
import { removeTempTrees, tempTree } from './tmp.js';

afterAll(removeTempTrees);

const rules = fakeRules;

describe('discovery', () => {
  test('the nearest config upward wins, and the search stops there', async () => {
    const root = tempTree({
      '.gianrc': { year: 2019, rules: { 'table-sum': 'off' } },
      'a/.gianrc.json': { rules: { 'statistics-period': 'error' } },
      'a/b/report.md': '# x',
      'c/report.md': '# y',
    });
    const deep = await resolveConfigForFile(path.join(root, 'a/b/report.md'), { rules, cwd: root });
    // a/.gianrc.json applies; the root .gianrc is not merged in (no year, table-sum still on).
    expect(deep.rules['statistics-period'].severity).toBe(2);
    expect(deep.rules['table-sum'].severity).toBe(2);
    expect(deep.year).toBeUndefined();

    const other = await resolveConfigForFile(path.join(root, 'c/report.md'), { rules, cwd: root });
    expect(other.rules['table-sum'].severity).toBe(0);
    expect(other.year).toBe(2019);
  });

  test('.gianrc is preferred over .gianrc.json in the same directory', async () => {
    const root = tempTree({ '.gianrc': {}, '.gianrc.json': {} });
    expect(await findConfigFile(root)).toBe(path.join(root, '.gianrc'));
  });

  test('a relative file path is resolved against cwd', async () => {
    const root = tempTree({ 'sub/.gianrc': { year: 2022 } });
    const c = await resolveConfigForFile('sub/report.md', { rules, cwd: root });
    expect(c.year).toBe(2022);
  });

  test('configFile replaces discovery; useConfigFile: false ignores config files', async () => {
    const root = tempTree({ '.gianrc': { year: 2019 }, 'other.json': { year: 2021 } });
    const file = path.join(root, 'r.md');
    expect((await resolveConfigForFile(file, { rules, cwd: root, configFile: 'other.json' })).year).toBe(2021);
    const none = await resolveConfigForFile(file, { rules, cwd: root, useConfigFile: false });
    expect(none).toEqual({
      locale: 'zh-CN',
      reportUnusedDisableDirectives: 0,
      rules: { 'statistics-period': { severity: 1, options: {} }, 'table-sum': { severity: 2, options: {} } },
    });
  });

  test('a missing --config file is a ConfigError naming it', async () => {
    const root = tempTree();
    await expect(resolveConfigForFile(undefined, { rules, cwd: root, configFile: 'nope.json' })).rejects.toThrow(/找不到配置文件 nope\.json/);
  });
});

describe('extends', () => {
  test('chain: extended files first, then own settings; severity-only entries keep earlier options', async () => {
    const root = tempTree({
      'base.json': { year: 2020, agencyKind: 'government', rules: { 'table-sum': ['error', { tolerance: 2 }] } },
      'cfg/mid.json': { extends: '../base.json', rules: { 'table-sum': 'warn' } },
      '.gianrc': { extends: ['./cfg/mid.json'], locale: 'en', rules: { 'statistics-period': 0 } },
    });
    const c = await resolveConfigForFile(path.join(root, 'r.md'), { rules, cwd: root });
    expect(c).toEqual({
      locale: 'en',
      year: 2020,
      agencyKind: 'government',
      reportUnusedDisableDirectives: 0,
      rules: {
        'statistics-period': { severity: 0, options: {} },
        'table-sum': { severity: 1, options: { tolerance: 2 } },
      },
    });
  });

  test('presets by either name; later entries of extends win', async () => {
    const root = tempTree({
      'off.json': { rules: { 'table-sum': 'off', 'statistics-period': 'off' } },
      'a/.gianrc': { extends: ['./../off.json', 'gia-lint:recommended'] },
      'b/.gianrc': { extends: ['recommended', '../off.json'] },
    });
    const a = await resolveConfigForFile(path.join(root, 'a/r.md'), { rules, cwd: root });
    expect(a.rules['table-sum'].severity).toBe(2);
    expect(a.rules['statistics-period'].severity).toBe(1);
    const b = await resolveConfigForFile(path.join(root, 'b/r.md'), { rules, cwd: root });
    expect(b.rules['table-sum'].severity).toBe(0);
  });

  test('a cycle is reported', async () => {
    const root = tempTree({ 'a.json': { extends: './b.json' }, 'b.json': { extends: './a.json' } });
    await expect(loadConfig(path.join(root, 'a.json'), { rules, cwd: root })).rejects.toThrow('extends 形成循环引用：a.json → b.json → a.json');
  });

  test('a missing extended file names the key and lists the presets', async () => {
    const root = tempTree({ '.gianrc': { extends: ['recommended', './nope.json'] } });
    await expect(loadConfig(path.join(root, '.gianrc'), { rules, cwd: root })).rejects.toThrow(
      '配置文件 .gianrc 无效：extends[1] 指向的文件 ./nope.json 不存在（内置预设："gia-lint:recommended"、"gia-lint:strict"）',
    );
  });

  test('an unknown gia-lint: preset', async () => {
    const root = tempTree({ '.gianrc': { extends: 'gia-lint:nope', locale: 'en' } });
    await expect(loadConfig(path.join(root, '.gianrc'), { rules, cwd: root })).rejects.toThrow(
      'Invalid config .gianrc: extends is an unknown preset "gia-lint:nope" (available: "gia-lint:recommended", "gia-lint:strict")',
    );
  });
});

describe('overrideConfig', () => {
  test('applies over the file and is validated like a file', async () => {
    const root = tempTree({ '.gianrc': { year: 2019, locale: 'en', rules: { 'table-sum': ['warn', { tolerance: 1 }] } } });
    const c = await resolveConfigForFile(path.join(root, 'r.md'), {
      rules,
      cwd: root,
      overrideConfig: { locale: 'zh-CN', year: 2024, rules: { 'table-sum': 'error' } },
    });
    expect(c.locale).toBe('zh-CN');
    expect(c.year).toBe(2024);
    expect(c.rules['table-sum']).toEqual({ severity: 2, options: { tolerance: 1 } });

    await expect(resolveConfigForFile(undefined, { rules, cwd: root, overrideConfig: { year: 3000, locale: 'en' } })).rejects.toThrow(
      'Invalid config overrideConfig: year should be an integer from 2008 to 2100',
    );
  });
});

describe('invalid JSON', () => {
  test('names the file and the line:column of the syntax error', async () => {
    const root = tempTree({ '.gianrc': '{\n  "rules": {\n    "table-sum": "error"\n  }}\n}\n' });
    const file = path.join(root, '.gianrc');
    await expect(loadConfig(file, { rules, cwd: root })).rejects.toThrow('配置文件 .gianrc 不是有效的 JSON：第 5 行第 1 列，此处应为文件结尾（有多余的内容）');
    await expect(loadConfig(file, { rules, cwd: root, locale: 'en' })).rejects.toThrow(
      'Invalid JSON in config .gianrc at line 5, column 1: end of file expected (extra content)',
    );
  });

  test('comments and trailing commas are allowed (JSONC), so a config can explain itself', async () => {
    const root = tempTree({ '.gianrc': '{\n  // 本单位为部门\n  "agencyKind": "department", /* 行内注释 */\n  "rules": { "table-sum": "warn", },\n}\n' });
    const cfg = await loadConfig(path.join(root, '.gianrc'), { rules, cwd: root });
    expect(cfg.agencyKind).toBe('department');
  });

  test('truncated file → end of file position', async () => {
    const root = tempTree({ '.gianrc.json': '{ "year": 2020' });
    await expect(resolveConfigForFile(path.join(root, 'x.md'), { rules, cwd: root })).rejects.toThrow(
      '配置文件 .gianrc.json 不是有效的 JSON：第 1 行第 15 列，文件意外结束',
    );
  });

  test('the error names the place and the kind of mistake, never the text (extends may point at any file)', async () => {
    const secret = 'root:x:0:0:root:/root:/bin/bash';
    const root = tempTree({ '.gianrc': { extends: './passwd' }, passwd: `${secret}\n` });
    const err = await resolveConfigForFile(path.join(root, 'x.md'), { rules, cwd: root }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).message).toBe('配置文件 passwd 不是有效的 JSON：第 1 行第 1 列，无效的符号');
    for (const piece of ['r', 'root', ':x:']) expect((err as ConfigError).message).not.toContain(`"${piece}"`);
    expect((err as ConfigError).message).not.toMatch(/root|bash/);
  });

  test('files outside cwd are named by absolute path; a BOM is accepted', async () => {
    const root = tempTree({ 'cfg/.gianrc': '\uFEFF{"year": 2020}', 'bad.json': '{,}' });
    const elsewhere = tempTree();
    expect((await loadConfig(path.join(root, 'cfg/.gianrc'), { rules, cwd: elsewhere })).year).toBe(2020);
    const err = await loadConfig(path.join(root, 'bad.json'), { rules, cwd: elsewhere }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).message).toBe(`配置文件 ${path.join(root, 'bad.json')} 不是有效的 JSON：第 1 行第 2 列，此处应为值`);
  });
});

test('.gianrc.example is a valid config for the built-in rules', async () => {
  const example = fileURLToPath(new URL('../../.gianrc.example', import.meta.url));
  const c = await loadConfig(example, { rules: builtinRules });
  // It configures every built-in rule (so it documents them all) and mentions every top-level key.
  expect(c.rules['table-structure']).toEqual({ severity: 1 });
  expect(Object.keys(c.rules).sort()).toEqual([...builtinRules.keys()].sort());
  const text = readFileSync(example, 'utf8');
  for (const key of ['extends', 'locale', 'year', 'agencyKind', 'rules']) expect(text).toContain(`"${key}"`);
});
