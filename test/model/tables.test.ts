/**
 * The table recognizer's records that the table rules read: header cells (official wording or
 * placed between official headers), the value cells of every row as read, labelled rows placed by
 * position, and the era fingerprints of a table.
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parseDocument } from '../../src/formats/index.js';
import { recognizeReports } from '../../src/model/recognize.js';
import { APPLICANT_ROW_RELATION, REVIEW_ROW_RELATION, placeValues, similarity } from '../../src/model/tables.js';
import type { TableCell } from '../../src/model/document.js';

const seed = (name: string) => readFileSync(new URL(`../seeds/${name}`, import.meta.url), 'utf8');
const read = (text: string, format: 'text' | 'markdown' = 'text') => recognizeReports(parseDocument(text, format));

describe('header cells', () => {
  test('seed 004: the two slips are tied to their columns by place, the rest match the official wording', () => {
    const [r] = read(seed('004_bc5b5ef1e8a4c928.txt'));
    const app = r.tables.applications!.headers!;
    expect(app.find((h) => h.key === 'publicInterest')).toMatchObject({ label: '社会组织', official: '社会公益组织', match: 'position' });
    expect(app.filter((h) => h.match === 'position')).toHaveLength(1);
    expect(app.map((h) => h.key).sort()).toEqual([
      'applicant',
      'commercial',
      'legalPerson',
      'legalService',
      'natural',
      'otherOrg',
      'publicInterest',
      'research',
      'total',
    ]);
    const active = r.tables.active!.headers!;
    expect(active.find((h) => h.key === 'repealed')).toMatchObject({
      group: '第二十条第（一）项',
      label: '本年度止件数',
      official: '本年废止件数',
      match: 'position',
    });
    expect(active.filter((h) => h.group === '第二十条第（八）项').map((h) => h.key)).toEqual(['label', 'feeAmount']);
  });

  test('seed 000: labels split by PDF spaces (社会公 益组织, 法律服 务机构) are the official wording', () => {
    const [r] = read(seed('000_9192d2ecc6568159.txt'));
    expect(r.tables.applications!.headers!.every((h) => h.match === 'exact')).toBe(true);
    expect(r.tables.applications!.headers!.find((h) => h.key === 'publicInterest')!.label).toBe('社会公 益组织');
  });

  test('seed 001: header lines lost in PDF extraction give no header cells (so no column is judged)', () => {
    const [r] = read(seed('001_03af6b1ba3cee113.txt'));
    expect(r.tables.applications!.headers).toEqual([]);
  });

  test('a header row with a cell missing leaves its column without a header; an unplaceable edge cell is not guessed', () => {
    const text = [
      '临江市2023年政府信息公开工作年度报告',
      '二、主动公开政府信息情况',
      '第二十条第（一）项\t\t\t',
      '信息内容\t本年制发件数\t现行有效件数',
      '规章\t0\t0',
      '行政规范性文件\t1\t3',
      '第二十条第（六）项\t\t\t',
      '信息内容\t本年处理数量',
      '行政处罚\t4',
    ].join('\n');
    const [r] = read(text);
    const h = r.tables.active!.headers!;
    expect(h.filter((x) => x.group === '第二十条第（一）项').map((x) => x.key)).toEqual(['label', 'made', 'valid']);
    // 本年处理数量 (for 本年处理决定数量) stands at the row's end with only 信息内容 to anchor it: one anchor
    // is too little to place a cell by position, so it is not taken for the column (nor reported).
    expect(h.filter((x) => x.group === '第二十条第（六）项').map((x) => x.key)).toEqual(['label']);
  });
});

describe('rows', () => {
  const reports = read(seed('003_25319f2a3a9dfda5.txt'));

  test('a row whose blank cells lost their positions keeps its value cells as read', () => {
    const row = reports[4].tables.applications!.rows.newReceived; // 2020: `| 1 | 1 | |||||||`
    expect(row.unreadable).toBe('blanksLost');
    expect(row.rawValues.map((v) => v.kind)).toEqual(['number', 'number', 'empty', 'empty', 'empty', 'empty', 'empty']);
    expect(row.cells).toEqual({});
  });

  test('table 二 labels with a local note in brackets are the official rows (2019 layout, 规范性文件 also matching partially)', () => {
    const rows = reports[5].tables.active!.rows;
    expect(rows.rules).toMatchObject({ match: 'variant', label: '规章(市政府令)' });
    expect(rows.normativeDocs).toMatchObject({ match: 'variant', label: '规范性文件(有规范性文件登记号)' });
    expect(rows.normativeDocs.cells.newlyMade.value).toBe(1);
  });

  const table3 = (middle: string) =>
    [
      '临江市2023年政府信息公开工作年度报告',
      '三、收到和处理政府信息公开申请情况',
      '一、本年新收政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t1',
      '二、上年结转政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0',
      middle,
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t\t0\t0\t0\t0\t0\t0\t0',
    ].join('\n');

  test('a reworded label in the one free slot is that row, placed by position with its label kept', () => {
    const [r] = read(table3('（一）同意公开\t\t1\t0\t0\t0\t0\t0\t1'));
    const t = r.tables.applications!;
    expect(t.rows.granted).toMatchObject({ match: 'position', label: '(一)同意公开' });
    expect(t.rows.granted.cells.total.value).toBe(1);
    expect(t.problems).toEqual([]);
  });

  test('a label unlike the free slot stays an unknown row', () => {
    const [r] = read(table3('4.申请人主动撤回申请\t\t1\t0\t0\t0\t0\t0\t1'));
    const t = r.tables.applications!;
    expect(t.rows.granted).toBeUndefined();
    expect(t.problems).toMatchObject([{ kind: 'unknownRow', label: '4.申请人主动撤回申请' }]);
  });
});

describe('era fingerprints', () => {
  test('table 二 labels of each layout, and table 三’s （六）其他处理 block', () => {
    const [r2019] = read(seed('003_25319f2a3a9dfda5.txt')).filter((r) => r.year?.value === 2019);
    expect(r2019.tables.active!.fingerprints!.every((f) => f.layout === '2019')).toBe(true);
    expect(r2019.tables.active!.fingerprints!.map((f) => f.label)).toContain('政府集中采购');
    expect(r2019.tables.applications!.fingerprints).toMatchObject([{ layout: '2019' }]);
    const [r2021] = read(seed('000_9192d2ecc6568159.txt'));
    expect(r2021.tables.active!.fingerprints!.map((f) => f.label).sort()).toEqual(
      ['本年制发件数', '本年处理决定数量', '本年收费金额', '本年废止件数', '现行有效件数'].sort(),
    );
    expect(r2021.tables.applications!.fingerprints).toMatchObject([{ layout: '2021' }]);
  });
});

test('similarity: 2·LCS over the lengths', () => {
  expect(similarity('社会组织', '社会公益组织')).toBeCloseTo(0.8);
  expect(similarity('本年度止件数', '本年废止件数')).toBeCloseTo(10 / 12);
  expect(similarity('abc', 'abc')).toBe(1);
  expect(similarity('', 'abc')).toBe(0);
  expect(similarity('申请人主动撤回申请', '予以公开')).toBe(0);
});

describe('numbers run together (flattened text): a split is a reading only when it is the only one', () => {
  const cells = (...texts: string[]): TableCell[] => {
    let at = 0;
    return texts.map((text) => {
      const c = { text, span: { start: at, end: at + text.length }, rowSpan: 1, colSpan: 1 };
      at += text.length + 1;
      return c;
    });
  };
  const values = (p: ReturnType<typeof placeValues>) => p.cells?.map((c) => c.value);
  test('one split satisfies 总计 = the six columns: read, as inferred', () => {
    const p = placeValues(cells('6200109'), 7, false, APPLICANT_ROW_RELATION, true);
    expect(values(p)).toEqual([6, 2, 0, 0, 1, 0, 9]);
    expect(p.inferred).toBe(true);
    // Two-digit numbers, no leading zeros: 40 7 0 0 3 0 50.
    expect(values(placeValues(cells('407003050'), 7, false, APPLICANT_ROW_RELATION, true))).toEqual([40, 7, 0, 0, 3, 0, 50]);
    // Positions point at each digit group.
    expect(placeValues(cells('407003050'), 7, false, APPLICANT_ROW_RELATION, true).cells!.map((c) => c.span.start)).toEqual([0, 2, 3, 4, 5, 6, 7]);
  });
  test('two splits both balance ("100010011": 10 0 0 1 0 0 11 and 1 0 0 0 10 0 11): unreadable, never guessed', () => {
    const p = placeValues(cells('100010011'), 7, false, APPLICANT_ROW_RELATION, true);
    expect(p.cells).toBeUndefined();
    expect(p.unreadable).toBe('tooFew');
  });
  test('table 四: every group total the sum of its four outcomes', () => {
    expect(values(placeValues(cells('100010000000000'), 15, false, REVIEW_ROW_RELATION, true))).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
  test('one digit per cell in one run is the only split, even where the relation fails (the sum rules then warn)', () => {
    expect(values(placeValues(cells('200000000000000'), 15, false, REVIEW_ROW_RELATION, true))).toEqual([2, ...new Array(14).fill(0)]);
    expect(values(placeValues(cells('000'), 3, false, undefined, true))).toEqual([0, 0, 0]);
  });
  test('no row relation (table 二) and more digits than cells, or separate runs, or pipe/tab rows: unreadable', () => {
    expect(placeValues(cells('3327'), 3, false, undefined, true).cells).toBeUndefined();
    expect(placeValues(cells('12', '5'), 3, false, undefined, true).cells).toBeUndefined();
    expect(placeValues(cells('6200109'), 7, false, APPLICANT_ROW_RELATION, false).cells).toBeUndefined();
  });
});
