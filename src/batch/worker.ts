import { parentPort, workerData } from 'node:worker_threads';
import { ConfigError, GiaLintError } from '../config/errors.js';
import { ConfigResolver } from '../config/load.js';
import type { LintOptions } from '../api.js';
import { runTask, type Task } from './work.js';

/**
 * A lint worker thread: receives tasks, posts outcomes. Its own ConfigResolver caches configs for
 * the files it sees. An exception (an engine bug) is posted back and ends the whole run there, as
 * it would in a serial run.
 */
const { options, useCache } = workerData as { options: LintOptions; useCache: boolean };
const resolver = new ConfigResolver(options);

parentPort!.on('message', (task: Task | null) => {
  if (task === null) {
    parentPort!.close();
    return;
  }
  runTask(task, resolver, options, useCache).then(
    (outcome) => parentPort!.postMessage(outcome),
    (e: unknown) =>
      parentPort!.postMessage({
        index: task.index,
        error:
          e instanceof Error
            ? {
                message: e.message,
                stack: e.stack,
                name: e instanceof GiaLintError ? (e.name === 'Error' ? 'GiaLintError' : e.name) : 'Error',
                ...(e instanceof ConfigError ? { file: e.file, keyPath: e.keyPath } : {}),
              }
            : { message: String(e) },
      }),
  );
});
