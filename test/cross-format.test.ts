/**
 * Same report, same findings. One generated report is rendered in every input format — Markdown
 * with HTML tables, a CMS HTML page, tab-separated text, pipe text, PDF-extracted text, a real
 * .docx, and that .docx saved by LibreOffice as Word 97–2003 .doc and as .odt, and (for the
 * first clean report and the mission defects) exported as PDF (committed fixtures:
 * test/formats/office.ts) — and read back through the engine. The Report model
 * (sections, statistics period, every table cell) and the rule findings (rule, message and the
 * text they point at) must be identical in all of them, for clean reports and for one injected
 * defect per mission rule.
 *
 * @unit-loop skip: one report in nine formats, Report and findings compared (`npm test` runs it).
 */
import { describe, expect, test } from '@jest/globals';
import { APPLICANT_COLUMNS, REVIEW_COLUMNS, applicationRows } from '../src/templates/tables.js';
import { generateModel, type GenOptions } from './support/generate.js';
import { ALL_FORMATS, MISSION_RULES, configFor, findings, modelSummary, render } from './formats/support.js';
import type { OfficeFormat } from './formats/office.js';

const OFFICE_FORMATS: OfficeFormat[] = ['doc', 'odt'];

type Base = Omit<GenOptions, 'format'>;

/**
 * `rule`: one more rule to enable beside the mission rules (the defect's own). `pdf`: also the PDF
 * LibreOffice exports (about 85 KB a fixture, so not for every case).
 */
async function allFormats(o: Base, rule?: string, pdf = false) {
  const out: Record<string, { model: ReturnType<typeof modelSummary>; findings: string[] }> = {};
  const config = rule && !MISSION_RULES.includes(rule) ? configFor([...MISSION_RULES, rule]) : undefined;
  for (const f of [...ALL_FORMATS, ...OFFICE_FORMATS, ...(pdf ? (['pdf'] as const) : [])]) {
    const r = await render(o, f, config);
    out[f] = { model: modelSummary(r.out.reports), findings: findings(r) };
  }
  return out;
}

function expectSameEverywhere(byFormat: Awaited<ReturnType<typeof allFormats>>) {
  const md = byFormat.md;
  for (const f of Object.keys(byFormat)) {
    // Compare per format so that a failure names the format.
    expect({ format: f, model: byFormat[f].model }).toEqual({ format: f, model: md.model });
    expect({ format: f, findings: byFormat[f].findings }).toEqual({ format: f, findings: md.findings });
  }
}

describe('clean reports read the same in every format, with no finding', () => {
  const cases: Base[] = [
    { year: 2024, seed: 1 },
    { year: 2022, seed: 8 },
    {
      year: 2021,
      seed: 5,
      applications: { newReceived: { natural: 40, commercial: 7, legalService: 3 } },
      review: { 'review.upheld': 2, 'litigationDirect.pending': 1 },
    },
    { year: 2020, seed: 2 },
    { year: 2019, seed: 6 },
    { year: 2025, seed: 11, processingFees: { notices: 2, noticeAmount: 300, collected: 200 } },
  ];
  for (const [i, o] of cases.entries()) {
    test(`${o.year} seed ${o.seed}`, async () => {
      const byFormat = await allFormats(o, undefined, i === 0);
      expectSameEverywhere(byFormat);
      expect(byFormat.md.findings).toEqual([]);
      // And what was read is what the generator put in: every cell of tables 三 and 四.
      const m = generateModel({ ...o, format: 'md' });
      const [report] = byFormat.md.model;
      const apps = report.tables.applications.rows as Record<string, Record<string, number>>;
      for (const r of applicationRows(m.layout!)) {
        for (const c of APPLICANT_COLUMNS) expect(`${r.key}.${c.key}=${apps[r.key]?.[c.key]}`).toBe(`${r.key}.${c.key}=${m.applications[r.key][c.key]}`);
      }
      const review = (report.tables.review.rows as Record<string, Record<string, number>>).data;
      for (const c of REVIEW_COLUMNS) expect(review[c.key]).toBe(m.review[c.key]);
      expect(Object.keys(report.sections).sort()).toEqual(['active', 'applications', 'other', 'overview', 'problems', 'review']);
    }, 30000);
  }
});

describe('an injected defect gives the same finding, at the same text, in every format', () => {
  const base: Base = { year: 2024, seed: 7, applications: { newReceived: { natural: 5, commercial: 2 } } };
  const m = generateModel({ ...base, format: 'md' });
  const defects: [name: string, rule: string, o: Base][] = [
    ['table-sum: a row total off by one', 'table-sum', { ...base, tamper: { applications: { newReceived: { total: m.applications.newReceived.total + 1 } } } }],
    [
      'application-balance: 四、结转 one too many in a column and its row total',
      'application-balance',
      {
        ...base,
        tamper: { applications: { carryForward: { natural: m.applications.carryForward.natural + 1, total: m.applications.carryForward.total + 1 } } },
      },
    ],
    [
      'zero-fee-conflict: "未收取任何费用" beside a non-zero 行政事业性收费',
      'zero-fee-conflict',
      { ...base, active: { adminFees: { feeAmount: 2.5 } }, edits: [[/[^。]*未收取[^。]*信息处理费[^。]*。/, '本机关全年未收取任何费用。']] },
    ],
    [
      'statistics-period: the previous year',
      'statistics-period',
      {
        ...base,
        edits: [
          ['2024年1月1日', '2023年1月1日'],
          ['2024年12月31日', '2023年12月31日'],
        ],
      },
    ],
    ['required-sections: 六 renamed', 'required-sections', { ...base, edits: [['六、其他需要报告的事项', '六、补充说明']] }],
    ['table-sum in table 四', 'table-sum', { ...base, review: { 'review.upheld': 1 }, tamper: { review: { 'review.total': 3 } } }],
    // Prose read with its scope (src/model/claims.ts): the same claim in every format.
    [
      'text-table-mismatch: 受理 N 件 that is neither 新收 nor 新收 + 上年结转',
      'text-table-mismatch',
      { ...base, edits: [[/共收到政府信息公开申请\d+件/, '共受理政府信息公开申请20件']] },
    ],
    [
      'statistics-period: an empty 统计期限 sentence',
      'statistics-period',
      { ...base, edits: [['统计期限自2024年1月1日起至2024年12月31日止', '统计期限自至']] },
    ],
    [
      'zero-fee-conflict: "全年未产生任何收费" beside a non-zero 行政事业性收费',
      'zero-fee-conflict',
      { ...base, active: { adminFees: { feeAmount: 2.5 } }, edits: [[/[^。]*未收取[^。]*信息处理费[^。]*。/, '本机关全年未产生任何收费。']] },
    ],
    ["report-year: last year's introduction (结合2023年…工作实际)", 'report-year', { ...base, edits: [['结合2024年', '结合2023年']] }],
    ['organ-mismatch: signed by another organ', 'organ-mismatch', { ...base, edits: [[/^临江市人民政府外事办公室$/, '临江市财政局']] }],
    [
      'problems-and-measures: problems without improvement',
      'problems-and-measures',
      {
        ...base,
        edits: [
          [/^针对上述问题.*$/, '以上问题仍然存在。'],
          [/^对上一年度报告中提出的问题.*$/, '相关问题有待解决。'],
        ],
      },
    ],
    ['placeholder: a telephone number never filled in', 'placeholder', { ...base, edits: [[/请与([^，。]*)联系。/, '请与$1联系，联系电话：XXXX-XXXXXXX。']] }],
  ];
  // The first six are the mission rules' defects: those also as PDF.
  for (const [i, [name, rule, o]] of defects.entries()) {
    test(
      name,
      async () => {
        const byFormat = await allFormats(o, rule, i < 6);
        expectSameEverywhere(byFormat);
        const rules = byFormat.md.findings.map((f) => f.split('/')[0]);
        expect(rules).toContain(rule);
        // The finding points at text, not at an empty span, in every format.
        for (const f of byFormat.md.findings) expect(f).not.toMatch(/«»$/);
      },
      30000,
    );
  }
});
