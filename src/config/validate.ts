import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { Locale, Rule } from '../engine/types.js';
import { ConfigError } from './errors.js';
import * as msg from './messages.js';
import { configSchema } from './schema.js';

/** A rule entry after validation: numeric severity; options only when the entry gave some. */
export interface NormalizedRuleSetting {
  severity: 0 | 1 | 2;
  options?: Record<string, unknown>;
}

/** One config source after validation, before `extends` is followed. */
export interface ValidatedConfig {
  root?: boolean;
  extends: string[];
  locale?: Locale;
  year?: number;
  agencyKind?: 'department' | 'government';
  rules: Record<string, NormalizedRuleSetting>;
}

export interface ValidateContext {
  /** Shown in error messages: the config file path, or a label such as "overrideConfig". */
  source: string;
  rules: ReadonlyMap<string, Rule>;
  /** Language of error messages; defaults to the config's own `locale`, else zh-CN. */
  locale?: Locale;
}

// verbose: errors carry parentSchema, used to phrase ranges ("2008 到 2100 之间的整数").
// strict: false, because rule schemas may carry documentation keywords ajv does not know.
let ajv: Ajv | undefined;
const getAjv = () => (ajv ??= new Ajv({ allErrors: true, verbose: true, strict: false }));

let configValidator: ValidateFunction | undefined;
const optionValidators = new WeakMap<Rule, ValidateFunction>();

const SEVERITIES: Record<string, 0 | 1 | 2> = { off: 0, warn: 1, error: 2 };

export function validateConfig(raw: unknown, ctx: ValidateContext): ValidatedConfig {
  const locale = ctx.locale ?? localeHint(raw);
  const fail = (keyPath: string, problem: string): never => {
    throw new ConfigError(msg.invalidConfig(ctx.source, keyPath, problem, locale), ctx.source, keyPath);
  };

  configValidator ??= getAjv().compile(configSchema);
  if (!configValidator(raw)) {
    const err = configValidator.errors![0];
    fail(errorPath('', err), msg.describeAjvError(err, locale));
  }
  const data = raw as Record<string, unknown>;

  const rules: Record<string, NormalizedRuleSetting> = {};
  for (const [id, entry] of Object.entries((data.rules ?? {}) as Record<string, unknown>)) {
    const path = `rules${keySegment(id)}`;
    const rule = ctx.rules.get(id);
    if (!rule) fail(path, msg.unknownRule(id, [...ctx.rules.keys()].sort(), locale));

    if (!Array.isArray(entry)) {
      rules[id] = { severity: severityOf(entry) ?? fail(path, msg.severityExpected(locale)) };
      continue;
    }
    if (entry.length < 1 || entry.length > 2) fail(path, msg.ruleEntryShape(locale));
    const severity = severityOf(entry[0]) ?? fail(`${path}[0]`, msg.severityExpected(locale));
    if (entry.length === 1) {
      rules[id] = { severity };
      continue;
    }
    const options = entry[1];
    if (typeof options !== 'object' || options === null || Array.isArray(options)) {
      fail(`${path}[1]`, msg.optionsObjectExpected(locale));
    }
    const validate = optionsValidator(rule!);
    if (!validate(options)) {
      const err = validate.errors![0];
      fail(errorPath(`${path}[1]`, err), msg.describeAjvError(err, locale));
    }
    rules[id] = { severity, options: options as Record<string, unknown> };
  }

  const ext = data.extends;
  return {
    root: data.root as boolean | undefined,
    extends: ext === undefined ? [] : Array.isArray(ext) ? (ext as string[]) : [ext as string],
    locale: data.locale as Locale | undefined,
    year: data.year as number | undefined,
    agencyKind: data.agencyKind as ValidatedConfig['agencyKind'],
    rules,
  };
}

function severityOf(v: unknown): 0 | 1 | 2 | undefined {
  if (typeof v === 'string' && Object.hasOwn(SEVERITIES, v)) return SEVERITIES[v];
  if (v === 0 || v === 1 || v === 2) return v;
  return undefined;
}

function optionsValidator(rule: Rule): ValidateFunction {
  let v = optionValidators.get(rule);
  if (!v) {
    // A schema that does not compile is a bug in the rule, not in the user's config: let it throw.
    v = getAjv().compile(rule.meta.schema);
    optionValidators.set(rule, v);
  }
  return v;
}

/** The config's own `locale`, if it is a valid one, so its errors come in the language it asks for. */
function localeHint(raw: unknown): Locale {
  const l = (raw as { locale?: unknown } | null)?.locale;
  return l === 'en' ? 'en' : 'zh-CN';
}

/** `rules.table-sum` / `rules["a b"]` / `[1]` */
function keySegment(key: string | number): string {
  if (typeof key === 'number') return `[${key}]`;
  return /^[A-Za-z_$][\w$-]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

/** ajv's JSON-pointer instancePath → `prefix.key[0].other`, plus the offending key for additionalProperties. */
function errorPath(prefix: string, err: ErrorObject): string {
  let out = prefix;
  for (const raw of err.instancePath.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    out += /^\d+$/.test(key) ? keySegment(Number(key)) : keySegment(key);
  }
  if (err.keyword === 'additionalProperties') out += keySegment(String(err.params.additionalProperty));
  return out.replace(/^\./, '');
}
