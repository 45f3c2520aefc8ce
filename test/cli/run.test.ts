import { afterAll, describe, expect, test } from '@jest/globals';
import { run, type CliIO } from '../../src/cli/main.js';
import { parseCli, sniffLocale } from '../../src/cli/options.js';
import { UsageError } from '../../src/config/errors.js';
import { removeTempTrees, tempTree } from '../config/tmp.js';

afterAll(removeTempTrees);

/** In-process runs, for what spawning cannot easily provoke (internal errors) and for quick parsing checks. */
function io(overrides: Partial<CliIO> = {}): CliIO & { out: string; err: string } {
  const x: CliIO & { out: string; err: string } = {
    out: '',
    err: '',
    stdout: { write: (s: string): void => void (x.out += s) },
    stderr: { write: (s: string): void => void (x.err += s) },
    stdin: (async function* () {})(),
    env: {},
    cwd: tempTree(),
    ...overrides,
  };
  return x;
}

describe('unexpected internal errors', () => {
  const failingStdin = () =>
    // eslint-disable-next-line @typescript-eslint/require-await -- stdin is an async iterable; this one fails on the first read.
    (async function* (): AsyncGenerator<Buffer> {
      throw new Error('boom\nsecond line');
    })();

  test('one line, exit 2, no stack trace', async () => {
    const x = io({ stdin: failingStdin() });
    expect(await run(['--stdin'], x)).toBe(2);
    expect(x.err).toBe('gia-lint: 内部错误：boom（设置环境变量 GIA_LINT_DEBUG=1 可查看堆栈）\n');
  });

  test('English, and the stack with GIA_LINT_DEBUG=1', async () => {
    const x = io({ stdin: failingStdin(), env: { GIA_LINT_DEBUG: '1' } });
    expect(await run(['--stdin', '--locale', 'en'], x)).toBe(2);
    expect(x.err).toMatch(/^gia-lint: Internal error: boom \(set GIA_LINT_DEBUG=1 to see the stack trace\)\nError: boom\nsecond line\n\s+at /);
  });
});

describe('parseCli', () => {
  test('defaults', async () => {
    expect(await parseCli(['a.md'])).toEqual({
      files: ['a.md'],
      format: 'stylish',
      outputs: [{ format: 'stylish' }],
      outputFile: undefined,
      concurrency: undefined,
      cache: false,
      cacheLocation: undefined,
      noIgnore: false,
      init: false,
      agencyKind: undefined,
      preset: undefined,
      force: false,
      stdin: false,
      stdinFilename: undefined,
      maxWarnings: undefined,
      quiet: false,
      year: undefined,
      locale: undefined,
      config: undefined,
      noConfig: false,
      printConfig: undefined,
      printText: false,
      fix: false,
      fixDryRun: false,
      reportUnusedDisableDirectives: undefined,
      previous: undefined,
      encoding: undefined,
      ext: undefined,
      rules: undefined,
      plugins: undefined,
      resolvePluginsRelativeTo: undefined,
      noInlineConfig: false,
      color: undefined,
      docsUrl: undefined,
      help: false,
      version: false,
      serve: false,
    });
  });

  test('serve: a command as the first argument, with --port and --host; elsewhere "serve" is a file', async () => {
    expect(await parseCli(['serve'])).toMatchObject({ serve: true, files: [], port: undefined, host: undefined });
    expect(await parseCli(['--locale', 'en', 'serve', '--port', '0', '--host', '0.0.0.0'])).toMatchObject({
      serve: true,
      port: 0,
      host: '0.0.0.0',
      locale: 'en',
    });
    expect(await parseCli(['--', 'serve'])).toMatchObject({ serve: false, files: ['serve'] });
    expect(await parseCli(['a.md', 'serve'])).toMatchObject({ serve: false, files: ['a.md', 'serve'] });
    await expect(parseCli(['serve', 'a.md'])).rejects.toThrow(UsageError);
    await expect(parseCli(['serve', '--fix'])).rejects.toThrow(UsageError);
    await expect(parseCli(['serve', '--port', '70000'])).rejects.toThrow(new UsageError('--port 的取值 "70000" 无效，应为 0 到 65535 之间的整数'));
    await expect(parseCli(['serve', '--host', 'a b'])).rejects.toThrow(UsageError);
    await expect(parseCli(['a.md', '--port', '8080'])).rejects.toThrow(new UsageError('--port 和 --host 只能与 serve 一起使用'));
  });

  test('every option, short forms, = syntax', async () => {
    expect(
      await parseCli(['-f', 'json', '-o', 'out.json', '--max-warnings=3', '--quiet', '--year', '2023', '--locale=en', '-c', 'x.json', 'a', 'b']),
    ).toMatchObject({
      files: ['a', 'b'],
      format: 'json',
      outputFile: 'out.json',
      maxWarnings: 3,
      quiet: true,
      year: 2023,
      locale: 'en',
      config: 'x.json',
    });
    expect(await parseCli(['--stdin', '--stdin-filename', 'x.md'])).toMatchObject({ stdin: true, stdinFilename: 'x.md' });
    expect(await parseCli(['--no-config', '--print-config', 'x.md'])).toMatchObject({ noConfig: true, printConfig: 'x.md' });
    expect(await parseCli(['--max-warnings', '-1', 'a'])).toMatchObject({ maxWarnings: undefined, files: ['a'] });
  });

  test('after --, arguments are files even if they look like options', async () => {
    expect((await parseCli(['--', '--max-warnings', '-1'])).files).toEqual(['--max-warnings', '-1']);
  });

  test('bad combinations are usage errors', async () => {
    await expect(parseCli(['--stdin-filename', 'x.md', 'a.md'])).rejects.toThrow(new UsageError('--stdin-filename 只能与 --stdin 一起使用'));
    await expect(parseCli(['--print-config', 'x.md', 'a.md'])).rejects.toThrow(UsageError);
    await expect(parseCli(['--year', '20231'])).rejects.toThrow(UsageError);
  });

  test('sniffLocale finds --locale before full parsing', () => {
    expect(sniffLocale(['--bogus', '--locale', 'en'])).toBe('en');
    expect(sniffLocale(['--locale=en'])).toBe('en');
    expect(sniffLocale(['--locale', 'fr'])).toBe('zh-CN');
    expect(sniffLocale(['--', '--locale', 'en'])).toBe('zh-CN');
  });
});
