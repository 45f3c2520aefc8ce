// Benchmark of the language server while typing: time from textDocument/didChange to the
// textDocument/publishDiagnostics of that version, on a 100 KB draft (examples/draft-2024.md with
// section 一 grown by realistic paragraphs; its four planted problems stay).
// Usage: npm run bench:lsp [-- --edits 30 --json]   (builds first; `npm run build` when calling directly)
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';

const repo = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const { values: args } = parseArgs({ options: { edits: { type: 'string', default: '30' }, json: { type: 'boolean', default: false } } });
const EDITS = Number(args.edits);

/** The 100 KB draft: paragraphs of the draft's own 一（一） repeated inside section 一. */
function bigDraft() {
  const lines = readFileSync(path.join(repo, 'examples/draft-2024.md'), 'utf8').split('\n');
  const at = lines.findIndex((l) => l.startsWith('我局严格落实'));
  const paragraph = lines[at];
  const extra = [];
  let size = Buffer.byteLength(lines.join('\n'));
  while (size < 100 * 1024) {
    extra.push('', paragraph);
    size += Buffer.byteLength(paragraph) + 2;
  }
  return [...lines.slice(0, at + 1), ...extra, ...lines.slice(at + 1)].join('\n');
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { n: s.length, median: q(0.5), p95: q(0.95), min: s[0], max: s[s.length - 1] };
};
const round = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * 10) / 10 : v]));

async function session(debounceMs) {
  const child = spawn(process.execPath, [path.join(repo, 'bin/gia-lint.js'), '--lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map(); // version -> resolve
  const published = [];
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    published.push({ version: p.version, at: performance.now(), count: p.diagnostics.length });
    waiting.get(p.version)?.(performance.now());
  });
  conn.onRequest(() => null);
  conn.listen();
  const uri = pathToFileURL(path.join(repo, 'bench-draft-100k.md')).href;
  const text = bigDraft();
  const spawnedAt = performance.now();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { debounceMs, useConfigFile: false } });
  await conn.sendNotification('initialized', {});
  const published1 = (version) => new Promise((resolve) => waiting.set(version, resolve));

  const opened = published1(1);
  const openAt = performance.now();
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const firstAt = await opened;

  // Sequential edits: flip the 总计 cell of table 三 row 一 between 29 (wrong) and 28 (right).
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('一、本年新收政府信息公开申请数量'));
  const character = lines[line].lastIndexOf('<td>29</td>') + 4;
  const range = { start: { line, character }, end: { line, character: character + 2 } };
  let version = 1;
  const latencies = [];
  for (let i = 0; i < EDITS; i++) {
    version++;
    const done = published1(version);
    const sent = performance.now();
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: i % 2 === 0 ? '28' : '29' }] });
    latencies.push((await done) - sent);
    await new Promise((r) => setTimeout(r, 20));
  }

  // A burst of keystrokes 30 ms apart: only the last version may be published.
  const before = published.length;
  let last;
  for (let i = 0; i < 10; i++) {
    version++;
    last = performance.now();
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: i % 2 === 0 ? '28' : '29' }] });
    if (i < 9) await new Promise((r) => setTimeout(r, 30));
  }
  const burstDone = await published1(version);
  await new Promise((r) => setTimeout(r, 300));
  const burstPublished = published.slice(before).map((p) => p.version);

  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  conn.dispose();
  return {
    debounceMs,
    bytes: Buffer.byteLength(text),
    spawnToFirstDiagnosticsMs: firstAt - spawnedAt,
    openToFirstDiagnosticsMs: firstAt - openAt,
    changeToPublish: round(stats(latencies)),
    burst: { keystrokes: 10, lastKeystrokeToPublishMs: Math.round((burstDone - last) * 10) / 10, versionsPublished: burstPublished },
  };
}

const results = [];
for (const debounceMs of [0, 150]) results.push(await session(debounceMs));
if (args.json) {
  console.log(JSON.stringify(results, null, 2));
} else {
  for (const r of results) {
    console.log(`debounce ${r.debounceMs} ms, draft ${(r.bytes / 1024).toFixed(1)} KB`);
    console.log(`  spawn → first diagnostics ${r.spawnToFirstDiagnosticsMs.toFixed(0)} ms (didOpen → diagnostics ${r.openToFirstDiagnosticsMs.toFixed(0)} ms)`);
    const c = r.changeToPublish;
    console.log(`  didChange → publishDiagnostics over ${c.n} edits: median ${c.median} ms, p95 ${c.p95} ms, min ${c.min} ms, max ${c.max} ms`);
    console.log(`  burst of ${r.burst.keystrokes} keystrokes 30 ms apart: last keystroke → publish ${r.burst.lastKeystrokeToPublishMs} ms; versions published: ${r.burst.versionsPublished.join(', ')}`);
  }
}
