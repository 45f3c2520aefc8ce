import type { LintResult, Locale, RuleMeta } from '../engine/types.js';
import type { RegionOverview } from '../region/index.js';

export interface ReporterContext {
  /** File paths are shown relative to this directory (stylish). */
  cwd: string;
  locale: Locale;
  /** Whether ANSI colours may be used. The caller decides (TTY, NO_COLOR, FORCE_COLOR, --output-file). */
  color: boolean;
  /**
   * Metadata of the rules that may appear in the results (descriptions, docs links, legal basis),
   * for the formats that describe rules (sarif, html). formatResults fills in the built-in rules.
   */
  rules?: ReadonlyMap<string, { meta: RuleMeta }>;
  /** gia-lint's version, named by formats that record the tool (sarif). formatResults fills it in. */
  version?: string;
  /** Base URL of the rule pages (`--docs-url` / config `docsUrl`); default: the public repository's. */
  docsUrl?: string;
  /**
   * The region overview of a region run (src/region/): csv and summary-json print it, html shows it
   * at the top. Without it, csv and summary-json build one from the results.
   */
  region?: RegionOverview;
}

/** A reporter is a pure function of the results; it never writes anything itself. */
export type Reporter = (results: LintResult[], ctx: ReporterContext) => string;
