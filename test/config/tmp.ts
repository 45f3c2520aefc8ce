import { mkdtempSync, mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const created: string[] = [];

/** A fresh temp directory with the given files (path → content; objects are written as JSON). */
export function tempTree(files: Record<string, string | object | Buffer> = {}): string {
  // realpath: on macOS os.tmpdir() is a symlink, and results carry resolved paths.
  const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'gia-lint-test-')));
  created.push(root);
  for (const [rel, content] of Object.entries(files)) {
    const full = path.join(root, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content, null, 2));
  }
  return root;
}

/** Remove every directory made by tempTree (call from afterAll). */
export function removeTempTrees(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}
