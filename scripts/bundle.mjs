// Bundle the compiled CLI (dist/cli/main.js) and the batch worker (dist/batch/worker.js) into
// dist/bundle/ with esbuild: start-up is dominated by loading hundreds of small ES modules, and
// one file loads several times faster. Lazy imports (mammoth, the language server) stay separate
// chunks; the PDF reader's worker thread is an entry of its own (PDF.js is bundled into it, and
// only into it). bin/gia-lint.js prefers the bundle and falls back to dist/cli/main.js.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const scripts = path.dirname(fileURLToPath(import.meta.url));

/** The format readers' `htmlparser2` is its Parser and ElementType only (scripts/htmlparser2-core.mjs). */
const htmlparser2Core = {
  name: 'htmlparser2-core',
  setup(b) {
    b.onResolve({ filter: /^htmlparser2$/ }, (args) =>
      args.importer.split(path.sep).join('/').includes('/dist/formats/') ? { path: path.join(scripts, 'htmlparser2-core.mjs') } : undefined,
    );
  },
};

// Chunk names carry content hashes: without a clean directory every build would leave the last
// one's chunks behind (and npm pack, the .vsix and the executable would ship them).
rmSync('dist/bundle', { recursive: true, force: true });

await build({
  entryPoints: { main: 'dist/cli/main.js', worker: 'dist/batch/worker.js', 'pdf-worker': 'dist/formats/pdf-worker.js' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Prefer ESM entries: some packages' CommonJS/UMD builds require() their own files at run time.
  mainFields: ['module', 'main'],
  // Some dependencies are CommonJS and call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __giaCreateRequire } from 'node:module'; const require = __giaCreateRequire(import.meta.url);" },
  logLevel: 'warning',
  legalComments: 'none',
  alias: { undici: './scripts/undici-stub.mjs' },
  plugins: [htmlparser2Core],
});
