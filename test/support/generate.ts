/**
 * Deterministic generator of complete, CORRECT annual reports (政府信息公开工作年度报告), for tests
 * and the benchmark. Every number in a generated report satisfies the official relations
 * (src/templates/tables.ts `relations()`), prose numbers agree with the tables, the 统计期限 names
 * the report year, and the 落款 date lies after the period. Labels come from src/templates.
 *
 *   generateReport({ year: 2024, format: 'md', seed: 7 })   → the text
 *   generateModel({ year: 2024, format: 'md', seed: 7 })    → the numbers that text contains
 *
 * Eras follow the year: ≤2018 legacy (free-form parts, no tables), 2019–2020 the 2019 layout,
 * ≥2021 the 2021 layout.
 */
import { eraForYear, type EraId, type Layout } from '../../src/templates/eras.js';
import { SECTIONS } from '../../src/templates/sections.js';
import {
  ACTIVE_2019,
  ACTIVE_2021,
  APPLICANT_COLUMNS,
  APPLICATION_GROUPS,
  APPLICATION_BALANCE_NOTE,
  APPLICATION_HEADER_WORDS,
  REVIEW_COLUMNS,
  REVIEW_GROUPS,
  applicationResultItems,
  applicationRows,
  type ActiveSubTable,
  type RowTemplate,
} from '../../src/templates/tables.js';

/**
 * Text formats. 'html' is a CMS page (site chrome, breadcrumbs, a metadata table, related links
 * around the article body); 'txt-pdf' is text as extracted from a PDF (seed 001: wrapped short
 * lines, space-separated table rows, wrapped and split labels, vertical header text, lost header
 * rows). A .docx is bytes: see generateDocx.
 */
export type GenFormat = 'md' | 'txt-tsv' | 'txt-pipe' | 'html' | 'txt-pdf';

/** Every format a report can be rendered in, .docx included. */
export type AnyGenFormat = GenFormat | 'docx';

export type NumberTable = Record<string, Record<string, number>>;

export interface ProcessingFees {
  /** 发出收费通知的件数 */
  notices: number;
  /** 收费通知总金额（元） */
  noticeAmount: number;
  /** 实际收取金额（元） */
  collected: number;
}

export interface GenOptions {
  year: number;
  format: GenFormat;
  /** Issuing organ. Default 临江市人民政府外事办公室. */
  agency?: string;
  /** Varies numbers and wording (deterministic PRNG). Default 1. */
  seed?: number;
  /** Explicit table 三 values by row key and column key; the rest is generated and totals computed. */
  applications?: Partial<Record<string, Partial<Record<string, number>>>>;
  /** Explicit table 四 values, e.g. {'review.upheld': 1}; totals computed. */
  review?: Partial<Record<string, number>>;
  /** Explicit table 二 values by row key and column key (no relations; used as given). */
  active?: Partial<Record<string, Partial<Record<string, number>>>>;
  /** 信息处理费 stated in 六 (2021 layout). Default: none charged. */
  processingFees?: ProcessingFees;
  /** 落款 date as written. Default: a January date of year+1. */
  signDate?: string;
  /**
   * Injected defects, for tests. `edits` rewrite the words of the title, headings and paragraphs
   * (every format alike); `tamper` writes numbers into table cells AFTER the relations were solved,
   * so the tables show them while generateModel still returns the correct numbers.
   */
  edits?: [from: string | RegExp, to: string][];
  tamper?: {
    applications?: Partial<Record<string, Partial<Record<string, number>>>>;
    review?: Partial<Record<string, number>>;
  };
}

export interface GenModel {
  era: EraId;
  /** The table layout; null for legacy reports (their numbers only appear in prose). */
  layout: Layout | null;
  /** Table 三 by row key → column key (all 7 columns). Legacy: the 2019-shaped numbers behind the prose. */
  applications: NumberTable;
  /** Table 四 by column key ('review.upheld' …). */
  review: Record<string, number>;
  /** Table 二 by row key → column key; empty for legacy. */
  active: NumberTable;
  processingFees: ProcessingFees;
  signDate: string;
}

/* ------------------------------------------------------------------------------------ PRNG */

class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = (seed >>> 0) ^ 0x9e3779b9;
  }
  /** mulberry32 */
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  /** k distinct elements, in their original order. */
  some<T>(xs: readonly T[], k: number): T[] {
    const idx = xs.map((_, i) => i);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    return idx
      .slice(0, Math.min(k, xs.length))
      .sort((a, b) => a - b)
      .map((i) => xs[i]);
  }
}

/* ------------------------------------------------------------------------- number building */

const PART_COLUMNS = APPLICANT_COLUMNS.filter((c) => c.key !== 'total').map((c) => c.key);
const ALL_COLUMNS = APPLICANT_COLUMNS.map((c) => c.key);
const OUTCOME_KEYS = ['upheld', 'corrected', 'other', 'pending'];

const COLUMN_WEIGHT: Record<string, number> = {
  natural: 6,
  commercial: 2,
  research: 0.3,
  publicInterest: 0.3,
  legalService: 1,
  otherOrg: 0.6,
};
const ITEM_WEIGHT: Record<string, number> = {
  granted: 8,
  partlyGranted: 1.5,
  'refused.stateSecret': 0.05,
  'refused.prohibitedByLaw': 0.1,
  'refused.threeSecurity': 0.05,
  'refused.thirdParty': 0.3,
  'refused.internalAffairs': 0.3,
  'refused.processInfo': 0.4,
  'refused.enforcementFile': 0.1,
  'refused.queryMatter': 0.2,
  'unavailable.notHeld': 3,
  'unavailable.needsCreation': 0.6,
  'unavailable.unclear': 0.3,
  'notProcessed.petition': 0.5,
  'notProcessed.repeated': 0.4,
  'notProcessed.publication': 0.2,
  'notProcessed.massRepeated': 0.1,
  'notProcessed.confirmation': 0.2,
  'otherHandling.noCorrection': 0.4,
  'otherHandling.unpaidFee': 0,
  'otherHandling.other': 0.3,
  otherHandling: 0.5,
};

/** Split n units over keys in proportion to jittered weights (all weights 0 → equal). */
function spread(n: number, keys: string[], weight: (k: string) => number, rng: Rng): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = 0;
  if (n <= 0 || keys.length === 0) return out;
  let ws = keys.map((k) => weight(k) * (0.2 + 1.6 * rng.next()));
  if (ws.every((w) => w === 0)) ws = keys.map(() => 1);
  const sum = ws.reduce((a, b) => a + b, 0);
  const raw = ws.map((w) => (n * w) / sum);
  let left = n;
  keys.forEach((k, i) => {
    out[k] = Math.floor(raw[i]);
    left -= out[k];
  });
  const order = keys.map((k, i) => ({ k, f: raw[i] - Math.floor(raw[i]) + rng.next() * 1e-6 })).sort((a, b) => b.f - a.f);
  for (let i = 0; left > 0; i = (i + 1) % order.length, left--) out[order[i].k]++;
  return out;
}

function checkCount(v: unknown, where: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new Error(`generate: ${where} must be a non-negative integer, got ${String(v)}`);
  return v;
}

function buildApplications(layout: Layout, rng: Rng, explicit: GenOptions['applications'] = {}): NumberTable {
  const rowKeys = applicationRows(layout).map((r) => r.key);
  const items = applicationResultItems(layout);
  const fixed: Record<string, Record<string, number>> = {};
  for (const r of rowKeys) fixed[r] = {};
  for (const [r, cols] of Object.entries(explicit)) {
    if (!rowKeys.includes(r)) throw new Error(`generate: unknown applications row '${r}' for the ${layout} layout`);
    for (const [c, v] of Object.entries(cols ?? {})) {
      if (!ALL_COLUMNS.includes(c)) throw new Error(`generate: unknown applications column '${c}'`);
      if (v !== undefined) fixed[r][c] = checkCount(v, `applications.${r}.${c}`);
    }
  }
  const colWeight = (c: string) => COLUMN_WEIGHT[c];
  // 1. An explicit 总计 of an ordinary row is spread over that row's unspecified applicant columns.
  for (const r of rowKeys) {
    if (r === 'resultTotal' || fixed[r].total === undefined) continue;
    const free = PART_COLUMNS.filter((c) => fixed[r][c] === undefined);
    const rest = fixed[r].total - PART_COLUMNS.reduce((s, c) => s + (fixed[r][c] ?? 0), 0);
    if (rest < 0 || (rest > 0 && free.length === 0)) throw new Error(`generate: applications.${r}.total disagrees with its columns`);
    Object.assign(fixed[r], spread(rest, free, colWeight, rng));
  }
  const fixedItemSum = (c: string) => items.reduce((s, r) => s + (fixed[r][c] ?? 0), 0);
  // 2. An explicit （七）总计 total is spread over columns, each at least its fixed items.
  if (fixed.resultTotal.total !== undefined) {
    const free = PART_COLUMNS.filter((c) => fixed.resultTotal[c] === undefined);
    let rest = fixed.resultTotal.total - PART_COLUMNS.reduce((s, c) => s + (fixed.resultTotal[c] ?? 0), 0);
    for (const c of free) {
      fixed.resultTotal[c] = fixedItemSum(c);
      rest -= fixed.resultTotal[c];
    }
    if (rest < 0 || (rest > 0 && free.length === 0)) throw new Error('generate: applications.resultTotal.total disagrees with its columns');
    const extra = spread(rest, free, colWeight, rng);
    for (const c of free) fixed.resultTotal[c] += extra[c];
  }
  // 3. Per applicant column: 一 + 二 = S + 四, S = Σ result items.
  const volume = rng.pick([0, 1, 2, 3, 5, 8, 12, 20, 35, 60]);
  const out: NumberTable = {};
  for (const r of rowKeys) out[r] = {};
  for (const c of PART_COLUMNS) {
    const F = fixedItemSum(c);
    const freeItems = items.filter((r) => fixed[r][c] === undefined);
    type V = 'new' | 'carried' | 'S' | 'fwd';
    const val: Partial<Record<V, number>> = {
      new: fixed.newReceived[c],
      carried: fixed.carriedOver[c],
      S: fixed.resultTotal[c] ?? (freeItems.length === 0 ? F : undefined),
      fwd: fixed.carryForward[c],
    };
    if (val.S !== undefined && (val.S < F || (val.S > F && freeItems.length === 0))) {
      throw new Error(`generate: applications.resultTotal.${c} disagrees with its result items`);
    }
    const free = (['new', 'S', 'fwd', 'carried'] as V[]).filter((v) => val[v] === undefined);
    const scale =
      c === 'natural' ? volume : c === 'commercial' ? (rng.chance(0.45) ? Math.ceil(volume / 4) : 0) : rng.chance(0.15) ? Math.ceil(volume / 10) : 0;
    const small = (base: number) => (rng.chance(0.3) ? rng.int(0, Math.max(1, Math.floor(base / 8))) : 0);
    const minOf: Record<V, number> = { new: 0, carried: 0, S: F, fwd: 0 };
    if (free.length === 0) {
      if (val.new! + val.carried! !== val.S! + val.fwd!) throw new Error(`generate: applications column '${c}' cannot balance 一+二 = （七）+四`);
    } else {
      const slack = free[0];
      for (const v of free.slice(1)) val[v] = v === 'S' ? F + rng.int(0, scale) : small(scale);
      const solve = () => {
        const { new: n = 0, carried = 0, S = 0, fwd = 0 } = val;
        if (slack === 'new') return S + fwd - carried;
        if (slack === 'carried') return S + fwd - n;
        if (slack === 'S') return n + carried - fwd;
        return n + carried - S;
      };
      let x = solve();
      if (x < minOf[slack]) {
        for (const v of free.slice(1)) val[v] = minOf[v];
        x = solve();
      }
      if (x < minOf[slack]) throw new Error(`generate: applications column '${c}' cannot balance 一+二 = （七）+四 with the given values`);
      val[slack] = x;
    }
    out.newReceived[c] = val.new!;
    out.carriedOver[c] = val.carried!;
    out.carryForward[c] = val.fwd!;
    out.resultTotal[c] = val.S!;
    for (const r of items) if (fixed[r][c] !== undefined) out[r][c] = fixed[r][c];
    const d = spread(val.S! - F, freeItems, (k) => ITEM_WEIGHT[k] ?? 0.2, rng);
    for (const r of freeItems) out[r][c] = d[r];
  }
  for (const r of rowKeys) {
    out[r].total = PART_COLUMNS.reduce((s, c) => s + out[r][c], 0);
    if (fixed[r].total !== undefined && fixed[r].total !== out[r].total) {
      throw new Error(`generate: applications.${r}.total = ${fixed[r].total} cannot hold`);
    }
  }
  return out;
}

function buildReview(rng: Rng, explicit: GenOptions['review'] = {}): Record<string, number> {
  const known = new Set(REVIEW_COLUMNS.map((c) => c.key));
  for (const [k, v] of Object.entries(explicit)) {
    if (!known.has(k)) throw new Error(`generate: unknown review column '${k}'`);
    if (v !== undefined) checkCount(v, `review.${k}`);
  }
  const out: Record<string, number> = {};
  const odds: Record<string, number> = { review: 0.35, litigationDirect: 0.2, litigationAfterReview: 0.1 };
  const w: Record<string, number> = { upheld: 3, corrected: 1, other: 1, pending: 1 };
  for (const g of REVIEW_GROUPS) {
    const key = (o: string) => `${g.key}.${o}`;
    const given = OUTCOME_KEYS.filter((o) => explicit[key(o)] !== undefined);
    const freeOutcomes = OUTCOME_KEYS.filter((o) => explicit[key(o)] === undefined);
    const givenSum = given.reduce((s, o) => s + explicit[key(o)]!, 0);
    const total = explicit[key('total')];
    let rest: number;
    if (total !== undefined) {
      rest = total - givenSum;
      if (rest < 0 || (rest > 0 && freeOutcomes.length === 0)) throw new Error(`generate: review ${key('total')} disagrees with its outcomes`);
    } else {
      rest = given.length > 0 ? 0 : rng.chance(odds[g.key]) ? rng.int(1, 3) : 0;
    }
    const d = spread(rest, freeOutcomes, (o) => w[o], rng);
    for (const o of OUTCOME_KEYS) out[key(o)] = explicit[key(o)] ?? d[o];
    out[key('total')] = OUTCOME_KEYS.reduce((s, o) => s + out[key(o)], 0);
  }
  return out;
}

function round(x: number, digits: number): number {
  return Number(x.toFixed(digits));
}

function buildActive(layout: Layout, rng: Rng, explicit: GenOptions['active'] = {}): NumberTable {
  const busy = rng.chance(0.5);
  const big = (hi: number) => (busy ? rng.int(0, hi) : rng.chance(0.3) ? rng.int(0, Math.ceil(hi / 20)) : 0);
  const out: NumberTable = {};
  if (layout === '2021') {
    const docs = () => {
      const made = rng.chance(0.6) ? rng.int(0, 6) : 0;
      const repealed = rng.chance(0.3) ? rng.int(0, 3) : 0;
      return { made, repealed, valid: rng.int(made, made + 25) };
    };
    out.rules = rng.chance(0.85) ? { made: 0, repealed: 0, valid: 0 } : docs();
    out.normativeDocs = docs();
    out.licensing = { decisions: big(2500) };
    out.penalty = { decisions: big(300) };
    out.enforcement = { decisions: big(40) };
    out.adminFees = { feeAmount: rng.chance(0.55) ? 0 : round(rng.int(1, 90000) / 100 / (rng.chance(0.5) ? 10 : 1), 4) };
  } else {
    const docs = () => {
      const made = rng.chance(0.6) ? rng.int(0, 6) : 0;
      return { newlyMade: made, newlyPublished: made, totalPublished: made + rng.int(0, 30) };
    };
    const items = (hi: number) => ({ previousItems: rng.int(0, hi), change: rng.chance(0.7) ? 0 : rng.int(1, 3), decisions: big(hi * 20) });
    out.rules = rng.chance(0.85) ? { newlyMade: 0, newlyPublished: 0, totalPublished: 0 } : docs();
    out.normativeDocs = docs();
    out.licensing = items(40);
    out.otherServices = items(15);
    out.penalty = items(120);
    out.enforcement = items(10);
    out.adminFees = { previousItems: rng.int(0, 6), change: 0 };
    const n = rng.chance(0.5) ? rng.int(1, 12) : 0;
    out.procurement = { procurementCount: n, procurementAmount: n === 0 ? 0 : round(rng.int(100, 90000) / 100, 2) };
  }
  const tables = layout === '2021' ? ACTIVE_2021 : ACTIVE_2019;
  for (const [r, cols] of Object.entries(explicit)) {
    const sub = tables.find((t) => t.rows.some((x) => x.key === r));
    if (!sub) throw new Error(`generate: unknown active row '${r}' for the ${layout} layout`);
    for (const [c, v] of Object.entries(cols ?? {})) {
      if (!sub.columns.some((x) => x.key === c)) throw new Error(`generate: unknown active column '${r}.${c}'`);
      if (v !== undefined) out[r][c] = v;
    }
  }
  return out;
}

/* -------------------------------------------------------------------------- document model */

interface Cell {
  text: string;
  rowspan?: number;
  colspan?: number;
}
type Row = Cell[];
interface Grid {
  kind: 'active' | 'applications' | 'review';
  width: number;
  rows: Row[];
}

type Block =
  { t: 'title'; text: string; mdText: string } | { t: 'h1'; text: string } | { t: 'h2'; text: string } | { t: 'p'; text: string } | { t: 'table'; grid: Grid };

const c = (text: string | number, colspan?: number, rowspan?: number): Cell => ({ text: String(text), colspan, rowspan });

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(round(n, 4));
}

function activeGrid(subs: ActiveSubTable[], model: NumberTable): Grid {
  const width = 1 + Math.max(...subs.map((s) => s.columns.length));
  const rows: Row[] = [];
  for (const sub of subs) {
    rows.push([c(sub.clause, width)]);
    const cols = sub.columns;
    const last = (i: number) => (i === cols.length - 1 && cols.length < width - 1 ? width - cols.length : undefined);
    rows.push([c('信息内容'), ...cols.map((col, i) => c(col.label, last(i)))]);
    for (const r of sub.rows) rows.push([c(r.label), ...cols.map((col, i) => c(fmt(model[r.key][col.key]), last(i)))]);
  }
  return { kind: 'active', width, rows };
}

function headerWord(w: string): string {
  if (!APPLICATION_HEADER_WORDS.includes(w)) throw new Error(`generate: '${w}' is not an official header word`);
  return w;
}

function applicationsGrid(layout: Layout, model: NumberTable): Grid {
  const rows: Row[] = [];
  const orgs = APPLICANT_COLUMNS.filter((x) => x.key !== 'natural' && x.key !== 'total');
  const label = (k: string) => APPLICANT_COLUMNS.find((x) => x.key === k)!.label;
  rows.push([c(APPLICATION_BALANCE_NOTE, 3, 3), c(headerWord('申请人情况'), 7)]);
  rows.push([c(label('natural'), undefined, 2), c(headerWord('法人或其他组织'), 5), c(label('total'), undefined, 2)]);
  rows.push(orgs.map((o) => c(o.label)));
  const templ = applicationRows(layout);
  const values = (r: RowTemplate) => ALL_COLUMNS.map((k) => c(model[r.key][k]));
  const groupLabel = (k: string) => APPLICATION_GROUPS.find((g) => g.key === k)!.label;
  const resultRows = templ.filter((r) => r.group !== undefined).length;
  let first = true;
  const seenGroup = new Set<string>();
  for (const r of templ) {
    const lead: Cell[] = [];
    if (r.group !== undefined && first) {
      lead.push(c(groupLabel('results'), undefined, resultRows));
      first = false;
    }
    if (r.group === undefined) lead.push(c(r.label, 3));
    else if (r.group === 'results') lead.push(c(r.label, 2));
    else {
      if (!seenGroup.has(r.group)) {
        seenGroup.add(r.group);
        lead.push(c(groupLabel(r.group), undefined, templ.filter((x) => x.group === r.group).length));
      }
      lead.push(c(r.label));
    }
    rows.push([...lead, ...values(r)]);
  }
  return { kind: 'applications', width: 10, rows };
}

function reviewGrid(model: Record<string, number>): Grid {
  const outcome = (i: number) => REVIEW_COLUMNS[i].label.split('·').pop()!;
  const [review, direct, after] = REVIEW_GROUPS.map((g) => g.label.split('·'));
  const rows: Row[] = [
    [c(review[0], 5), c(direct[0], 10)],
    [...[0, 1, 2, 3, 4].map((i) => c(outcome(i), undefined, 2)), c(direct[1], 5), c(after[1], 5)],
    [5, 6, 7, 8, 9, 10, 11, 12, 13, 14].map((i) => c(outcome(i))),
    REVIEW_COLUMNS.map((col) => c(model[col.key])),
  ];
  return { kind: 'review', width: 15, rows };
}

/** Expand spans: a width-wide matrix of strings, '' where a span covers. */
function flatten(g: Grid): string[][] {
  const out: (string | undefined)[][] = [];
  g.rows.forEach((row, ri) => {
    out[ri] ??= [];
    let col = 0;
    for (const cell of row) {
      while (out[ri][col] !== undefined) col++;
      const rs = cell.rowspan ?? 1;
      const cs = cell.colspan ?? 1;
      for (let dr = 0; dr < rs; dr++) {
        out[ri + dr] ??= [];
        for (let dc = 0; dc < cs; dc++) out[ri + dr][col + dc] = dr === 0 && dc === 0 ? cell.text : '';
      }
      col += cs;
    }
  });
  return out.map((r) => Array.from({ length: g.width }, (_, i) => r[i] ?? ''));
}

function renderHtmlTable(g: Grid): string {
  const attr = (x: Cell) => `${x.rowspan ? ` rowspan="${x.rowspan}"` : ''}${x.colspan ? ` colspan="${x.colspan}"` : ''}`;
  return ['<table border="1">', ...g.rows.map((r) => `<tr>${r.map((x) => `<td${attr(x)}>${x.text}</td>`).join('')}</tr>`), '</table>'].join('\n');
}

function renderGfmTable(g: Grid): string {
  const m = flatten(g);
  const line = (r: string[]) => `| ${r.join(' | ')} |`;
  return [line(m[0]), line(m[0].map(() => '---')), ...m.slice(1).map(line)].join('\n');
}

function renderTsv(g: Grid): string {
  return flatten(g)
    .map((r) => r.join('\t'))
    .join('\n');
}

/** Like seed 003: the cells actually present, then as many empty cells as spans swallowed. */
function renderPipe(g: Grid): string {
  return g.rows
    .map((r) => {
      const pad = Math.max(0, g.width - r.length);
      return `${r.map((x) => x.text).join(' | ')} |${pad > 0 ? ` ${'|'.repeat(pad)}` : ''}`;
    })
    .join('\n');
}

function render(blocks: Block[], format: GenFormat, seed = 1): string {
  // Layout variants get their own PRNG: the report's content must not depend on the format.
  if (format === 'html') return renderHtmlPage(blocks, new Rng(seed * 31 + 17));
  if (format === 'txt-pdf') return renderPdfText(blocks, new Rng(seed * 37 + 5));
  if (format === 'md') {
    return (
      blocks
        .map((b) => {
          switch (b.t) {
            case 'title':
              return `# ${b.mdText}`;
            case 'h1':
              return `## ${b.text}`;
            case 'h2':
              return `### ${b.text}`;
            case 'p':
              return b.text;
            case 'table':
              return b.grid.kind === 'active' ? renderGfmTable(b.grid) : renderHtmlTable(b.grid);
          }
        })
        .join('\n\n') + '\n'
    );
  }
  const sep = format === 'txt-tsv' ? '\n\n' : '\n';
  return (
    blocks
      .map((b) => {
        if (b.t === 'table') return format === 'txt-tsv' ? renderTsv(b.grid) : renderPipe(b.grid);
        return b.text;
      })
      .join(sep) + '\n'
  );
}

/* --------------------------------------------------------------------------------- wording */

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

function selfName(agency: string): string {
  if (/办公室$|办$/.test(agency)) return '我办';
  if (/局$/.test(agency)) return '我局';
  if (/委员会$|委$/.test(agency)) return '我委';
  if (/厅$/.test(agency)) return '我厅';
  if (/人民政府$/.test(agency)) return '本级政府';
  return '本机关';
}

function region(agency: string): string {
  return /^(.+?(?:自治州|自治县|市|县|区|旗|镇|乡))/.exec(agency)?.[1] ?? '本地';
}

interface Ctx {
  rng: Rng;
  y: number;
  agency: string;
  self: string;
  region: string;
  m: GenModel;
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

function applyProse(x: Ctx): string {
  const a = x.m.applications;
  const { rng, y, self } = x;
  const n = a.newReceived.total;
  const carried = a.carriedOver.total;
  const done = a.resultTotal.total;
  const fwd = a.carryForward.total;
  const parts: string[] = [];
  const intro = rng.pick([
    '严格执行依申请公开受理、登记、审核、答复等工作流程，规范答复文书格式。',
    '进一步规范依申请公开办理流程，落实专人受理、分级审核、按时答复的工作要求。',
    '坚持依法依规办理政府信息公开申请，加强与申请人的沟通，提升答复质量。',
  ]);
  if (n === 0 && carried === 0) {
    parts.push(`${intro}${y}年，${self}未收到政府信息公开申请。`);
  } else {
    let s = n === 0 ? `${intro}${y}年，${self}未收到新的政府信息公开申请` : `${intro}${y}年，${self}共收到政府信息公开申请${n}件`;
    if (carried > 0) s += `，上年结转${carried}件`;
    if (fwd === 0) s += rng.pick(['，均已在法定期限内办结', '，已全部按期答复办结']) + '。';
    else s += `，办结${done}件，结转下年度继续办理${fwd}件。`;
    parts.push(s);
    const g = (k: string) => a[k]?.total ?? 0;
    const refused = sum(
      applicationRows(x.m.layout ?? '2019')
        .filter((r) => r.group === 'refused')
        .map((r) => g(r.key)),
    );
    const unavailable = sum(
      applicationRows(x.m.layout ?? '2019')
        .filter((r) => r.group === 'unavailable')
        .map((r) => g(r.key)),
    );
    if (done > 0 && rng.chance(0.6)) {
      const bits = [`予以公开${g('granted')}件`, `部分公开${g('partlyGranted')}件`];
      if (refused > 0) bits.push(`不予公开${refused}件`);
      if (unavailable > 0) bits.push(`无法提供${unavailable}件`);
      parts.push(`从办理结果看，${bits.join('，')}。`);
    }
  }
  parts.push(reviewSentence(x));
  return parts.join('');
}

function reviewSentence(x: Ctx): string {
  const r = x.m.review;
  const rev = r['review.total'];
  const lit = r['litigationDirect.total'] + r['litigationAfterReview.total'];
  if (rev === 0 && lit === 0)
    return x.rng.pick(['全年未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。', '全年未发生政府信息公开行政复议、行政诉讼案件。']);
  if (lit === 0) return `全年因政府信息公开工作被申请行政复议${rev}件，未发生行政诉讼案件。`;
  if (rev === 0) return `全年因政府信息公开工作被提起行政诉讼${lit}件，未发生行政复议案件。`;
  return `全年因政府信息公开工作被申请行政复议${rev}件、被提起行政诉讼${lit}件。`;
}

function activeProse(x: Ctx): string {
  const { rng, y, self, region: reg } = x;
  const web = rng.int(60, 900);
  const wx = rng.int(30, 700);
  const jd = rng.int(2, 15);
  return rng.pick([
    `${y}年，${self}坚持“以公开为常态、不公开为例外”，围绕中心工作做好信息发布，通过${reg}人民政府门户网站政府信息公开专栏发布信息${web}条，通过政务微信公众号发布信息${wx}条，发布政策解读${jd}篇，及时回应社会关切。`,
    `${self}严格落实公开前审查机制，全年通过门户网站发布各类政务信息${web}条，政务新媒体发布信息${wx}条；围绕重要政策文件开展解读${jd}次，采用图文、问答等形式提升解读效果。`,
    `围绕重点领域信息公开要求，${self}持续做好机构职能、政策文件、财政预决算、行政执法等信息的主动公开工作，全年主动公开政府信息${web}条，其中政策解读${jd}条；通过政务新媒体推送信息${wx}条。`,
  ]);
}

function managementProse(x: Ctx): string {
  const { rng, self } = x;
  return rng.pick([
    `${self}健全政府信息公开保密审查机制，坚持“先审查、后公开”和“一事一审”原则，落实公文公开属性源头认定制度，在拟文环节明确标注主动公开、依申请公开或不予公开属性。全年对现行有效文件进行梳理，及时更新失效、废止文件的效力状态。`,
    `规范政府信息发布流程，严格执行信息发布审核制度，明确审核责任。动态调整政府信息公开目录，对已公开的政策文件标注有效性，确保公开信息准确、完整、及时。`,
    `加强政府信息全生命周期管理，建立健全政府信息动态更新调整机制，对公开内容定期开展自查，及时更正不准确、不规范的信息，做到应公开尽公开、应更新尽更新。`,
  ]);
}

function platformProse(x: Ctx): string {
  const { rng, self, region: reg } = x;
  const cols = rng.int(2, 9);
  return rng.pick([
    `${self}依托${reg}人民政府门户网站政府信息公开平台，优化栏目设置，新增、调整专题栏目${cols}个；加强政务新媒体日常管理，落实信息发布审核和巡查制度，确保平台安全平稳运行。`,
    `持续加强政府网站和政务新媒体建设，完善政府信息公开专栏栏目设置，全年优化调整栏目${cols}个。在办公场所设置政务公开查阅点，为群众查阅政府信息提供便利。`,
    `强化政府信息公开平台建设，完善门户网站检索、查询功能，对政府信息公开专栏进行规范化改造，调整栏目${cols}个，提升公众获取信息的便捷度。`,
  ]);
}

function oversightProse(x: Ctx): string {
  const { rng, self } = x;
  const tr = rng.int(1, 6);
  return (
    rng.pick([
      `${self}将政务公开工作纳入年度工作目标考核，主要负责同志定期听取工作汇报，明确专人负责日常工作。全年组织政务公开业务培训${tr}次，提升工作人员业务能力。全年未发生因政府信息公开工作被责任追究的情况。`,
      `成立政务公开工作领导小组，明确分管领导和责任科室，形成主要领导亲自抓、分管领导具体抓、责任科室抓落实的工作格局。自觉接受社会评议和群众监督，全年开展专题培训${tr}次，未发生责任追究情况。`,
      `严格落实政务公开工作责任制，加强日常监督检查，对发现的问题及时督促整改。组织开展政务公开业务学习${tr}次，进一步增强干部职工的公开意识和依法公开能力。`,
    ]) + (/人民政府$/.test(x.agency) ? GOVERNMENT_OVERSIGHT : '')
  );
}

/** 条例 第五十条（四）: a people's government also reports its 工作考核、社会评议和责任追究 results (drawn without the PRNG, so other reports stay as they were). */
const GOVERNMENT_OVERSIGHT =
  '将政务公开工作纳入对各部门和乡镇（街道）的年度绩效考核，委托第三方开展政务公开社会评议，评议结果已通报；全年未发生因政府信息公开工作被责任追究的情况。';

const PROBLEMS = [
  '政策解读形式较为单一，图解、视频等多样化解读运用不够',
  '部分栏目信息更新不够及时，主动公开的深度和广度有待拓展',
  '工作人员业务能力有待提升，对政府信息公开相关规定的学习理解还不够深入',
  '政民互动渠道作用发挥不够充分，回应社会关切的及时性有待提高',
  '基层政务公开标准化规范化工作推进不够平衡',
];
const MEASURES = [
  '丰富政策解读形式，综合运用图文、问答、视频等方式开展解读，提升解读的针对性和可读性',
  '建立栏目更新台账，明确责任科室和更新时限，定期开展自查，确保信息发布及时准确',
  '加强业务培训，组织工作人员系统学习《中华人民共和国政府信息公开条例》及相关规定，提高依法公开水平',
  '用好政府网站、政务新媒体等平台，及时回应社会关切，增强政务公开实效',
  '对照标准目录梳理公开事项，推动政务公开标准化规范化工作落实落细',
];
const ORDINALS = ['一是', '二是', '三是'];

function problemsBlocks(x: Ctx): Block[] {
  const { rng, y, self } = x;
  const k = rng.int(2, 3);
  const idx = rng.some([0, 1, 2, 3, 4], k);
  const probs = idx.map((i, j) => `${ORDINALS[j]}${PROBLEMS[i]}`).join('；');
  const meas = idx.map((i, j) => `${ORDINALS[j]}${MEASURES[i]}`).join('；');
  const out: Block[] = [
    { t: 'p', text: `${y}年，${self}政府信息公开工作取得了一定成效，但仍存在一些不足：${probs}。` },
    { t: 'p', text: `针对上述问题，${self}将采取以下改进措施：${meas}。` },
  ];
  if (x.m.layout === '2021' && rng.chance(0.5)) {
    out.push({ t: 'p', text: `对上一年度报告中提出的问题，${self}已逐项落实整改，相关整改措施均已完成。` });
  }
  return out;
}

function feeSentence(x: Ctx): string {
  const f = x.m.processingFees;
  if (f.notices === 0 && f.collected === 0) {
    return x.rng.pick([
      '本年度未收取信息处理费。',
      `${x.y}年，${x.self}未收取政府信息公开信息处理费。`,
      `${x.y}年，${x.self}未发出收费通知，未收取信息处理费。`,
    ]);
  }
  return `${x.y}年，${x.self}发出收费通知${f.notices}件，总金额${fmt(f.noticeAmount)}元，实际收取信息处理费${fmt(f.collected)}元。`;
}

function otherBlocks(x: Ctx): Block[] {
  const { rng, y, self } = x;
  const rd = rng.int(0, 4);
  const zx = rng.int(0, 5);
  const proposals =
    rd + zx === 0
      ? `${y}年，${self}未承办人大代表建议和政协提案。`
      : `${y}年，${self}共承办人大代表建议${rd}件、政协提案${zx}件，均已按期办结，办理结果已按规定公开。`;
  if (x.m.layout === '2019') return [{ t: 'p', text: rng.chance(0.5) ? '无。' : proposals }];
  if (rng.chance(0.4)) return [{ t: 'p', text: feeSentence(x) }];
  return [
    { t: 'p', text: '（一）人大代表建议和政协提案办理结果公开情况' },
    { t: 'p', text: proposals },
    { t: 'p', text: '（二）落实上级年度政务公开工作要点情况' },
    { t: 'p', text: `${self}对照上级年度政务公开工作要点，逐项细化任务分工，明确责任科室和完成时限，各项任务均已按要求落实。` },
    { t: 'p', text: '（三）收取信息处理费情况' },
    { t: 'p', text: feeSentence(x) },
  ];
}

function periodSentence(x: Ctx): string {
  const y = x.y;
  return x.rng.pick([
    `本报告中所列数据的统计期限自${y}年1月1日起至${y}年12月31日止。`,
    `本报告中所列数据的统计期限自${y}年1月1日起至${y}年12月31日止。`,
    `本报告所列数据的统计时限自${y}年1月1日起至${y}年12月31日止。`,
  ]);
}

function intro(x: Ctx): Block[] {
  const { rng, y, agency } = x;
  const basis =
    x.m.layout === '2021'
      ? '根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求'
      : '根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）要求';
  const list = SECTIONS.map((s) => s.title.replace(/^[一二三四五六七八九十]+、/, '').replace('行政复议、行政诉讼', '行政复议和行政诉讼'));
  const composition = rng.chance(0.6) ? `本报告由${list.join('、')}${CN[list.length]}个部分组成。` : `报告内容包括${list.join('、')}等。`;
  return [
    { t: 'p', text: `${basis}，结合${y}年${agency}政府信息公开工作实际，编制本报告。${composition}${periodSentence(x)}` },
    { t: 'p', text: `本报告电子版可在${x.region}人民政府门户网站“政府信息公开”专栏查阅或下载。如对本报告有疑问，请与${agency}联系。` },
  ];
}

const OVERVIEW_ITEMS: [string, (x: Ctx) => string][] = [
  ['（一）主动公开', activeProse],
  ['（二）依申请公开', applyProse],
  ['（三）政府信息管理', managementProse],
  ['（四）政府信息公开平台建设', platformProse],
  ['（五）监督保障', oversightProse],
];

function modernBlocks(x: Ctx, layout: Layout): Block[] {
  const { rng, y, agency, self } = x;
  const blocks: Block[] = [];
  const heading = rng.chance(0.5);
  for (const s of SECTIONS) {
    blocks.push({ t: 'h1', text: s.title });
    switch (s.key) {
      case 'overview':
        blocks.push({
          t: 'p',
          text: rng.pick([
            `${y}年，${self}认真贯彻落实《条例》和上级关于政务公开工作的部署要求，坚持以公开为常态、不公开为例外，持续深化政府信息公开工作，切实保障人民群众的知情权、参与权、表达权和监督权。`,
            `${y}年，${agency}在${x.region}委、${x.region}政府的领导下，深入贯彻《条例》，围绕中心工作推进决策、执行、管理、服务、结果公开，政府信息公开工作规范化、标准化水平进一步提升。`,
          ]),
        });
        for (const [label, prose] of OVERVIEW_ITEMS) {
          if (heading) {
            blocks.push({ t: 'h2', text: label }, { t: 'p', text: prose(x) });
          } else {
            blocks.push({ t: 'p', text: `${label}。${prose(x)}` });
          }
        }
        break;
      case 'active':
        blocks.push({ t: 'table', grid: activeGrid(layout === '2021' ? ACTIVE_2021 : ACTIVE_2019, x.m.active) });
        break;
      case 'applications':
        blocks.push({ t: 'table', grid: applicationsGrid(layout, x.m.applications) });
        break;
      case 'review':
        blocks.push({ t: 'table', grid: reviewGrid(x.m.review) });
        break;
      case 'problems':
        blocks.push(...problemsBlocks(x));
        break;
      case 'other':
        blocks.push(...otherBlocks(x));
        break;
    }
  }
  return blocks;
}

/** The free-form parts of a legacy (2008 条例) report: heading title, name in the intro's list, body. */
function legacyParts(x: Ctx): [string, string, string][] {
  const { rng, y, self } = x;
  const a = x.m.applications;
  const rows = applicationRows('2019');
  const byGroup = (g: string) => sum(rows.filter((r) => r.group === g).map((r) => a[r.key].total));
  const web = rng.int(80, 900);
  const n = a.newReceived.total;
  const carried = a.carriedOver.total;
  const fwd = a.carryForward.total;
  let apply = n === 0 ? `${y}年，${self}未收到政府信息公开申请` : `${y}年，${self}共收到政府信息公开申请${n}件`;
  if (carried > 0) apply += `，上年结转${carried}件`;
  if (n + carried > 0) {
    apply += `，办结${a.resultTotal.total}件`;
    if (fwd > 0) apply += `，结转下年度继续办理${fwd}件`;
    apply += `。办结的申请中，同意公开${a.granted.total}件，同意部分公开${a.partlyGranted.total}件，不予公开${byGroup('refused')}件，信息不存在或非本机关掌握${byGroup('unavailable')}件，其他情形${byGroup('notProcessed') + a.otherHandling.total}件，均在规定期限内答复。`;
  } else {
    apply += '。';
  }
  const parts: [string, string, string][] = [
    [
      '概述',
      '概述',
      `${y}年，${self}认真贯彻落实《条例》，加强组织领导，健全工作制度，扎实推进政府信息公开工作。成立了由主要领导任组长的政府信息公开工作领导小组，明确专人负责日常工作，各项工作有序开展。`,
    ],
    [
      '主动公开政府信息情况',
      '主动公开政府信息情况',
      `${y}年，${self}通过门户网站、政务微博等渠道主动公开政府信息${web}条，内容涵盖机构职能、政策法规、规划计划、工作动态、人事信息等。同时在办公场所设立政府信息查阅点，方便公众查阅。`,
    ],
    ['依申请公开政府信息情况', '依申请公开政府信息情况', apply],
    ['政府信息公开的收费及减免情况', '政府信息公开的收费及减免情况', `${y}年，${self}在提供政府信息过程中未收取检索、复制、邮寄等费用，无减免情况。`],
    ['因政府信息公开申请行政复议、提起行政诉讼的情况', '因政府信息公开申请行政复议和提起行政诉讼的情况', reviewSentence(x)],
    [
      '政府信息公开工作存在的主要问题及改进情况',
      '存在的主要问题及改进情况',
      `${self}政府信息公开工作虽然取得了一定成效，但仍存在${PROBLEMS[rng.int(0, PROBLEMS.length - 1)]}等问题。下一步，${self}将${MEASURES[rng.int(0, MEASURES.length - 1)]}，不断提高政府信息公开工作水平。`,
    ],
  ];
  if (rng.chance(0.6)) parts.push(['其他需要报告的事项', '其他需要报告的事项', '无。']);
  return parts;
}

function legacyBlocks(parts: [string, string, string][]): Block[] {
  const blocks: Block[] = [];
  parts.forEach(([title, , body], i) => {
    blocks.push({ t: 'h1', text: `${CN[i + 1]}、${title}` }, { t: 'p', text: body });
  });
  return blocks;
}

/* ------------------------------------------------------------------------------------ main */

/** Legacy reports know no carried-over applications unless told otherwise. */
const LEGACY_DEFAULTS: GenOptions['applications'] = {
  carriedOver: Object.fromEntries(PART_COLUMNS.map((k) => [k, 0])),
  carryForward: Object.fromEntries(PART_COLUMNS.map((k) => [k, 0])),
};

function build(o: GenOptions): { blocks: Block[]; model: GenModel } {
  const agency = o.agency ?? '临江市人民政府外事办公室';
  const seed = o.seed ?? 1;
  const rng = new Rng(seed * 7919 + o.year);
  const era = eraForYear(o.year).id;
  const layout: Layout | null = eraForYear(o.year).layout ?? null;
  const fees = o.processingFees ?? { notices: 0, noticeAmount: 0, collected: 0 };
  const signDate = o.signDate ?? `${o.year + 1}年1月${rng.int(8, 28)}日`;
  const model: GenModel = {
    era,
    layout,
    applications: buildApplications(layout ?? '2019', rng, layout ? o.applications : { ...LEGACY_DEFAULTS, ...o.applications }),
    review: buildReview(rng, o.review),
    active: layout ? buildActive(layout, rng, o.active) : {},
    processingFees: fees,
    signDate,
  };
  const x: Ctx = { rng, y: o.year, agency, self: selfName(agency), region: region(agency), m: model };
  const titleText = `${agency}${o.year}年政府信息公开工作年度报告`;
  const blocks: Block[] = [{ t: 'title', text: titleText, mdText: `${agency} ${o.year} 年政府信息公开工作年度报告` }];
  if (layout) {
    blocks.push(...intro(x), ...modernBlocks(x, layout));
  } else {
    const parts = legacyParts(x);
    const names = parts.map(([, name]) => name);
    blocks.push({
      t: 'p',
      text: `根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，编制本报告。本报告由${names.join('，')}${CN[parts.length]}个部分组成。${periodSentence(x)}如对本报告有疑问，请与${agency}联系。`,
    });
    blocks.push(...legacyBlocks(parts));
  }
  blocks.push({ t: 'p', text: agency }, { t: 'p', text: signDate });
  for (const [from, to] of o.edits ?? []) {
    for (const b of blocks) {
      if (b.t === 'table') continue;
      b.text = b.text.replace(from, to);
      if (b.t === 'title') b.mdText = b.mdText.replace(from, to);
    }
  }
  if (o.tamper && layout) tamperTables(blocks, layout, o.tamper);
  return { blocks, model };
}

export function generateReport(o: GenOptions): string {
  return render(build(o).blocks, o.format, o.seed ?? 1);
}

/** The same report as a real .docx (paragraphs and Word tables with merged cells). */
export async function generateDocx(o: Omit<GenOptions, 'format'>): Promise<Buffer> {
  return renderDocx(build({ ...o, format: 'md' }).blocks);
}

/** Bytes of the report in any format (text formats as UTF-8). */
export async function generateBytes(o: Omit<GenOptions, 'format'> & { format: AnyGenFormat }): Promise<Buffer> {
  if (o.format === 'docx') return generateDocx(o);
  return Buffer.from(generateReport({ ...o, format: o.format }), 'utf8');
}

export function generateModel(o: GenOptions): GenModel {
  return build(o).model;
}

/** Both at once (one build). */
export function generate(o: GenOptions): { text: string; model: GenModel } {
  const { blocks, model } = build(o);
  return { text: render(blocks, o.format, o.seed ?? 1), model };
}

function tamperTables(blocks: Block[], layout: Layout, tamper: NonNullable<GenOptions['tamper']>): void {
  for (const b of blocks) {
    if (b.t !== 'table') continue;
    if (b.grid.kind === 'applications') {
      for (const [rowKey, cols] of Object.entries(tamper.applications ?? {})) {
        const label = applicationRows(layout).find((r) => r.key === rowKey)?.label;
        const row = b.grid.rows.find((r) => r.length >= 8 && r[r.length - 8].text === label);
        if (!row) throw new Error(`generate: cannot tamper with applications row '${rowKey}'`);
        for (const [col, v] of Object.entries(cols ?? {})) row[row.length - 7 + ALL_COLUMNS.indexOf(col)].text = String(v);
      }
    }
    if (b.grid.kind === 'review') {
      const row = b.grid.rows[b.grid.rows.length - 1];
      for (const [col, v] of Object.entries(tamper.review ?? {})) row[REVIEW_COLUMNS.findIndex((x) => x.key === col)].text = String(v);
    }
  }
}

/* ------------------------------------------------------------------------------ html page */

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Quotes as a CMS editor writes them: named entities. */
function escRich(s: string, rng: Rng): string {
  const e = esc(s);
  return rng.chance(0.5) ? e.replace(/“/g, '&ldquo;').replace(/”/g, '&rdquo;') : e;
}

function renderHtmlGrid(g: Grid, rng: Rng): string {
  const attr = (x: Cell) => `${x.rowspan ? ` rowspan="${x.rowspan}"` : ''}${x.colspan ? ` colspan="${x.colspan}"` : ''}`;
  const cellText = (t: string) => {
    if (t === '') return rng.chance(0.5) ? '&nbsp;' : '';
    const inner = esc(t);
    // Word-exported CMS tables wrap cell text in <p> and <span>.
    return rng.chance(0.3) ? `<p align="center"><span style="font-size:14px">${inner}</span></p>` : inner;
  };
  const rows = g.rows.map((r) => `  <tr>${r.map((x) => `<td${attr(x)} valign="middle">${cellText(x.text)}</td>`).join('')}</tr>`);
  return [`<table border="1" cellspacing="0" cellpadding="0" width="100%">`, '<tbody>', ...rows, '</tbody>', '</table>'].join('\n');
}

/** The article body: paragraphs as a CMS editor (or a Word paste) produces them. */
function renderHtmlBody(blocks: Block[], rng: Rng): string {
  const useH = rng.chance(0.5);
  const indent = rng.chance(0.5) ? '&nbsp;&nbsp;&nbsp;&nbsp;' : '';
  const brJoin = rng.chance(0.3);
  const out: string[] = [];
  let run: string[] = [];
  const flushRun = () => {
    if (run.length) out.push(`<p style="text-indent:2em">${run.join('<br />\n')}</p>`);
    run = [];
  };
  for (const b of blocks) {
    switch (b.t) {
      case 'title':
        flushRun();
        out.push(`<h1 class="title" style="text-align:center">${esc(b.text)}</h1>`);
        break;
      case 'h1':
        flushRun();
        out.push(useH ? `<h3>${esc(b.text)}</h3>` : `<p style="text-indent:2em"><strong>${esc(b.text)}</strong></p>`);
        break;
      case 'h2':
        flushRun();
        out.push(useH ? `<h4>${esc(b.text)}</h4>` : `<p style="text-indent:2em"><b>${esc(b.text)}</b></p>`);
        break;
      case 'p':
        // Some editors put several paragraphs in one <p>, separated by <br>.
        if (brJoin) run.push(`${indent}${escRich(b.text, rng)}`);
        else out.push(`<p style="text-indent:2em">${indent}${escRich(b.text, rng)}</p>`);
        break;
      case 'table':
        flushRun();
        out.push(`<div align="center">\n${renderHtmlGrid(b.grid, rng)}\n</div>`);
        break;
    }
  }
  flushRun();
  return out.join('\n');
}

function renderHtmlPage(blocks: Block[], rng: Rng): string {
  const title = blocks.find((b) => b.t === 'title')?.text ?? '';
  const body = renderHtmlBody(blocks, rng);
  // Half of the pages are an article fragment as a CMS stores it; the rest a whole saved page.
  if (rng.chance(0.3)) return `<div class="TRS_Editor">\n${body}\n</div>\n`;
  const agency = /^(.+?)\d{4}年/.exec(title)?.[1] ?? '临江市人民政府';
  const year = Number(/(\d{4})年/.exec(title)?.[1] ?? 2024);
  const layoutTable = rng.chance(0.3);
  const article = [
    `<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk/">政府信息公开</a> &gt; <a href="/xxgk/ndbg/">政府信息公开年报</a></div>`,
    `<table class="xxgk-meta"><tr><td>索引号：</td><td>11371000MB2853221X/${year + 1}-00012</td><td>发布机构：</td><td>${esc(agency)}</td></tr>`,
    `<tr><td>发布日期：</td><td>${year + 1}-01-20</td><td>主题分类：</td><td>政府信息公开年报</td></tr></table>`,
    `<div class="fontsize">字号：<a href="javascript:void(0)">大</a> <a href="javascript:void(0)">中</a> <a href="javascript:void(0)">小</a></div>`,
    `<div id="zoom" class="article-content">`,
    body,
    `</div>`,
    `<div class="tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>`,
    `<div class="qrcode"><img src="/images/qr.png" alt="" /><p>扫码使用手机浏览本页内容</p></div>`,
    `<div class="related"><div class="related-title">相关链接</div><ul>`,
    ...[1, 2].map((k) => `<li><a href="/xxgk/ndbg/${year - k}.html">${esc(agency)}${year - k}年政府信息公开工作年度报告</a></li>`),
    `</ul></div>`,
  ].join('\n');
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8" />',
    `<title>${esc(title)}_${esc(agency)}</title>`,
    '<style>p { line-height: 2em; } .title { font-size: 22px; }</style>',
    `<script type="text/javascript">var pageTitle = "<p>一、总体情况</p>"; if (1 < 2) { document.title = pageTitle; }</script>`,
    '</head>',
    '<body>',
    `<div class="header"><div class="logo"><a href="/"><img src="/images/logo.png" alt="临江市人民政府" /></a></div>`,
    `<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/zwfw/">政务服务</a></li></ul></div></div>`,
    `<div style="display:none">2008年政府信息公开工作年度报告 统计期限自2008年1月1日起</div>`,
    layoutTable
      ? `<table class="layout" width="1000" align="center"><tr><td class="left">\n${article}\n</td></tr></table>`
      : `<div class="main">\n${article}\n</div>`,
    `<div class="footer"><p>主办单位：临江市人民政府办公室　承办单位：临江市大数据中心</p><p>网站标识码：3710000001　鲁ICP备05000000号</p><p>联系电话：0631-5200000</p></div>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/* --------------------------------------------------------------------- pdf-extracted text */

/** Spaces around runs of ASCII digits, as PDF text extraction leaves them ("2024 年 1 月"). */
function pdfSpacing(s: string): string {
  return s.replace(/(?<=[^\x00-\x7f])(?=[0-9A-Za-z])|(?<=[0-9A-Za-z])(?=[^\x00-\x7f])/g, ' ');
}

/** Break text into lines of `width` characters, never inside an ASCII word or number, and never
 *  before closing punctuation (the typesetter's rule that seed 001 shows: lines end in "，"). */
function wrap(s: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const tok of s.match(/[0-9A-Za-z.:/%-]+|\s+|[^]/g) ?? []) {
    if (line.length + tok.length > width && line.trim() && !/^[，。、；：！？）》」”]/.test(tok)) {
      lines.push(line.trimEnd());
      line = tok.trimStart();
    } else line += tok;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

function renderPdfTable(g: Grid, rng: Rng, width: number): string[] {
  const out: string[] = [];
  // The label column is about 13 characters wide; a label cell spanning columns is wider.
  const base = rng.int(12, 14);
  /** A data row: its label (maybe wrapped, maybe split around the numbers), then its values. */
  const dataRow = (label: string, values: string[], span = 1) => {
    const nums = values.join(' ');
    const labelWidth = span >= 3 ? 40 : span === 2 ? base + 8 : base;
    if (label.length <= labelWidth) {
      out.push(label ? `${label} ${nums}` : nums);
      return;
    }
    const pieces = wrap(label, labelWidth);
    if (rng.chance(0.5)) {
      // "5.要求行政机关确认或重新 0 0 0 0 0 0 0" / "出具已获取信息"
      out.push(`${pieces[0]} ${nums}`, ...pieces.slice(1));
    } else {
      // Label lines first, numbers on their own line.
      out.push(...pieces, nums);
    }
  };
  if (g.kind === 'active') {
    for (const r of g.rows) {
      const texts = r.map((x) => x.text);
      if (texts.length === 1) out.push(texts[0]);
      else if (texts.every((t) => !/^[-+]?\d+(\.\d+)?$/.test(t) || t === '')) out.push(texts.join(' '));
      else dataRow(texts[0], texts.slice(1));
    }
    return out;
  }
  if (g.kind === 'applications') {
    const [head, ...rest] = g.rows;
    out.push(...wrap(head[0].text, width));
    const lost = rng.int(0, 2);
    if (lost === 0)
      out.push('申请人情况', ' 他'); // seed 001: the header rows are lost but for fragments
    else if (lost === 1) out.push('申请人情况', '自然人 法人或其他组织 总计', '商业 企业 科研 机构 社会公益 组织 法律服务 机构 其他');
    // lost === 2: no header at all
    for (const r of rest.slice(2)) {
      const cells = [...r];
      const values = cells.splice(cells.length - 7, 7).map((x) => x.text);
      for (const lead of cells.slice(0, -1)) {
        // Group labels: the vertical block label one character per line, the others on their own line.
        if (lead.rowspan && lead.rowspan > 10) out.push(...[...lead.text].filter((ch) => ch.trim()));
        else out.push(lead.text);
      }
      const label = cells[cells.length - 1];
      dataRow(label.text, values, label.colspan ?? 1);
    }
    return out;
  }
  // review: header words, often as vertical text, then one row of 15 numbers
  out.push('行政复议 行政诉讼');
  if (rng.chance(0.5)) for (const w of ['结', '果', '维', '持']) out.push(w);
  else out.push('结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉');
  out.push(g.rows[g.rows.length - 1].map((x) => x.text).join(' '));
  return out;
}

function renderPdfText(blocks: Block[], rng: Rng): string {
  const width = rng.int(20, 28);
  const blankBetween = rng.chance(0.5);
  const spaced = rng.chance(0.7);
  const lines: string[] = [''];
  const prose = (t: string) => {
    for (const l of wrap(spaced ? pdfSpacing(t) : t, width)) {
      lines.push(l);
      if (blankBetween) lines.push('');
    }
  };
  for (const b of blocks) {
    switch (b.t) {
      case 'title': {
        const m = /^(.+?)(\d{4}年.*)$/.exec(b.text);
        if (m) lines.push(m[1], m[2], '');
        else lines.push(b.text, '');
        break;
      }
      case 'h1':
      case 'h2':
        lines.push(b.text, '');
        break;
      case 'p':
        prose(b.text);
        if (!blankBetween) lines.push('');
        break;
      case 'table':
        lines.push(...renderPdfTable(b.grid, rng, width), '');
        break;
    }
  }
  return lines.join('\n') + '\n';
}

/* ----------------------------------------------------------------------------------- docx */

async function renderDocx(blocks: Block[]): Promise<Buffer> {
  const d = await import('docx');
  const children: (InstanceType<typeof d.Paragraph> | InstanceType<typeof d.Table>)[] = [];
  const para = (text: string, opts: { bold?: boolean; heading?: (typeof d.HeadingLevel)[keyof typeof d.HeadingLevel] } = {}) =>
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- TextRun's `bold` option, taken for String.prototype.bold.
    new d.Paragraph({ heading: opts.heading, children: [new d.TextRun({ text, bold: opts.bold })] });
  for (const b of blocks) {
    switch (b.t) {
      case 'title':
        children.push(para(b.text, { heading: d.HeadingLevel.TITLE }));
        break;
      case 'h1':
        children.push(para(b.text, { heading: d.HeadingLevel.HEADING_2 }));
        break;
      case 'h2':
        children.push(para(b.text, { bold: true }));
        break;
      case 'p':
        children.push(para(b.text));
        break;
      case 'table':
        children.push(
          new d.Table({
            rows: b.grid.rows.map(
              (r) =>
                new d.TableRow({
                  children: r.map((x) => new d.TableCell({ children: [para(x.text)], rowSpan: x.rowspan, columnSpan: x.colspan })),
                }),
            ),
          }),
        );
        children.push(para(''));
        break;
    }
  }
  return d.Packer.toBuffer(new d.Document({ sections: [{ children }] }));
}
