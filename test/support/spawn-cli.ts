/**
 * The CLI as a user starts it: node bin/gia-lint.js in a child process (dist/ is built by
 * `npm test` before jest). For what only a process shows — the bundle loading, exit status, pipes,
 * signals, hangs, running as another user; everything else runs in-process (test/support/cli.ts).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CliRun } from './cli.js';

export const BIN = fileURLToPath(new URL('../../bin/gia-lint.js', import.meta.url));

export interface SpawnCall {
  cwd: string;
  /** stdin; empty when not given. */
  input?: string | Buffer;
  /** Added to the test runner's environment (whose colour and debug settings are removed first). */
  env?: Record<string, string>;
  /** Run as this user and group (tests running as root use it to be refused a file). */
  uid?: number;
  /** Kill the child after this many ms; `signal` then says so. */
  timeout?: number;
}

export function spawnCli(args: string[], { cwd, input = '', env = {}, uid, timeout }: SpawnCall): CliRun & { signal: NodeJS.Signals | null } {
  const base = { ...process.env };
  delete base.FORCE_COLOR;
  delete base.NO_COLOR;
  delete base.GIA_LINT_DEBUG;
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    input,
    env: { ...base, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...(uid !== undefined ? { uid, gid: uid } : {}),
    ...(timeout !== undefined ? { timeout } : {}),
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}
