/**
 * The rule cases: every file test/cases/<rule-id>/<name>.<md|txt> is linted with ONLY that rule
 * enabled, and the messages must equal <name>.expected.json exactly (same count, line, column,
 * messageId; optional endLine/endColumn, fix text, message fragments). Adding a case needs no code.
 */
import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, extname } from 'node:path';
import { verify, applyFixes } from '../src/engine/linter.js';
import { builtinRules } from '../src/rules/index.js';
import type { AgencyKind, Locale, ResolvedConfig } from '../src/engine/types.js';

interface ExpectedMessage {
  line: number;
  column: number;
  messageId: string;
  endLine?: number;
  endColumn?: number;
  /** Substrings the rendered message must contain. */
  includes?: string[];
  /** The fix's replacement text, or null for "no fix". */
  fix?: string | null;
  /** 1 or 2, where the finding's severity differs from its rule's (a lesser case of an error rule). */
  severity?: 1 | 2;
}

interface CaseSpec {
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
  messages: ExpectedMessage[];
  /** Whole-file text after applying all fixes. */
  output?: string;
}

const root = new URL('./cases/', import.meta.url).pathname;
// Region rules compare files with each other: their cases are folders, run by test/region/region-cases.test.ts.
const fileRule = (id: string) => builtinRules.get(id)?.meta.scope !== 'region';
const ruleDirs = existsSync(root) ? readdirSync(root).filter((d) => builtinRules.has(d) && fileRule(d)) : [];

test('every built-in rule has a folder of cases with valid and invalid ones in Markdown and text', () => {
  for (const id of [...builtinRules.keys()].filter(fileRule)) {
    const files = existsSync(join(root, id)) ? readdirSync(join(root, id)) : [];
    const inputs = files.filter((f) => ['.md', '.txt'].includes(extname(f)));
    expect({ id, md: inputs.some((f) => f.endsWith('.md')), txt: inputs.some((f) => f.endsWith('.txt')) }).toEqual({ id, md: true, txt: true });
    // A .md and a .txt of one name would share one .expected.json: names must be unique per folder.
    const bases = inputs.map((f) => f.replace(/\.(md|txt)$/, ''));
    expect({ id, duplicates: bases.filter((b, i) => bases.indexOf(b) !== i) }).toEqual({ id, duplicates: [] });
    const specs = inputs.map((f) => JSON.parse(readFileSync(join(root, id, f.replace(/\.(md|txt)$/, '.expected.json')), 'utf8')) as CaseSpec);
    expect({ id, valid: specs.some((s) => s.messages.length === 0), invalid: specs.some((s) => s.messages.length > 0) }).toEqual({ id, valid: true, invalid: true });
  }
});

for (const ruleId of ruleDirs) {
  describe(ruleId, () => {
    const dir = join(root, ruleId);
    for (const file of readdirSync(dir).filter((f) => ['.md', '.txt'].includes(extname(f))).sort()) {
      const specPath = join(dir, file.replace(/\.(md|txt)$/, '.expected.json'));
      const spec = JSON.parse(readFileSync(specPath, 'utf8')) as CaseSpec;
      test(`${file}: ${spec.description}`, () => {
        const text = readFileSync(join(dir, file), 'utf8');
        const rule = builtinRules.get(ruleId)!;
        const config: ResolvedConfig = {
          locale: spec.locale ?? 'zh-CN',
          year: spec.year,
          agencyKind: spec.agencyKind,
          deadlines: spec.deadlines,
          rules: { [ruleId]: { severity: rule.meta.defaultSeverity === 'error' ? 2 : 1, options: spec.options ?? {} } },
        };
        const previous = spec.previous ? { text: readFileSync(join(dir, spec.previous), 'utf8'), filePath: spec.previous } : undefined;
        const { messages } = verify(text, { filePath: file, config, rules: builtinRules, previous });
        expect(messages.every((m) => m.ruleId === ruleId)).toBe(true);
        const actual = messages.map((m, i) => {
          const want = spec.messages[i];
          const got: Record<string, unknown> = { line: m.line, column: m.column, messageId: m.messageId };
          if (want?.endLine !== undefined) got.endLine = m.endLine;
          if (want?.endColumn !== undefined) got.endColumn = m.endColumn;
          if (want?.includes) got.includes = want.includes.filter((s) => m.message.includes(s));
          if (want?.fix !== undefined) got.fix = m.fix ? m.fix.text : null;
          if (want?.severity !== undefined) got.severity = m.severity;
          return got;
        });
        expect(actual).toEqual(spec.messages);
        if (spec.output !== undefined) expect(applyFixes(text, messages).output).toBe(spec.output);
      });
    }
  });
}
