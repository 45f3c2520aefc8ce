import { afterAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { builtinRules } from '../../src/rules/index.js';
import { removeTempTrees, tempTree } from '../config/tmp.js';
import type { CliRun } from '../support/cli.js';
import { generateReport } from '../support/generate.js';
import { BIN, spawnCli, type SpawnCall } from '../support/spawn-cli.js';

/**
 * The CLI as a user runs it: spawn bin/gia-lint.js (dist/ is built by `npm test` before jest).
 * Fixtures use the real built-in rules: a generated correct report, and the same report with its
 * 统计期限 moved to the wrong year (one statistics-period error).
 */

const PKG = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const GOOD = generateReport({ year: 2024, format: 'md' });
const BAD = GOOD.replace('统计期限自2024年1月1日起至2024年12月31日止', '统计期限自2023年1月1日起至2023年12月31日止');

afterAll(removeTempTrees);

/** The spawned bin's exit code and output (the test runner's colour and debug settings do not leak into it). */
function cli(args: string[], call: SpawnCall): CliRun {
  const { code, stdout, stderr } = spawnCli(args, call);
  return { code, stdout, stderr };
}

const fixtures = (extra: Record<string, string | object | Buffer> = {}) => tempTree({ 'good.md': GOOD, 'bad.md': BAD, ...extra });

/** stderr is exactly one line and carries no stack trace. */
function expectOneLine(stderr: string) {
  expect(stderr.endsWith('\n')).toBe(true);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/^\s+at /m);
}

test('the fixtures are what the tests assume', () => {
  expect(BAD).not.toBe(GOOD);
});

describe('help and version', () => {
  const LONG_OPTIONS = [
    '--format',
    '--output-file',
    '--stdin',
    '--stdin-filename',
    '--max-warnings',
    '--quiet',
    '--year',
    '--locale',
    '--config',
    '--no-config',
    '--print-config',
    '--help',
    '--version',
  ];

  test('--help in Chinese by default lists every option', () => {
    const dir = tempTree();
    const r = cli(['--help'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^用法：gia-lint \[选项\]/);
    expect(r.stdout).toContain('退出码：0');
    for (const o of LONG_OPTIONS) expect(r.stdout).toMatch(new RegExp(`${o}\\b`));
    expect(r.stderr).toBe('');
  });

  test('--help --locale en', () => {
    const r = cli(['-h', '--locale', 'en'], { cwd: tempTree() });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: gia-lint \[options\]/);
    for (const o of LONG_OPTIONS) expect(r.stdout).toContain(o);
    expect(r.stdout).not.toContain('用法');
  });

  test('--version prints the package version', () => {
    const r = cli(['--version'], { cwd: tempTree() });
    expect(r).toEqual({ code: 0, stdout: `${PKG.version}\n`, stderr: '' });
    expect(cli(['-v'], { cwd: tempTree() }).stdout).toBe(`${PKG.version}\n`);
  });
});

describe('usage errors exit 2 with one localized line and a --help hint', () => {
  test.each([
    [['--frobnicate', 'good.md'], 'gia-lint: 未知选项 --frobnicate。运行 gia-lint --help 查看用法。\n'],
    [['--locale', 'en', '--frobnicate'], 'gia-lint: Unknown option --frobnicate. Run "gia-lint --help" for usage.\n'],
    [['good.md', '--format'], 'gia-lint: 选项 --format 缺少取值。运行 gia-lint --help 查看用法。\n'],
    [['--quiet=yes', 'good.md'], 'gia-lint: 选项 --quiet 不接受取值。运行 gia-lint --help 查看用法。\n'],
    [
      ['--format', 'xml', 'good.md'],
      'gia-lint: --format 的取值 "xml" 无效，应为 stylish、json、compact、unix、checkstyle、junit、sarif、github、html、csv、summary-json 之一。运行 gia-lint --help 查看用法。\n',
    ],
    [['--max-warnings', '-2', 'good.md'], 'gia-lint: --max-warnings 的取值 "-2" 无效，应为非负整数（-1 表示不限）。运行 gia-lint --help 查看用法。\n'],
    [['--max-warnings=ten', 'good.md'], 'gia-lint: --max-warnings 的取值 "ten" 无效，应为非负整数（-1 表示不限）。运行 gia-lint --help 查看用法。\n'],
    [['--year', '1999', 'good.md'], 'gia-lint: --year 的取值 "1999" 无效，应为 2008 到 2100 之间的整数。运行 gia-lint --help 查看用法。\n'],
    [['--locale', 'fr', 'good.md'], 'gia-lint: --locale 的取值 "fr" 无效，应为 zh-CN 或 en。运行 gia-lint --help 查看用法。\n'],
    [[], 'gia-lint: 没有指定要检查的文件。运行 gia-lint --help 查看用法。\n'],
    [['missing.md'], 'gia-lint: 找不到文件或目录：missing.md。运行 gia-lint --help 查看用法。\n'],
    [['--locale=en', 'missing.md'], 'gia-lint: No such file or directory: missing.md. Run "gia-lint --help" for usage.\n'],
    [['*.pdf'], 'gia-lint: 没有文件匹配模式 "*.pdf"。运行 gia-lint --help 查看用法。\n'],
    [['--config', 'a.json', '--no-config', 'good.md'], 'gia-lint: --config 和 --no-config 不能同时使用。运行 gia-lint --help 查看用法。\n'],
    [['--stdin', 'good.md'], 'gia-lint: 使用 --stdin 时不能再指定文件。运行 gia-lint --help 查看用法。\n'],
  ])('%j', (args, stderr) => {
    const r = cli(args, { cwd: fixtures() });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(stderr);
    expect(r.stdout).toBe('');
  });
});

describe('linting files', () => {
  test('a missing path beside real files is one fatal result; the others are still linted (exit 1)', () => {
    const r = cli(['--format', 'json', 'good.md', 'missing.md'], { cwd: fixtures() });
    expect(r.code).toBe(1);
    const results = JSON.parse(r.stdout) as { filePath: string; fatalErrorCount: number; messages: { message: string; fatal?: boolean }[] }[];
    expect(results.map((x) => [path.basename(x.filePath), x.fatalErrorCount])).toEqual([
      ['good.md', 0],
      ['missing.md', 1],
    ]);
    expect(results[1].messages).toMatchObject([{ fatal: true, message: '找不到该文件或目录' }]);
  });

  test('a correct report: exit 0, no output', () => {
    const r = cli(['good.md'], { cwd: fixtures() });
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  test('a report with an error: exit 1, stylish output with relative path and summary', () => {
    const r = cli(['good.md', 'bad.md'], { cwd: fixtures() });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^\nbad\.md\n {2}\d+:\d+ +错误 {2}统计时限.*statistics-period\n\n✖ 1 个问题（1 个错误，0 个警告）\n/);
    expect(r.stdout).not.toContain('good.md');
    expect(r.stderr).toBe('');
  });

  test('a directory is searched recursively', () => {
    const r = cli(['.'], { cwd: fixtures({ 'sub/deeper/bad2.md': BAD, 'node_modules/x/bad3.md': BAD }) });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('\nsub/deeper/bad2.md\n');
    expect(r.stdout).not.toContain('bad3.md');
    expect(r.stdout).toContain('✖ 2 个问题（2 个错误，0 个警告）');
  });

  test('an empty file among good ones: fatal message for it, the others are linted, exit 1', () => {
    const r = cli(['.'], { cwd: fixtures({ 'empty.md': '  \n' }) });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('\nempty.md\n  1:1  错误  文件为空，没有可检查的内容\n');
    expect(r.stdout).toContain('\nbad.md\n');
    expect(r.stdout).toContain('✖ 2 个问题（2 个错误，0 个警告）');
  });

  test('nothing could be linted: exit 2 with the report and a one-line explanation', () => {
    const r = cli(['.'], { cwd: tempTree({ 'empty.md': '', 'bin.txt': Buffer.from([1, 0, 2, 0]) }) });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('文件看起来是二进制文件');
    expect(r.stderr).toBe('gia-lint: 没有任何文件可以检查（所有文件都为空、无法读取或不是文本）\n');
  });

  test('--format json is ESLint-shaped JSON', () => {
    const dir = fixtures();
    const r = cli(['--format', 'json', 'bad.md', 'good.md'], { cwd: dir });
    expect(r.code).toBe(1);
    const parsed = JSON.parse(r.stdout) as { filePath: string; errorCount: number; messages: { ruleId: string; line: number }[] }[];
    expect(parsed.map((p) => p.filePath)).toEqual([path.join(dir, 'bad.md'), path.join(dir, 'good.md')]);
    expect(parsed.map((p) => p.errorCount)).toEqual([1, 0]);
    expect(parsed[0].messages[0]).toMatchObject({ ruleId: 'statistics-period', severity: 2 });
  });

  test('--output-file: parent directories created, no colour even when forced, nothing on stdout', () => {
    const dir = fixtures();
    const r = cli(['-o', 'out/deep/report.txt', 'bad.md'], { cwd: dir, env: { FORCE_COLOR: '1' } });
    expect(r).toMatchObject({ code: 1, stdout: '', stderr: '' });
    const written = readFileSync(path.join(dir, 'out/deep/report.txt'), 'utf8');
    expect(written).toContain('statistics-period');
    expect(written).not.toContain('\u001b[');
    // The temp file was renamed away.
    expect(readdirSync(path.join(dir, 'out/deep'))).toEqual(['report.txt']);
  });

  test('--output-file is written (empty) even when there are no problems, replacing an old report', () => {
    const dir = fixtures({ 'out.txt': 'old report' });
    expect(cli(['-o', 'out.txt', 'good.md'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(path.join(dir, 'out.txt'), 'utf8')).toBe('');
  });

  test('--output-file to a directory: exit 2, one line', () => {
    const dir = fixtures({ 'out/keep': '' });
    const r = cli(['--output-file', 'out', 'bad.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expectOneLine(r.stderr);
    expect(r.stderr).toMatch(/^gia-lint: 无法写入输出文件 .*out（EISDIR）\n$/);
  });
});

describe('configuration', () => {
  test('a bad .gianrc: exit 2, one line naming the file, key and expected value', () => {
    const r = cli(['bad.md'], { cwd: fixtures({ '.gianrc': { rules: { 'table-sum': ['error', { nope: 1 }], 'statistics-period': 'on' } } }) });
    expect(r.code).toBe(2);
    expectOneLine(r.stderr);
    expect(r.stderr).toBe('gia-lint: 配置文件 .gianrc 无效：rules.table-sum[1].nope 是不允许的键\n');
    expect(r.stdout).toBe('');
  });

  test('an unknown rule, in English with --locale en', () => {
    const r = cli(['--locale', 'en', 'bad.md'], { cwd: fixtures({ '.gianrc.json': { rules: { 'no-such-rule': 'warn' } } }) });
    expect(r.code).toBe(2);
    expectOneLine(r.stderr);
    expect(r.stderr).toMatch(
      /^gia-lint: Invalid config \.gianrc\.json: rules\.no-such-rule is an unknown rule "no-such-rule" \(available rules: .*table-sum.*\)\n$/,
    );
  });

  test('invalid JSON: line and column', () => {
    const r = cli(['bad.md'], { cwd: fixtures({ '.gianrc': '{\n  "year": 2024\n  "locale": "en"\n}' }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('gia-lint: 配置文件 .gianrc 不是有效的 JSON：第 3 行第 3 列，此处应为逗号\n');
  });

  test('--no-config ignores a broken .gianrc; --config uses another file', () => {
    const dir = fixtures({ '.gianrc': '{broken', 'off.json': { rules: { 'statistics-period': 'off' } } });
    expect(cli(['--no-config', 'good.md'], { cwd: dir }).code).toBe(0);
    expect(cli(['--no-config', 'bad.md'], { cwd: dir }).code).toBe(1);
    expect(cli(['--config', 'off.json', 'bad.md'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(cli(['bad.md'], { cwd: dir }).code).toBe(2);
  });

  test('locale from the config; --locale wins over it', () => {
    const dir = fixtures({ '.gianrc': { locale: 'en' } });
    expect(cli(['bad.md'], { cwd: dir }).stdout).toContain('✖ 1 problem (1 error, 0 warnings)');
    expect(cli(['--locale', 'zh-CN', 'bad.md'], { cwd: dir }).stdout).toContain('✖ 1 个问题（1 个错误，0 个警告）');
  });

  test('--print-config prints the resolved config as JSON', () => {
    const dir = fixtures({ 'sub/.gianrc': { agencyKind: 'department', rules: { 'table-sum': ['warn', {}] } } });
    const r = cli(['--print-config', 'sub/x.md', '--year', '2022'], { cwd: dir });
    expect(r.code).toBe(0);
    const config = JSON.parse(r.stdout) as {
      locale: string;
      year: number;
      agencyKind: string;
      rules: Record<string, { severity: number; options: Record<string, unknown> }>;
    };
    expect(config).toMatchObject({ locale: 'zh-CN', year: 2022, agencyKind: 'department' });
    // Led by where it came from: the default, the config file found for sub/x.md, the command line.
    expect((config as unknown as { sources: unknown }).sources).toEqual([
      { kind: 'default', name: 'gia-lint:recommended' },
      { kind: 'file', name: path.join('sub', '.gianrc'), path: path.join(dir, 'sub', '.gianrc') },
      { kind: 'options', name: 'overrideConfig' },
    ]);
    expect(Object.keys(config.rules).sort()).toEqual([...builtinRules.keys()].sort());
    expect(config.rules['table-sum'].severity).toBe(1);
    expect(config.rules['required-sections'].severity).toBe(2);
    // Options shown are the effective ones: the rule's defaults under the configured ones.
    expect(config.rules['required-sections'].options).toEqual(builtinRules.get('required-sections')!.meta.defaultOptions);
  });

  test('--year is passed to the engine', () => {
    // The good 2024 report checked as a 2023 report has a mismatching 统计期限.
    const r = cli(['--year', '2023', 'good.md'], { cwd: fixtures() });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('statistics-period');
  });
});

describe('warnings', () => {
  // statistics-period turned into a warning by the config, so bad.md has exactly one warning.
  const warnDir = () => fixtures({ '.gianrc': { rules: { 'statistics-period': 'warn' } } });

  test('warnings alone exit 0', () => {
    const r = cli(['bad.md'], { cwd: warnDir() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✖ 1 个问题（0 个错误，1 个警告）');
  });

  test('--max-warnings: more than n → exit 1 with a message; n or fewer → 0', () => {
    const dir = warnDir();
    const over = cli(['--max-warnings', '0', 'bad.md'], { cwd: dir });
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('gia-lint: 警告过多：1 个，上限为 0 个（--max-warnings）\n');
    expect(cli(['--max-warnings', '1', 'bad.md'], { cwd: dir }).code).toBe(0);
    expect(cli(['--max-warnings', '-1', 'bad.md'], { cwd: dir }).code).toBe(0);
  });

  test('--quiet hides warnings (and they no longer count for --max-warnings)', () => {
    const dir = warnDir();
    expect(cli(['--quiet', 'bad.md'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(cli(['--quiet', '--max-warnings', '0', 'bad.md'], { cwd: dir }).code).toBe(0);
    // Errors are still shown.
    const errors = cli(['--quiet', 'bad.md'], { cwd: fixtures() });
    expect(errors.code).toBe(1);
    expect(errors.stdout).toContain('statistics-period');
  });
});

describe('stdin', () => {
  test('--stdin lints the input; without a file name the result is "<text>"', () => {
    const r = cli(['--stdin'], { cwd: tempTree(), input: BAD });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^\n<text>\n/);
    expect(cli(['--stdin'], { cwd: tempTree(), input: GOOD }).code).toBe(0);
  });

  test('--stdin-filename picks the config by its directory and names the result', () => {
    const dir = tempTree({ 'dept/.gianrc': { rules: { 'statistics-period': 'warn' } } });
    const r = cli(['--stdin', '--stdin-filename', 'dept/draft.md'], { cwd: dir, input: BAD });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\ndept\/draft\.md\n.*警告/);
  });

  test('GB18030 bytes on stdin are decoded', () => {
    const r = cli(['--stdin', '--format', 'json'], { cwd: tempTree(), input: iconv.encode(BAD, 'gb18030') });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)[0].messages[0].ruleId).toBe('statistics-period');
  });

  test('empty stdin: nothing could be linted', () => {
    const r = cli(['--stdin'], { cwd: tempTree(), input: '' });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('文件为空');
  });
});

describe('colour', () => {
  test('piped output has no colour; FORCE_COLOR=1 forces it; NO_COLOR and FORCE_COLOR=0 disable it', () => {
    const dir = fixtures();
    const ESC = '\u001b[';
    expect(cli(['bad.md'], { cwd: dir }).stdout).not.toContain(ESC);
    expect(cli(['bad.md'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout).toContain(`${ESC}31m错误`);
    expect(cli(['bad.md'], { cwd: dir, env: { NO_COLOR: '1' } }).stdout).not.toContain(ESC);
    expect(cli(['bad.md'], { cwd: dir, env: { FORCE_COLOR: '0' } }).stdout).not.toContain(ESC);
    expect(cli(['bad.md'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).toContain(ESC);
  });
});

test('a reader that closes the pipe early gets no stack trace (EPIPE)', async () => {
  const dir = fixtures();
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  const child = spawn(process.execPath, [BIN, 'bad.md'], { cwd: dir, env });
  // Close our end before the CLI writes anything, as `gia-lint … | head -0` would.
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(stderr).toBe('');
  expect(code).toBe(1);
});
