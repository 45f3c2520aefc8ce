import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Locale, ResolvedConfig, Rule } from '../engine/types.js';
import { builtinRules } from '../rules/index.js';
import { ConfigError } from './errors.js';
import type { ParseError } from 'jsonc-parser';
import * as msg from './messages.js';
import { isPathSpecifier, loadedPlugin, loadPlugin, packageName, pluginNamespace, resolveSharedConfig, type LoadedPlugin } from './plugins.js';
import { presetName, presetRuleSeverity, presets } from './presets.js';
import type { ConfigData } from './schema.js';
import {
  type ConfigSource,
  validateConfig,
  validateShape,
  type NormalizedRuleSetting,
  type ValidatedConfig,
  type ValidatedOverride,
  type ValidatedSettings,
} from './validate.js';
import { toLocale } from '../i18n/locales.js';

/**
 * Config file names looked for in each directory, in this order. `.gianrc` is JSON (with
 * comments) or YAML; package.json counts only when it has a "gia-lint" key.
 */
export const CONFIG_FILE_NAMES = ['.gianrc', '.gianrc.json', '.gianrc.jsonc', '.gianrc.yaml', '.gianrc.yml', 'package.json'] as const;

/** The key of package.json that holds a config. */
export const PACKAGE_JSON_KEY = 'gia-lint';

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
  /** Resolve plugin packages from this directory instead of each config file's own (--resolve-plugins-relative-to). */
  resolvePluginsRelativeTo?: string;
  /**
   * Load plugins only for configs inside these directories (the language server passes its
   * workspace folders): a config elsewhere that names one is an error instead. Default: any.
   */
  pluginsOnlyUnder?: string[];
}

/** The config file that applies to files in `dir`: the nearest `.gianrc`/`.gianrc.json` going upward. */
export async function findConfigFile(dir: string): Promise<string | undefined> {
  let current = path.resolve(dir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(current, name);
      if (name === 'package.json' ? await hasPackageConfig(candidate) : await isFile(candidate)) return candidate;
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
  options: { rules?: ReadonlyMap<string, Rule>; cwd?: string; locale?: Locale; resolvePluginsRelativeTo?: string; pluginsOnlyUnder?: string[] } = {},
): Promise<ValidatedConfig> {
  const rules = options.rules ?? builtinRules;
  const cwd = options.cwd ?? process.cwd();
  const pluginDir = options.resolvePluginsRelativeTo === undefined ? undefined : path.resolve(cwd, options.resolvePluginsRelativeTo);
  const abs = path.resolve(cwd, file);
  const self: ConfigSource = { kind: 'file', name: displayPath(abs, cwd), path: abs };
  return loadChain(abs, { rules, cwd, locale: options.locale, pluginDir, pluginsOnlyUnder: options.pluginsOnlyUnder }, [], self);
}

interface LoadContext {
  rules: ReadonlyMap<string, Rule>;
  cwd: string;
  locale?: Locale;
  /** --resolve-plugins-relative-to, absolute. */
  pluginDir?: string;
  /** See ConfigOptions.pluginsOnlyUnder. */
  pluginsOnlyUnder?: string[];
}

/** Plugins in scope while a config loads: by namespace. */
type PluginScope = Map<string, LoadedPlugin>;

async function loadChain(file: string, ctx: LoadContext, stack: string[], self: ConfigSource, scope: PluginScope = new Map()): Promise<ValidatedConfig> {
  const shown = displayPath(file, ctx.cwd);
  const raw = await readConfigFile(file, shown, ctx.locale);
  return loadData(raw, shown, path.dirname(file), ctx, [...stack, file], scope, self);
}

/**
 * One config's data (from a file, a shareable config, a plugin's configs or overrideConfig):
 * load its plugins, follow its `extends`, then check its rules against every rule now in scope.
 */
async function loadData(
  raw: unknown,
  shown: string,
  dir: string,
  ctx: LoadContext,
  stack: string[],
  outer: PluginScope,
  self: ConfigSource,
): Promise<ValidatedConfig> {
  await validateShape(raw, { source: shown, locale: ctx.locale });
  const data = raw as ConfigData;
  const hintLocale: Locale = ctx.locale ?? toLocale(data.locale);
  const scope: PluginScope = new Map(outer);
  for (const [i, spec] of (data.plugins ?? []).entries()) {
    const keyPath = `plugins[${i}]`;
    // A plugin config's `plugins: ["foo"]` means the foo already loaded by the config that extends it.
    const inScope = isPathSpecifier(spec) ? undefined : scope.get(pluginNamespace(packageName(spec, 'gia-lint-plugin')));
    if (!inScope && ctx.pluginsOnlyUnder && !ctx.pluginsOnlyUnder.some((root) => isInside(dir, root))) {
      throw new ConfigError(msg.pluginOutsideWorkspace(spec, shown, keyPath, hintLocale), shown, keyPath);
    }
    const plugin = inScope ?? (await loadPlugin(spec, ctx.pluginDir ?? dir, dir, { source: shown, keyPath, locale: hintLocale }));
    addToScope(scope, plugin, shown, keyPath, hintLocale);
  }
  const ownExtends = data.extends === undefined ? [] : Array.isArray(data.extends) ? data.extends : [data.extends];
  const layers = await resolveExtends(ownExtends, dir, shown, ctx, stack, hintLocale, scope);
  for (const layer of layers) {
    for (const pluginPath of Object.values(layer.loadedPlugins ?? {})) {
      const plugin = await loadedPlugin(pluginPath);
      if (plugin && !scope.has(plugin.namespace)) scope.set(plugin.namespace, plugin);
    }
  }
  const rules = scope.size === 0 ? ctx.rules : withPlugins(ctx.rules, scope.values());
  const own = await validateConfig(raw, { source: shown, rules, locale: ctx.locale });
  const locale = ctx.locale ?? own.locale ?? 'zh-CN';
  await resolvePrevious(own, dir, shown, ctx.cwd, locale);
  // Each override remembers the config it belongs to (--print-config names those applied).
  for (const o of own.overrides) o.source = self.path ?? self.name;
  const merged = mergeLayers([...layers, own]);
  merged.sources = [...layers.flatMap((l) => l.sources ?? []), self];
  if (own.docsUrl !== undefined) merged.docsUrl = own.docsUrl;
  if (scope.size) merged.loadedPlugins = Object.fromEntries([...scope.values()].map((p) => [p.namespace, p.path]));
  return merged;
}

function addToScope(scope: PluginScope, plugin: LoadedPlugin, shown: string, keyPath: string, locale: Locale): void {
  const before = scope.get(plugin.namespace);
  if (before && before.path !== plugin.path) {
    throw new ConfigError(
      msg.invalidConfig(shown, keyPath, msg.duplicateNamespace(plugin.namespace, before.path, plugin.path, locale), locale),
      shown,
      keyPath,
    );
  }
  scope.set(plugin.namespace, plugin);
}

/** The base rules plus those of the given plugins. */
function withPlugins(base: ReadonlyMap<string, Rule>, plugins: Iterable<LoadedPlugin>): ReadonlyMap<string, Rule> {
  const out = new Map(base);
  for (const p of plugins) for (const [id, rule] of p.rules) out.set(id, rule);
  return out;
}

/** Follow the `extends` of one config (file or overrideConfig). */
async function resolveExtends(
  refs: string[],
  baseDir: string,
  shown: string,
  ctx: LoadContext,
  stack: string[],
  locale: Locale,
  scope: PluginScope,
): Promise<ValidatedConfig[]> {
  const layers: ValidatedConfig[] = [];
  for (const [i, ref] of refs.entries()) {
    const keyPath = refs.length === 1 ? 'extends' : `extends[${i}]`;
    const fail = (problem: string): never => {
      throw new ConfigError(msg.invalidConfig(shown, keyPath, problem, locale), shown, keyPath);
    };
    // Who names this entry, for --print-config: the file (absolute), a plugin's config, or overrideConfig.
    const extendedBy = stack.at(-1) ?? 'overrideConfig';
    const preset = presetName(ref);
    if (preset) {
      const sources: ConfigSource[] = [{ kind: 'preset', name: `gia-lint:${preset}`, extendedBy }];
      layers.push({ extends: [], rules: presets[preset](ctx.rules), ruleSeverity: presetRuleSeverity[preset], overrides: [], sources });
      continue;
    }
    if (ref.startsWith('gia-lint:')) fail(msg.unknownPreset(ref, Object.keys(presets), locale));
    if (ref.startsWith('plugin:')) {
      // plugin:<namespace>/<config>; a scoped namespace has a slash of its own.
      const body = ref.slice('plugin:'.length);
      const cut = body.lastIndexOf('/');
      const namespace = cut > 0 ? pluginNamespace(packageName(body.slice(0, cut), 'gia-lint-plugin')) : body;
      const name = cut > 0 ? body.slice(cut + 1) : '';
      const plugin = scope.get(namespace);
      if (!plugin) fail(msg.pluginNotLoaded(ref, namespace, locale));
      if (!Object.hasOwn(plugin!.configs, name)) fail(msg.unknownPluginConfig(ref, namespace, Object.keys(plugin!.configs), locale));
      const label = `plugin:${namespace}/${name}`;
      if (stack.includes(label))
        fail(
          msg.extendsCycle(
            [...stack.slice(stack.indexOf(label)), label].map((f) => displayPath(f, ctx.cwd)),
            locale,
          ),
        );
      const self: ConfigSource = { kind: 'plugin-config', name: label, path: plugin!.path, extendedBy };
      layers.push(await loadData(plugin!.configs[name], label, path.dirname(plugin!.path), ctx, [...stack, label], scope, self));
      continue;
    }
    let target: string;
    let kind: ConfigSource['kind'] = 'file';
    // A path ("./base.json"; also "base.json" or "configs/base" when that file exists, as before
    // packages were supported), else a package name.
    const local = path.resolve(baseDir, ref);
    if (isPathSpecifier(ref) || (await isFile(local))) {
      target = local;
      if (!(await isFile(target))) fail(msg.extendsNotFound(ref, Object.keys(presets), locale));
    } else if (/\.(json|jsonc|ya?ml)$/i.test(ref)) {
      target = fail(msg.extendsNotFound(ref, Object.keys(presets), locale));
    } else {
      // A shareable config package, resolved like a plugin (from the extending file's directory).
      const found = await resolveSharedConfig(ref, baseDir);
      if (!found.ok) fail(found.missing ? msg.sharedConfigNotInstalled(ref, found.name, locale) : msg.pluginUnresolvable(found.name, found.reason, locale));
      target = (found as { file: string }).file;
      kind = 'package';
    }
    if (stack.includes(target)) {
      const chain = [...stack.slice(stack.indexOf(target)), target].map((f) => displayPath(f, ctx.cwd));
      fail(msg.extendsCycle(chain, locale));
    }
    layers.push(await loadChain(target, ctx, stack, { kind, name: ref, path: target, extendedBy }, scope));
  }
  return layers;
}

/**
 * `previous` paths are relative to the file that names them (like `extends`); make them absolute
 * and refuse a missing file here, so the error names the config and the key.
 */
async function resolvePrevious(c: ValidatedConfig, baseDir: string, shown: string, cwd: string, locale: Locale): Promise<void> {
  const entries: [ValidatedSettings, string][] = [
    [c, 'previous'],
    ...c.overrides.map((o): [ValidatedSettings, string] => [o.settings, `${o.keyPath}.previous`]),
  ];
  for (const [settings, keyPath] of entries) {
    if (settings.previous === undefined) continue;
    const target = path.resolve(baseDir, settings.previous);
    if (!(await isFile(target))) {
      throw new ConfigError(msg.invalidConfig(shown, keyPath, msg.previousNotFound(displayPath(target, cwd), locale), locale), shown, keyPath);
    }
    settings.previous = target;
  }
  // A region's folders and globs, relative to the config like `previous` (a missing previousDir is
  // reported when the batch reads it; a glob may legitimately match nothing yet).
  for (const settings of [c as ValidatedSettings, ...c.overrides.map((o) => o.settings)]) {
    if (settings.previousDir !== undefined) settings.previousDir = path.resolve(baseDir, settings.previousDir);
    if (settings.aggregate) {
      const abs = (p: string) => (path.isAbsolute(p) ? p : path.join(baseDir, p)).split(path.sep).join('/');
      settings.aggregate = settings.aggregate.map((a) => ({ ...a, total: abs(a.total), parts: a.parts.map(abs) }));
    }
  }
}

/**
 * Later layers win; a severity-only rule entry keeps the options set by an earlier layer (as in
 * ESLint). `overrides` are concatenated in layer order (extended configs' first).
 */
function mergeLayers(
  layers: (ValidatedSettings & { root?: boolean; overrides?: ValidatedOverride[]; docsUrl?: string; loadedPlugins?: Record<string, string> })[],
): ValidatedConfig {
  const out: ValidatedConfig = { extends: [], rules: {}, overrides: [] };
  for (const layer of layers) {
    if (layer.root !== undefined) out.root = layer.root;
    if (layer.locale !== undefined) out.locale = layer.locale;
    if (layer.year !== undefined) out.year = layer.year;
    if (layer.agencyKind !== undefined) out.agencyKind = layer.agencyKind;
    if (layer.reportUnusedDisableDirectives !== undefined) out.reportUnusedDisableDirectives = layer.reportUnusedDisableDirectives;
    if (layer.ruleSeverity !== undefined) out.ruleSeverity = layer.ruleSeverity;
    if (layer.previous !== undefined) out.previous = layer.previous;
    if (layer.noInlineConfig !== undefined) out.noInlineConfig = layer.noInlineConfig;
    if (layer.docsUrl !== undefined) out.docsUrl = layer.docsUrl;
    if (layer.loadedPlugins) out.loadedPlugins = { ...out.loadedPlugins, ...layer.loadedPlugins };
    if (layer.previousDir !== undefined) out.previousDir = layer.previousDir;
    if (layer.deadlines !== undefined) out.deadlines = { ...out.deadlines, ...layer.deadlines };
    if (layer.aggregate !== undefined) out.aggregate = layer.aggregate;
    for (const [id, setting] of Object.entries(layer.rules)) {
      const before = out.rules[id];
      out.rules[id] = { severity: setting.severity, options: setting.options ?? before?.options };
      if (out.rules[id].options === undefined) delete out.rules[id].options;
    }
    out.overrides.push(...(layer.overrides ?? []));
  }
  return out;
}

type Picomatch = typeof import('picomatch');

const matchers = new WeakMap<ValidatedOverride, (rel: string) => boolean>();

/**
 * The `overrides` entries that apply to `filePath`, in order. picomatch is loaded only when a
 * config has overrides (never on a plain run's start-up).
 */
async function applicableOverrides(overrides: ValidatedOverride[], baseDir: string, filePath: string | undefined): Promise<ValidatedOverride[]> {
  if (overrides.length === 0 || !filePath) return [];
  const { default: picomatch } = await import('picomatch');
  return overrides.filter((o) => overrideApplies(o, baseDir, filePath, picomatch));
}

/**
 * One test for a pattern list. picomatch's `basename` option applies to every pattern it is given,
 * so patterns without a slash (matched against the file name) are compiled apart from the others.
 */
function matcher(patterns: string[], picomatch: Picomatch): (rel: string) => boolean {
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
function overrideApplies(o: ValidatedOverride, baseDir: string, filePath: string, picomatch: Picomatch): boolean {
  const rel = path.relative(baseDir, filePath);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return false;
  let test = matchers.get(o);
  if (!test) {
    const included = matcher(o.files, picomatch);
    const excluded = matcher(o.excludedFiles, picomatch);
    matchers.set(o, (test = (p: string) => included(p) && !excluded(p)));
  }
  return test(rel.split(path.sep).join('/'));
}

/**
 * A config file's data: JSON with comments (as .eslintrc and .markdownlint.jsonc allow, so configs
 * can explain themselves), YAML (.yaml/.yml, or a `.gianrc` that is not JSON), or package.json's
 * "gia-lint" key. Messages name the place, never quote the file's text.
 */
async function readConfigFile(file: string, shown: string, locale: Locale | undefined): Promise<unknown> {
  // A shareable config package may be a module: importing it runs it (README "Security").
  if (/\.[cm]?js$/i.test(file)) return importConfigModule(file, shown, locale ?? 'zh-CN');
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
  // The file's locale is unknown until it parses, so only an explicit locale applies to syntax errors.
  const l = locale ?? 'zh-CN';
  const base = path.basename(file);
  let value: unknown;
  if (/\.ya?ml$/i.test(base) || (base === '.gianrc' && !looksLikeJson(text))) {
    value = await parseYamlConfig(text, shown, l);
  } else {
    value = await parseJsoncConfig(text, shown, l);
    if (base === 'package.json') value = (value as Record<string, unknown> | null)?.[PACKAGE_JSON_KEY];
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError(msg.notAnObject(shown, l), shown);
  return value;
}

async function importConfigModule(file: string, shown: string, l: Locale): Promise<unknown> {
  let mod: unknown;
  try {
    mod = await import(pathToFileURL(file).href);
  } catch (e) {
    throw new ConfigError(msg.cannotRead(shown, (e instanceof Error ? e.message : String(e)).split('\n')[0], l), shown);
  }
  const value = typeof mod === 'object' && mod !== null && 'default' in mod ? mod.default : mod;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError(msg.notAnObject(shown, l), shown);
  return value;
}

/** `.gianrc` starts with `{` (after blanks and comments) when it is JSON. A scan, not a regex: linear on any input. */
function looksLikeJson(text: string): boolean {
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\ufeff') i++;
    else if (text.startsWith('//', i)) i = text.indexOf('\n', i) === -1 ? text.length : text.indexOf('\n', i) + 1;
    else if (text.startsWith('/*', i)) i = text.indexOf('*/', i + 2) === -1 ? text.length : text.indexOf('*/', i + 2) + 2;
    else return c === '{';
  }
  return false;
}

/** The parsers load only when a config file is read: a run without one never pays for them. */
async function parseJsoncConfig(text: string, shown: string, l: Locale): Promise<unknown> {
  const { parse: parseJsonc } = await import('jsonc-parser');
  const errors: ParseError[] = [];
  const value: unknown = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  if (errors.length === 0) return value;
  const at = Math.min(errors[0].offset, text.length);
  const { line, column } = lineColumn(text, at);
  throw new ConfigError(msg.jsonSyntax(shown, line, column, at < text.length ? errors[0].error : undefined, l), shown);
}

/** YAML 1.2 (the `yaml` package); one document, no custom tags. */
async function parseYamlConfig(text: string, shown: string, l: Locale): Promise<unknown> {
  const { parseDocument } = (await import('yaml')).default;
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const { line, column } = lineColumn(text, Math.min(error.pos[0], text.length));
    // The error code (e.g. BAD_INDENT), not yaml's message, which quotes the offending line.
    throw new ConfigError(msg.yamlSyntax(shown, line, column, error.code, l), shown);
  }
  return doc.toJS({ maxAliasCount: 100 });
}

/** Whether a package.json carries a config under "gia-lint" (else it is not a config file). */
async function hasPackageConfig(file: string): Promise<boolean> {
  if (!(await isFile(file))) return false;
  try {
    const pkg: unknown = JSON.parse(await readFile(file, 'utf8'));
    return typeof pkg === 'object' && pkg !== null && Object.hasOwn(pkg, PACKAGE_JSON_KEY);
  } catch {
    // A package.json that is not JSON is npm's problem, not a config.
    return false;
  }
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
  private readonly override = new Map<string, Promise<ValidatedConfig>>();
  private readonly resolved = new Map<string, ResolvedConfig>();
  private recommended: ValidatedSettings | undefined;

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
    const { layers } = await this.layersFor(filePath);
    // Files that get the same layers (a folder under one .gianrc, the same overrides matching) share
    // one resolved config: merging them again for each of thousands of files was most of a cached re-run.
    const key = layers.map((layer) => layerId(layer)).join(',');
    let resolved = this.resolved.get(key);
    if (!resolved) this.resolved.set(key, (resolved = toResolved(mergeLayers(layers))));
    return resolved;
  }

  /**
   * The resolved config for a file and where it came from: every config file, shareable config
   * package, plugin config, preset and matching `overrides` entry, in the order applied (later
   * ones win), each with its resolved path (`--print-config`).
   */
  async explain(filePath: string | undefined): Promise<{ config: ResolvedConfig; sources: ConfigSource[] }> {
    const { layers, sources } = await this.layersFor(filePath);
    return { config: toResolved(mergeLayers(layers)), sources };
  }

  private async layersFor(filePath: string | undefined): Promise<{ layers: ValidatedSettings[]; sources: ConfigSource[] }> {
    const abs = filePath === undefined ? undefined : path.resolve(this.cwd, filePath);
    const layers: ValidatedSettings[] = [(this.recommended ??= { rules: presets.recommended(this.rules) })];
    const sources: ConfigSource[] = [{ kind: 'default', name: 'gia-lint:recommended' }];
    const applied = (o: ValidatedOverride): ValidatedSettings => {
      sources.push({ kind: 'override', name: o.keyPath, ...(o.source && path.isAbsolute(o.source) ? { path: o.source } : { extendedBy: o.source }) });
      return o.settings;
    };
    const file = await this.configFileFor(abs);
    if (file) {
      let loaded = this.byFile.get(file);
      if (!loaded) {
        loaded = loadConfig(file, {
          rules: this.rules,
          cwd: this.cwd,
          locale: this.messageLocale,
          resolvePluginsRelativeTo: this.options.resolvePluginsRelativeTo,
          pluginsOnlyUnder: this.options.pluginsOnlyUnder,
        });
        this.byFile.set(file, loaded);
      }
      const config = await loaded;
      // Patterns are relative to the config's directory; for --config, to cwd (as in ESLint).
      const baseDir = this.options.configFile ? this.cwd : path.dirname(file);
      sources.push(...(config.sources ?? []));
      layers.push(ownSettings(config), ...(await applicableOverrides(config.overrides, baseDir, abs)).map(applied));
    }
    if (this.options.overrideConfig) {
      // Its rules may name plugins the config file loaded (`--rule foo/x:error`): checked against those.
      const inScope = (layers[1] as ValidatedConfig | undefined)?.loadedPlugins ?? {};
      const key = JSON.stringify(inScope);
      let override = this.override.get(key);
      if (!override) this.override.set(key, (override = this.loadOverride(inScope)));
      const config = await override;
      // The CLI always passes its options this way; an empty set changes nothing and is not listed.
      if (Object.values(this.options.overrideConfig).some((v) => v !== undefined)) sources.push(...(config.sources ?? []));
      layers.push(ownSettings(config), ...(await applicableOverrides(config.overrides, this.cwd, abs)).map(applied));
    }
    return { layers, sources };
  }

  /** Errors are reported in the locale the caller asked for, if any. */
  private get messageLocale(): Locale | undefined {
    return this.options.overrideConfig?.locale;
  }

  private async loadOverride(inScope: Record<string, string>): Promise<ValidatedConfig> {
    const pluginDir = this.options.resolvePluginsRelativeTo === undefined ? undefined : path.resolve(this.cwd, this.options.resolvePluginsRelativeTo);
    const ctx: LoadContext = { rules: this.rules, cwd: this.cwd, locale: this.messageLocale, pluginDir, pluginsOnlyUnder: this.options.pluginsOnlyUnder };
    const scope: PluginScope = new Map();
    for (const file of Object.values(inScope)) {
      const plugin = await loadedPlugin(file);
      if (plugin) scope.set(plugin.namespace, plugin);
    }
    return loadData(this.options.overrideConfig, 'overrideConfig', this.cwd, ctx, [], scope, { kind: 'options', name: 'overrideConfig' });
  }
}

/** The config for one file and where it came from (ConfigResolver.explain); what --print-config shows. */
export function explainConfigForFile(filePath: string | undefined, options: ConfigOptions = {}): Promise<{ config: ResolvedConfig; sources: ConfigSource[] }> {
  return new ConfigResolver(options).explain(filePath);
}

/** Resolve the config for one file; see ConfigResolver for many. */
export function resolveConfigForFile(filePath: string | undefined, options: ConfigOptions = {}): Promise<ResolvedConfig> {
  return new ConfigResolver(options).forFile(filePath);
}

/** Identities of the layers a resolver merges (the same object: the same settings), for ConfigResolver.forFile's memo. */
const layerIds = new WeakMap<object, number>();
let layersSeen = 0;
function layerId(layer: object): number {
  let id = layerIds.get(layer);
  if (id === undefined) layerIds.set(layer, (id = ++layersSeen));
  return id;
}

/** withoutOverrides, one object per loaded config (so that its identity says which config it is). */
const ownSettingsOf = new WeakMap<ValidatedConfig, ValidatedSettings>();
function ownSettings(config: ValidatedConfig): ValidatedSettings {
  let settings = ownSettingsOf.get(config);
  if (!settings) ownSettingsOf.set(config, (settings = withoutOverrides(config)));
  return settings;
}

/** A config's own settings, its overrides left out (they are matched per file). */
function withoutOverrides(c: ValidatedConfig): ValidatedSettings {
  const { overrides: _overrides, extends: _extends, root: _root, sources: _sources, ...settings } = c;
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
  if (c.noInlineConfig !== undefined) out.noInlineConfig = c.noInlineConfig;
  if (c.ruleSeverity !== undefined) out.ruleSeverity = c.ruleSeverity;
  if (c.loadedPlugins && Object.keys(c.loadedPlugins).length) out.plugins = c.loadedPlugins;
  if (c.docsUrl !== undefined) out.docsUrl = c.docsUrl;
  if (c.previousDir !== undefined) out.previousDir = c.previousDir;
  if (c.deadlines !== undefined) out.deadlines = c.deadlines;
  if (c.aggregate !== undefined) out.aggregate = c.aggregate;
  return out;
}

function isInside(dir: string, root: string): boolean {
  const rel = path.relative(path.resolve(root), path.resolve(dir));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
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
