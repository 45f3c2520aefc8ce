import type { Reporter } from './types.js';
import { isError, relativePath, terminalSafe, toPosix, totals } from './util.js';
import { summaryLine } from './stylish.js';

/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`), which the runner turns into
 * annotations on the pull request's changed lines. Paths are relative to the working directory,
 * which in a workflow is the repository root (GITHUB_WORKSPACE). Values are escaped as the runner
 * expects, so a message with a newline, "%" or "::" cannot end the command early or forge another.
 */
export const github: Reporter = (results, ctx) => {
  let out = '';
  for (const r of results) {
    const file = toPosix(relativePath(ctx.cwd, r.filePath));
    for (const m of r.messages) {
      const props = [`file=${escapeProperty(file)}`];
      if (m.line) props.push(`line=${m.line}`);
      if (m.column) props.push(`col=${m.column}`);
      if (m.endLine) props.push(`endLine=${m.endLine}`);
      // The runner draws a column range only within one line.
      if (m.endColumn && m.endLine === m.line) props.push(`endColumn=${m.endColumn}`);
      props.push(`title=${escapeProperty(m.ruleId ? `gia-lint (${m.ruleId})` : 'gia-lint')}`);
      out += `::${isError(m) ? 'error' : 'warning'} ${props.join(',')}::${escapeData(m.message)}\n`;
    }
  }
  const { problems, errors, warnings } = totals(results);
  if (problems === 0) return '';
  // A plain closing line for the log, which the runner prints as is.
  out += `${summaryLine(problems, errors, warnings, ctx.locale)}\n`;
  return out;
};

/** Message text: "%" first, so the escapes themselves are not escaped again. */
export const escapeData = (s: string): string => terminalSafe(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));

/** A property value: as message text, plus the ":" and "," that separate properties. */
export const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
