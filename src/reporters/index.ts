import type { LintResult } from '../engine/types.js';
import { UsageError } from '../config/errors.js';
import { json } from './json.js';
import { stylish } from './stylish.js';
import type { Reporter, ReporterContext } from './types.js';

export type { Reporter, ReporterContext } from './types.js';
export { displayWidth } from './width.js';

/** Reporters by `--format` name. New formats (compact, unix, sarif, junit, …) register here. */
export const reporters: ReadonlyMap<string, Reporter> = new Map<string, Reporter>([
  ['stylish', stylish],
  ['json', json],
]);

/** Render results with the named reporter; an unknown name is a usage error. */
export function formatResults(name: string, results: LintResult[], ctx: ReporterContext): string {
  const reporter = reporters.get(name);
  if (!reporter) {
    const names = [...reporters.keys()].join(ctx.locale === 'en' ? ', ' : '、');
    throw new UsageError(
      ctx.locale === 'en'
        ? `Unknown format "${name}" (available: ${names})`
        : `未知的输出格式 "${name}"（可用：${names}）`,
    );
  }
  return reporter(results, ctx);
}
