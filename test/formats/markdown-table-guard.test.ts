import { describe, expect, test } from '@jest/globals';
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { markdownTree } from '../../src/formats/markdown.js';

/**
 * markdownTree lets the GFM table construct fail early on lines that cannot start a table (no
 * table row before, no `-` on the next line). The tree must be the one the unguarded extension
 * gives, on every input.
 */
function unguardedTables(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}
const unguarded = unified().use(remarkParse).use(unguardedTables);

/** A deterministic generator (tests must not depend on Math.random's sequence). */
function random(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
}

// Pieces of tables, containers and line endings (LF, CR, CRLF), where a guard's mistake would show.
const ATOMS = ['|', ' | ', '-', '--', ':', ':-', '-:', '\n', '\r\n', '\r', '\t', '  ', '> ', '- ', '1. ', 'a', '统计', '`', '\\', '*', '#', '\n\n'];
const ROWS = ['|---|---|', '| a | b |', '| :-- | --: |', 'a | b', '--|--', '    ', '---', '> | x |', '- | y |'];

describe('the table guard: same tree as the GFM table extension alone', () => {
  test('tables in reports, lists, quotes, with every line ending', () => {
    const inputs = [
      '| 信息内容 | 本年新制作数量 |\n| --- | --- |\n| 规章 | 0 |\n',
      '统计期限自2024年1月1日起\n| a | b |\n| - | - |\n正文',
      'a | b\r\n--|--\r\nc | d\r\n',
      'a | b\r--|--\rc | d',
      '> | a | b |\n> | --- | --- |\n> | 1 | 2 |\n',
      '- | a |\n  | - |\n  | 1 |\n',
      '| a |\n\n| - |\n',
      '| a | b |\n| -- |\n',
      'text\n2024-01-01\n| a |\n|:-:|\n',
    ];
    for (const text of inputs) expect(markdownTree(text)).toEqual(unguarded.parse(text));
  });

  test('random inputs', () => {
    const rand = random(11);
    const differ: string[] = [];
    for (let k = 0; k < 4000; k++) {
      let text = '';
      const n = 1 + rand(30);
      for (let i = 0; i < n; i++) text += rand(4) === 0 ? ROWS[rand(ROWS.length)] : ATOMS[rand(ATOMS.length)];
      if (JSON.stringify(markdownTree(text)) !== JSON.stringify(unguarded.parse(text))) differ.push(text);
    }
    expect(differ).toEqual([]);
  });
});
