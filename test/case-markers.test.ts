/**
 * The expectation markers of test/cases (test/support/case-markers.ts): their grammar, and the
 * check behind the proof that they do not change what the linter sees (positionsLost: the text
 * linted keeps every line and every column of the case file and holds no marker), which
 * test/cases.test.ts applies to every case file before linting it.
 */
import { describe, expect, test } from '@jest/globals';
import { parseCase, parseMarker, splitLine, formatMarker, positionsLost } from './support/case-markers.js';

describe('marker grammar', () => {
  test('rule id, messageId, line offset and attributes', () => {
    expect(parseMarker('table-sum', 5, 'x')).toEqual({ ruleId: 'table-sum', line: 5, suggestions: [], related: [], includes: [] });
    expect(parseMarker('table-sum:rowTotal:+1', 5, 'x')).toMatchObject({ messageId: 'rowTotal', line: 6 });
    expect(parseMarker('table-sum:+2', 5, 'x')).toMatchObject({ line: 7 });
    expect(parseMarker('report-year:previousYear:-1 @3 end=+1:7 warn', 5, 'x')).toMatchObject({ line: 4, column: 3, endLine: 5, endColumn: 7, severity: 1 });
    expect(parseMarker('a:b end=9 error', 5, 'x')).toMatchObject({ endLine: 5, endColumn: 9, severity: 2 });
    expect(parseMarker('a:b fix="（一）予以公开" suggest:setTotal="3" suggest:other="x y" "应为 3" "a } b"', 1, 'x')).toMatchObject({
      fix: '（一）予以公开',
      suggestions: [
        { messageId: 'setTotal', text: '3' },
        { messageId: 'other', text: 'x y' },
      ],
      includes: ['应为 3', 'a } b'],
    });
  });

  test('mistakes are errors, not silently different expectations', () => {
    expect(() => parseMarker('Table_Sum', 1, 'x')).toThrow(/rule-id/);
    expect(() => parseMarker('a:b colour=red', 1, 'x')).toThrow(/unknown marker attribute/);
    expect(() => parseMarker('a:b "open', 1, 'x')).toThrow(/unterminated/);
    expect(() => parseCase('x <!-- {a:b} junk -->\n')).toThrow(/outside/);
    expect(() => parseCase('x\ny <!-- case {"description":"d"} -->\n')).toThrow(/line 1/);
    // A marker that is not at the end of its line would reach the linter: refused.
    expect(() => parseCase('x <!-- {a:b} --> tail\n')).toThrow(/end of its line/);
    expect(() => parseCase('x<!-- {a:b} -->\n')).toThrow(/end of its line/);
  });

  test('related locations, relative to the finding', () => {
    expect(parseMarker('organ-mismatch:mismatch @1 related=-102:1 related=7', 110, 'x').related).toEqual([
      { line: 8, column: 1 },
      { line: 110, column: 7 },
    ]);
  });

  test('formatMarker writes what parseMarker reads', () => {
    const f = parseMarker('copied-report:copied:+1 @4 end=+2:9 warn fix="<a> -->" suggest:s="t" related=-3:2 related=5 "含 空格"', 3, 'x');
    const written = formatMarker(f, 3);
    expect(written).not.toMatch(/<|>/);
    expect(parseMarker(written.slice(1, -1), 3, 'x')).toEqual(f);
  });

  test('several comments and markers on a line; other HTML comments are content', () => {
    const raw = '标题 <!-- case {"description":"d"} --> <!-- {a:b @1} {a:c @3} -->\n正文 <!-- 作者注 -->\n\n<!-- {a:d:-1} -->';
    const c = parseCase(raw);
    expect(c.text).toBe('标题\n正文 <!-- 作者注 -->\n\n');
    expect(c.settings).toEqual({ description: 'd' });
    expect(c.expected.map((f) => [f.line, f.messageId])).toEqual([
      [1, 'b'],
      [1, 'c'],
      [3, 'd'],
    ]);
    expect(splitLine('a | 1 | <!-- {x:y} -->')).toEqual(['a | 1 |', ['{x:y}']]);
  });

  test('CRLF lines keep their carriage return', () => {
    expect(parseCase('a <!-- {x:y} -->\r\nb\r\n').text).toBe('a\r\nb\r\n');
  });
});

test('positionsLost finds every way a text could differ from its file', () => {
  const raw = '标题 <!-- {a:b} -->\n第二行\n';
  expect(positionsLost(raw, parseCase(raw).text)).toEqual([]);
  expect(positionsLost(raw, '标题\n第二行')).toEqual(['3 lines in the file, 2 linted']);
  expect(positionsLost(raw, '标\n第二行\n')).toEqual(['line 1: "标"']);
  expect(positionsLost(raw, '标题 <!-- {a:b} -->\n第二行\n')).toEqual(['line 1: "标题 <!-- {a:b} -->"']);
  expect(positionsLost(raw, '标题\n第二\n')).toEqual(['line 2: "第二"']);
});
