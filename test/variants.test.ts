/**
 * Correct reports in the shapes real inputs come in (test/support/variants.ts: flattened web text,
 * PDF-layout text, one paragraph per PDF line in HTML and .docx, converter Markdown) are read to
 * the same Report as the clean file — sections, 统计期限, 落款, every table cell that could be read —
 * and get no error-level message from any rule. Where cells ran together past reading (flat-tight
 * table 二), the row is unreadable, never guessed, and table-structure says so once per table.
 * `node scripts/variants.mjs` prints the warnings each variant gets.
 *
 * @unit-loop skip: every real-input shape of generated reports, read back whole (`npm test` runs it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import { builtinRules } from '../src/rules/index.js';
import type { Report } from '../src/model/report.js';
import { configFor, lintBytes, modelSummary } from './formats/support.js';
import type { AnyGenFormat } from './support/generate.js';
import { generateBytes, generateReport } from './support/generate.js';
import { VARIANT_EXT, VARIANT_KINDS, seedTsv, variantBytes, variantOfTsv, type VariantKind } from './support/variants.js';

const ALL_RULES = configFor([...builtinRules.keys()]);
const FORMAT_OF: Record<string, AnyGenFormat> = { txt: 'txt-tsv', html: 'html', md: 'md', docx: 'docx' };

/** What must not depend on the shape: the model without table problems (an unreadable row is one). */
function readModel(reports: Report[]) {
  return modelSummary(reports).map((r) => ({
    ...r,
    tables: Object.fromEntries(Object.entries(r.tables).map(([k, t]) => [k, { layout: t.layout, rows: t.rows }])),
  }));
}

/** Rows the variant could not read, by table: these are left out of the comparison (and only these). */
function unreadableRows(reports: Report[]): string[] {
  return reports.flatMap((r) =>
    Object.values(r.tables).flatMap((t) =>
      Object.values(t.rows)
        .filter((row) => row.confidence === 'unreadable')
        .map((row) => `${t.kind}.${row.key}`),
    ),
  );
}

const BASES = [
  { year: 2024, seed: 1 },
  { year: 2020, seed: 2 },
];

/**
 * Variants where digits ran together past reading: the rows that may stay unreadable (table 二 has
 * no row relation; in table 三 "100010011" splits two ways that both balance).
 */
const MAY_BE_UNREADABLE: Partial<Record<VariantKind, RegExp>> = { 'flat-tight': /^(active|applications)\./ };

describe.each(BASES)('variants of the correct $year report (seed $seed)', (base) => {
  let clean: ReturnType<typeof readModel>;
  test.each(VARIANT_KINDS)(
    '%s: same Report as the clean file, no error',
    async (kind) => {
      clean ??= readModel((await lintBytes(await generateBytes({ ...base, format: 'txt-tsv' }), 'txt-tsv', ALL_RULES)).out.reports);
      const read = await lintBytes(await variantBytes(kind, base), FORMAT_OF[VARIANT_EXT[kind]], ALL_RULES);
      const errors = read.out.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
      expect({ kind, errors }).toEqual({ kind, errors: [] });
      // Shapes that lose nothing a reader needs get no warning either (flattened text keeps the page's
      // 当前位置 breadcrumb, a web-artifacts finding; flat-tight may leave rows unreadable).
      if (!kind.startsWith('flat-')) expect({ kind, messages: read.out.messages.map((m) => `${m.ruleId}: ${m.message}`) }).toEqual({ kind, messages: [] });

      const unreadable = unreadableRows(read.out.reports);
      expect(unreadable.filter((k) => !MAY_BE_UNREADABLE[kind]?.test(k))).toEqual([]);
      const model = readModel(read.out.reports);
      // Leave out what the variant could not read, and compare everything else.
      const expected = structuredClone(clean);
      for (const key of unreadable) {
        const [table, ...row] = key.split('.');
        /* eslint-disable @typescript-eslint/no-dynamic-delete -- the rows are a plain record keyed by row key, as the model prints them. */
        delete (expected[0].tables[table] as { rows: Record<string, unknown> }).rows[row.join('.')];
        delete (model[0].tables[table] as { rows: Record<string, unknown> }).rows[row.join('.')];
        /* eslint-enable @typescript-eslint/no-dynamic-delete */
      }
      expect({ kind, model }).toEqual({ kind, model: expected });
      if (unreadable.length) {
        // Said once per table, by table-structure, as a warning.
        const structure = read.out.messages.filter((m) => m.ruleId === 'table-structure');
        expect(structure.length).toBeGreaterThan(0);
        expect(structure.every((m) => m.severity === 1)).toBe(true);
      }
    },
    30000,
  );
});

/**
 * Real conversions, committed (regenerate: `node scripts/variants.mjs --real`): the generated .docx
 * printed to PDF by LibreOffice and extracted by `pdftotext -layout` (labels wrapped over a dozen
 * lines, vertical group labels spilled into the row lines, table 四's header one word in pieces per
 * line) and by plain `pdftotext` (every cell on a line of its own, in column order: unreadable).
 */
describe.each(BASES)('real PDF text of the correct $year report (seed $seed)', (base) => {
  const fixture = (kind: string) => readFileSync(fileURLToPath(new URL(`fixtures/real-pdf/${base.year}-s${base.seed}.${kind}.txt`, import.meta.url)));
  test('pdftotext -layout: the same Report as the clean file, every cell, no error', async () => {
    const clean = readModel((await lintBytes(await generateBytes({ ...base, format: 'txt-tsv' }), 'txt-tsv', ALL_RULES)).out.reports);
    const read = await lintBytes(fixture('layout'), 'txt-tsv', ALL_RULES);
    // Not even a warning: spilled group labels and wrapped row labels are read as the official ones.
    expect(read.out.messages.map((m) => `${m.ruleId}: ${m.message}`)).toEqual([]);
    expect(readModel(read.out.reports)).toEqual(clean);
  });
  test('plain pdftotext: sections, period and 落款 read; each table once unreadable (a warning), never missing', async () => {
    const clean = readModel((await lintBytes(await generateBytes({ ...base, format: 'txt-tsv' }), 'txt-tsv', ALL_RULES)).out.reports);
    const read = await lintBytes(fixture('plain'), 'txt-tsv', ALL_RULES);
    expect(read.out.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`)).toEqual([]);
    const [model] = readModel(read.out.reports);
    expect({ ...model, tables: undefined }).toEqual({ ...clean[0], tables: undefined });
    expect(read.out.reports[0].tables.applications?.unreadable).toBe('scattered');
    const structure = read.out.messages.filter((m) => m.ruleId === 'table-structure');
    expect(structure.map((m) => m.messageId)).toEqual(['scatteredTable', 'scatteredTable', 'scatteredTable']);
  });
});

/**
 * Known real defects (issue 9) must be found in every shape where the table can be read: as an
 * error where the cells were read exactly or tolerantly, at least as a warning where they were
 * inferred from numbers run together (flat-tight).
 */
describe('known real defects are found in every shape', () => {
  const base = { year: 2024, seed: 1 };
  /** The 2019 template's single （六）其他处理 row in place of the 2021 table's three. */
  const single2019Row = (tsv: string) => {
    const lines = tsv.split('\n');
    const at = lines.findIndex((l) => l.includes('（六）其他处理'));
    lines.splice(at, 3, '\t（六）其他处理\t\t0\t0\t0\t0\t0\t0\t0');
    return lines.join('\n');
  };
  const defects: { name: string; options?: object; rewrite?: (tsv: string) => string; finding: [string, string] }[] = [
    // （七）总计 one more than its items in 自然人 (the row's own 总计 kept consistent).
    {
      name: '（七）总计 not the sum of its items',
      options: { tamper: { applications: { resultTotal: { natural: 7, total: 9 } } } },
      finding: ['table-sum', 'resultTotal'],
    },
    {
      name: 'table 四 total of 0 beside non-zero parts',
      options: { review: { 'review.upheld': 2 }, tamper: { review: { 'review.total': 0 } } },
      finding: ['table-sum', 'reviewTotal'],
    },
    { name: 'a 2019-template （六）其他处理 single row in a 2021 table', rewrite: single2019Row, finding: ['format-version', ''] },
  ];
  for (const d of defects) {
    test.each(VARIANT_KINDS)(
      `${d.name}: %s`,
      async (kind) => {
        const o = { ...base, ...(d.options ?? {}) };
        const read = await lintBytes(await variantBytes(kind, o, d.rewrite), FORMAT_OF[VARIANT_EXT[kind]], ALL_RULES);
        const hits = read.out.messages.filter((m) => m.ruleId === d.finding[0] && (!d.finding[1] || m.messageId === d.finding[1]));
        expect({ kind, found: hits.length > 0 }).toEqual({ kind, found: true });
        if (kind !== 'flat-tight') expect({ kind, severities: [...new Set(hits.map((m) => m.severity))] }).toEqual({ kind, severities: [2] });
      },
      30000,
    );
  }
});

/** Tables published as pictures: "表三以图片形式发布，无法核对", a warning, never "table missing". */
describe('tables published as images', () => {
  const base = { year: 2024, seed: 1 };
  /** Replace the table holding `marker` (an HTML <table> block) by `picture`. */
  const replaceTable = (text: string, marker: string, picture: string) => {
    const tables = [...text.matchAll(/<table[\s\S]*?<\/table>/g)];
    const t = tables.find((m) => m[0].includes(marker))!;
    return text.slice(0, t.index) + picture + text.slice(t.index + t[0].length);
  };
  const expectImageTable = (read: Awaited<ReturnType<typeof lintBytes>>) => {
    expect(read.out.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`)).toEqual([]);
    const images = read.out.messages.filter((m) => m.messageId === 'imageTable');
    expect(images.map((m) => [m.ruleId, m.severity])).toEqual([['table-structure', 1]]);
    expect(images[0].message).toContain('表三（收到和处理政府信息公开申请情况）以图片形式发布，无法核对');
  };
  test('HTML page: <img> where table 三 should be', async () => {
    const html = replaceTable(generateReport({ ...base, format: 'html' }), '本年新收', '<p><img src="/u/2025/t3.png" alt=""></p>');
    expectImageTable(await lintBytes(Buffer.from(html), 'html', ALL_RULES));
  });
  test('Markdown: ![表三](t3.png) and a raw <img>', async () => {
    for (const picture of ['![表三](t3.png)', '<img src="t3.png">']) {
      const md = replaceTable(generateReport({ ...base, format: 'md' }), '本年新收', picture);
      expectImageTable(await lintBytes(Buffer.from(md), 'md', ALL_RULES));
    }
  });
  test('.docx: a picture in the paragraphs of part 三', async () => {
    const d = await import('docx');
    // A 1×1 PNG.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    const lines = generateReport({ ...base, format: 'txt-tsv' }).split('\n');
    const children: InstanceType<typeof d.Paragraph>[] = [];
    let inTable3 = false;
    for (const line of lines) {
      if (line.startsWith('三、收到和处理')) inTable3 = true;
      if (line.startsWith('四、政府信息公开行政复议')) inTable3 = false;
      if (inTable3 && line.includes('\t')) {
        if (!children.some((c) => (c as unknown as { picture?: boolean }).picture)) {
          const p = new d.Paragraph({ children: [new d.ImageRun({ type: 'png', data: png, transformation: { width: 400, height: 300 } })] });
          (p as unknown as { picture: boolean }).picture = true;
          children.push(p);
        }
        continue;
      }
      children.push(new d.Paragraph({ children: [new d.TextRun({ text: line.replace(/\t+/g, '\t') })] }));
    }
    const bytes = await d.Packer.toBuffer(new d.Document({ sections: [{ children }] }));
    expectImageTable(await lintBytes(bytes, 'docx', ALL_RULES));
  });
});

/**
 * The same carriers applied to the real reports (test/seeds): a seed's body flattened, laid out as
 * PDF text, saved one paragraph per line, converted to Markdown. A seed is messy on its own (labels
 * wrapped inside cells, rows that lost their label, page chrome), so the clean seed's findings are
 * the baseline: a variant may lose some (a table it cannot read is said once, as a warning), but
 * it must not raise an error-level finding the seed does not already have.
 */
describe('variants of the real seeds', () => {
  const seedDir = fileURLToPath(new URL('seeds/', import.meta.url));
  const seeds = readdirSync(seedDir).filter((f) => f.endsWith('.txt'));
  /** Error findings as rule/messageId, counted, per report. */
  const errorKeys = (read: Awaited<ReturnType<typeof lintBytes>>) =>
    read.out.messages
      .filter((m) => m.severity === 2)
      .map((m) => `${m.ruleId}/${m.messageId}`)
      .sort();
  /**
   * Findings that are true of the variant as written, by seed, kind and rule. Seed 003's 2023 row 一
   * reads "3 | 3 | ||||||||" (its blank cells lost their places); converter Markdown pads it into a
   * grid, which puts the second 3 under 商业企业 — a table that, as written, does not balance.
   */
  const TRUE_OF_THE_VARIANT: Record<string, string[]> = { '003_25319f2a3a9dfda5.txt': ['converter-md/application-balance'] };
  test.each(seeds)(
    '%s: no error in any shape that the seed itself does not have',
    async (file) => {
      const text = readFileSync(seedDir + file, 'utf8');
      const baseline = errorKeys(await lintBytes(Buffer.from(text), 'txt-tsv', ALL_RULES));
      const extra: string[] = [];
      for (const kind of VARIANT_KINDS) {
        const read = await lintBytes(await variantOfTsv(kind, seedTsv(text)), FORMAT_OF[VARIANT_EXT[kind]], ALL_RULES);
        const left = [...baseline];
        for (const m of read.out.messages.filter((x) => x.severity === 2)) {
          const at = left.indexOf(`${m.ruleId}/${m.messageId}`);
          if (at !== -1) left.splice(at, 1);
          else if (!TRUE_OF_THE_VARIANT[file]?.includes(`${kind}/${m.ruleId}`)) extra.push(`${kind}: ${m.ruleId}: ${m.message}`);
        }
      }
      expect(extra).toEqual([]);
    },
    60000,
  );
});
