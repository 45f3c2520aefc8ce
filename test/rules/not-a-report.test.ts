/**
 * not-a-report through the API as a user runs it: a file that is no annual report gets one warning
 * when named, nothing when found by expanding a directory or glob (unless reportExpanded), and in
 * either case none of the page of errors the other rules would give it.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lintFiles } from '../../src/api.js';
import { lintFilesBatch } from '../../src/batch/index.js';
import { parseCase } from '../support/case-markers.js';

// The case file, without its expectation markers, in a folder of its own (found by expansion too).
const dir = mkdtempSync(path.join(os.tmpdir(), 'gia-not-a-report-'));
const memo = path.join(dir, 'meeting-memo.txt');
writeFileSync(memo, parseCase(readFileSync(new URL('../cases/not-a-report/meeting-memo.txt', import.meta.url), 'utf8')).text);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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
