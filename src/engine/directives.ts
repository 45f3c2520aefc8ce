import type { SourceText, Span } from '../model/source.js';
import { DIRECTIVE_BODY, directiveLine, type DirectiveSyntax } from '../formats/directive-syntax.js';
import { closest } from '../i18n/closest.js';
import type { Fix, LintMessage, Locale, SuppressedMessage } from './types.js';
import { defineCatalog, t } from '../i18n/format.js';

export { isDirectiveLine, type DirectiveSyntax } from '../formats/directive-syntax.js';

/**
 * Inline directives, with ESLint's semantics:
 *
 *   <!-- gia-lint-disable -->                        every rule, from here on
 *   <!-- gia-lint-enable table-sum -->               one rule back on, from here on
 *   <!-- gia-lint-disable-line placeholder -- 原文如此 -->   this line only, with a reason
 *   <!-- gia-lint-disable-next-line -->              the following line only
 *
 * In Markdown and HTML they are HTML comments (anywhere in the text). In plain text they are
 * comment-like lines of their own: `// gia-lint-…`, `# gia-lint-…` or `<!-- gia-lint-… -->`;
 * the text processor skips those lines, so a directive is never read as report content.
 */

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line';

export interface Directive {
  kind: DirectiveKind;
  /** The listed rule ids with their spans; null when none are listed (= every rule). */
  rules: { id: string; span: Span }[] | null;
  /** The text after ` -- `, if any. */
  reason?: string;
  /** The whole comment (or comment line). */
  span: Span;
  /** 1-based lines where the comment starts and ends. */
  line: number;
  endLine: number;
  /** What removing the directive deletes: its line when it stands alone there, else the comment. */
  removal: Span;
}

/** Every directive in the text, in order of position. */
export function parseDirectives(text: string, syntax: DirectiveSyntax, source: SourceText): Directive[] {
  const out: Directive[] = [];
  if (syntax === 'comment-line') {
    for (let line = 1; line <= source.lineCount; line++) {
      const raw = source.lineText(line);
      const found = directiveLine(raw);
      if (!found) continue;
      const start = source.lineStart(line);
      const span = { start: start + raw.search(/\S/), end: start + raw.trimEnd().length };
      const d = directive(found.body, start + found.at, span, source);
      if (d) out.push(d);
    }
    return out;
  }
  // HTML comments, found with indexOf: `/<!--([\s\S]*?)-->/g` rescans to the end of the text
  // from every unclosed `<!--`, quadratic on `<!--` repeated.
  for (let at = text.indexOf('<!--'); at !== -1;) {
    const close = text.indexOf('-->', at + 4);
    if (close === -1) break;
    const inner = text.slice(at + 4, close);
    const lead = inner.length - inner.trimStart().length;
    const d = directive(inner.trim(), at + 4 + lead, { start: at, end: close + 3 }, source);
    if (d) out.push(d);
    at = text.indexOf('<!--', close + 3);
  }
  return out;
}

function directive(body: string, bodyStart: number, span: Span, source: SourceText): Directive | undefined {
  const m = DIRECTIVE_BODY.exec(body);
  if (!m) return undefined;
  const kind = m[1] as DirectiveKind;
  const restStart = bodyStart + 'gia-lint-'.length + m[1].length;
  let rest = m[2];
  let reason: string | undefined;
  // ESLint's separator: two or more dashes with whitespace (or the end) on both sides.
  const sep = /(?:^|\s)-{2,}(?:\s|$)/.exec(rest);
  if (sep) {
    reason = rest.slice(sep.index + sep[0].length).trim() || undefined;
    rest = rest.slice(0, sep.index);
  }
  const rules: { id: string; span: Span }[] = [];
  const idRe = /[^\s,，、]+/g;
  let r: RegExpExecArray | null;
  while ((r = idRe.exec(rest))) rules.push({ id: r[0], span: { start: restStart + r.index, end: restStart + r.index + r[0].length } });
  const line = source.positionAt(span.start).line;
  const endLine = source.positionAt(span.end).line;
  return { kind, rules: rules.length ? rules : null, reason, span, line, endLine, removal: removalSpan(span, source, line, endLine) };
}

function removalSpan(span: Span, source: SourceText, line: number, endLine: number): Span {
  const lineStart = source.lineStart(line);
  const endLineStart = source.lineStart(endLine);
  const before = source.text.slice(lineStart, span.start);
  const after = source.lineText(endLine).slice(span.end - endLineStart);
  if (!before.trim() && !after.trim()) {
    const next = endLine < source.lineCount ? source.lineStart(endLine + 1) : source.text.length;
    return { start: lineStart, end: next };
  }
  // Inline: take one space before the comment with it.
  const start = span.start > lineStart && /[ \t]/.test(source.text[span.start - 1]) ? span.start - 1 : span.start;
  return { start, end: span.end };
}

export interface ApplyDirectivesOptions {
  directives: Directive[];
  source: SourceText;
  /** Every rule id that exists (not only the enabled ones): others in a directive are reported. */
  knownRules: readonly string[];
  /** Severity for directives that suppressed nothing; 0 = not reported. */
  reportUnused: 0 | 1 | 2;
  locale: Locale;
}

export interface ApplyDirectivesResult {
  /** Messages kept, plus problems with the directives themselves (ruleId null). */
  messages: LintMessage[];
  suppressedMessages: SuppressedMessage[];
}

/**
 * Drop the messages that directives disable (ESLint semantics: block directives act from their
 * position on, in order; -line and -next-line act on one line), and report directives naming
 * unknown rules, `-line` comments spanning lines, and — when asked — directives that suppressed
 * nothing, with a fix that removes them.
 */
export function applyDirectives(messages: LintMessage[], o: ApplyDirectivesOptions): ApplyDirectivesResult {
  const known = new Set(o.knownRules);
  const { valid, problems } = checkDirectives(o.directives, known, o.source, o.locale);
  const { kept, suppressedMessages, used } = suppress(messages, valid, o.source);
  if (o.reportUnused > 0) problems.push(...unusedDirectives(valid, used, known, o.source, o.reportUnused as 1 | 2, o.locale));
  return { messages: [...kept, ...problems], suppressedMessages };
}

/** Directives that can act, and problems with the others: `-line` spanning lines, rule ids that do not exist. */
function checkDirectives(directives: Directive[], known: Set<string>, source: SourceText, locale: Locale): { valid: Directive[]; problems: LintMessage[] } {
  const problems: LintMessage[] = [];
  const valid: Directive[] = [];
  for (const d of directives) {
    const name = `gia-lint-${d.kind}`;
    if ((d.kind === 'disable-line' || d.kind === 'disable-next-line') && d.endLine !== d.line) {
      problems.push(problem(source, d.span, 2, TEXTS.spansLines(name, locale)));
      continue;
    }
    for (const r of d.rules ?? []) {
      if (known.has(r.id)) continue;
      problems.push(problem(source, r.span, 2, TEXTS.unknownRule(name, r.id, closest(r.id, [...known]), locale)));
    }
    valid.push(d);
  }
  return { valid, problems };
}

/** Which messages the directives suppress, and which rule ids each directive was needed for. */
function suppress(
  messages: LintMessage[],
  valid: Directive[],
  source: SourceText,
): { kept: LintMessage[]; suppressedMessages: SuppressedMessage[]; used: Map<Directive, Set<string>> } {
  const used = new Map<Directive, Set<string>>();
  const markUsed = (d: Directive, ruleId: string) => {
    let s = used.get(d);
    if (!s) used.set(d, (s = new Set()));
    s.add(ruleId);
  };
  const blocks = valid.filter((d) => d.kind === 'disable' || d.kind === 'enable');
  const lines = valid.filter((d) => d.kind === 'disable-line' || d.kind === 'disable-next-line');

  const kept: LintMessage[] = [];
  const suppressedMessages: SuppressedMessage[] = [];
  for (const m of messages) {
    const by = suppressedBy(m, source.offsetAt({ line: m.line, column: m.column }), lines, blocks);
    if (by.length === 0) {
      kept.push(m);
      continue;
    }
    for (const d of by) markUsed(d, m.ruleId ?? '');
    suppressedMessages.push({ ...m, suppressions: by.map((d) => ({ kind: 'directive', justification: d.reason ?? '' })) });
  }
  return { kept, suppressedMessages, used };
}

/** The directives that disable one message: -line/-next-line ones on its line, and the last block directive before it if that disables. */
function suppressedBy(m: LintMessage, offset: number, lines: Directive[], blocks: Directive[]): Directive[] {
  const by: Directive[] = [];
  for (const d of lines) {
    const target = d.kind === 'disable-line' ? d.line : d.endLine + 1;
    if (target === m.line && appliesTo(d, m.ruleId)) by.push(d);
  }
  let block: Directive | undefined;
  for (const d of blocks) {
    if (d.span.start > offset) break;
    if (appliesTo(d, m.ruleId)) block = d.kind === 'disable' ? d : undefined;
  }
  if (block) by.push(block);
  return by;
}

function appliesTo(d: Directive, ruleId: string | null): boolean {
  return d.rules === null || (ruleId !== null && d.rules.some((r) => r.id === ruleId));
}

/** `--report-unused-disable-directives`: disable directives (or listed rules) that suppressed nothing. */
function unusedDirectives(
  valid: Directive[],
  used: Map<Directive, Set<string>>,
  known: Set<string>,
  source: SourceText,
  severity: 1 | 2,
  locale: Locale,
): LintMessage[] {
  const problems: LintMessage[] = [];
  for (const d of valid) {
    if (d.kind === 'enable') continue;
    const name = `gia-lint-${d.kind}`;
    const usedIds = used.get(d);
    if (d.rules === null) {
      if (usedIds) continue;
      problems.push(problem(source, d.span, severity, TEXTS.unused(name, locale), { range: [d.removal.start, d.removal.end], text: '' }));
      continue;
    }
    const unused = d.rules.filter((r) => known.has(r.id) && !usedIds?.has(r.id)).map((r) => r.id);
    if (unused.length === 0) continue;
    // Only a directive none of whose rules was needed is removed whole; a partly used one stays.
    const whole = !usedIds && d.rules.every((r) => known.has(r.id));
    const fix: Fix | undefined = whole ? { range: [d.removal.start, d.removal.end], text: '' } : undefined;
    problems.push(problem(source, d.span, severity, TEXTS.unusedRules(name, unused, locale), fix));
  }
  return problems;
}

/** Problems with directives. */
const DIRECTIVE_TEXT = defineCatalog('directives', {
  spansLines: { 'zh-CN': '{{name}} 指令不能跨行', en: '{{name}} comment should not span multiple lines' },
  unknownRule: { 'zh-CN': '{{name}} 指令中的规则 "{{id}}" 不存在{{hint}}', en: 'Definition for rule "{{id}}" was not found ({{name}} directive){{hint}}' },
  didYouMean: { 'zh-CN': '，是否想写 "{{near}}"？', en: '; did you mean "{{near}}"?' },
  unused: { 'zh-CN': '未使用的 {{name}} 指令（没有需要屏蔽的问题）', en: 'Unused {{name}} directive (no problems were reported)' },
  unusedRules: { 'zh-CN': '未使用的 {{name}} 指令（规则 {{rules}} 没有报告问题）', en: 'Unused {{name}} directive (no problems were reported from {{rules}})' },
  /** Between the rules of unusedRules: zh lists them, en says "or". */
  ruleAlternative: { 'zh-CN': '、', en: ' or ' },
});

const TEXTS = {
  spansLines: (name: string, locale: Locale) => t(DIRECTIVE_TEXT, 'spansLines', locale, { name }),
  unknownRule: (name: string, id: string, near: string | undefined, locale: Locale) =>
    t(DIRECTIVE_TEXT, 'unknownRule', locale, { name, id, hint: near ? t(DIRECTIVE_TEXT, 'didYouMean', locale, { near }) : '' }),
  unused: (name: string, locale: Locale) => t(DIRECTIVE_TEXT, 'unused', locale, { name }),
  unusedRules: (name: string, ids: string[], locale: Locale) =>
    t(DIRECTIVE_TEXT, 'unusedRules', locale, { name, rules: ids.map((id) => `"${id}"`).join(t(DIRECTIVE_TEXT, 'ruleAlternative', locale)) }),
};

function problem(source: SourceText, span: Span, severity: 1 | 2, message: string, fix?: Fix): LintMessage {
  const s = source.positionAt(span.start);
  const e = source.positionAt(span.end);
  const m: LintMessage = { ruleId: null, severity, message, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
  if (fix) m.fix = fix;
  return m;
}
