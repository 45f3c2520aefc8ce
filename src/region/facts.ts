import type { Document } from '../model/document.js';
import { normalizeOrgan, organKind, type OrganKind } from '../model/organ.js';
import { proseOverlap } from '../model/overlap.js';
import type { RecognizedTable, Report } from '../model/report.js';
import type { Span } from '../model/source.js';
import { effectiveDeadline, isoDate, type LocalDeadlines } from '../templates/deadlines.js';

/**
 * What the region stage needs to know about one linted file, taken from its recognized report
 * right after linting: small and plain (it crosses worker threads and lives in the cache with the
 * result), so the region stage never parses a file again.
 */
export interface UnitFacts {
  /** The issuing organ as written (落款, else title). */
  organ?: string;
  /** The organ normalised for matching (src/model/organ.ts). */
  organKey?: string;
  kind?: OrganKind;
  year?: number;
  /** The 落款 date, YYYY-MM-DD. */
  signed?: string;
  /** The publication deadline that binds (statutory, or an earlier local one), YYYY-MM-DD. */
  deadline?: string;
  /** Where the title is (or the report starts): region findings about the whole report point here. */
  at: CellPosition;
  /** Whether last year's report was asked for (`previous` or `previousDir`): then a missing one is worth noting. */
  previousWanted?: boolean;
  /** Last year's report this one was compared with (absolute path), when one was found. */
  previousFile?: string;
  /** Share of the prose repeating last year's report, 0..1 (copied-report). */
  copiedShare?: number;
  /** Table 三 by row key → column key, and table 四 (row "data") — the cells a total is checked on. */
  tables: Partial<Record<'applications' | 'review', Record<string, Record<string, CellFact>>>>;
}

/** A cell: its number (absent unless read as a number) and where it is, 1-based. */
export interface CellFact {
  value?: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type CellPosition = Pick<CellFact, 'line' | 'column' | 'endLine' | 'endColumn'>;

/** The report a file stands for: the first one with a year (a file may hold several). */
export function mainReport(reports: readonly Report[]): Report | undefined {
  return reports.find((r) => r.year) ?? reports[0];
}

export function unitFacts(
  document: Document,
  reports: readonly Report[],
  options: {
    previous?: { filePath: string; reports: readonly Report[] };
    previousWanted?: boolean;
    deadlines?: LocalDeadlines;
    agencyKind?: 'department' | 'government';
  },
): UnitFacts {
  const report = mainReport(reports);
  const pos = (span: Span): CellPosition => {
    const s = document.source.positionAt(span.start);
    const e = document.source.positionAt(span.end);
    return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
  };
  const wanted = options.previousWanted ? { previousWanted: true } : {};
  if (!report) return { at: pos({ start: 0, end: 0 }), tables: {}, ...wanted };
  const facts: UnitFacts = { at: pos(report.title?.span ?? { start: report.span.start, end: report.span.start }), tables: {}, ...wanted };
  if (report.issuer) {
    facts.organ = report.issuer.name;
    facts.organKey = normalizeOrgan(report.issuer.name);
  }
  facts.kind = options.agencyKind ?? (report.issuer ? organKind(report.issuer.name) : undefined);
  if (!facts.kind) delete facts.kind;
  if (report.year) facts.year = report.year.value;
  if (report.signature) facts.signed = isoDate(report.signature);
  if (facts.year !== undefined) {
    const d = effectiveDeadline(facts.year, facts.kind, options.deadlines);
    if (d) facts.deadline = isoDate(d);
  }
  const tableFacts = (t: RecognizedTable | undefined) => {
    if (!t) return undefined;
    const out: Record<string, Record<string, CellFact>> = {};
    for (const [rowKey, row] of Object.entries(t.rows)) {
      if (row.unreadable) continue;
      const cells: Record<string, CellFact> = {};
      for (const [col, cell] of Object.entries(row.cells)) {
        // Plain literals, not spreads: a region's results hold ~200 cells per unit, and V8 gave each
        // spread-built cell a hidden class of its own (~250 bytes more per cell).
        const { line, column, endLine, endColumn } = pos(cell.span);
        cells[col] =
          cell.kind === 'number' && cell.value !== undefined ? { value: cell.value, line, column, endLine, endColumn } : { line, column, endLine, endColumn };
      }
      out[rowKey] = cells;
    }
    return out;
  };
  const applications = tableFacts(report.tables.applications);
  if (applications) facts.tables.applications = applications;
  const review = tableFacts(report.tables.review);
  if (review) facts.tables.review = review;
  if (options.previous) {
    facts.previousFile = options.previous.filePath;
    const prev = mainReport(options.previous.reports);
    const overlap = prev ? proseOverlap(report.prose, prev.prose, 0) : undefined;
    if (overlap) facts.copiedShare = Math.round(overlap.share * 1000) / 1000;
  }
  return facts;
}
