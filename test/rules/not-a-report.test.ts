/**
 * not-a-report through the API as a user runs it: a file that is no annual report gets one warning
 * when named, nothing when found by expanding a directory or glob (unless reportExpanded), and in
 * either case none of the page of errors the other rules would give it.
 */
import { describe, expect, test } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { lintFiles } from '../../src/api.js';
import { lintFilesBatch } from '../../src/batch/index.js';

const dir = fileURLToPath(new URL('../cases/not-a-report/', import.meta.url));
const memo = path.join(dir, 'meeting-memo.txt');

describe('not-a-report and how the file was found', () => {
  test('named: one warning, nothing else', async () => {
    const [r] = await lintFiles([memo], { cwd: dir });
    expect(r.messages.map((m) => [m.ruleId, m.severity])).toEqual([['not-a-report', 1]]);
  });
  test('found in a directory or by a glob: silent', async () => {
    for (const pattern of [dir, path.join(dir, '*.txt')]) {
      const results = await lintFiles([pattern], { cwd: dir });
      const r = results.find((x) => x.filePath === memo)!;
      expect(r.messages).toEqual([]);
    }
    const { results } = await lintFilesBatch([dir], { cwd: dir, concurrency: 1 });
    expect(results.find((x) => x.filePath === memo)!.messages).toEqual([]);
  });
  test('reportExpanded: reported when found by expansion too', async () => {
    const results = await lintFiles([dir], { cwd: dir, overrideConfig: { rules: { 'not-a-report': ['warn', { reportExpanded: true }] } } });
    expect(results.find((x) => x.filePath === memo)!.messages.map((m) => m.messageId)).toEqual(['notAReport']);
  });
});
