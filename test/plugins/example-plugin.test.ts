import { afterAll, describe, expect, test } from '@jest/globals';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintText } from '../../src/api.js';
import { removeTempTrees, tempTree } from '../config/tmp.js';
import { generateReport } from '../support/generate.js';

/**
 * The example plugin in examples/plugin-local-rules/ (a province's earlier deadline and its length
 * cap on 总体情况), loaded the way an office would: named in a .gianrc. test/install/ installs it
 * from its folder into a project; here it is used in place, by path, to test its rules.
 */

afterAll(removeTempTrees);

const PLUGIN = fileURLToPath(new URL('../../examples/plugin-local-rules/index.js', import.meta.url));

async function pluginMessages(text: string, rules: Record<string, unknown>) {
  const root = tempTree({ '.gianrc': { plugins: [PLUGIN], rules } });
  const result = await lintText(text, { cwd: root, filePath: path.join(root, 'report.md') });
  return result.messages
    .filter((m) => m.ruleId?.startsWith('local-rules/'))
    .map(({ ruleId, severity, message, line }) => ({ ruleId, severity, message, line }));
}

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('local-rules/province-deadline', () => {
  test("signed after the province's deadline (15 January by default) but within the statutory one", async () => {
    const text = generateReport({ year: 2024, format: 'md', signDate: '2025年1月20日' });
    expect(await pluginMessages(text, { 'local-rules/province-deadline': 'error' })).toEqual([
      {
        ruleId: 'local-rules/province-deadline',
        severity: 2,
        message: '落款日期 2025年1月20日 晚于省级政务公开主管部门规定的报送期限 2025年1月15日',
        line: lineOf(text, '2025年1月20日'),
      },
    ]);
  });

  test('on the deadline day, before it, and with the deadline set in the options', async () => {
    const onTime = generateReport({ year: 2024, format: 'md', signDate: '2025年1月15日' });
    expect(await pluginMessages(onTime, { 'local-rules/province-deadline': 'error' })).toEqual([]);
    const early = generateReport({ year: 2024, format: 'md', signDate: '2025年1月8日' });
    const set = { 'local-rules/province-deadline': ['error', { month: 1, day: 5, authority: '省政府办公厅' }] };
    expect((await pluginMessages(early, set)).map((m) => m.message)).toEqual(['落款日期 2025年1月8日 晚于省政府办公厅规定的报送期限 2025年1月5日']);
  });

  test('silent without a signing date (the built-in publication-date asks for one)', async () => {
    const text = generateReport({ year: 2024, format: 'md', signDate: '' });
    expect(await pluginMessages(text, { 'local-rules/province-deadline': 'error' })).toEqual([]);
  });
});

describe('local-rules/overview-length', () => {
  test('a 总体情况 longer than maxChars is a warning on its heading; a short one is not', async () => {
    const text = generateReport({ year: 2024, format: 'md' });
    expect(await pluginMessages(text, { 'local-rules/overview-length': ['warn', { maxChars: 5000 }] })).toEqual([]);
    const long = text.replace(/(一、总体情况[^\n]*\n+)/, `$1${'本机关坚持以公开为常态、不公开为例外。'.repeat(20)}\n\n`);
    const found = await pluginMessages(long, { 'local-rules/overview-length': ['warn', { maxChars: 150 }] });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ ruleId: 'local-rules/overview-length', severity: 1, line: lineOf(long, '一、总体情况') });
    expect(found[0].message).toMatch(/^“总体情况”部分共 \d+ 字，超过规定的 150 字$/);
  });

  test("options are checked against the rule schema like a built-in rule's", async () => {
    await expect(pluginMessages('x', { 'local-rules/overview-length': ['warn', { maxChars: 10 }] })).rejects.toThrow(
      'rules["local-rules/overview-length"][1].maxChars 应 >= 100',
    );
  });
});
