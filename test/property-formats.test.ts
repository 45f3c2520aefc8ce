/**
 * Property-based tests (fast-check): random generated reports, and random mutations of them,
 * through every format processor. Properties: no exception; every message position lies inside
 * the file (for .docx: inside its paragraph view); and on unmutated reports the tables read back
 * equal the numbers the generator put in (generateModel), so every total is recomputed correctly.
 *
 * @unit-loop skip: fast-check: random reports and mutations through every format (`npm test` runs it).
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { verify } from '../src/engine/linter.js';
import { parseDocx } from '../src/formats/docx.js';
import { builtinRules } from '../src/rules/index.js';
import { APPLICANT_COLUMNS, REVIEW_COLUMNS, applicationRows } from '../src/templates/tables.js';
import { generate, generateDocx, type GenFormat, type GenOptions } from './support/generate.js';
import { FILE_NAME, configFor, modelSummary } from './formats/support.js';
import { expectInside } from './support/positions.js';

const TEXT_FORMATS: GenFormat[] = ['md', 'html', 'txt-tsv', 'txt-pipe', 'txt-pdf'];
const config = configFor([...builtinRules.keys()]);

const count = fc.integer({ min: 0, max: 60 });
const genOptions = fc.record({
  year: fc.integer({ min: 2019, max: 2027 }),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  newNatural: fc.option(count, { nil: undefined }),
  newCommercial: fc.option(count, { nil: undefined }),
  reviewUpheld: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
});
type Drawn = { year: number; seed: number; newNatural?: number; newCommercial?: number; reviewUpheld?: number };

function options(d: Drawn): Omit<GenOptions, 'format'> {
  const newReceived: Record<string, number> = {};
  if (d.newNatural !== undefined) newReceived.natural = d.newNatural;
  if (d.newCommercial !== undefined) newReceived.commercial = d.newCommercial;
  return { year: d.year, seed: d.seed, applications: { newReceived }, review: d.reviewUpheld !== undefined ? { 'review.upheld': d.reviewUpheld } : {} };
}

/** The tables read back equal the generator's numbers, cell by cell. */
function expectModel(reports: ReturnType<typeof verify>['reports'], o: Omit<GenOptions, 'format'>, model: ReturnType<typeof generate>['model']): void {
  const [r] = modelSummary(reports);
  const apps = r.tables.applications.rows as Record<string, Record<string, number>>;
  for (const row of applicationRows(model.layout!)) for (const c of APPLICANT_COLUMNS) expect(apps[row.key]?.[c.key]).toBe(model.applications[row.key][c.key]);
  const review = (r.tables.review.rows as Record<string, Record<string, number>>).data;
  for (const c of REVIEW_COLUMNS) expect(review[c.key]).toBe(model.review[c.key]);
  expect(r.year).toBe(o.year);
}

describe('random reports through every format processor', () => {
  test('text formats: no exception, positions inside, tables equal the generator model, no finding', () => {
    fc.assert(
      fc.property(genOptions, fc.constantFrom(...TEXT_FORMATS), (d, format) => {
        const o = options(d);
        const { text, model } = generate({ ...o, format });
        const out = verify(text, { filePath: FILE_NAME[format], config, rules: builtinRules });
        expectInside(out.messages, text);
        expectModel(out.reports, o, model);
        expect(out.messages.map((m) => `${m.ruleId}/${m.messageId}`)).toEqual([]);
      }),
      { numRuns: 60, seed: 20261122 },
    );
  });

  test('.docx: the same, through mammoth and the paragraph view', async () => {
    await fc.assert(
      fc.asyncProperty(genOptions, async (d) => {
        const o = options(d);
        const docx = await parseDocx(await generateDocx(o));
        expect(docx.ok).toBe(true);
        if (!docx.ok) return;
        const text = docx.document.source.text;
        const out = verify(text, { filePath: 'r.docx', document: docx.document, config, rules: builtinRules });
        expectInside(out.messages, text);
        expectModel(out.reports, o, generate({ ...o, format: 'md' }).model);
        expect(out.messages.map((m) => `${m.ruleId}/${m.messageId}`)).toEqual([]);
      }),
      { numRuns: 8, seed: 7 },
    );
  }, 60_000);
});

/** Line-level and character-level damage, as copy-paste, truncation and bad exports do it. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant('deleteLine' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicateLine' as const), at: fc.nat(), from: fc.nat() }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.constantFrom(
      '<table><tr><td rowspan="0">',
      '</td></tr>',
      '\t',
      ' | ',
      '&',
      '&#xD800;',
      '\u0000',
      '\r',
      '一、',
      '（七）总计 1 2',
      '<!--',
      '<br>',
      '😀',
      '\uFEFF',
    ),
  }),
  fc.record({ op: fc.constant('digits' as const), at: fc.nat(), text: fc.string({ unit: fc.constantFrom('0', '9', '-', '.', ' '), maxLength: 6 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, ms: Mutation[]): string {
  let t = text;
  for (const m of ms) {
    const lines = t.split('\n');
    const i = m.at % Math.max(1, lines.length);
    switch (m.op) {
      case 'deleteLine':
        lines.splice(i, 1);
        t = lines.join('\n');
        break;
      case 'duplicateLine':
        lines.splice(i, 0, lines[m.from % lines.length]);
        t = lines.join('\n');
        break;
      case 'truncate':
        t = t.slice(0, m.at % (t.length + 1));
        break;
      case 'insert':
      case 'digits': {
        const at = m.at % (t.length + 1);
        t = t.slice(0, at) + m.text + t.slice(at);
        break;
      }
    }
  }
  return t;
}

describe('mutated reports through every format processor', () => {
  test('text formats: no exception, positions inside the file', () => {
    fc.assert(
      fc.property(genOptions, fc.constantFrom(...TEXT_FORMATS), fc.array(mutation, { minLength: 1, maxLength: 8 }), (d, format, ms) => {
        const text = mutate(generate({ ...options(d), format }).text, ms);
        const out = verify(text, { filePath: FILE_NAME[format], config, rules: builtinRules });
        expectInside(out.messages, text);
      }),
      { numRuns: 150, seed: 42 },
    );
  });

  test('.docx: damaged bytes never throw; what still opens lints with positions inside its view', async () => {
    const bytes = await generateDocx({ year: 2024, seed: 3 });
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: bytes.length }), fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 0, max: 255 }), async (cut, at, value) => {
        const damaged = Buffer.from(bytes.subarray(0, Math.max(4, cut)));
        if (at < damaged.length) damaged[at] = value;
        const docx = await parseDocx(damaged);
        if (!docx.ok) return;
        const text = docx.document.source.text;
        expectInside(verify(text, { filePath: 'r.docx', document: docx.document, config, rules: builtinRules }).messages, text);
      }),
      { numRuns: 40, seed: 3 },
    );
  }, 60_000);
});
