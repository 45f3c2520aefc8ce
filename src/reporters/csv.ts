import type { Reporter } from './types.js';
import { missingRow, OVERVIEW_COLUMNS, overviewOf } from './overview.js';
import { pick } from '../i18n/format.js';

/**
 * The region overview as CSV for Excel and WPS: UTF-8 with a byte-order mark (without it Excel
 * reads Chinese as mojibake), CRLF line ends, RFC 4180 quoting. One row per unit, then one per
 * expected unit without a report. A cell that a spreadsheet would run as a formula (=, +, -, @ at
 * its start, e.g. from an organ name in a hostile file) is prefixed with ' and so stays text.
 */
export const csv: Reporter = (results, ctx) => {
  const overview = overviewOf(results, ctx);
  const lines = [OVERVIEW_COLUMNS.map((c) => pick(c.title, ctx.locale))];
  for (const row of overview.units) lines.push(OVERVIEW_COLUMNS.map((c) => c.value(row, ctx)));
  for (const m of overview.missing) {
    const row = missingRow(m, ctx);
    lines.push(OVERVIEW_COLUMNS.map((c) => row[c.key]));
  }
  return `\uFEFF${lines.map((cells) => cells.map(cell).join(',')).join('\r\n')}\r\n`;
};

function cell(value: string): string {
  const v = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
