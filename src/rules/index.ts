import type { Rule } from '../engine/types.js';
import applicationBalance from './application-balance.js';
import carryover from './carryover.js';
import copiedReport from './copied-report.js';
import cellValue from './cell-value.js';
import feeDisclosure from './fee-disclosure.js';
import formatVersion from './format-version.js';
import notAReport from './not-a-report.js';
import organMismatch from './organ-mismatch.js';
import governmentAccountability from './government-accountability.js';
import placeholder from './placeholder.js';
import problemsAndMeasures from './problems-and-measures.js';
import publicationDate from './publication-date.js';
import regionMissingUnit from './region-missing-unit.js';
import regulationAuthority from './regulation-authority.js';
import sharePercentage from './share-percentage.js';
import regionTotal from './region-total.js';
import reportYear from './report-year.js';
import requiredSections from './required-sections.js';
import requiredTables from './required-tables.js';
import sectionOrder from './section-order.js';
import statisticsPeriod from './statistics-period.js';
import tableLabels from './table-labels.js';
import tableStructure from './table-structure.js';
import tableSum from './table-sum.js';
import textTableMismatch from './text-table-mismatch.js';
import webArtifacts from './web-artifacts.js';
import zeroFeeConflict from './zero-fee-conflict.js';

/** Every built-in rule, by id. One file per rule in this folder. */
const RULES: Rule[] = [
  requiredSections,
  tableSum,
  applicationBalance,
  zeroFeeConflict,
  statisticsPeriod,
  tableStructure,
  sectionOrder,
  feeDisclosure,
  textTableMismatch,
  requiredTables,
  tableLabels,
  cellValue,
  formatVersion,
  carryover,
  publicationDate,
  reportYear,
  placeholder,
  webArtifacts,
  organMismatch,
  problemsAndMeasures,
  notAReport,
  copiedReport,
  governmentAccountability,
  regulationAuthority,
  sharePercentage,
  regionTotal,
  regionMissingUnit,
];

export const builtinRules: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.id, r]));
