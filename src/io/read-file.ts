import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { Locale } from '../i18n/types.js';
import { defineCatalog, pick, t } from '../i18n/format.js';

const READ_TEXT = defineCatalog('read-file', {
  notFound: { 'zh-CN': '找不到该文件或目录', en: 'No such file or directory' },
  notRegular: { 'zh-CN': '不是普通文件（{{kind}}），只检查普通文件', en: 'Not a regular file ({{kind}}); only regular files are linted' },
  cannotRead: { 'zh-CN': '无法读取文件（{{code}}）', en: 'Cannot read file ({{code}})' },
});

/**
 * Reading an input file safely: only regular files are read, and never more than `maxBytes`.
 *
 * The file is opened first and the open descriptor is checked (fstat), so what is read is what was
 * checked (no stat-then-open race). O_NONBLOCK makes opening a FIFO return at once instead of
 * waiting for a writer; it changes nothing for regular files. The size limit is enforced while
 * reading too, so a file that grows (or lies about its size, like /proc files) stops at the limit.
 */

export type ReadFailure =
  | { ok: false; reason: 'notFound' }
  | { ok: false; reason: 'notRegular'; kind: SpecialKind }
  | { ok: false; reason: 'tooLarge'; size: number }
  | { ok: false; reason: 'error'; code: string };

export type ReadOutcome = { ok: true; bytes: Buffer } | ReadFailure;

export type SpecialKind = 'directory' | 'fifo' | 'socket' | 'characterDevice' | 'blockDevice' | 'other';

const CHUNK = 64 * 1024;

export async function readRegularFile(file: string, maxBytes: number): Promise<ReadOutcome> {
  let handle: FileHandle;
  try {
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, reason: 'notFound' };
    // Opening a Unix domain socket fails with ENXIO.
    if (code === 'ENXIO') return { ok: false, reason: 'notRegular', kind: 'socket' };
    if (code === 'EISDIR') return { ok: false, reason: 'notRegular', kind: 'directory' };
    return { ok: false, reason: 'error', code };
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) {
      const kind: SpecialKind = st.isDirectory()
        ? 'directory'
        : st.isFIFO()
          ? 'fifo'
          : st.isSocket()
            ? 'socket'
            : st.isCharacterDevice()
              ? 'characterDevice'
              : st.isBlockDevice()
                ? 'blockDevice'
                : 'other';
      return { ok: false, reason: 'notRegular', kind };
    }
    if (st.size > maxBytes) return { ok: false, reason: 'tooLarge', size: st.size };
    // The size it has now and one byte more: a read that comes back short has met the end (of a
    // regular file), so the usual file is read by one read into its own buffer, with no copy.
    const whole = Buffer.allocUnsafe(Math.min(st.size, maxBytes) + 1);
    const first = (await handle.read(whole, 0, whole.length, null)).bytesRead;
    if (first < whole.length) return { ok: true, bytes: whole.subarray(0, first) };
    // It has grown (or, like /proc files, states no size): read on in chunks.
    const chunks: Buffer[] = [whole];
    let total = first;
    if (total > maxBytes) return { ok: false, reason: 'tooLarge', size: total };
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
      total += bytesRead;
      // One byte past the limit proves the file is too large; nothing more is read.
      if (total > maxBytes) return { ok: false, reason: 'tooLarge', size: total };
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    if (code === 'EISDIR') return { ok: false, reason: 'notRegular', kind: 'directory' };
    return { ok: false, reason: 'error', code };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

const KIND_NAMES: Record<SpecialKind, { 'zh-CN': string; en: string }> = {
  directory: { 'zh-CN': '目录', en: 'a directory' },
  fifo: { 'zh-CN': '命名管道（FIFO）', en: 'a named pipe (FIFO)' },
  socket: { 'zh-CN': '套接字', en: 'a socket' },
  characterDevice: { 'zh-CN': '字符设备', en: 'a character device' },
  blockDevice: { 'zh-CN': '块设备', en: 'a block device' },
  other: { 'zh-CN': '特殊文件', en: 'a special file' },
};

/** The user-facing reason a read failed (tooLarge is phrased by the caller, which knows the limit's origin). */
export function readFailureMessage(failure: Exclude<ReadFailure, { reason: 'tooLarge' }>, locale: Locale): string {
  switch (failure.reason) {
    case 'notFound':
      return t(READ_TEXT, 'notFound', locale);
    case 'notRegular':
      return t(READ_TEXT, 'notRegular', locale, { kind: pick(KIND_NAMES[failure.kind], locale) });
    case 'error':
      return t(READ_TEXT, 'cannotRead', locale, { code: failure.code });
  }
}
