import { describe, expect, test } from '@jest/globals';
import { isDirectiveLine, parseDirectives } from '../../src/engine/directives.js';
import { verify } from '../../src/engine/linter.js';
import type { ResolvedConfig } from '../../src/engine/types.js';
import { parseText } from '../../src/formats/text.js';
import { parseMarkdown } from '../../src/formats/markdown.js';
import { SourceText } from '../../src/model/source.js';
import { TITLE, configFor, rulesOf, wordRule } from './helpers.js';

/**
 * Inline directives, ESLint semantics. Two stand-in rules report every "AAA" / "BBB", so each
 * test can say exactly which problems a directive silences.
 */
const rules = rulesOf(wordRule('rule-a', 'AAA'), wordRule('rule-b', 'BBB', { severity: 'warn' }));
const config = configFor(rules);

function lint(body: string, ext: 'md' | 'txt' = 'md', extra: Partial<ResolvedConfig> = {}) {
  const text = `${ext === 'md' ? TITLE : TITLE.slice(2)}\n\n${body}\n`;
  return verify(text, { filePath: `report.${ext}`, config: { ...config, ...extra }, rules });
}
/** "rule@line" for each message; null rule ids (directive problems) as "!". */
const shown = (ms: { ruleId: string | null; line: number }[]) => ms.map((m) => `${m.ruleId ?? '!'}@${m.line}`);

describe('block disable / enable (Markdown)', () => {
  test('without directives every word is reported', () => {
    expect(shown(lint('AAA BBB\n\nAAA BBB').messages)).toEqual(['rule-a@3', 'rule-b@3', 'rule-a@5', 'rule-b@5']);
  });

  test('disable without rules silences everything after it; enable turns it back on', () => {
    const out = lint('AAA\n\n<!-- gia-lint-disable -->\n\nAAA BBB\n\n<!-- gia-lint-enable -->\n\nAAA BBB');
    expect(shown(out.messages)).toEqual(['rule-a@3', 'rule-a@11', 'rule-b@11']);
    expect(shown(out.suppressedMessages)).toEqual(['rule-a@7', 'rule-b@7']);
  });

  test('disable acts from its position, also within a line', () => {
    expect(shown(lint('AAA <!-- gia-lint-disable --> AAA').messages)).toEqual(['rule-a@3']);
  });

  test('a rule list disables only those rules', () => {
    const out = lint('<!-- gia-lint-disable rule-b -->\n\nAAA BBB');
    expect(shown(out.messages)).toEqual(['rule-a@5']);
    expect(shown(out.suppressedMessages)).toEqual(['rule-b@5']);
  });

  test('several rules, separated by commas (and spaces)', () => {
    expect(shown(lint('<!-- gia-lint-disable rule-a, rule-b -->\n\nAAA BBB').messages)).toEqual([]);
    expect(shown(lint('<!-- gia-lint-disable rule-a,rule-b -->\n\nAAA BBB').messages)).toEqual([]);
  });

  test('disable all, then enable one rule: only that one comes back', () => {
    expect(shown(lint('<!-- gia-lint-disable -->\n\n<!-- gia-lint-enable rule-b -->\n\nAAA BBB').messages)).toEqual(['rule-b@7']);
  });

  test('disable one rule, then enable all: it comes back', () => {
    expect(shown(lint('<!-- gia-lint-disable rule-a -->\n\nAAA\n\n<!-- gia-lint-enable -->\n\nAAA').messages)).toEqual(['rule-a@9']);
  });

  test('a reason after " -- " is kept as the justification and is not a rule id', () => {
    const out = lint('<!-- gia-lint-disable rule-a -- 原表如此，已向上级报备 -->\n\nAAA');
    expect(out.messages).toEqual([]);
    expect(out.suppressedMessages[0].suppressions).toEqual([{ kind: 'directive', justification: '原表如此，已向上级报备' }]);
  });

  test('suppressed messages keep their shape (position, message) for the json output', () => {
    const [m] = lint('<!-- gia-lint-disable -->\n\nAAA').suppressedMessages;
    expect(m).toMatchObject({ ruleId: 'rule-a', line: 5, column: 1, message: '发现 AAA', severity: 2 });
    expect(m.suppressions).toEqual([{ kind: 'directive', justification: '' }]);
  });
});

describe('-line and -next-line (Markdown)', () => {
  test('disable-line silences its own line only', () => {
    expect(shown(lint('AAA BBB <!-- gia-lint-disable-line -->\n\nAAA BBB').messages)).toEqual(['rule-a@5', 'rule-b@5']);
  });

  test('disable-line with a rule', () => {
    expect(shown(lint('AAA BBB <!-- gia-lint-disable-line rule-a -->').messages)).toEqual(['rule-b@3']);
  });

  test('disable-next-line silences the next line only', () => {
    const out = lint('<!-- gia-lint-disable-next-line rule-a -- 引用原文 -->\nAAA BBB\nAAA');
    expect(shown(out.messages)).toEqual(['rule-b@4', 'rule-a@5']);
    expect(out.suppressedMessages.map((m) => [m.line, m.suppressions[0].justification])).toEqual([[4, '引用原文']]);
  });

  test('a -line directive spanning lines is reported and ignored', () => {
    const out = lint('AAA <!-- gia-lint-disable-line\nrule-a -->');
    expect(shown(out.messages)).toEqual(['rule-a@3', '!@3']);
    expect(out.messages[1].message).toBe('gia-lint-disable-line 指令不能跨行');
  });

  test('HTML comments that are directives are not report content', () => {
    const doc = parseMarkdown(`${TITLE}\n\n<!-- gia-lint-disable rule-a -- XX 待填 -->\n\n正文 <!-- gia-lint-disable-line --> 结束\n`);
    const text = doc.blocks.map((b) => (b.kind === 'table' ? '' : b.content.text)).join('\n');
    expect(text).not.toContain('gia-lint');
    expect(text).not.toContain('XX');
  });
});

describe('plain text: comment-like lines', () => {
  test.each([
    ['// gia-lint-disable-next-line rule-a'],
    ['# gia-lint-disable-next-line rule-a'],
    ['<!-- gia-lint-disable-next-line rule-a -->'],
    ['  //gia-lint-disable-next-line rule-a -- 原文如此'],
  ])('%s', (directive) => {
    const out = lint(`${directive}\nAAA BBB\nAAA`, 'txt');
    expect(shown(out.messages)).toEqual(['rule-b@4', 'rule-a@5']);
  });

  test('block disable / enable', () => {
    const out = lint('AAA\n# gia-lint-disable\nAAA BBB\n# gia-lint-enable rule-a\nAAA BBB', 'txt');
    expect(shown(out.messages)).toEqual(['rule-a@3', 'rule-a@7']);
  });

  test('directive lines are skipped by the text processor (neither headings nor prose, tables go on)', () => {
    const doc = parseText('标题\n# gia-lint-disable rule-a -- XX\n// gia-lint-enable\n项目\t本年新收\t总计\n// gia-lint-disable-next-line\n一\t1\t1\n');
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph', 'table']);
    const table = doc.blocks[1];
    expect(table.kind === 'table' && table.rows.length).toBe(2);
  });

  test('ordinary lines are not directives', () => {
    for (const line of [
      '# 一、总体情况',
      '// 注释',
      'gia-lint-disable',
      '说明：gia-lint-disable',
      '<!-- gia-lint-disable',
      '# gia-lint-disabled',
      '// gia-lint-disable -->',
    ]) {
      expect([line, isDirectiveLine(line)]).toEqual([line, false]);
    }
  });

  test('in Markdown, // and # lines are not directives', () => {
    expect(parseDirectives('// gia-lint-disable\n', 'html-comment', new SourceText('// gia-lint-disable\n'))).toEqual([]);
  });
});

describe('problems with directives', () => {
  test('an unknown rule id is an error at the id, with a suggestion for a typo', () => {
    const out = lint('<!-- gia-lint-disable rule-c, rulea -->\n\nAAA');
    expect(out.messages.map((m) => [m.ruleId, m.severity, m.line, m.column, m.message])).toEqual([
      [null, 2, 3, 23, 'gia-lint-disable 指令中的规则 "rule-c" 不存在，是否想写 "rule-a"？'],
      [null, 2, 3, 31, 'gia-lint-disable 指令中的规则 "rulea" 不存在，是否想写 "rule-a"？'],
      ['rule-a', 2, 5, 1, '发现 AAA'],
    ]);
    const en = lint('<!-- gia-lint-disable-line zzz-zzz-zzz -->', 'md', { locale: 'en' });
    expect(en.messages[0].message).toBe('Definition for rule "zzz-zzz-zzz" was not found (gia-lint-disable-line directive)');
  });

  test('a rule that exists but is off is not unknown', () => {
    const out = lint('<!-- gia-lint-disable rule-b -->\n\nAAA', 'md', { rules: { ...config.rules, 'rule-b': { severity: 0, options: {} } } });
    expect(shown(out.messages)).toEqual(['rule-a@5']);
  });
});

describe('unused directives (reportUnusedDisableDirectives)', () => {
  const body = '<!-- gia-lint-disable-next-line rule-a -->\nBBB\n\n<!-- gia-lint-disable-line rule-a, rule-b --> BBB\n\n<!-- gia-lint-disable -->\n';

  test('off by default', () => {
    expect(shown(lint(body).messages)).toEqual(['rule-b@4']);
  });

  test('reported at the configured severity, naming the rules that reported nothing', () => {
    const out = lint(body, 'md', { reportUnusedDisableDirectives: 1 });
    expect(out.messages.map((m) => [m.ruleId, m.severity, m.line, m.message])).toEqual([
      [null, 1, 3, '未使用的 gia-lint-disable-next-line 指令（规则 "rule-a" 没有报告问题）'],
      ['rule-b', 1, 4, '发现 BBB'],
      [null, 1, 6, '未使用的 gia-lint-disable-line 指令（规则 "rule-a" 没有报告问题）'],
      [null, 1, 8, '未使用的 gia-lint-disable 指令（没有需要屏蔽的问题）'],
    ]);
    const en = lint(body, 'md', { reportUnusedDisableDirectives: 2, locale: 'en' }).messages;
    expect(en[0]).toMatchObject({ severity: 2, message: 'Unused gia-lint-disable-next-line directive (no problems were reported from "rule-a")' });
    expect(en[3].message).toBe('Unused gia-lint-disable directive (no problems were reported)');
  });

  test('a wholly unused directive gets a fix that removes it (its line when it stands alone); a partly used one does not', () => {
    const out = lint(body, 'md', { reportUnusedDisableDirectives: 2 });
    const text = `${TITLE}\n\n${body}\n`;
    const [first, , partly, last] = out.messages;
    expect(text.slice(first.fix!.range[0], first.fix!.range[1])).toBe('<!-- gia-lint-disable-next-line rule-a -->\n');
    expect(partly.fix).toBeUndefined();
    expect(text.slice(last.fix!.range[0], last.fix!.range[1])).toBe('<!-- gia-lint-disable -->\n');
  });

  test('an inline unused directive is removed with the space before it', () => {
    const text = `${TITLE}\n\n正文 <!-- gia-lint-disable-line rule-a -->\n`;
    const [m] = verify(text, { filePath: 'r.md', config: { ...config, reportUnusedDisableDirectives: 2 }, rules }).messages;
    expect(text.slice(m.fix!.range[0], m.fix!.range[1])).toBe(' <!-- gia-lint-disable-line rule-a -->');
  });

  test('used directives and enable directives are never reported', () => {
    const out = lint('<!-- gia-lint-disable rule-a -->\n\nAAA\n\n<!-- gia-lint-enable rule-a -->', 'txt', { reportUnusedDisableDirectives: 2 });
    expect(out.messages).toEqual([]);
  });

  test('plain text directives too', () => {
    const out = lint('// gia-lint-disable-next-line rule-b\nAAA', 'txt', { reportUnusedDisableDirectives: 2 });
    expect(shown(out.messages)).toEqual(['!@3', 'rule-a@4']);
  });
});
