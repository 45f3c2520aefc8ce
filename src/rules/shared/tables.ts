import type { Locale, Fix } from '../../engine/types.js';
import { t } from '../../i18n/format.js';
import { TERMS } from '../../i18n/terms.js';
import type { CellValue, RecognizedTable, Report } from '../../model/report.js';
import {
  APPLICANT_COLUMNS,
  REVIEW_COLUMNS,
  applicationRows,
  activeSubTables,
  relations,
  type CellRef,
  type Relation,
  type TableKind,
} from '../../templates/tables.js';

/** Human names of the tables, as reviewers call them. */
const TABLE_TERM = { active: 'tableActive', applications: 'tableApplications', review: 'tableReview' } as const satisfies Record<TableKind, keyof typeof TERMS>;

export function tableName(kind: TableKind, locale: Locale): string {
  return t(TERMS, TABLE_TERM[kind], locale);
}

export function rowLabel(table: RecognizedTable, key: string): string {
  if (table.kind === 'applications') return applicationRows(table.layout).find((r) => r.key === key)?.label ?? key;
  if (table.kind === 'active')
    return (
      activeSubTables(table.layout)
        .flatMap((s) => s.rows)
        .find((r) => r.key === key)?.label ?? key
    );
  return '数据行';
}

export function columnLabel(table: RecognizedTable, key: string): string {
  if (table.kind === 'applications') return APPLICANT_COLUMNS.find((c) => c.key === key)?.label ?? key;
  if (table.kind === 'review') return REVIEW_COLUMNS.find((c) => c.key === key)?.label ?? key;
  return (
    activeSubTables(table.layout)
      .flatMap((s) => s.columns)
      .find((c) => c.key === key)?.label ?? key
  );
}

export function cellAt(table: RecognizedTable, ref: CellRef): CellValue | undefined {
  const row = table.rows[ref.row];
  if (!row || row.unreadable) return undefined;
  return row.cells[ref.col];
}

export interface Violation {
  relation: Relation;
  table: RecognizedTable;
  anchor: CellValue;
  lhs: number;
  rhs: number;
  /** Value of the anchor cell that would make the relation hold. */
  expected: number;
  found: number;
  /** The addends, for the message ("1+0+2"). */
  terms: number[];
  /** A cell of the relation was inferred (split out of numbers run together): a warning, not an error. */
  inferred: boolean;
}

/** The note an inferred finding carries, and its severity (docs/confidence.md). */
export function inferredNote(v: { inferred: boolean }, locale: Locale): { note: string; severity?: 'warn' } {
  if (!v.inferred) return { note: '' };
  return { note: t(TERMS, 'inferredCells', locale), severity: 'warn' };
}

/**
 * Evaluate the template's relations of the given kinds (totals: table-sum; balance: application-balance) on a report. A relation is evaluated only when
 * every cell it names was read as a number: blanks, "/", unreadable rows and missing rows are the
 * business of other rules, and a sum over a guessed cell would be a false alarm.
 */
export function violations(report: Report, kinds: readonly Relation['kind'][]): Violation[] {
  const out: Violation[] = [];
  for (const tableKind of ['applications', 'review'] as const) {
    const table = report.tables[tableKind];
    if (!table) continue;
    for (const rel of relations(table.layout)) {
      if (!kinds.includes(rel.kind) || rel.table !== tableKind) continue;
      const lhsCells = rel.lhs.map((r) => cellAt(table, r));
      const rhsCells = rel.rhs.map((r) => cellAt(table, r));
      if (![...lhsCells, ...rhsCells].every((c) => c?.kind === 'number')) continue;
      const lhs = sum(lhsCells.map((c) => c!.value!));
      const rhs = sum(rhsCells.map((c) => c!.value!));
      if (Math.abs(lhs - rhs) < 1e-9) continue;
      const anchor = cellAt(table, rel.anchor)!;
      const anchorOnLeft = rel.lhs.some((r) => r.row === rel.anchor.row && r.col === rel.anchor.col);
      const found = anchor.value!;
      const expected = anchorOnLeft ? found + (rhs - lhs) : found + (lhs - rhs);
      const inferred = [...rel.lhs, ...rel.rhs].some((r) => table.rows[r.row]?.confidence === 'inferred');
      out.push({
        relation: rel,
        table,
        anchor,
        lhs,
        rhs,
        expected: round(expected),
        found,
        terms: (anchorOnLeft ? rhsCells : lhsCells).map((c) => c!.value!),
        inferred,
      });
    }
  }
  return out;
}

function sum(xs: number[]): number {
  return round(xs.reduce((a, b) => a + b, 0));
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/**
 * A fix that rewrites a cell's number, offered only where the cell's source text is exactly the
 * number (so markup around it is never touched).
 */
export function replaceCellFix(text: string, cell: CellValue, value: number): Fix | undefined {
  const slice = text.slice(cell.span.start, cell.span.end);
  const i = slice.indexOf(cell.raw.trim());
  if (i === -1 || slice.trim() !== cell.raw.trim()) return undefined;
  const start = cell.span.start + i;
  return { range: [start, start + cell.raw.trim().length], text: String(value) };
}
