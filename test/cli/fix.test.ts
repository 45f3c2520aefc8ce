import { afterAll, describe, expect, test } from '@jest/globals';
import { chmodSync, readFileSync, readdirSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { lintFiles, lintText, outputFixes } from '../../src/api.js';
import { removeTempTrees, tempTree } from '../config/tmp.js';
import { runCli } from '../support/cli.js';
import { spawnCli } from '../support/spawn-cli.js';
import { generateReport } from '../support/generate.js';

/**
 * --fix / --fix-dry-run on the command line (in-process; the first test spawns the bin), real rules, and the API underneath.
 * BAD is a correct generated report whose 统计期限 names the wrong year: one statistics-period
 * error with a fix, after which the text is exactly GOOD again.
 */
const GOOD = generateReport({ year: 2024, format: 'md' });
const BAD = GOOD.replace('统计期限自2024年1月1日起至2024年12月31日止', '统计期限自2023年1月1日起至2023年12月31日止');
const GOOD_TXT = generateReport({ year: 2024, format: 'txt-tsv' });
const BAD_TXT = GOOD_TXT.replace('统计期限自2024年1月1日起至2024年12月31日止', '统计期限自2023年1月1日起至2023年12月31日止');

afterAll(removeTempTrees);

const cli = (args: string[], cwd: string, input = '') => runCli(args, { cwd, input });

test('the fixtures are what the tests assume', () => {
  expect(BAD).not.toBe(GOOD);
  expect(BAD_TXT).not.toBe(GOOD_TXT);
});

describe('--fix', () => {
  test('writes the fixed text; remaining problems are those of the fixed file', () => {
    const dir = tempTree({ 'bad.md': BAD, 'bad.txt': BAD_TXT });
    const r = spawnCli(['--fix', 'bad.md', 'bad.txt'], { cwd: dir });
    expect({ ...r, signal: undefined }).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(path.join(dir, 'bad.md'), 'utf8')).toBe(GOOD);
    expect(readFileSync(path.join(dir, 'bad.txt'), 'utf8')).toBe(GOOD_TXT);
  });

  test('atomically: no temp file is left beside it, and the file keeps its permissions', async () => {
    const dir = tempTree({ 'bad.md': BAD });
    chmodSync(path.join(dir, 'bad.md'), 0o640);
    expect((await cli(['--fix', 'bad.md'], dir)).code).toBe(0);
    expect(readdirSync(dir)).toEqual(['bad.md']);
    expect(statSync(path.join(dir, 'bad.md')).mode & 0o777).toBe(0o640);
  });

  test('a file with nothing to fix is not written at all', async () => {
    const dir = tempTree({ 'good.md': GOOD });
    const file = path.join(dir, 'good.md');
    const past = new Date('2020-01-01T00:00:00Z');
    utimesSync(file, past, past);
    expect((await cli(['--fix', 'good.md'], dir)).code).toBe(0);
    expect(statSync(file).mtimeMs).toBe(past.getTime());
  });

  test('the file keeps its encoding: GBK stays GBK, a UTF-8 BOM stays', async () => {
    const dir = tempTree({
      'gbk.txt': iconv.encode(BAD_TXT, 'gbk'),
      'bom.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(BAD)]),
    });
    expect((await cli(['--fix', 'gbk.txt', 'bom.md'], dir)).code).toBe(0);
    expect(readFileSync(path.join(dir, 'gbk.txt')).equals(iconv.encode(GOOD_TXT, 'gbk'))).toBe(true);
    expect(readFileSync(path.join(dir, 'bom.md')).equals(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(GOOD)]))).toBe(true);
  });

  test('without --fix nothing is written, and stylish says what --fix could fix', async () => {
    const dir = tempTree({ 'bad.md': BAD });
    const r = await cli(['bad.md'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('其中 1 个错误和 0 个警告可使用 --fix 选项自动修复。');
    expect((await cli(['--locale', 'en', 'bad.md'], dir)).stdout).toContain('1 error and 0 warnings potentially fixable with the `--fix` option.');
    expect(readFileSync(path.join(dir, 'bad.md'), 'utf8')).toBe(BAD);
  });
});

describe('--fix-dry-run', () => {
  test('json results carry output; the file is untouched', async () => {
    const dir = tempTree({ 'bad.md': BAD, 'good.md': GOOD });
    const r = await cli(['--fix-dry-run', '-f', 'json', 'bad.md', 'good.md'], dir);
    expect(r.code).toBe(0);
    const [bad, good] = JSON.parse(r.stdout) as { output?: string; messages: unknown[] }[];
    expect(bad.output).toBe(GOOD);
    expect(bad.messages).toEqual([]);
    expect(good).not.toHaveProperty('output');
    expect(readFileSync(path.join(dir, 'bad.md'), 'utf8')).toBe(BAD);
  });

  test('works on stdin', async () => {
    const r = await cli(['--stdin', '--stdin-filename', 'x.md', '--fix-dry-run', '-f', 'json'], tempTree(), BAD);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0].output).toBe(GOOD);
  });
});

describe('usage errors', () => {
  test('--fix with stdin, and --fix with --fix-dry-run', async () => {
    const dir = tempTree({ 'bad.md': BAD });
    expect(await cli(['--stdin', '--fix'], dir, BAD)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'gia-lint: --fix 不能用于标准输入的内容，请改用 --fix-dry-run。运行 gia-lint --help 查看用法。\n',
    });
    expect((await cli(['--fix', '--fix-dry-run', 'bad.md'], dir)).stderr).toBe(
      'gia-lint: --fix 和 --fix-dry-run 不能同时使用。运行 gia-lint --help 查看用法。\n',
    );
    expect(readFileSync(path.join(dir, 'bad.md'), 'utf8')).toBe(BAD);
  });
});

describe('API', () => {
  test('lintText with fix: output only when changed; outputFixes skips text without a file', async () => {
    const fixed = await lintText(BAD, { filePath: 'x.md', useConfigFile: false, fix: true });
    expect(fixed.output).toBe(GOOD);
    expect(fixed.messages).toEqual([]);
    expect((await lintText(GOOD, { filePath: 'x.md', useConfigFile: false, fix: true })).output).toBeUndefined();
    expect((await lintText(BAD, { filePath: 'x.md', useConfigFile: false })).output).toBeUndefined();
    expect(await outputFixes([{ ...fixed, filePath: '<text>' }])).toEqual([]);
  });

  test('a fix predicate limits the fixes (the CLI passes errors only with --quiet)', async () => {
    const none = await lintText(BAD, { filePath: 'x.md', useConfigFile: false, fix: (m) => m.severity === 1 });
    expect(none.output).toBeUndefined();
    expect(none.fixableErrorCount).toBe(1);
  });

  test('lintFiles + outputFixes writes exactly the changed files', async () => {
    const dir = tempTree({ 'a/bad.md': BAD, 'a/good.md': GOOD });
    const results = await lintFiles(['a'], { cwd: dir, useConfigFile: false, fix: true });
    expect(await outputFixes(results)).toEqual([path.join(dir, 'a/bad.md')]);
    expect(readFileSync(path.join(dir, 'a/bad.md'), 'utf8')).toBe(GOOD);
  });

  test('a file that cannot be written is an error naming it', async () => {
    const dir = tempTree({ 'bad.md': BAD });
    const [r] = await lintFiles(['bad.md'], { cwd: dir, useConfigFile: false, fix: true });
    await expect(outputFixes([{ ...r, filePath: path.join(dir, 'missing-dir', 'x.md') }])).rejects.toThrow(/无法写入修复后的文件 .*x\.md/);
  });
});
