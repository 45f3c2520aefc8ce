import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { DEFAULT_EXTENSIONS, expandPatterns, forgetRecognizedPrevious, indexPreviousDir, namedFiles, type LintFilesOptions } from '../api.js';
import { ConfigError, GiaLintError, UsageError } from '../config/errors.js';
import { ConfigResolver } from '../config/load.js';
import type { LintResult } from '../engine/types.js';
import { cacheFilePath, LintCache } from './cache.js';
import { buildFingerprint } from './fingerprint.js';
import { singleExecutable } from '../single-executable.js';
import { loadIgnore } from './ignore.js';
import { runTask, type Outcome, type Task } from './work.js';
import { defineCatalog, t } from '../i18n/format.js';

const BATCH_TEXT = defineCatalog('batch', {
  allIgnored: {
    'zh-CN': '匹配到的文件全部被 .gianignore 忽略（使用 --no-ignore 可以检查它们）',
    en: 'All files matched by the patterns are ignored by .gianignore (use --no-ignore to lint them)',
  },
});

export { IGNORE_FILE } from './ignore.js';
export { DEFAULT_CACHE_FILE } from './cache.js';

export interface BatchOptions extends LintFilesOptions {
  /** Worker threads: a number (1 = lint in this thread), or 'auto' (default) to decide by batch size and CPUs. */
  concurrency?: number | 'auto';
  /** Reuse results of unchanged files (content, resolved config and build all equal). */
  cache?: boolean;
  /** Cache file, or a directory for it. Default `.gianlintcache` in cwd. */
  cacheLocation?: string;
  /** Honour `.gianignore` in cwd (default true). */
  ignore?: boolean;
  /** Called after each file, in completion order. */
  onProgress?: (done: number, total: number) => void;
}

export interface BatchStats {
  files: number;
  /** Files whose results came from the cache. */
  cached: number;
  /** Files left out by .gianignore. */
  ignored: number;
  workers: number;
  ms: number;
}

/** Below this many files, 'auto' lints in the main thread: starting a worker costs ~0.3 s of imports. */
const AUTO_MIN_FILES_PER_WORKER = 24;

/**
 * Worker count for a batch: 'auto' uses the CPUs other processes leave idle, when there is enough
 * work to pay for the start-up. `load` is the one-minute load average (0 where the system has
 * none, as on Windows).
 */
export function workerCount(concurrency: number | 'auto' | undefined, files: number, cpus = availableParallelism(), load = loadavg()[0]): number {
  if (typeof concurrency === 'number') return Math.max(1, Math.min(concurrency, files));
  const byWork = Math.floor(files / AUTO_MIN_FILES_PER_WORKER);
  // One lint thread already keeps about 1.4 cores busy (V8 collects garbage and compiles on
  // helper threads): measured on 2 vCPUs, a second worker gained 4% wall time for 150 MB more
  // memory. So 'auto' leaves one core per worker to those helpers, and counts only the cores the
  // machine's other work leaves idle: on a busy machine two workers on 2 vCPUs took 1.15× the wall
  // time of one.
  const idle = Math.max(0, cpus - Math.max(0, load));
  const byCpu = Math.floor(idle / 2);
  return Math.max(1, Math.min(byCpu, byWork));
}

/**
 * lintFiles for batches: the same results in the same (sorted path) order, plus `.gianignore`,
 * worker threads and the cache. Files are handed to workers one at a time as they finish, so a
 * slow file does not hold back a whole share; results are put back in order by index.
 */
export async function lintFilesBatch(patterns: string[], options: BatchOptions = {}): Promise<{ results: LintResult[]; stats: BatchStats }> {
  const started = performance.now();
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const locale = options.overrideConfig?.locale ?? 'zh-CN';
  const expanded = await expandPatterns(patterns, { cwd, ext: options.ext ?? DEFAULT_EXTENSIONS, locale });
  const isIgnored = options.ignore === false ? () => false : await loadIgnore(cwd);
  const files = expanded.filter((f) => !isIgnored(f));
  if (files.length === 0) {
    throw new UsageError(t(BATCH_TEXT, 'allIgnored', locale));
  }

  // Custom rules and a fix filter are functions: they cannot be sent to a worker, nor hashed for
  // the cache. A fixing run needs fresh results (with `output`), never cached ones.
  const fix = (options as { fix?: unknown }).fix;
  const custom = options.rules !== undefined || typeof fix === 'function';
  const useCache = options.cache === true && !custom && !fix;
  const cache = useCache ? await LintCache.load(await cacheFilePath(cwd, options.cacheLocation), buildFingerprint()) : undefined;
  const lintOptions: BatchOptions = { ...options, cwd };
  delete lintOptions.onProgress;

  // The single executable has no worker script to start: it lints in this thread.
  const workers = custom || singleExecutable ? 1 : workerCount(options.concurrency, files.length);

  // Folders of last year's reports (`previousDir`): indexed once here, and the index handed to every
  // worker, so each folder is read once per batch whatever the concurrency. Linting in this thread,
  // the index's recognized reports serve the pairing too (a worker gets only the entries).
  const configs = new ConfigResolver(lintOptions);
  const previousDirs = new Set<string>();
  for (const file of files) {
    const dir = (await configs.forFile(file)).previousDir;
    if (dir !== undefined) previousDirs.add(dir);
  }
  if (previousDirs.size) {
    const previousIndex: Record<string, Awaited<ReturnType<typeof indexPreviousDir>>> = { ...options.previousIndex };
    for (const dir of previousDirs) previousIndex[dir] ??= await indexPreviousDir(dir, lintOptions, locale, cwd, workers === 1);
    lintOptions.previousIndex = previousIndex;
  }

  const named = await namedFiles(patterns, cwd);
  const tasks: Task[] = files.map((file, index) => {
    const entry = cache?.get(file);
    // A cached result without the text is no use to a format that shows the text.
    // Nor one without the facts to a region run.
    const usable = entry && (!options.includeSource || entry.result.source !== undefined) && (!options.region || entry.result.unit !== undefined);
    return { index, file, expanded: !named.has(file), ...(usable ? { cached: { content: entry.content, config: entry.config } } : {}) };
  });

  const results: LintResult[] = new Array<LintResult>(files.length);
  let cached = 0;
  let done = 0;
  const accept = (o: Outcome) => {
    const file = files[o.index];
    let result: LintResult;
    if (o.hit) {
      result = { ...cache!.get(file)!.result, filePath: file };
      if (!options.includeSource) delete result.source;
      cached++;
    } else {
      result = o.result;
      if (cache && o.content !== undefined && o.config !== undefined) cache.set(file, { content: o.content, config: o.config, result });
    }
    results[o.index] = result;
    options.onProgress?.(++done, files.length);
  };

  if (workers === 1) {
    const resolver = configs;
    // Several tasks in flight: reading and hashing the next files (libuv's thread pool) overlaps
    // the linting of this one. Results are placed by index, so the order stays the files' order.
    try {
      await inFlight(tasks, SERIAL_IN_FLIGHT, async (task) => accept(await runTask(task, resolver, lintOptions, useCache)));
    } finally {
      // Predecessors no file was paired with (or whose file came from the cache) are not kept
      // beyond the batch: the folder's index itself stays cached for the process.
      for (const entries of Object.values(lintOptions.previousIndex ?? {})) forgetRecognizedPrevious(entries);
    }
  } else {
    await runInWorkers(tasks, workers, { options: serializable(lintOptions), useCache }, accept);
  }

  if (cache) {
    // A cache that cannot be written costs the next run time, not this run its result.
    await cache.save().catch(() => undefined);
  }
  return {
    results,
    stats: { files: files.length, cached, ignored: expanded.length - files.length, workers, ms: performance.now() - started },
  };
}

const SERIAL_IN_FLIGHT = 8;

/** Run `fn` over `items` with at most `limit` calls pending at a time. */
async function inFlight<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/** LintOptions without what cannot cross to a worker (functions, Maps). */
function serializable(o: BatchOptions) {
  const { rules: _rules, onProgress: _p, ...rest } = o as BatchOptions & { fix?: unknown };
  if (typeof (rest as { fix?: unknown }).fix === 'function') delete (rest as { fix?: unknown }).fix;
  return rest;
}

function workerUrl(): URL {
  // Under jest the sources are TypeScript; a worker needs compiled JavaScript, which `npm test` builds first.
  return import.meta.url.endsWith('.ts') ? new URL('../../dist/batch/worker.js', import.meta.url) : new URL('./worker.js', import.meta.url);
}

type WorkerReply = Outcome | { index: number; error: { message: string; stack?: string; name?: string; file?: string; keyPath?: string } };

async function runInWorkers(tasks: Task[], count: number, workerData: object, accept: (o: Outcome) => void): Promise<void> {
  let next = 0;
  let remaining = tasks.length;
  const pool: Worker[] = [];
  // Loaded only when threads are started (a serial run never needs it).
  const threads = await import('node:worker_threads');
  try {
    await new Promise<void>((resolve, reject) => {
      const feed = (w: Worker) => {
        if (next < tasks.length) w.postMessage(tasks[next++]);
      };
      for (let i = 0; i < count; i++) {
        const w = new threads.Worker(workerUrl(), { workerData });
        pool.push(w);
        w.on('message', (reply: WorkerReply) => {
          if ('error' in reply) {
            reject(revive(reply.error));
            return;
          }
          accept(reply);
          if (--remaining === 0) resolve();
          else feed(w);
        });
        w.on('error', reject);
        w.on('exit', (code) => {
          if (remaining > 0 && code !== 0) reject(new Error(`lint worker exited with code ${code}`));
        });
        // Two tasks in flight per worker, so it never waits for the main thread between files.
        feed(w);
        feed(w);
      }
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

/** The errors a user can fix keep their class across the thread boundary (exit code 2, one line). */
function revive(e: { message: string; stack?: string; name?: string; file?: string; keyPath?: string }): Error {
  let err: Error;
  if (e.name === 'ConfigError') err = new ConfigError(e.message, e.file ?? '', e.keyPath ?? '');
  else if (e.name === 'UsageError') err = new UsageError(e.message);
  else if (e.name === 'GiaLintError') err = new GiaLintError(e.message);
  else err = new Error(e.message);
  if (e.stack) err.stack = e.stack;
  return err;
}
