/**
 * Compiles test/support modules (the report generator, variants, fuzz inputs) for the scripts that
 * run outside jest. The output goes inside the project (node_modules/.cache/…) so that the compiled
 * modules' own imports (docx, jszip, iconv-lite) resolve from the project's node_modules.
 *
 *   const load = compileSupport(outDir, ['test/support/generate.ts']);
 *   const { generateReport } = await load('test/support/generate.ts');
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Compiles `entries` (paths relative to the project) into `outDir`; returns an importer of the compiled modules. */
export function compileSupport(outDir, entries) {
  execFileSync(
    path.join(ROOT, 'node_modules/.bin/tsc'),
    [
      ...['--outDir', outDir, '--rootDir', ROOT, '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022'],
      ...['--types', 'node', '--skipLibCheck', '--noCheck', '--ignoreConfig'],
      ...entries.map((entry) => path.join(ROOT, entry)),
    ],
    { stdio: 'inherit' },
  );
  writeFileSync(path.join(outDir, 'package.json'), '{"type":"module"}');
  return supportImporter(outDir);
}

/** An importer of modules compiled earlier into `outDir` (e.g. by a parent process). */
export function supportImporter(outDir) {
  return (entry) => import(pathToFileURL(path.join(outDir, entry.replace(/\.ts$/, '.js'))).href);
}
