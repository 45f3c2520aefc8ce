// pdfjs-dist ships no types for its worker module; gia-lint only hands it to PDF.js as `pdfjsWorker`.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
