#!/usr/bin/env node
/**
 * `npm run fuzz`: the long fuzz run. Lints generated inputs of every format (test/support/fuzz-inputs.ts:
 * real and generated reports damaged and attacked, backtracking shapes, up to 200 KB) through the
 * API — lintText (with fix) for text, lintBuffer for bytes — in child processes, one input at a time
 * each, and reports:
 *
 * - crashes: the API threw (it must turn bad input into a fatal message), a message points outside
 *   the text, or the child died (out of memory, stack overflow);
 * - hangs: no answer within --timeout seconds of wall time (the child is killed and replaced);
 * - slow inputs: more than 2 s of CPU per 200 KB (at least 2 s). CPU time of the child, not wall
 *   time, so that a run niced on a shared machine measures gia-lint and not its neighbours.
 *
 * Every failing input is written to --out (with a .json of what happened) and can be rebuilt from
 * the seed and its index: `node scripts/fuzz.mjs --seed S --only I`.
 *
 *   node scripts/fuzz.mjs [--count 100000] [--seed N] [--jobs 2] [--timeout 120] [--out fuzz-failures] [--only I] [--no-build]
 *
 * Run it niced on a shared machine: `nice -n 19 npm run fuzz`. Exit code 1 when anything failed.
 */
import { execFileSync, fork } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compileSupport, supportImporter } from './compile-support.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
// One directory per run (the parent's pid; children are told it): runs side by side do not mix.
const GEN_OUT = args.includes('--child') ? args[args.indexOf('--gen') + 1] : path.join(ROOT, `node_modules/.cache/gia-fuzz-${process.pid}`);
const DIST = path.join(GEN_OUT, 'dist');
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
/** Slow: over this much CPU per 200 KB (and over it at all, whatever the size). */
const SLOW_MS_PER_200KB = 2000;

const loadGenerator = () => supportImporter(GEN_OUT)('test/support/fuzz-inputs.ts');

if (args.includes('--child')) await child();
else await parent();

async function parent() {
  const count = Number(opt('count', 100_000));
  const seed = opt('seed') === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(opt('seed'));
  const jobs = Math.max(1, Number(opt('jobs', 2)));
  const timeoutMs = Number(opt('timeout', 120)) * 1000;
  const out = path.resolve(opt('out', path.join(ROOT, 'fuzz-failures')));
  const only = opt('only') === undefined ? undefined : Number(opt('only'));
  const log = (s) => process.stderr.write(`${s}\n`);

  if (!args.includes('--no-build')) execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  // The generator is TypeScript (it shares test/support/generate.ts with the tests): compiled
  // inside node_modules so that its imports (jszip, iconv-lite, docx) resolve.
  compileSupport(GEN_OUT, ['test/support/fuzz-inputs.ts']);
  // The children lint with a copy of dist/ taken now: a rebuild during an hours-long run must not
  // change the code under test for the children started after a crash.
  rmSync(DIST, { recursive: true, force: true });
  cpSync(path.join(ROOT, 'dist'), DIST, { recursive: true });
  const { fuzzInput } = await loadGenerator();

  const indices = only === undefined ? Array.from({ length: count }, (_, i) => i) : [only];
  log(`gia-lint fuzz: seed ${seed}, ${indices.length} inputs, ${jobs} job(s), timeout ${timeoutMs / 1000} s, failures → ${out}`);
  const started = Date.now();
  const failures = [];
  const stats = { done: 0, bytes: 0, cpuMs: 0, maxCpuMs: 0, maxCpuInput: -1, maxMsPer200KB: 0, byFormat: {}, maxRssMb: 0 };
  let next = 0;

  const save = async (kind, index, detail) => {
    mkdirSync(out, { recursive: true });
    const input = await fuzzInput(seed, index, ROOT);
    const base = path.join(out, `${seed}-${index}-${kind}`);
    writeFileSync(`${base}-${input.name}`, input.bytes);
    writeFileSync(`${base}.json`, JSON.stringify({ kind, seed, index, name: input.name, shape: input.shape, size: input.bytes.length, ...detail }, null, 2));
    failures.push({ kind, index, name: input.name, shape: input.shape.slice(0, 200), ...detail });
    log(
      `  ${kind.toUpperCase()} #${index} ${input.name} (${input.bytes.length} B, ${input.shape.slice(0, 160)}): ${String(detail.error ?? detail.cpuMs + ' ms CPU').split('\n')[0]}`,
    );
  };

  const progressEvery = Math.max(100, Math.floor(indices.length / 200));
  const progress = () => {
    const s = (Date.now() - started) / 1000;
    const rate = stats.done / s;
    log(
      `  ${stats.done}/${indices.length} (${rate.toFixed(1)}/s, ETA ${Math.round((indices.length - stats.done) / rate / 60)} min, load ${os.loadavg()[0].toFixed(1)}): ${failures.length} failure(s), max ${Math.round(stats.maxCpuMs)} ms CPU`,
    );
  };

  // Interrupted (Ctrl-C, kill): stop handing out inputs and summarise what was done.
  let interrupted = false;
  const workers = new Set();
  const stop = () => {
    interrupted = true;
    next = indices.length;
    for (const w of workers) w.kill('SIGKILL');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  await new Promise((resolveAll) => {
    let active = 0;
    const startWorker = () => {
      if (interrupted) {
        if (active === 0) resolveAll();
        return;
      }
      const worker = fork(fileURLToPath(import.meta.url), ['--child', '--seed', String(seed), '--gen', GEN_OUT], {
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
      workers.add(worker);
      let stderr = '';
      worker.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
      let current;
      let timer;
      let finished = false;
      active++;
      const done = () => {
        if (finished) return;
        finished = true;
        active--;
        if (active === 0) resolveAll();
      };
      const dispatch = () => {
        if (next >= indices.length) {
          worker.kill();
          return done();
        }
        current = indices[next++];
        timer = setTimeout(() => {
          const index = current;
          current = undefined;
          worker.kill('SIGKILL');
          stats.done++;
          void save('hang', index, { error: `no answer within ${timeoutMs / 1000} s` }).then(() => {
            done();
            startWorker();
          });
        }, timeoutMs);
        worker.send({ index: current });
      };
      worker.on('message', (m) => {
        if (m.ready) return dispatch();
        clearTimeout(timer);
        current = undefined;
        stats.done++;
        stats.bytes += m.size;
        stats.cpuMs += m.cpuMs;
        stats.maxRssMb = Math.max(stats.maxRssMb, m.rssMb);
        const f = (stats.byFormat[m.ext] ??= { n: 0, cpuMs: 0 });
        f.n++;
        f.cpuMs += m.cpuMs;
        if (m.cpuMs > stats.maxCpuMs) Object.assign(stats, { maxCpuMs: m.cpuMs, maxCpuInput: m.index });
        const per200 = (m.cpuMs * 200_000) / Math.max(m.size, 200_000);
        stats.maxMsPer200KB = Math.max(stats.maxMsPer200KB, per200);
        const jobsDone = [];
        if (m.error) jobsDone.push(save('crash', m.index, { error: m.error }));
        else if (per200 > SLOW_MS_PER_200KB) jobsDone.push(save('slow', m.index, { cpuMs: Math.round(m.cpuMs), wallMs: Math.round(m.wallMs) }));
        if (stats.done % progressEvery === 0) progress();
        void Promise.all(jobsDone).then(dispatch);
      });
      worker.on('exit', (code, signal) => {
        clearTimeout(timer);
        workers.delete(worker);
        if (interrupted) return done();
        if (current !== undefined) {
          // Died on an input: out of memory, a native stack overflow, an abort.
          const index = current;
          current = undefined;
          stats.done++;
          void save('crash', index, { error: `child exited (code ${code}, signal ${signal}): ${stderr.trim().split('\n').slice(-5).join(' | ')}` }).then(() => {
            done();
            startWorker();
          });
        } else if (!finished && next < indices.length && signal !== 'SIGKILL') {
          done();
          startWorker();
        } else if (!finished && signal !== 'SIGKILL') done();
      });
    };
    for (let j = 0; j < Math.min(jobs, indices.length); j++) startWorker();
  });

  const seconds = (Date.now() - started) / 1000;
  const summary = {
    date: new Date().toISOString(),
    seed,
    ...(interrupted ? { interrupted: true, planned: indices.length } : {}),
    inputs: stats.done,
    crashes: failures.filter((f) => f.kind === 'crash').length,
    hangs: failures.filter((f) => f.kind === 'hang').length,
    slow: failures.filter((f) => f.kind === 'slow').length,
    durationMin: +(seconds / 60).toFixed(1),
    megabytes: +(stats.bytes / 1e6).toFixed(1),
    cpuMinutes: +(stats.cpuMs / 60_000).toFixed(1),
    maxCpuMs: Math.round(stats.maxCpuMs),
    maxCpuInput: stats.maxCpuInput,
    maxCpuMsPer200KB: Math.round(stats.maxMsPer200KB),
    maxRssMb: Math.round(stats.maxRssMb),
    meanCpuMsByFormat: Object.fromEntries(
      Object.entries(stats.byFormat)
        .sort()
        .map(([k, v]) => [k, `${v.n} inputs, ${(v.cpuMs / v.n).toFixed(1)} ms`]),
    ),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
    jobs,
    failures,
  };
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, `summary-${seed}.json`), JSON.stringify(summary, null, 2));
  process.stdout.write(`${JSON.stringify({ ...summary, failures: failures.length }, null, 2)}\n`);
  rmSync(GEN_OUT, { recursive: true, force: true });
  process.exitCode = failures.length ? 1 : 0;
}

async function child() {
  const seed = Number(opt('seed'));
  const { fuzzInput } = await loadGenerator();
  const { lintBuffer, lintText } = await import(pathToFileURL(path.join(DIST, 'index.js')).href);
  const { SourceText } = await import(pathToFileURL(path.join(DIST, 'model/source.js')).href);
  // An empty directory as cwd: no config file is looked for anyway (useConfigFile: false).
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'gia-fuzz-'));
  const options = { cwd, useConfigFile: false };

  /** A message's place lies inside the text it is about; the end not before the start. */
  const outside = (messages, text) => {
    const src = text === undefined ? undefined : new SourceText(text);
    for (const m of messages) {
      if (!(m.line >= 1 && m.column >= 1) || typeof m.message !== 'string' || (m.severity !== 1 && m.severity !== 2))
        return `bad message ${JSON.stringify(m).slice(0, 300)}`;
      if (!src) continue;
      const lineOk = (l, c) => l <= src.lineCount && c <= src.lineText(l).length + 1;
      if (!lineOk(m.line, m.column)) return `start ${m.line}:${m.column} outside the text (${src.lineCount} lines)`;
      if (m.endLine !== undefined && m.endColumn !== undefined) {
        if (!lineOk(m.endLine, m.endColumn)) return `end ${m.endLine}:${m.endColumn} outside the text`;
        if (src.offsetAt({ line: m.endLine, column: m.endColumn }) < src.offsetAt(m)) return `end before start at ${m.line}:${m.column}`;
      }
    }
    return undefined;
  };

  process.on('message', async ({ index }) => {
    const input = await fuzzInput(seed, index, ROOT);
    const cpu0 = process.cpuUsage();
    const wall0 = performance.now();
    let error;
    try {
      if (input.text !== undefined) {
        // Fix too (in memory): fixes are applied and the text linted again.
        const r = await lintText(input.text, { ...options, filePath: input.name, fix: true });
        error = outside(r.messages, r.output ?? input.text);
      } else {
        const r = await lintBuffer(input.bytes, { ...options, filePath: input.name });
        error = outside(r.messages, undefined);
      }
    } catch (e) {
      error = e instanceof Error ? (e.stack ?? e.message) : String(e);
    }
    const cpu = process.cpuUsage(cpu0);
    process.send({
      index,
      ext: path.extname(input.name).slice(1),
      size: input.bytes.length,
      cpuMs: (cpu.user + cpu.system) / 1000,
      wallMs: performance.now() - wall0,
      rssMb: process.memoryUsage.rss() / 2 ** 20,
      error,
    });
  });
  process.send({ ready: true });
}
