import type { LintResult, Locale } from '../engine/types.js';

export interface ReporterContext {
  /** File paths are shown relative to this directory (stylish). */
  cwd: string;
  locale: Locale;
  /** Whether ANSI colours may be used. The caller decides (TTY, NO_COLOR, FORCE_COLOR, --output-file). */
  color: boolean;
}

/** A reporter is a pure function of the results; it never writes anything itself. */
export type Reporter = (results: LintResult[], ctx: ReporterContext) => string;
