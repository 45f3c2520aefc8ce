import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import type { Locale, Rule, RuleSeverityMode } from '../engine/types.js';
import { ConfigError } from './errors.js';
import * as msg from './messages.js';
import { configSchema, type AggregateSpec, type Deadlines } from './schema.js';
import { toLocale } from '../i18n/locales.js';

/** A rule entry after validation: numeric severity; options only when the entry gave some. */
export interface NormalizedRuleSetting {
  severity: 0 | 1 | 2;
  options?: Record<string, unknown>;
}

/** The settings of a config or of one `overrides` entry, after validation. */
export interface ValidatedSettings {
  locale?: Locale;
  year?: number;
  agencyKind?: 'department' | 'government';
  rules: Record<string, NormalizedRuleSetting>;
  reportUnusedDisableDirectives?: 0 | 1 | 2;
  ruleSeverity?: RuleSeverityMode;
  /** As written; the loader makes it absolute (relative to the file that says it). */
  previous?: string;
  noInlineConfig?: boolean;
  /** As written; the loader makes it absolute, like `previous`. */
  previousDir?: string;
  deadlines?: Deadlines;
  /** Paths and globs as written; the loader makes them absolute. */
  aggregate?: AggregateSpec[];
}

/** One `overrides` entry: patterns always as arrays. */
export interface ValidatedOverride {
  files: string[];
  excludedFiles: string[];
  settings: ValidatedSettings;
  /** Key path of the entry, e.g. `overrides[1]`, for errors found later (a missing `previous`). */
  keyPath: string;
  /** The config it belongs to (absolute path, or a label: "plugin:foo/bar", "overrideConfig"); set by the loader. */
  source?: string;
}

/**
 * One place a resolved config came from, in the order applied (later ones win): what
 * `--print-config` lists under "sources".
 */
export interface ConfigSource {
  /**
   * default: the built-in recommended preset every config starts from; preset: a preset named in
   * `extends`; file: a config file (the one found for the file, --config, or one extended by path);
   * package: a shareable config package; plugin-config: a plugin's config; override: an
   * `overrides` entry matching the file; options: the CLI's options / the API's overrideConfig.
   */
  kind: 'default' | 'preset' | 'file' | 'package' | 'plugin-config' | 'override' | 'options';
  /** As written: "gia-lint:strict", "./base.json", "province", "plugin:foo/recommended", "overrides[1]". */
  name: string;
  /** Resolved absolute path: the config file, the package's config file, the plugin's module, the file holding the override. */
  path?: string;
  /** The config whose `extends` named it (absolute path, or a label), or that holds an override given without a file. */
  extendedBy?: string;
}

/** One config source after validation, before `extends` is followed. */
export interface ValidatedConfig extends ValidatedSettings {
  root?: boolean;
  extends: string[];
  /** Module specifiers as written; the loader loads them (see plugins.ts). */
  plugins?: string[];
  /** After loading: namespace → absolute module path, this config's and those of what it extends. */
  loadedPlugins?: Record<string, string>;
  docsUrl?: string;
  /** In order; after merging, those of extended configs come first. */
  overrides: ValidatedOverride[];
  /** After loading: this config and everything it extends, in the order applied. */
  sources?: ConfigSource[];
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
// Loaded on first use: a run without a config file or rule options never needs ajv.
let ajv: Promise<Ajv> | undefined;
const getAjv = () => (ajv ??= import('ajv').then(({ default: ajvModule }) => new ajvModule.Ajv({ allErrors: true, verbose: true, strict: false })));

let configValidator: ValidateFunction | undefined;
const optionValidators = new WeakMap<Rule, ValidateFunction>();

const SEVERITIES: Record<string, 0 | 1 | 2> = { off: 0, warn: 1, error: 2 };

/**
 * The config's shape (keys, types, ranges), rule entries aside: enough to read its `plugins` and
 * `extends` before the rules those bring are known.
 */
export async function validateShape(raw: unknown, ctx: Omit<ValidateContext, 'rules'>): Promise<void> {
  const locale = ctx.locale ?? localeHint(raw);
  // Nothing to check in an empty object (the CLI's override layer when no option set one):
  // skipping ajv there keeps it (loading and schema compilation) out of every plain run's start-up.
  if (isEmptyConfig(raw)) return;
  configValidator ??= (await getAjv()).compile(configSchema);
  if (!configValidator(raw)) {
    const err = configValidator.errors![0];
    const keyPath = errorPath('', err);
    // A misspelt top-level key ("extend", "plugin", "rule") gets a did-you-mean.
    const problem =
      err.keyword === 'additionalProperties' && err.instancePath === ''
        ? msg.unknownTopLevelKey(
            String(err.params.additionalProperty),
            msg.closest(String(err.params.additionalProperty), Object.keys(configSchema.properties)),
            locale,
          )
        : msg.describeAjvError(err, locale);
    throw new ConfigError(msg.invalidConfig(ctx.source, keyPath, problem, locale), ctx.source, keyPath);
  }
}

export async function validateConfig(raw: unknown, ctx: ValidateContext): Promise<ValidatedConfig> {
  const locale = ctx.locale ?? localeHint(raw);
  const fail = (keyPath: string, problem: string): never => {
    throw new ConfigError(msg.invalidConfig(ctx.source, keyPath, problem, locale), ctx.source, keyPath);
  };
  await validateShape(raw, ctx);
  // Rule options are checked by ajv too; an empty config has none (and validateShape loaded no ajv for it).
  const compiler = isEmptyConfig(raw) ? undefined : await getAjv();
  const data = raw as Record<string, unknown>;
  const settingsOf = (obj: Record<string, unknown>, prefix: string): ValidatedSettings => ({
    locale: obj.locale as Locale | undefined,
    year: obj.year as number | undefined,
    agencyKind: obj.agencyKind as ValidatedSettings['agencyKind'],
    rules: validateRules(obj.rules, `${prefix}rules`, ctx, compiler, fail, locale),
    reportUnusedDisableDirectives: obj.reportUnusedDisableDirectives === undefined ? undefined : severityOf(obj.reportUnusedDisableDirectives),
    ...(obj.ruleSeverity !== undefined ? { ruleSeverity: obj.ruleSeverity as RuleSeverityMode } : {}),
    previous: obj.previous as string | undefined,
    noInlineConfig: obj.noInlineConfig as boolean | undefined,
    ...(obj.previousDir !== undefined ? { previousDir: obj.previousDir as string } : {}),
    ...(obj.deadlines !== undefined ? { deadlines: obj.deadlines as Deadlines } : {}),
    ...(obj.aggregate !== undefined ? { aggregate: obj.aggregate as AggregateSpec[] } : {}),
  });

  const overrides = ((data.overrides ?? []) as Record<string, unknown>[]).map((o, i): ValidatedOverride => {
    const keyPath = `overrides[${i}]`;
    return {
      files: patternList(o.files, `${keyPath}.files`, fail, locale),
      excludedFiles: patternList(o.excludedFiles, `${keyPath}.excludedFiles`, fail, locale),
      settings: settingsOf(o, `${keyPath}.`),
      keyPath,
    };
  });

  const ext = data.extends;
  return {
    root: data.root as boolean | undefined,
    extends: ext === undefined ? [] : Array.isArray(ext) ? (ext as string[]) : [ext as string],
    plugins: data.plugins as string[] | undefined,
    docsUrl: data.docsUrl as string | undefined,
    ...settingsOf(data, ''),
    overrides,
  };
}

type Fail = (keyPath: string, problem: string) => never;

function validateRules(
  raw: unknown,
  path0: string,
  ctx: ValidateContext,
  compiler: Ajv | undefined,
  fail: Fail,
  locale: Locale,
): Record<string, NormalizedRuleSetting> {
  const rules: Record<string, NormalizedRuleSetting> = {};
  for (const [id, entry] of Object.entries((raw ?? {}) as Record<string, unknown>)) {
    const path = `${path0}${keySegment(id)}`;
    const rule = ctx.rules.get(id);
    if (!rule) {
      // "foo/x" with no plugin foo loaded: say that, rather than list every rule.
      const namespace = id.includes('/') ? id.slice(0, id.lastIndexOf('/')) : undefined;
      if (namespace !== undefined && ![...ctx.rules.keys()].some((k) => k.startsWith(`${namespace}/`)))
        fail(path, msg.pluginOfRuleMissing(id, namespace, locale));
      fail(path, msg.unknownRule(id, [...ctx.rules.keys()].sort(), locale));
    }

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
    const options: unknown = entry[1];
    if (typeof options !== 'object' || options === null || Array.isArray(options)) {
      fail(`${path}[1]`, msg.optionsObjectExpected(locale));
    }
    // A config with rule options is not empty, so ajv was loaded for it.
    const validate = optionsValidator(rule, compiler!);
    if (!validate(options)) {
      const err = validate.errors![0];
      fail(errorPath(`${path}[1]`, err), msg.describeAjvError(err, locale));
    }
    rules[id] = { severity, options: options as Record<string, unknown> };
  }
  return rules;
}

/**
 * Override patterns as an array. They are relative to the config's directory, so an absolute
 * pattern or one climbing out with `..` could never match and is refused (as ESLint does).
 */
function patternList(raw: unknown, keyPath: string, fail: Fail, locale: Locale): string[] {
  if (raw === undefined) return [];
  const list = Array.isArray(raw) ? (raw as string[]) : [raw as string];
  list.forEach((p, i) => {
    const normalized = p.replace(/\\/g, '/');
    if (normalized.startsWith('/') || /^[A-Za-z]:/.test(normalized) || normalized.split('/').includes('..')) {
      fail(Array.isArray(raw) ? `${keyPath}[${i}]` : keyPath, msg.relativePatternExpected(p, locale));
    }
  });
  return list;
}

function severityOf(v: unknown): 0 | 1 | 2 | undefined {
  if (typeof v === 'string' && Object.hasOwn(SEVERITIES, v)) return SEVERITIES[v];
  if (v === 0 || v === 1 || v === 2) return v;
  return undefined;
}

/** An object whose keys are all unset (the CLI's override layer when no option set one). */
function isEmptyConfig(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) && Object.values(raw).every((v) => v === undefined);
}

function optionsValidator(rule: Rule, compiler: Ajv): ValidateFunction {
  let v = optionValidators.get(rule);
  if (!v) {
    // A schema that does not compile is a bug in the rule, not in the user's config: let it throw.
    v = compiler.compile(rule.meta.schema);
    optionValidators.set(rule, v);
  }
  return v;
}

/** The config's own `locale`, if it is a valid one, so its errors come in the language it asks for. */
function localeHint(raw: unknown): Locale {
  return toLocale((raw as { locale?: unknown } | null)?.locale);
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
