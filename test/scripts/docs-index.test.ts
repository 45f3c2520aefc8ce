import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  CONFIG_END,
  CONFIG_START,
  END,
  START,
  generatedFiles,
  renderConfigRules,
  renderReadmeTable,
  renderRulesIndex,
  replaceBetween,
  replaceIndex,
} from '../../scripts/gen-docs-index.mjs';
import type { Rule } from '../../src/engine/types.js';
import { builtinRules } from '../../src/rules/index.js';
import { fakeRule } from '../config/fake-rules.js';

const README = fileURLToPath(new URL('../../docs/rules/README.md', import.meta.url));
const ROOT = new URL('../../', import.meta.url);
const read = (file: string): string => readFileSync(new URL(file, ROOT), 'utf8');
const SCRIPT = fileURLToPath(new URL('../../scripts/gen-docs-index.mjs', import.meta.url));

test.each(['docs/rules/README.md', 'README.md', '.gianrc.example'])(
  '%s holds exactly the list of rules generated from their meta (run `npm run docs:index`)',
  (file) => {
    const generated = generatedFiles(builtinRules.values(), read).find((g) => g.file === file);
    expect(generated?.text).toBe(read(file));
  },
);

test('every built-in rule has its README summary (so the Rules table never falls back to the short description)', () => {
  expect([...builtinRules.values()].filter((r) => !r.meta.docs.summary).map((r) => r.meta.id)).toEqual([]);
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

  test('every list is out of date when a rule is added: each generated file differs and names the new rule', () => {
    const added: Rule = {
      ...fakeRule('new-rule', 'warn'),
      meta: { ...fakeRule('new-rule', 'warn').meta, docs: { ...fakeRule('new-rule', 'warn').meta.docs, summary: 'new things', configComment: ['新规则。'] } },
    };
    const now = generatedFiles(builtinRules.values(), read);
    const more = generatedFiles([...builtinRules.values(), added], read);
    expect(more.map((g) => g.file)).toEqual(['docs/rules/README.md', 'README.md', '.gianrc.example']);
    more.forEach((g, i) => {
      expect(g.text).not.toBe(now[i]?.text);
    });
    expect(more[1]?.text).toContain('| [new-rule](docs/rules/new-rule.md) | warn | new things |');
    expect(more[2]?.text).toContain('    // 新规则。\n    "new-rule": "warn"\n    // rules-config:end');
  });

  test("README rows: link, default severity, summary; a rule without a summary (a plugin's) shows its English description", () => {
    const summarised: Rule = {
      ...fakeRule('b-rule', 'warn'),
      meta: { ...fakeRule('b-rule', 'warn').meta, docs: { ...fakeRule('b-rule', 'warn').meta.docs, summary: 'x | y' } },
    };
    expect(renderReadmeTable([fakeRule('a-rule', 'error'), summarised]).split('\n')).toEqual([
      '| Rule | Default | Checks |',
      '|---|---|---|',
      '| [a-rule](docs/rules/a-rule.md) | error | a-rule |',
      '| [b-rule](docs/rules/b-rule.md) | warn | x \\| y |',
    ]);
  });

  test('config entries: comment lines, default severity, default options; no comma after the last; a rule without a comment gets none', () => {
    const base = fakeRule('opts', 'error');
    const withOptions: Rule = {
      ...base,
      meta: {
        ...base.meta,
        defaultOptions: { allow: ['a', 'b'], max: 60, on: false, empty: [] },
        docs: { ...base.meta.docs, configComment: ['第一行。', 'second line'] },
      },
    };
    expect(renderConfigRules([withOptions, fakeRule('plain', 'warn'), { meta: { ...base.meta, id: 'no-options', defaultOptions: {} } }]).split('\n')).toEqual([
      '    // 第一行。',
      '    // second line',
      '    "opts": ["error", { "allow": ["a", "b"], "max": 60, "on": false, "empty": [] }],',
      '    "plain": "warn",',
      '    "no-options": "error"',
    ]);
  });

  test('the config block is replaced between its marker lines, the marker lines kept whole', () => {
    const text = `{\n  "rules": {\n    ${CONFIG_START}\n    "old": "warn"\n    ${CONFIG_END}\n  }\n}\n`;
    expect(replaceBetween(text, CONFIG_START, CONFIG_END, '    "new": "error"')).toBe(
      `{\n  "rules": {\n    ${CONFIG_START}\n    "new": "error"\n    ${CONFIG_END}\n  }\n}\n`,
    );
    expect(() => replaceBetween('{}', CONFIG_START, CONFIG_END, '', '.gianrc.example')).toThrow(/\.gianrc\.example needs the markers/);
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
