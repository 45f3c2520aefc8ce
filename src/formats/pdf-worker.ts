/**
 * Worker-thread entry of the PDF reader: extracts one PDF per message with PDF.js. Running here,
 * a hostile file (a page bomb, a decompression bomb, a content stream that never ends) is stopped
 * by the thread's memory limit or terminated on time-out (src/formats/pdf.ts), never the linter.
 */
import { parentPort } from 'node:worker_threads';
import { extractPdf, type PdfExtraction, type PdfLimits } from './pdf-extract.js';

export interface PdfRequest {
  id: number;
  bytes: Uint8Array;
  limits: PdfLimits;
}

export interface PdfReply {
  id: number;
  result: PdfExtraction;
}

parentPort?.on('message', (req: PdfRequest) => {
  void extractPdf(req.bytes, req.limits)
    .catch((e: unknown): PdfExtraction => ({ ok: false, reason: 'damaged', detail: e instanceof Error ? e.message.split('\n')[0] : String(e) }))
    .then((result) => parentPort!.postMessage({ id: req.id, result } satisfies PdfReply));
});
