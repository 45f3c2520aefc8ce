/**
 * PDF-extracted text (seed 001's shape): wrapped short lines, space-separated rows, labels wrapped
 * or split around their numbers, vertical header text, lost header rows. Rows are identified by
 * label, and by position where a label is lost; a row whose cells cannot be placed is SAID
 * (table-structure) and never summed.
 */
import { describe, expect, test } from '@jest/globals';
import { generate } from '../support/generate.js';
import { configFor, findings, lintBytes, modelSummary } from './support.js';

const lint = (text: string) => lintBytes(Buffer.from(text), 'txt-pdf');

describe('PDF-extracted text', () => {
  test('every variant the generator makes reads completely: all 25 rows of table 三 with their numbers', async () => {
    for (let seed = 1; seed <= 16; seed++) {
      const { text, model } = generate({ year: 2023, seed, format: 'txt-pdf' });
      const read = await lint(text);
      expect({ seed, findings: findings(read) }).toEqual({ seed, findings: [] });
      const apps = modelSummary(read.out.reports)[0].tables.applications.rows as Record<string, Record<string, number>>;
      expect(Object.keys(apps)).toHaveLength(25);
      for (const [row, cols] of Object.entries(model.applications)) expect({ row, cols: apps[row] }).toEqual({ row, cols });
    }
  });

  test('a row that lost a number is reported by table-structure, and no sum is computed from it', async () => {
    const { text } = generate({ year: 2023, seed: 3, format: 'txt-pdf', applications: { 'refused.thirdParty': { natural: 2 } } });
    const line = text.split('\n').find((l) => l.startsWith('4.保护第三方合法权益 '))!;
    const broken = text.replace(line, line.replace(/ \d+$/, '')); // 6 numbers for 7 columns
    const read = await lint(broken);
    const ms = read.out.messages;
    expect(ms.map((m) => `${m.ruleId}/${m.messageId}`)).toEqual(['table-structure/tooFew']);
    expect(broken.split('\n')[ms[0].line - 1]).toBe(line.replace(/ \d+$/, ''));
  });

  test('a row whose label was lost is placed by its position in the official order', async () => {
    const { text, model } = generate({ year: 2023, seed: 4, format: 'txt-pdf' });
    const line = text.split('\n').find((l) => l.startsWith('2.重复申请 '))!;
    const read = await lint(text.replace(line, line.replace('2.重复申请 ', '')));
    expect(findings(read)).toEqual([]);
    const apps = modelSummary(read.out.reports)[0].tables.applications.rows as Record<string, Record<string, number>>;
    expect(apps['notProcessed.repeated']).toEqual(model.applications['notProcessed.repeated']);
  });

  test('seed-001 shapes: a label split around its numbers, vertical text, a wrapped period statement', async () => {
    const text = [
      '某局2024年政府信息公开工作年度报告',
      '报告中所列数据统计期限从 2024',
      '',
      '年 1 月 1 日到 12 月 31 日止。',
      '三、收到和处理政府信息公开申请情况',
      '申请人情况',
      ' 他',
      '一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1',
      '三',
      '、',
      '本',
      '年',
      '5.要求行政机关确认或重新 0 0 0 0 0 0 0',
      '出具已获取信息',
    ].join('\n');
    const read = await lintBytes(Buffer.from(text), 'txt-pdf', configFor(['statistics-period']));
    expect(read.out.messages).toEqual([]);
    const [r] = modelSummary(read.out.reports);
    expect(r.periods).toEqual(['2024-1-1..?-12-31']);
    expect(Object.keys(r.tables.applications.rows)).toEqual(['newReceived', 'notProcessed.confirmation']);
  });
});
