import type { Reporter } from './types.js';
import { oneLine } from './compact.js';
import { isError, terminalSafe, totals } from './util.js';

/**
 * ESLint's `unix` format: `file:line:column: message [Error/rule-id]`, the shape grep, vim's
 * quickfix list and emacs' compilation mode read.
 */
export const unix: Reporter = (results) => {
  let out = '';
  for (const r of results) {
    for (const m of r.messages) {
      const kind = isError(m) ? 'Error' : 'Warning';
      out += `${terminalSafe(r.filePath)}:${m.line || 0}:${m.column || 0}: ${terminalSafe(oneLine(m.message))} [${kind}${m.ruleId ? `/${m.ruleId}` : ''}]\n`;
    }
  }
  const { problems } = totals(results);
  return problems > 0 ? `${out}\n${problems} problem${problems === 1 ? '' : 's'}\n` : '';
};
