/**
 * Whatever a user throws at gia-lint: every encoding a government file comes in, and inputs that
 * cannot be linted (empty, binary, too large, truncated, unreadable, missing). Each gets one clear
 * message, never a stack trace; the rest of the batch is linted; exit 2 only when nothing could be.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { lintBuffer, lintFiles } from '../../src/api.js';
import type { LintResult } from '../../src/engine/types.js';
import { runCli } from '../support/cli.js';
import { generateBytes, generateReport } from '../support/generate.js';
import { spawnCli } from '../support/spawn-cli.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'gia-inputs-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The CLI in-process; the unreadable-file test spawns it, to run as another user. */
const cli = (args: string[], input?: Buffer) => runCli(['--no-config', ...args], { cwd: dir, input });

const summary = (r: LintResult) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}/${m.messageId ?? ''}`);
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

// A 2024 report with a wrong period year: one finding to compare across encodings.
const report = generateReport({ year: 2024, seed: 5, format: 'txt-tsv', edits: [['2024年1月1日', '2023年1月1日']] });

describe('encodings', () => {
  const variants: [string, Buffer][] = [
    ['utf-8', Buffer.from(report, 'utf8')],
    ['utf-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(report, 'utf8')])],
    ['utf-16le with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(report, 'utf-16le')])],
    ['utf-16be with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(report, 'utf-16be')])],
    ['gb18030', iconv.encode(report, 'gb18030')],
    ['gbk', iconv.encode(report, 'gbk')],
  ];
  test('every encoding gives the same findings at the same positions', async () => {
    const expected = summary(await lintBuffer(variants[0][1], { filePath: 'r.txt', useConfigFile: false }));
    expect(expected.some((s) => s.includes('statistics-period/wrongYear'))).toBe(true);
    for (const [name, bytes] of variants) {
      const got = summary(await lintBuffer(bytes, { filePath: 'r.txt', useConfigFile: false }));
      expect({ name, got }).toEqual({ name, got: expected });
    }
  });

  test('--encoding forces one: right → linted, wrong → one fatal message naming it', async () => {
    const gbk = iconv.encode(report, 'gbk');
    expect(summary(await lintBuffer(gbk, { filePath: 'r.txt', encoding: 'gbk', useConfigFile: false }))).toContain(
      summary(await lintBuffer(Buffer.from(report), { filePath: 'r.txt', useConfigFile: false }))[0],
    );
    const wrong = await lintBuffer(gbk, { filePath: 'r.txt', encoding: 'utf-8', useConfigFile: false });
    expect(wrong.messages).toEqual([expect.objectContaining({ fatal: true, message: '无法按 utf-8 编码解码文件' })]);
  });

  test('bytes that are neither UTF-8 nor GB18030 are one fatal message', async () => {
    const r = await lintBuffer(Buffer.from([0x81, 0x20, 0xff, 0xfe, 0x80, 0x41, 0xff, 0x0a]), { filePath: 'x.txt', useConfigFile: false });
    expect(r.messages).toHaveLength(1);
    expect(r.messages[0]).toMatchObject({ fatal: true, line: 1, column: 1 });
    expect(r.messages[0].message).toMatch(/无法识别文件编码/);
  });

  test('CLI: --encoding gbk reads a GBK file; an unknown encoding name is a usage error (exit 2)', async () => {
    writeFileSync(path.join(dir, 'gbk.txt'), iconv.encode(report, 'gbk'));
    const ok = await cli(['--encoding', 'gbk', 'gbk.txt']);
    expect(ok.code).toBe(1);
    expect(ok.stdout).toContain('statistics-period');
    const bad = await cli(['--encoding', 'klingon', 'gbk.txt']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('klingon');
  });
});

describe('formats on the command line', () => {
  test('directories include .html/.htm/.docx; --ext chooses', async () => {
    const d = path.join(dir, 'mixed');
    mkdirSync(d, { recursive: true });
    writeFileSync(path.join(d, 'a.html'), generateReport({ year: 2024, seed: 1, format: 'html' }));
    writeFileSync(path.join(d, 'b.htm'), generateReport({ year: 2024, seed: 2, format: 'html' }));
    writeFileSync(path.join(d, 'c.docx'), await generateBytes({ year: 2024, seed: 3, format: 'docx' }));
    writeFileSync(path.join(d, 'd.txt'), generateReport({ year: 2024, seed: 4, format: 'txt-pdf' }));
    const all = await lintFiles([d], { useConfigFile: false });
    expect(all.map((r) => path.basename(r.filePath))).toEqual(['a.html', 'b.htm', 'c.docx', 'd.txt']);
    expect(all.every((r) => r.errorCount === 0)).toBe(true);
    const out = await cli(['--format', 'json', '--ext', '.docx,htm', 'mixed']);
    expect((JSON.parse(out.stdout) as LintResult[]).map((r) => path.basename(r.filePath))).toEqual(['b.htm', 'c.docx']);
    expect((await cli(['--ext', '*.md', 'mixed'])).code).toBe(2);
  });

  test('--stdin: the format comes from --stdin-filename, else from the content', async () => {
    const html = Buffer.from(generateReport({ year: 2024, seed: 2, format: 'html', tamper: { applications: { granted: { total: 777 } } } }));
    for (const args of [['--stdin', '--stdin-filename', 'page.html'], ['--stdin']]) {
      const r = await cli(['--format', 'json', ...args], html);
      const [res] = JSON.parse(r.stdout) as LintResult[];
      const sum = res.messages.find((m) => m.ruleId === 'table-sum')!;
      // Position inside the HTML source, on the cell.
      expect(
        html
          .toString()
          .split('\n')
          [sum.line - 1].slice(sum.column - 1, sum.endColumn! - 1),
      ).toBe('777');
    }
    const docx = await generateBytes({ year: 2024, seed: 2, format: 'docx', edits: [['2024年1月1日', '2023年1月1日']] });
    const r = await cli(['--format', 'json', '--stdin'], docx);
    expect((JSON.parse(r.stdout) as LintResult[])[0].messages.map((m) => m.ruleId)).toContain('statistics-period');
  });
});

describe('inputs that cannot be linted: one clear message each, the batch goes on', () => {
  test('empty, whitespace only, binary garbage, truncated .docx beside a good file; exit codes', async () => {
    const d = path.join(dir, 'bad');
    mkdirSync(d, { recursive: true });
    writeFileSync(path.join(d, 'a-empty.md'), '');
    writeFileSync(path.join(d, 'b-space.txt'), ' \n\t\u3000\n');
    writeFileSync(path.join(d, 'c-binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0x00]));
    const docx = await generateBytes({ year: 2024, seed: 1, format: 'docx' });
    writeFileSync(path.join(d, 'd-truncated.docx'), docx.subarray(0, 3000));
    writeFileSync(path.join(d, 'e-good.md'), generateReport({ year: 2024, seed: 1, format: 'md' }));
    const results = await lintFiles([d], { useConfigFile: false });
    const fatal = results.map((r) => (r.fatalErrorCount ? r.messages[0].message : 'linted'));
    expect(fatal).toEqual([
      '文件为空，没有可检查的内容',
      '文件为空，没有可检查的内容',
      '文件看起来是二进制文件（含 NUL 字节），不是文本报告',
      expect.stringMatching(/^不是可读取的 \.docx 文件（.+），文件可能已损坏、不完整或并非 Word 文档$/),
      'linted',
    ]);
    for (const r of results.slice(0, 4)) expect(r.messages).toHaveLength(1);

    const mixed = await cli(['bad']);
    expect(mixed.code).toBe(1); // fatal messages are errors; the good file was linted
    noStack(mixed.stdout + mixed.stderr);
    const onlyBad = await cli(['bad/a-empty.md', 'bad/c-binary.txt', 'bad/d-truncated.docx']);
    expect(onlyBad.code).toBe(2);
    expect(onlyBad.stderr).toContain('没有任何文件可以检查');
    noStack(onlyBad.stdout + onlyBad.stderr);
  });

  test('a path that does not exist: one line, exit 2, no stack trace', async () => {
    const r = await cli(['no/such/report.md']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('找不到文件或目录：no/such/report.md');
  });

  test('a directory with an unreadable file: that file is a fatal message, the others are linted', () => {
    const d = path.join(dir, 'perm');
    mkdirSync(d, { recursive: true });
    writeFileSync(path.join(d, 'a.md'), generateReport({ year: 2024, seed: 1, format: 'md' }));
    writeFileSync(path.join(d, 'b.md'), 'x');
    chmodSync(path.join(d, 'b.md'), 0o000);
    // root reads every file: run the CLI as an unprivileged user then.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      for (const p of [dir, d]) chmodSync(p, 0o755);
      chmodSync(path.join(d, 'a.md'), 0o644);
    }
    const r = spawnCli(['--no-config', '--format', 'json', 'perm'], { cwd: dir, uid: asRoot ? 65534 : undefined });
    const results = JSON.parse(r.stdout) as LintResult[];
    expect(results.map((x) => [path.basename(x.filePath), x.messages.map((m) => m.message)])).toEqual([
      ['a.md', []],
      ['b.md', ['无法读取文件（EACCES）']],
    ]);
    expect(r.code).toBe(1);
  });

  test('a file over 20 MiB is refused unread; one just under is linted', async () => {
    const seed = generateReport({ year: 2024, seed: 1, format: 'txt-tsv' });
    const line = '进一步完善信息公开服务体系，优化和梳理冗余信息、无效链接及错误链接，为企业和群众提供更加便捷的信息获取渠道。\n';
    const limit = 20 * 1024 * 1024;
    const pad = line.repeat(Math.floor((limit - Buffer.byteLength(seed) - 1024) / Buffer.byteLength(line)));
    const under = Buffer.from(seed.replace('五、存在的主要问题及改进情况\n', `五、存在的主要问题及改进情况\n${pad}`));
    expect(under.length).toBeLessThanOrEqual(limit);
    expect(under.length).toBeGreaterThan(limit - 4096);
    writeFileSync(path.join(dir, 'under.txt'), under);
    writeFileSync(path.join(dir, 'over.txt'), Buffer.concat([under, Buffer.alloc(4096, 0x20)]));
    const [over, ok] = await lintFiles(['over.txt', 'under.txt'], { cwd: dir, useConfigFile: false });
    expect(over.messages).toEqual([expect.objectContaining({ fatal: true, message: expect.stringMatching(/^文件过大（20\.0 MiB，上限 20\.0 MiB）$/) })]);
    expect(ok.messages).toEqual([]);
    // About 12 s on the development machine; the timeout is a hang guard, not a speed check.
  }, 120_000);

  test('10,000 tables are linted and 10,000 nested <div>s refused, without a crash', async () => {
    const tables = Array.from({ length: 10000 }, (_, i) => `规章\t${i}\t0\t0\n行政许可\t1\t2\t3\n`).join('\n');
    const r1 = await lintBuffer(Buffer.from(tables), { filePath: 'many.txt', useConfigFile: false });
    expect(r1.fatalErrorCount).toBe(0);
    const deep = `<html><body>${'<div>'.repeat(10000)}一、总体情况${'</div>'.repeat(10000)}</body></html>`;
    const r2 = await lintBuffer(Buffer.from(deep), { filePath: 'deep.html', useConfigFile: false });
    // Deeper than the HTML nesting limit (src/formats/html-limits.ts): one fatal message.
    expect(r2.messages).toEqual([expect.objectContaining({ fatal: true, message: '页面结构嵌套过深（超过 500 层），不予检查', line: 1, column: 1 })]);
  }, 60_000);
});
