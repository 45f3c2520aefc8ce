import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintText } from '../../src/index.js';
import { parseDocument } from '../../src/formats/index.js';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '../..');
const draft = readFileSync(path.join(ROOT, 'examples/draft-2024.md'), 'utf8');

/**
 * Markdown handed over with a byte order mark in front (the API, an editor buffer; the CLI's
 * decoder strips it from files): micromark drops the mark and counts from after it, so without
 * care every position was one character early and a fix replaced the wrong characters.
 */
describe('Markdown text that starts with U+FEFF', () => {
  test('every block and cell keeps its place: one character after where it is without the mark', () => {
    const plain = parseDocument(draft, 'markdown');
    const marked = parseDocument(`\uFEFF${draft}`, 'markdown');
    const spans = (doc: typeof plain) => doc.blocks.flatMap((b) => [b.span, ...(b.kind === 'table' ? b.rows.flatMap((r) => r.cells.map((c) => c.span)) : [])]);
    expect(spans(marked)).toEqual(spans(plain).map((s) => ({ start: s.start + 1, end: s.end + 1 })));
  });

  test('findings point at the same lines and columns, and fixes at the same characters', async () => {
    const plain = await lintText(draft, { filePath: 'draft.md' });
    const marked = await lintText(`\uFEFF${draft}`, { filePath: 'draft.md' });
    expect(plain.messages.length).toBeGreaterThan(0);
    expect(plain.messages.some((m) => m.fix)).toBe(true);
    const place = (m: (typeof plain.messages)[number], by: number) => [
      m.ruleId,
      m.messageId,
      m.line,
      m.column,
      m.endLine,
      m.endColumn,
      m.fix && [m.fix.range[0] + by, m.fix.range[1] + by, m.fix.text],
    ];
    // No finding sits on line 1 of the draft, where the mark itself takes a column.
    expect(plain.messages.every((m) => m.line > 1)).toBe(true);
    expect(marked.messages.map((m) => place(m, 0))).toEqual(plain.messages.map((m) => place(m, 1)));
  });
});
