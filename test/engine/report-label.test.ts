/** Several reports in one file: every message says which report (year) it is about; one report: no prefix. */
import { expect, test } from '@jest/globals';
import { generateReport } from '../support/generate.js';
import { lintWith } from '../support/lint.js';

const lint = (text: string, locale: 'zh-CN' | 'en' = 'zh-CN') => lintWith(text, 'a.txt', { locale }).messages;

test('each message of a two-report file names its report by year', () => {
  const a = generateReport({ year: 2023, seed: 3, format: 'txt-tsv', tamper: { applications: { resultTotal: { total: 99 } } } });
  const b = generateReport({ year: 2024, seed: 4, format: 'txt-tsv', tamper: { review: { 'review.total': 7 } } });
  const messages = lint(`${a}\n\n${b}`);
  expect(messages.length).toBeGreaterThanOrEqual(2);
  expect(messages.every((m) => /^〔(2023|2024)年度报告〕/.test(m.message))).toBe(true);
  expect(messages.some((m) => m.message.startsWith('〔2023年度报告〕') && m.ruleId === 'table-sum')).toBe(true);
  expect(messages.some((m) => m.message.startsWith('〔2024年度报告〕') && m.ruleId === 'table-sum')).toBe(true);
  expect(lint(`${a}\n\n${b}`, 'en').every((m) => /^\[(2023|2024) report\] /.test(m.message))).toBe(true);
  // One report alone: no prefix.
  expect(lint(a).every((m) => !m.message.startsWith('〔'))).toBe(true);
});
