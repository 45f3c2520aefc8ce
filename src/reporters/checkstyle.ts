import type { Reporter } from './types.js';
import { escapeXml, isError } from './util.js';

/**
 * Checkstyle XML (as ESLint's `checkstyle` formatter writes it), read by Jenkins' Warnings plugin,
 * SonarQube and others. Every linted file is listed, so a clean file is visibly clean.
 */
export const checkstyle: Reporter = (results) => {
  let out = '<?xml version="1.0" encoding="utf-8"?>\n<checkstyle version="4.3">\n';
  for (const r of results) {
    out += `  <file name="${escapeXml(r.filePath)}">\n`;
    for (const m of r.messages) {
      const severity = isError(m) ? 'error' : 'warning';
      const source = m.ruleId ? `gia-lint.rules.${m.ruleId}` : 'gia-lint';
      out +=
        `    <error line="${m.line || 0}" column="${m.column || 0}" severity="${severity}"` +
        ` message="${escapeXml(m.message)}" source="${escapeXml(source)}" />\n`;
    }
    out += '  </file>\n';
  }
  return `${out}</checkstyle>\n`;
};
