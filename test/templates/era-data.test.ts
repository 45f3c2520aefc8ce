/**
 * Adding an era is adding its data: a fictional 2027 format, registered as one record, is picked
 * by the recognizer for a 2027 report, and every rule applies it — its sections, its tables, its
 * fees, its deadlines and its names — exactly as it applies the 2021 era to the same report dated
 * 2026. A rule that compared era names instead of asking the era would fall silent here.
 */
import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defineEra } from '../../src/templates/era.js';
import { eraForYear, registerEra } from '../../src/templates/eras.js';
import { effectiveDeadline, isoDate } from '../../src/templates/deadlines.js';
import { SECTIONS } from '../../src/templates/sections.js';
import { generateReport, type GenOptions } from '../support/generate.js';
import { lintWith } from '../support/lint.js';

registerEra(
  defineEra({
    id: '2027',
    years: { from: 2027 },
    name: { 'zh-CN': '国办公开办函〔2027〕1号格式（2027年度起）', en: 'the 2027 format (reports for 2027 on)' },
    formatName: { 'zh-CN': '国办公开办函〔2027〕1号的统一格式', en: 'the unified format of 国办公开办函〔2027〕1号' },
    layout: '2021',
    sections: SECTIONS,
    deadlines: { department: '02-28', government: '04-30' },
    deadlineBasis: { 'zh-CN': '《政府信息公开条例》第四十九条', en: 'Regulations on Open Government Information, art. 49' },
    statisticsPeriod: { required: true },
    features: ['processingFee', 'accountabilityResults'],
  }),
);

/** A generated report of the year (the same kind of report in each year; its wording varies with the year). */
function lintIn(year: number, o: Omit<GenOptions, 'year' | 'format'> = {}) {
  const text = generateReport({ year, format: 'md', seed: 2, ...o });
  return lintWith(text, `report-${year}.md`, { severity: 2 });
}
// Lines differ: the generator words a report by its year too.
const found = (out: ReturnType<typeof lintIn>) => out.messages.map((m) => `${m.ruleId}/${m.messageId}`);

/** Defects that need an era to be seen: a missing section, a missing table, a sum, no fee statement. */
const defects: Omit<GenOptions, 'year' | 'format'> = {
  edits: [
    ['五、存在的主要问题及改进情况', '五、工作体会'],
    ['本年度未收取信息处理费。', '无。'],
  ],
  tamper: { applications: { granted: { natural: 9999 } } },
};

describe('a fictional 2027 era added as one data record', () => {
  test('the year picks it, in the registry and in the recognizer', () => {
    expect(eraForYear(2027).id).toBe('2027');
    expect(eraForYear(2026).id).toBe('2021');
    expect(lintIn(2027).reports[0].era).toBe('2027');
  });

  test('its deadlines come from its data', () => {
    expect(isoDate(effectiveDeadline(2027, 'department')!)).toBe('2028-02-28');
    expect(isoDate(effectiveDeadline(2027, 'government')!)).toBe('2028-04-30');
    expect(isoDate(effectiveDeadline(2026, 'department')!)).toBe('2027-01-31');
  });

  test('a defective 2027 report gets every finding the 2021 era gives the same report for 2026: no rule switches off', () => {
    const of2026 = found(lintIn(2026, defects));
    const of2027 = found(lintIn(2027, defects));
    expect(of2027).toEqual(of2026);
    for (const expected of ['required-sections/missing', 'fee-disclosure/silent', 'table-sum/']) {
      expect(of2027.some((f) => f.startsWith(expected))).toBe(true);
    }
  });

  test('the 落款 date is judged against its deadlines', () => {
    const late = (year: number, signDate: string) => lintIn(year, { signDate }).messages.filter((m) => m.ruleId === 'publication-date');
    // A department: 2月28日 under the fictional era, 1月31日 under the 2021 one.
    expect(late(2027, '2028年2月15日')).toEqual([]);
    expect(late(2026, '2027年2月15日').map((m) => m.messageId)).toEqual(['lateDepartment']);
    const [m] = late(2027, '2028年3月5日');
    expect(m.messageId).toBe('lateDepartment');
    expect(m.message).toContain('2028年2月28日');
  });

  test("a people's government's report is held to its features too", () => {
    const o = { agency: '临江县人民政府', edits: [[/考核|考评|评议|测评|满意度|追责|问责|责任追究/g, '工作']] as [RegExp, string][] };
    expect(found(lintIn(2027, o))).toContain('government-accountability/missing');
    expect(found(lintIn(2026, o))).toContain('government-accountability/missing');
  });

  test('its messages name it as its data does', () => {
    const missing = lintIn(2027, defects).messages.find((m) => m.ruleId === 'required-sections')!;
    expect(missing.message).toContain('国办公开办函〔2027〕1号格式（2027年度起）');
  });
});

test('no code outside src/templates compares era ids or era boundary years', () => {
  // An era id compared (report.era === '2021', 'legacy'), a layout id tested in a rule, or a report year
  // held against a year where one era ends and another begins (year <= 2018, year < 2019).
  const compares = /\.era\s*[!=]==|'legacy'|\byear\s*[<>]=?\s*20\d\d|\.layout\s*[!=]==\s*'/;
  const offenders: string[] = [];
  for (const dir of ['model', 'formats', 'engine', 'rules', 'region']) {
    const root = path.resolve('src', dir);
    for (const f of readdirSync(root, { recursive: true }) as string[]) {
      if (f.endsWith('.ts') && compares.test(readFileSync(path.join(root, f), 'utf8'))) offenders.push(`src/${dir}/${f}`);
    }
  }
  expect(offenders).toEqual([]);
});
