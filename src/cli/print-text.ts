import path from 'node:path';
import { readTexts, type LintOptions } from '../api.js';
import { UsageError } from '../config/errors.js';
import type { Locale } from '../engine/types.js';
import type { CliIO } from './main.js';
import type { CliOptions } from './options.js';
import { t } from '../i18n/format.js';
import { CLI_TEXT } from './messages.js';

/**
 * `--print-text`: the text each file is read as, one numbered line per line, so a message's
 * line:column can be found in it (column = position after the tab). For a PDF each line also
 * shows page:line in the PDF, and a rule marks where a page begins. Exit 2 when a file cannot be read.
 */
export async function printTexts(opts: CliOptions, apiOptions: LintOptions, io: CliIO, locale: Locale): Promise<number> {
  if (opts.stdin || opts.files.length === 0) throw new UsageError(t(CLI_TEXT, 'printTextNeedsFiles', locale));
  const texts = await readTexts(opts.files, { ...apiOptions, ...(opts.ext ? { ext: opts.ext } : {}), locale });
  let failed = false;
  for (const read of texts) {
    io.stdout.write(`${path.relative(io.cwd, read.filePath) || read.filePath}\n`);
    if (read.text === undefined) {
      io.stdout.write(`  ${read.message}\n\n`);
      failed = true;
      continue;
    }
    const lines = read.text.split(/\r\n|\r|\n/);
    if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
    const width = String(lines.length).length;
    let page = 0;
    lines.forEach((line, i) => {
      const place = read.places?.[i];
      if (place && place.page !== page) {
        page = place.page;
        io.stdout.write(`${t(CLI_TEXT, 'pageMarker', locale, { page })}\n`);
      }
      io.stdout.write(`${String(i + 1).padStart(width)}\t${place ? `${place.page}:${place.line}\t` : ''}${line}\n`);
    });
    io.stdout.write('\n');
  }
  return failed ? 2 : 0;
}
