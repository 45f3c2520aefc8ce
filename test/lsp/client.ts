import { spawn, type ChildProcess } from 'node:child_process';

/**
 * A minimal LSP client for tests: JSON-RPC 2.0 with Content-Length framing over the server's
 * stdio, written by hand so that anything on stdout that is not a well-framed message is caught
 * (`garbage`). Answers the server's own requests (registerCapability, workspace/configuration).
 */
export interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

export class LspClient {
  readonly child: ChildProcess;
  /** Every notification received, in order. */
  readonly notifications: { method: string; params: any }[] = [];
  /** Requests the server sent us. */
  readonly serverRequests: { method: string; params: any }[] = [];
  /** Bytes on stdout that were not a framed JSON-RPC message. */
  readonly garbage: string[] = [];
  stderr = '';
  /** What `workspace/configuration` answers for the `gia-lint` section. */
  configuration: unknown = null;
  readonly exited: Promise<number | null>;

  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly waiters: { method: string; test: (p: any) => boolean; resolve: (p: any) => void }[] = [];

  constructor(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
    this.child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (chunk: Buffer) => this.onData(chunk));
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd === -1) {
        // Whatever is waiting must be the start of a header; anything else is stray output.
        if (!'Content-'.startsWith(this.buffer.subarray(0, 8).toString('latin1'))) {
          this.garbage.push(this.buffer.toString('utf8'));
          this.buffer = Buffer.alloc(0);
        }
        return;
      }
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const lines = header.split('\r\n');
      const lengthLine = lines.find((l) => /^Content-Length: \d+$/.test(l));
      if (!lengthLine || lines.some((l) => !/^Content-(Length|Type): /.test(l))) {
        this.garbage.push(header);
        this.buffer = this.buffer.subarray(headerEnd + 4);
        continue;
      }
      const length = Number(lengthLine.slice('Content-Length: '.length));
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      let message: Message;
      try {
        message = JSON.parse(body) as Message;
      } catch {
        this.garbage.push(body);
        continue;
      }
      this.dispatch(message);
    }
  }

  private dispatch(m: Message): void {
    if (m.method !== undefined && m.id !== undefined) {
      this.serverRequests.push({ method: m.method, params: m.params });
      let result: unknown = null;
      if (m.method === 'workspace/configuration') result = ((m.params as { items: unknown[] }).items ?? []).map(() => this.configuration);
      this.write({ jsonrpc: '2.0', id: m.id, result });
      return;
    }
    if (m.method !== undefined) {
      this.notifications.push({ method: m.method, params: m.params });
      for (const w of [...this.waiters]) {
        if (w.method === m.method && w.test(m.params)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(m.params);
        }
      }
      return;
    }
    const p = this.pending.get(m.id as number);
    if (!p) return;
    this.pending.delete(m.id as number);
    if (m.error) p.reject(new Error(`${m.error.code}: ${m.error.message}`));
    else p.resolve(m.result);
  }

  private write(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin!.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin!.write(body);
  }

  request<T = any>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** The next notification `method` whose params pass `test` (already received ones are not considered). */
  waitFor<T = any>(method: string, test: (params: any) => boolean = () => true, timeoutMs = 15000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const waiter = { method, test, resolve };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`timed out waiting for ${method}; stderr: ${this.stderr}`));
      }, timeoutMs);
      waiter.resolve = (p: any) => {
        clearTimeout(timer);
        resolve(p);
      };
      this.waiters.push(waiter);
    });
  }

  /** Diagnostics published for `uri` at `version`. */
  diagnostics(uri: string, version?: number, timeoutMs?: number): Promise<{ uri: string; version?: number; diagnostics: any[] }> {
    return this.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && (version === undefined || p.version === version), timeoutMs);
  }
}
