import type { Worker } from 'node:worker_threads';
import type { LocalizedText } from '../i18n/types.js';
import { documentView, type BinaryFormat, type PositionStyle } from './descriptor.js';
import { DEFAULT_PDF_LIMITS, looksLikePdf, type PdfExtraction, type PdfFailureReason, type PdfLimits } from './pdf-extract.js';
import { layoutPdf, type PdfDocument } from './pdf-layout.js';
import type { PdfReply, PdfRequest } from './pdf-worker.js';
import { t } from '../i18n/format.js';
import { POSITION_TEXT } from './positions.js';

/**
 * .pdf → Document. PDF.js reads the file in a worker thread with a memory limit and a time limit
 * (a PDF can be built to exhaust either); the layout (src/formats/pdf-layout.ts) rebuilds reading
 * order and tables from what it found. A PDF whose pages carry no text at all is a scan.
 */

export type PdfProblem = PdfFailureReason | 'notPdf' | 'scanned';

export type PdfResult = { ok: true; document: PdfDocument } | { ok: false; problem: PdfProblem; detail: string };

export interface PdfOptions extends Partial<PdfLimits> {
  /** Give up on a file after this long (ms). */
  timeoutMs?: number;
  /** Heap limit of the reading thread (MiB). */
  maxHeapMb?: number;
}

/** A report of a few dozen pages reads in well under a second; this is for files built to hang. */
export const PDF_TIMEOUT_MS = 30_000;
export const PDF_MAX_HEAP_MB = 512;

export { looksLikePdf };

export async function parsePdf(buf: Buffer, options: PdfOptions = {}): Promise<PdfResult> {
  if (!looksLikePdf(buf)) return { ok: false, problem: 'notPdf', detail: 'no %PDF- header' };
  // Every writer ends the file with %%EOF; PDF.js would read what is left of a cut-off file and
  // lint half a report, so a missing end marker is a damaged file.
  if (!buf.subarray(Math.max(0, buf.length - 4096)).includes('%%EOF')) return { ok: false, problem: 'damaged', detail: 'truncated: no %%EOF at the end' };
  const extraction = await extractInWorker(buf, options);
  if (!extraction.ok) return { ok: false, problem: extraction.reason, detail: extraction.detail };
  const { content } = extraction;
  if (!content.pages.some((p) => p.runs.some((r) => r.text.trim()))) return { ok: false, problem: 'scanned', detail: `${content.pageCount} pages, no text` };
  return { ok: true, document: layoutPdf(content) };
}

/** The one fatal message for a PDF that cannot be checked, in both languages. */
export function pdfProblemMessage(problem: PdfProblem, detail: string, limits: PdfLimits = DEFAULT_PDF_LIMITS): LocalizedText {
  switch (problem) {
    case 'scanned':
      return {
        'zh-CN': '扫描件，没有文字层，无法检查；请提供可复制文字的 PDF 或 Word 文件',
        en: 'Scanned PDF without a text layer; it cannot be checked. Provide a PDF with selectable text or the Word file',
      };
    case 'encrypted':
      return {
        'zh-CN': 'PDF 已加密（需要密码才能打开），无法检查；请提供未加密的文件',
        en: 'The PDF is encrypted (a password is needed to open it); provide an unencrypted file',
      };
    case 'tooManyPages':
      return {
        'zh-CN': `PDF 共 ${detail} 页（上限 ${limits.maxPages} 页），不像是年度报告，未检查`,
        en: `The PDF has ${detail} pages (limit ${limits.maxPages}); that is not an annual report, and it was not checked`,
      };
    case 'tooBig':
      return {
        'zh-CN': `PDF 内容过于复杂，超出读取的时间或内存上限（${detail}），未检查`,
        en: `The PDF is too complex to read within the time and memory limits (${detail}); it was not checked`,
      };
    case 'notPdf':
    case 'damaged':
      return {
        'zh-CN': `不是可读取的 PDF 文件（${detail}），文件可能已损坏、不完整或并非 PDF`,
        en: `Not a readable PDF file (${detail}); it may be truncated, damaged or not a PDF`,
      };
  }
}

/** A PDF position: the page and the line on it, as a reader finds it in a PDF viewer. */
const pdfPageLine: PositionStyle = {
  kind: 'pageLine',
  show: (line, _column, locale, place) =>
    place?.page !== undefined
      ? t(POSITION_TEXT, 'pdfPageLine', locale, { page: place.page, line: String(place.pageLine) })
      : t(POSITION_TEXT, 'textViewLine', locale, { line }),
  at: (line, locale, place) => pdfPageLine.show(line, 0, locale, place),
};

export const pdfFormat: BinaryFormat = {
  id: 'pdf',
  name: { 'zh-CN': 'PDF', en: 'PDF' },
  extensions: ['.pdf'],
  binary: true,
  sniff: looksLikePdf,
  async parse(bytes) {
    const r = await parsePdf(bytes);
    return r.ok ? r : { ok: false, message: pdfProblemMessage(r.problem, r.detail) };
  },
  position: pdfPageLine,
  ...documentView,
  fixes: 'manual',
  readme: {
    reads:
      'the text layer, read with PDF.js (pdfjs-dist) in a worker thread; tables rebuilt from their ruling lines (merged cells, a vertical label one character per line, labels wrapped in their cells, a table and a row broken across pages read as one), paragraphs from lines, running heads/feet and page numbers left out (see [PDF](#pdf))',
    positions:
      '**line = line of the text view** that `--print-text` shows (one line per text line or table row, pages in order); messages also carry `page` and `pageLine` (the line on that page, counted from the top)',
  },
};

/* ------------------------------------------------------------------------ the reading thread */

function workerUrl(): URL {
  // Under the test runner this module is the TypeScript source; the worker runs from the build.
  return import.meta.url.endsWith('.ts') ? new URL('../../dist/formats/pdf-worker.js', import.meta.url) : new URL('./pdf-worker.js', import.meta.url);
}

interface Pending {
  resolve: (r: PdfExtraction) => void;
  timer: NodeJS.Timeout;
}

/**
 * One reading thread, started on the first PDF and kept for the next ones (PDF.js loads once).
 * It does not keep the process alive. A time-out or a memory overrun ends it; the next PDF
 * starts a fresh one.
 */
let reader: { worker: Worker; heapMb: number; pending: Map<number, Pending> } | undefined;
let nextId = 1;

function startReader(threads: typeof import('node:worker_threads'), heapMb: number): NonNullable<typeof reader> {
  const worker = new threads.Worker(workerUrl(), { resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32 } });
  worker.unref();
  const state = { worker, heapMb, pending: new Map<number, Pending>() };
  const failAll = (detail: string, reason: PdfFailureReason) => {
    for (const [, p] of state.pending) {
      clearTimeout(p.timer);
      p.resolve({ ok: false, reason, detail });
    }
    state.pending.clear();
    if (reader === state) reader = undefined;
  };
  worker.on('message', (reply: PdfReply) => {
    const p = state.pending.get(reply.id);
    if (!p) return;
    state.pending.delete(reply.id);
    clearTimeout(p.timer);
    p.resolve(reply.result);
    if (state.pending.size === 0) worker.unref();
  });
  worker.on('error', (e: Error & { code?: string }) => {
    failAll(
      e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `more than ${heapMb} MiB of memory` : e.message.split('\n')[0],
      e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'tooBig' : 'damaged',
    );
  });
  worker.on('exit', () => failAll('the reader stopped', 'damaged'));
  return state;
}

async function extractInWorker(buf: Buffer, options: PdfOptions): Promise<PdfExtraction> {
  const heapMb = options.maxHeapMb ?? PDF_MAX_HEAP_MB;
  // Loaded with the first PDF: no other input needs a thread.
  const threads = await import('node:worker_threads');
  if (!reader || reader.heapMb !== heapMb) {
    void reader?.worker.terminate();
    reader = startReader(threads, heapMb);
  }
  const state = reader;
  const id = nextId++;
  const limits: PdfLimits = {
    maxPages: options.maxPages ?? DEFAULT_PDF_LIMITS.maxPages,
    maxOperations: options.maxOperations ?? DEFAULT_PDF_LIMITS.maxOperations,
  };
  const timeoutMs = options.timeoutMs ?? PDF_TIMEOUT_MS;
  return new Promise<PdfExtraction>((resolve) => {
    const timer = setTimeout(() => {
      // A file that takes this long is stopped with its thread; the next PDF gets a new one.
      state.pending.delete(id);
      resolve({ ok: false, reason: 'tooBig', detail: timeoutMs >= 1000 ? `more than ${Math.round(timeoutMs / 1000)} s` : `more than ${timeoutMs} ms` });
      if (reader === state) reader = undefined;
      void state.worker.terminate();
    }, timeoutMs);
    state.pending.set(id, { resolve, timer });
    state.worker.ref();
    // A copy: the caller's buffer may be a slice of a pooled one.
    const bytes = new Uint8Array(buf);
    state.worker.postMessage({ id, bytes, limits } satisfies PdfRequest, [bytes.buffer]);
  });
}
