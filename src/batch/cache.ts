import type { Hash } from 'node:crypto';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { LintResult } from '../engine/types.js';

export const DEFAULT_CACHE_FILE = '.gianlintcache';

/** One file's cached result and what it was computed from. */
export interface CacheEntry {
  /** sha256 of the file's bytes. */
  content: string;
  /** sha256 of the resolved config and the options that change results (see configKey). */
  config: string;
  result: LintResult;
}

interface CacheFile {
  gianLintCache: 1;
  /** Version + build fingerprint: a cache written by other code is discarded whole. */
  build: string;
  entries: Record<string, CacheEntry>;
}

/** Builtins by name, synchronously (what the bundle leaves alone). */
const builtin = createRequire(import.meta.url);
let crypto: typeof import('node:crypto') | undefined;

/** A sha256 hash to feed. node:crypto loads on first use: it costs start-up several ms, and only --cache hashes. */
export function sha256Hash(): Hash {
  crypto ??= builtin('node:crypto') as typeof import('node:crypto');
  return crypto.createHash('sha256');
}

export const sha256 = (data: string | Buffer): string => sha256Hash().update(data).digest('hex');

/**
 * Where `--cache-location` points: a directory (existing, or written with a trailing slash) gets
 * the default file name inside it, as with ESLint's --cache-location.
 */
export async function cacheFilePath(cwd: string, location: string | undefined): Promise<string> {
  if (location === undefined) return path.join(cwd, DEFAULT_CACHE_FILE);
  const abs = path.resolve(cwd, location);
  if (/[\\/]$/.test(location) || (await stat(abs).catch(() => undefined))?.isDirectory()) return path.join(abs, DEFAULT_CACHE_FILE);
  return abs;
}

/**
 * The lint cache: results keyed by file path, valid while the file's content hash, its resolved
 * config's hash and the build are unchanged. A missing, unreadable or foreign cache file is an
 * empty cache, never an error: the run just lints everything again.
 */
export class LintCache {
  private constructor(
    readonly file: string,
    private readonly build: string,
    private readonly entries: Map<string, CacheEntry>,
  ) {}

  static async load(file: string, build: string): Promise<LintCache> {
    const entries = new Map<string, CacheEntry>();
    try {
      const data = JSON.parse(await readFile(file, 'utf8')) as Partial<CacheFile>;
      if (data && data.gianLintCache === 1 && data.build === build && data.entries && typeof data.entries === 'object') {
        for (const [k, v] of Object.entries(data.entries)) {
          // Each entry is checked in full: one malformed entry is dropped (and re-linted), never trusted.
          if (isCacheEntry(v)) entries.set(k, v);
        }
      }
    } catch {
      // absent or corrupt: start empty
    }
    return new LintCache(file, build, entries);
  }

  get(file: string): CacheEntry | undefined {
    return this.entries.get(file);
  }

  set(file: string, entry: CacheEntry): void {
    this.entries.set(file, entry);
    this.changed = true;
  }

  /** Whether an entry was set since loading: a re-run where every file came from the cache has nothing to write. */
  private changed = false;

  /** Written through a temp file and a rename, so an interrupted run never leaves half a cache. */
  async save(): Promise<void> {
    if (!this.changed) return;
    const data: CacheFile = { gianLintCache: 1, build: this.build, entries: Object.fromEntries(this.entries) };
    const tmp = `${this.file}.${process.pid}.tmp`;
    await mkdir(path.dirname(this.file), { recursive: true });
    try {
      await writeFile(tmp, JSON.stringify(data));
      await rename(tmp, this.file);
    } catch (e) {
      await unlink(tmp).catch(() => undefined);
      throw e;
    }
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 0;
const optional = (v: unknown, check: (v: unknown) => boolean): boolean => v === undefined || check(v);

function isMessage(m: unknown): boolean {
  return (
    isObject(m) &&
    (m.ruleId === null || typeof m.ruleId === 'string') &&
    (m.severity === 1 || m.severity === 2) &&
    typeof m.message === 'string' &&
    isCount(m.line) &&
    isCount(m.column) &&
    optional(m.endLine, isCount) &&
    optional(m.endColumn, isCount) &&
    optional(m.fatal, (v) => typeof v === 'boolean') &&
    optional(m.messageId, (v) => typeof v === 'string')
  );
}

/** A cache entry in the shape this build writes (a LintResult's fields that reporters read). */
export function isCacheEntry(v: unknown): v is CacheEntry {
  if (!isObject(v) || typeof v.content !== 'string' || typeof v.config !== 'string' || !isObject(v.result)) return false;
  const r = v.result;
  return (
    typeof r.filePath === 'string' &&
    Array.isArray(r.messages) &&
    r.messages.every(isMessage) &&
    optional(r.suppressedMessages, (s) => Array.isArray(s) && s.every((m) => isMessage(m) && Array.isArray((m as Record<string, unknown>).suppressions))) &&
    ['errorCount', 'warningCount', 'fatalErrorCount', 'fixableErrorCount', 'fixableWarningCount'].every((k) => isCount(r[k])) &&
    optional(r.output, (o) => typeof o === 'string')
  );
}
