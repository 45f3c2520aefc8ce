/**
 * Broken LSP framing on real stdio: a header without Content-Length, a garbage header line, a
 * too-small Content-Length and LF-only headers. The server logs one line for each bad frame and
 * keeps answering the good ones (vscode-jsonrpc alone stops answering for good).
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

/** Response ids seen on stdout so far. */
function responseIds(): unknown[] {
  const ids: unknown[] = [];
  let buf = stdout;
  for (;;) {
    const end = buf.indexOf('\r\n\r\n');
    if (end === -1) return ids;
    const length = Number(/Content-Length: (\d+)/.exec(buf.subarray(0, end).toString('ascii'))?.[1]);
    const body = JSON.parse(buf.subarray(end + 4, end + 4 + length).toString('utf8')) as { id?: unknown; method?: string };
    if (body.id !== undefined && body.method === undefined) ids.push(body.id);
    buf = buf.subarray(end + 4 + length);
  }
}

async function waitFor(id: number): Promise<void> {
  for (let i = 0; i < 600 && !responseIds().includes(id); i++) await new Promise((r) => setTimeout(r, 100));
  expect(responseIds()).toContain(id);
}

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
  expect(stderr.match(/gia-lint --lsp: skipped/g)?.length).toBe(3);
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
