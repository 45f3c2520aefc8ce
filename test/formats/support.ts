/**
 * Helpers for the format tests: render a generated report in any format, read it back through the
 * engine the way the API does, and reduce the result to what must not depend on the format.
 */
import { decodeHTML } from 'entities';
import { verify, type VerifyOutput } from '../../src/engine/linter.js';
import type { LintMessage, ResolvedConfig } from '../../src/engine/types.js';
import { formatForBytes } from '../../src/formats/index.js';
import type { Report } from '../../src/model/report.js';
import { builtinRules } from '../../src/rules/index.js';
import { generateBytes, type AnyGenFormat, type GenOptions } from '../support/generate.js';
import { builtinConfig } from '../support/lint.js';
import { officeBytes, type OfficeFormat } from './office.js';

export const ALL_FORMATS: AnyGenFormat[] = ['md', 'html', 'txt-tsv', 'txt-pipe', 'txt-pdf', 'docx'];

export const FILE_NAME: Record<AnyGenFormat, string> = {
  md: 'report.md',
  html: 'report.html',
  'txt-tsv': 'report.txt',
  'txt-pipe': 'report.txt',
  'txt-pdf': 'report.txt',
  docx: 'report.docx',
};

/** The mission rules plus table-structure (which says when a table cannot be read). */
export const MISSION_RULES = ['table-sum', 'application-balance', 'zero-fee-conflict', 'statistics-period', 'required-sections', 'table-structure'];

export function configFor(ruleIds: string[] = MISSION_RULES): ResolvedConfig {
  return builtinConfig({ rules: ruleIds });
}

export interface Read {
  out: VerifyOutput;
  /** The text positions point into (the file, or the .docx paragraph view). */
  text: string;
}

const isOffice = (f: AnyGenFormat | OfficeFormat): f is OfficeFormat => f === 'doc' || f === 'odt' || f === 'pdf';

/** Lint bytes of one format as the API does (a binary format's processor first, then the pure engine). */
export async function lintBytes(bytes: Buffer, format: AnyGenFormat | OfficeFormat, config = configFor()): Promise<Read> {
  const fileName = isOffice(format) ? `report.${format}` : FILE_NAME[format];
  const descriptor = formatForBytes(fileName, bytes);
  if (descriptor?.binary) {
    const parsed = await descriptor.parse(bytes);
    if (!parsed.ok) throw new Error(`${fileName}: ${parsed.message.en}`);
    const text = parsed.document.source.text;
    return { out: verify(text, { filePath: fileName, document: parsed.document, config, rules: builtinRules }), text };
  }
  const text = bytes.toString('utf8');
  return { out: verify(text, { filePath: fileName, config, rules: builtinRules }), text };
}

export async function render(o: Omit<GenOptions, 'format'>, format: AnyGenFormat | OfficeFormat, config = configFor()): Promise<Read> {
  const bytes = isOffice(format) ? await officeBytes(o, format) : await generateBytes({ ...o, format });
  return lintBytes(bytes, format, config);
}

/** What the recognizer read, without positions: sections, every table cell, table problems. */
export function modelSummary(reports: Report[]) {
  return reports.map((r) => ({
    year: r.year?.value,
    era: r.era,
    sections: Object.fromEntries(Object.entries(r.sections).map(([k, h]) => [k, h.title])),
    periods: r.periods.map((p) => `${p.start.year}-${p.start.month}-${p.start.day}..${p.end.year ?? '?'}-${p.end.month}-${p.end.day}`),
    feeClaims: r.feeClaims.map((c) => c.scope),
    signature: r.signature ? `${r.signature.year}-${r.signature.month}-${r.signature.day}` : undefined,
    tables: Object.fromEntries(
      Object.entries(r.tables).map(([kind, t]) => [
        kind,
        {
          layout: t.layout,
          rows: Object.fromEntries(
            Object.values(t.rows).map((row) => [
              row.key,
              row.unreadable
                ? `unreadable:${row.unreadable}`
                : Object.fromEntries(Object.entries(row.cells).map(([c, v]) => [c, v.kind === 'number' ? v.value : v.kind])),
            ]),
          ),
          problems: t.problems.map((p) => `${p.kind}:${p.kind === 'unreadableRow' ? p.rowKey : ''}`),
        },
      ]),
    ),
  }));
}

/** Source text → what a reader sees there: markup (tags, Markdown heading marks) dropped, entities decoded, no whitespace. */
export function visible(s: string): string {
  return decodeHTML(s.replace(/<[^<>]*>/g, '').replace(/^\s*#{1,6}\s+/, '')).replace(/[\s\u00a0\u3000]+/g, '');
}

function offsetOf(text: string, line: number, column: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', at);
    if (nl === -1) return text.length;
    at = nl + 1;
  }
  return at + column - 1;
}

/** A finding as the format-independent triple: rule, message, and the text it points at. */
export function findingKey(m: LintMessage, text: string): string {
  const start = offsetOf(text, m.line, m.column);
  const end = m.endLine !== undefined && m.endColumn !== undefined ? offsetOf(text, m.endLine, m.endColumn) : start;
  return `${m.ruleId}/${m.messageId} «${visible(text.slice(start, end))}»`;
}

export function findings(read: Read): string[] {
  return read.out.messages.map((m) => findingKey(m, read.text)).sort();
}
