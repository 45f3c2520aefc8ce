/**
 * The CLI in this process: `run(argv, io)` from src/cli/main.ts — the same option parsing, config
 * loading, linting, reporters and exit code as bin/gia-lint.js, without starting node per call.
 * For what is about the process itself (the bundle, signals, pipes, TTY, file permissions as
 * another user, hangs) spawn the bin instead: test/support/spawn-cli.ts.
 */
import { run, type CliIO } from '../../src/cli/main.js';

/** What a CLI call gave: the exit code and everything written to stdout and stderr. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliCall {
  cwd: string;
  /** stdin; empty when not given. */
  input?: string | Buffer;
  /** The whole environment the CLI sees (nothing of the test runner's leaks in). */
  env?: Record<string, string>;
}

export async function runCli(args: string[], { cwd, input, env = {} }: CliCall): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const bytes = input === undefined ? [] : [Buffer.isBuffer(input) ? input : Buffer.from(input)];
  // eslint-disable-next-line @typescript-eslint/require-await -- stdin is an async iterable, here of the given bytes.
  const stdin = (async function* () {
    yield* bytes;
  })();
  const io: CliIO = {
    stdout: { write: (text: string) => void (stdout += text) },
    stderr: { write: (text: string) => void (stderr += text) },
    stdin,
    env,
    cwd,
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}
