/**
 * Where one report ends and the next begins. Text saved from a portal page keeps the page's list
 * of other years' reports (相关链接) after the 落款: titles with nothing of a report below them.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@jest/globals';
import { generateReport } from '../support/generate.js';
import { parseCase } from '../support/case-markers.js';
import { lintWith } from '../support/lint.js';

const report = generateReport({ year: 2023, seed: 3, format: 'txt-tsv' });
const lint = (text: string) => lintWith(text, 'report.txt');

test("a list of other years' report titles after the 落款 is part of the report, not a report of its own", () => {
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

test('a title wrapped over two lines is one title: its year decides the era', () => {
  // A case file: linted without its expectation markers.
  const legacy = parseCase(readFileSync(new URL('../cases/statistics-period/legacy-missing.txt', import.meta.url), 'utf8')).text;
  const out = lint(legacy);
  expect(out.reports).toHaveLength(1);
  expect(out.reports[0].year).toMatchObject({ value: 2013, source: 'title' });
  expect(out.reports[0].era).toBe('legacy');
  // The 2008 regulation had no format: nothing is an error here (the missing 统计时限 is a warning).
  expect(out.messages.filter((m) => m.severity === 2)).toEqual([]);
});
