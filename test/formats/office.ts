/**
 * Word 97–2003 (.doc), OpenDocument (.odt) and PDF versions of generated reports, as LibreOffice
 * saves (or exports) the generated .docx. They are committed (test/fixtures/office/, the .doc
 * gzipped, the .odt without its thumbnail) so that tests need no office suite; a fixture is named by a hash of the
 * options and of the report's text, so a changed generator asks for new ones:
 *
 *   GIA_MAKE_OFFICE_FIXTURES=1 npx jest test/cross-format.test.ts    # needs soffice (libreoffice-writer)
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { generateBytes, generateReport, type GenOptions } from '../support/generate.js';

export type OfficeFormat = 'doc' | 'odt' | 'pdf';

export const OFFICE_FIXTURES = path.resolve(import.meta.dirname, '../fixtures/office');

export function officeFixturePath(o: Omit<GenOptions, 'format'>, format: OfficeFormat): string {
  const key = createHash('sha256')
    .update(JSON.stringify(o))
    .update(generateReport({ ...o, format: 'md' }))
    .digest('hex')
    .slice(0, 16);
  return path.join(OFFICE_FIXTURES, format === 'doc' ? `${key}.doc.gz` : `${key}.${format}`);
}

export async function officeBytes(o: Omit<GenOptions, 'format'>, format: OfficeFormat): Promise<Buffer> {
  const file = officeFixturePath(o, format);
  if (!existsSync(file)) {
    if (!process.env.GIA_MAKE_OFFICE_FIXTURES) {
      throw new Error(`missing fixture ${path.relative(process.cwd(), file)} for ${JSON.stringify(o)}: run GIA_MAKE_OFFICE_FIXTURES=1 with soffice installed`);
    }
    // Loaded only here: the suites reading committed fixtures stay in-process (jest.unit.config.js).
    const { convert } = await import('./office-convert.js');
    writeFileSync(file, await convert(await generateBytes({ ...o, format: 'docx' }), format));
  }
  const bytes = readFileSync(file);
  return format === 'doc' ? gunzipSync(bytes) : bytes;
}
