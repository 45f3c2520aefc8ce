import { CancellationTokenSource, type CancellationToken } from 'vscode-languageserver/node';

interface Entry {
  timer?: NodeJS.Timeout;
  source: CancellationTokenSource;
}

/**
 * Lints documents while they are typed: an edit (re)starts a quiet-time timer, and only when it
 * expires is the document linted, at whatever version it has then. Every new edit cancels the
 * run in flight for that document (its token), so a run for a superseded version never
 * publishes; `now()` skips the wait when a request (code action, hover) needs a fresh result.
 */
export class LintScheduler<R> {
  private readonly pending = new Map<string, Entry>();

  constructor(
    private readonly lint: (uri: string, token: CancellationToken) => Promise<R | undefined>,
    private readonly publish: (uri: string, result: R) => void,
    private readonly delayMs: () => number,
    private readonly onError: (uri: string, error: unknown) => void = () => undefined,
  ) {}

  /** A document changed: lint it after the quiet time (at once with `immediate`, e.g. on open). */
  schedule(uri: string, immediate = false): void {
    const entry = this.restart(uri);
    const delay = immediate ? 0 : this.delayMs();
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      void this.start(uri, entry);
    }, delay);
  }

  /** Lint now (dropping any wait), resolving to the result, which is also published. */
  now(uri: string): Promise<R | undefined> {
    const entry = this.restart(uri);
    return this.start(uri, entry);
  }

  /** Whether a lint of `uri` is waiting or running. */
  busy(uri: string): boolean {
    return this.pending.has(uri);
  }

  /** Stop everything for a document (closed). */
  cancel(uri: string): void {
    const entry = this.pending.get(uri);
    if (!entry) return;
    if (entry.timer) clearTimeout(entry.timer);
    entry.source.cancel();
    this.pending.delete(uri);
  }

  dispose(): void {
    for (const uri of [...this.pending.keys()]) this.cancel(uri);
  }

  private restart(uri: string): Entry {
    this.cancel(uri);
    const entry: Entry = { source: new CancellationTokenSource() };
    this.pending.set(uri, entry);
    return entry;
  }

  private async start(uri: string, entry: Entry): Promise<R | undefined> {
    const token = entry.source.token;
    try {
      const result = await this.lint(uri, token);
      if (token.isCancellationRequested || result === undefined) return undefined;
      this.publish(uri, result);
      return result;
    } catch (e) {
      if (!token.isCancellationRequested) this.onError(uri, e);
      return undefined;
    } finally {
      if (this.pending.get(uri) === entry) this.pending.delete(uri);
    }
  }
}
