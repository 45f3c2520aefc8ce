import path from 'node:path';
import type { ConfigData } from '../config/schema.js';
import type { Locale } from '../engine/types.js';

/**
 * What an editor may set for the server, through `initializationOptions` or the `gia-lint`
 * section of `workspace/configuration` (the latter wins). The config keys mean what they mean in
 * a `.gianrc` and are applied over it, like the CLI's `--locale`/`--year`/`--previous`.
 */
export interface ServerSettings {
  /** Config keys applied over the `.gianrc` (the command line's place). */
  config: ConfigData;
  /** Use this config file for every document instead of searching (like `--config`). */
  configFile?: string;
  /** false: no config file at all (like `--no-config`). */
  useConfigFile: boolean;
  /** Quiet time after the last edit before linting, in ms (0: lint as soon as the engine is free). */
  debounceMs: number;
  /** Base URL of the rule docs (`<base><rule-id>.md`); default: the installed package's docs/rules/. */
  docsBaseUrl?: string;
}

export const DEFAULT_DEBOUNCE_MS = 0;

/** Keys passed through to the config layer (validated there, with the .gianrc's own messages). */
const CONFIG_KEYS = ['locale', 'year', 'agencyKind', 'rules', 'previous', 'reportUnusedDisableDirectives', 'extends'] as const;
const SERVER_KEYS = ['configFile', 'useConfigFile', 'debounceMs', 'docsBaseUrl'] as const;
/** Keys of the same settings section that belong to the editor side (VS Code's trace, the server path). */
const CLIENT_KEYS = ['trace', 'path', 'enable'];

export interface ParsedSettings {
  settings: ServerSettings;
  /** One line per rejected key, naming it; the rest of the settings still apply. */
  problems: string[];
}

/**
 * Read raw client settings. Bad values of the server's own keys are dropped with a problem that
 * names the key; config keys are left to the config validation (which names them too). Relative
 * paths (`previous`, `configFile`, `extends`) are taken relative to `baseDir`, the workspace root.
 */
export function parseSettings(raw: unknown, baseDir: string | undefined, locale: Locale = 'zh-CN'): ParsedSettings {
  const settings: ServerSettings = { config: {}, useConfigFile: true, debounceMs: DEFAULT_DEBOUNCE_MS };
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { settings, problems };
  const en = locale === 'en';
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(en ? 'gia-lint settings must be an object' : 'gia-lint 设置应为对象');
    return { settings, problems };
  }
  const obj = raw as Record<string, unknown>;
  const bad = (key: string, expected: [string, string]) =>
    problems.push(en ? `gia-lint setting ${key} must be ${expected[1]}; ignored` : `gia-lint 设置 ${key} 应为${expected[0]}，已忽略`);
  const abs = (p: string) => (baseDir && !path.isAbsolute(p) ? path.resolve(baseDir, p) : p);

  for (const [key, value] of Object.entries(obj)) {
    // Editors show unset settings as null or "" (VS Code defaults): the same as absent.
    if (value === undefined || value === null || value === '' || CLIENT_KEYS.includes(key)) continue;
    if ((CONFIG_KEYS as readonly string[]).includes(key)) {
      let v = value;
      if (key === 'previous' && typeof v === 'string' && v !== '') v = abs(v);
      if (key === 'extends') v = typeof v === 'string' ? abs(v) : Array.isArray(v) ? v.map((e) => (typeof e === 'string' && /[\\/]/.test(e) ? abs(e) : e)) : v;
      (settings.config as Record<string, unknown>)[key] = v;
    } else if (key === 'configFile') {
      if (typeof value === 'string' && value !== '') settings.configFile = abs(value);
      else bad(key, ['非空字符串（配置文件路径）', 'a non-empty string (a config file path)']);
    } else if (key === 'useConfigFile') {
      if (typeof value === 'boolean') settings.useConfigFile = value;
      else bad(key, ['true 或 false', 'true or false']);
    } else if (key === 'debounceMs') {
      if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10000) settings.debounceMs = value;
      else bad(key, ['0 到 10000 之间的整数（毫秒）', 'an integer from 0 to 10000 (milliseconds)']);
    } else if (key === 'docsBaseUrl') {
      if (typeof value === 'string' && URL.canParse(value)) settings.docsBaseUrl = value.endsWith('/') ? value : `${value}/`;
      else bad(key, ['绝对 URL', 'an absolute URL']);
    } else {
      const known = [...CONFIG_KEYS, ...SERVER_KEYS].join(', ');
      problems.push(en ? `Unknown gia-lint setting ${key} (known: ${known}); ignored` : `未知的 gia-lint 设置 ${key}（可用：${known}），已忽略`);
    }
  }
  return { settings, problems };
}

/** Merge settings layers (initializationOptions, then workspace/configuration): later keys win. */
export function mergeRawSettings(...layers: unknown[]): Record<string, unknown> | undefined {
  const objects = layers.filter((l): l is Record<string, unknown> => typeof l === 'object' && l !== null && !Array.isArray(l));
  if (objects.length === 0) return undefined;
  return Object.assign({}, ...objects) as Record<string, unknown>;
}
