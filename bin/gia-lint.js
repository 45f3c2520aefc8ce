#!/usr/bin/env node
// Shim only: the CLI lives in dist/cli/main.js, the language server in dist/lsp/server.js (built
// from src/ by `npm run build`). `--lsp` (or the `--stdio` that editor clients add) starts the
// server; only the chosen one is loaded, so plain CLI runs never pay for the LSP code.
import { existsSync } from 'node:fs';
import module from 'node:module';

// Node ≥ 22.1 keeps V8's compiled code of the bundle between runs (in the OS temp dir; a directory
// it cannot write only means no cache, and NODE_DISABLE_COMPILE_CACHE=1 turns it off). Node 20 has
// no such API: start-up then compiles the bundle each run.
try {
  module.enableCompileCache?.();
} catch {
  // Never a reason not to lint.
}

const args = process.argv.slice(2);
const end = args.indexOf('--');
const flags = end === -1 ? args : args.slice(0, end);
const lsp = flags.includes('--lsp') || flags.includes('--stdio');
// The CLI runs from the esbuild bundle (dist/bundle/, built by `npm run build`) when present: one
// file loads much faster than the hundreds of modules of dist/cli/.
const bundled = new URL('../dist/bundle/main.js', import.meta.url);
const entry = lsp ? '../dist/lsp/server.js' : existsSync(bundled) ? '../dist/bundle/main.js' : '../dist/cli/main.js';
import(entry).then(
  (mod) => (lsp ? mod.startServer() : mod.main()),
  (error) => {
    process.stderr.write(`gia-lint: cannot load ${entry.slice(3)} (run "npm run build" first): ${error.message}\n`);
    process.exitCode = 2;
  },
);
