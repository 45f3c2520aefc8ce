import path from 'node:path';
import type { Reporter } from './types.js';
import { escapeXml, isError, relativePath, stripInvalidXml, totals } from './util.js';
import { t } from '../i18n/format.js';
import { REPORTER_TEXT } from './messages.js';

/**
 * JUnit XML, as CI servers (Jenkins, GitLab, Azure Pipelines, GitHub test-report actions) render
 * it: one <testsuite> per linted file, one failing <testcase> per problem (named after the rule,
 * located in the file), and one passing testcase for a file without problems, so that the test
 * count equals the number of checks shown. Warnings are failures of type "warning": a CI page
 * shows them, while the exit code (not this file) decides whether the gate passes.
 */
export const junit: Reporter = (results, ctx) => {
  const { problems } = totals(results);
  const tests = results.reduce((n, r) => n + Math.max(1, r.messages.length), 0);
  let out = '<?xml version="1.0" encoding="utf-8"?>\n';
  out += `<testsuites name="gia-lint" tests="${tests}" failures="${problems}" errors="0" time="0">\n`;
  for (const r of results) {
    const shown = relativePath(ctx.cwd, r.filePath);
    // classname is dotted in Java; CI servers group by it, so the path without its extension reads best.
    const classname = escapeXml(
      shown
        .replace(/\.[^./\\]*$/, '')
        .split(path.sep)
        .join('.'),
    );
    const count = Math.max(1, r.messages.length);
    out += `  <testsuite name="${escapeXml(shown)}" tests="${count}" failures="${r.messages.length}" errors="0" skipped="0" time="0">\n`;
    if (r.messages.length === 0) {
      out += `    <testcase name="${t(REPORTER_TEXT, 'noProblems', ctx.locale)}" classname="${classname}" file="${escapeXml(shown)}" time="0" />\n`;
    }
    for (const m of r.messages) {
      const kind = isError(m) ? 'error' : 'warning';
      const where = `${shown}:${m.line || 0}:${m.column || 0}`;
      const name = `${m.ruleId ?? t(REPORTER_TEXT, 'fatalRule', ctx.locale)} @ ${m.line || 0}:${m.column || 0}`;
      out += `    <testcase name="${escapeXml(name)}" classname="${classname}" file="${escapeXml(shown)}" line="${m.line || 0}" time="0">\n`;
      out += `      <failure message="${escapeXml(m.message)}" type="${kind}">${cdata(`${where}: ${kind}: ${m.message}${m.ruleId ? ` (${m.ruleId})` : ''}`)}</failure>\n`;
      out += '    </testcase>\n';
    }
    out += '  </testsuite>\n';
  }
  return `${out}</testsuites>\n`;
};

/** A CDATA section; "]]>" inside the text is split across two sections, invalid XML characters dropped. */
function cdata(text: string): string {
  return `<![CDATA[${stripInvalidXml(text).replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}
