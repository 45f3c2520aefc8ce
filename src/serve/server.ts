import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { lintBuffer, type LintOptions, type LintTextOptions } from '../api.js';
import { GiaLintError } from '../config/errors.js';
import { displayPath } from '../config/load.js';
import type { LintResult, Locale } from '../engine/types.js';
import { DEFAULT_MAX_BYTES } from '../formats/decode.js';
import { fileSection, verdictLine } from '../reporters/html.js';
import { formatResults } from '../reporters/index.js';
import { clientJs } from './client.js';
import { fixedFile, writesBinaryFixes } from './fixed.js';
import { PAGE_CSS, page, type PageInfo } from './page.js';
import { t } from '../i18n/format.js';
import { SERVE_TEXT } from './messages.js';

/**
 * `gia-lint serve`: the official's desk. One page where a draft is dropped and checked; the bytes
 * are linted in memory through the same API path as `--stdin` (lintBuffer, the file name choosing
 * the format), never written anywhere, and answered to the page only.
 *
 * Safety, because a browser on the same machine also visits other sites:
 * - every request must name this server in `Host` (a DNS-rebinding page cannot);
 * - the one state-free but costly request, POST /api/lint, needs the per-server token from the
 *   page in a custom header (a cross-site form cannot send one, and a cross-site script would
 *   need a CORS preflight this server never grants), and a same-origin `Origin` when one is sent;
 * - nothing from the client is used as a path: the file name only picks the format by its
 *   extension (and the `.gianrc` overrides that match names), inside the server's folder;
 * - a Content-Security-Policy allows nothing but this server's own script and style.
 */
export interface DeskOptions {
  /** The office's folder: its `.gianrc` applies, names are matched against its overrides. */
  cwd: string;
  host: string;
  port: number;
  locale: Locale;
  /** Config and overrides as the CLI builds them (configFile, useConfigFile, overrideConfig, encoding). */
  lint: LintOptions;
  /** What the page says about the config and last year's report. */
  info: Omit<PageInfo, 'locale' | 'token' | 'maxBytes'>;
  /** Largest upload accepted, in bytes (default: the CLI's file limit, 20 MiB). */
  maxBytes?: number;
}

export interface DeskServer {
  server: Server;
  token: string;
  /** Resolves to the URL the page is served at, once listening. */
  listen(): Promise<string>;
  /** Uploads being received or linted right now. */
  uploadsInFlight(): number;
}

/** Answer of POST /api/lint. */
export interface LintAnswer {
  name: string;
  errorCount: number;
  warningCount: number;
  fatal: boolean;
  verdict: 'pass' | 'warn' | 'fail';
  /** The result as the HTML report shows it (escaped on the server): verdict, problems, marked text. */
  html: string;
  /** The self-contained HTML report for this file, to download. */
  report: string;
  reportName: string;
  /**
   * Last year's report this draft was compared with (relative to the folder when inside it), or
   * null when one was asked for (`previous`/`previousDir`) and none of its organ was found.
   */
  previous?: string | null;
  /** The file with every fix applied, when the format can be written back and anything changed. */
  fixed?: { name: string; base64: string; type: string };
}

/** Uploads received or linted at once; the page sends one at a time, so more is another client. */
const MAX_IN_FLIGHT = 4;

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

export function createDeskServer(options: DeskOptions): DeskServer {
  const token = randomBytes(24).toString('base64url');
  const maxBytes = options.maxBytes ?? options.lint.maxBytes ?? DEFAULT_MAX_BYTES;
  let seq = 0;
  let allowedHosts = new Set<string>();
  // Uploads being received or linted: each may hold up to maxBytes, so their number is bounded.
  let inFlight = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const message = e instanceof GiaLintError ? e.message : `internal error: ${e instanceof Error ? e.message : String(e)}`;
      if (!res.headersSent) sendJson(res, 500, { error: message });
      else res.destroy();
    });
  });
  // A slow or stalled upload must not hold the server: bounded waits for headers and bodies.
  server.headersTimeout = 20_000;
  server.requestTimeout = 120_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    if (!allowedHosts.has((req.headers.host ?? '').toLowerCase())) {
      sendText(res, 421, 'Misdirected request: unknown Host');
      return;
    }
    // The path as sent, query left off; not parsed as a URL, where "//x" would name a host.
    const pathname = (req.url ?? '/').split('?')[0];
    const route = `${req.method} ${pathname}`;
    switch (route) {
      case 'GET /':
      case 'HEAD /': {
        send(res, 200, 'text/html; charset=utf-8', page({ ...options.info, locale: options.locale, token, maxBytes }));
        return;
      }
      case 'GET /app.js': {
        send(res, 200, 'text/javascript; charset=utf-8', clientJs(options.locale));
        return;
      }
      case 'GET /app.css': {
        send(res, 200, 'text/css; charset=utf-8', PAGE_CSS);
        return;
      }
      case 'POST /api/lint':
        return lintUpload(req, res);
    }
    if (pathname === '/api/lint') {
      sendText(res, 405, 'Method not allowed', { Allow: 'POST' });
      return;
    }
    sendText(res, 404, 'Not found');
  }

  async function lintUpload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refused = refusal(req, token, allowedHosts);
    if (refused) {
      req.resume();
      sendJson(res, 403, { error: refused });
      return;
    }
    const declared = Number(req.headers['content-length'] ?? NaN);
    const tooLarge = t(SERVE_TEXT, 'fileTooLarge', options.locale, { limit: mib(maxBytes) });
    if (declared > maxBytes) {
      res.setHeader('Connection', 'close');
      sendJson(res, 413, { error: tooLarge });
      req.destroy();
      return;
    }
    if (inFlight >= MAX_IN_FLIGHT) {
      req.resume();
      sendJson(res, 503, { error: t(SERVE_TEXT, 'busy', options.locale) });
      return;
    }
    inFlight++;
    try {
      const body = await readBody(req, maxBytes);
      if (body === undefined) {
        res.setHeader('Connection', 'close');
        sendJson(res, 413, { error: tooLarge });
        req.destroy();
        return;
      }
      const name = safeName(headerName(req.headers['x-file-name']), options.locale);
      sendJson(res, 200, await lintUpload1(body, name));
    } finally {
      inFlight--;
    }
  }

  async function lintUpload1(body: Buffer, name: string): Promise<LintAnswer> {
    // Only the name's place inside the office's folder matters (format, config overrides); the
    // path is never opened.
    const filePath = path.join(options.cwd, name);
    const base: LintTextOptions = { ...options.lint, cwd: options.cwd, maxBytes, filePath, includeSource: true };
    const result = await lintBuffer(body, base);
    const id = `f${++seq}`;
    const ctx = { cwd: options.cwd, locale: options.locale, color: false };
    const fatal = result.fatalErrorCount > 0;
    const answer: LintAnswer = {
      name,
      errorCount: result.errorCount,
      warningCount: result.warningCount,
      fatal,
      verdict: result.errorCount > 0 ? 'fail' : result.warningCount > 0 ? 'warn' : 'pass',
      html: resultHtml(result, id, name, ctx),
      report: formatResults('html', [result], ctx),
      reportName: `${stem(name)}${t(SERVE_TEXT, 'reportSuffix', options.locale)}.html`,
    };
    if (result.unit?.previousWanted) answer.previous = result.unit.previousFile ? displayPath(result.unit.previousFile, options.cwd) : null;
    // A text format says which problems have fixes; a binary format's writer is asked to try
    // (its messages carry none: their ranges are a view of the file).
    if (!fatal && (result.fixableErrorCount + result.fixableWarningCount > 0 || (result.messages.length > 0 && writesBinaryFixes(name, body)))) {
      const fixed = await fixedFile(body, name, base, options.locale);
      if (fixed) answer.fixed = { name: fixed.name, base64: fixed.bytes.toString('base64'), type: fixed.type };
    }
    return answer;
  }

  return {
    server,
    token,
    uploadsInFlight: () => inFlight,
    listen: () =>
      new Promise<string>((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port, options.host, () => {
          server.off('error', reject);
          const address = server.address();
          const port = typeof address === 'object' && address ? address.port : options.port;
          allowedHosts = hostsFor(options.host, port);
          resolve(`http://${urlHost(options.host)}:${port}/`);
        });
      }),
  };
}

/** One file's part of the page: its verdict, then the report's own section (or "no problems"). */
function resultHtml(result: LintResult, id: string, shown: string, ctx: { cwd: string; locale: Locale; color: boolean }): string {
  const verdict = verdictLine(result.errorCount, result.warningCount, ctx.locale);
  return result.messages.length ? verdict + fileSection(result, id, shown, ctx) : verdict;
}

/** Why a lint request is refused (CSRF, other sites), or undefined. */
function refusal(req: IncomingMessage, token: string, hosts: Set<string>): string | undefined {
  const origin = req.headers.origin;
  if (origin !== undefined) {
    let host: string;
    try {
      const u = new URL(origin);
      host = u.protocol === 'http:' ? u.host.toLowerCase() : '';
    } catch {
      host = '';
    }
    if (!hosts.has(host)) return 'Cross-origin request refused';
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return 'Cross-site request refused';
  const given = Buffer.from(String(req.headers['x-gia-token'] ?? ''));
  const wanted = Buffer.from(token);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return 'Missing or wrong token; reload the page';
  return undefined;
}

/** The body, or undefined as soon as it grows past `max` bytes (nothing more is buffered). */
function readBody(req: IncomingMessage, max: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > max) {
        done = true;
        chunks.length = 0;
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) {
        done = true;
        resolve(Buffer.concat(chunks));
      }
    });
    req.on('error', (e) => {
      if (!done) reject(e);
    });
    // A client that goes away mid-upload must not keep its slot.
    req.on('close', () => {
      if (!done && !req.complete) reject(new Error('upload aborted'));
    });
  });
}

function headerName(value: string | string[] | undefined): string {
  const raw = Array.isArray(value) ? value[0] : (value ?? '');
  try {
    return decodeURIComponent(raw);
  } catch {
    return '';
  }
}

// Characters no file name needs: controls, path separators and what Windows forbids.
const UNSAFE_NAME = /[\u0000-\u001f\u007f<>:"/\\|?*\u202a-\u202e\u2066-\u2069]/g;

/**
 * A client's file name reduced to a plain name: the last path component, no controls or
 * separators, no leading dots (never "." or ".."), at most 120 characters, extension kept.
 */
export function safeName(raw: string, locale: Locale): string {
  const last = raw.split(/[/\\]/).pop() ?? '';
  let name = last
    .replace(UNSAFE_NAME, '_')
    .replace(/^[.\s]+/, '')
    .trim();
  if (name.length > 120) {
    const ext = path.extname(name).slice(0, 10);
    name = name.slice(0, 120 - ext.length) + ext;
  }
  return name || t(SERVE_TEXT, 'pastedName', locale);
}

const stem = (name: string): string => name.slice(0, name.length - path.extname(name).length) || name;

function mib(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;
}

/** `Host` values that name this server: loopback names, the bound host, and for 0.0.0.0/:: every local address. */
function hostsFor(host: string, port: number): Set<string> {
  const names = new Set(['localhost', '127.0.0.1', '[::1]', urlHost(host).toLowerCase()]);
  if (host === '0.0.0.0' || host === '::') {
    names.add(os.hostname().toLowerCase());
    for (const list of Object.values(os.networkInterfaces())) {
      for (const a of list ?? []) names.add(a.family === 'IPv6' ? `[${a.address}]` : a.address);
    }
  }
  return new Set([...names].map((n) => `${n}:${port}`));
}

const urlHost = (host: string): string => (host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);

function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Cache-Control', 'no-store');
}

function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  const data = Buffer.from(body, 'utf8');
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': data.length, ...headers });
  res.end(res.req.method === 'HEAD' ? undefined : data);
}

function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  send(res, status, 'text/plain; charset=utf-8', `${text}\n`, headers);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}
