import { GiaLintError } from '../config/errors.js';
import { rulesForConfig } from '../config/plugins.js';
import { previousReports, verifyAndFix, type PreviousReport, type VerifyAndFixOutput } from '../engine/linter.js';
import type { LintMessage, LintResult, ResolvedConfig } from '../engine/types.js';
import { formatOf } from '../formats/index.js';
import type { Document, PagePlace } from '../model/document.js';
import type { Report } from '../model/report.js';
import type { Script } from '../model/script.js';
import { unitFacts } from '../region/facts.js';
import { builtinRules } from '../rules/index.js';
import { manualFixNote } from './messages.js';
import type { LintOptions } from './options.js';
import { outlineOf } from './outline.js';
import { makeResult } from './result.js';

/** One text through the pure engine (`verifyAndFix`), and its output shaped into a LintResult. */

export interface EngineRun {
  text: string;
  /** Its script, decided when it was read (`prepareScript`). */
  script?: Script;
  /** The path results show ("<text>" for a string without one). */
  shownPath: string;
  filePath: string | undefined;
  config: ResolvedConfig;
  options: LintOptions;
  /** The Document a binary format's processor built; text formats are parsed by the engine. */
  document?: Document;
  previous?: PreviousReport;
  /** What the processor could not read. */
  notes?: string[];
  expanded?: boolean;
  /** Reports already recognized (the --previous-dir pairing recognized the file first). */
  reports?: Report[];
  /** What --fix writes into a binary file (src/api/fix-binary.ts). */
  fixedBytes?: Buffer;
}

export function runEngine(run: EngineRun): LintResult {
  try {
    const { out, messages } = lint(run);
    return toResult(run, out, messages);
  } catch (e) {
    // A plugin rule that fails is the plugin's problem, named as such (exit 2, no "internal error").
    if (e instanceof GiaLintError) throw new GiaLintError(`${run.shownPath}: ${e.message}`, { cause: e });
    // An engine failure is a bug; name the file so it can be reproduced.
    throw new Error(`${run.shownPath}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

/** Verify (and fix a text format), then the messages as the user sees them. */
function lint(run: EngineRun): { out: VerifyAndFixOutput; messages: LintMessage[] } {
  const { text, script, filePath, config, options, document, reports, previous, notes, expanded = false } = run;
  // Fix ranges of a binary format point into its text view, not into the file: never apply
  // them to the view (fixBinary has written into the file those its format can place)…
  const binary = document !== undefined && formatOf(document).binary;
  const wantsFix = typeof options.fix === 'function' ? options.fix : () => options.fix === true;
  const shouldFix = binary ? () => false : wantsFix;
  const rules = rulesForConfig(options.rules ?? builtinRules, config);
  const out = verifyAndFix(text, { filePath, config, rules, document, reports, previous, shouldFix, expanded, script });
  let messages = out.messages;
  // …and never offer them; a fix --fix could not write is to be made by hand, and says so.
  if (binary) {
    const manual = manualFixNote(config.locale);
    messages = messages.map(({ fix, suggestions: _s, ...m }) => (fix && options.fix && wantsFix({ ...m, fix }) ? { ...m, message: m.message + manual } : m));
  }
  // What the processor could not read comes first, as warnings of no rule.
  if (notes?.length) messages = [...notes.map((message): LintMessage => ({ ruleId: null, severity: 1, message, line: 1, column: 1 })), ...messages];
  // A paged format (PDF) also names the page, and the line on that page, each message points at.
  const pages = document?.pages;
  if (pages) messages = messages.map((m) => withPage(m, pages));
  return { out, messages };
}

/** The result: counts, fixed output, and what reporters and the region stage asked for. */
function toResult(run: EngineRun, out: VerifyAndFixOutput, messages: LintMessage[]): LintResult {
  const { text, config, options, previous, fixedBytes } = run;
  const result = makeResult(run.shownPath, messages, out.suppressedMessages);
  result.format = out.document.format;
  if (out.fixed) result.output = out.output;
  if (fixedBytes) {
    result.output = text;
    result.outputBytes = fixedBytes;
  }
  if (options.includeSource) {
    result.source = text;
    result.outline = outlineOf(out.reports, out.document, config.locale);
  }
  if (options.region || config.previousDir !== undefined) {
    result.unit = unitFacts(out.document, out.reports, {
      previous: previous ? { filePath: previous.filePath, reports: previousReports(previous) } : undefined,
      previousWanted: config.previous !== undefined || config.previousDir !== undefined,
      deadlines: config.deadlines,
      agencyKind: config.agencyKind,
    });
  }
  return result;
}

/** A message of a paged format (PDF) also names the page, and the line on that page, it points at. */
function withPage(m: LintMessage, pages: PagePlace[]): LintMessage {
  const place = pages[Math.min(m.line, pages.length) - 1];
  return place ? { ...m, page: place.page, pageLine: place.line } : m;
}
