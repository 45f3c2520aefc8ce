/**
 * Previous-year plumbing for rules such as carryover, through the API: config `previous` → the API
 * reads and decodes the file once → verify recognizes it → `context.previous` in every rule. The
 * CLI's --previous: test/cli/previous.test.ts.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { lintFiles, lintText } from '../../src/api.js';
import { GiaLintError } from '../../src/config/errors.js';
import type { Report } from '../../src/model/report.js';
import type { Rule } from '../../src/engine/types.js';
import { removeTempTrees, tempTree } from '../config/tmp.js';
import { builtinRules } from '../../src/rules/index.js';
import { generateDocx, generateModel, generateReport } from '../support/generate.js';

const THIS_YEAR = generateReport({ year: 2024, format: 'md' });
const LAST_YEAR = generateReport({ year: 2023, format: 'txt-tsv' });

afterAll(removeTempTrees);

/** A rule that records what it was given as `previous`, once per linted report. */
function spy() {
  const seen: (readonly Report[] | undefined)[] = [];
  const rule: Rule = {
    meta: {
      id: 'spy',
      type: 'problem',
      defaultSeverity: 'error',
      docs: { description: { 'zh-CN': 'spy', en: 'spy' }, url: 'https://example.invalid/spy' },
      schema: { type: 'object', properties: {}, additionalProperties: false },
      messages: {},
    },
    check(_report, context) {
      seen.push(context.previous);
    },
  };
  return { seen, rules: new Map([['spy', rule]]) };
}

describe('API', () => {
  test('without previous, context.previous is undefined', async () => {
    const { seen, rules } = spy();
    await lintText(THIS_YEAR, { rules, useConfigFile: false });
    expect(seen).toEqual([undefined]);
  });

  test('overrideConfig.previous: the reports of that file, with their own year (not the forced one)', async () => {
    const dir = tempTree({ '2023.txt': LAST_YEAR });
    const { seen, rules } = spy();
    await lintText(THIS_YEAR, { rules, cwd: dir, useConfigFile: false, overrideConfig: { year: 2024, previous: '2023.txt' } });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.map((r) => r.year?.value)).toEqual([2023]);
    expect(Object.keys(seen[0]![0].tables).length).toBeGreaterThan(0);
  });

  test('a .docx (or HTML) previous report is read by its format processor: carryover compares with it as with text', async () => {
    // Last year's 四、结转下年度继续办理 as generated; this year's 二 set to one more, so carryover must speak.
    const last = generateModel({ year: 2023, format: 'txt-tsv', seed: 3 });
    const thisYear = generateReport({
      year: 2024,
      format: 'md',
      seed: 3,
      applications: { carriedOver: { natural: last.applications.carryForward.natural + 1 } },
    });
    const dir = tempTree({
      '2023.docx': await generateDocx({ year: 2023, seed: 3 }),
      '2023.html': generateReport({ year: 2023, format: 'html', seed: 3 }),
      '2023.txt': generateReport({ year: 2023, format: 'txt-tsv', seed: 3 }),
    });
    const findings = async (previous: string) => {
      const r = await lintText(thisYear, {
        cwd: dir,
        useConfigFile: false,
        rules: builtinRules,
        overrideConfig: { year: 2024, previous, rules: { carryover: ['error', { validCount: false }] } },
      });
      return r.messages.filter((m) => m.ruleId === 'carryover').map((m) => `${m.line}:${m.column}`);
    };
    const fromText = await findings('2023.txt');
    expect(fromText.length).toBeGreaterThan(0);
    expect(await findings('2023.docx')).toEqual(fromText);
    expect(await findings('2023.html')).toEqual(fromText);
  });

  test('read and parsed once for a whole batch: every file gets the same reports', async () => {
    const dir = tempTree({ 'a.md': THIS_YEAR, 'b.md': THIS_YEAR, 'last/2023.txt': LAST_YEAR, '.gianrc': { previous: 'last/2023.txt' } });
    const { seen, rules } = spy();
    await lintFiles(['a.md', 'b.md'], { rules, cwd: dir });
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBe(seen[1]);
  });

  test('a previous file that cannot be decoded stops the run, naming it', async () => {
    const dir = tempTree({ 'a.md': THIS_YEAR, 'empty.md': '  \n', 'bin.md': Buffer.from([0, 1, 2, 0]) });
    const { rules } = spy();
    await expect(lintFiles(['a.md'], { rules, cwd: dir, overrideConfig: { previous: 'empty.md' } })).rejects.toThrow(
      new GiaLintError('无法使用上一年度报告 empty.md：文件为空，没有可检查的内容'),
    );
    await expect(lintText(THIS_YEAR, { rules, cwd: dir, overrideConfig: { locale: 'en', previous: 'bin.md' } })).rejects.toThrow(
      'Cannot use the previous report bin.md: File appears to be binary',
    );
  });

  test('a missing previous file in overrideConfig is a config error', async () => {
    const { rules } = spy();
    await expect(lintText(THIS_YEAR, { rules, cwd: tempTree(), overrideConfig: { previous: 'nope.md' } })).rejects.toThrow(
      '配置文件 overrideConfig 无效：previous 指向的上一年度报告 nope.md 不存在或不是文件',
    );
  });
});
