/**
 * The small in-process harness many tests need: verify() a text with the built-in rules and a
 * config made here (no config files, no API), so a test states only what differs — which rules,
 * at what severity, in which locale.
 */
import { verify, type VerifyOutput } from '../../src/engine/linter.js';
import type { Locale, ResolvedConfig } from '../../src/engine/types.js';
import { builtinRules } from '../../src/rules/index.js';

export interface BuiltinConfigOptions {
  /** The rules turned on (default: every built-in rule). Unknown ids are left out. */
  rules?: readonly string[];
  /** Every rule at this severity instead of its default one. */
  severity?: 1 | 2;
  locale?: Locale;
}

/** A resolved config with built-in rules on: each at its default severity unless `severity` is given. */
export function builtinConfig({ rules = [...builtinRules.keys()], severity, locale = 'zh-CN' }: BuiltinConfigOptions = {}): ResolvedConfig {
  const config: ResolvedConfig = { locale, rules: {} };
  for (const id of rules) {
    const rule = builtinRules.get(id);
    if (rule) config.rules[id] = { severity: severity ?? (rule.meta.defaultSeverity === 'error' ? 2 : 1), options: {} };
  }
  return config;
}

/** verify() of `text` as the file `filePath` with the built-in rules (see builtinConfig). */
export function lintWith(text: string, filePath: string, options: BuiltinConfigOptions = {}): VerifyOutput {
  return verify(text, { filePath, config: builtinConfig(options), rules: builtinRules });
}
