import type { Locale } from '../engine/types.js';
import type { BatchStats } from '../batch/index.js';

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
    this.stream.write(`\r\x1b[K${this.locale === 'en' ? `Linting ${done}/${total} files (${pct}%)` : `正在检查 ${done}/${total} 个文件（${pct}%）`}`);
  };

  clear(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}

/** The closing line of a batch run: how many files, from the cache, ignored, and how long it took. */
export function summaryLine(stats: BatchStats, errors: number, warnings: number, locale: Locale): string {
  const s = (stats.ms / 1000).toFixed(1);
  if (locale === 'en') {
    const extra = [
      stats.cached ? `${stats.cached} from cache` : '',
      stats.ignored ? `${stats.ignored} ignored by .gianignore` : '',
    ].filter(Boolean);
    return `Checked ${stats.files} file${stats.files === 1 ? '' : 's'}${extra.length ? ` (${extra.join(', ')})` : ''} in ${s} s: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`;
  }
  const extra = [stats.cached ? `${stats.cached} 个来自缓存` : '', stats.ignored ? `${stats.ignored} 个被 .gianignore 忽略` : ''].filter(Boolean);
  return `共检查 ${stats.files} 个文件${extra.length ? `（${extra.join('，')}）` : ''}，用时 ${s} 秒：${errors} 个错误，${warnings} 个警告\n`;
}
