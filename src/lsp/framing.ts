import { Transform, type TransformCallback } from 'node:stream';

/**
 * A tolerant LSP frame reader in front of vscode-jsonrpc's. That reader gives up for good on a bad
 * frame: a header without Content-Length, a garbage header line or a too-small Content-Length
 * leave the rest of the stream misaligned, and LF-only headers are never recognised, so the server
 * silently stops answering. This filter re-frames the input: it accepts headers ended by CRLF or
 * LF, checks that each body is JSON, and after a bad frame skips to the next `Content-Length:`
 * header, logging one line per skipped frame (stderr: the editor's log). What it passes on is
 * always a canonical `Content-Length: N\r\n\r\n<body>` frame.
 */

/** A header block longer than this without its blank line is garbage, not a header still arriving. */
const MAX_HEADER_BYTES = 8 * 1024;
const HEADER_NAME = 'content-length:';

export class LspReframer extends Transform {
  private buffer: Buffer = Buffer.alloc(0);
  /** After a bad frame with no next header in sight yet: what arrives is skipped up to the next header. */
  private resyncing = false;

  constructor(private readonly log: (line: string) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    this.drain();
    done();
  }

  private drain(): void {
    for (;;) {
      if (this.resyncing) {
        const at = nextHeader(this.buffer, 0);
        if (at === -1) {
          this.keepTail();
          return;
        }
        this.buffer = this.buffer.subarray(at);
        this.resyncing = false;
      }
      const header = headerEnd(this.buffer);
      if (!header) {
        if (this.buffer.length > MAX_HEADER_BYTES) this.skip('a header without its blank line', 1);
        return;
      }
      const length = contentLength(this.buffer.subarray(0, header.end).toString('latin1'));
      if (length === undefined) {
        this.buffer = this.buffer.subarray(header.end + header.separator);
        this.skip('a header without a valid Content-Length');
        continue;
      }
      const start = header.end + header.separator;
      if (this.buffer.length < start + length) return;
      const body = this.buffer.subarray(start, start + length);
      if (!isJson(body)) {
        this.buffer = this.buffer.subarray(start);
        this.skip(`a body that is not JSON (Content-Length ${length} too small or wrong)`);
        continue;
      }
      this.push(Buffer.concat([Buffer.from(`Content-Length: ${length}\r\n\r\n`, 'ascii'), body]));
      this.buffer = this.buffer.subarray(start + length);
    }
  }

  /** Drop everything before the next Content-Length header at or after `from`. */
  private skip(what: string, from = 0): void {
    this.log(`gia-lint --lsp: skipped ${what}; reading on from the next Content-Length header`);
    const at = nextHeader(this.buffer, from);
    if (at !== -1) {
      this.buffer = this.buffer.subarray(at);
      return;
    }
    // The next header has not arrived yet (the bad frame came in a chunk of its own): skip on
    // when it does, instead of reading the bad frame's tail as the start of a header.
    this.resyncing = true;
    this.keepTail();
  }

  /** Keep only a tail that may be the start of a header still arriving. */
  private keepTail(): void {
    this.buffer = this.buffer.subarray(Math.max(0, this.buffer.length - HEADER_NAME.length));
  }
}

/** Where the header block ends: a blank line after CRLF or LF line ends. */
function headerEnd(buf: Buffer): { end: number; separator: number } | undefined {
  const crlf = buf.indexOf('\r\n\r\n');
  const lf = buf.indexOf('\n\n');
  if (crlf === -1 && lf === -1) return undefined;
  if (lf === -1 || (crlf !== -1 && crlf < lf)) return { end: crlf, separator: 4 };
  return { end: lf, separator: 2 };
}

function contentLength(header: string): number | undefined {
  let length: number | undefined;
  for (const line of header.split('\n')) {
    const t = line.trim();
    if (!t) continue;
    const colon = t.indexOf(':');
    // A header line is `Name: value`; anything else makes the block garbage.
    if (colon <= 0) return undefined;
    if (t.slice(0, colon).trim().toLowerCase() === 'content-length') {
      const value = t.slice(colon + 1).trim();
      if (!/^\d{1,9}$/.test(value)) return undefined;
      length = Number(value);
    }
  }
  return length;
}

/** Frames follow each other without a separator, so a header may start anywhere, also right after a body. */
function nextHeader(buf: Buffer, from: number): number {
  return buf.toString('latin1').toLowerCase().indexOf(HEADER_NAME, from);
}

function isJson(body: Buffer): boolean {
  try {
    JSON.parse(body.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

/** `input` seen through the reframer; its errors end the filtered stream too. */
export function reframe(input: NodeJS.ReadableStream, log: (line: string) => void): NodeJS.ReadableStream {
  const filter = new LspReframer(log);
  input.on('error', (e: Error) => filter.destroy(e));
  return input.pipe(filter);
}
