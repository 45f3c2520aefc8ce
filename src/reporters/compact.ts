import type { Reporter } from './types.js';
import { isError, terminalSafe, totals } from './util.js';

/**
 * ESLint's `compact` format, one problem per line, for editors and tools that parse
 * `file: line L, col C, Error - message (rule-id)`. The keywords stay English in every locale so
 * that such parsers keep working; the messages themselves are localized.
 */
export const compact: Reporter = (results) => {
  let out = '';
  for (const r of results) {
    for (const m of r.messages) {
      const rule = m.ruleId ? ` (${m.ruleId})` : '';
      out += `${terminalSafe(r.filePath)}: line ${m.line || 0}, col ${m.column || 0}, ${isError(m) ? 'Error' : 'Warning'} - ${terminalSafe(oneLine(m.message))}${rule}\n`;
    }
  }
  const { problems } = totals(results);
  return problems > 0 ? `${out}\n${problems} problem${problems === 1 ? '' : 's'}\n` : '';
};

/** Whitespace runs that contain a line break become one space (`\s+` then a test: `\s*[\r\n]+\s*` is quadratic). */
export const oneLine = (s: string): string => s.replace(/\s+/g, (w) => (w.includes('\n') || w.includes('\r') ? ' ' : w));
