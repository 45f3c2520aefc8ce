/**
 * Reading inputs and writing --fix output (src/io/): only regular files are read, with the size
 * cap enforced while reading; --fix keeps symlinks, hard links, mode and owner, refuses read-only
 * files, fsyncs, and cleans up temp files a killed run left behind.
 */
import { afterAll, describe, expect, jest, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, linkSync, lstatSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { readRegularFile } from '../../src/io/read-file.js';
import { STALE_TEMP_MS, removeStaleTemps, writeFileSafely } from '../../src/io/write-file.js';
import { removeTempTrees, tempTree } from '../config/tmp.js';
import { generateReport } from '../support/generate.js';
import { spawnCli } from '../support/spawn-cli.js';

const GOOD = generateReport({ year: 2024, format: 'md' });
const BAD = GOOD.replace('统计期限自2024年1月1日起至2024年12月31日止', '统计期限自2023年1月1日起至2023年12月31日止');
const isRoot = process.getuid?.() === 0;

afterAll(removeTempTrees);
jest.setTimeout(60_000);

const cli = (args: string[], cwd: string) => spawnCli(args, { cwd, env: { FORCE_COLOR: '0' }, timeout: 50_000 });

describe('reading: regular files only, bounded', () => {
  test('a regular file is read whole', async () => {
    const dir = tempTree({ 'a.txt': 'abc' });
    expect(await readRegularFile(path.join(dir, 'a.txt'), 10)).toEqual({ ok: true, bytes: Buffer.from('abc') });
  });

  test('a file larger than a read chunk, and one that states no size (/proc), are read whole', async () => {
    const big = '报告正文。'.repeat(30_000);
    const dir = tempTree({ 'big.md': big });
    const read = await readRegularFile(path.join(dir, 'big.md'), 1_000_000);
    expect(read.ok && read.bytes.equals(Buffer.from(big))).toBe(true);
    const status = await readRegularFile('/proc/self/status', 1_000_000);
    expect(status.ok && status.bytes.toString()).toMatch(/^Name:[\s\S]*\nPid:[\s\S]*\n$/);
  });

  test('special files are refused without blocking: FIFO, character device, directory, socket', async () => {
    const dir = tempTree();
    const fifo = path.join(dir, 'pipe.md');
    execFileSync('mkfifo', [fifo]);
    symlinkSync('/dev/urandom', path.join(dir, 'random.md'));
    expect(await readRegularFile(fifo, 1000)).toEqual({ ok: false, reason: 'notRegular', kind: 'fifo' });
    expect(await readRegularFile(path.join(dir, 'random.md'), 1000)).toEqual({ ok: false, reason: 'notRegular', kind: 'characterDevice' });
    expect(await readRegularFile(dir, 1000)).toEqual({ ok: false, reason: 'notRegular', kind: 'directory' });
    const sock = path.join(dir, 's.md');
    const server = net.createServer().listen(sock);
    await new Promise((r) => server.once('listening', r));
    try {
      expect(await readRegularFile(sock, 1000)).toEqual({ ok: false, reason: 'notRegular', kind: 'socket' });
    } finally {
      server.close();
    }
    expect(await readRegularFile(path.join(dir, 'none.md'), 1000)).toEqual({ ok: false, reason: 'notFound' });
  });

  test('the size cap holds while reading, not only by the size stat reports', async () => {
    // /proc files report size 0 and are longer.
    const r = await readRegularFile('/proc/self/status', 10);
    expect(r).toEqual({ ok: false, reason: 'tooLarge', size: 11 });
  });

  test('CLI: a FIFO alone exits 2; beside a report, a FIFO and a /dev/urandom link are one fatal each and the report is linted', () => {
    const dir = tempTree({ 'good.md': GOOD });
    execFileSync('mkfifo', [path.join(dir, 'pipe.md')]);
    symlinkSync('/dev/urandom', path.join(dir, 'random.md'));
    const alone = cli(['pipe.md'], dir);
    expect([alone.signal, alone.code]).toEqual([null, 2]);
    const r = cli(['-f', 'json', 'pipe.md', 'random.md', 'good.md'], dir);
    expect(r.signal).toBeNull();
    // Fatal file problems count as errors (exit 1) while something else could be linted (README, Exit codes).
    expect(r.code).toBe(1);
    const results = JSON.parse(r.stdout) as { filePath: string; messages: { fatal?: boolean; message: string }[] }[];
    const byName = Object.fromEntries(results.map((x) => [path.basename(x.filePath), x.messages]));
    expect(byName['pipe.md']).toEqual([expect.objectContaining({ fatal: true, message: '不是普通文件（命名管道（FIFO）），只检查普通文件' })]);
    expect(byName['random.md']).toEqual([expect.objectContaining({ fatal: true, message: '不是普通文件（字符设备），只检查普通文件' })]);
    expect(byName['good.md']).toEqual([]);
  });
});

describe('--fix writing', () => {
  test('a symlink: the target is fixed, the link stays a link', () => {
    const dir = tempTree({ 'real/bad.md': BAD });
    symlinkSync(path.join('real', 'bad.md'), path.join(dir, 'link.md'));
    expect(cli(['--fix', 'link.md'], dir).code).toBe(0);
    expect(lstatSync(path.join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path.join(dir, 'link.md'))).toBe(path.join('real', 'bad.md'));
    expect(readFileSync(path.join(dir, 'real', 'bad.md'), 'utf8')).toBe(GOOD);
  });

  test('hard links stay one file', () => {
    const dir = tempTree({ 'bad.md': BAD });
    linkSync(path.join(dir, 'bad.md'), path.join(dir, 'other-name.md'));
    expect(cli(['--fix', 'bad.md'], dir).code).toBe(0);
    expect(statSync(path.join(dir, 'bad.md')).nlink).toBe(2);
    expect(readFileSync(path.join(dir, 'other-name.md'), 'utf8')).toBe(GOOD);
    expect(readdirSync(dir).sort()).toEqual(['bad.md', 'other-name.md']);
  });

  test('a read-only file is refused with a message (also for root), other files are still fixed', () => {
    const dir = tempTree({ 'locked.md': BAD, 'open.md': BAD });
    chmodSync(path.join(dir, 'locked.md'), 0o444);
    const r = cli(['--fix', 'locked.md', 'open.md'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`未修复 ${path.join(dir, 'locked.md')}：文件是只读的`);
    expect(readFileSync(path.join(dir, 'locked.md'), 'utf8')).toBe(BAD);
    expect(statSync(path.join(dir, 'locked.md')).mode & 0o777).toBe(0o444);
    expect(readFileSync(path.join(dir, 'open.md'), 'utf8')).toBe(GOOD);
  });

  test('mode and owner are kept', async () => {
    const dir = tempTree({ 'a.md': 'old' });
    const file = path.join(dir, 'a.md');
    chmodSync(file, 0o600);
    if (isRoot) chownSync(file, 4321, 4322);
    await writeFileSafely(file, 'new');
    const st = statSync(file);
    expect(st.mode & 0o7777).toBe(0o600);
    if (isRoot) expect([st.uid, st.gid]).toEqual([4321, 4322]);
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['a.md']);
  });

  test("temp files of a killed run are removed on the next write; a live writer's recent one is kept", async () => {
    const dir = tempTree({ 'a.md': 'old' });
    const file = path.join(dir, 'a.md');
    const dead = path.join(dir, '.a.md.gia-lint-999999999-dead.tmp');
    const old = path.join(dir, `.a.md.gia-lint-${process.pid}-old.tmp`);
    const live = path.join(dir, `.a.md.gia-lint-${process.pid}-live.tmp`);
    const foreign = path.join(dir, '.a.md.12345.67890.tmp');
    for (const f of [dead, old, live, foreign]) writeFileSync(f, 'partial');
    const longAgo = new Date(Date.now() - STALE_TEMP_MS - 60_000);
    utimesSync(old, longAgo, longAgo);
    await writeFileSafely(file, 'new');
    expect(readdirSync(dir).sort()).toEqual([path.basename(foreign), path.basename(live), 'a.md'].sort());
    expect(await removeStaleTemps(file)).toEqual([]);
  });
});
