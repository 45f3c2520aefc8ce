import { afterAll, describe, expect, test } from '@jest/globals';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lintFiles } from '../../src/api.js';
import { lintFilesBatch, workerCount } from '../../src/batch/index.js';
import { loadConfig } from '../../src/config/load.js';
import { UsageError } from '../../src/config/errors.js';
import { initConfigText, runInit } from '../../src/cli/init.js';
import { Progress } from '../../src/cli/progress.js';
import { removeTempTrees, tempTree } from '../config/tmp.js';
import { runCli, type CliRun } from '../support/cli.js';
import { spawnCli } from '../support/spawn-cli.js';
import { generateReport } from '../support/generate.js';

afterAll(removeTempTrees);

const GOOD = generateReport({ year: 2024, format: 'md' });
const BAD = GOOD.replace('统计期限自2024年1月1日起至2024年12月31日止', '统计期限自2023年1月1日起至2023年12月31日止');

/** A small batch: good and bad reports in all three generated formats, some in sub-folders. */
function corpus(extra: Record<string, string | object> = {}) {
  const files: Record<string, string | object> = { ...extra };
  for (let i = 0; i < 30; i++) {
    const format = (['md', 'txt-tsv', 'txt-pipe'] as const)[i % 3];
    let text = generateReport({ year: 2019 + (i % 6), format, seed: i + 1 });
    if (i % 4 === 0) text = text.replace(/统计期限自(\d{4})年/, (_, y: string) => `统计期限自${Number(y) - 1}年`);
    files[`${i % 2 ? 'sub/' : ''}r${String(i).padStart(2, '0')}.${format === 'md' ? 'md' : 'txt'}`] = text;
  }
  return tempTree(files);
}

/** The CLI in-process (exit codes, outputs and messages as the bin gives them; test/cli/cli.test.ts spawns it). */
const cli = (args: string[], cwd: string) => runCli(args, { cwd });

describe('worker threads', () => {
  test('results identical to serial lintFiles, in the same order, with 1, 2 and 3 workers', async () => {
    const dir = corpus();
    const serial = await lintFiles(['.'], { cwd: dir });
    expect(serial.some((r) => r.errorCount > 0)).toBe(true);
    for (const concurrency of [1, 2, 3]) {
      const { results, stats } = await lintFilesBatch(['.'], { cwd: dir, concurrency });
      expect(stats.workers).toBe(concurrency);
      expect(results).toEqual(serial);
    }
  }, 60_000);

  test("'auto' stays in the main thread for a few files and uses the idle CPUs for many", () => {
    expect(workerCount('auto', 5)).toBe(1);
    expect(workerCount('auto', 1000)).toBeGreaterThanOrEqual(1);
    // One worker per two CPUs: V8's helper threads use the other one.
    expect(workerCount('auto', 1000, 2, 0)).toBe(1);
    expect(workerCount('auto', 1000, 8, 0)).toBe(4);
    expect(workerCount('auto', 48, 8, 0)).toBe(2); // 24 files per worker at least
    // Only the cores other processes leave idle count: a busy machine gets fewer workers, a saturated one none.
    expect(workerCount('auto', 1000, 8, 3.5)).toBe(2);
    expect(workerCount('auto', 1000, 8, 8)).toBe(1);
    expect(workerCount('auto', 1000, 8, 20)).toBe(1);
    expect(workerCount(8, 3)).toBe(3);
  });

  test('a config error inside a worker is still a one-line usage-class error (exit 2)', async () => {
    const dir = corpus({ 'sub/.gianrc': { rules: { 'table-sum': 'loud' } } });
    await expect(lintFilesBatch(['.'], { cwd: dir, concurrency: 2 })).rejects.toMatchObject({ name: 'ConfigError', exitCode: 2 });
    const r = await cli(['--concurrency', '2', '.'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  }, 60_000);
});

describe('.gianignore', () => {
  test('gitignore syntax: directories, globs, negation; --no-ignore lints everything', async () => {
    const dir = corpus({ '.gianignore': '# drafts\nsub/\n*.txt\n!r02.txt\n' });
    const { results, stats } = await lintFilesBatch(['.'], { cwd: dir });
    const names = results.map((r) => path.relative(dir, r.filePath));
    expect(names).toEqual(['r00.md', 'r02.txt', 'r06.md', 'r12.md', 'r18.md', 'r24.md']);
    expect(stats.ignored).toBe(24);
    expect((await lintFilesBatch(['.'], { cwd: dir, ignore: false })).results).toHaveLength(30);
    const r = await cli(['--no-ignore', '-f', 'json', '.'], dir);
    expect(JSON.parse(r.stdout)).toHaveLength(30);
  });

  test('everything ignored is a usage error', async () => {
    const dir = corpus({ '.gianignore': '*\n' });
    await expect(lintFilesBatch(['.'], { cwd: dir })).rejects.toThrow(UsageError);
    const r = await cli(['.'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.gianignore');
  });
});

describe('cache', () => {
  test('a second run takes every result from the cache and gives the same results', async () => {
    const dir = corpus();
    const first = await lintFilesBatch(['.'], { cwd: dir, cache: true });
    expect(first.stats.cached).toBe(0);
    expect(existsSync(path.join(dir, '.gianlintcache'))).toBe(true);
    const second = await lintFilesBatch(['.'], { cwd: dir, cache: true, concurrency: 2 });
    expect(second.stats.cached).toBe(30);
    expect(second.results).toEqual(first.results);
  }, 60_000);

  test('invalidated by content and by config, per file; --cache-location as a file or a directory', async () => {
    const dir = corpus();
    const opts = { cwd: dir, cache: true, cacheLocation: 'out/cache/' };
    await lintFilesBatch(['.'], opts);
    expect(existsSync(path.join(dir, 'out/cache/.gianlintcache'))).toBe(true);

    // Content: the changed file is linted again, and its new result is the fresh one.
    writeFileSync(path.join(dir, 'r00.md'), BAD);
    let run = await lintFilesBatch(['.'], opts);
    expect(run.stats.cached).toBe(29);
    expect(run.results.find((r) => r.filePath.endsWith('r00.md'))!.messages.map((m) => m.ruleId)).toEqual(['statistics-period']);

    // Config: a .gianrc in sub/ changes the resolved config of the 15 files below it only.
    writeFileSync(path.join(dir, 'sub/.gianrc'), JSON.stringify({ rules: { 'statistics-period': 'off' } }));
    run = await lintFilesBatch(['.'], opts);
    expect(run.stats.cached).toBe(15);
    expect(
      run.results.filter((r) => r.filePath.includes(`${path.sep}sub${path.sep}`)).every((r) => r.messages.every((m) => m.ruleId !== 'statistics-period')),
    ).toBe(true);

    // A cache file location.
    await lintFilesBatch(['.'], { cwd: dir, cache: true, cacheLocation: 'c.json' });
    expect((await lintFilesBatch(['.'], { cwd: dir, cache: true, cacheLocation: 'c.json' })).stats.cached).toBe(30);
  }, 60_000);

  test('a corrupt or foreign cache file is ignored and replaced', async () => {
    const dir = corpus({ '.gianlintcache': '{"gianLintCache":1,"build":"other","entries":{}}' });
    expect((await lintFilesBatch(['.'], { cwd: dir, cache: true })).stats.cached).toBe(0);
    writeFileSync(path.join(dir, '.gianlintcache'), '{ not json');
    expect((await lintFilesBatch(['.'], { cwd: dir, cache: true })).stats.cached).toBe(0);
    expect((await lintFilesBatch(['.'], { cwd: dir, cache: true })).stats.cached).toBe(30);
  }, 60_000);

  test('the html format gets the text even from cached results', async () => {
    const dir = corpus();
    await lintFilesBatch(['.'], { cwd: dir, cache: true });
    const withText = await lintFilesBatch(['.'], { cwd: dir, cache: true, includeSource: true });
    expect(withText.stats.cached).toBe(0); // entries without text are no use here
    expect(withText.results.every((r) => typeof r.source === 'string')).toBe(true);
    const again = await lintFilesBatch(['.'], { cwd: dir, cache: true, includeSource: true });
    expect(again.stats.cached).toBe(30);
    expect(again.results).toEqual(withText.results);
    const plain = await lintFilesBatch(['.'], { cwd: dir, cache: true });
    expect(plain.results.every((r) => r.source === undefined)).toBe(true);
  }, 60_000);
});

describe('CLI: outputs, exit codes, progress', () => {
  test('several outputs in one run; parent folders created; no temp files left', async () => {
    const dir = corpus();
    const r = await cli(['-f', 'sarif:out/a/r.sarif', '-f', 'junit:out/b/r.xml', '-f', 'html:out/r.html', '-f', 'compact', '.'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/problems?\n$/);
    expect(JSON.parse(readFileSync(path.join(dir, 'out/a/r.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(readFileSync(path.join(dir, 'out/b/r.xml'), 'utf8')).toContain('<testsuites');
    expect(readFileSync(path.join(dir, 'out/r.html'), 'utf8')).toContain('<mark class="error"');
    expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(['a', 'b', 'r.html']);
    expect(r.stderr).toBe('');
  }, 60_000);

  test('two outputs to one stream is a usage error', async () => {
    const dir = corpus();
    expect((await cli(['-f', 'json', '-f', 'stylish', '.'], dir)).code).toBe(2);
    const r = await cli(['-f', 'json', '-f', 'unix', '-o', 'x', '.'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--output-file');
  });

  test.each(['stylish', 'json', 'compact', 'unix', 'checkstyle', 'junit', 'sarif', 'github', 'html'])(
    'exit codes and --max-warnings are the same with %s',
    async (format) => {
      const dir = tempTree({ 'bad.md': BAD, 'good.md': GOOD, 'warn/.gianrc': { rules: { 'statistics-period': 'warn' } }, 'warn/w.md': BAD });
      expect((await cli(['-f', format, 'good.md'], dir)).code).toBe(0);
      expect((await cli(['-f', format, 'bad.md'], dir)).code).toBe(1);
      expect((await cli(['-f', format, 'warn/w.md'], dir)).code).toBe(0);
      expect((await cli(['-f', format, '--max-warnings', '0', 'warn/w.md'], dir)).code).toBe(1);
      expect((await cli(['-f', format, '--max-warnings', '1', 'warn/w.md'], dir)).code).toBe(0);
      expect((await cli(['-f', `${format}:o/r.out`, 'bad.md'], dir)).code).toBe(1);
    },
    60_000,
  );

  test('a failing output file leaves no partial file and exits 2', async () => {
    const dir = tempTree({ 'bad.md': BAD, blocker: 'a file where a folder is needed' });
    const r = await cli(['-f', 'html:blocker/r.html', 'bad.md'], dir);
    expect(r.code).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(['bad.md', 'blocker']);
  });

  test('--concurrency and --cache from the command line; bad values are usage errors', async () => {
    const dir = corpus();
    // Spawned: the worker threads of the bundled bin, and the cache file they write.
    const a = spawnCli(['-f', 'json', '--concurrency', '2', '--cache', '.'], { cwd: dir });
    const b = await cli(['-f', 'json', '--concurrency', '1', '--cache', '.'], dir);
    expect(b.stdout).toBe(a.stdout);
    expect(existsSync(path.join(dir, '.gianlintcache'))).toBe(true);
    expect((await cli(['--concurrency', '0', '.'], dir)).code).toBe(2);
    expect((await cli(['--concurrency', 'many', '.'], dir)).code).toBe(2);
  }, 60_000);

  test('progress is drawn only after a delay, erased at the end, and never without a TTY', async () => {
    let out = '';
    const p = new Progress({ write: (s: string) => (out += s) }, 'zh-CN', 0);
    p.update(1, 10);
    p.update(10, 10);
    p.clear();
    expect(out).toContain('正在检查 1/10 个文件（10%）');
    expect(out).toContain('10/10');
    expect(out.endsWith('\r\x1b[K')).toBe(true);
    const quiet = new Progress({ write: (s: string) => (out += s) }, 'en', 60_000);
    out = '';
    quiet.update(1, 10);
    quiet.clear();
    expect(out).toBe('');
    // No TTY (as with pipes; test/cli/cli.test.ts spawns the bin): stderr stays empty even for a long run.
    const dir = corpus();
    expect((await cli(['-f', 'json', '.'], dir)).stderr).toBe('');
  }, 60_000);
});

describe('--init', () => {
  const io = (cwd: string, answers?: string[]) => {
    let out = '';
    // eslint-disable-next-line @typescript-eslint/require-await -- stdin is an async iterable, here of the typed answers.
    async function* input() {
      for (const a of answers ?? []) yield `${a}\n`;
    }
    const stdin = Object.assign(input(), { isTTY: answers !== undefined });
    return { io: { stdout: { write: (s: string) => (out += s) }, stdin, cwd }, out: () => out };
  };

  test('the generated file is a valid config with the chosen settings, for every preset', async () => {
    for (const preset of ['recommended', 'strict']) {
      const dir = tempTree({ '.gianrc': initConfigText({ agencyKind: 'government', locale: 'en', preset }) });
      const cfg = await loadConfig(path.join(dir, '.gianrc'));
      expect(cfg).toMatchObject({ locale: 'en', agencyKind: 'government' });
    }
  });

  test('non-interactive with flags; refuses to overwrite without --force', async () => {
    const dir = tempTree();
    let r: CliRun = spawnCli(['--init', '--agency-kind', 'department', '--preset', 'strict'], { cwd: dir });
    expect(r.code).toBe(0);
    const text = readFileSync(path.join(dir, '.gianrc'), 'utf8');
    expect(text).toContain('"extends": "gia-lint:strict"');
    expect(text).toContain('"agencyKind": "department"');
    expect(text).toMatch(/^\s*\/\/ "table-sum": "error",?$/m);
    r = await cli(['--init', '--agency-kind', 'government'], dir);
    expect(r.code).toBe(2);
    expect(readFileSync(path.join(dir, '.gianrc'), 'utf8')).toBe(text);
    r = await cli(['--init', '--agency-kind', 'government', '--force'], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(dir, '.gianrc'), 'utf8')).toContain('"agencyKind": "government"');
    expect((await cli(['--init', 'a.md'], dir)).code).toBe(2);
    expect((await cli(['--agency-kind', 'department', 'a.md'], dir)).code).toBe(2);
    // The written config works for linting.
    writeFileSync(path.join(dir, 'good.md'), GOOD);
    expect((await cli(['good.md'], dir)).code).toBe(0);
  });

  test('interactive on a TTY: asks kind, language and preset; asks before overwriting', async () => {
    const dir = tempTree();
    const a = io(dir, ['2', '2', '']);
    expect(await runInit({ force: false }, a.io, 'zh-CN')).toBe(0);
    expect(a.out()).toContain('发布机关类别');
    const text = readFileSync(path.join(dir, '.gianrc'), 'utf8');
    expect(text).toContain('"agencyKind": "government"');
    expect(text).toContain('"locale": "en"');
    expect(text).toContain('"extends": "gia-lint:recommended"');

    const no = io(dir, ['n']);
    expect(await runInit({ force: false, agencyKind: 'department' }, no.io, 'zh-CN')).toBe(0);
    expect(no.out()).toContain('未写入任何文件');
    expect(readFileSync(path.join(dir, '.gianrc'), 'utf8')).toBe(text);

    const yes = io(dir, ['y', '1', '1', '2']);
    expect(await runInit({ force: false }, yes.io, 'zh-CN')).toBe(0);
    expect(readFileSync(path.join(dir, '.gianrc'), 'utf8')).toContain('"extends": "gia-lint:strict"');
  });
});
