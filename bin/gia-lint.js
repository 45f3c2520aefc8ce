#!/usr/bin/env node
// Shim only: the CLI lives in dist/cli/main.js (built from src/cli/main.ts by `npm run build`).
import('../dist/cli/main.js').then(
  ({ main }) => main(),
  (error) => {
    process.stderr.write(`gia-lint: cannot load dist/cli/main.js (run "npm run build" first): ${error.message}\n`);
    process.exitCode = 2;
  },
);
