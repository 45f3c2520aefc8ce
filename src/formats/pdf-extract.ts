/**
 * PDF bytes → what is drawn on each page: the glyph runs of the text layer with their positions,
 * the straight ruling lines (table borders) and the boxes of images. Read with Mozilla's PDF.js
 * (pdfjs-dist, legacy build: plain JavaScript, runs in Node without a canvas). Nothing here
 * interprets the layout; src/formats/pdf-layout.ts turns these pages into a Document.
 *
 * This runs inside a worker thread (src/formats/pdf-worker.ts) so a hostile file can be stopped
 * by time and memory limits without taking the linter down; it can also run in-thread (tests).
 */

/** One run of glyphs as PDF.js reports it, in PDF user space (origin bottom-left, points). */
export interface PdfGlyphRun {
  text: string;
  /** Left end of the baseline. */
  x: number;
  /** Baseline height above the page bottom. */
  y: number;
  /** Advance width of the whole run. */
  width: number;
  /** Font size (height of the em square). */
  size: number;
}

/** An axis-aligned line segment drawn on the page: a table border. */
export interface PdfRule {
  /** 'h': from (x1, y) to (x2, y); 'v': from (x, y1) to (x, y2). */
  dir: 'h' | 'v';
  /** The constant coordinate. */
  at: number;
  from: number;
  to: number;
}

export interface PdfBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PdfPage {
  width: number;
  height: number;
  runs: PdfGlyphRun[];
  rules: PdfRule[];
  images: PdfBox[];
}

export interface PdfContent {
  pageCount: number;
  pages: PdfPage[];
}

export type PdfFailureReason = 'encrypted' | 'damaged' | 'tooManyPages' | 'tooBig';

export type PdfExtraction = { ok: true; content: PdfContent } | { ok: false; reason: PdfFailureReason; detail: string };

export interface PdfLimits {
  /** Refuse a PDF with more pages than this (a report has a few dozen at most). */
  maxPages: number;
  /** Stop when the pages together hold more glyph runs plus drawing operations than this. */
  maxOperations: number;
}

export const DEFAULT_PDF_LIMITS: PdfLimits = { maxPages: 300, maxOperations: 2_000_000 };

/** The signature every PDF starts with (within its first KiB, by the spec's tolerance). */
export function looksLikePdf(buf: Buffer): boolean {
  return buf.subarray(0, 1024).includes('%PDF-');
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjsModule: Promise<PdfJs> | undefined;

/**
 * Load PDF.js once. Its main-thread "fake worker" is handed the worker module directly (the
 * `pdfjsWorker` global PDF.js looks for), so nothing is loaded by file path at run time and the
 * esbuild bundle carries both halves. Its start-up warnings about the optional canvas package
 * (only needed to render pages, never to read text) are not the user's business.
 */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjsModule ??= (async () => {
    const log = console.log;
    console.log = () => undefined;
    try {
      const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      pdfjs.GlobalWorkerOptions.workerSrc = 'pdf.worker.mjs';
      return pdfjs;
    } finally {
      console.log = log;
    }
  })();
  return pdfjsModule;
}

export async function extractPdf(bytes: Uint8Array, limits: PdfLimits = DEFAULT_PDF_LIMITS): Promise<PdfExtraction> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    data: bytes,
    // Nothing is fetched or evaluated: no system fonts, no font loading, no eval of font programs.
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    const name = (e as { name?: string }).name;
    if (name === 'PasswordException') return { ok: false, reason: 'encrypted', detail: 'password required' };
    return { ok: false, reason: 'damaged', detail: firstLine(e) };
  }
  try {
    if (doc.numPages > limits.maxPages) return { ok: false, reason: 'tooManyPages', detail: String(doc.numPages) };
    const pages: PdfPage[] = [];
    let operations = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0, y0, x1, y1] = page.view;
      const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
      const runs: PdfGlyphRun[] = [];
      for (const item of content.items) {
        if (!('str' in item) || !item.str.trim()) continue;
        const [a, b, c, d, e, f] = item.transform as number[];
        // Only horizontal writing is laid out; rotated runs (stamps, watermarks) are not report text.
        if (Math.abs(b) > 1e-3 || Math.abs(c) > 1e-3 || a <= 0) continue;
        runs.push({ text: item.str, x: e - x0, y: f - y0, width: item.width, size: Math.abs(d) || Math.abs(a) });
      }
      const ops = await page.getOperatorList();
      operations += runs.length + ops.fnArray.length;
      if (operations > limits.maxOperations) return { ok: false, reason: 'tooBig', detail: `page ${n}` };
      const { rules, images } = drawings(pdfjs.OPS, ops.fnArray, ops.argsArray as unknown[][], x0, y0);
      pages.push({ width: x1 - x0, height: y1 - y0, runs, rules, images });
      page.cleanup();
    }
    return { ok: true, content: { pageCount: doc.numPages, pages } };
  } catch (e) {
    return { ok: false, reason: 'damaged', detail: firstLine(e) };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

type Matrix = [number, number, number, number, number, number];

function multiply(m: Matrix, n: Matrix): Matrix {
  // m applied first, then n (PDF: CTM' = m × CTM).
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** Longest side of a filled rectangle still read as a line (a border drawn as a thin box). */
const THIN = 2.5;

/**
 * Walk the operator list with the current transformation matrix: axis-aligned segments of
 * stroked paths and thin filled rectangles become rules, images become boxes. Curves, and
 * everything that is neither horizontal nor vertical, are ignored.
 */
function drawings(OPS: PdfJs['OPS'], fns: number[], args: unknown[][], x0: number, y0: number): { rules: PdfRule[]; images: PdfBox[] } {
  const rules: PdfRule[] = [];
  const images: PdfBox[] = [];
  let ctm: Matrix = [1, 0, 0, 1, -x0, -y0];
  const stack: Matrix[] = [];
  // Subpaths of the path being built, in page space, kept until it is painted (or discarded).
  let pending: Subpath[] = [];

  const paint = (stroke: boolean, fill: boolean) => {
    for (const sp of pending) {
      const xs = sp.points.map((p) => p[0]);
      const ys = sp.points.map((p) => p[1]);
      const [lx, hx, ly, hy] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      const w = hx - lx;
      const h = hy - ly;
      if (fill && (sp.closed || sp.points.length > 2) && (w <= THIN || h <= THIN)) {
        // A border drawn as a thin filled box (LibreOffice) or quadrilateral (Chromium).
        if (h <= THIN && w > h) rules.push({ dir: 'h', at: (ly + hy) / 2, from: lx, to: hx });
        else if (w <= THIN && h > w) rules.push({ dir: 'v', at: (lx + hx) / 2, from: ly, to: hy });
      } else if (sp.rect && (stroke || fill)) {
        // A stroked box, or a filled cell background: its four edges.
        rules.push({ dir: 'h', at: ly, from: lx, to: hx }, { dir: 'h', at: hy, from: lx, to: hx });
        rules.push({ dir: 'v', at: lx, from: ly, to: hy }, { dir: 'v', at: hx, from: ly, to: hy });
      } else if (stroke) {
        const pts = sp.closed ? [...sp.points, sp.points[0]] : sp.points;
        for (let k = 1; k < pts.length; k++) {
          const [x1, y1] = pts[k - 1];
          const [x2, y2] = pts[k];
          if (Math.abs(y1 - y2) < 0.5 && Math.abs(x1 - x2) >= 0.5) rules.push({ dir: 'h', at: (y1 + y2) / 2, from: Math.min(x1, x2), to: Math.max(x1, x2) });
          else if (Math.abs(x1 - x2) < 0.5 && Math.abs(y1 - y2) >= 0.5)
            rules.push({ dir: 'v', at: (x1 + x2) / 2, from: Math.min(y1, y2), to: Math.max(y1, y2) });
        }
      }
    }
    pending = [];
  };

  for (let i = 0; i < fns.length; i++) {
    const fn = fns[i];
    const a = args[i];
    switch (fn) {
      case OPS.save:
        stack.push(ctm);
        break;
      case OPS.restore:
        ctm = stack.pop() ?? ctm;
        break;
      case OPS.transform:
        ctm = multiply(a as unknown as Matrix, ctm);
        break;
      case OPS.paintFormXObjectBegin:
        stack.push(ctm);
        if (Array.isArray(a[0]) && a[0].length === 6) ctm = multiply(a[0] as Matrix, ctm);
        break;
      case OPS.paintFormXObjectEnd:
        ctm = stack.pop() ?? ctm;
        break;
      case OPS.constructPath:
        pending.push(...subpaths(OPS, a[0] as number[], a[1] as number[], ctm));
        break;
      case OPS.stroke:
      case OPS.closeStroke:
        paint(true, false);
        break;
      case OPS.fill:
      case OPS.eoFill:
        paint(false, true);
        break;
      case OPS.fillStroke:
      case OPS.eoFillStroke:
      case OPS.closeFillStroke:
      case OPS.closeEOFillStroke:
        paint(true, true);
        break;
      case OPS.endPath:
        pending = [];
        break;
      case OPS.paintImageXObject:
      case OPS.paintInlineImageXObject:
      case OPS.paintImageMaskXObject:
      case OPS.paintImageXObjectRepeat: {
        // An image is drawn into the unit square of the current transformation.
        const corners = [apply(ctm, 0, 0), apply(ctm, 1, 0), apply(ctm, 0, 1), apply(ctm, 1, 1)];
        const xs = corners.map((p) => p[0]);
        const ys = corners.map((p) => p[1]);
        const x = Math.min(...xs);
        const y = Math.min(...ys);
        images.push({ x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y });
        break;
      }
      default:
        break;
    }
  }
  return { rules, images };
}

/** A piece of a path in page space: its corner points (curves reduced to their end points). */
interface Subpath {
  points: [number, number][];
  closed: boolean;
  /** Drawn with the rectangle operator and still axis-aligned in page space. */
  rect: boolean;
}

/** The subpaths of one path (PDF.js 4 form: operator codes + flat coordinates). */
function subpaths(OPS: PdfJs['OPS'], ops: number[], coords: number[], ctm: Matrix): Subpath[] {
  const out: Subpath[] = [];
  let current: Subpath | undefined;
  let j = 0;
  const to = (x: number, y: number) => {
    if (!current) {
      current = { points: [], closed: false, rect: false };
      out.push(current);
    }
    current.points.push(apply(ctm, x, y));
  };
  for (const op of ops) {
    switch (op) {
      case OPS.rectangle: {
        const [x, y, w, h] = coords.slice(j, j + 4);
        j += 4;
        const axisAligned = Math.abs(ctm[1]) < 1e-6 && Math.abs(ctm[2]) < 1e-6;
        out.push({ points: [apply(ctm, x, y), apply(ctm, x + w, y), apply(ctm, x + w, y + h), apply(ctm, x, y + h)], closed: true, rect: axisAligned });
        current = undefined;
        break;
      }
      case OPS.moveTo:
        current = undefined;
        to(coords[j], coords[j + 1]);
        j += 2;
        break;
      case OPS.lineTo:
        to(coords[j], coords[j + 1]);
        j += 2;
        break;
      case OPS.curveTo:
        to(coords[j + 4], coords[j + 5]);
        j += 6;
        break;
      case OPS.curveTo2:
      case OPS.curveTo3:
        to(coords[j + 2], coords[j + 3]);
        j += 4;
        break;
      case OPS.closePath:
        if (current) current.closed = true;
        current = undefined;
        break;
      default:
        break;
    }
  }
  return out;
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 200);
}
