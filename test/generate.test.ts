/**
 * Tests of the report generator itself (test/support/generate.ts), not of the linter: the numbers
 * it claims satisfy every official relation, the text really contains them under the official
 * labels, and the text carries the parts a correct report must have.
 *
 * @unit-loop skip: tests the report generator (test support), not the linter (`npm test` runs it).
 */
import { describe, expect, test } from '@jest/globals';
import { generate, generateModel, generateReport, type GenFormat, type GenModel } from './support/generate.js';
import {
  APPLICANT_COLUMNS,
  APPLICATION_GROUPS,
  REVIEW_COLUMNS,
  activeSubTables,
  applicationRows,
  relations,
  type CellRef,
  type Relation,
} from '../src/templates/tables.js';
import { SECTIONS } from '../src/templates/sections.js';
import type { Layout } from '../src/templates/eras.js';
import { num, rowValues, tableRows } from './support/text-tables.js';

const FORMATS: GenFormat[] = ['md', 'txt-tsv', 'txt-pipe'];
const YEARS = [2016, 2020, 2024];
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const CASES = YEARS.flatMap((year) => FORMATS.map((format) => ({ year, format })));

function cellValue(m: GenModel, table: Relation['table'], ref: CellRef): number {
  const v = table === 'review' ? m.review[ref.col] : m.applications[ref.row]?.[ref.col];
  if (typeof v !== 'number') throw new Error(`model has no ${table} ${ref.row}.${ref.col}`);
  return v;
}

/** Relations of the layout that do not hold in the model (as readable strings). */
function brokenRelations(m: GenModel, layout: Layout): string[] {
  return relations(layout)
    .map((r) => {
      const lhs = r.lhs.reduce((s, x) => s + cellValue(m, r.table, x), 0);
      const rhs = r.rhs.reduce((s, x) => s + cellValue(m, r.table, x), 0);
      return lhs === rhs ? '' : `${r.id}: ${lhs} ≠ ${rhs}`;
    })
    .filter(Boolean);
}

describe.each(CASES)('generated report $year $format', ({ year, format }) => {
  const layout: Layout | null = year <= 2018 ? null : year <= 2020 ? '2019' : '2021';

  test('model numbers satisfy every relation of the layout (legacy: of the numbers behind the prose)', () => {
    for (const seed of SEEDS) {
      const m = generateModel({ year, format, seed });
      expect(m.layout).toBe(layout);
      expect(brokenRelations(m, layout ?? '2019')).toEqual([]);
      for (const row of Object.values(m.applications)) for (const v of Object.values(row)) expect(Number.isInteger(v) && v >= 0).toBe(true);
      for (const v of Object.values(m.review)) expect(Number.isInteger(v) && v >= 0).toBe(true);
    }
  });

  test('the period sentence names the report year; title, 落款 agency and date are there', () => {
    for (const seed of SEEDS.slice(0, 4)) {
      const { text, model } = generate({ year, format, seed });
      const p = /统计(?:期限|时限)自(\d{4})年1月1日起至(\d{4})年12月31日止/.exec(text);
      expect(p && [Number(p[1]), Number(p[2])]).toEqual([year, year]);
      const lines = text
        .trim()
        .split('\n')
        .filter((l) => l.trim() !== '');
      expect(lines[0]).toMatch(new RegExp(`^(# )?临江市人民政府外事办公室 ?${year} ?年政府信息公开工作年度报告$`));
      expect(lines.at(-2)).toBe('临江市人民政府外事办公室');
      expect(lines.at(-1)).toBe(model.signDate);
      expect(model.signDate).toMatch(new RegExp(`^${year + 1}年1月\\d{1,2}日$`));
      expect(text).not.toMatch(/XX|××|某某|TODO|待填|undefined|NaN|\[object/);
    }
  });

  if (layout === null) {
    test('legacy: free-form numbered parts, a true "本报告由N个部分组成", prose numbers match, no tables', () => {
      for (const seed of SEEDS) {
        const { text, model } = generate({ year, format, seed });
        expect(text).not.toMatch(/<table|\t|\s\|\s/);
        const headings = text.split('\n').filter((l) => /^(## )?[一二三四五六七八九十]+、/.test(l));
        const cn = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
        const count = /本报告由.*?([一二三四五六七八九十]+)个部分组成/.exec(text);
        expect(count).not.toBeNull();
        expect(cn.indexOf(count![1])).toBe(headings.length);
        expect(headings.length).toBeGreaterThanOrEqual(6);
        expect(headings.map((h) => h.replace(/^## /, '').split('、')[0])).toEqual(cn.slice(1, headings.length + 1));
        const n = model.applications.newReceived.total;
        if (n === 0) expect(text).toContain('未收到政府信息公开申请');
        else expect(text).toContain(`收到政府信息公开申请${n}件`);
        if (n + model.applications.carriedOver.total > 0) expect(text).toContain(`办结${model.applications.resultTotal.total}件`);
        for (const s of SECTIONS.filter((x) => x.key === 'problems')) expect(text).toContain(s.title.slice(2));
      }
    });
    return;
  }

  test('every section title, in order, and the 一 sub-items', () => {
    const text = generateReport({ year, format, seed: 3 });
    let at = 0;
    for (const s of SECTIONS) {
      const i = text.indexOf(s.title, at);
      expect(i).toBeGreaterThan(at);
      at = i;
    }
    for (const item of ['（一）主动公开', '（二）依申请公开', '（三）政府信息管理', '（四）政府信息公开平台建设', '（五）监督保障'])
      expect(text).toContain(item);
  });

  test('the tables carry every official label and exactly the model numbers', () => {
    for (const seed of SEEDS) {
      const { text, model } = generate({ year, format, seed });
      const rows = tableRows(text, format);
      // Table 三: all rows with their 7 values, in column order.
      const appRows = applicationRows(layout);
      expect(appRows.length).toBe(layout === '2021' ? 25 : 23);
      for (const r of appRows) {
        const vals = rowValues(rows, r.label).slice(0, 7).map(num);
        expect([r.key, vals]).toEqual([r.key, APPLICANT_COLUMNS.map((c) => model.applications[r.key][c.key])]);
      }
      for (const g of APPLICATION_GROUPS) expect(text).toContain(g.label);
      for (const c of APPLICANT_COLUMNS) expect(text).toContain(c.label);
      expect(text).toContain('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
      // Table 四: header labels and the one data row of 15 values.
      for (const c of REVIEW_COLUMNS) for (const part of c.label.split('·')) expect(text).toContain(part);
      const data = rows.filter((r) => r.length === 15 && r.every((c) => !Number.isNaN(num(c))));
      expect(data.map((r) => r.map(num))).toEqual([REVIEW_COLUMNS.map((c) => model.review[c.key])]);
      // Table 二: every clause, column label, row label and value.
      for (const sub of activeSubTables(layout)) {
        expect(text).toContain(sub.clause);
        for (const c of sub.columns) expect(text).toContain(c.label);
        for (const r of sub.rows) {
          const vals = rowValues(rows, r.label).slice(0, sub.columns.length).map(num);
          expect(vals).toEqual(sub.columns.map((c) => model.active[r.key][c.key]));
        }
      }
    }
  });

  test('一（二） prose states the application and review numbers of the tables', () => {
    for (const seed of SEEDS) {
      const { text, model } = generate({ year, format, seed });
      const a = model.applications;
      if (a.newReceived.total > 0) expect(text).toContain(`收到政府信息公开申请${a.newReceived.total}件`);
      else expect(text).toMatch(/未收到(新的)?政府信息公开申请/);
      if (a.carriedOver.total > 0) expect(text).toContain(`上年结转${a.carriedOver.total}件`);
      if (a.carryForward.total > 0) expect(text).toContain(`结转下年度继续办理${a.carryForward.total}件`);
      const claims = [...text.matchAll(/(?:收到政府信息公开申请|办结|行政复议|行政诉讼)(\d+)件/g)].map((m) => m[0]);
      for (const claim of claims) {
        const n = Number(/(\d+)件/.exec(claim)![1]);
        if (claim.startsWith('收到')) expect(n).toBe(a.newReceived.total);
        if (claim.startsWith('办结')) expect(n).toBe(a.resultTotal.total);
        if (claim.startsWith('行政复议')) expect(n).toBe(model.review['review.total']);
        if (claim.startsWith('行政诉讼')) expect(n).toBe(model.review['litigationDirect.total'] + model.review['litigationAfterReview.total']);
      }
      const r = model.review;
      if (r['review.total'] + r['litigationDirect.total'] + r['litigationAfterReview.total'] === 0) expect(text).toMatch(/未发生.*行政复议、(提起)?行政诉讼/);
    }
  });

  test('六 states the 信息处理费 situation (2021 layout only)', () => {
    for (const seed of SEEDS) {
      const text = generateReport({ year, format, seed });
      const six = text.slice(text.indexOf(SECTIONS[5].title));
      if (layout === '2021') expect(six).toMatch(/未收取(政府信息公开)?信息处理费/);
      else expect(six).not.toContain('信息处理费');
    }
    if (layout === '2021') {
      const text = generateReport({ year, format, seed: 2, processingFees: { notices: 3, noticeAmount: 1200, collected: 800 } });
      expect(text).toContain('发出收费通知3件，总金额1200元，实际收取信息处理费800元。');
    }
  });

  if (format === 'md') {
    test('md: HTML tables with the official spans and no blank line inside; table 二 as GFM', () => {
      const text = generateReport({ year, format, seed: 5 });
      const tables = [...text.matchAll(/<table[\s\S]*?<\/table>/g)].map((m) => m[0]);
      expect(tables).toHaveLength(2);
      for (const t of tables) expect(t).not.toMatch(/\n\s*\n/);
      const [apps, review] = tables;
      expect(apps).toContain('<td rowspan="3" colspan="3">（本列数据的勾稽关系为');
      expect(apps).toContain(`<td rowspan="${layout === '2021' ? 22 : 20}">三、本年度办理结果</td>`);
      expect(apps).toContain('<td rowspan="8">（三）不予公开</td>');
      expect(apps).toContain('<td rowspan="3">（四）无法提供</td>');
      expect(apps).toContain('<td rowspan="5">（五）不予处理</td>');
      expect(apps).toContain(layout === '2021' ? '<td rowspan="3">（六）其他处理</td>' : '<td colspan="2">（六）其他处理</td>');
      expect(apps).toContain('<td colspan="3">一、本年新收政府信息公开申请数量</td>');
      expect(apps).toContain('<td colspan="2">（七）总计</td>');
      expect(apps.match(/<tr>/g)).toHaveLength(3 + (layout === '2021' ? 25 : 23));
      expect(review).toContain('<td colspan="5">行政复议</td><td colspan="10">行政诉讼</td>');
      expect(review.match(/<tr>/g)).toHaveLength(4);
      expect(text).toMatch(/^\| 第二十条第（一）项 \|/m);
      expect(text).toMatch(/^## 一、总体情况$/m);
    });
  }

  if (format === 'txt-tsv') {
    test('txt-tsv: every table row has the full width (spans flattened to empty cells)', () => {
      const text = generateReport({ year, format, seed: 5 });
      const widths = new Set(
        text
          .split('\n')
          .filter((l) => l.includes('\t'))
          .map((l) => l.split('\t').length),
      );
      expect([...widths].sort((a, b) => a - b)).toEqual([4, 10, 15]);
    });
  }
});

describe('determinism and options', () => {
  test('the same options give the same text; seeds vary it', () => {
    for (const year of YEARS) {
      for (const format of FORMATS) {
        expect(generateReport({ year, format, seed: 42 })).toBe(generateReport({ year, format, seed: 42 }));
      }
      const texts = new Set(SEEDS.map((seed) => generateReport({ year, format: 'md', seed })));
      expect(texts.size).toBe(SEEDS.length);
    }
  });

  test('generateModel agrees with generate()', () => {
    expect(generateModel({ year: 2024, format: 'md', seed: 9 })).toEqual(generate({ year: 2024, format: 'txt-pipe', seed: 9 }).model);
  });

  test('explicit application values are honoured and the totals recomputed', () => {
    for (const year of [2016, 2020, 2024]) {
      for (const seed of SEEDS) {
        const m = generateModel({
          year,
          format: 'md',
          seed,
          applications: {
            newReceived: { natural: 17, commercial: 3 },
            'unavailable.notHeld': { commercial: 2 },
            granted: { natural: 5 },
          },
        });
        expect(m.applications.newReceived.natural).toBe(17);
        expect(m.applications.newReceived.commercial).toBe(3);
        expect(m.applications['unavailable.notHeld'].commercial).toBe(2);
        expect(m.applications.granted.natural).toBe(5);
        expect(brokenRelations(m, m.layout ?? '2019')).toEqual([]);
      }
    }
  });

  test('explicit totals and result items drive the rest', () => {
    const m = generateModel({
      year: 2024,
      format: 'md',
      seed: 3,
      applications: { newReceived: { total: 40 }, carriedOver: { total: 0 }, carryForward: { total: 0 } },
    });
    expect(m.applications.newReceived.total).toBe(40);
    expect(m.applications.resultTotal.total).toBe(40);
    expect(brokenRelations(m, '2021')).toEqual([]);
    const big = generateModel({ year: 2021, format: 'md', seed: 3, applications: { granted: { natural: 500 } } });
    expect(big.applications.newReceived.natural + big.applications.carriedOver.natural).toBeGreaterThanOrEqual(500);
    expect(brokenRelations(big, '2021')).toEqual([]);
    const t = generate({
      year: 2024,
      format: 'txt-pipe',
      seed: 1,
      applications: { newReceived: { natural: 7, commercial: 0, research: 0, publicInterest: 0, legalService: 0, otherOrg: 0 } },
    });
    expect(t.text).toContain('收到政府信息公开申请7件');
    expect(t.text).toMatch(/^一、本年新收政府信息公开申请数量 \| 7 \| 0 \| 0 \| 0 \| 0 \| 0 \| 7 \|/m);
  });

  test('explicit review values are honoured and totals recomputed', () => {
    const m = generateModel({ year: 2024, format: 'md', seed: 1, review: { 'review.upheld': 2, 'review.corrected': 1, 'litigationDirect.total': 1 } });
    expect(m.review['review.upheld']).toBe(2);
    expect(m.review['review.corrected']).toBe(1);
    expect(m.review['review.total']).toBe(3 + m.review['review.other'] + m.review['review.pending']);
    expect(m.review['litigationDirect.total']).toBe(1);
    expect(brokenRelations(m, '2021')).toEqual([]);
    const text = generateReport({ year: 2024, format: 'md', seed: 1, review: { 'review.upheld': 2, 'review.corrected': 1, 'litigationDirect.total': 1 } });
    expect(text).toContain(`行政复议${m.review['review.total']}件`);
  });

  test('impossible or unknown explicit values are rejected, not silently changed', () => {
    expect(() => generateModel({ year: 2024, format: 'md', applications: { noSuchRow: { natural: 1 } } })).toThrow(/unknown applications row/);
    expect(() => generateModel({ year: 2020, format: 'md', applications: { 'otherHandling.other': { natural: 1 } } })).toThrow(/unknown applications row/);
    expect(() => generateModel({ year: 2024, format: 'md', applications: { granted: { natural: -1 } } })).toThrow(/non-negative integer/);
    expect(() =>
      generateModel({
        year: 2024,
        format: 'md',
        applications: { newReceived: { natural: 1 }, carriedOver: { natural: 0 }, carryForward: { natural: 0 }, granted: { natural: 3 } },
      }),
    ).toThrow(/cannot balance/);
    expect(() => generateModel({ year: 2024, format: 'md', review: { 'review.upheld': 2, 'review.total': 1 } })).toThrow(/disagrees/);
  });

  test('agency and signDate options', () => {
    const text = generateReport({ year: 2023, format: 'txt-tsv', agency: '泓川县市场监督管理局', signDate: '2024年1月18日' });
    expect(text.startsWith('泓川县市场监督管理局2023年政府信息公开工作年度报告\n')).toBe(true);
    expect(text.trimEnd().endsWith('泓川县市场监督管理局\n\n2024年1月18日')).toBe(true);
    expect(text).toContain('我局');
  });
});
