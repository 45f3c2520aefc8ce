import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { END, START, renderRulesIndex, replaceIndex } from '../../scripts/gen-docs-index.mjs';
import type { Rule } from '../../src/engine/types.js';
import { builtinRules } from '../../src/rules/index.js';
import { fakeRule } from '../config/fake-rules.js';

const README = fileURLToPath(new URL('../../docs/rules/README.md', import.meta.url));
const SCRIPT = fileURLToPath(new URL('../../scripts/gen-docs-index.mjs', import.meta.url));

test('docs/rules/README.md holds exactly the table generated from the rules (run `npm run docs:index`)', () => {
  const readme = readFileSync(README, 'utf8');
  expect(replaceIndex(readme, renderRulesIndex(builtinRules.values()))).toBe(readme);
});

test('the script agrees (--check, on the built dist/)', () => {
  const r = spawnSync(process.execPath, [SCRIPT, '--check'], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});

describe('generator', () => {
  const fixable: Rule = { ...fakeRule('fixer', 'warn'), meta: { ...fakeRule('fixer', 'warn').meta, fixable: 'code', hasSuggestions: true } };

  test('one row per rule: link, default severity, zh description, fixable, suggestions', () => {
    const table = renderRulesIndex([fakeRule('a-rule', 'error'), fixable]);
    expect(table.split('\n')).toEqual([
      '| 规则 id | 默认级别 | 检查内容 | 可自动修复（--fix） | 提供建议 |',
      '|---|---|---|---|---|',
      '| [a-rule](a-rule.md) | error | a-rule | 否 | 否 |',
      '| [fixer](fixer.md) | warn | fixer | 是 | 是 |',
    ]);
  });

  test('a table is out of date when a rule is added: the generated text differs', () => {
    const readme = readFileSync(README, 'utf8');
    const more = replaceIndex(readme, renderRulesIndex([...builtinRules.values(), fakeRule('new-rule', 'warn')]));
    expect(more).not.toBe(readme);
    expect(more).toContain('| [new-rule](new-rule.md) | warn |');
  });

  test('prose outside the markers is kept; missing markers are an error', () => {
    const doc = `# Title\n\nintro\n\n${START}\nold table\n${END}\n\nafter\n`;
    expect(replaceIndex(doc, 'NEW')).toBe(`# Title\n\nintro\n\n${START}\nNEW\n${END}\n\nafter\n`);
    expect(() => replaceIndex('# no markers\n', 'NEW')).toThrow(/markers/);
  });

  test('description cells cannot break the table', () => {
    const r = fakeRule('x', 'warn');
    const table = renderRulesIndex([{ meta: { ...r.meta, docs: { ...r.meta.docs, description: { 'zh-CN': 'a | b\nc', en: '' } } } }]);
    expect(table.split('\n')[2]).toBe('| [x](x.md) | warn | a \\| b c | 否 | 否 |');
  });
});
