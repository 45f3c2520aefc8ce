import { afterAll, describe, expect, test } from '@jest/globals';
import { removeTempTrees, tempTree } from '../config/tmp.js';
import { runCli } from '../support/cli.js';
import { spawnCli } from '../support/spawn-cli.js';
import { generateReport } from '../support/generate.js';

/** Inline directives, unused-directive reporting, strict and overrides on the command line (in-process; the first test spawns the bin). */
const GOOD = generateReport({ year: 2024, format: 'md' });
const PERIOD = '统计期限自2024年1月1日起至2024年12月31日止';
const BAD = GOOD.replace(PERIOD, '统计期限自2023年1月1日起至2023年12月31日止');
const BAD_TXT = generateReport({ year: 2024, format: 'txt-pipe' }).replace(PERIOD, '统计期限自2023年1月1日起至2023年12月31日止');

afterAll(removeTempTrees);

const cli = (args: string[], cwd: string) => runCli(args, { cwd });
const lines = (stdout: string) =>
  stdout
    .split('\n')
    .filter((l) => /^\s+\d+:\d+/.test(l))
    .map((l) => l.trim().replace(/\s{2,}/g, ' | '));

test('the fixtures are what the tests assume', () => {
  expect(BAD).not.toBe(GOOD);
  expect(BAD_TXT).toContain('2023年1月1日');
});

describe('directives', () => {
  test('a disable-next-line comment silences the wrong period (Markdown), exit 0', async () => {
    const md = BAD.replace(/^(.*统计期限自2023年)/m, '<!-- gia-lint-disable-next-line statistics-period -- 报告沿用上年口径，已说明 -->\n$1');
    const dir = tempTree({ 'r.md': md });
    expect(spawnCli(['r.md'], { cwd: dir })).toEqual({ code: 0, signal: null, stdout: '', stderr: '' });
    const json = JSON.parse((await cli(['-f', 'json', 'r.md'], dir)).stdout)[0];
    expect(json.suppressedMessages.map((m: { ruleId: string; suppressions: unknown }) => [m.ruleId, m.suppressions])).toEqual([
      ['statistics-period', [{ kind: 'directive', justification: '报告沿用上年口径，已说明' }]],
    ]);
  });

  test('a // comment line in a .txt report does the same', async () => {
    const txt = BAD_TXT.replace(/^(.*统计期限自2023年)/m, '// gia-lint-disable-next-line statistics-period\n$1');
    expect(await cli(['r.txt'], tempTree({ 'r.txt': txt }))).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  test('--report-unused-disable-directives: an unused directive is an error; -severity warn makes it a warning', async () => {
    const dir = tempTree({ 'r.md': `<!-- gia-lint-disable table-sum -->\n${GOOD}` });
    expect((await cli(['r.md'], dir)).code).toBe(0);
    const r = await cli(['--report-unused-disable-directives', 'r.md'], dir);
    expect(r.code).toBe(1);
    expect(lines(r.stdout)).toEqual(['1:1 | 错误 | 未使用的 gia-lint-disable 指令（规则 "table-sum" 没有报告问题）']);
    expect(r.stdout).toContain('其中 1 个错误和 0 个警告可使用 --fix 选项自动修复。');
    const w = await cli(['--report-unused-disable-directives-severity', 'warn', 'r.md'], dir);
    expect(w.code).toBe(0);
    expect(lines(w.stdout)[0]).toMatch(/^1:1 \| 警告 \| 未使用的/);
    // --fix removes the unused directive, giving back the clean report.
    expect((await cli(['--fix', '--report-unused-disable-directives', 'r.md'], dir)).code).toBe(0);
    expect((await cli(['--report-unused-disable-directives', 'r.md'], dir)).code).toBe(0);
  });

  test('the config key does the same; the command line wins', async () => {
    const dir = tempTree({ 'r.md': `<!-- gia-lint-disable -->\n${GOOD}`, '.gianrc': { reportUnusedDisableDirectives: 'warn' } });
    expect(lines((await cli(['r.md'], dir)).stdout)).toEqual(['1:1 | 警告 | 未使用的 gia-lint-disable 指令（没有需要屏蔽的问题）']);
    expect((await cli(['--report-unused-disable-directives-severity', 'off', 'r.md'], dir)).stdout).toBe('');
  });

  test('an unknown rule in a directive is an error', async () => {
    const r = await cli(['r.md'], tempTree({ 'r.md': `<!-- gia-lint-disable statistic-period -->\n${GOOD}` }));
    expect(r.code).toBe(1);
    expect(lines(r.stdout)).toEqual(['1:23 | 错误 | gia-lint-disable 指令中的规则 "statistic-period" 不存在，是否想写 "statistics-period"？']);
  });

  test('usage errors', async () => {
    const dir = tempTree({ 'r.md': GOOD });
    expect((await cli(['--report-unused-disable-directives-severity', 'loud', 'r.md'], dir)).stderr).toBe(
      'gia-lint: --report-unused-disable-directives-severity 的取值 "loud" 无效，应为 off、warn 或 error。运行 gia-lint --help 查看用法。\n',
    );
    expect((await cli(['--report-unused-disable-directives', '--report-unused-disable-directives-severity', 'warn', 'r.md'], dir)).code).toBe(2);
  });
});

describe('strict and overrides from the command line', () => {
  test('--print-config shows the overrides applied to the file', async () => {
    const dir = tempTree({
      '.gianrc': { extends: 'gia-lint:strict', overrides: [{ files: ['old/**'], year: 2019, rules: { 'table-structure': 'off' } }] },
    });
    const now = JSON.parse((await cli(['--print-config', 'new/r.md'], dir)).stdout);
    const old = JSON.parse((await cli(['--print-config', 'old/r.md'], dir)).stdout);
    expect(now.rules['table-structure'].severity).toBe(2);
    expect(now.year).toBeUndefined();
    expect(old.rules['table-structure'].severity).toBe(0);
    expect(old.year).toBe(2019);
    expect(old.reportUnusedDisableDirectives).toBe(0);
  });

  test('an invalid override is a config error with its key path (exit 2)', async () => {
    const r = await cli(['r.md'], tempTree({ 'r.md': GOOD, '.gianrc': { overrides: [{ file: ['*.md'] }] } }));
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'gia-lint: 配置文件 .gianrc 无效：overrides[0] 缺少必填项 files\n' });
  });

  test('--help lists the new options', async () => {
    const r = await cli(['--help'], tempTree());
    for (const o of ['--fix', '--fix-dry-run', '--report-unused-disable-directives', '--report-unused-disable-directives-severity', '--previous']) {
      expect(r.stdout).toMatch(new RegExp(`${o}\\b`));
    }
  });
});
