// Builds gia-lint as one executable file with Node's single executable applications (SEA):
// dist/ (run `npm run build` first) and every dependency bundled by esbuild into one CommonJS
// script, turned into a blob by `node --experimental-sea-config`, injected with postject into a
// copy of the node binary running this script. Output: build/sea/gia-lint (gia-lint.exe on Windows).
//
//   npm run build && npm run build:sea
//
// The executable is for the platform and architecture of the node that builds it: run the same
// command with Node ≥ 20.18 on each target.
// - Linux x64 (tested in test/install/single-executable.test.ts), Linux arm64: as is.
// - Windows x64: as is (output gia-lint.exe); signtool's signature, if wanted, is applied after
//   injection (`signtool remove /s` on the copied node.exe first, as Node's docs describe, when
//   the copy is signed).
// - macOS: this script removes the copy's signature before injection (`codesign --remove-signature`),
//   passes postject `--macho-segment-name NODE_SEA` and signs ad hoc afterwards (`codesign --sign -`),
//   as Node's documentation for SEA prescribes.
//
// Plugins, shareable configs and custom formatters load from the file system as with the npm
// package (import() of a file works inside the executable). What differs: batches are linted in one
// thread (there is no worker script to start), and the cache key uses the executable's own size and
// date instead of dist/'s files.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = path.join(root, 'build', 'sea');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const windows = process.platform === 'win32';
const mac = process.platform === 'darwin';
const exe = path.join(out, windows ? 'gia-lint.exe' : 'gia-lint');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const bundle = path.join(out, 'gia-lint.cjs');
await build({
  entryPoints: [path.join(root, 'scripts', 'sea-entry.mjs')],
  outfile: bundle,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  mainFields: ['module', 'main'],
  // No package folder beside the code: the version comes from here, and src/single-executable.ts
  // switches off what needs files (worker threads, the dist/ fingerprint).
  banner: { js: `globalThis.__GIA_LINT_SEA__ = ${JSON.stringify({ version: pkg.version })};` },
  // import.meta.url only locates package files, which do not exist here; any file URL will do.
  define: { 'import.meta.url': '__giaSeaUrl' },
  inject: [path.join(root, 'scripts', 'sea-url.mjs')],
  alias: { undici: path.join(root, 'scripts', 'undici-stub.mjs') },
  legalComments: 'none',
  logLevel: 'warning',
});

const config = path.join(out, 'sea-config.json');
const blob = path.join(out, 'sea-prep.blob');
writeFileSync(config, JSON.stringify({ main: bundle, output: blob, disableExperimentalSEAWarning: true }));
// Its one line of progress ("Wrote single executable preparation blob…") is noise here.
execFileSync(process.execPath, ['--experimental-sea-config', config], { stdio: 'pipe' });

copyFileSync(process.execPath, exe);
chmodSync(exe, 0o755);
if (mac) execFileSync('codesign', ['--remove-signature', exe], { stdio: 'inherit' });
const postject = path.join(root, 'node_modules', 'postject', 'dist', 'cli.js');
execFileSync(
  process.execPath,
  [
    postject,
    exe,
    'NODE_SEA_BLOB',
    blob,
    '--sentinel-fuse',
    'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2',
    ...(mac ? ['--macho-segment-name', 'NODE_SEA'] : []),
  ],
  // postject warns about ELF note sections it does not know (harmless); show its output only on failure.
  { stdio: 'pipe' },
);
if (mac) execFileSync('codesign', ['--sign', '-', exe], { stdio: 'inherit' });
rmSync(blob);
rmSync(config);
process.stdout.write(`${path.relative(process.cwd(), exe)} (${pkg.version}, ${process.platform}-${process.arch})\n`);
