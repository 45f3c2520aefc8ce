/**
 * Docs cannot drift from behaviour: every rule has docs/rules/<id>.md with the sections a user
 * needs, its meta.docs.url points there, and every fenced example marked `gia-lint:incorrect`
 * makes the rule report while every `gia-lint:correct` one does not (linted as .md for
 * ```markdown blocks and .txt for ```text blocks, with only that rule enabled).
 */
import { describe, expect, test } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { verify } from '../src/engine/linter.js';
import { builtinRules } from '../src/rules/index.js';

const docsDir = new URL('../docs/rules/', import.meta.url).pathname;
const EXAMPLE = /```(markdown|text) gia-lint:(incorrect|correct)\n([\s\S]*?)```/g;
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
      const [, lang, kind, code] = m;
      test(`example ${i + 1} (${kind}, ${lang}) behaves as documented`, () => {
        const { messages } = verify(code, {
          filePath: lang === 'markdown' ? 'example.md' : 'example.txt',
          config: { locale: 'zh-CN', rules: { [id]: { severity: 2, options: {} } } },
          rules: builtinRules,
          previous,
        });
        if (kind === 'incorrect') expect(messages.length).toBeGreaterThan(0);
        else expect(messages.map((x) => x.message)).toEqual([]);
      });
    });
  });
}

test('docs/rules/README.md lists every rule', () => {
  const index = readFileSync(`${docsDir}README.md`, 'utf8');
  for (const id of builtinRules.keys()) expect(index).toContain(`(${id}.md)`);
});
