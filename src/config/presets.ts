import type { Rule, RuleSeverityMode } from '../engine/types.js';
import type { NormalizedRuleSetting } from './validate.js';

/**
 * Built-in presets, usable as `"extends": "gia-lint:<name>"` or just `"<name>"`.
 * A preset is computed from the rule map, so rules added later join it automatically.
 *
 * - `recommended`: every rule at its default severity (the built-in default).
 * - `strict`: every rule as an error, including those whose default is a warning, and the severity
 *   exact (`ruleSeverity: "exact"`): the findings a rule reports as its lesser case are errors too.
 *   For a reviewer's final check before publication, where no finding may let a report through.
 */
export const presets: Record<string, (rules: ReadonlyMap<string, Rule>) => Record<string, NormalizedRuleSetting>> = {
  recommended: (rules) => {
    const out: Record<string, NormalizedRuleSetting> = {};
    for (const [id, rule] of rules) out[id] = { severity: rule.meta.defaultSeverity === 'error' ? 2 : 1 };
    return out;
  },
  strict: (rules) => {
    const out: Record<string, NormalizedRuleSetting> = {};
    for (const id of rules.keys()) out[id] = { severity: 2 };
    return out;
  },
};

/**
 * The `ruleSeverity` each preset sets. recommended says "ceiling" explicitly, so that a config
 * extending strict and then recommended gets recommended's meaning back.
 */
export const presetRuleSeverity: Record<string, RuleSeverityMode> = { recommended: 'ceiling', strict: 'exact' };

/** "gia-lint:recommended" or "recommended" → "recommended"; anything else → undefined. */
export function presetName(ref: string): string | undefined {
  const name = ref.startsWith('gia-lint:') ? ref.slice('gia-lint:'.length) : ref;
  return Object.hasOwn(presets, name) ? name : undefined;
}
