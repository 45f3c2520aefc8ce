import type { Reporter } from './types.js';
import { noteText, overviewOf } from './overview.js';
import { relativePath } from './util.js';

/**
 * The region overview as JSON, for dashboards and scripts: `{ summary, units, missing }`. The `json`
 * format stays ESLint's result array; this is the separate summary. Keys are English and stable;
 * paths relative to the current directory; dates YYYY-MM-DD; the copied share 0..1.
 */
export const summaryJson: Reporter = (results, ctx) => {
  const overview = overviewOf(results, ctx);
  const units = overview.units.map((r) => ({
    file: relativePath(ctx.cwd, r.file),
    organ: r.organ ?? null,
    year: r.year ?? null,
    kind: r.kind ?? null,
    role: r.role ?? null,
    status: r.fatal ? 'unreadable' : r.passed ? 'passed' : 'failed',
    errors: r.errors,
    warnings: r.warnings,
    signed: r.signed ?? null,
    deadline: r.deadline ?? null,
    late: r.late ?? null,
    copiedShare: r.copiedShare ?? null,
    previousFile: r.previousFile ? relativePath(ctx.cwd, r.previousFile) : null,
    note: noteText(r, ctx.locale) || null,
  }));
  const summary = {
    files: units.length,
    passed: units.filter((u) => u.status === 'passed').length,
    failed: units.filter((u) => u.status === 'failed').length,
    unreadable: units.filter((u) => u.status === 'unreadable').length,
    errors: overview.units.reduce((n, r) => n + r.errors, 0),
    warnings: overview.units.reduce((n, r) => n + r.warnings, 0),
    late: units.filter((u) => u.late === true).length,
    withoutPrevious: overview.units.filter((r) => r.previousWanted && !r.previousFile && !r.fatal).length,
    missing: overview.missing.length,
  };
  const missing = overview.missing.map((m) => ({ organ: m.organ, total: relativePath(ctx.cwd, m.total) }));
  return JSON.stringify({ summary, units, missing });
};
