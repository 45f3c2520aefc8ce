import { afterAll, describe, expect, test } from '@jest/globals';
import { chmodSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { expandPatterns, lintBuffer, lintFiles, lintText } from '../../src/api.js';
import { ConfigError, UsageError } from '../../src/config/errors.js';
import type { Rule } from '../../src/engine/types.js';
import * as publicApi from '../../src/index.js';
import { fakeRule } from '../config/fake-rules.js';
import { removeTempTrees, tempTree } from '../config/tmp.js';

afterAll(removeTempTrees);

/** Fake rules that report once per recognized report, so these tests do not depend on the real rules. */
const rules: ReadonlyMap<string, Rule> = new Map([
  ['table-sum', fakeRule('table-sum', 'error', { type: 'object', properties: { tolerance: { type: 'number' } }, additionalProperties: false }, true)],
  ['statistics-period', fakeRule('statistics-period', 'warn', undefined, true)],
]);

const REPORT = '# 2023年政府信息公开工作年度报告\n\n一、总体情况\n\n正文。\n';

describe('lintText', () => {
  test('runs the configured rules; result has ESLint counts; no filePath → "<text>"', async () => {
    const r = await lintText(REPORT, { rules, useConfigFile: false });
    expect(r.filePath).toBe('<text>');
    expect(r.messages.map((m) => [m.ruleId, m.severity, m.message])).toEqual([
      ['statistics-period', 1, '发现问题：statistics-period'],
      ['table-sum', 2, '发现问题：table-sum'],
    ]);
    expect(r).toMatchObject({ errorCount: 1, warningCount: 1, fatalErrorCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 });
  });

  test('overrideConfig: locale and rule severities', async () => {
    const r = await lintText(REPORT, {
      rules,
      useConfigFile: false,
      overrideConfig: { locale: 'en', rules: { 'statistics-period': 'off', 'table-sum': 'warn' } },
    });
    expect(r.messages.map((m) => [m.ruleId, m.severity, m.message])).toEqual([['table-sum', 1, 'Problem found: table-sum']]);
  });

  test('the config is found from filePath, which need not exist; result path is absolute', async () => {
    const root = tempTree({ 'dept/.gianrc': { rules: { 'table-sum': 'off' } } });
    const r = await lintText(REPORT, { rules, cwd: root, filePath: 'dept/new.md' });
    expect(r.filePath).toBe(path.join(root, 'dept/new.md'));
    expect(r.messages.map((m) => m.ruleId)).toEqual(['statistics-period']);
  });

  test('a bad config rejects with ConfigError', async () => {
    const root = tempTree({ '.gianrc': { rules: { 'table-sum': 'loud' } } });
    await expect(lintText(REPORT, { rules, cwd: root, filePath: 'a.md' })).rejects.toBeInstanceOf(ConfigError);
  });

  test('includeSource keeps the text and its outline: numbered sections and the official tables with their header rows, by line', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL('../../examples/draft-2024.md', import.meta.url), 'utf8');
    const r = await lintText(text, { filePath: 'draft.md', useConfigFile: false, includeSource: true });
    expect(r.source).toBe(text);
    const lines = text.split('\n');
    const outline = r.outline!;
    expect(outline.filter((e) => e.kind === 'section').map((e) => e.title.slice(0, 2))).toEqual(['一、', '二、', '三、', '四、', '五、', '六、']);
    const t3 = outline.find((e) => e.title === '表三（收到和处理政府信息公开申请情况）')!;
    const s3 = outline.find((e) => e.title.startsWith('三、'))!;
    // The table lies inside its section and starts at its first (header) line.
    expect(t3.line).toBeGreaterThan(s3.line);
    expect(t3.endLine).toBeLessThanOrEqual(s3.endLine);
    expect(lines[t3.line - 1]).toMatch(/^<table/);
    expect(lines[t3.endLine - 1]).toMatch(/<\/table>\s*$/);
    expect((await lintText(text, { filePath: 'draft.md', useConfigFile: false })).outline).toBeUndefined();
    // Markdown tables are rows of lines (and markup), not cells of their own: no grid.
    expect(outline.filter((e) => e.kind === 'grid')).toEqual([]);
  });

  test('a Word table is in the outline as a grid: every cell its paragraph line, merges kept', async () => {
    const { Document: Doc, Packer, Paragraph, Table, TableCell, TableRow } = await import('docx');
    const cell = (t: string, o: { rowSpan?: number; columnSpan?: number } = {}) => new TableCell({ children: [new Paragraph(t)], ...o });
    const doc = new Doc({
      sections: [
        {
          children: [
            new Paragraph('标题'),
            new Table({
              rows: [new TableRow({ children: [cell('角', { rowSpan: 2 }), cell('a', { columnSpan: 2 })] }), new TableRow({ children: [cell('b'), cell('')] })],
            }),
            new Paragraph('后'),
          ],
        },
      ],
    });
    const r = await lintBuffer(await Packer.toBuffer(doc), { filePath: 'x.docx', useConfigFile: false, includeSource: true });
    expect(r.source!.split('\n').slice(0, 6)).toEqual(['标题', '角', 'a', 'b', '', '后']);
    expect(r.outline!.filter((e) => e.kind === 'grid')).toEqual([
      {
        kind: 'grid',
        title: '',
        line: 2,
        endLine: 5,
        rows: [
          [
            { line: 2, endLine: 2, rowSpan: 2, colSpan: 1 },
            { line: 3, endLine: 3, rowSpan: 1, colSpan: 2 },
          ],
          [
            { line: 4, endLine: 4, rowSpan: 1, colSpan: 1 },
            { line: 5, endLine: 5, rowSpan: 1, colSpan: 1 },
          ],
        ],
      },
    ]);
  });

  test('lintBuffer decodes GB18030, and turns empty input into a fatal result', async () => {
    const ok = await lintBuffer(iconv.encode(REPORT, 'gb18030'), { rules, useConfigFile: false });
    expect(ok.messages).toHaveLength(2);
    const empty = await lintBuffer(Buffer.from('  \n'), { rules, useConfigFile: false, filePath: 'x.md', cwd: '/tmp' });
    expect(empty).toMatchObject({
      filePath: path.resolve('/tmp/x.md'),
      errorCount: 1,
      fatalErrorCount: 1,
      messages: [{ ruleId: null, fatal: true, severity: 2, message: '文件为空，没有可检查的内容', line: 1, column: 1 }],
    });
  });
});

describe('expandPatterns', () => {
  const tree = () =>
    tempTree({
      'r/b.md': 'x',
      'r/a.txt': 'x',
      'r/c.markdown': 'x',
      'r/d.png': 'x',
      'r/f.htm': 'x',
      'r/sub/e.MD': 'x',
      'r/node_modules/pkg/readme.md': 'x',
      'r/.git/notes.md': 'x',
      'r/.drafts/x.md': 'x',
      'other/notes.xlsx': 'x',
    });

  test('directories: .md/.markdown/.txt/.html/.htm/.docx recursively, skipping node_modules and dot-directories; sorted', async () => {
    const root = tree();
    expect(await expandPatterns(['r'], { cwd: root })).toEqual(['r/a.txt', 'r/b.md', 'r/c.markdown', 'r/f.htm', 'r/sub/e.MD'].map((f) => path.join(root, f)));
  });

  test('symlinked directories are not followed; symlinked files are taken', async () => {
    const root = tree();
    symlinkSync(path.join(root, 'r/sub'), path.join(root, 'r/link-dir'));
    symlinkSync(path.join(root, 'r/b.md'), path.join(root, 'r/link.md'));
    expect(await expandPatterns(['r'], { cwd: root })).toEqual(
      ['r/a.txt', 'r/b.md', 'r/c.markdown', 'r/f.htm', 'r/link.md', 'r/sub/e.MD'].map((f) => path.join(root, f)),
    );
  });

  test('ext option; explicit files are taken whatever their extension; duplicates removed', async () => {
    const root = tree();
    expect(await expandPatterns(['r'], { cwd: root, ext: ['png'] })).toEqual([path.join(root, 'r/d.png')]);
    expect(await expandPatterns(['other/notes.xlsx', 'r/b.md', path.join(root, 'r/b.md')], { cwd: root })).toEqual([
      path.join(root, 'other/notes.xlsx'),
      path.join(root, 'r/b.md'),
    ]);
  });

  test('globs, filtered by extension, without dot-directories or node_modules', async () => {
    const root = tree();
    expect(await expandPatterns(['r/**/*'], { cwd: root })).toEqual(
      ['r/a.txt', 'r/b.md', 'r/c.markdown', 'r/f.htm', 'r/sub/e.MD'].map((f) => path.join(root, f)),
    );
    expect(await expandPatterns(['r/*.md'], { cwd: root })).toEqual([path.join(root, 'r/b.md')]);
  });

  test('usage errors: nothing given, missing path, glob without matches, directory without lintable files', async () => {
    const root = tree();
    await expect(expandPatterns([], { cwd: root })).rejects.toThrow(new UsageError('没有指定要检查的文件'));
    await expect(expandPatterns(['nope.md'], { cwd: root })).rejects.toThrow(new UsageError('找不到文件或目录：nope.md'));
    await expect(expandPatterns(['nope.md'], { cwd: root, locale: 'en' })).rejects.toThrow('No such file or directory: nope.md');
    // Beside an existing file, a missing path is kept: reading it gives that file's fatal result.
    const both = await expandPatterns(['nope.md', 'r'], { cwd: root });
    expect(both.map((f) => path.basename(f))).toContain('nope.md');
    await expect(expandPatterns(['r/*.png'], { cwd: root })).rejects.toThrow('没有文件匹配模式 "r/*.png"');
    await expect(expandPatterns(['other'], { cwd: root })).rejects.toThrow(
      '目录 other 中没有可检查的文件（.md、.markdown、.txt、.html、.htm、.docx、.doc、.wps、.odt、.rtf、.pdf）',
    );
  });
});

describe('lintFiles', () => {
  test('bad files become fatal results and the batch goes on; results sorted by path', async () => {
    const root = tempTree({
      'c-good.md': REPORT,
      'a-empty.md': '\n\n',
      'b-binary.txt': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0x14]),
      'd-gbk.txt': iconv.encode(REPORT, 'gb18030'),
      'e-big.md': REPORT + '。'.repeat(1024), // > 3 KiB
    });
    const results = await lintFiles(['.'], { rules, cwd: root, useConfigFile: false, maxBytes: 2048 });
    expect(results.map((r) => path.basename(r.filePath))).toEqual(['a-empty.md', 'b-binary.txt', 'c-good.md', 'd-gbk.txt', 'e-big.md']);
    const [empty, binary, good, gbk, big] = results;
    expect(empty.messages).toEqual([{ ruleId: null, fatal: true, severity: 2, message: '文件为空，没有可检查的内容', line: 1, column: 1 }]);
    expect(binary.messages[0].message).toBe('文件看起来是二进制文件（含 NUL 字节），不是文本报告');
    expect(big.messages[0].message).toMatch(/^文件过大（3\.\d KiB，上限 2\.0 KiB）$/);
    for (const r of [empty, binary, big]) expect(r).toMatchObject({ errorCount: 1, fatalErrorCount: 1, warningCount: 0 });
    expect(good.messages.map((m) => m.ruleId)).toEqual(['statistics-period', 'table-sum']);
    expect(gbk.messages.map((m) => m.ruleId)).toEqual(['statistics-period', 'table-sum']);
  });

  test("fatal messages follow the locale of the file's config", async () => {
    const root = tempTree({ '.gianrc': { locale: 'en' }, 'empty.md': '' });
    const [r] = await lintFiles(['empty.md'], { rules, cwd: root });
    expect(r.messages[0].message).toBe('File is empty; there is nothing to lint');
  });

  test('each file gets its own nearest config', async () => {
    const root = tempTree({ 'a/.gianrc': { rules: { 'table-sum': 'off' } }, 'a/r.md': REPORT, 'b/r.md': REPORT });
    const [a, b] = await lintFiles(['a', 'b'], { rules, cwd: root });
    expect(a.messages.map((m) => m.ruleId)).toEqual(['statistics-period']);
    expect(b.messages.map((m) => m.ruleId)).toEqual(['statistics-period', 'table-sum']);
  });

  const isRoot = process.getuid?.() === 0;
  (isRoot ? test.skip : test)('an unreadable file is a fatal result (skipped as root)', async () => {
    const root = tempTree({ 'locked.md': REPORT, 'ok.md': REPORT });
    chmodSync(path.join(root, 'locked.md'), 0o000);
    const [locked, ok] = await lintFiles(['.'], { rules, cwd: root, useConfigFile: false });
    expect(locked.messages[0]).toMatchObject({ fatal: true, message: '无法读取文件（EACCES）' });
    expect(ok.fatalErrorCount).toBe(0);
  });

  test('with the built-in rules, a generated correct report has no problems', async () => {
    const { generateReport } = await import('../support/generate.js');
    const root = tempTree({ 'r.md': generateReport({ year: 2024, format: 'md' }) });
    const [r] = await lintFiles(['r.md'], { cwd: root, useConfigFile: false });
    expect(r.messages).toEqual([]);
  });
});

test('the package entry point exports the API', () => {
  for (const name of ['lintText', 'lintFiles', 'lintBuffer', 'loadConfig', 'resolveConfigForFile', 'formatResults', 'decodeBuffer', 'verify']) {
    expect(typeof (publicApi as Record<string, unknown>)[name]).toBe('function');
  }
  expect(publicApi.builtinRules.size).toBeGreaterThan(0);
  expect(new publicApi.ConfigError('m', 'f')).toBeInstanceOf(publicApi.GiaLintError);
});
