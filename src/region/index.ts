import { makeResult } from '../api.js';
import type { LintMessage, LintResult, ResolvedConfig, Rule } from '../engine/types.js';
import { fillTemplate, pick, t } from '../i18n/format.js';
import { TERMS } from '../i18n/terms.js';
import { missingUnits } from './coverage.js';
import type { UnitFacts } from './facts.js';
import type { RegionAggregate, RegionInput, RegionReport, RegionUnit } from './types.js';

export type { UnitFacts, CellFact } from './facts.js';
export type { RegionInput, RegionContext, RegionReport, RegionUnit, RegionAggregate } from './types.js';

/**
 * The region stage: after every file of a batch was linted on its own (the pure per-file engine),
 * the files are looked at together — a government's totals against its units (`aggregate`), the
 * units it should cover (`expect`) — through the region rules (`meta.scope: 'region'`), whose
 * findings join the results of the files they concern. It reads only the results and their facts
 * (`result.unit`), never a file: it is pure, like the engine.
 */
export interface RegionOutcome {
  results: LintResult[];
  overview: RegionOverview;
}

/** One row per unit (linted file), plus the units an `aggregate` expected but did not find. */
export interface RegionOverview {
  units: OverviewRow[];
  missing: { organ: string; total: string }[];
}

export interface OverviewRow {
  file: string;
  organ?: string;
  year?: number;
  kind?: UnitFacts['kind'];
  /** 'total': the government report of an `aggregate`; 'part': one of its units. */
  role?: 'total' | 'part';
  passed: boolean;
  errors: number;
  warnings: number;
  /** The file could not be read at all. */
  fatal: boolean;
  signed?: string;
  deadline?: string;
  /** Signed after the deadline (undefined when either date is unknown). */
  late?: boolean;
  copiedShare?: number;
  previousFile?: string;
  /** Whether last year's report was looked for (a folder or file was given), so "none found" means something. */
  previousWanted: boolean;
}

export async function runRegion(results: LintResult[], config: ResolvedConfig, rules: ReadonlyMap<string, Rule>): Promise<RegionOutcome> {
  const input = await regionInput(results, config);
  const added = new Map<string, LintMessage[]>();
  for (const [id, setting] of Object.entries(config.rules)) {
    const rule = rules.get(id);
    if (setting.severity === 0 || !rule?.checkRegion) continue;
    const options = { ...(rule.meta.defaultOptions ?? {}), ...setting.options };
    rule.checkRegion(input, {
      options,
      locale: config.locale,
      config,
      report: (d) => {
        const list = added.get(d.file) ?? [];
        list.push(toMessage(rule, setting.severity as 1 | 2, d, config));
        added.set(d.file, list);
      },
    });
  }
  const out = results.map((r) => {
    const more = added.get(r.filePath);
    if (!more) return r;
    const messages = [...r.messages, ...more].sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId ?? '').localeCompare(b.ruleId ?? ''));
    const merged = makeResult(r.filePath, messages, r.suppressedMessages);
    for (const key of ['output', 'source', 'unit'] as const) if (r[key] !== undefined) (merged as unknown as Record<string, unknown>)[key] = r[key];
    return merged;
  });
  return { results: out, overview: buildOverview(out, input) };
}

/** The region as the rules see it: every linted file with facts, and each `aggregate` matched against them. */
export async function regionInput(results: LintResult[], config: Pick<ResolvedConfig, 'aggregate'>): Promise<RegionInput> {
  const units = unitsOf(results);
  if (!config.aggregate?.length) return { units, aggregates: [] };
  // Loaded only for a config with totals to check (a plain run never matches a glob).
  const { default: picomatch } = await import('picomatch');
  const posix = (f: string) => f.split('\\').join('/');
  const aggregates: RegionAggregate[] = config.aggregate.map((a) => {
    const isTotal = picomatch(a.total);
    const isPart = picomatch(a.parts);
    const total = units.find((u) => isTotal(posix(u.file)));
    const year = total?.facts.year;
    const parts = units.filter((u) => u !== total && isPart(posix(u.file)) && (year === undefined || u.facts.year === undefined || u.facts.year === year));
    return { total, parts, expect: a.expect ?? [], totalPattern: a.total };
  });
  return { units, aggregates };
}

/** Every linted file with facts. */
function unitsOf(results: LintResult[]): RegionUnit[] {
  return results.filter((r) => r.unit).map((r) => ({ file: r.filePath, facts: r.unit! }));
}

/** The overview of a batch; without a region run (no facts) the rows carry the counts only. */
export function buildOverview(results: LintResult[], input: RegionInput = { units: unitsOf(results), aggregates: [] }): RegionOverview {
  const role = new Map<string, 'total' | 'part'>();
  for (const a of input.aggregates) {
    for (const p of a.parts) role.set(p.file, 'part');
    if (a.total) role.set(a.total.file, 'total');
  }
  const units = results.map((r): OverviewRow => {
    const f = r.unit;
    const row: OverviewRow = {
      file: r.filePath,
      passed: r.errorCount === 0,
      errors: r.errorCount,
      warnings: r.warningCount,
      fatal: r.fatalErrorCount > 0,
      previousWanted: f?.previousWanted === true,
    };
    const rl = role.get(r.filePath);
    if (rl) row.role = rl;
    if (f) {
      if (f.organ !== undefined) row.organ = f.organ;
      if (f.year !== undefined) row.year = f.year;
      if (f.kind !== undefined) row.kind = f.kind;
      if (f.signed !== undefined) row.signed = f.signed;
      if (f.deadline !== undefined) row.deadline = f.deadline;
      if (f.signed && f.deadline) row.late = f.signed > f.deadline;
      if (f.copiedShare !== undefined) row.copiedShare = f.copiedShare;
      if (f.previousFile !== undefined) row.previousFile = f.previousFile;
    }
    return row;
  });
  const missing: RegionOverview['missing'] = [];
  for (const a of input.aggregates) if (a.total) for (const organ of missingUnits(a)) missing.push({ organ, total: a.total.file });
  return { units, missing };
}

function toMessage(rule: Rule, severity: 1 | 2, d: RegionReport, config: ResolvedConfig): LintMessage {
  const template = rule.meta.messages[d.messageId];
  if (!template) throw new Error(`rule ${rule.meta.id} reported unknown messageId "${d.messageId}"`);
  let message = fillTemplate(pick(template, config.locale), d.data);
  const legalBasis = d.legalBasis === null ? undefined : (d.legalBasis ?? rule.meta.docs.legalBasis);
  if (legalBasis) message += t(TERMS, 'basisSuffix', config.locale, { basis: pick(legalBasis, config.locale) });
  return {
    ruleId: rule.meta.id,
    severity,
    message,
    line: d.at.line,
    column: d.at.column,
    endLine: d.at.endLine,
    endColumn: d.at.endColumn,
    messageId: d.messageId,
  };
}
