/**
 * Docs cannot drift from behaviour: every rule has docs/rules/<id>.md with the sections a user
 * needs, its meta.docs.url points there, and every fenced example is linted (as .md for
 * ```markdown blocks and .txt for ```text blocks, with only that rule enabled at its default
 * severity): a `gia-lint:incorrect` example is followed by the line
 * `检查结果 / Findings: `3:44 error rowTotal` `7:17 error reviewTotal`` and must give exactly those
 * findings (line:column severity messageId, in order; remark-lint's @example pairs), while a
 * `gia-lint:correct` one gives none.
 */
import { describe, expect, test } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { verify } from '../src/engine/linter.js';
import { builtinRules } from '../src/rules/index.js';

const docsDir = new URL('../docs/rules/', import.meta.url).pathname;
const EXAMPLE = /```(markdown|text) gia-lint:(incorrect|correct)\n([\s\S]*?)```\n(?:\n检查结果 \/ Findings: (.*)\n)?/g;
/** One stated finding: `3:44 error rowTotal`. */
const FINDING = /`(\d+):(\d+) (error|warn) ([A-Za-z][A-Za-z0-9]*)`/g;
/** Last year's report for the examples of a page (carryover): a block marked `gia-lint:previous`. */
const PREVIOUS = /```(markdown|text) gia-lint:previous\n([\s\S]*?)```/;

for (const [id, rule] of builtinRules) {
  describe(`docs/rules/${id}.md`, () => {
    const path = `${docsDir}${id}.md`;
    const page = existsSync(path) ? readFileSync(path, 'utf8') : '';

    test('exists, is linked from the rule, and has the required sections', () => {
      expect(page).not.toBe('');
      expect(rule.meta.docs.url).toBe(`docs/rules/${id}.md`);
      for (const heading of ['## 规则说明', '## 法律依据', '## 错误示例', '## 正确示例', '## 选项']) expect(page).toContain(heading);
    });

    const examples = [...page.matchAll(EXAMPLE)];
    const prev = PREVIOUS.exec(page);
    const previous = prev ? { text: prev[2], filePath: prev[1] === 'markdown' ? 'previous.md' : 'previous.txt' } : undefined;
    // A region rule's examples are whole folders (its cases, test/cases/<id>/<name>/), not one text.
    const region = rule.meta.scope === 'region';
    (region ? test.skip : test)('has at least one incorrect and one correct example', () => {
      expect(examples.some((m) => m[2] === 'incorrect')).toBe(true);
      expect(examples.some((m) => m[2] === 'correct')).toBe(true);
    });
    examples.forEach((m, i) => {
      const [, lang, kind, code, stated] = m;
      test(`example ${i + 1} (${kind}, ${lang}) gives the findings stated under it`, () => {
        const { messages } = verify(code, {
          filePath: lang === 'markdown' ? 'example.md' : 'example.txt',
          config: { locale: 'zh-CN', rules: { [id]: { severity: rule.meta.defaultSeverity === 'error' ? 2 : 1, options: {} } } },
          rules: builtinRules,
          previous,
        });
        const actual = messages.map((x) => `${x.line}:${x.column} ${x.severity === 2 ? 'error' : 'warn'} ${x.messageId}`);
        if (kind === 'incorrect') {
          // The line must be there and list at least one finding: an incorrect example states what it shows.
          expect({ stated: stated !== undefined && stated.includes('`') }).toEqual({ stated: true });
          const expected = [...stated.matchAll(FINDING)].map((f) => `${f[1]}:${f[2]} ${f[3]} ${f[4]}`);
          // Nothing else on the line: a misspelt finding is not silently skipped.
          expect(stated.replace(FINDING, '').trim()).toBe('');
          expect(actual).toEqual(expected);
        } else {
          expect({ findingsLine: stated }).toEqual({ findingsLine: undefined });
          expect(messages.map((x) => x.message)).toEqual([]);
        }
      });
    });
  });
}

test('docs/rules/README.md lists every rule', () => {
  const index = readFileSync(`${docsDir}README.md`, 'utf8');
  for (const id of builtinRules.keys()) expect(index).toContain(`(${id}.md)`);
});
