import { statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Locale, LocalizedText, Rule, RuleMeta } from '../engine/types.js';
import { ConfigError, GiaLintError } from './errors.js';
import * as msg from './messages.js';
import type { ConfigData } from './schema.js';

/**
 * Plugins, shareable configs and formatters: third-party modules named by a config or the command
 * line. Loading one runs its code (see README "Security"): only what a config or a flag names is
 * ever imported, and nothing is fetched.
 */

/** What a plugin module exports (as its default export, or as the module itself). */
export interface PluginModule {
  meta: { name: string; version?: string };
  rules?: Record<string, Rule | PluginRule>;
  /** Configs usable as `"extends": "plugin:<namespace>/<name>"`. */
  configs?: Record<string, ConfigData>;
}

/**
 * A rule as a plugin may write it: the built-in contract, where descriptions and messages may
 * also be a plain string (used for both locales), and `id`, `type`, `defaultSeverity` and `schema`
 * may be left out (the id comes from the key in `rules`).
 */
export interface PluginRule {
  meta: Omit<RuleMeta, 'id' | 'type' | 'defaultSeverity' | 'schema' | 'docs' | 'messages'> & {
    id?: string;
    type?: RuleMeta['type'];
    defaultSeverity?: RuleMeta['defaultSeverity'];
    schema?: Record<string, unknown>;
    docs: { description: LocalizedText | string; url: string; legalBasis?: LocalizedText | string };
    messages: Record<string, LocalizedText | string>;
  };
  check: Rule['check'];
}

/** A plugin after loading: its rules under `<namespace>/<id>`. */
export interface LoadedPlugin {
  namespace: string;
  /** Absolute path of the module that was imported. */
  path: string;
  version?: string;
  rules: ReadonlyMap<string, Rule>;
  configs: Readonly<Record<string, ConfigData>>;
}

const PLUGIN_PREFIX = 'gia-lint-plugin';
const CONFIG_PREFIX = 'gia-lint-config';
const FORMATTER_PREFIX = 'gia-lint-formatter';

/** A module specifier that is a file path rather than a package name. */
export function isPathSpecifier(spec: string): boolean {
  return (
    spec.startsWith('./') ||
    spec.startsWith('../') ||
    spec === '.' ||
    path.isAbsolute(spec) ||
    /^[A-Za-z]:[\\/]/.test(spec) ||
    spec.startsWith('.\\') ||
    spec.startsWith('..\\')
  );
}

/**
 * ESLint's naming convention: `foo` → `gia-lint-plugin-foo`, `@scope` → `@scope/gia-lint-plugin`,
 * `@scope/foo` → `@scope/gia-lint-plugin-foo`; full names stay as they are.
 */
export function packageName(spec: string, prefix: string): string {
  if (spec.startsWith('@')) {
    const [scope, name] = spec.split('/', 2);
    if (!name) return `${scope}/${prefix}`;
    return name.startsWith(prefix) ? spec : `${scope}/${prefix}-${name}`;
  }
  return spec.startsWith(`${prefix}-`) || spec === prefix ? spec : `${prefix}-${spec}`;
}

/** The short name rules are prefixed with: `gia-lint-plugin-foo` → `foo`, `@scope/gia-lint-plugin` → `@scope`. */
export function pluginNamespace(name: string): string {
  if (name.startsWith('@')) {
    const [scope, rest = ''] = name.split('/', 2);
    if (rest === PLUGIN_PREFIX || rest === '') return scope;
    return `${scope}/${rest.startsWith(`${PLUGIN_PREFIX}-`) ? rest.slice(PLUGIN_PREFIX.length + 1) : rest}`;
  }
  return name.startsWith(`${PLUGIN_PREFIX}-`) ? name.slice(PLUGIN_PREFIX.length + 1) : name;
}

/** Loaded plugins by module path: a batch or an editor session imports each module once. */
const loaded = new Map<string, Promise<LoadedPlugin>>();
/** The same, once loaded, for the engine's synchronous look-up. */
const settled = new Map<string, LoadedPlugin>();

/** A plugin this process has loaded, by module path. */
export async function loadedPlugin(file: string): Promise<LoadedPlugin | undefined> {
  return loaded.get(file);
}

/**
 * The rules a file's config may run: `base` plus the rules of the plugins its config loaded
 * (ResolvedConfig.plugins). The config was resolved in this process, so they are loaded.
 */
export function rulesForConfig(base: ReadonlyMap<string, Rule>, config: { plugins?: Record<string, string> }): ReadonlyMap<string, Rule> {
  if (!config.plugins) return base;
  const out = new Map(base);
  for (const file of Object.values(config.plugins)) {
    const plugin = settled.get(file);
    if (plugin) for (const [id, rule] of plugin.rules) out.set(id, rule);
  }
  return out;
}

const stamps = new Map<string, string>();
/**
 * What stands for the plugins' code in a cache key: each loaded module's version, size and mtime
 * (the module file itself; a plugin split over several files is re-read when its entry changes).
 */
export function pluginStamp(config: { plugins?: Record<string, string> }): string[] {
  return Object.values(config.plugins ?? {}).map((file) => {
    let stamp = stamps.get(file);
    if (stamp === undefined) {
      const st = statSync(file, { throwIfNoEntry: false });
      stamp = `${file}\0${settled.get(file)?.version ?? ''}\0${st?.size ?? 0}\0${st?.mtimeMs ?? 0}`;
      stamps.set(file, stamp);
    }
    return stamp;
  });
}

/** Every plugin rule loaded so far (for reporters that describe rules). */
export function loadedPluginRules(): ReadonlyMap<string, Rule> {
  const out = new Map<string, Rule>();
  for (const plugin of settled.values()) for (const [id, rule] of plugin.rules) out.set(id, rule);
  return out;
}

export interface PluginWhere {
  /** The config file (or label) that names the plugin, and the key, for error messages. */
  source: string;
  keyPath: string;
  locale: Locale;
}

/**
 * Load the plugin `spec` named in a config: a package name resolved from `resolveDir` (the config
 * file's directory, or --resolve-plugins-relative-to), or a path relative to `pathDir`.
 */
export async function loadPlugin(spec: string, resolveDir: string, pathDir: string, where: PluginWhere): Promise<LoadedPlugin> {
  const fail = (problem: string): never => {
    throw new ConfigError(msg.invalidConfig(where.source, where.keyPath, problem, where.locale), where.source, where.keyPath);
  };
  let file: string;
  if (isPathSpecifier(spec)) {
    file = path.resolve(pathDir, spec);
    if (!(await isFile(file))) fail(msg.pluginFileMissing(spec, where.locale));
  } else {
    const name = packageName(spec, PLUGIN_PREFIX);
    const found = await resolvePackage(name, resolveDir);
    if (!found.ok) {
      throw new ConfigError(
        found.missing
          ? msg.pluginNotInstalled(pluginNamespace(name), name, where.source, where.keyPath, where.locale)
          : msg.pluginUnresolvable(name, found.reason, where.locale),
        where.source,
        where.keyPath,
      );
    }
    file = found.file;
  }
  let plugin = loaded.get(file);
  if (!plugin) {
    plugin = importPlugin(file, spec, where);
    loaded.set(file, plugin);
    plugin.then(
      (p) => settled.set(file, p),
      () => undefined,
    );
    // A failed load is not remembered: the user may install the package and retry (LSP).
    plugin.catch(() => loaded.delete(file));
  }
  return plugin;
}

async function importPlugin(file: string, spec: string, where: PluginWhere): Promise<LoadedPlugin> {
  const l = where.locale;
  const label = isPathSpecifier(spec) ? spec : pluginNamespace(packageName(spec, PLUGIN_PREFIX));
  const bad = (key: string, problem: string): never => {
    throw new ConfigError(msg.pluginInvalid(label, key, problem, l), where.source, where.keyPath);
  };
  let mod: unknown;
  try {
    mod = await import(pathToFileURL(file).href);
  } catch (e) {
    throw new ConfigError(msg.pluginLoadFailed(label, firstLine(e), l), where.source, where.keyPath);
  }
  const plugin = defaultExport(mod) as Partial<PluginModule> | undefined;
  if (!isObject(plugin)) return bad('default', msg.expected('object', l));
  if (!isObject(plugin.meta) || typeof plugin.meta.name !== 'string' || !plugin.meta.name) return bad('meta.name', msg.expected('string', l));
  if (plugin.meta.version !== undefined && typeof plugin.meta.version !== 'string') bad('meta.version', msg.expected('string', l));
  // A package's rules are prefixed with the name it was installed under; a file's, with its meta.name.
  const namespace = isPathSpecifier(spec) ? pluginNamespace(plugin.meta.name) : pluginNamespace(packageName(spec, PLUGIN_PREFIX));
  if (plugin.rules !== undefined && !isObject(plugin.rules)) bad('rules', msg.expected('object', l));
  if (plugin.configs !== undefined && !isObject(plugin.configs)) bad('configs', msg.expected('object', l));
  const rules = new Map<string, Rule>();
  for (const [id, rule] of Object.entries(plugin.rules ?? {})) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) bad(`rules["${id}"]`, msg.ruleIdShape(l));
    rules.set(
      `${namespace}/${id}`,
      normalizeRule(`${namespace}/${id}`, rule, (key, problem) => bad(`rules.${id}.${key}`, problem), l),
    );
  }
  for (const [name, config] of Object.entries(plugin.configs ?? {})) {
    if (!isObject(config)) bad(`configs.${name}`, msg.expected('object', l));
  }
  return { namespace, path: file, version: plugin.meta.version, rules, configs: plugin.configs ?? {} };
}

/** Check a plugin rule against the rule contract and fill in what the contract lets it leave out. */
function normalizeRule(id: string, rule: unknown, bad: (key: string, problem: string) => never, l: Locale): Rule {
  if (!isObject(rule)) return bad('', msg.expected('object', l));
  const r = rule as Partial<PluginRule>;
  if (typeof r.check !== 'function') bad('check', msg.expected('function', l));
  const meta = r.meta;
  if (!isObject(meta)) return bad('meta', msg.expected('object', l));
  if (!isObject(meta.docs)) return bad('meta.docs', msg.expected('object', l));
  if (typeof meta.docs.url !== 'string' || !meta.docs.url) bad('meta.docs.url', msg.expected('string', l));
  if (!isObject(meta.messages) || Object.keys(meta.messages).length === 0) bad('meta.messages', msg.expected('object', l));
  if (meta.schema !== undefined && !isObject(meta.schema)) bad('meta.schema', msg.expected('object', l));
  if (meta.type !== undefined && !['problem', 'suggestion', 'layout'].includes(meta.type)) bad('meta.type', msg.oneOf(['problem', 'suggestion', 'layout'], l));
  if (meta.defaultSeverity !== undefined && !['error', 'warn'].includes(meta.defaultSeverity)) bad('meta.defaultSeverity', msg.oneOf(['error', 'warn'], l));
  const text = (v: unknown, key: string): LocalizedText => {
    if (typeof v === 'string') return { 'zh-CN': v, en: v };
    if (isObject(v) && typeof v['zh-CN'] === 'string' && typeof v.en === 'string') return { 'zh-CN': v['zh-CN'], en: v.en };
    return bad(key, msg.localizedTextExpected(l));
  };
  const messages: Record<string, LocalizedText> = {};
  for (const [messageId, m] of Object.entries(meta.messages)) messages[messageId] = text(m, `meta.messages.${messageId}`);
  const docs: RuleMeta['docs'] = { description: text(meta.docs.description, 'meta.docs.description'), url: meta.docs.url };
  if (meta.docs.legalBasis !== undefined) docs.legalBasis = text(meta.docs.legalBasis, 'meta.docs.legalBasis');
  const full: RuleMeta = {
    ...(meta as object),
    id,
    type: meta.type ?? 'problem',
    defaultSeverity: meta.defaultSeverity ?? 'warn',
    // No schema: the rule takes no options (an options object must then be empty).
    schema: meta.schema ?? { type: 'object', additionalProperties: false },
    docs,
    messages,
  };
  const check = r.check.bind(rule);
  return {
    meta: full,
    check(report, context) {
      try {
        check(report, context);
      } catch (e) {
        // Name the plugin rule: a user can report it to the plugin's authors, or turn the rule off.
        throw new GiaLintError(msg.pluginRuleFailed(id, (e instanceof Error ? e.message : String(e)).split('\n')[0], context.locale), { cause: e });
      }
    },
  };
}

/** A shareable config package (`gia-lint-config-xx` or `xx`), resolved from `dir`; its main file. */
export async function resolveSharedConfig(
  spec: string,
  dir: string,
): Promise<{ ok: true; file: string; name: string } | { ok: false; name: string; missing: boolean; reason: string }> {
  const name = packageName(spec, CONFIG_PREFIX);
  const found = await resolvePackage(name, dir);
  return found.ok ? { ok: true, file: found.file, name } : { ...found, name };
}

/** A formatter (`--format ./fmt.mjs` or `gia-lint-formatter-xx` / `xx`): its function. */
export async function loadFormatter(spec: string, cwd: string, locale: Locale): Promise<(results: never[], ctx: never) => unknown> {
  let file: string;
  if (isPathSpecifier(spec)) {
    file = path.resolve(cwd, spec);
    if (!(await isFile(file))) throw new ConfigError(msg.formatterFileMissing(spec, locale), spec);
  } else {
    const name = packageName(spec, FORMATTER_PREFIX);
    const found = await resolvePackage(name, cwd);
    if (!found.ok)
      throw new ConfigError(found.missing ? msg.formatterNotInstalled(spec, name, locale) : msg.pluginUnresolvable(name, found.reason, locale), spec);
    file = found.file;
  }
  let mod: unknown;
  try {
    mod = await import(pathToFileURL(file).href);
  } catch (e) {
    throw new ConfigError(msg.formatterLoadFailed(spec, firstLine(e), locale), spec);
  }
  const fn = defaultExport(mod);
  if (typeof fn !== 'function') throw new ConfigError(msg.formatterNotFunction(spec, locale), spec);
  return fn as (results: never[], ctx: never) => unknown;
}

type Resolution = { ok: true; file: string } | { ok: false; missing: boolean; reason: string };

/**
 * Node's own resolution (exports maps with the "import" condition, main, index.js) as if the
 * package were imported from a module in `dir`: node_modules of `dir` and its parents.
 * import-meta-resolve loads only when a config names a package (never on a plain run).
 */
async function resolvePackage(name: string, dir: string): Promise<Resolution> {
  const { resolve: resolveModule } = await import('import-meta-resolve');
  try {
    const url = resolveModule(name, pathToFileURL(path.join(path.resolve(dir), '__gia-lint__.js')).href);
    return { ok: true, file: fileURLToPath(url) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // A package that is there but whose entry cannot be found is not "not installed".
    const missing = code === 'ERR_MODULE_NOT_FOUND' && !/Cannot find module '\//.test((e as Error).message);
    return { ok: false, missing, reason: firstLine(e) };
  }
}

function defaultExport(mod: unknown): unknown {
  // ESM default export, or a CommonJS module.exports (which import() presents as `default`).
  return isObject(mod) && 'default' in mod ? mod.default : mod;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}
