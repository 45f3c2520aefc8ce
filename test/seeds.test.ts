/**
 * The real published reports (copied from ../shared/seeds into test/seeds) are regression inputs:
 * the findings of the recommended rule set on each are listed, with the reason for each, in
 * test/seeds/expected.json. A new finding or a lost one fails here and has to be explained.
 */
import { expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { verify } from '../src/engine/linter.js';
import { builtinRules } from '../src/rules/index.js';
import { configFor } from './engine/helpers.js';
import type { ResolvedConfig } from '../src/engine/types.js';

interface SeedExpectation {
  summary: string;
  messages: { line: number; column: number; ruleId: string; messageId: string; reason: string }[];
}

const dir = new URL('./seeds/', import.meta.url).pathname;
const expected = JSON.parse(readFileSync(`${dir}expected.json`, 'utf8')) as Record<string, SeedExpectation>;
const config: ResolvedConfig = configFor(builtinRules);

for (const [file, want] of Object.entries(expected)) {
  test(`${file}: ${want.messages.length} expected finding(s)`, () => {
    expect(want.summary.length).toBeGreaterThan(40); // every seed's expectation is explained
    const text = readFileSync(dir + file, 'utf8');
    const { messages } = verify(text, { filePath: file, config, rules: builtinRules });
    const got = messages.map((m) => ({ line: m.line, column: m.column, ruleId: m.ruleId, messageId: m.messageId }));
    expect(got).toEqual(want.messages.map(({ reason: _reason, ...m }) => m));
    for (const m of want.messages) expect(m.reason.length).toBeGreaterThan(10);
  });
}

/*
 * The same real report saved as Markdown must read the same: drafts arrive as .md with tables
 * pasted as tab-separated lines (indented "code" to Markdown), no blank lines around titles,
 * headings or the 落款 date, and PDF line wraps.
 */
for (const file of Object.keys(expected)) {
  test(`${file} saved as .md: the same findings at the same places`, () => {
    const text = readFileSync(dir + file, 'utf8');
    const where = (name: string) =>
      verify(text, { filePath: name, config, rules: builtinRules }).messages.map((m) => `${m.line}:${m.column} ${m.ruleId}/${m.messageId}`);
    expect(where(file.replace(/\.txt$/, '.md'))).toEqual(where(file));
  });
}
