/**
 * No regular expression in src/ can backtrack catastrophically. Every regex literal and every
 * `new RegExp(…)` is collected from the TypeScript source (test/support/regexes.ts) and checked by
 * recheck with its pure-JS backend (no Java, no native binary). A pattern recheck cannot prove
 * linear must be rewritten or carry `// redos-safe: <why>` on the comment lines directly above it
 * (e.g. its input is bounded to a few hundred characters before it runs); a `new RegExp` whose
 * pattern cannot be resolved statically needs that comment too.
 *
 * recheck's pure backend is slow (0.1–5 s a pattern on this machine), so its verdicts are kept
 * in test/redos-verdicts.json, keyed by recheck version, flags and source: a pattern is checked
 * again only when it changes. `npm run redos:update` rechecks what is missing and prunes the rest.
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { checkSync } from 'recheck';
import { RegexCollector } from './support/regexes.js';

process.env.RECHECK_SYNC_BACKEND = 'pure';

const VERDICTS = 'test/redos-verdicts.json';
const RECHECK_VERSION = (createRequire(import.meta.url)('recheck/package.json') as { version: string }).version;
const update = process.env.REDOS_UPDATE === '1';

interface VerdictFile {
  recheck: string;
  verdicts: Record<string, string>;
}

const stored = JSON.parse(readFileSync(VERDICTS, 'utf8')) as VerdictFile;
const known = stored.recheck === RECHECK_VERSION ? stored.verdicts : {};
const sites = new RegexCollector(process.cwd()).collect('src');

/** 'safe', or how recheck refuted or failed to prove it. */
function recheck(source: string, givenFlags: string): string {
  // `d` (match indices) does not change matching, and recheck does not know it.
  const flags = givenFlags.replace('d', '');
  // The automaton checker proves linearity (or finds the attack) exactly; it cannot model
  // look-around and back-references, then (as recheck's own `auto` mode does) fuzzing decides.
  // A timeout is not handed to the fuzzer: on a loaded machine its verdicts are not stable.
  let result = checkSync(source, flags, { checker: 'automaton', timeout: 60_000 });
  if (result.status === 'unknown' && result.error.kind === 'unsupported') result = checkSync(source, flags, { checker: 'fuzz', timeout: 10_000 });
  if (result.status === 'safe') return 'safe';
  if (result.status === 'vulnerable') return `vulnerable (${result.complexity.type}), attack ${result.attack.pattern}`;
  return `unknown (${JSON.stringify(result.error)})`;
}

describe('regular expressions in src/', () => {
  test('the collector finds literals and constructors, resolving constants across modules', () => {
    expect(sites.length).toBeGreaterThan(150);
    // PERIOD_RE is a template literal of constants, some imported.
    expect(sites.some((s) => s.file === 'src/model/claims.ts' && s.source?.includes('统计') && s.source.includes('\\d{4}'))).toBe(true);
  });

  test('each one is linear or justified', () => {
    const verdicts: Record<string, string> = {};
    const missing: string[] = [];
    const bad: string[] = [];
    for (const site of sites) {
      const where = `${site.file}:${site.line}`;
      if (site.source === undefined) {
        if (!site.justification) bad.push(`${where}: pattern not resolvable statically (${site.unresolved}) and no "redos-safe:" comment`);
        continue;
      }
      const key = `/${site.source}/${site.flags ?? ''}`;
      let verdict = verdicts[key] ?? known[key];
      if (verdict === undefined) {
        missing.push(key);
        verdict = recheck(site.source, site.flags ?? '');
      }
      verdicts[key] = verdict;
      if (verdict !== 'safe' && !site.justification) bad.push(`${where}: ${key} ${verdict}`);
    }
    if (update)
      writeFileSync(VERDICTS, JSON.stringify({ recheck: RECHECK_VERSION, verdicts: Object.fromEntries(Object.entries(verdicts).sort()) }, null, 1) + '\n');
    else if (missing.length)
      console.warn(`${missing.length} pattern(s) checked afresh; \`npm run redos:update\` stores their verdicts:\n${missing.join('\n')}`);
    expect(bad).toEqual([]);
  }, 1_800_000);
});
