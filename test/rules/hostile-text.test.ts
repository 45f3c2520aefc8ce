/**
 * The text rules on hostile input: lines of about 1 MB built from the runs that would make an
 * unanchored or recursive pattern quadratic (or overflow the stack) are linted without an
 * exception. Moved out of text-rules.test.ts, which stays in the fast loop.
 *
 * @unit-loop skip: four rules over ~1 MB hostile lines (`npm test` runs it).
 */
import { describe, expect, test } from '@jest/globals';
import { lintWith } from '../support/lint.js';

const lint = (text: string, filePath: string, ruleId: string) => lintWith(text, filePath, { rules: [ruleId], severity: 1 });

describe('hostile input', () => {
  // Long runs that would make unanchored or recursive patterns quadratic (or overflow the stack).
  const lines = [
    '大 中 小'.repeat(30000),
    'XX'.repeat(100000),
    '某'.repeat(50000),
    '<a'.repeat(50000),
    ']('.repeat(50000),
    '<!--'.repeat(20000),
    '当前位置'.repeat(20000) + '('.repeat(50000),
    '2015年，我办已'.repeat(20000),
  ];
  for (const id of ['placeholder', 'web-artifacts', 'publication-date', 'report-year']) {
    // No timed assertion (it failed on a loaded machine): a quadratic pattern on these ~1 MB lines
    // would take hours, which the test's timeout catches; speed itself is `npm run bench`'s.
    test(`${id} neither throws nor hangs`, () => {
      expect(() => lint(lines.join('\n'), 'hostile.txt', id)).not.toThrow();
    }, 60000);
  }
});
