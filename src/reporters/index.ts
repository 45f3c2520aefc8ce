import { readFileSync } from 'node:fs';
import type { LintResult } from '../engine/types.js';
import { UsageError } from '../config/errors.js';
import { builtinRules } from '../rules/index.js';
import { checkstyle } from './checkstyle.js';
import { compact } from './compact.js';
import { github } from './github.js';
import { html } from './html.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Reporter, ReporterContext } from './types.js';
import { unix } from './unix.js';

export type { Reporter, ReporterContext } from './types.js';
export { displayWidth } from './width.js';

/** Reporters by `--format` name. */
export const reporters: ReadonlyMap<string, Reporter> = new Map<string, Reporter>([
  ['stylish', stylish],
  ['json', json],
  ['compact', compact],
  ['unix', unix],
  ['checkstyle', checkstyle],
  ['junit', junit],
  ['sarif', sarif],
  ['github', github],
  ['html', html],
]);

/** Formats that show the report's text, so the API must keep it (`includeSource`). */
export const FORMATS_NEEDING_SOURCE: ReadonlySet<string> = new Set(['html']);

/**
 * Render results with the named reporter; an unknown name is a usage error. Fills in the rule
 * metadata (built-in rules unless the caller gives its own) and the version for the reporters that
 * describe the tool.
 */
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
  return reporter(results, { ...ctx, rules: ctx.rules ?? builtinRules, version: ctx.version ?? packageVersion() });
}

let version: string | undefined;
/** gia-lint's version from package.json (same relative location from src/ and dist/). */
export function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return version;
}
