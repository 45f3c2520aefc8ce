/**
 * Expectation markers in case files (markdownlint's `{MD034}` idea): a case carries its expected
 * findings on the lines they belong to, so editing a case never means renumbering a JSON file.
 *
 * A marker is an HTML comment at the very end of a line, after one space, in .md and .txt alike:
 *
 *     一、本年新收政府信息公开申请数量 | 2 | 1 | 4 | <!-- {table-sum:rowTotal@49 "应为 3"} -->
 *
 * One comment may hold several markers; a line may end in several comments. Each marker is
 * `{rule-id[:messageId][:+N|:-N] attribute…}` where `:+1` puts the finding on the next line and the
 * attributes, separated by spaces, are
 *
 *   `@12`            the column (1-based, UTF-16, as LintMessage.column)
 *   `end=+1:5`       endLine (relative to the finding's line) and endColumn; `end=7` on the same line
 *   `warn`/`error`   the severity, when it differs from the rule's default
 *   `fix="text"`     the autofix's replacement text (a JSON string); no `fix=` means "no autofix"
 *   `suggest:setTotal="3"`  one suggestion: its messageId and replacement text, in order
 *   `related=-4:9`   one related location (the cell a prose figure contradicts), relative line and
 *                    column, in order; no `related=` means none
 *   `"fragment"`     a JSON string the rendered message must contain
 *
 * The case's own settings (description, options, year, previous, …) are one comment
 * `<!-- case {…json…} -->` on line 1. Markers are stripped before linting: each line keeps every
 * character before its first marker comment, so the linter sees the case at the same lines and
 * columns as the author wrote it (test/cases-markers.test.ts proves it for every case file).
 */

export type MarkerSeverity = 1 | 2;

export interface Suggested {
  messageId: string;
  text: string;
}

export interface ExpectedFinding {
  ruleId: string;
  messageId?: string;
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  severity?: MarkerSeverity;
  /** The autofix's replacement text; undefined: the finding has no autofix. */
  fix?: string;
  suggestions: Suggested[];
  /** The related locations (second places the finding points at), in order. */
  related: { line: number; column: number }[];
  includes: string[];
}

export interface MarkedCase {
  /** The text the linter sees: the file with its marker comments removed. */
  text: string;
  /** The `case {…}` settings of line 1, or {} if there are none. */
  settings: Record<string, unknown>;
  expected: ExpectedFinding[];
}

const OPEN = '<!-- ';
const CLOSE = ' -->';

/** The marker comments at the end of one line (without its line break): [kept text, comment bodies]. */
export function splitLine(line: string): [string, string[]] {
  const bodies: string[] = [];
  let rest = line;
  for (;;) {
    if (!rest.endsWith(CLOSE)) break;
    const open = rest.lastIndexOf(OPEN);
    if (open < 0) break;
    const body = rest.slice(open + OPEN.length, rest.length - CLOSE.length);
    if (!body.startsWith('{') && !body.startsWith('case {')) break;
    // The comment follows one space, unless it is all there is on the line.
    const start = open > 0 && rest[open - 1] === ' ' ? open - 1 : open;
    if (start > 0 && start === open) break;
    bodies.unshift(body);
    rest = rest.slice(0, start);
  }
  return [rest, bodies];
}

/** Splits on spaces outside JSON strings. */
function tokens(s: string): string[] {
  const out: string[] = [];
  let current = '';
  let inString = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (inString) {
      current += ch;
      if (ch === '\\') current += s[++i] ?? '';
      else if (ch === '"') inString = false;
    } else if (ch === '"') {
      current += ch;
      inString = true;
    } else if (ch === ' ') {
      if (current) out.push(current);
      current = '';
    } else current += ch;
  }
  if (inString) throw new Error(`unterminated string in marker: ${s}`);
  if (current) out.push(current);
  return out;
}

/** The `{…}` groups of one marker comment body. */
export function groups(body: string, where: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inString = false;
  let start = -1;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') {
      if (depth++ === 0) start = i + 1;
    } else if (ch === '}') {
      if (--depth === 0) out.push(body.slice(start, i));
      if (depth < 0) throw new Error(`${where}: unbalanced '}' in marker comment: ${body}`);
    } else if (depth === 0 && ch !== ' ') throw new Error(`${where}: text outside {…} in marker comment: ${body}`);
  }
  if (depth !== 0 || inString) throw new Error(`${where}: unterminated marker: ${body}`);
  return out;
}

const HEAD = /^([a-z][a-z0-9-]*)(?::([A-Za-z][A-Za-z0-9]*))?(?::([+-]\d+))?$/;

export function parseMarker(source: string, line: number, where: string): ExpectedFinding {
  const [head, ...attributes] = tokens(source);
  const m = HEAD.exec(head ?? '');
  if (!m) throw new Error(`${where}: a marker starts with rule-id[:messageId][:+N], got {${source}}`);
  const finding: ExpectedFinding = { ruleId: m[1], line: line + (m[3] ? Number(m[3]) : 0), suggestions: [], related: [], includes: [] };
  if (m[2]) finding.messageId = m[2];
  for (const a of attributes) {
    let x: RegExpExecArray | null;
    if ((x = /^@(\d+)$/.exec(a))) finding.column = Number(x[1]);
    else if ((x = /^end=(?:([+-]\d+):)?(\d+)$/.exec(a))) {
      finding.endLine = finding.line + (x[1] ? Number(x[1]) : 0);
      finding.endColumn = Number(x[2]);
    } else if (a === 'warn') finding.severity = 1;
    else if (a === 'error') finding.severity = 2;
    else if (a.startsWith('fix="')) finding.fix = JSON.parse(a.slice(4)) as string;
    else if ((x = /^suggest:([A-Za-z][A-Za-z0-9]*)=(".*")$/.exec(a))) finding.suggestions.push({ messageId: x[1], text: JSON.parse(x[2]) as string });
    else if ((x = /^related=(?:([+-]\d+):)?(\d+)$/.exec(a))) finding.related.push({ line: finding.line + (x[1] ? Number(x[1]) : 0), column: Number(x[2]) });
    else if (a.startsWith('"')) finding.includes.push(JSON.parse(a) as string);
    else throw new Error(`${where}: unknown marker attribute '${a}' in {${source}}`);
  }
  return finding;
}

/** Reads a case file: the text to lint, its settings and its expected findings, in file order. */
export function parseCase(raw: string, name = 'case'): MarkedCase {
  const lines = raw.split('\n');
  const expected: ExpectedFinding[] = [];
  let settings: Record<string, unknown> = {};
  const kept = lines.map((full, i) => {
    const cr = full.endsWith('\r') ? '\r' : '';
    const [text, bodies] = splitLine(cr ? full.slice(0, -1) : full);
    if (text.includes('<!-- {') || text.includes('<!-- case {')) {
      throw new Error(`${name}:${i + 1}: a marker comment must be at the end of its line, after one space (else the linter would see it)`);
    }
    for (const body of bodies) {
      const where = `${name}:${i + 1}`;
      if (body.startsWith('case ')) {
        if (i !== 0) throw new Error(`${where}: the case {…} settings belong on line 1`);
        settings = JSON.parse(body.slice(5)) as Record<string, unknown>;
      } else for (const g of groups(body, where)) expected.push(parseMarker(g, i + 1, where));
    }
    return text + cr;
  });
  // File order: by line, then column; markers without a column keep the order they were written in.
  expected.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
  return { text: kept.join('\n'), settings, expected };
}

/** The marker text for one finding (used to write case files; the inverse of parseMarker). */
export function formatMarker(f: ExpectedFinding, onLine: number): string {
  const offset = f.line - onLine;
  let s = f.ruleId + (f.messageId ? `:${f.messageId}` : '') + (offset ? `:${offset > 0 ? '+' : ''}${offset}` : '');
  if (f.column !== undefined) s += ` @${f.column}`;
  if (f.endColumn !== undefined) s += ` end=${f.endLine !== undefined && f.endLine !== f.line ? `+${f.endLine - f.line}:` : ''}${f.endColumn}`;
  if (f.severity !== undefined) s += f.severity === 2 ? ' error' : ' warn';
  if (f.fix !== undefined) s += ` fix=${quote(f.fix)}`;
  for (const sg of f.suggestions) s += ` suggest:${sg.messageId}=${quote(sg.text)}`;
  for (const r of f.related) s += ` related=${r.line !== f.line ? `${r.line > f.line ? '+' : ''}${r.line - f.line}:` : ''}${r.column}`;
  for (const inc of f.includes) s += ` ${quote(inc)}`;
  return `{${s}}`;
}

/** JSON.stringify with < and > escaped, so a string can never open or close the comment it sits in. */
export function quote(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c').replaceAll('>', '\\u003e');
}

/**
 * The proof that stripping keeps positions, checked independently of splitLine: the lines that
 * differ between the file and the text linted, where the text has another line count, a line that
 * is not the file's line cut where a marker began, a cut that is more than marker comments, or a
 * marker left in. Empty when every line and column is kept.
 */
export function positionsLost(raw: string, text: string): string[] {
  const rawLines = raw.split('\n');
  const lines = text.split('\n');
  if (lines.length !== rawLines.length) return [`${rawLines.length} lines in the file, ${lines.length} linted`];
  const lost: string[] = [];
  lines.forEach((line, i) => {
    const kept = line.replace(/\r$/, '');
    const full = rawLines[i].replace(/\r$/, '');
    const cut = full.slice(kept.length);
    if (!full.startsWith(kept) || !/^(?:(?: |^)<!-- (?:case )?\{.*?\} -->)*$/.test(cut) || /<!-- (?:case )?\{/.test(kept))
      lost.push(`line ${i + 1}: ${JSON.stringify(kept)}`);
  });
  return lost;
}
