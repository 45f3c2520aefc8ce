import type { ResolvedConfig, Rule } from '../../src/engine/types.js';

/**
 * A rule that reports every occurrence of `word` inside the report it is given, with a fix
 * replacing it by `fixTo` when that is set. Lets engine tests place problems exactly.
 */
export function wordRule(id: string, word: string, options: { severity?: 'error' | 'warn'; fixTo?: string; suggestTo?: string } = {}): Rule {
  return {
    meta: {
      id,
      type: 'problem',
      defaultSeverity: options.severity ?? 'error',
      docs: { description: { 'zh-CN': id, en: id }, url: `https://example.invalid/${id}` },
      schema: { type: 'object', properties: {}, additionalProperties: false },
      messages: { found: { 'zh-CN': '发现 {{word}}', en: 'Found {{word}}' }, suggest: { 'zh-CN': '改为 {{to}}', en: 'Change to {{to}}' } },
      ...(options.fixTo !== undefined ? { fixable: 'code' as const } : {}),
      ...(options.suggestTo !== undefined ? { hasSuggestions: true } : {}),
    },
    check(report, context) {
      const { start, end } = report.span;
      let at = context.text.indexOf(word, start);
      while (at !== -1 && at + word.length <= end) {
        const span = { start: at, end: at + word.length };
        context.report({
          messageId: 'found',
          data: { word },
          span,
          ...(options.fixTo !== undefined ? { fix: { range: [span.start, span.end] as [number, number], text: options.fixTo } } : {}),
          ...(options.suggestTo !== undefined
            ? {
                suggest: [
                  {
                    messageId: 'suggest',
                    data: { to: options.suggestTo },
                    fix: { range: [span.start, span.end] as [number, number], text: options.suggestTo },
                  },
                ],
              }
            : {}),
        });
        at = context.text.indexOf(word, at + word.length);
      }
    },
  };
}

export function rulesOf(...rules: Rule[]): ReadonlyMap<string, Rule> {
  return new Map(rules.map((r) => [r.meta.id, r]));
}

/** Every given rule on at its default severity. */
export function configFor(rules: ReadonlyMap<string, Rule>, extra: Partial<ResolvedConfig> = {}): ResolvedConfig {
  const out: ResolvedConfig = { locale: 'zh-CN', rules: {}, ...extra };
  for (const [id, r] of rules) out.rules[id] = { severity: r.meta.defaultSeverity === 'error' ? 2 : 1, options: {} };
  return out;
}

/** A small report the recognizer reads as one 2024 report. */
export const TITLE = '# 2024年政府信息公开工作年度报告';
