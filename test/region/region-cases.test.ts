/**
 * The cases of the region rules (`meta.scope: 'region'`): each is a folder test/cases/<rule-id>/<name>/
 * holding a region (report files and its .gianrc with `aggregate`) and expected.json, the messages
 * of that rule (file, line, column, messageId, message fragments). The folder is linted as a batch
 * and the region stage run over it, as the CLI does; adding a case needs no code.
 */
import { describe, expect, test } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { lintFilesBatch } from '../../src/batch/index.js';
import { resolveConfigForFile } from '../../src/config/load.js';
import { runRegion } from '../../src/region/index.js';
import { builtinRules } from '../../src/rules/index.js';

interface RegionCase {
  description: string;
  messages: { file: string; line: number; column: number; messageId: string; includes?: string[] }[];
}

const root = new URL('../cases/', import.meta.url).pathname;
const regionRules = [...builtinRules.values()].filter((r) => r.meta.scope === 'region').map((r) => r.meta.id);

test('every region rule has case folders, valid and invalid ones', () => {
  expect(regionRules.length).toBeGreaterThan(0);
  for (const id of regionRules) {
    const dir = path.join(root, id);
    const cases = existsSync(dir) ? readdirSync(dir).filter((d) => statSync(path.join(dir, d)).isDirectory()) : [];
    const specs = cases.map((c) => JSON.parse(readFileSync(path.join(dir, c, 'expected.json'), 'utf8')) as RegionCase);
    expect({ id, valid: specs.some((s) => s.messages.length === 0), invalid: specs.some((s) => s.messages.length > 0) }).toEqual({
      id,
      valid: true,
      invalid: true,
    });
  }
});

for (const id of regionRules) {
  describe(id, () => {
    const dir = path.join(root, id);
    for (const name of existsSync(dir) ? readdirSync(dir).sort() : []) {
      const caseDir = path.join(dir, name);
      if (!statSync(caseDir).isDirectory()) continue;
      const spec = JSON.parse(readFileSync(path.join(caseDir, 'expected.json'), 'utf8')) as RegionCase;
      test(`${name}: ${spec.description}`, async () => {
        const { results } = await lintFilesBatch([caseDir], { cwd: caseDir, concurrency: 1, region: true, ignore: false });
        const config = await resolveConfigForFile(path.join(caseDir, '.probe'), { cwd: caseDir });
        const { results: out } = await runRegion(results, config, builtinRules);
        const actual = out.flatMap((r) => r.messages.filter((m) => m.ruleId === id).map((m, i) => ({ m, file: path.relative(caseDir, r.filePath), i })));
        const wanted = spec.messages;
        expect(
          actual.map(({ m, file }, i) => {
            const got: Record<string, unknown> = { file, line: m.line, column: m.column, messageId: m.messageId };
            if (wanted[i]?.includes) got.includes = wanted[i].includes.filter((s) => m.message.includes(s));
            return got;
          }),
        ).toEqual(wanted);
      });
    }
  });
}
