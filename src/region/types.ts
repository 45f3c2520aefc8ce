import type { ResolvedConfig } from '../engine/types.js';
import type { Locale, LocalizedText } from '../i18n/types.js';
import type { CellPosition, UnitFacts } from './facts.js';

/** One linted file as the region stage sees it. */
export interface RegionUnit {
  /** Absolute path (as in the result). */
  file: string;
  facts: UnitFacts;
}

/** One `aggregate` entry, matched against the linted files. */
export interface RegionAggregate {
  /** The total (government) report; undefined when its glob matched no linted file. */
  total?: RegionUnit;
  /** The parts of the same year as the total (or all parts when the total's year is unknown). */
  parts: RegionUnit[];
  /** `expect` as configured. */
  expect: string[];
  /** The configured `total` pattern, for messages when it matched nothing. */
  totalPattern: string;
}

export interface RegionInput {
  units: RegionUnit[];
  aggregates: RegionAggregate[];
}

export interface RegionReport {
  /** The file the finding belongs to, and where in it. */
  file: string;
  at: CellPosition;
  messageId: string;
  data?: Record<string, string | number>;
  legalBasis?: LocalizedText | null;
}

export interface RegionContext {
  readonly options: Record<string, unknown>;
  readonly locale: Locale;
  readonly config: ResolvedConfig;
  report(descriptor: RegionReport): void;
}
