import { makeResult } from '../../src/api.js';
import { describe, expect, test } from '@jest/globals';
import path from 'node:path';
import type { LintMessage, LintResult } from '../../src/engine/types.js';
import { formatResults, reporters } from '../../src/reporters/index.js';
import { UsageError } from '../../src/config/errors.js';

const cwd = path.resolve('/work/reports');

/** A result as the API builds it. */
function result(file: string, messages: LintMessage[]): LintResult {
  return makeResult(path.resolve(cwd, file), messages);
}

const sum: LintMessage = {
  ruleId: 'table-sum',
  severity: 2,
  message: '合计不符：应为 12，实际 10',
  line: 12,
  column: 3,
  endLine: 12,
  endColumn: 5,
  messageId: 'rowTotal',
  reportIndex: 0,
  fix: { range: [100, 102], text: '12' },
};
const period: LintMessage = { ruleId: 'statistics-period', severity: 1, message: 'Missing period.', line: 3, column: 10 };
const fatal: LintMessage = { ruleId: null, fatal: true, severity: 2, message: '文件为空，没有可检查的内容', line: 1, column: 1 };

const fixture = [result('2023/报告.md', [sum, period]), result('clean.md', []), result('/elsewhere/empty.md', [fatal])];

describe('stylish', () => {
  test('exact output: CJK-aware alignment, relative paths, zh summary', () => {
    const out = formatResults('stylish', fixture, { cwd, locale: 'zh-CN', color: false });
    expect(out).toBe(
      [
        '',
        '2023/报告.md',
        '  12:3   错误  合计不符：应为 12，实际 10  table-sum',
        '   3:10  警告  Missing period              statistics-period',
        '',
        path.resolve('/elsewhere/empty.md'),
        '  1:1  错误  文件为空，没有可检查的内容',
        '',
        '✖ 3 个问题（2 个错误，1 个警告）',
        '  其中 1 个错误和 0 个警告可使用 --fix 选项自动修复。',
        '',
      ].join('\n'),
    );
  });

  test('English labels and plural forms', () => {
    const en = (results: LintResult[]) => formatResults('stylish', results, { cwd, locale: 'en', color: false });
    expect(en(fixture)).toContain('\n  12:3   error    合计不符：应为 12，实际 10  table-sum\n');
    expect(en(fixture)).toContain('\n   3:10  warning  Missing period              statistics-period\n');
    expect(en(fixture)).toContain('✖ 3 problems (2 errors, 1 warning)\n  1 error and 0 warnings potentially fixable with the `--fix` option.\n');
    expect(en([result('a.md', [fatal])])).toMatch(/✖ 1 problem \(1 error, 0 warnings\)\n$/);
    expect(en([result('a.md', [period, { ...period, line: 4 }])])).toMatch(/✖ 2 problems \(0 errors, 2 warnings\)\n$/);
  });

  test('no "fixable" line when nothing is fixable (ESLint wording otherwise)', () => {
    const out = formatResults('stylish', [result('a.md', [period])], { cwd, locale: 'zh-CN', color: false });
    expect(out).toMatch(/✖ 1 个问题（0 个错误，1 个警告）\n$/);
    expect(out).not.toContain('修复');
    const warn = formatResults('stylish', [result('a.md', [{ ...period, fix: { range: [0, 1], text: 'x' } }])], { cwd, locale: 'en', color: false });
    expect(warn).toMatch(/✖ 1 problem \(0 errors, 1 warning\)\n {2}0 errors and 1 warning potentially fixable with the `--fix` option\.\n$/);
  });

  test('nothing at all when there are no problems', () => {
    expect(formatResults('stylish', [result('a.md', []), result('b.md', [])], { cwd, locale: 'zh-CN', color: false })).toBe('');
    expect(formatResults('stylish', [], { cwd, locale: 'en', color: true })).toBe('');
  });

  test('colour only when asked for', () => {
    const plain = formatResults('stylish', fixture, { cwd, locale: 'zh-CN', color: false });
    const coloured = formatResults('stylish', fixture, { cwd, locale: 'zh-CN', color: true });
    expect(plain).not.toMatch(/\u001b\[/);
    expect(coloured).toContain('\u001b[31m错误');
    expect(coloured).toContain('\u001b[33m警告');
    // Colour codes do not disturb alignment: removing them gives the plain output.
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(plain);
  });

  test('a multi-line message stays on one row', () => {
    const out = formatResults('stylish', [result('a.md', [{ ...period, message: '第一行\n  第二行' }])], {
      cwd,
      locale: 'zh-CN',
      color: false,
    });
    expect(out).toContain('  3:10  警告  第一行 第二行  statistics-period\n');
  });
});

describe('json', () => {
  test('ESLint result shape; internal fields dropped; counts kept', () => {
    const parsed = JSON.parse(formatResults('json', fixture, { cwd, locale: 'zh-CN', color: true })) as Record<string, unknown>[];
    expect(parsed).toHaveLength(3);
    expect(Object.keys(parsed[0])).toEqual([
      'filePath',
      'messages',
      'suppressedMessages',
      'errorCount',
      'fatalErrorCount',
      'warningCount',
      'fixableErrorCount',
      'fixableWarningCount',
      'usedDeprecatedRules',
    ]);
    expect(parsed[0]).toMatchObject({
      filePath: path.resolve(cwd, '2023/报告.md'),
      errorCount: 1,
      warningCount: 1,
      fatalErrorCount: 0,
      fixableErrorCount: 1,
      fixableWarningCount: 0,
    });
    expect(parsed[0].messages).toEqual([
      {
        ruleId: 'table-sum',
        severity: 2,
        message: '合计不符：应为 12，实际 10',
        line: 12,
        column: 3,
        messageId: 'rowTotal',
        endLine: 12,
        endColumn: 5,
        fix: { range: [100, 102], text: '12' },
      },
      { ruleId: 'statistics-period', severity: 1, message: 'Missing period.', line: 3, column: 10 },
    ]);
    expect(parsed[2]).toMatchObject({
      fatalErrorCount: 1,
      errorCount: 1,
      messages: [{ ruleId: null, fatal: true, severity: 2, line: 1, column: 1 }],
    });
    expect(parsed[0]).not.toHaveProperty('source');
  });

  test('empty input gives an empty array', () => {
    expect(formatResults('json', [], { cwd, locale: 'zh-CN', color: false })).toBe('[]');
  });
});

describe('registry', () => {
  test('has every documented format; unknown names are usage errors listing the available ones', () => {
    expect([...reporters.keys()]).toEqual(['stylish', 'json', 'compact', 'unix', 'checkstyle', 'junit', 'sarif', 'github', 'html', 'csv', 'summary-json']);
    expect(() => formatResults('xml', [], { cwd, locale: 'zh-CN', color: false })).toThrow(UsageError);
    expect(() => formatResults('xml', [], { cwd, locale: 'en', color: false })).toThrow(
      'Unknown format "xml" (available: stylish, json, compact, unix, checkstyle, junit, sarif, github, html, csv, summary-json)',
    );
  });
});
