/**
 * Where one report ends and the next begins. Text saved from a portal page keeps the page's list
 * of other years' reports (相关链接) after the 落款: titles with nothing of a report below them.
 */
import { expect, test } from '@jest/globals';
import { verify } from '../../src/engine/linter.js';
import { builtinRules } from '../../src/rules/index.js';
import { generateReport } from '../support/generate.js';
import { configFor } from '../formats/support.js';

const ALL_RULES = configFor([...builtinRules.keys()]);
const report = generateReport({ year: 2023, seed: 3, format: 'txt-tsv' });
const lint = (text: string) => verify(text, { filePath: 'report.txt', config: ALL_RULES, rules: builtinRules });

test('a list of other years\' report titles after the 落款 is part of the report, not a report of its own', () => {
  const links = '相关链接\n临江市人民政府外事办公室2022年政府信息公开工作年度报告\n临江市人民政府外事办公室2021年政府信息公开工作年度报告\n';
  const clean = lint(report);
  const withLinks = lint(report + '\n' + links);
  expect(withLinks.reports).toHaveLength(1);
  expect(withLinks.messages.filter((m) => m.severity === 2)).toEqual([]);
  expect(withLinks.reports[0].signature).toEqual(clean.reports[0].signature);
});

test('a second whole report after the first is still a report of its own', () => {
  const next = generateReport({ year: 2022, seed: 4, format: 'txt-tsv' });
  const out = lint(report + '\n' + next);
  expect(out.reports.map((r) => r.year?.value)).toEqual([2023, 2022]);
});
