/**
 * Terminal escapes in report text or file names are shown, not executed: every terminal reporter
 * neutralises C0/C1 controls and bidi overrides; the XML reporters stay well-formed.
 */
import { describe, expect, test } from '@jest/globals';
import { XMLValidator } from 'fast-xml-parser';
import { makeResult } from '../../src/api.js';
import { formatResults } from '../../src/reporters/index.js';
import { terminalSafe } from '../../src/reporters/util.js';

const HOSTILE_TEXT = '「\u001b]0;pwned\u0007\u001b[2J\u001b[31m统计\u202e期限\u0000」';
const results = [
  makeResult('/work/r\u001b[1m\u0007.md', [{ ruleId: 'placeholder', severity: 2, message: `占位符 ${HOSTILE_TEXT}\u009b`, line: 1, column: 1 }]),
];
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('terminal reporters', () => {
  for (const format of ['stylish', 'compact', 'unix', 'github']) {
    test(`${format}: no control character or bidi override reaches the terminal`, () => {
      const out = formatResults(format, results, { cwd: '/work', locale: 'zh-CN', color: false });
      expect(out).not.toMatch(CONTROLS);
      expect(out).toContain('\\x1B');
      expect(out).toContain('\\u202E');
    });
  }

  test('terminalSafe shows each control as an escape and keeps other text', () => {
    expect(terminalSafe('a\u001b[31mb\u0007\tc\n统计\u202e')).toBe('a\\x1B[31mb\\x07\tc\\x0A统计\\u202E');
  });
});

describe('XML reporters', () => {
  for (const format of ['checkstyle', 'junit']) {
    test(`${format}: well-formed XML without the characters XML 1.0 forbids`, () => {
      const out = formatResults(format, results, { cwd: '/work', locale: 'zh-CN', color: false });
      expect(XMLValidator.validate(out)).toBe(true);
      expect(out).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    });
  }
});
