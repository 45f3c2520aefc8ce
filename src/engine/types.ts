import type { Report } from '../model/report.js';
import type { Span } from '../model/source.js';
import type { Document } from '../model/document.js';
import type { RegionContext, RegionInput } from '../region/types.js';
import type { UnitFacts } from '../region/facts.js';
import type { Locale, LocalizedText } from '../i18n/types.js';
import type { Fix } from '../model/source.js';

export type { Fix, Locale, LocalizedText };

/* ----------------------------------------------------------------------------- public results */

/** ESLint numeric severities: 1 warning, 2 error. */
export type Severity = 1 | 2;
export type SeveritySetting = 'off' | 'warn' | 'error' | 0 | 1 | 2;

export interface Suggestion {
  desc: string;
  messageId?: string;
  fix: Fix;
}

/** One problem, in ESLint's message shape. Lines and columns are 1-based, UTF-16 columns. */
export interface LintMessage {
  ruleId: string | null;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  messageId?: string;
  fatal?: boolean;
  fix?: Fix;
  suggestions?: Suggestion[];
  /** 0-based index of the report within the file (files may hold several reports). */
  reportIndex?: number;
  /** Second places the finding refers to (e.g. the table cell a prose number contradicts). */
  relatedLocations?: RelatedLocation[];
  /** PDF input: the 1-based page, and line on that page, where `line` of the text view starts. */
  page?: number;
  pageLine?: number;
}

/** A second location of a finding, 1-based like the message itself. */
export interface RelatedLocation {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** What is there, in the message's locale. */
  message: string;
}

/** Why a message was suppressed (ESLint's shape): an inline directive, with its `-- reason`. */
export interface Suppression {
  kind: 'directive';
  justification: string;
}

/** A message silenced by an inline `gia-lint-disable…` directive (ESLint's suppressedMessages). */
export interface SuppressedMessage extends LintMessage {
  suppressions: Suppression[];
}

/** One file's result, in ESLint's result shape. */
export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  fatalErrorCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** Messages silenced by inline directives (not counted above). */
  suppressedMessages?: SuppressedMessage[];
  /** Present when --fix produced new text (for a binary format: its fixed text view). */
  output?: string;
  /** A binary format's fixed file (.docx), which outputFixes writes. Not part of the json format. */
  outputBytes?: Uint8Array;
  source?: string;
  /**
   * The input format's id (src/formats): how positions are shown (a line, a Word paragraph, a
   * PDF page). Absent when the file could not be read. Not part of the json format.
   */
  format?: string;
  /**
   * The report's parts as recognized — numbered sections and official tables, with their lines —
   * kept with `source` (includeSource) for reporters that group problems by them (html).
   */
  outline?: OutlineEntry[];
  /** What the region stage needs of this file (organ, year, table cells …), when linted for a region run. Never printed by `json`. */
  unit?: UnitFacts;
}

/**
 * A part of a report, lines 1-based and inclusive: a recognized numbered section or official
 * table, or ('grid') a table of the document whose every cell has lines of its own (a Word table,
 * one paragraph per line), given row by row so that a reporter can draw it as a table.
 */
export interface OutlineEntry {
  kind: 'section' | 'table' | 'grid';
  /** As a reader names it: "三、收到和处理政府信息公开申请情况", "表三（收到和处理政府信息公开申请情况）"; '' for a grid. */
  title: string;
  line: number;
  endLine: number;
  /** kind 'grid': the rows, each cell with its lines and merges. */
  rows?: GridCell[][];
}

export interface GridCell {
  line: number;
  endLine: number;
  rowSpan: number;
  colSpan: number;
}

/* ------------------------------------------------------------------------------------- config */

export type AgencyKind = 'department' | 'government';

export type RuleSetting = SeveritySetting | [SeveritySetting, Record<string, unknown>?];

/**
 * What a rule's configured severity means: "ceiling", the highest its findings get (a finding the
 * rule reports as its lesser case, `severity: 'warn'`, is a warning), or "exact", every finding's.
 */
export type RuleSeverityMode = 'ceiling' | 'exact';

/** A fully resolved configuration (after extends and CLI overrides). */
export interface ResolvedConfig {
  locale: Locale;
  /** Force the report year (otherwise detected from title / intro). */
  year?: number;
  agencyKind?: AgencyKind;
  rules: Record<string, { severity: 0 | 1 | 2; options: Record<string, unknown> }>;
  /** Severity of problems for `gia-lint-disable…` directives that suppressed nothing (0: not reported). */
  reportUnusedDisableDirectives?: 0 | 1 | 2;
  /** "exact": a rule's lesser-case findings take its configured severity too (strict); default "ceiling". */
  ruleSeverity?: RuleSeverityMode;
  /** Absolute path of last year's report (`--previous` / `previous`), read by the API for the engine. */
  previous?: string;
  /** `--no-inline-config` / `noInlineConfig`: ignore `gia-lint-disable…` comments in the file. */
  noInlineConfig?: boolean;
  /** Plugins whose rules this config may name: namespace → absolute path of the loaded module. */
  plugins?: Record<string, string>;
  /** Base URL of the rule docs, for reporters and editors (`--docs-url` / `docsUrl`). */
  docsUrl?: string;
  /** Absolute path of a folder of last year's reports (`--previous-dir` / `previousDir`): each file is paired with its own organ's. */
  previousDir?: string;
  /** Local publication deadlines, "MM-DD" of the year after the report year (publication-date). */
  deadlines?: { department?: string; government?: string; township?: string };
  /** Government totals vs their units (`aggregate`), paths and globs absolute (forward slashes). */
  aggregate?: { total: string; parts: string[]; expect?: string[] }[];
}

/* -------------------------------------------------------------------------------------- rules */

export interface RuleMeta {
  id: string;
  type: 'problem' | 'suggestion' | 'layout';
  defaultSeverity: 'error' | 'warn';
  docs: {
    description: LocalizedText;
    url: string;
    /**
     * What the rule checks, in one English sentence: its row in README's rule table (generated by
     * `npm run docs:index`). Optional: a rule without one (a plugin's) is listed with description.en.
     */
    summary?: string;
    /**
     * The comment lines (without `// `) above the rule's entry in .gianrc.example's "rules" block
     * (generated by `npm run docs:index`): what it checks in Chinese and what its options mean.
     * Optional: a rule without one gets its entry with no comment.
     */
    configComment?: readonly string[];
    /** Short legal basis appended to messages, e.g. 《条例》第五十条；国办公开办函〔2021〕30号. */
    legalBasis?: LocalizedText;
  };
  /** JSON Schema of the rule's options object (validated with ajv). */
  schema: Record<string, unknown>;
  /** Default options (merged under the configured ones). */
  defaultOptions?: Record<string, unknown>;
  /** Message templates by id; `{{name}}` placeholders are filled from `data`. */
  messages: Record<string, LocalizedText>;
  fixable?: 'code';
  hasSuggestions?: boolean;
  /**
   * What the rule checks: annual reports (default), or files that are no annual report at all
   * (`Report.notAReport`: a memo, a README, a 信息公开指南), which no other rule looks at.
   */
  runsOn?: 'reports' | 'non-reports';
  /**
   * 'region': the rule compares files with each other (a government's totals with its units') and
   * runs after the batch in src/region/, through `checkRegion`; its `check` is never called.
   */
  scope?: 'file' | 'region';
}

export interface ReportDescriptor {
  messageId: string;
  data?: Record<string, string | number>;
  /** Where, as offsets into the original text. */
  span: Span;
  fix?: Fix;
  suggest?: { messageId: string; data?: Record<string, string | number>; fix: Fix }[];
  /** Overrides meta.docs.legalBasis for this finding; null for a finding without one. */
  legalBasis?: LocalizedText | null;
  /** Other places the finding involves (shown by editors as related information); message in context.locale. */
  related?: { span: Span; message: string }[];
  /**
   * 'warn' makes this finding a warning even where the rule is configured as an error (a lesser
   * case of the same rule, e.g. a missing signing date beside a late one). The configured severity
   * is a ceiling: a finding is never raised above it, and a rule set to "warn" stays a warning.
   */
  severity?: 'warn';
}

export interface RuleContext {
  readonly options: Record<string, unknown>;
  readonly locale: Locale;
  readonly config: ResolvedConfig;
  readonly document: Document;
  /** Original file text. */
  readonly text: string;
  /**
   * Every report recognized in last year's report file (`--previous <file>` / config `previous`),
   * read with the same config except the year, which comes from that file's own title. Undefined
   * when no previous file was given; empty when it was given but holds no recognizable report.
   * Rules comparing years (carryover) pick the report they need and stay silent without one.
   */
  readonly previous?: readonly Report[];
  /**
   * True when the file was found by expanding a directory or glob pattern rather than named (or
   * piped in) by the user: a folder of reports often holds other documents too.
   */
  readonly expanded: boolean;
  /**
   * The document's text in `span` exactly as a person sees it (spaces kept, markup left out):
   * what a message should quote so that Ctrl+F finds it. Undefined when the span holds no text.
   */
  quote(span: Span): string | undefined;
  /**
   * Where `span` starts, as a message names another place in passing: "第 12 行" in a text file,
   * "第 7 段" in a Word file, "第 2 页 第 14 行" in a PDF (the format's descriptor decides).
   */
  where(span: Span): string;
  report(descriptor: ReportDescriptor): void;
}

export interface Rule {
  meta: RuleMeta;
  /** Called once per report in the file. */
  check(report: Report, context: RuleContext): void;
  /** Region rules (`meta.scope: 'region'`): called once per region run with every file's facts. */
  checkRegion?(region: RegionInput, context: RegionContext): void;
}
