/**
 * Broken LSP framing on real stdio: a header without Content-Length, a garbage header line, a
 * too-small Content-Length and LF-only headers. The server logs one line for each bad frame and
 * keeps answering the good ones (vscode-jsonrpc alone stops answering for good).
 *
 * Nothing here assumes how fast the server is or how its output is cut into chunks: stdout is read
 * as frames that may still be arriving, each wait ends when the server's output shows the awaited
 * thing (jest's timeout bounds it), and stderr, a pipe of its own whose data may come after
 * stdout's, is waited for in the same way.
 */
import { afterAll, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { LspReframer } from '../../src/lsp/framing.js';

const BIN = fileURLToPath(new URL('../../bin/gia-lint.js', import.meta.url));
const frame = (body: object, eol = '\r\n', length?: number) => {
  const json = JSON.stringify({ jsonrpc: '2.0', ...body });
  return `Content-Length: ${length ?? Buffer.byteLength(json)}${eol}${eol}${json}`;
};

const child = spawn(process.execPath, [BIN, '--lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
let stdout = Buffer.alloc(0);
let stderr = '';
child.stdout.on('data', (c: Buffer) => (stdout = Buffer.concat([stdout, c])));
child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
afterAll(() => {
  child.kill();
});

/** Response ids of the complete frames on stdout so far (a frame whose body is still arriving is not read yet). */
function responseIds(): unknown[] {
  const ids: unknown[] = [];
  let buf = stdout;
  for (;;) {
    const end = buf.indexOf('\r\n\r\n');
    if (end === -1) return ids;
    const length = Number(/Content-Length: (\d+)/.exec(buf.subarray(0, end).toString('ascii'))?.[1]);
    if (buf.length < end + 4 + length) return ids;
    const body = JSON.parse(buf.subarray(end + 4, end + 4 + length).toString('utf8')) as { id?: unknown; method?: string };
    if (body.id !== undefined && body.method === undefined) ids.push(body.id);
    buf = buf.subarray(end + 4 + length);
  }
}

const skipped = () => stderr.match(/gia-lint --lsp: skipped/g)?.length ?? 0;

/** Resolves once `ready()` holds, checked whenever the server writes; fails if the server exits first. */
function until(ready: () => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!ready()) return;
      stop();
      resolve();
    };
    const exited = (code: number | null) => {
      stop();
      reject(new Error(`the server exited (${code}); stderr: ${stderr}`));
    };
    const stop = () => {
      child.stdout.off('data', check);
      child.stderr.off('data', check);
      child.off('exit', exited);
    };
    // Registered after the listeners that collect stdout and stderr, so a check sees the chunk that woke it.
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    child.on('exit', exited);
    if (child.exitCode !== null) exited(child.exitCode);
    else check();
  });
}

const waitFor = (id: number) => until(() => responseIds().includes(id));

test('the server answers again after each kind of broken frame', async () => {
  child.stdin.write(frame({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
  await waitFor(1);
  child.stdin.write(frame({ method: 'initialized', params: {} }));
  // A header without Content-Length, then a valid request.
  child.stdin.write('Content-Type: application/json\r\n\r\n{"jsonrpc":"2.0","id":99,"method":"shutdown"}');
  child.stdin.write(frame({ id: 2, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///none.md' }, position: { line: 0, character: 0 } } }));
  await waitFor(2);
  // A garbage header line.
  child.stdin.write('this is not a header\r\n\r\n');
  child.stdin.write(frame({ id: 3, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///none.md' }, position: { line: 0, character: 0 } } }));
  await waitFor(3);
  // A too-small Content-Length.
  child.stdin.write(frame({ id: 98, method: 'shutdown' }, '\r\n', 10));
  child.stdin.write(frame({ id: 4, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///none.md' }, position: { line: 0, character: 0 } } }));
  await waitFor(4);
  // LF-only header lines.
  child.stdin.write(
    frame({ id: 5, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///none.md' }, position: { line: 0, character: 0 } } }, '\n'),
  );
  await waitFor(5);
  expect(responseIds()).not.toContain(99);
  expect(responseIds()).not.toContain(98);
  // The three log lines were written before the answers to 3, 4 and 5; stderr may just deliver them later.
  await until(() => skipped() >= 3);
  expect(skipped()).toBe(3);
}, 90_000);

test('the reframer passes good frames through unchanged, split anywhere', () => {
  const out: Buffer[] = [];
  const r = new LspReframer(() => undefined);
  r.on('data', (c: Buffer) => out.push(c));
  const input = Buffer.from(frame({ id: 1, method: 'x', params: { text: '统计期限' } }) + frame({ id: 2, method: 'y' }));
  for (let i = 0; i < input.length; i += 7) r.write(input.subarray(i, i + 7));
  expect(Buffer.concat(out).toString('utf8')).toBe(input.toString('utf8'));
});

test('a bad frame that arrives in a chunk of its own does not swallow the next good one', () => {
  const out: Buffer[] = [];
  const skipped: string[] = [];
  const r = new LspReframer((line) => skipped.push(line));
  r.on('data', (c: Buffer) => out.push(c));
  r.write(Buffer.from('Content-Type: application/json\r\n\r\n{"jsonrpc":"2.0","id":99,"method":"shutdown"}'));
  const good = frame({ id: 2, method: 'textDocument/hover' });
  r.write(Buffer.from(good));
  expect(Buffer.concat(out).toString('utf8')).toBe(good);
  expect(skipped).toHaveLength(1);
});
