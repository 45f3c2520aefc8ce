import type { Rule } from '../engine/types.js';
import type { NormalizedRuleSetting } from './validate.js';

/**
 * Built-in presets, usable as `"extends": "gia-lint:<name>"` or just `"<name>"`.
 * A preset is computed from the rule map, so rules added later join it automatically.
 *
 * - `recommended`: every rule at its default severity (the built-in default).
 * - `strict`: every rule as an error, including those whose default is a warning — for a final
 *   check before publication, where nothing should be left unexamined. The severity is a ceiling:
 *   findings a rule reports as its lesser case (`severity: 'warn'` in the descriptor) stay warnings;
 *   `--max-warnings 0` fails on those too (README, Presets).
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

/** "gia-lint:recommended" or "recommended" → "recommended"; anything else → undefined. */
export function presetName(ref: string): string | undefined {
  const name = ref.startsWith('gia-lint:') ? ref.slice('gia-lint:'.length) : ref;
  return Object.hasOwn(presets, name) ? name : undefined;
}
