/**
 * A "lying" zip bomb: the zip headers declare a tiny word/document.xml, the data inflates to far
 * more. Inflation is capped by a running byte count, not by what the headers say.
 *
 * @unit-loop skip: inflates tens of megabytes to prove the cap (`npm test` runs it).
 */
import { describe, expect, test } from '@jest/globals';
import { parseDocx } from '../../src/formats/docx.js';
import { checkInflatedSize } from '../../src/formats/zip-limits.js';

/** A zip whose one entry inflates to `size` bytes while its local and central headers declare 100. */
async function lyingZip(size: number): Promise<Buffer> {
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  zip.file('word/document.xml', '<w:document>' + '0'.repeat(size) + '</w:document>');
  const buf = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  let patched = 0;
  for (let i = 0; i + 4 <= buf.length; i++) {
    const sig = buf.readUInt32LE(i);
    if (sig === 0x04034b50) {
      buf.writeUInt32LE(100, i + 22);
      patched++;
    } else if (sig === 0x02014b50) {
      buf.writeUInt32LE(100, i + 24);
      patched++;
    }
  }
  expect(patched).toBeGreaterThanOrEqual(2); // the entry (and its folder), local and central headers
  return buf;
}

describe('capped inflation', () => {
  test('the running cap stops a lying entry at the limit', async () => {
    const bomb = await lyingZip(8 * 2 ** 20);
    expect(bomb.length).toBeLessThan(100_000);
    expect(await checkInflatedSize(bomb, 2 ** 20)).toEqual({ ok: false, reason: 'tooLarge', limit: 2 ** 20 });
    // Under a larger cap it inflates to the end, where jszip notices the size does not match.
    expect(await checkInflatedSize(bomb, 16 * 2 ** 20)).toEqual({ ok: false, reason: 'unreadable', detail: expect.stringContaining('size mismatch') });
  });

  test('parseDocx refuses it although the declared sizes are within the limit', async () => {
    const bomb = await lyingZip(3 * 2 ** 20);
    expect(await parseDocx(bomb, 2 ** 20)).toEqual({ ok: false, detail: 'inflates to more than 1 MiB' });
  });

  test('a container that is not a zip is unreadable, not a crash', async () => {
    const r = await checkInflatedSize(Buffer.from('PK\u0003\u0004 not really'));
    expect(r.ok).toBe(false);
  });
});
