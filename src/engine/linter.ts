import type { Document, InputFormat } from '../model/document.js';
import type { Report } from '../model/report.js';
import { SourceText, type Span } from '../model/source.js';
import type { Script } from '../model/script.js';
import { formatById, formatOf, parseDocument, textFormatFor } from '../formats/index.js';
import { InputLimitError } from '../formats/html-limits.js';
import { recognizeReports } from '../model/recognize.js';
import { quoteOf } from '../model/quote.js';
import { defineCatalog, fillTemplate, pick, t } from '../i18n/format.js';
import { TERMS } from '../i18n/terms.js';
import { applyDirectives, parseDirectives } from './directives.js';
import type { LintMessage, Locale, ReportDescriptor, ResolvedConfig, Rule, RuleContext, SuppressedMessage } from './types.js';

const ENGINE_TEXT = defineCatalog('engine', {
  /** Which report of a file a message is about, before the message: by year, else by place. */
  reportOfYear: { 'zh-CN': '〔{{year}}年度报告〕', en: '[{{year}} report] ' },
  reportByPlace: { 'zh-CN': '〔第{{n}}份报告〕', en: '[report {{n}}] ' },
  nestedTooDeep: {
    'zh-CN': '页面结构嵌套过深（超过 {{max}} 层），不予检查',
    en: 'The page nests elements too deeply (more than {{max}} levels); it is not linted',
  },
});

/**
 * The pure engine: text + resolved config → messages. No file system, no process, no console;
 * the CLI, the programmatic API and (later) the language server are shells around it.
 */
export interface VerifyOptions {
  /** Used to choose the input format and shown in results; need not exist. */
  filePath?: string;
  /** Overrides the format chosen from the file name: a format id ('markdown', 'html', 'text'). */
  format?: InputFormat;
  /**
   * A Document already built from `text` (the .docx processor is asynchronous, so the API converts
   * the bytes first); `text` must then be `document.source.text`.
   */
  document?: Document;
  /**
   * Reads `text` instead of the format's parse: the language server's reader of one buffer
   * (src/formats: EditorReader), which reads again only what an edit changed. Same Document.
   */
  parse?: (text: string) => Document;
  config: ResolvedConfig;
  rules: ReadonlyMap<string, Rule>;
  /**
   * Last year's report file, already read and decoded by the caller (`--previous`). It is
   * recognized with the same config except the year (taken from its own title) and given to rules
   * as `context.previous`. Pass the same object for every file of a batch: it is parsed once.
   */
  previous?: PreviousReport;
  /** The file was found by expanding a directory or glob, not named by the user (RuleContext.expanded). */
  expanded?: boolean;
  /**
   * The text's script, decided by the caller (`prepareScript`, which loads the converter for a
   * traditional text); decided from the text when not given.
   */
  script?: Script;
  /**
   * The reports already recognized from `document` with this config's year (the API recognizes a
   * file first when it needs its organ and year to pick last year's report from a folder).
   */
  reports?: Report[];
}

/** Last year's report as read by the caller; `document` when a binary format's processor built it. */
export interface PreviousReport {
  text: string;
  filePath: string;
  document?: Document;
  /** Its reports, when already recognized (the --previous-dir index does): not parsed again. */
  reports?: Report[];
  /** Its script, as the caller decided it when reading it (`prepareScript`). */
  script?: Script;
}

export interface VerifyOutput {
  /** Problems to show, in position order (inline directives already applied). */
  messages: LintMessage[];
  /** Problems silenced by `gia-lint-disable…` directives. */
  suppressedMessages: SuppressedMessage[];
  document: Document;
  reports: Report[];
}

export function verify(text: string, options: VerifyOptions): VerifyOutput {
  const named = options.format === undefined ? undefined : formatById(options.format);
  const format = options.document ? formatOf(options.document) : (named ?? textFormatFor(options.filePath, text));
  let document: Document;
  try {
    document = options.document ?? (options.parse ? options.parse(text) : parseDocument(text, format.id));
  } catch (e) {
    // Input beyond a documented limit (e.g. HTML nested too deeply): one fatal message, no rules.
    if (!(e instanceof InputLimitError)) throw e;
    const message = limitMessage(e, options.config.locale);
    const source = new SourceText(text);
    return {
      messages: [{ ruleId: null, fatal: true, severity: 2, message, line: 1, column: 1 }],
      suppressedMessages: [],
      document: { format: format.id, source, blocks: [] },
      reports: [],
    };
  }
  const reports = (options.document && options.reports) || recognizeReports(document, { year: options.config.year, script: options.script });
  const previous = options.previous ? previousReports(options.previous) : undefined;
  let messages: LintMessage[] = [];
  const { config } = options;
  // Several reports in one file (a page listing years of reports): every message says which one.
  const reportLabels = reports.length > 1 ? reports.map((r) => reportLabel(r, config.locale)) : undefined;

  for (const [ruleId, setting] of Object.entries(config.rules)) {
    if (setting.severity === 0) continue;
    const rule = options.rules.get(ruleId);
    if (!rule) continue; // unknown ids are rejected earlier, by config validation
    if (rule.meta.scope === 'region') continue; // runs after the batch, on every file's facts (src/region/)
    const ruleOptions = { ...(rule.meta.defaultOptions ?? {}), ...setting.options };
    const forNonReports = rule.meta.runsOn === 'non-reports';
    for (const report of reports) {
      // A file that is no annual report gets the not-a-report rule only, not a page of errors.
      if ((report.notAReport !== undefined) !== forNonReports) continue;
      const context: RuleContext = {
        options: ruleOptions,
        locale: config.locale,
        config,
        document,
        text,
        previous,
        expanded: options.expanded === true,
        quote: (span) => quoteOf(document, span),
        where: (span) => placeOf(document, span, config.locale),
        report: (d) => messages.push(toMessage(rule, setting.severity as 1 | 2, d, document.source, config, report.index, reportLabels?.[report.index])),
      };
      rule.check(report, context);
    }
  }
  const applied = applyDirectives(messages, {
    // --no-inline-config: the file's own comments cannot switch rules off.
    directives: config.noInlineConfig ? [] : parseDirectives(text, format.directives.syntax, document.source),
    source: document.source,
    knownRules: [...options.rules.keys()],
    reportUnused: config.reportUnusedDisableDirectives ?? 0,
    locale: config.locale,
  });
  messages = applied.messages;
  messages.sort(byPosition);
  return { messages, suppressedMessages: applied.suppressedMessages.sort(byPosition), document, reports };
}

const byPosition = (a: LintMessage, b: LintMessage) => a.line - b.line || a.column - b.column || (a.ruleId ?? '').localeCompare(b.ruleId ?? '');

/**
 * Text → Document → reports, the first half of `verify`: for callers that need to know what a file
 * is (its organ and year) before linting it. Pass both back to `verify` as `document` and `reports`.
 */
export function recognize(
  text: string,
  options: Pick<VerifyOptions, 'filePath' | 'format' | 'document' | 'script'> & { year?: number },
): { document: Document; reports: Report[] } {
  const named = options.format === undefined ? undefined : formatById(options.format);
  const format = options.document ? formatOf(options.document) : (named ?? textFormatFor(options.filePath, text));
  const document = options.document ?? parseDocument(text, format.id);
  return { document, reports: recognizeReports(document, { year: options.year, script: options.script }) };
}

/** The previous year's reports, parsed once per `previous` object (a batch passes the same one). */
const previousCache = new WeakMap<object, Report[]>();
export function previousReports(previous: PreviousReport): Report[] {
  let reports = previous.reports ?? previousCache.get(previous);
  if (!reports) {
    let document: Document | undefined;
    try {
      document = previous.document ?? parseDocument(previous.text, textFormatFor(previous.filePath, previous.text));
    } catch (e) {
      // Last year's file beyond a limit: nothing to compare with (rules that need it stay silent).
      if (!(e instanceof InputLimitError)) throw e;
    }
    // Its own year, from its own title: the config's `year` is this year's.
    reports = document ? recognizeReports(document, { script: previous.script }) : [];
    previousCache.set(previous, reports);
  }
  return reports;
}

/** ESLint's limit on fix passes: a fix that keeps producing new fixes stops here. */
export const MAX_FIX_PASSES = 10;

export interface VerifyAndFixOutput extends VerifyOutput {
  /** The text after all passes (the input when nothing was fixed). */
  output: string;
  /** Whether any fix was applied. */
  fixed: boolean;
}

/**
 * ESLint's verifyAndFix: lint, apply the non-overlapping fixes, lint the result again, up to
 * MAX_FIX_PASSES times; the messages returned are those of the final text. Only `fix`es are
 * applied, never suggestions, and never fixes of suppressed messages. `shouldFix` narrows which
 * messages' fixes are applied (e.g. errors only, for --quiet).
 */
export function verifyAndFix(text: string, options: VerifyOptions & { shouldFix?: (m: LintMessage) => boolean }): VerifyAndFixOutput {
  let current = text;
  let fixed = false;
  let out: VerifyOutput;
  let passFixed: boolean;
  let passes = 0;
  do {
    passes++;
    // A Document given by the caller describes the original text only.
    out = verify(current, passes === 1 ? options : { ...options, document: undefined });
    const applied = applyFixes(current, out.messages, options.shouldFix);
    passFixed = applied.fixed;
    fixed ||= passFixed;
    current = applied.output;
  } while (passFixed && passes < MAX_FIX_PASSES);
  // The last pass changed the text: its messages are stale, so lint the final text once more.
  if (passFixed) out = verify(current, { ...options, document: undefined });
  return { ...out, output: current, fixed: fixed && current !== text };
}

function toMessage(
  rule: Rule,
  severity: 1 | 2,
  d: ReportDescriptor,
  source: SourceText,
  config: ResolvedConfig,
  reportIndex: number,
  reportPrefix?: string,
): LintMessage {
  const template = rule.meta.messages[d.messageId];
  if (!template) throw new Error(`rule ${rule.meta.id} reported unknown messageId "${d.messageId}"`);
  let message = (reportPrefix ?? '') + fillTemplate(pick(template, config.locale), d.data);
  // A finding may name its own basis (or none, with null) where the rule's usual one does not fit.
  const legalBasis = d.legalBasis === null ? undefined : (d.legalBasis ?? rule.meta.docs.legalBasis);
  if (legalBasis) {
    message += t(TERMS, 'basisSuffix', config.locale, { basis: pick(legalBasis, config.locale) });
  }
  const { start, end } = clampSpan(d.span, source.text.length);
  const s = source.positionAt(start);
  const e = source.positionAt(end);
  const out: LintMessage = {
    ruleId: rule.meta.id,
    // A lesser-case finding is a warning unless the config makes the rule's severity exact (strict).
    severity: d.severity === 'warn' && config.ruleSeverity !== 'exact' ? 1 : severity,
    message,
    line: s.line,
    column: s.column,
    endLine: e.line,
    endColumn: e.column,
    messageId: d.messageId,
    reportIndex,
  };
  if (d.fix) out.fix = d.fix;
  if (d.related?.length) {
    out.relatedLocations = d.related.map((r) => {
      const span = clampSpan(r.span, source.text.length);
      const rs = source.positionAt(span.start);
      const re = source.positionAt(span.end);
      return { line: rs.line, column: rs.column, endLine: re.line, endColumn: re.column, message: r.message };
    });
  }
  if (d.suggest?.length) {
    out.suggestions = d.suggest.map((sg) => ({
      desc: fillTemplate(pick(rule.meta.messages[sg.messageId], config.locale), sg.data),
      messageId: sg.messageId,
      fix: sg.fix,
    }));
  }
  return out;
}

/** "〔2023年度报告〕" / "[2023 report] ": which report of a file a message is about (by year, else by place). */
function reportLabel(report: Report, locale: ResolvedConfig['locale']): string {
  const year = report.year?.value;
  return year ? t(ENGINE_TEXT, 'reportOfYear', locale, { year }) : t(ENGINE_TEXT, 'reportByPlace', locale, { n: report.index + 1 });
}

function clampSpan(span: Span, length: number): Span {
  const start = Math.max(0, Math.min(span.start, length));
  return { start, end: Math.max(start, Math.min(span.end, length)) };
}

/**
 * Apply non-overlapping fixes (in order of position); overlapping ones are left for a later pass.
 * `shouldFix` picks which messages' fixes to apply (default: all).
 */
export function applyFixes(
  text: string,
  messages: LintMessage[],
  shouldFix: (m: LintMessage) => boolean = () => true,
): { output: string; fixed: boolean; remaining: LintMessage[] } {
  const wanted = (m: LintMessage) => m.fix !== undefined && shouldFix(m);
  const withFix = messages.filter(wanted).sort((a, b) => a.fix!.range[0] - b.fix!.range[0] || a.fix!.range[1] - b.fix!.range[1]);
  const remaining = messages.filter((m) => !wanted(m));
  let output = '';
  let last = 0;
  let fixed = false;
  for (const m of withFix) {
    const [s, e] = m.fix!.range;
    if (s < last) {
      remaining.push(m);
      continue;
    }
    output += text.slice(last, s) + m.fix!.text;
    // A fix that rewrites text to itself changes nothing (and must not keep the loop going).
    if (text.slice(s, e) !== m.fix!.text) fixed = true;
    last = e;
  }
  output += text.slice(last);
  return { output, fixed, remaining };
}

/** A place named in passing, as the document's format shows it (src/formats: PositionStyle.at). */
function placeOf(document: Document, span: Span, locale: ResolvedConfig['locale']): string {
  const { line } = document.source.positionAt(span.start);
  const page = document.pages?.[line - 1];
  return formatOf(document).position.at(line, locale, page && { page: page.page, pageLine: page.line });
}

function limitMessage(e: InputLimitError, locale: Locale): string {
  return t(ENGINE_TEXT, 'nestedTooDeep', locale, { max: e.max });
}
