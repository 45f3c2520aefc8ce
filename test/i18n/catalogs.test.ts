/**
 * The message catalogs (docs/i18n.md): every text in both locales with the same placeholders,
 * every catalog key used, and no locale ternary (`locale === 'en' ? … : …`) left in src/ — a new
 * text goes into a catalog, grammar that differs by language into src/i18n/locales.ts.
 */
import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LocalizedText } from '../../src/engine/types.js';
import { catalogs } from '../../src/i18n/format.js';
import { LOCALES } from '../../src/i18n/locales.js';
import { builtinRules } from '../../src/rules/index.js';
// The entry points: between them they load every module that defines a catalog (checked below).
import '../../src/index.js';
import '../../src/cli/main.js';
import '../../src/lsp/server.js';
import '../../src/serve/index.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const sources = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: f.split(path.sep).join('/'), text: readFileSync(path.join(SRC, f), 'utf8') }));

/**
 * Entries whose locales name different data, on purpose: the languages count differently.
 * Keyed `catalog.key`, with the reason.
 */
const DIFFERENT_PLACEHOLDERS: Record<string, string> = {
  'rule:format-version.moreLabels': 'zh counts every label (等 N 项), en the ones not shown (and N more)',
  'cli.helpIntro': 'zh lists the input formats read; en names the report kind in Chinese instead',
  'rule:required-sections.messages.missing': "en adds the section's English name; zh readers have the title itself",
  'rule:required-sections.messages.untitled': "en adds the section's English name; zh readers have the title itself",
};

/** Files still holding locale ternaries, to be moved into catalogs. Shrinks to nothing. */
const NOT_YET_MOVED = new Set<string>([]);

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]))].sort();

function checkEntry(where: string, entry: LocalizedText): string[] {
  const problems: string[] = [];
  const locales = Object.keys(LOCALES);
  const keys = Object.keys(entry);
  // An empty text is allowed (a note one language does not need); a missing one is not.
  for (const l of locales) if (typeof entry[l as keyof LocalizedText] !== 'string') problems.push(`${where}: no ${l} text`);
  for (const k of keys) if (!locales.includes(k)) problems.push(`${where}: unknown locale ${k}`);
  if (!(where in DIFFERENT_PLACEHOLDERS)) {
    const [first, ...rest] = locales.map((l) => placeholders(entry[l as keyof LocalizedText] ?? ''));
    for (const [i, p] of rest.entries()) {
      if (p.join() !== first.join()) problems.push(`${where}: placeholders {${first.join(', ')}} in ${locales[0]} but {${p.join(', ')}} in ${locales[i + 1]}`);
    }
  }
  return problems;
}

/** Every localised text: the catalogs' entries and the rules' messages, descriptions and legal bases, by where they are. */
function entries(): [where: string, entry: LocalizedText][] {
  const out: [string, LocalizedText][] = [];
  for (const [name, catalog] of catalogs()) for (const [key, entry] of Object.entries(catalog)) out.push([`${name}.${key}`, entry]);
  for (const rule of builtinRules.values()) {
    const { id, docs, messages } = rule.meta;
    for (const [key, entry] of Object.entries(messages)) out.push([`rule:${id}.messages.${key}`, entry]);
    out.push([`rule:${id}.description`, docs.description]);
    if (docs.legalBasis) out.push([`rule:${id}.legalBasis`, docs.legalBasis]);
  }
  return out;
}

describe('message catalogs', () => {
  test('every catalog defined in src/ is loaded by the entry points (so the checks below see it)', () => {
    const defined = sources.flatMap((s) => [...s.text.matchAll(/defineCatalog\(\s*'([^']+)'/g)].map((m) => m[1]));
    expect(defined.length).toBeGreaterThan(0);
    expect(defined.filter((name) => !catalogs().has(name))).toEqual([]);
  });

  test('every entry has a text in each locale, with the same placeholders', () => {
    expect(entries().flatMap(([where, entry]) => checkEntry(where, entry))).toEqual([]);
  });

  test('every catalog key is used somewhere in src/', () => {
    const all = sources.map((s) => s.text).join('\n');
    const unused: string[] = [];
    for (const [name, catalog] of catalogs()) {
      // A counted entry (problem_one / problem_other) is used by its base key: tn(catalog, 'problem', n, …).
      for (const key of Object.keys(catalog)) if (!all.includes(`'${key.replace(/_(?:one|other)$/, '')}'`)) unused.push(`${name}.${key}`);
    }
    expect(unused).toEqual([]);
  });

  test('the placeholder exceptions name real entries whose placeholders do differ', () => {
    const byWhere = new Map(entries());
    const stale = Object.keys(DIFFERENT_PLACEHOLDERS).filter((where) => {
      const entry = byWhere.get(where);
      return !entry || placeholders(entry['zh-CN']).join() === placeholders(entry.en).join();
    });
    expect(stale).toEqual([]);
  });
});

describe('no locale ternaries in src/', () => {
  // `locale === 'en' ? … : …`, `const en = locale === 'en'`, `locale !== 'en'`: a text chosen by
  // comparing the locale. src/i18n/ is where locales are told apart.
  const COMPARISON = /[!=]==\s*['"](?:en|zh-CN)['"]|['"](?:en|zh-CN)['"]\s*[!=]==/;
  const offenders = sources
    .filter((s) => !s.file.startsWith('i18n/'))
    .filter((s) => s.text.split('\n').some((line) => COMPARISON.test(line)))
    .map((s) => s.file);

  test('no file compares the locale to choose a text', () => {
    expect(offenders.filter((f) => !NOT_YET_MOVED.has(f))).toEqual([]);
  });

  test('the list of files not yet moved holds only files that still compare', () => {
    expect([...NOT_YET_MOVED].filter((f) => !offenders.includes(f))).toEqual([]);
  });
});
