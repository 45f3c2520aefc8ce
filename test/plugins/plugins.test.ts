import { afterAll, describe, expect, test } from '@jest/globals';
import path from 'node:path';
import { ConfigError } from '../../src/config/errors.js';
import { resolveConfigForFile } from '../../src/config/load.js';
import { packageName, pluginNamespace } from '../../src/config/plugins.js';
import { lintText } from '../../src/api.js';
import { loadReporter } from '../../src/reporters/index.js';
import { removeTempTrees, tempTree } from '../config/tmp.js';

/**
 * Plugins, shareable configs, plugin configs, YAML / package.json configs and custom formatters,
 * loaded from real files in a temp project (node_modules laid out as npm would).
 */

afterAll(removeTempTrees);

/** A plugin package whose rule reports once at the start of every report, with a fixed message. */
function pluginSource(name: string, ruleId = 'always', extra = ''): string {
  return `export default {
  meta: { name: '${name}', version: '2.0.0' },
  rules: {
    '${ruleId}': {
      meta: {
        docs: { description: 'always reports', url: 'https://example.invalid/${ruleId}' },
        schema: { type: 'object', properties: { word: { type: 'string' } }, additionalProperties: false },
        defaultOptions: { word: 'x' },
        messages: { hit: { 'zh-CN': '插件发现：{{word}}', en: 'plugin found: {{word}}' } },
      },
      check(report, context) { context.report({ messageId: 'hit', data: { word: context.options.word }, span: { start: 0, end: 1 } }); },
    },
  },
  configs: { recommended: { plugins: ['${pluginNamespace(name)}'], rules: { '${pluginNamespace(name)}/${ruleId}': 'error' } } },
  ${extra}
};
`;
}

const pkg = (name: string, main = 'index.js') => JSON.stringify({ name, version: '2.0.0', type: 'module', exports: `./${main}` });

const REPORT = '# 某某局2024年政府信息公开工作年度报告\n\n一、总体情况\n\n正文。\n';

async function ruleIds(root: string, file = 'report.md', options: Parameters<typeof lintText>[1] = {}) {
  const result = await lintText(REPORT, { cwd: root, filePath: path.join(root, file), ...options });
  return result.messages.filter((m) => m.ruleId?.includes('/')).map((m) => `${m.ruleId} ${m.severity} ${m.message}`);
}

async function configError(promise: Promise<unknown>): Promise<ConfigError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('package names', () => {
  test.each([
    ['foo', 'gia-lint-plugin-foo', 'foo'],
    ['gia-lint-plugin-foo', 'gia-lint-plugin-foo', 'foo'],
    ['@org', '@org/gia-lint-plugin', '@org'],
    ['@org/foo', '@org/gia-lint-plugin-foo', '@org/foo'],
    ['@org/gia-lint-plugin-foo', '@org/gia-lint-plugin-foo', '@org/foo'],
  ])('%s → %s (rules "%s/…")', (spec, name, namespace) => {
    expect(packageName(spec, 'gia-lint-plugin')).toBe(name);
    expect(pluginNamespace(name)).toBe(namespace);
  });
});

describe('plugins in .gianrc', () => {
  test('a package by short name: its rule is configured as "foo/rule", with options, and runs', async () => {
    const root = tempTree({
      'node_modules/gia-lint-plugin-foo/package.json': pkg('gia-lint-plugin-foo'),
      'node_modules/gia-lint-plugin-foo/index.js': pluginSource('gia-lint-plugin-foo'),
      '.gianrc': { plugins: ['foo'], rules: { 'foo/always': ['warn', { word: '备案' }] } },
    });
    expect(await ruleIds(root)).toEqual(['foo/always 1 插件发现：备案']);
    const config = await resolveConfigForFile(path.join(root, 'report.md'), { cwd: root });
    expect(config.plugins).toEqual({ foo: path.join(root, 'node_modules/gia-lint-plugin-foo/index.js') });
  });

  test('the full package name, a scoped package, and "plugin:foo/recommended"', async () => {
    const root = tempTree({
      'node_modules/gia-lint-plugin-foo/package.json': pkg('gia-lint-plugin-foo'),
      'node_modules/gia-lint-plugin-foo/index.js': pluginSource('gia-lint-plugin-foo'),
      'node_modules/@org/gia-lint-plugin-bar/package.json': pkg('@org/gia-lint-plugin-bar'),
      'node_modules/@org/gia-lint-plugin-bar/index.js': pluginSource('@org/gia-lint-plugin-bar', 'other'),
      '.gianrc': { plugins: ['gia-lint-plugin-foo', '@org/bar'], extends: ['plugin:foo/recommended', 'plugin:@org/bar/recommended'] },
    });
    expect(await ruleIds(root)).toEqual(['@org/bar/other 2 插件发现：x', 'foo/always 2 插件发现：x']);
  });

  test('a local module by relative path, named by its meta.name; a YAML .gianrc', async () => {
    const root = tempTree({
      'rules/local.mjs': pluginSource('gia-lint-plugin-office'),
      'sub/.gianrc.yaml': 'plugins:\n  - ../rules/local.mjs\nrules:\n  office/always: [error, { word: 本地 }]\n',
    });
    expect(await ruleIds(root, 'sub/report.md')).toEqual(['office/always 2 插件发现：本地']);
  });

  test('a missing plugin names itself, the install command and the key', async () => {
    const root = tempTree({ '.gianrc': { plugins: ['recommended', 'nope'] } });
    const e = await configError(resolveConfigForFile(path.join(root, 'report.md'), { cwd: root }));
    expect(e.message).toBe('插件 recommended 未安装：npm install -D gia-lint-plugin-recommended（.gianrc 的 plugins[0]）');
    expect(e.keyPath).toBe('plugins[0]');
  });

  test('a missing local module, and one that throws while loading', async () => {
    const missing = tempTree({ '.gianrc': { plugins: ['./nope.mjs'] } });
    expect((await configError(resolveConfigForFile(path.join(missing, 'a.md'), { cwd: missing }))).message).toBe(
      '配置文件 .gianrc 无效：plugins[0] 指向的插件文件 ./nope.mjs 不存在（相对于配置文件所在目录）',
    );
    const broken = tempTree({ 'p.mjs': 'throw new Error("boom");\n', '.gianrc': { plugins: ['./p.mjs'] } });
    expect((await configError(resolveConfigForFile(path.join(broken, 'a.md'), { cwd: broken }))).message).toBe('插件 ./p.mjs 加载失败：boom');
  });

  test.each([
    ['export default 5;', 'default 应为对象 {…}'],
    ['export default { rules: {} };', 'meta.name 应为非空字符串'],
    ["export default { meta: { name: 'p' }, rules: { 'Bad_Id': {} } };", 'rules["Bad_Id"] 规则名应由小写字母、数字和连字符组成'],
    [
      "export default { meta: { name: 'p' }, rules: { a: { meta: { docs: { description: 'd', url: 'u' }, messages: { m: 'x' } } } } };",
      'rules.a.check 应为函数',
    ],
    [
      "export default { meta: { name: 'p' }, rules: { a: { meta: { docs: { description: 'd' }, messages: { m: 'x' } }, check() {} } } };",
      'rules.a.meta.docs.url 应为非空字符串',
    ],
    [
      "export default { meta: { name: 'p' }, rules: { a: { meta: { docs: { description: 'd', url: 'u' }, messages: { m: 5 } }, check() {} } } };",
      'rules.a.meta.messages.m 应为字符串或 { "zh-CN": …, "en": … }',
    ],
  ])('an invalid plugin names the plugin and the key: %s', async (source, problem) => {
    const root = tempTree({ 'p.mjs': source, '.gianrc': { plugins: ['./p.mjs'] } });
    expect((await configError(resolveConfigForFile(path.join(root, 'a.md'), { cwd: root }))).message).toBe(`插件 ./p.mjs 无效：${problem}`);
  });

  test('a plugin rule without its plugin, and two plugins claiming one name', async () => {
    const root = tempTree({ '.gianrc': { rules: { 'foo/always': 'error' } } });
    expect((await configError(resolveConfigForFile(path.join(root, 'a.md'), { cwd: root }))).message).toContain(
      'rules["foo/always"] 是插件 foo 的规则 "foo/always"，但 plugins 中没有加载插件 foo',
    );
    const twice = tempTree({ 'a.mjs': pluginSource('same'), 'b.mjs': pluginSource('same'), '.gianrc': { plugins: ['./a.mjs', './b.mjs'] } });
    expect((await configError(resolveConfigForFile(path.join(twice, 'a.md'), { cwd: twice }))).message).toContain('plugins[1] 插件名 "same" 重复');
  });

  test('"plugin:foo/…" needs foo in plugins, and the config must exist', async () => {
    const root = tempTree({
      'p.mjs': pluginSource('foo'),
      'a/.gianrc': { extends: 'plugin:foo/recommended' },
      'b/.gianrc': { plugins: ['../p.mjs'], extends: 'plugin:foo/strictest' },
    });
    expect((await configError(resolveConfigForFile(path.join(root, 'a/x.md'), { cwd: root }))).message).toContain(
      'extends "plugin:foo/recommended"：插件 foo 未在 plugins 中声明',
    );
    expect((await configError(resolveConfigForFile(path.join(root, 'b/x.md'), { cwd: root }))).message).toContain(
      'extends "plugin:foo/strictest"：插件 foo 没有这个配置（可用：recommended）',
    );
  });

  test('--resolve-plugins-relative-to: packages come from that directory', async () => {
    const root = tempTree({
      'tools/node_modules/gia-lint-plugin-foo/package.json': pkg('gia-lint-plugin-foo'),
      'tools/node_modules/gia-lint-plugin-foo/index.js': pluginSource('gia-lint-plugin-foo'),
      'reports/.gianrc': { plugins: ['foo'], extends: 'plugin:foo/recommended' },
    });
    await configError(resolveConfigForFile(path.join(root, 'reports/a.md'), { cwd: root }));
    expect(await ruleIds(root, 'reports/a.md', { resolvePluginsRelativeTo: 'tools' })).toEqual(['foo/always 2 插件发现：x']);
  });

  test('overrideConfig (--plugin, --rule) may name plugins of its own and those of the config file', async () => {
    const root = tempTree({
      'p.mjs': pluginSource('foo'),
      'q.mjs': pluginSource('bar', 'other'),
      '.gianrc': { plugins: ['./p.mjs'] },
    });
    const ids = await ruleIds(root, 'a.md', { overrideConfig: { plugins: ['./q.mjs'], rules: { 'foo/always': 'warn', 'bar/other': 'error' } } });
    expect(ids).toEqual(['bar/other 2 插件发现：x', 'foo/always 1 插件发现：x']);
  });
});

describe('shareable configs and config file kinds', () => {
  test('gia-lint-config-xx by short name, extending a preset and a plugin config', async () => {
    const root = tempTree({
      'node_modules/gia-lint-plugin-foo/package.json': pkg('gia-lint-plugin-foo'),
      'node_modules/gia-lint-plugin-foo/index.js': pluginSource('gia-lint-plugin-foo'),
      'node_modules/gia-lint-config-province/package.json': JSON.stringify({ name: 'gia-lint-config-province', main: 'index.json' }),
      'node_modules/gia-lint-config-province/index.json':
        '{ // comments allowed\n "plugins": ["foo"], "extends": ["gia-lint:strict", "plugin:foo/recommended"], "rules": { "foo/always": ["warn", { "word": "省" }] } }',
      '.gianrc': { extends: 'province' },
    });
    expect(await ruleIds(root)).toEqual(['foo/always 1 插件发现：省']);
    const config = await resolveConfigForFile(path.join(root, 'report.md'), { cwd: root });
    expect(config.rules['table-sum'].severity).toBe(2); // from gia-lint:strict
  });

  test('a missing shareable config says how to install it', async () => {
    const root = tempTree({ '.gianrc': { extends: 'province' } });
    expect((await configError(resolveConfigForFile(path.join(root, 'a.md'), { cwd: root }))).message).toBe(
      '配置文件 .gianrc 无效：extends 共享配置 province 未安装：npm install -D gia-lint-config-province',
    );
  });

  test('package.json "gia-lint" key; a package.json without it is not a config', async () => {
    const root = tempTree({
      'package.json': { name: 'office', 'gia-lint': { year: 2022 } },
      'sub/package.json': { name: 'sub' },
    });
    expect((await resolveConfigForFile(path.join(root, 'sub/a.md'), { cwd: root })).year).toBe(2022);
  });

  test('.gianrc in YAML; YAML errors give the place, not the text', async () => {
    const root = tempTree({ 'a/.gianrc': '# 本局配置\nyear: 2023\nrules:\n  table-sum: warn\n', 'b/.gianrc': 'year: 2023\n  secret: [x\n' });
    const config = await resolveConfigForFile(path.join(root, 'a/r.md'), { cwd: root });
    expect(config.year).toBe(2023);
    expect(config.rules['table-sum'].severity).toBe(1);
    const e = await configError(resolveConfigForFile(path.join(root, 'b/r.md'), { cwd: root }));
    expect(e.message).toMatch(/^配置文件 b[\\/]\.gianrc 不是有效的 YAML：第 \d+ 行第 \d+ 列，[A-Z_]+$/);
    expect(e.message).not.toContain('secret');
  });

  test('noInlineConfig: gia-lint-disable comments no longer hide problems', async () => {
    const root = tempTree({ 'p.mjs': pluginSource('foo'), '.gianrc': { plugins: ['./p.mjs'], rules: { 'foo/always': 'error' } } });
    const text = `<!-- gia-lint-disable foo/always -->\n${REPORT}`;
    const quiet = await lintText(text, { cwd: root, filePath: path.join(root, 'a.md') });
    expect(quiet.messages.filter((m) => m.ruleId === 'foo/always')).toEqual([]);
    const loud = await lintText(text, { cwd: root, filePath: path.join(root, 'a.md'), overrideConfig: { noInlineConfig: true } });
    expect(loud.messages.filter((m) => m.ruleId === 'foo/always')).toHaveLength(1);
  });
});

describe('custom formatters', () => {
  test('a module path and a package, with the built-in signature (results, context) → string', async () => {
    const root = tempTree({
      'fmt.mjs': 'export default (results, ctx) => `${results.length} ${ctx.locale} ${ctx.cwd}`;\n',
      'node_modules/gia-lint-formatter-count/package.json': pkg('gia-lint-formatter-count'),
      'node_modules/gia-lint-formatter-count/index.js': 'export default (results) => String(results.length);\n',
      'bad.mjs': 'export default { not: "a function" };\n',
    });
    const ctx = { cwd: root, locale: 'zh-CN' as const, color: false };
    expect((await loadReporter('./fmt.mjs', root, 'zh-CN'))([], ctx)).toBe(`0 zh-CN ${root}`);
    expect((await loadReporter('count', root, 'zh-CN'))([], ctx)).toBe('0');
    expect((await loadReporter('gia-lint-formatter-count', root, 'zh-CN'))([], ctx)).toBe('0');
    await expect(loadReporter('./bad.mjs', root, 'en')).rejects.toThrow(
      'Formatter ./bad.mjs is invalid: its default export should be a function (results, context) => string',
    );
    await expect(loadReporter('@org/fmt', root, 'zh-CN')).rejects.toThrow('输出格式 @org/fmt 未安装：npm install -D @org/gia-lint-formatter-fmt');
    // A bare name that is neither built in nor installed is an unknown format, as before.
    await expect(loadReporter('xml', root, 'en')).rejects.toThrow('Unknown format "xml"');
  });
});

test('a shareable config written as a module (default export)', async () => {
  const root = tempTree({
    'node_modules/gia-lint-config-js/package.json': JSON.stringify({ name: 'gia-lint-config-js', type: 'module', exports: './index.js' }),
    'node_modules/gia-lint-config-js/index.js': "export default { year: 2021, rules: { 'table-sum': 'warn' } };\n",
    '.gianrc': { extends: ['gia-lint-config-js'] },
  });
  const config = await resolveConfigForFile(path.join(root, 'a.md'), { cwd: root });
  expect(config.year).toBe(2021);
  expect(config.rules['table-sum'].severity).toBe(1);
});

test('a plugin rule that throws is named (a GiaLintError: exit 2, not an internal error)', async () => {
  const root = tempTree({
    'p.mjs': pluginSource('foo', 'always').replace(
      'check(report, context) { context.report(',
      "check(report, context) { throw new Error('kaboom'); context.report(",
    ),
    '.gianrc': { plugins: ['./p.mjs'], rules: { 'foo/always': 'error' } },
  });
  const { GiaLintError } = await import('../../src/config/errors.js');
  const failure = lintText(REPORT, { cwd: root, filePath: path.join(root, 'a.md') });
  await expect(failure).rejects.toBeInstanceOf(GiaLintError);
  await expect(failure).rejects.toThrow(`${path.join(root, 'a.md')}: 插件规则 foo/always 运行出错：kaboom（可在配置中关闭该规则："foo/always": "off"）`);
});

test("LSP links: the editor's docsBaseUrl, else the config's docsUrl, else the installed pages", async () => {
  const { LintService } = await import('../../src/lsp/service.js');
  const service = new LintService();
  const config = { locale: 'zh-CN' as const, rules: {}, docsUrl: 'https://mirror.example/rules' };
  expect(service.docsBaseFor({ config })).toBe('https://mirror.example/rules/');
  expect(service.docsBaseFor({})).toBeUndefined();
});

test('.gianrc: JSON when it starts with "{" after comments, else YAML', async () => {
  const root = tempTree({
    'a/.gianrc': '// 本局配置\n/* JSON */ { "year": 2022 }\n',
    'b/.gianrc': '# 本局配置\nyear: 2023\n',
    'c/.gianrc': '// only a comment, then YAML is not valid either\n',
  });
  expect((await resolveConfigForFile(path.join(root, 'a/r.md'), { cwd: root })).year).toBe(2022);
  expect((await resolveConfigForFile(path.join(root, 'b/r.md'), { cwd: root })).year).toBe(2023);
  await configError(resolveConfigForFile(path.join(root, 'c/r.md'), { cwd: root }));
});

test('the language server runs plugins only for configs inside its workspace folders', async () => {
  const { LintService } = await import('../../src/lsp/service.js');
  const { parseSettings } = await import('../../src/lsp/settings.js');
  const plugin = pluginSource('gia-lint-plugin-foo');
  const workspace = tempTree({ 'p.mjs': plugin, '.gianrc': { plugins: ['./p.mjs'], rules: { 'foo/always': 'error' } } });
  const elsewhere = tempTree({ 'p.mjs': plugin, '.gianrc': { plugins: ['./p.mjs'], rules: { 'foo/always': 'error' } } });
  const service = new LintService();
  service.configure(parseSettings(undefined, workspace).settings, [workspace]);
  const lint = (dir: string) => service.lint({ uri: `file://${dir}/r.md`, version: 1, text: REPORT, format: 'markdown', filePath: path.join(dir, 'r.md') });
  const inside = await lint(workspace);
  expect(inside?.messages.some((m) => m.ruleId === 'foo/always')).toBe(true);
  const outside = await lint(elsewhere);
  expect(outside?.problem?.message).toBe(
    `插件 ./p.mjs 未加载：${path.join(elsewhere, '.gianrc')} 不在工作区内（plugins[0]）。语言服务器只加载工作区自己的配置所列的插件；请在工作区中打开该文件夹`,
  );
});
