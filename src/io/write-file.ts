import { constants } from 'node:fs';
import { access, lstat, mkdir, open, readdir, realpath, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/**
 * How `--fix` writes a file (ESLint-like: the file at the path you gave gets the fixed text, and
 * stays the same file for everyone else who refers to it):
 *
 * - A symlink is followed: its target is fixed, the link stays a link.
 * - A read-only file (no write bit in its mode, checked explicitly because root ignores 0444) is
 *   refused with an error; so is one the user may not write.
 * - Normally: a temp file in the same directory, created exclusively (O_EXCL) and set to the
 *   original's mode before any content is written (never more permissive than the original),
 *   given the original's owner when running as root, written, fsynced, renamed over the original,
 *   and the directory fsynced. Readers see the old or the new content, never a mix.
 * - A file with several hard links, or one whose owner a rename would change (another user's file
 *   we may write but not chown): renaming would split the links or change the owner, so it is
 *   written in place. The complete new content is first written and fsynced to the temp file, then
 *   copied over the original (write, truncate, fsync), and only then is the temp file removed: if
 *   the process dies during the copy, the temp file beside the original holds the full fixed text.
 * - Temp files are named `.NAME.gia-lint-PID-RANDOM.tmp`. One left behind by a killed run is
 *   removed the next time that file is written, once its process is gone or it is older than
 *   STALE_TEMP_MS.
 */

export const STALE_TEMP_MS = 10 * 60 * 1000;

export class WriteRefusedError extends Error {
  constructor(
    readonly reason: 'readOnly' | 'notRegular',
    readonly file: string,
  ) {
    super(`${reason}: ${file}`);
  }
}

const tempPrefix = (base: string) => `.${base}.gia-lint-`;

function tempName(file: string): string {
  const random = Math.random().toString(36).slice(2, 10);
  return path.join(path.dirname(file), `${tempPrefix(path.basename(file))}${process.pid}-${random}.tmp`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, owned by someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Remove temp files of ours for `file` whose writer is gone (or that are older than STALE_TEMP_MS). */
export async function removeStaleTemps(file: string, now = Date.now()): Promise<string[]> {
  const dir = path.dirname(file);
  const prefix = tempPrefix(path.basename(file));
  const removed: string[] = [];
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const m = /^(\d{1,10})-[a-z0-9]{1,16}\.tmp$/.exec(name.slice(prefix.length));
    if (!m) continue;
    const full = path.join(dir, name);
    const st = await lstat(full).catch(() => undefined);
    if (!st?.isFile()) continue;
    const pid = Number(m[1]);
    if ((pid !== process.pid && !processAlive(pid)) || now - st.mtimeMs > STALE_TEMP_MS) {
      await unlink(full).then(
        () => removed.push(full),
        () => undefined,
      );
    }
  }
  return removed;
}

async function fsyncDir(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, constants.O_RDONLY);
    await handle.sync();
  } catch {
    // Some platforms (Windows) and file systems cannot fsync a directory; the rename still happened.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Create the temp file with `mode` from the start and write + fsync `data` into it. */
async function writeTemp(tmp: string, data: Buffer, mode: number, owner?: { uid: number; gid: number }): Promise<void> {
  const handle = await open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
  try {
    // open's mode is reduced by the umask; set the exact mode before any content is written.
    await handle.chmod(mode);
    if (owner) await handle.chown(owner.uid, owner.gid);
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Write `data` to `file` as described above. A file that does not exist yet is created (mode 0666 & ~umask). */
export async function writeFileSafely(file: string, data: string | Buffer): Promise<void> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  // Fix the target of a symlink, not the link.
  const target = await realpath(file).catch((e: unknown) => {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return path.resolve(file);
    throw e;
  });
  const before = await stat(target).catch((e: unknown) => {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  });
  if (before && before.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
  if (before && !before.isFile()) throw new WriteRefusedError('notRegular', target);
  if (before && (before.mode & 0o222) === 0) throw new WriteRefusedError('readOnly', target);
  if (before) await access(target, constants.W_OK).catch(() => Promise.reject(new WriteRefusedError('readOnly', target)));

  await mkdir(path.dirname(target), { recursive: true });
  await removeStaleTemps(target);
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- reading the umask has no other API; this process sets none, so nothing races it.
  const mode = before ? before.mode & 0o7777 : 0o666 & ~process.umask();
  const root = process.getuid?.() === 0;
  const ownerChanges = before !== undefined && process.getuid !== undefined && !root && (before.uid !== process.getuid() || before.gid !== process.getgid!());
  const inPlace = before !== undefined && (before.nlink > 1 || ownerChanges);

  const tmp = tempName(target);
  let copying = false;
  try {
    await writeTemp(tmp, bytes, mode, root && before ? { uid: before.uid, gid: before.gid } : undefined);
    if (inPlace) {
      copying = true;
      const handle = await open(target, constants.O_WRONLY);
      try {
        await handle.write(bytes, 0, bytes.length, 0);
        await handle.truncate(bytes.length);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await unlink(tmp);
    } else {
      await rename(tmp, target);
    }
    await fsyncDir(path.dirname(target));
  } catch (e) {
    // Once an in-place copy has started, the temp file is the only complete copy of the fix: keep it.
    if (!copying) await unlink(tmp).catch(() => undefined);
    throw e;
  }
}
