import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LspClient } from './client.js';

/** How the bin chooses between the CLI and the language server. Needs dist/ (npm test builds). */
const repo = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const bin = path.join(repo, 'bin/gia-lint.js');

describe('gia-lint --lsp dispatch', () => {
  test('--stdio alone (as clients add it) starts the server; exit without shutdown is code 1', async () => {
    const client = new LspClient(process.execPath, [bin, '--stdio']);
    const init = await client.request('initialize', { processId: null, rootUri: null, capabilities: {} });
    expect(init.serverInfo.name).toBe('gia-lint');
    client.notify('exit', null);
    expect(await client.exited).toBe(1); // LSP: exit before shutdown
    expect(client.garbage).toEqual([]);
  });

  test('after --, "--lsp" is a file name for the CLI', () => {
    const r = spawnSync(process.execPath, [bin, '--', '--lsp'], { encoding: 'utf8', cwd: repo });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--lsp');
    expect(r.stdout).toBe('');
  });

  test('--help lists --lsp', () => {
    const r = spawnSync(process.execPath, [bin, '--help', '--locale', 'en'], { encoding: 'utf8' });
    expect(r.stdout).toMatch(/--lsp \[--stdio\] +Run as a Language Server Protocol server/);
  });

  test('the CLI never loads the language server (lazy import in the bin only)', () => {
    // Walk the static imports of dist/cli/main.js: no dist/lsp file and no vscode-languageserver.
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]/gm)) {
        const spec = m[1];
        if (spec.startsWith('.')) visit(path.resolve(path.dirname(file), spec));
        else packages.add(spec);
      }
    };
    const main = path.join(repo, 'dist/cli/main.js');
    expect(existsSync(main)).toBe(true);
    visit(main);
    expect(seen.size).toBeGreaterThan(10);
    // Relative to the checkout, whose own path may hold an "lsp" folder.
    expect([...seen].map((f) => path.relative(repo, f)).filter((f) => f.startsWith(`dist${path.sep}lsp${path.sep}`))).toEqual([]);
    expect([...packages].filter((p) => p.startsWith('vscode-'))).toEqual([]);
  });
});
