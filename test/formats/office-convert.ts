/**
 * Making an office fixture (test/formats/office.ts): LibreOffice saves the generated .docx as .doc
 * (gzipped), .odt (thumbnail removed) or PDF. Only run with GIA_MAKE_OFFICE_FIXTURES=1 and soffice.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { OFFICE_FIXTURES, type OfficeFormat } from './office.js';

/** The .docx saved by LibreOffice as .doc (gzipped), .odt (thumbnail removed) or PDF. */
export async function convert(docx: Buffer, format: OfficeFormat): Promise<Buffer> {
  mkdirSync(OFFICE_FIXTURES, { recursive: true });
  const dir = mkdtempSync(path.join(tmpdir(), 'gia-office-'));
  try {
    writeFileSync(path.join(dir, 'r.docx'), docx);
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', format, '--outdir', dir, path.join(dir, 'r.docx')], {
      stdio: 'ignore',
      timeout: 120_000,
    });
    const out = readFileSync(path.join(dir, `r.${format}`));
    if (format === 'doc') return gzipSync(out, { level: 9 });
    if (format === 'pdf') return out;
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(out);
    zip.remove('Thumbnails/thumbnail.png');
    // The mimetype entry stays first, and stored (not deflated), as OpenDocument requires.
    zip.file('mimetype', 'application/vnd.oasis.opendocument.text', { compression: 'STORE' });
    return await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
