export { ConfigError, GiaLintError, UsageError } from './errors.js';
export { CONFIG_FILE_NAMES, ConfigResolver, explainConfigForFile, findConfigFile, loadConfig, resolveConfigForFile, type ConfigOptions } from './load.js';
export { presets } from './presets.js';
export type { ConfigData, ConfigOverride, ConfigSettings } from './schema.js';
export { validateConfig, type ConfigSource, type NormalizedRuleSetting, type ValidatedConfig } from './validate.js';
