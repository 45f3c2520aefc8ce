/**
 * The offline tarball bundles every dependency because package.json says `"bundleDependencies": true`.
 * npm rewrites that into a list when it saves package.json (`npm install <pkg>`): arborist's reify
 * writes back the package as it read it, with `true` already expanded into the names of the
 * dependencies then — the one being installed is not among them (npm/cli#6498, open), so a
 * dependency added that way would silently be left out of the tarball. Put `true` back.
 */
import { expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';

const PKG = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as Record<string, unknown>;

test('package.json bundles every dependency ("bundleDependencies": true, not the list npm install writes)', () => {
  expect(PKG.bundleDependencies).toBe(true);
  expect(PKG).not.toHaveProperty('bundledDependencies');
});
