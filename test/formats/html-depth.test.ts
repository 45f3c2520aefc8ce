/**
 * Deeply nested HTML is refused before a parser sees it (parse5 is quadratic in the depth): one
 * fatal message, in an HTML page, in a raw HTML block of Markdown and for a file read through the
 * API (the CLI's exit code 2 for a fatal message is test/cli/cli.test.ts's).
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import path from 'node:path';
import { lintFiles } from '../../src/api.js';
import { verify } from '../../src/engine/linter.js';
import { MAX_HTML_DEPTH, htmlDepth } from '../../src/formats/html-limits.js';
import { builtinRules } from '../../src/rules/index.js';
import { configFor } from '../engine/helpers.js';
import { removeTempTrees, tempTree } from '../config/tmp.js';

const config = configFor(builtinRules);
const nested = (n: number, tag = 'div') => `${`<${tag}>`.repeat(n)}x${`</${tag}>`.repeat(n)}`;

afterAll(removeTempTrees);

describe('htmlDepth', () => {
  test('counts element nesting; void elements, implied end tags and self-closing tags do not nest', () => {
    expect(htmlDepth(nested(3))).toBe(3);
    expect(htmlDepth('<p>a<p>b<p>c<br><img src=x><span/>')).toBe(0);
    expect(htmlDepth('<table><tr><td><table><tr><td>x</td></tr></table></td></tr></table>')).toBe(2);
    expect(htmlDepth('<div><div></div><div></div></div>')).toBe(2);
  });
});

describe('the limit', () => {
  test('an HTML page nested beyond the limit is one fatal message', () => {
    const text = `<html><body>${nested(MAX_HTML_DEPTH + 1)}</body></html>`;
    const out = verify(text, { filePath: 'p.html', config, rules: builtinRules });
    expect(out.messages).toEqual([
      { ruleId: null, fatal: true, severity: 2, message: `页面结构嵌套过深（超过 ${MAX_HTML_DEPTH} 层），不予检查`, line: 1, column: 1 },
    ]);
  });

  test('at the limit it is linted as usual', () => {
    const out = verify(`<html><body>${nested(MAX_HTML_DEPTH - 2)}</body></html>`, { filePath: 'p.html', config, rules: builtinRules });
    expect(out.messages.some((m) => m.fatal)).toBe(false);
  });

  test('a raw HTML block in Markdown too', () => {
    const out = verify(`# 报告\n\n<table><tr><td>${nested(MAX_HTML_DEPTH + 10, 'span')}</td></tr></table>\n`, {
      filePath: 'r.md',
      config,
      rules: builtinRules,
    });
    expect(out.messages.filter((m) => m.fatal).map((m) => m.message)).toEqual([`页面结构嵌套过深（超过 ${MAX_HTML_DEPTH} 层），不予检查`]);
  });

  test('a file of 50,000 nested divs finishes with the fatal message, in English with locale en', async () => {
    const dir = tempTree({ 'deep.html': `<html><body>${nested(50_000)}</body></html>` });
    const [r] = await lintFiles([path.join(dir, 'deep.html')], { cwd: dir, useConfigFile: false, overrideConfig: { locale: 'en' } });
    expect(r.messages.map((m) => [m.fatal, m.message])).toEqual([
      [true, `The page nests elements too deeply (more than ${MAX_HTML_DEPTH} levels); it is not linted`],
    ]);
  });
});
