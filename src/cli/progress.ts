import type { Locale } from '../engine/types.js';
import type { BatchStats } from '../batch/index.js';
import { t, tn } from '../i18n/format.js';
import { REPORTER_TEXT } from '../reporters/messages.js';
import { CLI_TEXT } from './messages.js';

/**
 * A one-line progress counter on stderr for long runs, redrawn in place. Only on a terminal: the
 * caller creates it only when stderr is a TTY, so pipes, files and CI logs never see it, and it
 * never touches stdout, where machine-readable formats go. It appears only after a short delay, so
 * quick runs stay silent, and it erases itself before the report is printed.
 */
export class Progress {
  private shown = false;
  private last = 0;
  private readonly started = Date.now();

  constructor(
    private readonly stream: { write(text: string): unknown },
    private readonly locale: Locale,
    private readonly delayMs = 300,
  ) {}

  update = (done: number, total: number): void => {
    const now = Date.now();
    if (now - this.started < this.delayMs || (now - this.last < 100 && done < total)) return;
    this.last = now;
    this.shown = true;
    const pct = Math.floor((done / total) * 100);
    this.stream.write(`\r\x1b[K${t(CLI_TEXT, 'progress', this.locale, { done, total, pct })}`);
  };

  clear(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}

/** The closing line of a batch run: how many files, from the cache, ignored, and how long it took. */
export function summaryLine(stats: BatchStats, errors: number, warnings: number, locale: Locale): string {
  const items = [
    stats.cached ? t(CLI_TEXT, 'fromCache', locale, { count: stats.cached }) : '',
    stats.ignored ? t(CLI_TEXT, 'ignoredFiles', locale, { count: stats.ignored }) : '',
  ].filter(Boolean);
  const line = t(CLI_TEXT, 'batchSummary', locale, {
    files: tn(CLI_TEXT, 'file', stats.files, locale),
    extra: items.length ? t(CLI_TEXT, 'batchExtra', locale, { items: items.join(t(CLI_TEXT, 'batchExtraSeparator', locale)) }) : '',
    seconds: (stats.ms / 1000).toFixed(1),
    errors: tn(REPORTER_TEXT, 'error', errors, locale),
    warnings: tn(REPORTER_TEXT, 'warning', warnings, locale),
  });
  return `${line}\n`;
}
