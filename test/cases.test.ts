/**
 * The rule cases: every file test/cases/<rule-id>/<name>.<md|txt> is linted with ONLY that rule
 * enabled, and its messages must equal the expectation markers the file carries on the lines they
 * belong to (test/support/case-markers.ts: `<!-- {table-sum:rowTotal @49 "应为 3"} -->`), exactly:
 * same count, line, column, messageId, severity (the rule's default unless the marker says
 * `warn`/`error`), autofix text (none unless `fix="…"`), suggestions (none unless `suggest:…`),
 * related locations (none unless `related=…`), optional end position and message fragments. A `<name>.<ext>.fixed` file beside the case is the
 * whole text after applying all fixes. Line 1's `<!-- case {…} -->` holds the description and
 * settings (options, year, agencyKind, deadlines, locale, previous). Adding a case needs no code.
 */
import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { verify, applyFixes } from '../src/engine/linter.js';
import { builtinRules } from '../src/rules/index.js';
import type { AgencyKind, LintMessage, Locale, ResolvedConfig, Rule } from '../src/engine/types.js';
import { parseCase, positionsLost, type ExpectedFinding, type MarkedCase } from './support/case-markers.js';

interface CaseSettings {
  description: string;
  options?: Record<string, unknown>;
  year?: number;
  /** The top-level agencyKind setting (publication-date). */
  agencyKind?: AgencyKind;
  /** The top-level deadlines setting (publication-date). */
  deadlines?: ResolvedConfig['deadlines'];
  /** Last year's report (carryover), a path relative to the rule's case folder (keep it in a subfolder, so it is not a case itself). */
  previous?: string;
  locale?: Locale;
}

const root = new URL('./cases/', import.meta.url).pathname;
// Region rules compare files with each other: their cases are folders, run by test/region/region-cases.test.ts.
const fileRule = (id: string) => builtinRules.get(id)?.meta.scope !== 'region';
const ruleDirs = existsSync(root) ? readdirSync(root).filter((d) => builtinRules.has(d) && fileRule(d)) : [];
const isCase = (f: string) => ['.md', '.txt'].includes(extname(f));
const severityOf = (rule: Rule) => (rule.meta.defaultSeverity === 'error' ? 2 : 1);

function readCase(ruleId: string, file: string): MarkedCase & { raw: string } {
  const raw = readFileSync(join(root, ruleId, file), 'utf8');
  return { ...parseCase(raw, `${ruleId}/${file}`), raw };
}

/** What the test compares, for one finding: only the properties the marker states, plus those always asserted. */
function shapeOf(f: ExpectedFinding, rule: Rule) {
  return {
    line: f.line,
    ...(f.column !== undefined && { column: f.column }),
    ...(f.endLine !== undefined && { endLine: f.endLine, endColumn: f.endColumn }),
    ruleId: f.ruleId,
    messageId: f.messageId,
    severity: f.severity ?? severityOf(rule),
    fix: f.fix ?? null,
    suggestions: f.suggestions,
    related: f.related,
    includes: f.includes,
  };
}

function actualShape(m: LintMessage, want: ExpectedFinding | undefined) {
  return {
    line: m.line,
    ...(want?.column !== undefined && { column: m.column }),
    ...(want?.endLine !== undefined && { endLine: m.endLine, endColumn: m.endColumn }),
    ruleId: m.ruleId,
    messageId: m.messageId,
    severity: m.severity,
    fix: m.fix ? m.fix.text : null,
    suggestions: (m.suggestions ?? []).map((s) => ({ messageId: s.messageId, text: s.fix.text })),
    related: (m.relatedLocations ?? []).map((r) => ({ line: r.line, column: r.column })),
    // A fragment missing from the message shows up in the diff as the one left out.
    includes: (want?.includes ?? []).filter((s) => m.message.includes(s)),
  };
}

test('every built-in rule has a folder of cases with valid and invalid ones in Markdown and text', () => {
  for (const id of [...builtinRules.keys()].filter(fileRule)) {
    const files = existsSync(join(root, id)) ? readdirSync(join(root, id)) : [];
    const inputs = files.filter(isCase);
    expect({ id, md: inputs.some((f) => f.endsWith('.md')), txt: inputs.some((f) => f.endsWith('.txt')) }).toEqual({ id, md: true, txt: true });
    const cases = inputs.map((f) => readCase(id, f));
    expect({ id, valid: cases.some((c) => c.expected.length === 0), invalid: cases.some((c) => c.expected.length > 0) }).toEqual({
      id,
      valid: true,
      invalid: true,
    });
  }
});

// A case written the old way (<name>.expected.json beside it) fails here: its expectations belong in
// marker comments on its lines (test/support/case-markers.ts), its description in line 1's <!-- case {…} -->.
test('no case folder holds a leftover .expected.json or a .fixed file without its case', () => {
  for (const id of ruleDirs) {
    const files = readdirSync(join(root, id));
    expect({ id, stray: files.filter((f) => f.endsWith('.expected.json') || (f.endsWith('.fixed') && !files.includes(f.slice(0, -'.fixed'.length)))) }).toEqual(
      { id, stray: [] },
    );
  }
});

/**
 * The messages a rule renders while the cases run, read through a proxy on meta.messages: a piece
 * of a message (text-table-mismatch's readingValue) or a related location's text (organ-mismatch's
 * titleOrgan) is exercised when a case makes the rule use it.
 */
const rendered = new Set<string>();
let recording = false;
for (const rule of builtinRules.values()) {
  const id = rule.meta.id;
  (rule.meta as { messages: Rule['meta']['messages'] }).messages = new Proxy(rule.meta.messages, {
    get(target, key, receiver) {
      if (recording && typeof key === 'string' && Object.hasOwn(target, key)) rendered.add(`${id}:${key}`);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

for (const ruleId of ruleDirs) {
  describe(ruleId, () => {
    const dir = join(root, ruleId);
    const rule = builtinRules.get(ruleId)!;
    for (const file of readdirSync(dir).filter(isCase).sort()) {
      const marked = readCase(ruleId, file);
      const settings = marked.settings as unknown as CaseSettings;
      test(`${file}: ${settings.description}`, () => {
        expect(typeof settings.description).toBe('string');
        // The markers do not change what the linter sees: every line and column of the file is kept.
        expect(positionsLost(marked.raw, marked.text)).toEqual([]);
        // Every expected finding names its rule and messageId (ESLint's RuleTester asks the same).
        for (const f of marked.expected) {
          expect({ line: f.line, ruleId: f.ruleId, messageIdNamed: f.messageId !== undefined }).toEqual({ line: f.line, ruleId, messageIdNamed: true });
          expect(Object.keys(rule.meta.messages)).toContain(f.messageId);
        }
        const config: ResolvedConfig = {
          locale: settings.locale ?? 'zh-CN',
          year: settings.year,
          agencyKind: settings.agencyKind,
          deadlines: settings.deadlines,
          rules: { [ruleId]: { severity: severityOf(rule), options: settings.options ?? {} } },
        };
        const previous = settings.previous ? { text: readFileSync(join(dir, settings.previous), 'utf8'), filePath: settings.previous } : undefined;
        recording = true;
        const { messages } = verify(marked.text, { filePath: file, config, rules: builtinRules, previous });
        recording = false;
        expect(messages.map((m, i) => actualShape(m, marked.expected[i]))).toEqual(marked.expected.map((f) => shapeOf(f, rule)));
        const fixed = join(dir, `${file}.fixed`);
        if (existsSync(fixed)) expect(applyFixes(marked.text, messages).output).toBe(readFileSync(fixed, 'utf8'));
      });
    }
  });
}

/** Every messageId a case expects: the file rules' markers (findings and suggestions) and the region cases' expected.json. */
function exercisedMessageIds(): Set<string> {
  const seen = new Set<string>();
  for (const id of existsSync(root) ? readdirSync(root) : []) {
    const dir = join(root, id);
    for (const entry of readdirSync(dir)) {
      if (isCase(entry)) {
        for (const f of readCase(id, entry).expected) {
          seen.add(`${f.ruleId}:${f.messageId}`);
          for (const s of f.suggestions) seen.add(`${f.ruleId}:${s.messageId}`);
        }
      } else if (statSync(join(dir, entry)).isDirectory() && existsSync(join(dir, entry, 'expected.json'))) {
        const spec = JSON.parse(readFileSync(join(dir, entry, 'expected.json'), 'utf8')) as { messages: { messageId: string }[] };
        for (const m of spec.messages) seen.add(`${id}:${m.messageId}`);
      }
    }
  }
  return seen;
}

/** Messages no input can produce: kept only while the code that names them stays (see the test below). */
const UNREACHABLE: Record<string, string> = {};

// Runs after every case above (jest runs a file's tests in order): `rendered` is complete.
test('every messageId of every rule is exercised by at least one case', () => {
  const seen = new Set([...exercisedMessageIds(), ...rendered]);
  const all = [...builtinRules.values()].flatMap((r) => Object.keys(r.meta.messages).map((m) => `${r.meta.id}:${m}`));
  expect(all.filter((m) => !seen.has(m) && !(m in UNREACHABLE))).toEqual([]);
  // An unreachable message that a case now produces, or that is gone, leaves the list.
  expect(Object.keys(UNREACHABLE).filter((m) => seen.has(m) || !all.includes(m))).toEqual([]);
});
