import type { AgencyKind, Locale, RuleSetting } from '../engine/types.js';

/** A config as written in `.gianrc` / `.gianrc.json` (or passed as `overrideConfig`). */
export interface ConfigData {
  /** Accepted for ESLint familiarity; discovery already stops at the nearest config file. */
  root?: boolean;
  /** Presets ("gia-lint:recommended" / "recommended") or paths relative to this file. */
  extends?: string | string[];
  locale?: Locale;
  year?: number;
  agencyKind?: AgencyKind;
  rules?: Record<string, RuleSetting>;
}

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
    locale: { enum: ['zh-CN', 'en'] },
    year: { type: 'integer', minimum: 2008, maximum: 2100 },
    agencyKind: { enum: ['department', 'government'] },
    rules: { type: 'object' },
  },
  additionalProperties: false,
} as const;
