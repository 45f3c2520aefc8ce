import { normalizeOrgan, organKind, sameOrgan, type OrganKind } from '../model/organ.js';
import type { Report } from '../model/report.js';
import { mainReport } from './facts.js';

/**
 * Pairing each report with its own organ's report of the year before, from a folder of last
 * year's reports (`--previous-dir`). The folder is read once per batch into entries (who, which
 * year, which file); a report is paired by its organ name from the 落款/title, normalised, and its
 * year. Exact normalised names win; an abbreviation (威海市外办 ↔ 威海市人民政府外事办公室) is accepted
 * only when it is the one candidate of the same kind, so a government is never paired with its own
 * 办公室.
 */
export interface PreviousEntry {
  file: string;
  organ?: string;
  organKey?: string;
  kind?: OrganKind;
  year?: number;
  /** Size and modification time when indexed: part of the cache key of every paired file. */
  size: number;
  mtimeMs: number;
}

export interface UnitIdentity {
  organ?: string;
  organKey?: string;
  kind?: OrganKind;
  year?: number;
}

export function identityOf(reports: readonly Report[]): UnitIdentity {
  const r = mainReport(reports);
  const out: UnitIdentity = {};
  if (r?.issuer) {
    out.organ = r.issuer.name;
    out.organKey = normalizeOrgan(r.issuer.name);
    const kind = organKind(r.issuer.name);
    if (kind) out.kind = kind;
  }
  if (r?.year) out.year = r.year.value;
  return out;
}

export function findPrevious(entries: readonly PreviousEntry[], unit: UnitIdentity): PreviousEntry | undefined {
  if (unit.year === undefined || !unit.organKey) return undefined;
  const sameYear = entries.filter((e) => e.year === unit.year! - 1 && e.organKey);
  const exact = sameYear.filter((e) => e.organKey === unit.organKey);
  if (exact.length) return exact[0];
  const close = sameYear.filter((e) => e.kind === unit.kind && sameOrgan(e.organKey!, unit.organKey!));
  return close.length === 1 ? close[0] : undefined;
}
