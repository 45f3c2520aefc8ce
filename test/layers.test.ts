/**
 * The source is layered, and an import only goes down (or stays level): a lower layer that
 * imports a higher one is a back-import, and this test names it. The layers, lowest first:
 *
 *   0  io, templates, i18n        bytes on disk, the official formats as data, locales and texts
 *   1  model, formats             Document and Report, the format processors (they share types)
 *   2  engine                     pure linting: rules run over the Report, directives, fixes
 *   3  rules
 *   4  config                     .gianrc, presets (which name rules), plugins
 *   5  shells                     api, batch, cli, lsp, serve, reporters, region's aggregation
 *
 * src/region spans layers: its per-report facts are read from the model (layer 1: facts,
 * pairing), its types and coverage are what the engine hands to the region rules (layer 2), and
 * the aggregation over a whole region's results is a shell (layer 5: index).
 */
import { expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const LAYERS: [prefix: string, layer: number][] = [
  ['io/', 0],
  ['templates/', 0],
  ['i18n/', 0],
  ['model/', 1],
  ['formats/', 1],
  ['region/facts.ts', 1],
  ['region/pairing.ts', 1],
  ['engine/', 2],
  ['region/types.ts', 2],
  ['region/coverage.ts', 2],
  ['rules/', 3],
  ['config/', 4],
];
const SHELL = 5;

function layerOf(file: string): number {
  return LAYERS.find(([prefix]) => file.startsWith(prefix))?.[1] ?? SHELL;
}

/** Relative module specifiers of static imports, re-exports and dynamic imports. */
const SPECIFIER = /(?:\bfrom\s+|\bimport\s*\(\s*|^import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm;

test('no module imports from a higher layer', () => {
  const root = path.resolve('src');
  const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => f.split(path.sep).join('/'));
  expect(files.length).toBeGreaterThan(100);
  const backImports: string[] = [];
  for (const file of files) {
    const text = readFileSync(path.join(root, file), 'utf8');
    for (const [, spec] of text.matchAll(SPECIFIER)) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)).replace(/\.js$/, '.ts');
      if (layerOf(target) > layerOf(file)) backImports.push(`${file} (layer ${layerOf(file)}) imports ${target} (layer ${layerOf(target)})`);
    }
  }
  expect(backImports).toEqual([]);
});

test("issue 11's back-imports (formats → engine, engine → config, i18n → engine) would each be one", () => {
  expect(layerOf('formats/text.ts')).toBeLessThan(layerOf('engine/directives.ts'));
  expect(layerOf('engine/directives.ts')).toBeLessThan(layerOf('config/messages.ts'));
  expect(layerOf('i18n/format.ts')).toBeLessThan(layerOf('engine/types.ts'));
});

test('templates and the model name no rule id (a rule id is an upward reference by name)', async () => {
  const { builtinRules } = await import('../src/rules/index.js');
  const ids = [...builtinRules.keys()];
  const named: string[] = [];
  for (const dir of ['templates', 'model']) {
    const root = path.resolve('src', dir);
    for (const f of readdirSync(root, { recursive: true }) as string[]) {
      if (!f.endsWith('.ts')) continue;
      const text = readFileSync(path.join(root, f), 'utf8');
      for (const id of ids) if (text.includes(`'${id}'`) || text.includes(`"${id}"`)) named.push(`src/${dir}/${f}: ${id}`);
    }
  }
  expect(named).toEqual([]);
});
