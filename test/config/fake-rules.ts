import type { Rule } from '../../src/engine/types.js';

/**
 * Stand-in rules for tests of config, API and reporters, so those tests do not depend on which
 * built-in rules exist or what they find. `table-sum` reports once per recognized report.
 */
export function fakeRule(
  id: string,
  defaultSeverity: 'error' | 'warn',
  schema: Record<string, unknown> = { type: 'object', properties: {}, additionalProperties: false },
  report = false,
): Rule {
  return {
    meta: {
      id,
      type: 'problem',
      defaultSeverity,
      docs: { description: { 'zh-CN': id, en: id }, url: `https://example.invalid/${id}` },
      schema,
      messages: { found: { 'zh-CN': '发现问题：{{id}}', en: 'Problem found: {{id}}' } },
    },
    check(_report, context) {
      if (report) context.report({ messageId: 'found', data: { id }, span: { start: 0, end: 1 } });
    },
  };
}

export const fakeRules: ReadonlyMap<string, Rule> = new Map([
  [
    'table-sum',
    fakeRule('table-sum', 'error', {
      type: 'object',
      properties: { tolerance: { type: 'number', minimum: 0 }, tables: { type: 'array', items: { enum: ['a', 'b'] } } },
      additionalProperties: false,
    }),
  ],
  ['statistics-period', fakeRule('statistics-period', 'warn')],
]);
