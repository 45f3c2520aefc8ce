// Developer aid: print what the recognizer sees in a file (reports, sections, tables, claims).
// Usage: node scripts/inspect.mjs <file> [--year N]   (run `npm run build` first)
import { readFileSync } from 'node:fs';
import { bytesToInput } from '../dist/api/input.js';
import { parseDocument, textFormatFor } from '../dist/formats/index.js';
import { recognizeReports } from '../dist/model/recognize.js';

const file = process.argv[2];
const yi = process.argv.indexOf('--year');
// Any format, read as the CLI reads it: a binary format's processor builds the Document.
const input = await bytesToInput(readFileSync(file), file, {}, 'en');
if (!('text' in input)) {
  console.error(input.message);
  process.exit(2);
}
const doc = input.document ?? parseDocument(input.text, textFormatFor(file, input.text));
const pos = (o) => {
  const p = doc.source.positionAt(o);
  return `${p.line}:${p.column}`;
};
for (const r of recognizeReports(doc, { script: input.script, year: yi > 0 ? Number(process.argv[yi + 1]) : undefined })) {
  console.log(
    `\n=== report ${r.index} ${pos(r.span.start)}-${pos(r.span.end)} year=${r.year?.value}(${r.year?.source}) era=${r.era}(${r.eraSource}) title=${r.title?.text ?? '-'}`,
  );
  console.log('headings:', r.headings.map((h) => `${h.numbering ?? ''}${h.title}${h.section ? `[${h.section}]` : ''}@${pos(h.span.start)}`).join(' | '));
  console.log(
    'periods:',
    r.periods
      .map((p) => `${p.text} @${pos(p.span.start)} ${p.start.year}-${p.start.month}-${p.start.day}..${p.end.year ?? '?'}-${p.end.month}-${p.end.day}`)
      .join(' | ') || '-',
  );
  console.log(
    'feeClaims:',
    r.feeClaims.map((c) => `${c.scope}:${c.text}@${pos(c.span.start)}`).join(' | ') || '-',
    ' figures:',
    r.processingFeeFigures.map((f) => f.text).join('|') || '-',
  );
  console.log('signature:', r.signature ? `${r.signature.year}-${r.signature.month}-${r.signature.day}@${pos(r.signature.span.start)}` : '-');
  for (const [k, t] of Object.entries(r.tables)) {
    console.log(`table ${k} layout=${t.layout}(${t.layoutSource}) rows=${Object.keys(t.rows).length} @${pos(t.span.start)}`);
    for (const row of Object.values(t.rows)) {
      const vals = Object.values(row.cells)
        .map((c) => (c.kind === 'number' ? c.value : c.kind === 'empty' ? '_' : c.raw))
        .join(' ');
      console.log(`   ${row.key.padEnd(28)} ${row.match.padEnd(8)} ${row.unreadable ? 'UNREADABLE:' + row.unreadable : vals}  «${row.label.slice(0, 24)}»`);
    }
    if (t.headers?.length)
      console.log(
        '   headers:',
        t.headers.map((h) => `${h.group ? h.group + '/' : ''}${h.key}=${h.label}${h.match === 'exact' ? '' : '(' + h.match + ')'}`).join(' | '),
      );
    for (const p of t.problems) console.log(`   problem ${p.kind} ${p.rowKey ?? ''} ${p.detail} @${pos(p.span.start)}`);
  }
}
