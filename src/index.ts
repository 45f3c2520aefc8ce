/** Public entry point of the `gia-lint` package. */
export {
  DEFAULT_EXTENSIONS,
  errorsOnly,
  expandPatterns,
  lintBuffer,
  lintFiles,
  lintText,
  outputFixes,
  writeFileAtomic,
  type LintFilesOptions,
  type LintOptions,
  type LintTextOptions,
} from './api.js';
export {
  CONFIG_FILE_NAMES,
  ConfigError,
  ConfigResolver,
  explainConfigForFile,
  GiaLintError,
  UsageError,
  findConfigFile,
  loadConfig,
  presets,
  resolveConfigForFile,
  type ConfigData,
  type ConfigOptions,
  type ConfigOverride,
  type ConfigSettings,
  type ConfigSource,
} from './config/index.js';
export { lintFilesBatch, IGNORE_FILE, DEFAULT_CACHE_FILE, type BatchOptions, type BatchStats } from './batch/index.js';
export { decodeBuffer, type DecodeOptions, type DecodeResult } from './formats/decode.js';
export { parseDocx, type DocxResult } from './formats/docx.js';
export { FORMATS, formatById, type BinaryFormat, type FormatDescriptor, type TextFormat } from './formats/index.js';
export { formatResults, reporters, type Reporter, type ReporterContext } from './reporters/index.js';
export { builtinRules } from './rules/index.js';
export { verify, verifyAndFix, applyFixes, MAX_FIX_PASSES, type VerifyOptions, type VerifyOutput, type VerifyAndFixOutput } from './engine/linter.js';
export { parseDirectives, applyDirectives, type Directive, type DirectiveKind } from './engine/directives.js';
export type {
  AgencyKind,
  Fix,
  LintMessage,
  LintResult,
  Locale,
  ResolvedConfig,
  Rule,
  RuleContext,
  RuleMeta,
  RuleSetting,
  Severity,
  SeveritySetting,
  Suggestion,
  SuppressedMessage,
  Suppression,
} from './engine/types.js';
