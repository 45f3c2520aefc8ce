import path from 'node:path';
import type { ConfigData } from '../config/schema.js';
import type { Locale } from '../engine/types.js';
import { t } from '../i18n/format.js';
import { LSP_TEXT } from './messages.js';

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
const CONFIG_KEYS = ['locale', 'year', 'agencyKind', 'rules', 'previous', 'reportUnusedDisableDirectives', 'extends', 'ruleSeverity'] as const;
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
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(t(LSP_TEXT, 'settingsNotObject', locale));
    return { settings, problems };
  }
  const obj = raw as Record<string, unknown>;
  const bad = (key: string, expected: 'expectedConfigPath' | 'expectedBoolean' | 'expectedDebounce' | 'expectedUrl') =>
    problems.push(t(LSP_TEXT, 'settingIgnored', locale, { key, expected: t(LSP_TEXT, expected, locale) }));
  const abs = (p: string) => (baseDir && !path.isAbsolute(p) ? path.resolve(baseDir, p) : p);

  for (const [key, value] of Object.entries(obj)) {
    // Editors show unset settings as null or "" (VS Code defaults): the same as absent.
    if (value === undefined || value === null || value === '' || CLIENT_KEYS.includes(key)) continue;
    if ((CONFIG_KEYS as readonly string[]).includes(key)) {
      let v = value;
      if (key === 'previous' && typeof v === 'string' && v !== '') v = abs(v);
      if (key === 'extends')
        v = typeof v === 'string' ? abs(v) : Array.isArray(v) ? v.map((e: unknown) => (typeof e === 'string' && /[\\/]/.test(e) ? abs(e) : e)) : v;
      (settings.config as Record<string, unknown>)[key] = v;
    } else if (key === 'configFile') {
      if (typeof value === 'string' && value !== '') settings.configFile = abs(value);
      else bad(key, 'expectedConfigPath');
    } else if (key === 'useConfigFile') {
      if (typeof value === 'boolean') settings.useConfigFile = value;
      else bad(key, 'expectedBoolean');
    } else if (key === 'debounceMs') {
      if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10000) settings.debounceMs = value;
      else bad(key, 'expectedDebounce');
    } else if (key === 'docsBaseUrl') {
      if (typeof value === 'string' && URL.canParse(value)) settings.docsBaseUrl = value.endsWith('/') ? value : `${value}/`;
      else bad(key, 'expectedUrl');
    } else {
      const known = [...CONFIG_KEYS, ...SERVER_KEYS].join(', ');
      problems.push(t(LSP_TEXT, 'unknownSetting', locale, { key, known }));
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
