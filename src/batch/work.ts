import { lintFile, readPrevious, type LintOptions } from '../api.js';
import type { ConfigResolver } from '../config/load.js';
import { DEFAULT_MAX_BYTES } from '../formats/decode.js';
import { readRegularFile } from '../io/read-file.js';
import type { LintResult, ResolvedConfig } from '../engine/types.js';
import { sha256 } from './cache.js';
import { pluginStamp } from '../config/plugins.js';

/** One file to lint, with what the cache holds for it (only hashes travel to a worker). */
export interface Task {
  index: number;
  file: string;
  /** Found by directory/glob expansion, not named (RuleContext.expanded). */
  expanded?: boolean;
  cached?: { content: string; config: string };
}

export type Outcome =
  { index: number; hit: true; content: string; config: string } | { index: number; hit?: false; result: LintResult; content?: string; config?: string };

const previousHashes = new WeakMap<object, string>();
function previousHash(previous: { text: string }): string {
  let h = previousHashes.get(previous);
  if (h === undefined) previousHashes.set(previous, (h = sha256(previous.text)));
  return h;
}

/** A resolved config as JSON, once per config object (files of one folder share theirs). */
const configJsons = new WeakMap<ResolvedConfig, string>();
function configJson(config: ResolvedConfig): string {
  let json = configJsons.get(config);
  if (json === undefined) configJsons.set(config, (json = JSON.stringify(config)));
  return json;
}

/**
 * The unit of work, the same in the main thread (serial runs) and in a worker: resolve the file's
 * config, hash content and config when caching, and lint unless the cache entry still holds.
 */
export async function runTask(task: Task, resolver: ConfigResolver, options: LintOptions, useCache: boolean): Promise<Outcome> {
  const config = await resolver.forFile(task.file);
  if (!useCache) return { index: task.index, result: await lintFile(task.file, config, options, task.expanded) };

  // Last year's report (config `previous`) is input too: its content joins the key, not just its
  // path. readPrevious reads it once per batch; its hash is remembered per read.
  const previous = config.previous
    ? await readPrevious(config, options, options.cwd ?? process.cwd()).then(
        (p) => (p ? previousHash(p) : null),
        () => null,
      )
    : null;
  // How the file was found changes one rule's result (not-a-report is silent for expanded files);
  // plugins' code too (version, size, mtime of each module), since the config names only their files.
  // A folder of last year's reports: which files it holds and their versions pick the predecessor.
  const previousDir = config.previousDir ? (options.previousIndex?.[config.previousDir] ?? null) : null;
  const configHash = sha256(
    JSON.stringify([
      configJson(config),
      previous,
      previousDir,
      options.encoding ?? null,
      options.maxBytes ?? DEFAULT_MAX_BYTES,
      task.expanded === true,
      pluginStamp(config),
      options.region === true,
    ]),
  );
  // Read as lintFile reads (regular files only, bounded); a file that cannot be read is not
  // cached, and lintFile phrases the problem.
  const read = await readRegularFile(task.file, options.maxBytes ?? DEFAULT_MAX_BYTES);
  const content = read.ok ? sha256(read.bytes) : undefined;
  if (content !== undefined && task.cached?.content === content && task.cached.config === configHash) {
    return { index: task.index, hit: true, content, config: configHash };
  }
  const result = await lintFile(task.file, config, options, task.expanded);
  return { index: task.index, result, content, config: configHash };
}
