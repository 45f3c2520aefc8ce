import path from 'node:path';
import type { LintMessage, LintResult } from '../engine/types.js';

/** Helpers shared by the reporters. Everything here is pure. */

export const isError = (m: LintMessage): boolean => m.fatal === true || m.severity === 2;

/** A path relative to `cwd` when it lies below it; otherwise unchanged ("<text>", other drives). */
export function relativePath(cwd: string, file: string): string {
  if (!path.isAbsolute(file)) return file;
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/** Forward slashes, for formats read on every OS (SARIF URIs, GitHub annotations). */
export const toPosix = (p: string): string => p.split(path.sep).join('/');

export function totals(results: LintResult[]): { errors: number; warnings: number; problems: number } {
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    errors += r.errorCount;
    warnings += r.warningCount;
  }
  return { errors, warnings, problems: errors + warnings };
}

// XML 1.0 allows tab, LF, CR and everything from U+0020 except the surrogates' lone halves and
// U+FFFE/U+FFFF; anything else makes the whole document unreadable, so it is dropped.
const XML_INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Characters XML cannot carry at all, dropped. */
export const stripInvalidXml = (text: string): string => text.replace(XML_INVALID, '');

/** Text or attribute value for XML/HTML: the five special characters escaped, invalid ones dropped. */
export function escapeXml(text: string): string {
  return stripInvalidXml(text).replace(/[&<>"'\t\n\r]/g, (c) => XML_ENTITIES[c]);
}

// Line breaks and tabs as character references: inside an attribute a parser would turn a literal
// one into a space.
const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** The message with its trailing legal basis split off: "…（依据：X）" / "… (basis: X)". */
export function splitBasis(message: string): { text: string; basis?: string } {
  const m = /^([\s\S]*?)(?:（依据：([^（）]*(?:（[^（）]*）[^（）]*)*)）| \(basis: ([^()]*(?:\([^()]*\)[^()]*)*)\))$/.exec(message);
  if (!m) return { text: message };
  return { text: m[1], basis: m[2] ?? m[3] };
}

/**
 * Text for a terminal: C0 controls (but tab), DEL, C1 controls and the bidirectional embedding,
 * override and isolate marks are shown as `\\xHH` / `\\uHHHH`, so a quoted report text or a file
 * name cannot move the cursor, recolour the screen, ring the bell, set the window title or
 * reorder what is shown. Newlines too: one problem stays one line.
 */
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
export function terminalSafe(text: string): string {
  return text.replace(TERMINAL_UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}
