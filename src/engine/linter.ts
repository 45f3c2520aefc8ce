import type { Document, InputFormat } from '../model/document.js';
import type { Report } from '../model/report.js';
import { SourceText, type Span } from '../model/source.js';
import { parseDocument, formatForPath } from '../formats/index.js';
import { recognizeReports } from '../model/recognize.js';
import { fillTemplate, pick } from '../i18n/format.js';
import type { LintMessage, ReportDescriptor, ResolvedConfig, Rule, RuleContext } from './types.js';

/**
 * The pure engine: text + resolved config → messages. No file system, no process, no console;
 * the CLI, the programmatic API and (later) the language server are shells around it.
 */
export interface VerifyOptions {
  /** Used to choose the input format and shown in results; need not exist. */
  filePath?: string;
  /** Overrides the format chosen from the file name. */
  format?: InputFormat;
  config: ResolvedConfig;
  rules: ReadonlyMap<string, Rule>;
}

export interface VerifyOutput {
  messages: LintMessage[];
  document: Document;
  reports: Report[];
}

export function verify(text: string, options: VerifyOptions): VerifyOutput {
  const format = options.format ?? formatForPath(options.filePath ?? '', text);
  const document = parseDocument(text, format);
  const reports = recognizeReports(document, { year: options.config.year });
  const messages: LintMessage[] = [];
  const { config } = options;

  for (const [ruleId, setting] of Object.entries(config.rules)) {
    if (setting.severity === 0) continue;
    const rule = options.rules.get(ruleId);
    if (!rule) continue; // unknown ids are rejected earlier, by config validation
    const ruleOptions = { ...(rule.meta.defaultOptions ?? {}), ...setting.options };
    for (const report of reports) {
      const context: RuleContext = {
        options: ruleOptions,
        locale: config.locale,
        config,
        document,
        text,
        report: (d) => messages.push(toMessage(rule, setting.severity as 1 | 2, d, document.source, config, report.index)),
      };
      rule.check(report, context);
    }
  }
  messages.sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId ?? '').localeCompare(b.ruleId ?? ''));
  return { messages, document, reports };
}

function toMessage(
  rule: Rule,
  severity: 1 | 2,
  d: ReportDescriptor,
  source: SourceText,
  config: ResolvedConfig,
  reportIndex: number,
): LintMessage {
  const template = rule.meta.messages[d.messageId];
  if (!template) throw new Error(`rule ${rule.meta.id} reported unknown messageId "${d.messageId}"`);
  let message = fillTemplate(pick(template, config.locale), d.data);
  // A finding may name its own basis (or none, with null) where the rule's usual one does not fit.
  const legalBasis = d.legalBasis === null ? undefined : d.legalBasis ?? rule.meta.docs.legalBasis;
  if (legalBasis) {
    const basis = pick(legalBasis, config.locale);
    message += config.locale === 'en' ? ` (basis: ${basis})` : `（依据：${basis}）`;
  }
  const { start, end } = clampSpan(d.span, source.text.length);
  const s = source.positionAt(start);
  const e = source.positionAt(end);
  const out: LintMessage = {
    ruleId: rule.meta.id,
    severity,
    message,
    line: s.line,
    column: s.column,
    endLine: e.line,
    endColumn: e.column,
    messageId: d.messageId,
    reportIndex,
  };
  if (d.fix) out.fix = d.fix;
  if (d.suggest?.length) {
    out.suggestions = d.suggest.map((sg) => ({
      desc: fillTemplate(pick(rule.meta.messages[sg.messageId], config.locale), sg.data),
      messageId: sg.messageId,
      fix: sg.fix,
    }));
  }
  return out;
}

function clampSpan(span: Span, length: number): Span {
  const start = Math.max(0, Math.min(span.start, length));
  return { start, end: Math.max(start, Math.min(span.end, length)) };
}

/** Apply non-overlapping fixes (in order of position); overlapping ones are left for a later pass. */
export function applyFixes(text: string, messages: LintMessage[]): { output: string; fixed: boolean; remaining: LintMessage[] } {
  const withFix = messages.filter((m) => m.fix).sort((a, b) => a.fix!.range[0] - b.fix!.range[0]);
  const remaining = messages.filter((m) => !m.fix);
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
    last = e;
    fixed = true;
  }
  output += text.slice(last);
  return { output, fixed, remaining };
}
