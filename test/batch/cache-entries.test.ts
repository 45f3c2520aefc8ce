/** A cache file that is valid JSON but holds a malformed entry: the entry is dropped, the rest kept. */
import { afterAll, expect, test } from '@jest/globals';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeResult } from '../../src/api.js';
import { LintCache, isCacheEntry } from '../../src/batch/cache.js';
import { removeTempTrees, tempTree } from '../config/tmp.js';

afterAll(removeTempTrees);

const good = { content: 'a', config: 'b', result: makeResult('/x/good.md', [{ ruleId: 'placeholder', severity: 2, message: 'm', line: 1, column: 1 }]) };

test('malformed entries are dropped one by one', async () => {
  const file = path.join(tempTree(), 'cache.json');
  const bad: Record<string, unknown> = {
    '/x/1.md': { ...good, result: { ...good.result, messages: [{}] } },
    '/x/2.md': { ...good, result: { ...good.result, messages: [null] } },
    '/x/3.md': { ...good, result: { ...good.result, errorCount: 'many' } },
    '/x/4.md': { ...good, result: { ...good.result, filePath: 7 } },
    '/x/5.md': { ...good, result: { ...good.result, suppressedMessages: [{ ...good.result.messages[0] }] } },
    '/x/6.md': 'not an entry',
  };
  writeFileSync(file, JSON.stringify({ gianLintCache: 1, build: 'B', entries: { '/x/good.md': good, ...bad } }));
  const cache = await LintCache.load(file, 'B');
  expect(cache.get('/x/good.md')).toEqual(good);
  for (const k of Object.keys(bad)) expect([k, cache.get(k)]).toEqual([k, undefined]);
  expect(isCacheEntry(good)).toBe(true);
});

test('a run that set no entry leaves the cache file as it is; one that set an entry writes it', async () => {
  const file = path.join(tempTree(), 'cache.json');
  const written = JSON.stringify({ gianLintCache: 1, build: 'B', entries: { '/x/good.md': good } });
  writeFileSync(file, written);
  const before = statSync(file).mtimeMs;
  const cache = await LintCache.load(file, 'B');
  await cache.save();
  expect([readFileSync(file, 'utf8'), statSync(file).mtimeMs]).toEqual([written, before]);
  cache.set('/x/other.md', { ...good, result: makeResult('/x/other.md', []) });
  await cache.save();
  expect(Object.keys((JSON.parse(readFileSync(file, 'utf8')) as { entries: object }).entries)).toEqual(['/x/good.md', '/x/other.md']);
});
