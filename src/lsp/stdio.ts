import { Writable } from 'node:stream';
import { format as formatArgs } from 'node:util';
import type { Connection } from 'vscode-languageserver/node';

/** Over stdio, stdout carries JSON-RPC only: console output and stray stdout writes go to the client's log. */

/**
 * Keep stdout for JSON-RPC: the returned stream writes to the real stdout, and anything else
 * that writes to process.stdout afterwards is sent to the client's log instead (redirected by
 * `redirectConsole`), so no stray line can corrupt the protocol.
 */
export function reserveStdout(): NodeJS.WritableStream {
  const write = process.stdout.write.bind(process.stdout) as (chunk: Buffer | string, cb: (e?: Error | null) => void) => boolean;
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      write(chunk, callback);
    },
  });
}

let strayLog: ((text: string) => void) | undefined;

export function redirectConsole(connection: Connection): void {
  const log =
    (level: 'log' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]) =>
      connection.console[level](formatArgs(...args));
  console.log = log('log');
  console.info = log('info');
  console.debug = log('log');
  console.warn = log('warn');
  console.error = log('error');
  console.trace = log('log');
  strayLog = (text) => connection.console.log(text.replace(/\n$/, ''));
  process.stdout.write = (chunk: unknown, encoding?: unknown, cb?: unknown) => {
    strayLog?.(
      typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString(typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'),
    );
    const callback = typeof encoding === 'function' ? encoding : cb;
    if (typeof callback === 'function') queueMicrotask(() => (callback as () => void)());
    return true;
  };
}
