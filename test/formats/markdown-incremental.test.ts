/** Markdown read again after an edit (src/formats/markdown-incremental.ts): what is read again, and that it equals the whole parse. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { IncrementalMarkdown } from '../../src/formats/markdown-incremental.js';
import { parseMarkdown } from '../../src/formats/markdown.js';
import { serializeDocument as serialize } from '../support/documents.js';

const draft = readFileSync(path.resolve(import.meta.dirname, '../../examples/draft-2024.md'), 'utf8');

/** Parses `versions` one after another; each must equal the whole parse. Returns how each was read. */
function readVersions(versions: string[]): string[] {
  const incremental = new IncrementalMarkdown();
  return versions.map((text) => {
    expect(serialize(incremental.parse(text))).toBe(serialize(parseMarkdown(text)));
    const mode = incremental.lastMode;
    return mode.kind === 'full' ? 'full' : text.slice(mode.start, mode.end);
  });
}

const insert = (text: string, after: string, piece: string) => {
  const at = text.indexOf(after) + after.length;
  return text.slice(0, at) + piece + text.slice(at);
};

describe('incremental Markdown', () => {
  test('typing into a paragraph reads that paragraph again, and the blank line after it', () => {
    const typed = insert(draft, '我局严格落实', '进一步');
    const [first, second] = readVersions([draft, typed]);
    expect(first).toBe('full');
    const at = typed.indexOf('我局严格落实');
    expect(second).toBe(`${typed.slice(at, typed.indexOf('\n', at))}\n\n`);
  });

  test('typing into a table row, a heading and the last line, with CRLF line ends', () => {
    const crlf = draft.replaceAll('\n', '\r\n');
    const row = insert(crlf, '| 行政许可 |', ' ');
    const heading = insert(row, '## 二、', '　');
    const end = `${heading}补`;
    const modes = readVersions([crlf, row, heading, end]);
    expect(modes.slice(1).every((m) => m !== 'full')).toBe(true);
    expect(modes[1]).toMatch(/^\| 第二十条/);
  });

  test('an edit that changes the structure after the piece (a list swallowing the next paragraph, an open fence) is still read right', () => {
    const base = '# 报告\n\n一、总体情况\n\n正文。\n\n二、主动公开\n';
    const listItem = base.replace('一、总体情况', '- 一、总体情况');
    const lazy = listItem.replace('\n\n正文', '\n\n  正文');
    const fence = base.replace('正文。', '```\n正文。');
    expect(readVersions([base, listItem, lazy])).toHaveLength(3);
    expect(readVersions([base, fence, base])).toHaveLength(3);
  });

  test('a byte order mark typed at the start of the text or of a line (micromark drops one at the start of its input)', () => {
    const base = '# 报告\n\n一、总体情况\n\n正文。\n';
    const atStart = `\ufeff${base}`;
    const atLine = base.replace('正文', '\ufeff正文');
    expect(readVersions([base, atStart, base, atLine, base])).toHaveLength(5);
  });

  test('a text that starts with a byte order mark is still read again only around an edit (markdownTree counts the mark back in)', () => {
    const marked = `\ufeff${draft}`;
    const typed = insert(marked, '我局严格落实', '进一步');
    const [first, second] = readVersions([marked, typed]);
    expect(first).toBe('full');
    expect(second.startsWith('我局严格落实进一步')).toBe(true);
  });

  test('a link reference definition anywhere makes every version a whole parse', () => {
    const text = '# 报告\n\n见[条例]。\n\n[条例]: http://example.gov.cn\n';
    expect(readVersions([text, text.replace('见', '详见')])).toEqual(['full', 'full']);
  });
});
