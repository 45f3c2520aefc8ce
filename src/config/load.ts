import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Locale, ResolvedConfig, Rule } from '../engine/types.js';
import { builtinRules } from '../rules/index.js';
import { ConfigError } from './errors.js';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import picomatch from 'picomatch';
import * as msg from './messages.js';
import { presetName, presets } from './presets.js';
import type { ConfigData } from './schema.js';
import {
  validateConfig,
  type NormalizedRuleSetting,
  type ValidatedConfig,
  type ValidatedOverride,
  type ValidatedSettings,
} from './validate.js';

/** Config file names looked for in each directory, in this order. */
export const CONFIG_FILE_NAMES = ['.gianrc', '.gianrc.json'] as const;

export interface ConfigOptions {
  /** Base for relative paths and for discovery when no file path is known. Default process.cwd(). */
  cwd?: string;
  /** Use this config file instead of searching for one. */
  configFile?: string;
  /** false: use no config file at all (built-in defaults + overrideConfig). Default true. */
  useConfigFile?: boolean;
  /** Applied last, over the config file (the CLI puts --locale / --year here). */
  overrideConfig?: ConfigData;
  /** Rules known to validation and presets. Default: the built-in rules. */
  rules?: ReadonlyMap<string, Rule>;
}

/** The config file that applies to files in `dir`: the nearest `.gianrc`/`.gianrc.json` going upward. */
export async function findConfigFile(dir: string): Promise<string | undefined> {
  let current = path.resolve(dir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(current, name);
      if (await isFile(candidate)) return candidate;
    }
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/**
 * Read one config file and everything it extends, flattened into a single config
 * (extends first, in order, then the file's own settings).
 */
export async function loadConfig(
  file: string,
  options: { rules?: ReadonlyMap<string, Rule>; cwd?: string; locale?: Locale } = {},
): Promise<ValidatedConfig> {
  const rules = options.rules ?? builtinRules;
  const cwd = options.cwd ?? process.cwd();
  return loadChain(path.resolve(cwd, file), { rules, cwd, locale: options.locale }, []);
}

interface LoadContext {
  rules: ReadonlyMap<string, Rule>;
  cwd: string;
  locale?: Locale;
}

async function loadChain(file: string, ctx: LoadContext, stack: string[]): Promise<ValidatedConfig> {
  const shown = displayPath(file, ctx.cwd);
  const raw = await readJson(file, shown, ctx.locale);
  const own = validateConfig(raw, { source: shown, rules: ctx.rules, locale: ctx.locale });
  const locale = ctx.locale ?? own.locale ?? 'zh-CN';
  await resolvePrevious(own, path.dirname(file), shown, ctx.cwd, locale);
  const layers = await resolveExtends(own, path.dirname(file), shown, ctx, [...stack, file], locale);
  return mergeLayers([...layers, own]);
}

/** Follow `extends` of one validated config (file or overrideConfig). */
async function resolveExtends(
  own: ValidatedConfig,
  baseDir: string,
  shown: string,
  ctx: LoadContext,
  stack: string[],
  locale: Locale,
): Promise<ValidatedConfig[]> {
  const layers: ValidatedConfig[] = [];
  for (const [i, ref] of own.extends.entries()) {
    const keyPath = own.extends.length === 1 ? 'extends' : `extends[${i}]`;
    const preset = presetName(ref);
    if (preset) {
      layers.push({ extends: [], rules: presets[preset](ctx.rules), overrides: [] });
      continue;
    }
    if (ref.startsWith('gia-lint:')) {
      throw new ConfigError(
        msg.invalidConfig(shown, keyPath, msg.unknownPreset(ref, Object.keys(presets), locale), locale),
        shown,
        keyPath,
      );
    }
    const target = path.resolve(baseDir, ref);
    if (stack.includes(target)) {
      const chain = [...stack.slice(stack.indexOf(target)), target].map((f) => displayPath(f, ctx.cwd));
      throw new ConfigError(msg.invalidConfig(shown, keyPath, msg.extendsCycle(chain, locale), locale), shown, keyPath);
    }
    if (!(await isFile(target))) {
      throw new ConfigError(
        msg.invalidConfig(shown, keyPath, msg.extendsNotFound(ref, Object.keys(presets), locale), locale),
        shown,
        keyPath,
      );
    }
    layers.push(await loadChain(target, ctx, stack));
  }
  return layers;
}

/**
 * `previous` paths are relative to the file that names them (like `extends`); make them absolute
 * and refuse a missing file here, so the error names the config and the key.
 */
async function resolvePrevious(c: ValidatedConfig, baseDir: string, shown: string, cwd: string, locale: Locale): Promise<void> {
  const entries: [ValidatedSettings, string][] = [[c, 'previous'], ...c.overrides.map((o): [ValidatedSettings, string] => [o.settings, `${o.keyPath}.previous`])];
  for (const [settings, keyPath] of entries) {
    if (settings.previous === undefined) continue;
    const target = path.resolve(baseDir, settings.previous);
    if (!(await isFile(target))) {
      throw new ConfigError(msg.invalidConfig(shown, keyPath, msg.previousNotFound(displayPath(target, cwd), locale), locale), shown, keyPath);
    }
    settings.previous = target;
  }
}

/**
 * Later layers win; a severity-only rule entry keeps the options set by an earlier layer (as in
 * ESLint). `overrides` are concatenated in layer order (extended configs' first).
 */
function mergeLayers(layers: (ValidatedSettings & { root?: boolean; overrides?: ValidatedOverride[] })[]): ValidatedConfig {
  const out: ValidatedConfig = { extends: [], rules: {}, overrides: [] };
  for (const layer of layers) {
    if (layer.root !== undefined) out.root = layer.root;
    if (layer.locale !== undefined) out.locale = layer.locale;
    if (layer.year !== undefined) out.year = layer.year;
    if (layer.agencyKind !== undefined) out.agencyKind = layer.agencyKind;
    if (layer.reportUnusedDisableDirectives !== undefined) out.reportUnusedDisableDirectives = layer.reportUnusedDisableDirectives;
    if (layer.previous !== undefined) out.previous = layer.previous;
    for (const [id, setting] of Object.entries(layer.rules)) {
      const before = out.rules[id];
      out.rules[id] = { severity: setting.severity, options: setting.options ?? before?.options };
      if (out.rules[id].options === undefined) delete out.rules[id].options;
    }
    out.overrides.push(...(layer.overrides ?? []));
  }
  return out;
}

const matchers = new WeakMap<ValidatedOverride, (rel: string) => boolean>();

/**
 * One test for a pattern list. picomatch's `basename` option applies to every pattern it is given,
 * so patterns without a slash (matched against the file name) are compiled apart from the others.
 */
function matcher(patterns: string[]): (rel: string) => boolean {
  const names = patterns.filter((p) => !p.includes('/'));
  const paths = patterns.filter((p) => p.includes('/'));
  const byName = names.length ? picomatch(names, { dot: true, basename: true }) : () => false;
  const byPath = paths.length ? picomatch(paths, { dot: true }) : () => false;
  return (rel) => byName(rel) || byPath(rel);
}

/**
 * Whether an override applies to `filePath`, matched relative to `baseDir` with picomatch as
 * ESLint's eslintrc does (minimatch's matchBase: `*.md` matches at any depth; dot files too).
 * A file outside `baseDir`, or text without a path, matches no override.
 */
function overrideApplies(o: ValidatedOverride, baseDir: string, filePath: string | undefined): boolean {
  if (!filePath) return false;
  const rel = path.relative(baseDir, filePath);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return false;
  let test = matchers.get(o);
  if (!test) {
    const included = matcher(o.files);
    const excluded = matcher(o.excludedFiles);
    matchers.set(o, (test = (p: string) => included(p) && !excluded(p)));
  }
  return test(rel.split(path.sep).join('/'));
}

async function readJson(file: string, shown: string, locale: Locale | undefined): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const l = locale ?? 'zh-CN';
    if (code === 'ENOENT') throw new ConfigError(msg.configNotFound(shown, l), shown);
    throw new ConfigError(msg.cannotRead(shown, code ?? String(e), l), shown);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // JSON with comments (as .eslintrc and .markdownlint.jsonc allow), so configs can explain themselves.
  const errors: ParseError[] = [];
  const value: unknown = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  if (errors.length === 0) return value;
  const at = Math.min(errors[0].offset, text.length);
  const { line, column } = lineColumn(text, at);
  // The file's locale is unknown until it parses, so only an explicit locale applies here.
  throw new ConfigError(msg.jsonSyntax(shown, line, column, at < text.length ? text[at] : undefined, locale ?? 'zh-CN'), shown);
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

/**
 * Resolves configs for many files, caching discovery per directory and loading per config file,
 * so that linting a folder reads each `.gianrc` once.
 */
export class ConfigResolver {
  private readonly cwd: string;
  private readonly rules: ReadonlyMap<string, Rule>;
  private readonly options: ConfigOptions;
  private readonly byDir = new Map<string, Promise<string | undefined>>();
  private readonly byFile = new Map<string, Promise<ValidatedConfig>>();
  private override?: Promise<ValidatedConfig>;

  constructor(options: ConfigOptions = {}) {
    this.options = options;
    this.cwd = path.resolve(options.cwd ?? process.cwd());
    this.rules = options.rules ?? builtinRules;
  }

  /** Which config file applies to `filePath` (undefined: none). */
  async configFileFor(filePath: string | undefined): Promise<string | undefined> {
    if (this.options.useConfigFile === false) return undefined;
    if (this.options.configFile) return path.resolve(this.cwd, this.options.configFile);
    const dir = filePath ? path.dirname(path.resolve(this.cwd, filePath)) : this.cwd;
    let found = this.byDir.get(dir);
    if (!found) this.byDir.set(dir, (found = findConfigFile(dir)));
    return found;
  }

  /**
   * The resolved config for a file (which need not exist; only its path matters): the
   * recommended preset, the config file with its matching `overrides`, then `overrideConfig`
   * with its own matching `overrides`.
   */
  async forFile(filePath: string | undefined): Promise<ResolvedConfig> {
    const abs = filePath === undefined ? undefined : path.resolve(this.cwd, filePath);
    const layers: ValidatedSettings[] = [{ rules: presets.recommended(this.rules) }];
    const file = await this.configFileFor(abs);
    if (file) {
      let loaded = this.byFile.get(file);
      if (!loaded) this.byFile.set(file, (loaded = loadConfig(file, { rules: this.rules, cwd: this.cwd, locale: this.messageLocale })));
      const config = await loaded;
      // Patterns are relative to the config's directory; for --config, to cwd (as in ESLint).
      const baseDir = this.options.configFile ? this.cwd : path.dirname(file);
      layers.push(withoutOverrides(config), ...config.overrides.filter((o) => overrideApplies(o, baseDir, abs)).map((o) => o.settings));
    }
    if (this.options.overrideConfig) {
      const config = await (this.override ??= this.loadOverride());
      layers.push(withoutOverrides(config), ...config.overrides.filter((o) => overrideApplies(o, this.cwd, abs)).map((o) => o.settings));
    }
    return toResolved(mergeLayers(layers));
  }

  /** Errors are reported in the locale the caller asked for, if any. */
  private get messageLocale(): Locale | undefined {
    return this.options.overrideConfig?.locale;
  }

  private async loadOverride(): Promise<ValidatedConfig> {
    const ctx: LoadContext = { rules: this.rules, cwd: this.cwd, locale: this.messageLocale };
    const own = validateConfig(this.options.overrideConfig, { source: 'overrideConfig', rules: this.rules, locale: ctx.locale });
    const locale = ctx.locale ?? own.locale ?? 'zh-CN';
    await resolvePrevious(own, this.cwd, 'overrideConfig', this.cwd, locale);
    const layers = await resolveExtends(own, this.cwd, 'overrideConfig', ctx, [], locale);
    return mergeLayers([...layers, own]);
  }
}

/** Resolve the config for one file; see ConfigResolver for many. */
export function resolveConfigForFile(filePath: string | undefined, options: ConfigOptions = {}): Promise<ResolvedConfig> {
  return new ConfigResolver(options).forFile(filePath);
}

/** A config's own settings, its overrides left out (they are matched per file). */
function withoutOverrides(c: ValidatedConfig): ValidatedSettings {
  const { overrides: _overrides, extends: _extends, root: _root, ...settings } = c;
  return settings;
}

function toResolved(c: ValidatedConfig): ResolvedConfig {
  const rules: ResolvedConfig['rules'] = {};
  // Sorted so that --print-config output and rule order are stable.
  for (const id of Object.keys(c.rules).sort()) {
    const s: NormalizedRuleSetting = c.rules[id];
    rules[id] = { severity: s.severity, options: s.options ?? {} };
  }
  const out: ResolvedConfig = { locale: c.locale ?? 'zh-CN', rules, reportUnusedDisableDirectives: c.reportUnusedDisableDirectives ?? 0 };
  if (c.year !== undefined) out.year = c.year;
  if (c.agencyKind !== undefined) out.agencyKind = c.agencyKind;
  if (c.previous !== undefined) out.previous = c.previous;
  return out;
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}

/** Paths inside cwd are shown relative (shorter messages); others absolute. */
export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
