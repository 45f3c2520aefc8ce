/**
 * Word 97–2003 (.doc), OpenDocument (.odt) and PDF versions of generated reports, as LibreOffice
 * saves (or exports) the generated .docx. They are committed (test/fixtures/office/, the .doc
 * gzipped, the .odt without its thumbnail) so that tests need no office suite; a fixture is named by a hash of the
 * options and of the report's text, so a changed generator asks for new ones:
 *
 *   GIA_MAKE_OFFICE_FIXTURES=1 npx jest test/cross-format.test.ts    # needs soffice (libreoffice-writer)
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { generateBytes, generateReport, type GenOptions } from '../support/generate.js';

export type OfficeFormat = 'doc' | 'odt' | 'pdf';

export const OFFICE_FIXTURES = path.resolve(import.meta.dirname, '../fixtures/office');

export function officeFixturePath(o: Omit<GenOptions, 'format'>, format: OfficeFormat): string {
  const key = createHash('sha256').update(JSON.stringify(o)).update(generateReport({ ...o, format: 'md' })).digest('hex').slice(0, 16);
  return path.join(OFFICE_FIXTURES, format === 'doc' ? `${key}.doc.gz` : `${key}.${format}`);
}

export async function officeBytes(o: Omit<GenOptions, 'format'>, format: OfficeFormat): Promise<Buffer> {
  const file = officeFixturePath(o, format);
  if (!existsSync(file)) {
    if (!process.env.GIA_MAKE_OFFICE_FIXTURES) {
      throw new Error(`missing fixture ${path.relative(process.cwd(), file)} for ${JSON.stringify(o)}: run GIA_MAKE_OFFICE_FIXTURES=1 with soffice installed`);
    }
    writeFileSync(file, await convert(await generateBytes({ ...o, format: 'docx' }), format));
  }
  const bytes = readFileSync(file);
  return format === 'doc' ? gunzipSync(bytes) : bytes;
}

/** The .docx saved by LibreOffice as .doc (gzipped), .odt (thumbnail removed) or PDF. */
async function convert(docx: Buffer, format: OfficeFormat): Promise<Buffer> {
  mkdirSync(OFFICE_FIXTURES, { recursive: true });
  const dir = mkdtempSync(path.join(tmpdir(), 'gia-office-'));
  try {
    writeFileSync(path.join(dir, 'r.docx'), docx);
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', format, '--outdir', dir, path.join(dir, 'r.docx')], { stdio: 'ignore', timeout: 120_000 });
    const out = readFileSync(path.join(dir, `r.${format}`));
    if (format === 'doc') return gzipSync(out, { level: 9 });
    if (format === 'pdf') return out;
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(out);
    zip.remove('Thumbnails/thumbnail.png');
    // The mimetype entry stays first, and stored (not deflated), as OpenDocument requires.
    zip.file('mimetype', 'application/vnd.oasis.opendocument.text', { compression: 'STORE' });
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
