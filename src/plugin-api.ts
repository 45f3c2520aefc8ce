/**
 * `gia-lint/rules`: the contract a plugin is written against. Types only (plus nothing at run time),
 * so a plugin in TypeScript or in JavaScript with JSDoc gets the same checks as the built-in rules.
 *
 *     import type { PluginModule, Rule } from 'gia-lint/rules';
 */
export type { LintMessage, LintResult, LocalizedText, Locale, ReportDescriptor, ResolvedConfig, Rule, RuleContext, RuleMeta } from './engine/types.js';
export type { PluginModule, PluginRule } from './config/plugins.js';
export type { ConfigData, ConfigOverride, ConfigSettings } from './config/schema.js';
export type { Reporter, ReporterContext } from './reporters/types.js';
export type {
  CellValue,
  DateMention,
  FeeClaim,
  FeeFigure,
  Heading,
  Issuer,
  PeriodStatement,
  RecognizedRow,
  Report,
  ReportYear,
  TextSpan,
} from './model/report.js';
export type { Document } from './model/document.js';
export type { Span } from './model/source.js';
export type { SectionKey } from './templates/sections.js';
