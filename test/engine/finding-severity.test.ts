/**
 * A finding may lower itself to a warning; the configured severity stays the ceiling — unless the
 * config makes it exact (`ruleSeverity: "exact"`, the strict preset).
 */
import { expect, test } from '@jest/globals';
import { verify } from '../../src/engine/linter.js';
import type { Rule } from '../../src/engine/types.js';

const rule: Rule = {
  meta: {
    id: 'two-kinds',
    type: 'problem',
    defaultSeverity: 'error',
    docs: { description: { 'zh-CN': '测试', en: 'test' }, url: 'docs/rules/two-kinds.md' },
    schema: {},
    messages: { serious: { 'zh-CN': '严重', en: 'serious' }, lesser: { 'zh-CN': '较轻', en: 'lesser' } },
  },
  check(report, context) {
    context.report({ messageId: 'serious', span: { start: 0, end: 1 } });
    context.report({ messageId: 'lesser', span: { start: 1, end: 2 }, severity: 'warn' });
  },
};
const rules = new Map([[rule.meta.id, rule]]);
const run = (severity: 1 | 2, ruleSeverity?: 'ceiling' | 'exact') =>
  verify('一、总体情况\n正文。', {
    filePath: 'a.txt',
    config: { locale: 'zh-CN', rules: { 'two-kinds': { severity, options: {} } }, ...(ruleSeverity ? { ruleSeverity } : {}) },
    rules,
  }).messages.map((m) => [m.messageId, m.severity]);

test('an error rule can report a lesser finding as a warning', () => {
  expect(run(2)).toEqual([
    ['serious', 2],
    ['lesser', 1],
  ]);
  expect(run(2, 'ceiling')).toEqual([
    ['serious', 2],
    ['lesser', 1],
  ]);
});

test('with ruleSeverity "exact" every finding takes the configured severity', () => {
  expect(run(2, 'exact')).toEqual([
    ['serious', 2],
    ['lesser', 2],
  ]);
  expect(run(1, 'exact')).toEqual([
    ['serious', 1],
    ['lesser', 1],
  ]);
});

test('a rule configured as a warning never reports an error', () => {
  expect(run(1)).toEqual([
    ['serious', 1],
    ['lesser', 1],
  ]);
});
