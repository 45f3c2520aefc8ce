import { CancellationTokenSource, type CancellationToken } from 'vscode-languageserver/node';

interface Entry {
  /** A lint waits to start (the quiet time, or the next turn of the event loop). */
  timer?: NodeJS.Timeout;
  /** The run in flight, if any. */
  running?: CancellationTokenSource;
  /** An edit arrived while a run was in flight: lint again, at the newest version, when it ends. */
  again: boolean;
}

/**
 * Lints documents while they are typed, at the pace the engine allows: an edit to an idle document
 * is linted at once (on the next turn of the event loop, so the edits already buffered in the same
 * read are taken together); edits that arrive while a run is in flight cancel that run (its result,
 * for a superseded version, is never published) and are coalesced into ONE follow-up run at the
 * newest version when it ends. So a burst costs at most one run at a time, and the newest version
 * is always published as soon as one run allows. An optional quiet time (`delayMs`, the
 * `debounceMs` setting) delays every start, for slow machines that prefer fewer runs.
 * `now()` skips the wait when a request (code action, hover) needs a fresh result.
 */
export class LintScheduler<R> {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly lint: (uri: string, token: CancellationToken) => Promise<R | undefined>,
    private readonly publish: (uri: string, result: R) => void,
    private readonly delayMs: () => number,
    private readonly onError: (uri: string, error: unknown) => void = () => undefined,
  ) {}

  /** A document changed: lint it as soon as the engine is free for it (at once with `immediate`, e.g. on open). */
  schedule(uri: string, immediate = false): void {
    const entry = this.entry(uri);
    if (entry.running) {
      // The run in flight is for a superseded version: drop its result, lint again when it ends.
      entry.running.cancel();
      entry.again = true;
      return;
    }
    const delay = immediate ? 0 : this.delayMs();
    // With a quiet time, every edit restarts it; without one, a waiting start already covers this edit.
    if (entry.timer && delay === 0 && !immediate) return;
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      void this.start(uri, entry);
    }, delay);
  }

  /** Lint now (dropping any wait and the run in flight), resolving to the result, which is also published. */
  now(uri: string): Promise<R | undefined> {
    const entry = this.entry(uri);
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = undefined;
    entry.running?.cancel();
    entry.again = false;
    return this.start(uri, entry);
  }

  /** Whether a lint of `uri` is waiting or running. */
  busy(uri: string): boolean {
    const entry = this.entries.get(uri);
    return entry !== undefined && (entry.timer !== undefined || entry.running !== undefined || entry.again);
  }

  /** Stop everything for a document (closed). */
  cancel(uri: string): void {
    const entry = this.entries.get(uri);
    if (!entry) return;
    if (entry.timer) clearTimeout(entry.timer);
    entry.running?.cancel();
    this.entries.delete(uri);
  }

  dispose(): void {
    for (const uri of [...this.entries.keys()]) this.cancel(uri);
  }

  private entry(uri: string): Entry {
    let entry = this.entries.get(uri);
    if (!entry) {
      entry = { again: false };
      this.entries.set(uri, entry);
    }
    return entry;
  }

  private async start(uri: string, entry: Entry): Promise<R | undefined> {
    const source = new CancellationTokenSource();
    entry.running = source;
    const token = source.token;
    try {
      const result = await this.lint(uri, token);
      if (token.isCancellationRequested || result === undefined) return undefined;
      this.publish(uri, result);
      return result;
    } catch (e) {
      if (!token.isCancellationRequested) this.onError(uri, e);
      return undefined;
    } finally {
      if (entry.running === source) entry.running = undefined;
      if (this.entries.get(uri) === entry && !entry.running) {
        if (entry.again) {
          entry.again = false;
          this.schedule(uri);
        } else if (!entry.timer) {
          this.entries.delete(uri);
        }
      }
    }
  }
}
