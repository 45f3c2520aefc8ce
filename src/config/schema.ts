import type { AgencyKind, Locale, RuleSetting, RuleSeverityMode, SeveritySetting } from '../engine/types.js';

/** The settings a config and each of its `overrides` entries may carry. */
export interface ConfigSettings {
  locale?: Locale;
  year?: number;
  agencyKind?: AgencyKind;
  rules?: Record<string, RuleSetting>;
  /** Report `gia-lint-disable…` directives that suppressed nothing, at this severity. */
  reportUnusedDisableDirectives?: SeveritySetting;
  /**
   * What a rule's configured severity means. "ceiling" (the default): the highest its findings
   * get — a finding the rule reports as its lesser case is a warning. "exact": every finding takes
   * it, so a rule set to "error" reports no warnings (the strict preset).
   */
  ruleSeverity?: RuleSeverityMode;
  /** Last year's report, for rules that compare the two (relative to the config file). */
  previous?: string;
  /** Ignore `gia-lint-disable…` comments in the files (`--no-inline-config`). */
  noInlineConfig?: boolean;
  /** A folder of last year's reports: each linted report is paired with its own organ's (region runs). */
  previousDir?: string;
  /** Local publication deadlines ("MM-DD" of the year after the report year), by kind of organ. */
  deadlines?: Deadlines;
  /** Government totals vs the sum of their units (region runs; paths relative to the config file). */
  aggregate?: AggregateSpec[];
}

export interface Deadlines {
  department?: string;
  government?: string;
  township?: string;
}

/** One government (total) report and the unit reports (parts) whose tables it sums. */
export interface AggregateSpec {
  /** The total's file, or a glob matching it. */
  total: string;
  /** Globs of the parts' files. */
  parts: string[];
  /** Organ names of the units the total covers; those without a report among the parts are listed as missing. */
  expect?: string[];
}

/** One `overrides` entry: settings for the files matching `files` (and not `excludedFiles`). */
export interface ConfigOverride extends ConfigSettings {
  /** Glob patterns, relative to the config file's directory (picomatch; `*.md` matches at any depth). */
  files: string | string[];
  excludedFiles?: string | string[];
}

/** A config as written in `.gianrc` / `.gianrc.json` (or passed as `overrideConfig`). */
export interface ConfigData extends ConfigSettings {
  /** Accepted for ESLint familiarity; discovery already stops at the nearest config file. */
  root?: boolean;
  /**
   * Presets ("gia-lint:recommended" / "recommended" / "gia-lint:strict"), paths relative to this
   * file, shareable config packages ("gia-lint-config-xx" / "xx") or a plugin's configs
   * ("plugin:foo/recommended").
   */
  extends?: string | string[];
  /** Plugin packages ("gia-lint-plugin-foo" / "foo", from this file's directory) or relative module paths. */
  plugins?: string[];
  /** Base URL of the rule docs (SARIF helpUri, editors' links), e.g. an intranet mirror. */
  docsUrl?: string;
  overrides?: ConfigOverride[];
}

const severity = { enum: ['off', 'warn', 'error', 0, 1, 2] } as const;
const patterns = { type: ['string', 'array'], minLength: 1, items: { type: 'string', minLength: 1 }, minItems: 1 } as const;

/** Keys shared by the top level and each `overrides` entry. */
const settings = {
  locale: { enum: ['zh-CN', 'en'] },
  year: { type: 'integer', minimum: 2008, maximum: 2100 },
  agencyKind: { enum: ['department', 'government'] },
  rules: { type: 'object' },
  reportUnusedDisableDirectives: severity,
  ruleSeverity: { enum: ['ceiling', 'exact'] },
  previous: { type: 'string', minLength: 1 },
  noInlineConfig: { type: 'boolean' },
  previousDir: { type: 'string', minLength: 1 },
  deadlines: {
    type: 'object',
    properties: Object.fromEntries(
      ['department', 'government', 'township'].map((k) => [k, { type: 'string', pattern: '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' }]),
    ),
    additionalProperties: false,
  },
  aggregate: {
    type: 'array',
    items: {
      type: 'object',
      properties: {
        total: { type: 'string', minLength: 1 },
        parts: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
        expect: { type: 'array', items: { type: 'string', minLength: 1 } },
      },
      required: ['total', 'parts'],
      additionalProperties: false,
    },
  },
} as const;

/**
 * JSON Schema of the top level. Rule entries are only required to be present here; they are
 * checked one by one afterwards, so that each error can name the rule and the expected value.
 */
export const configSchema = {
  type: 'object',
  properties: {
    $schema: { type: 'string' },
    root: { type: 'boolean' },
    extends: { type: ['string', 'array'], items: { type: 'string' } },
    plugins: { type: 'array', items: { type: 'string', minLength: 1 } },
    docsUrl: { type: 'string', pattern: '^https?://' },
    ...settings,
    overrides: {
      type: 'array',
      items: {
        type: 'object',
        properties: { files: patterns, excludedFiles: patterns, ...settings },
        required: ['files'],
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
} as const;
