/**
 * --previous on the command line: a good file, a missing or unusable one (exit 2, one line), and
 * --print-config (in-process; the first test spawns the bin). What the API does with it: test/api/previous.test.ts.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import path from 'node:path';
import { removeTempTrees, tempTree } from '../config/tmp.js';
import { runCli } from '../support/cli.js';
import { spawnCli } from '../support/spawn-cli.js';
import { generateReport } from '../support/generate.js';

const THIS_YEAR = generateReport({ year: 2024, format: 'md' });
const LAST_YEAR = generateReport({ year: 2023, format: 'txt-tsv' });

afterAll(removeTempTrees);

const cli = (args: string[], cwd: string) => runCli(args, { cwd });

describe('CLI --previous', () => {
  test('a good previous file: linting goes on (the two generated years need not agree, so 0 or 1)', () => {
    const dir = tempTree({ 'r.md': THIS_YEAR, '2023.txt': LAST_YEAR });
    const r = spawnCli(['--previous', '2023.txt', '-f', 'json', 'r.md'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.code);
    expect(JSON.parse(r.stdout)[0].fatalErrorCount).toBe(0);
  });

  test('missing or unusable: exit 2, one line naming the path', async () => {
    const dir = tempTree({ 'r.md': THIS_YEAR, 'empty.txt': '' });
    expect(await cli(['--previous', 'nope.txt', 'r.md'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'gia-lint: --previous 指定的上一年度报告 nope.txt 不存在或不是文件。运行 gia-lint --help 查看用法。\n',
    });
    expect(await cli(['--previous', 'empty.txt', 'r.md'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'gia-lint: 无法使用上一年度报告 empty.txt：文件为空，没有可检查的内容\n',
    });
    expect((await cli(['--locale', 'en', '--previous', '.', 'r.md'], dir)).stderr).toBe(
      'gia-lint: The previous report given with --previous, ., does not exist or is not a file. Run "gia-lint --help" for usage.\n',
    );
  });

  test('--print-config shows it as an absolute path', async () => {
    const dir = tempTree({ '2023.txt': LAST_YEAR });
    const r = await cli(['--previous', '2023.txt', '--print-config', 'r.md'], dir);
    expect(JSON.parse(r.stdout).previous).toBe(path.join(dir, '2023.txt'));
  });
});
