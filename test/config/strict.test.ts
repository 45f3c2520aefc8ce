/**
 * `strict` makes every finding an error: the preset sets every rule to "error" and
 * `ruleSeverity: "exact"`, so the findings a rule reports as its lesser case (`severity: 'warn'`
 * in the descriptor) are errors too. Without `exact` they stay warnings (the default, "ceiling").
 * The engine's side: test/engine/finding-severity.test.ts.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintText } from '../../src/api.js';
import { ConfigError } from '../../src/config/errors.js';
import { resolveConfigForFile } from '../../src/config/load.js';
import { builtinRules } from '../../src/rules/index.js';
import { removeTempTrees, tempTree } from './tmp.js';
import { parseCase } from '../support/case-markers.js';

afterAll(removeTempTrees);

const here = path.dirname(fileURLToPath(import.meta.url));

const resolve = (config: object) => resolveConfigForFile(path.join(tempTree({ '.gianrc': config }), 'r.md'), { rules: builtinRules });

describe('ruleSeverity in the config', () => {
  test('strict sets "exact"; recommended and the built-in default leave it "ceiling"', async () => {
    expect((await resolve({ extends: 'gia-lint:strict' })).ruleSeverity).toBe('exact');
    expect((await resolve({ extends: 'strict' })).ruleSeverity).toBe('exact');
    expect((await resolve({ extends: 'recommended' })).ruleSeverity).toBe('ceiling');
    expect((await resolve({})).ruleSeverity).toBeUndefined();
  });

  test('later layers win: recommended after strict, or the file’s own key', async () => {
    expect((await resolve({ extends: ['strict', 'recommended'] })).ruleSeverity).toBe('ceiling');
    expect((await resolve({ extends: 'strict', ruleSeverity: 'ceiling' })).ruleSeverity).toBe('ceiling');
    expect((await resolve({ ruleSeverity: 'exact' })).ruleSeverity).toBe('exact');
  });

  test('an override entry may set it for some files only', async () => {
    const root = tempTree({ '.gianrc': { overrides: [{ files: 'final/**', ruleSeverity: 'exact' }] } });
    expect((await resolveConfigForFile(path.join(root, 'final/r.md'))).ruleSeverity).toBe('exact');
    expect((await resolveConfigForFile(path.join(root, 'draft/r.md'))).ruleSeverity).toBeUndefined();
  });

  test('a wrong value is refused, naming the key', async () => {
    const error = await resolve({ ruleSeverity: 'error' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).keyPath).toBe('ruleSeverity');
  });
});

describe('strict on real reports leaves no warning', () => {
  // The seeds and the cases of the rules that report a lesser case.
  const casesRoot = path.join(here, '../cases');
  const lesserCaseRules = ['cell-value', 'publication-date', 'text-table-mismatch', 'statistics-period', 'required-tables', 'carryover'];
  const seeds = path.join(here, '../seeds');
  const files = [
    ...readdirSync(seeds)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => path.join(seeds, name)),
    ...lesserCaseRules.flatMap((id) =>
      readdirSync(path.join(casesRoot, id), { withFileTypes: true })
        .filter((d) => d.isFile() && /\.(?:md|txt)$/.test(d.name))
        .map((d) => path.join(casesRoot, id, d.name)),
    ),
  ];
  // A case file is linted without its expectation markers (test/support/case-markers.ts).
  const texts = files.map((file) => ({ file, text: parseCase(readFileSync(file, 'utf8'), file).text }));
  const ruleWarnings = async (overrideConfig: object) =>
    (await Promise.all(texts.map(({ file, text }) => lintText(text, { filePath: file, useConfigFile: false, overrideConfig })))).flatMap((r) =>
      r.messages.filter((m) => m.ruleId !== null && m.severity === 1).map((m) => `${path.basename(r.filePath)} ${m.ruleId}`),
    );

  test('every rule at "error" alone still leaves lesser-case warnings (what strict must remove)', async () => {
    const allErrors = Object.fromEntries([...builtinRules.keys()].map((id) => [id, 'error']));
    expect((await ruleWarnings({ rules: allErrors })).length).toBeGreaterThan(0);
  });

  test('with extends: strict, no rule reports a warning', async () => {
    expect(await ruleWarnings({ extends: 'gia-lint:strict' })).toEqual([]);
  });
});
