/**
 * Decompression limits for zip containers (.docx). The sizes a zip's directory declares may lie:
 * a 1.5 MB file that declares a few KB for word/document.xml can inflate to gigabytes. So every
 * part a converter would read is inflated once here, as a stream, with a running byte count that
 * stops the inflation the moment the limit is passed, whatever the headers say.
 */

/** Inflated bytes a .docx may hold in the parts mammoth reads (XML, relationships; not media). */
export const MAX_INFLATED_BYTES = 64 * 2 ** 20;

export type InflateCheck =
  { ok: true; inflated: number } | { ok: false; reason: 'unreadable'; detail: string } | { ok: false; reason: 'tooLarge'; limit: number };

/** Embedded media are never inflated by the converter (images are replaced by empty ones). */
const SKIPPED = /^(?:word\/media\/|docProps\/thumbnail)/;

/** Inflate every non-media entry of the zip, counting bytes as they come, and stop past `limit`. */
export async function checkInflatedSize(buf: Buffer, limit = MAX_INFLATED_BYTES): Promise<InflateCheck> {
  const { default: JSZip } = await import('jszip');
  let zip: Awaited<ReturnType<typeof JSZip.loadAsync>>;
  try {
    zip = await JSZip.loadAsync(buf);
  } catch (e) {
    return { ok: false, reason: 'unreadable', detail: e instanceof Error ? e.message : String(e) };
  }
  let total = 0;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || SKIPPED.test(entry.name)) continue;
    const outcome = await new Promise<'end' | 'over' | Error>((resolve) => {
      // jszip's stream is its own Readable (from the readable-stream package), not node's class.
      const stream = entry.nodeStream('nodebuffer') as NodeJS.ReadableStream & { destroy(): void };
      stream.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > limit) {
          stream.destroy();
          resolve('over');
        }
      });
      stream.on('error', (e: Error) => resolve(e));
      stream.on('end', () => resolve('end'));
    });
    if (outcome instanceof Error) return { ok: false, reason: 'unreadable', detail: outcome.message };
    if (outcome === 'over') return { ok: false, reason: 'tooLarge', limit };
  }
  return { ok: true, inflated: total };
}
