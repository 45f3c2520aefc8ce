import { readFileSync } from 'node:fs';
import type { LintResult } from '../engine/types.js';
import { GiaLintError, UsageError } from '../config/errors.js';
import * as msg from '../config/messages.js';
import { builtinRules } from '../rules/index.js';
import { singleExecutable } from '../single-executable.js';
import { checkstyle } from './checkstyle.js';
import { compact } from './compact.js';
import { csv } from './csv.js';
import { github } from './github.js';
import { html } from './html.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import { summaryJson } from './summary-json.js';
import type { Reporter, ReporterContext } from './types.js';
import { unix } from './unix.js';
import { t } from '../i18n/format.js';
import { joinList } from '../i18n/locales.js';
import { REPORTER_TEXT } from './messages.js';

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
  ['csv', csv],
  ['summary-json', summaryJson],
]);

/** Formats that show the region overview, so the API records each file's facts (`region`). */
export const FORMATS_WITH_OVERVIEW: ReadonlySet<string> = new Set(['csv', 'summary-json']);

/** Formats that show the report's text, so the API must keep it (`includeSource`). */
export const FORMATS_NEEDING_SOURCE: ReadonlySet<string> = new Set(['html']);

/**
 * Render results with the named reporter (or a custom one from loadReporter); an unknown name is a
 * usage error. Fills in the rule metadata (built-in rules unless the caller gives its own) and the
 * version for the reporters that describe the tool.
 */
export function formatResults(name: string | Reporter, results: LintResult[], ctx: ReporterContext): string {
  const reporter = typeof name === 'function' ? name : reporters.get(name);
  if (!reporter) throw new UsageError(unknownFormat(String(name), ctx.locale));
  return reporter(results, { ...ctx, rules: ctx.rules ?? builtinRules, version: ctx.version ?? packageVersion() });
}

function unknownFormat(name: string, locale: ReporterContext['locale']): string {
  return t(REPORTER_TEXT, 'unknownFormat', locale, { name, names: joinList([...reporters.keys()], locale) });
}

/**
 * A reporter by `--format` value: a built-in name, a module path (`./fmt.mjs`, relative to `cwd`)
 * or a formatter package (`gia-lint-formatter-xx` or `xx`, resolved from `cwd`). A custom
 * formatter has the built-ins' signature, `(results, context) => string`; it runs in this process
 * (see README "Security"). A bare name that is neither built in nor installed is an unknown format.
 */
export async function loadReporter(name: string, cwd: string, locale: ReporterContext['locale']): Promise<Reporter> {
  const builtin = reporters.get(name);
  if (builtin) return builtin;
  const { isPathSpecifier, loadFormatter } = await import('../config/plugins.js');
  let fn: (results: LintResult[], ctx: ReporterContext) => unknown;
  try {
    fn = (await loadFormatter(name, cwd, locale)) as unknown as typeof fn;
  } catch (e) {
    const bare = !isPathSpecifier(name) && !name.includes('gia-lint-formatter') && !name.startsWith('@');
    if (bare && e instanceof GiaLintError && /未安装|not installed/.test(e.message)) throw new UsageError(unknownFormat(name, locale));
    throw e;
  }
  return (results, ctx) => {
    let out: unknown;
    try {
      out = fn(results, ctx);
    } catch (e) {
      throw new GiaLintError(msg.formatterFailed(name, (e instanceof Error ? e.message : String(e)).split('\n')[0], locale));
    }
    if (typeof out !== 'string') throw new GiaLintError(msg.formatterNotString(name, locale));
    return out;
  };
}

let version: string | undefined;
/** gia-lint's version from package.json (same relative location from src/ and dist/). */
export function packageVersion(): string {
  version ??= singleExecutable?.version ?? (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return version;
}
