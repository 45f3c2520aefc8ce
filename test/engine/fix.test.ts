import { describe, expect, test } from '@jest/globals';
import { MAX_FIX_PASSES, applyFixes, verifyAndFix } from '../../src/engine/linter.js';
import type { Rule } from '../../src/engine/types.js';
import { TITLE, configFor, rulesOf, wordRule } from './helpers.js';

/** verifyAndFix with ESLint's semantics: passes, non-overlapping fixes, final messages, no suggestions. */

const run = (body: string, rules: ReadonlyMap<string, Rule>, extra: { shouldFix?: Parameters<typeof verifyAndFix>[1]['shouldFix'] } = {}) => {
  const text = `${TITLE}\n\n${body}\n`;
  return { text, ...verifyAndFix(text, { filePath: 'r.md', config: configFor(rules), rules, ...extra }) };
};

describe('verifyAndFix', () => {
  test('applies fixes; the messages returned are those of the fixed text', () => {
    const rules = rulesOf(wordRule('a', 'AAA', { fixTo: 'aaa' }), wordRule('b', 'BBB'));
    const r = run('AAA BBB AAA', rules);
    expect(r.fixed).toBe(true);
    expect(r.output).toBe(`${TITLE}\n\naaa BBB aaa\n`);
    expect(r.messages.map((m) => m.ruleId)).toEqual(['b']);
  });

  test('fixes that create new problems are fixed in later passes', () => {
    // Each pass turns XXXX into XXX… one X shorter is still a problem of the next rule.
    const rules = rulesOf(wordRule('x4', 'XXXX', { fixTo: 'YYY' }), wordRule('y3', 'YYY', { fixTo: 'ZZ' }), wordRule('z2', 'ZZ', { fixTo: 'done' }));
    const r = run('XXXX', rules);
    expect(r.output).toBe(`${TITLE}\n\ndone\n`);
    expect(r.messages).toEqual([]);
  });

  test('overlapping fixes: the first is applied, the other waits for the next pass', () => {
    // "ABC" → "AB" rule and "BC" rule overlap on B; both end up fixed over two passes.
    const rules = rulesOf(wordRule('ab', 'AB', { fixTo: 'ab' }), wordRule('bc', 'BC', { fixTo: 'bc' }));
    const onePass = applyFixes('ABC', [
      { ruleId: 'ab', severity: 2, message: '', line: 1, column: 1, fix: { range: [0, 2], text: 'ab' } },
      { ruleId: 'bc', severity: 2, message: '', line: 1, column: 2, fix: { range: [1, 3], text: 'bc' } },
    ]);
    expect(onePass.output).toBe('abC');
    expect(onePass.remaining.map((m) => m.ruleId)).toEqual(['bc']);
    const r = run('ABC', rules);
    // After "abC" nothing matches "BC" any more: the second problem disappeared with the first fix.
    expect(r.output).toBe(`${TITLE}\n\nabC\n`);
  });

  test(`stops after ${MAX_FIX_PASSES} passes when fixes keep producing problems`, () => {
    let calls = 0;
    const grow: Rule = {
      ...wordRule('grow', 'G'),
      check(report, context) {
        calls++;
        const at = context.text.indexOf('G', report.span.start);
        if (at !== -1) context.report({ messageId: 'found', data: { word: 'G' }, span: { start: at, end: at + 1 }, fix: { range: [at, at + 1], text: 'GG' } });
      },
    };
    const r = run('G', rulesOf(grow));
    expect(calls).toBe(MAX_FIX_PASSES + 1); // ten fixing passes, then one to report on the final text
    expect(r.output).toBe(`${TITLE}\n\n${'G'.repeat(MAX_FIX_PASSES + 1)}\n`);
    expect(r.messages).toHaveLength(1);
  });

  test('suggestions are never applied', () => {
    const r = run('AAA', rulesOf(wordRule('a', 'AAA', { suggestTo: 'aaa' })));
    expect(r.fixed).toBe(false);
    expect(r.output).toBe(r.text);
    expect(r.messages[0].suggestions?.[0].fix.text).toBe('aaa');
  });

  test('shouldFix picks which fixes apply (e.g. errors only)', () => {
    const rules = rulesOf(wordRule('e', 'EEE', { fixTo: 'eee' }), wordRule('w', 'WWW', { severity: 'warn', fixTo: 'www' }));
    const r = run('EEE WWW', rules, { shouldFix: (m) => m.severity === 2 });
    expect(r.output).toBe(`${TITLE}\n\neee WWW\n`);
    expect(r.messages.map((m) => m.ruleId)).toEqual(['w']);
  });

  test('fixes of suppressed messages are not applied', () => {
    const r = run('<!-- gia-lint-disable-next-line -->\nAAA\n\nAAA', rulesOf(wordRule('a', 'AAA', { fixTo: 'aaa' })));
    expect(r.output).toBe(`${TITLE}\n\n<!-- gia-lint-disable-next-line -->\nAAA\n\naaa\n`);
    expect(r.suppressedMessages).toHaveLength(1);
  });

  test('a fix that rewrites text to itself is no change: fixed is false, one pass', () => {
    let calls = 0;
    const same: Rule = { ...wordRule('same', 'AAA', { fixTo: 'AAA' }) };
    const check = same.check.bind(same);
    same.check = (report, context) => {
      calls++;
      check(report, context);
    };
    const r = run('AAA', rulesOf(same));
    expect(r.fixed).toBe(false);
    expect(calls).toBe(1);
  });

  test('nothing fixable: the text is returned unchanged', () => {
    const r = run('BBB', rulesOf(wordRule('b', 'BBB')));
    expect(r).toMatchObject({ fixed: false, output: r.text });
  });
});
