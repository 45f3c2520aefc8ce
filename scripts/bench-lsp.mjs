// Benchmark of the language server while typing: time from each textDocument/didChange to the first
// textDocument/publishDiagnostics of that version or a newer one (a keystroke superseded by the next
// is served by the next one's diagnostics), over realistic typing into a draft of 25 KB and of
// 100 KB (examples/draft-2024.md with section 一 grown by realistic paragraphs; its four planted
// problems stay). Keystrokes come 60–250 ms apart (seeded), with a pause now and then, and each
// inserts one character into a paragraph of section 一. The server runs with its default settings.
// Usage: npm run bench:lsp [-- --edits 200 --json]   (builds first; `npm run build` when calling directly)
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';

const repo = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const { values: args } = parseArgs({ options: { edits: { type: 'string', default: '200' }, json: { type: 'boolean', default: false } } });
const EDITS = Number(args.edits);

/** A draft of about `kb` KB: paragraphs of the draft's own 一（一） repeated inside section 一. */
function bigDraft(kb) {
  const lines = readFileSync(path.join(repo, 'examples/draft-2024.md'), 'utf8').split('\n');
  const at = lines.findIndex((l) => l.startsWith('我局严格落实'));
  const paragraph = lines[at];
  const extra = [];
  let size = Buffer.byteLength(lines.join('\n'));
  while (size < kb * 1024) {
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

/** Seeded PRNG (mulberry32), so every run types the same keystrokes at the same pauses. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function session(kb) {
  const child = spawn(process.execPath, [path.join(repo, 'bin/gia-lint.js'), '--lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const sentAt = new Map(); // version -> time didChange was sent
  const latencies = new Map(); // version -> ms until diagnostics of it or a newer version
  const versionsPublished = [];
  let firstPublished;
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const at = performance.now();
    versionsPublished.push(p.version);
    firstPublished?.(at);
    for (const [v, t] of sentAt) {
      if (v <= p.version) {
        latencies.set(v, at - t);
        sentAt.delete(v);
      }
    }
  });
  conn.onRequest(() => null);
  conn.listen();
  const uri = pathToFileURL(path.join(repo, `bench-draft-${kb}k.md`)).href;
  const text = bigDraft(kb);
  const spawnedAt = performance.now();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { useConfigFile: false } });
  await conn.sendNotification('initialized', {});
  const opened = new Promise((resolve) => (firstPublished = resolve));
  const openAt = performance.now();
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const firstAt = await opened;
  firstPublished = undefined;
  await sleep(500); // the user reads the first diagnostics before typing

  // Type into the first paragraph of section 一, one character a keystroke.
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.startsWith('我局严格落实'));
  let character = 10;
  const rnd = random(2024);
  const chars = '我局进一步规范政府信息公开工作，全年主动公开信息，依法办理申请。';
  let version = 1;
  for (let i = 0; i < EDITS; i++) {
    version++;
    sentAt.set(version, performance.now());
    const ch = chars[i % chars.length];
    await conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: ch }],
    });
    character++;
    // 60–250 ms between keystrokes; every 25th keystroke a pause of about a second (the writer thinks).
    await sleep(i % 25 === 24 ? 800 + rnd() * 400 : 60 + rnd() * 190);
  }
  for (let i = 0; i < 100 && sentAt.size; i++) await sleep(20);

  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  conn.dispose();
  return {
    bytes: Buffer.byteLength(text),
    spawnToFirstDiagnosticsMs: firstAt - spawnedAt,
    openToFirstDiagnosticsMs: firstAt - openAt,
    changeToPublish: round(stats([...latencies.values()])),
    unanswered: sentAt.size,
    runsPublished: versionsPublished.length - 1,
  };
}

const results = [];
for (const kb of [25, 100]) results.push(await session(kb));
if (args.json) {
  console.log(JSON.stringify(results, null, 2));
} else {
  for (const r of results) {
    const c = r.changeToPublish;
    console.log(
      `draft ${(r.bytes / 1024).toFixed(1)} KB: spawn → first diagnostics ${r.spawnToFirstDiagnosticsMs.toFixed(0)} ms (didOpen → ${r.openToFirstDiagnosticsMs.toFixed(0)} ms)`,
    );
    console.log(
      `  ${c.n} keystrokes, didChange → diagnostics: p50 ${c.median} ms, p95 ${c.p95} ms (target p50 ≤ 20, p95 ≤ 50), max ${c.max} ms; ${r.runsPublished} versions published${r.unanswered ? `, ${r.unanswered} never answered` : ''}`,
    );
  }
}
