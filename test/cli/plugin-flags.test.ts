import { afterAll, describe, expect, test } from '@jest/globals';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeTempTrees, tempTree } from '../config/tmp.js';
import { generateReport } from '../support/generate.js';
import { runCli } from '../support/cli.js';
import { spawnCli } from '../support/spawn-cli.js';

/**
 * The CLI flags of issue 13: --rule, --plugin, --resolve-plugins-relative-to, --no-inline-config,
 * --color/--no-color, --docs-url, and --format with a module or a package. Run in-process through
 * the CLI's own entry (`run(argv, io)`: the same parsing, config loading, linting and output as the
 * bin, without a process start per case); the cache case spawns the bin, since it needs a fresh
 * process to see an edited plugin.
 */

const PLUGIN = fileURLToPath(new URL('../../examples/plugin-local-rules', import.meta.url));

afterAll(removeTempTrees);

const GOOD = generateReport({ year: 2024, format: 'md', signDate: '2025年1月10日' });
const BAD = GOOD.replace('统计期限自2024年1月1日起至2024年12月31日止', '统计期限自2023年1月1日起至2023年12月31日止');
const LATE = GOOD.replace('2025年1月10日', '2025年1月28日');

const cli = (args: string[], cwd: string, env: Record<string, string> = {}) => runCli(args, { cwd, env });
const spawned = (args: string[], cwd: string) => spawnCli(args, { cwd });

const rulesOf = (unix: string) => [...unix.matchAll(/\[(?:Error|Warning)\/([^\]]+)\]/g)].map((m) => m[1]);

describe('rules and plugins from the command line', () => {
  test("--rule 'id: severity' and 'id: [severity, {options}]' over the config; bad values are usage errors", async () => {
    const dir = tempTree({ 'bad.md': BAD, '.gianrc': { rules: { 'statistics-period': 'error' } } });
    expect((await cli(['-f', 'unix', 'bad.md'], dir)).stdout).toContain('[Error/statistics-period]');
    const warned = await cli(['-f', 'unix', '--rule', 'statistics-period: warn', 'bad.md'], dir);
    expect(warned.stdout).toContain('[Warning/statistics-period]');
    expect(warned.code).toBe(0);
    expect((await cli(['-f', 'unix', '--rule', 'statistics-period: [off]', 'bad.md'], dir)).stdout).not.toContain('statistics-period');
    const bad = await cli(['--rule', 'statistics-period', 'bad.md'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--rule 的取值 "statistics-period" 无效');
    const unknown = await cli(['--rule', 'statistics-perod: warn', 'bad.md'], dir);
    expect(unknown.stderr).toBe(
      'gia-lint: 配置文件 overrideConfig 无效：rules.statistics-perod 是未知规则 "statistics-perod"，是否想写 "statistics-period"？\n',
    );
  });

  test('--plugin with --rule; --resolve-plugins-relative-to finds a package in another folder', async () => {
    const dir = tempTree({ 'late.md': LATE, '.gianrc': {} });
    const byPath = await cli(['-f', 'unix', '--plugin', path.join(PLUGIN, 'index.js'), '--rule', 'local-rules/province-deadline: error', 'late.md'], dir);
    expect(rulesOf(byPath.stdout)).toEqual(['local-rules/province-deadline']);
    expect(byPath.code).toBe(1);
    const tools = tempTree({
      'node_modules/gia-lint-plugin-local-rules/package.json': '{"name":"gia-lint-plugin-local-rules","type":"module","exports":"./index.js"}',
    });
    copyFileSync(path.join(PLUGIN, 'index.js'), path.join(tools, 'node_modules/gia-lint-plugin-local-rules/index.js'));
    const missing = await cli(['--plugin', 'local-rules', 'late.md'], dir);
    expect(missing.stderr).toBe('gia-lint: 插件 local-rules 未安装：npm install -D gia-lint-plugin-local-rules（overrideConfig 的 plugins[0]）\n');
    expect(missing.code).toBe(2);
    const found = await cli(
      ['-f', 'unix', '--plugin', 'local-rules', '--resolve-plugins-relative-to', tools, '--rule', 'local-rules/province-deadline: warn', 'late.md'],
      dir,
    );
    expect(found.stdout).toContain('[Warning/local-rules/province-deadline]');
  });

  test('--no-inline-config: a disable comment in the draft no longer hides the problem', async () => {
    const dir = tempTree({ 'bad.md': `<!-- gia-lint-disable statistics-period -->\n${BAD}`, '.gianrc': {} });
    expect((await cli(['-f', 'unix', 'bad.md'], dir)).stdout).not.toContain('statistics-period');
    expect((await cli(['-f', 'unix', '--no-inline-config', 'bad.md'], dir)).stdout).toContain('[Error/statistics-period]');
  });

  test('a misspelt top-level key gets a did-you-mean', async () => {
    const dir = tempTree({ 'good.md': GOOD, '.gianrc': { plugin: ['x'] } });
    expect((await cli(['good.md'], dir)).stderr).toBe('gia-lint: 配置文件 .gianrc 无效：plugin 是不允许的键，是否想写 "plugins"？\n');
  });
});

describe('output', () => {
  test('--color forces ANSI colour into a pipe, --no-color removes it even with FORCE_COLOR; both together is a usage error', async () => {
    const dir = tempTree({ 'bad.md': BAD, '.gianrc': {} });
    const ansi = /\u001b\[/;
    expect((await cli(['bad.md'], dir)).stdout).not.toMatch(ansi);
    expect((await cli(['--color', 'bad.md'], dir)).stdout).toMatch(ansi);
    expect((await cli(['--no-color', 'bad.md'], dir, { FORCE_COLOR: '1' })).stdout).not.toMatch(ansi);
    expect((await cli(['--color', '--no-color', 'bad.md'], dir)).code).toBe(2);
  });

  test('--docs-url (and docsUrl) set SARIF help links; a non-URL is refused', async () => {
    const dir = tempTree({ 'bad.md': BAD, '.gianrc': { docsUrl: 'https://mirror.example/docs/rules/' } });
    const fromConfig = JSON.parse((await cli(['-f', 'sarif', 'bad.md'], dir)).stdout);
    expect(fromConfig.runs[0].tool.driver.rules[0].helpUri).toMatch(/^https:\/\/mirror\.example\/docs\/rules\/[a-z-]+\.md$/);
    const fromFlag = JSON.parse((await cli(['-f', 'sarif', '--docs-url', 'https://intranet.example/gia', 'bad.md'], dir)).stdout);
    expect(fromFlag.runs[0].tool.driver.rules[0].helpUri).toMatch(/^https:\/\/intranet\.example\/gia\/[a-z-]+\.md$/);
    const bad = await cli(['--docs-url', '/home/me/docs', 'bad.md'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--docs-url 的取值 "/home/me/docs" 无效');
  });

  test('--format with a module path and with a package; a missing one is exit 2 before linting', async () => {
    const dir = tempTree({
      'bad.md': BAD,
      '.gianrc': {},
      'fmt.mjs': 'export default (results, ctx) => results.map((r) => `${r.errorCount} ${ctx.locale}`).join("\\n");\n',
      'node_modules/gia-lint-formatter-ids/package.json': '{"name":"gia-lint-formatter-ids","type":"module","exports":"./index.js"}',
      'node_modules/gia-lint-formatter-ids/index.js': 'export default (results) => results.flatMap((r) => r.messages.map((m) => m.ruleId)).join(",");\n',
      'throws.mjs': 'export default () => { throw new Error("no"); };\n',
    });
    expect(await cli(['-f', './fmt.mjs', '--locale', 'en', 'bad.md'], dir)).toEqual({ code: 1, stdout: '1 en\n', stderr: '' });
    expect((await cli(['-f', 'ids', 'bad.md'], dir)).stdout).toBe('statistics-period\n');
    expect((await cli(['-f', 'gia-lint-formatter-ids:out/ids.txt', 'bad.md'], dir)).code).toBe(1);
    expect(readFileSync(path.join(dir, 'out/ids.txt'), 'utf8')).toBe('statistics-period');
    expect(await cli(['-f', './nope.mjs', 'bad.md'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'gia-lint: 输出格式文件 ./nope.mjs 不存在（相对于当前目录）\n',
    });
    expect(await cli(['-f', './throws.mjs', 'bad.md'], dir)).toMatchObject({ code: 2, stderr: 'gia-lint: 输出格式 ./throws.mjs 运行出错：no\n' });
  });
});

test('--cache: editing a plugin re-lints (its module is part of the cache key)', () => {
  const plugin = (word: string) =>
    `export default { meta: { name: 'office' }, rules: { always: { meta: { docs: { description: 'd', url: 'https://example.invalid/a' }, messages: { m: '${word}' } }, check(r, c) { c.report({ messageId: 'm', span: { start: 0, end: 1 } }); } } } };\n`;
  const dir = tempTree({ 'good.md': GOOD, 'p.mjs': plugin('第一版'), '.gianrc': { plugins: ['./p.mjs'], rules: { 'office/always': 'warn' } } });
  expect(spawned(['-f', 'unix', '--cache', 'good.md'], dir).stdout).toContain('第一版');
  expect(spawned(['-f', 'unix', '--cache', 'good.md'], dir).stdout).toContain('第一版');
  // A different size (and time): the cached result no longer applies.
  writeFileSync(path.join(dir, 'p.mjs'), plugin('第二版本'));
  expect(spawned(['-f', 'unix', '--cache', 'good.md'], dir).stdout).toContain('第二版本');
});
