/**
 * Generated complete, correct reports of every era in every input format must produce no message
 * at all; the same reports with one injected defect per mission rule must produce exactly that
 * rule's finding, in every format.
 *
 * @unit-loop skip: generated reports of every era in every format, clean and with one defect per rule (`npm test` runs it).
 */
import { describe, expect, test } from '@jest/globals';
import type { LintMessage } from '../src/engine/types.js';
import { generateReport, type GenFormat, type GenOptions } from './support/generate.js';
import { lintWith } from './support/lint.js';

const FORMATS: GenFormat[] = ['md', 'txt-tsv', 'txt-pipe'];
const fileName = (f: GenFormat) => (f === 'md' ? 'report.md' : 'report.txt');

function lint(text: string, format: GenFormat): LintMessage[] {
  return lintWith(text, fileName(format)).messages;
}

const summary = (ms: LintMessage[]) => ms.map((m) => `${m.line}:${m.column} ${m.ruleId}/${m.messageId}`);

describe('correct generated reports produce no message', () => {
  for (const year of [2012, 2018, 2019, 2020, 2021, 2023, 2025]) {
    for (const format of FORMATS) {
      test(`${year} ${format}`, () => {
        for (const seed of [1, 2, 3, 4]) expect(summary(lint(generateReport({ year, format, seed }), format))).toEqual([]);
      });
    }
  }
});

/** Replace the last number on the line holding `label` (the row's 总计 cell in every syntax). */
function bumpRowTotal(text: string, label: string): string {
  return text
    .split('\n')
    .map((line) => (line.includes(label) ? line.replace(/(\d+)(?!.*\d)/, (n) => String(Number(n) + 1)) : line))
    .join('\n');
}

describe('injected defects are found in every format', () => {
  const base: GenOptions = { year: 2024, format: 'md', seed: 7, applications: { newReceived: { natural: 5, commercial: 2 } } };
  for (const format of FORMATS) {
    const clean = generateReport({ ...base, format });

    test(`${format}: a row total off by one → table-sum at the total cell (and the balance of its column)`, () => {
      const broken = bumpRowTotal(clean, '一、本年新收政府信息公开申请数量');
      const ms = lint(broken, format);
      expect(ms.map((m) => m.ruleId).sort()).toEqual(['application-balance', 'table-sum']);
      const sum = ms.find((m) => m.ruleId === 'table-sum')!;
      expect(sum.messageId).toBe('rowTotal');
      const line = broken.split('\n')[sum.line - 1];
      // The column points at the changed cell: the text there is the bumped total.
      expect(line.slice(sum.column - 1)).toMatch(/^\d+/);
      expect(sum.message).toContain('一、本年新收政府信息公开申请数量');
    });

    test(`${format}: the period names the previous year → statistics-period with a year fix`, () => {
      const broken = clean.replace('2024年1月1日', '2023年1月1日').replace('2024年12月31日', '2023年12月31日');
      const ms = lint(broken, format);
      expect(summary(ms).map((s) => s.split(' ')[1])).toEqual(['statistics-period/wrongYear']);
      expect(ms[0].fix?.text).toMatch(/^2024年1月1日.*2024$/);
    });

    test(`${format}: section 六 missing → required-sections`, () => {
      const broken = clean.replace(/六、其他需要报告的事项/, '六、补充说明');
      const ms = lint(broken, format);
      expect(summary(ms).map((s) => s.split(' ')[1])).toEqual(['required-sections/missing']);
      expect(ms[0].message).toContain('六、其他需要报告的事项');
    });

    test(`${format}: "未收取任何费用" beside a non-zero 行政事业性收费 → zero-fee-conflict; "未收取信息处理费" is fine`, () => {
      const withFee = generateReport({ ...base, format, active: { adminFees: { feeAmount: 2.5 } } });
      expect(summary(lint(withFee, format))).toEqual([]);
      // The generator varies the wording; replace whichever sentence states the 信息处理费 position.
      const broken = withFee.replace(/[^。\n]*未收取[^。\n]*信息处理费[^。\n]*。/, '本机关全年未收取任何费用。');
      expect(broken).not.toBe(withFee);
      const ms = lint(broken, format);
      expect(summary(ms).map((s) => s.split(' ')[1])).toEqual(['zero-fee-conflict/conflict']);
      expect(ms[0].message).toContain('2.5 万元');
    });
  }
});
