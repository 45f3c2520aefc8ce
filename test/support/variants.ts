/**
 * Realistic shapes of a CORRECT report (domain.md §7), derived from a generated report: the forms
 * a reviewer receives instead of the clean file. Each variant keeps every number and every sentence
 * of the report; only the carrier is damaged the way web pages, PDF extraction and converters
 * damage it. The linter must read each one to the same Report as the clean version (or say once per
 * table that it could not read it) and must never raise an error on it.
 *
 *   variantBytes('pdf-layout', { year: 2024, seed: 1 }) → Buffer (UTF-8 text, HTML, or .docx bytes)
 *
 * The transforms work on the tab-separated rendering ('txt-tsv'), where every table row is one line
 * with one tab per cell, so the structure they damage is explicit.
 */
import { generateReport, type GenOptions } from './generate.js';

export type VariantKind =
  /** Web page text saved flat: the whole body on one line, table cells run together with one space. */
  | 'flat-web'
  /** The same, one long line per section. */
  | 'flat-sections'
  /** Flat, and table cells run together with no separator at all ("6201019"). */
  | 'flat-tight'
  /** The flattened text as one HTML <p> (an article pasted into a CMS editor). */
  | 'flat-html'
  /** The flattened text as one .docx paragraph. */
  | 'flat-docx'
  /** `pdftotext -layout`-style text: spilled vertical group labels, wrapped labels, page footers, wrapped dates. */
  | 'pdf-layout'
  /** The PDF lines saved as one HTML <p> each. */
  | 'para-html'
  /** The PDF lines saved as one .docx paragraph each. */
  | 'para-docx'
  /** Converter Markdown: pipe tables with garbled headers, table 三 split in two, sub-topics numbered 一、二、 */
  | 'converter-md';

export const VARIANT_KINDS: VariantKind[] = [
  'flat-web',
  'flat-sections',
  'flat-tight',
  'flat-html',
  'flat-docx',
  'pdf-layout',
  'para-html',
  'para-docx',
  'converter-md',
];

export const VARIANT_EXT: Record<VariantKind, string> = {
  'flat-web': 'txt',
  'flat-sections': 'txt',
  'flat-tight': 'txt',
  'flat-html': 'html',
  'flat-docx': 'docx',
  'pdf-layout': 'txt',
  'para-html': 'html',
  'para-docx': 'docx',
  'converter-md': 'md',
};

type Base = Omit<GenOptions, 'format'>;

/** `rewrite` changes the tab-separated rendering first (a defect no generator option makes). */
export function variantText(kind: Exclude<VariantKind, 'para-docx' | 'flat-docx'>, o: Base, rewrite: (tsv: string) => string = (t) => t): string {
  const tsv = rewrite(generateReport({ ...o, format: 'txt-tsv' }));
  switch (kind) {
    case 'flat-web':
      return flatten(tsv, ' ', 'one');
    case 'flat-sections':
      return flatten(tsv, ' ', 'sections');
    case 'flat-tight':
      return flatten(tsv, '', 'one');
    case 'flat-html':
      return paragraphHtml([flatten(tsv, ' ', 'one').trim()]);
    case 'pdf-layout':
      return pdfLayout(tsv, o.seed ?? 1).join('\n') + '\n';
    case 'para-html':
      return paragraphHtml(pdfLayout(tsv, o.seed ?? 1));
    case 'converter-md':
      return converterMarkdown(tsv);
  }
}

export async function variantBytes(kind: VariantKind, o: Base, rewrite: (tsv: string) => string = (t) => t): Promise<Buffer> {
  return variantOfTsv(kind, rewrite(generateReport({ ...o, format: 'txt-tsv' })), o.seed ?? 1);
}

/** The variant of a report given in the tab-separated rendering (a generated report, or a seed via seedTsv). */
export async function variantOfTsv(kind: VariantKind, tsv: string, seed = 1): Promise<Buffer> {
  switch (kind) {
    case 'para-docx':
      return paragraphDocx(pdfLayout(tsv, seed));
    case 'flat-docx':
      return paragraphDocx([flatten(tsv, ' ', 'one').trim()]);
    case 'flat-web':
      return Buffer.from(flatten(tsv, ' ', 'one'), 'utf8');
    case 'flat-sections':
      return Buffer.from(flatten(tsv, ' ', 'sections'), 'utf8');
    case 'flat-tight':
      return Buffer.from(flatten(tsv, '', 'one'), 'utf8');
    case 'flat-html':
      return Buffer.from(paragraphHtml([flatten(tsv, ' ', 'one').trim()]), 'utf8');
    case 'pdf-layout':
      return Buffer.from(pdfLayout(tsv, seed).join('\n') + '\n', 'utf8');
    case 'para-html':
      return Buffer.from(paragraphHtml(pdfLayout(tsv, seed)), 'utf8');
    case 'converter-md':
      return Buffer.from(converterMarkdown(tsv), 'utf8');
  }
}

/**
 * A real report (a seed) in the tab-separated rendering the transforms work on: its table rows one
 * line each with tab-separated cells (pipe rows "a | 1 | 2 |" become "a\t1\t2"), Markdown heading
 * marks dropped (a web page shows the heading, not the marks). Everything else is kept as written,
 * so the variants carry the seed's own mess (labels wrapped inside cells, rows that lost their
 * label) on top of the damage the carrier adds.
 */
export function seedTsv(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => {
      const t = line.trim();
      if (/^#{1,6}\s/.test(t)) return t.replace(/^#{1,6}\s+/, '');
      // Blank cells stay (as empty tab-separated cells): a row of blanks is still a row.
      if (!line.includes('\t') && (t.match(/\|/g)?.length ?? 0) >= 2)
        return t
          .replace(/^\|/, '')
          .replace(/\|$/, '')
          .split('|')
          .map((c) => c.trim())
          .join('\t');
      return line;
    })
    .join('\n');
}

/* ------------------------------------------------------------------------------- flattened */

const CHROME_BEFORE = '当前位置：首页 > 政务公开 > 政府信息公开年报 ';
const CHROME_AFTER = ' 【打印本页】 【关闭窗口】';

/**
 * Web text saved flat. `cellGap` joins the cells of a table row (' ' or nothing); empty cells
 * vanish as they do when a page's text is copied. 'one': the body on one line; 'sections': a
 * line break only before each numbered part.
 */
function flatten(tsv: string, cellGap: string, lines: 'one' | 'sections'): string {
  const pieces = tsv
    .split('\n')
    .filter((l) => l.trim())
    .map((l) =>
      l.includes('\t')
        ? l
            .split('\t')
            .filter((c) => c.trim())
            .join(cellGap)
        : l.trim(),
    );
  let body = '';
  for (const p of pieces) {
    const newPart = lines === 'sections' && /^[一二三四五六]、/.test(p) && !/申请数量|继续办理|本年度办理结果/.test(p);
    body += newPart ? `\n${p}` : body && cellGap && /\d$/.test(body) && /^\d/.test(p) ? ` ${p}` : p;
  }
  return `${CHROME_BEFORE}${body}${CHROME_AFTER}\n`;
}

/* ------------------------------------------------------------------------------ PDF layout */

const WIDTH = 36;
const GAP = '   ';

/** Labels of groups printed as merged vertical cells in table 三. */
const VERTICAL_GROUP = /^(?:三、本年度办理结果|（[三四五六]）(?:不予公开|无法提供|不予处理|其他处理))$/;

function chars(s: string): string[] {
  return [...s];
}

/** Wrap prose at WIDTH characters, breaking the 统计期限 sentence between the year and 年. */
function wrapProse(line: string): string[] {
  const cs = chars(line);
  const out: string[] = [];
  const breakAt = new Set<number>();
  const m = /统计期限自(\d{4})年/.exec(line);
  if (m) breakAt.add(chars(line.slice(0, m.index + 5 + 4)).length);
  let cur = 0;
  for (let i = 0; i <= cs.length; i++) {
    if (i === cs.length || i - cur >= WIDTH || breakAt.has(i)) {
      if (i > cur) out.push(cs.slice(cur, i).join(''));
      cur = i;
    }
  }
  return out;
}

/** Cut a label into pieces of at most n characters. */
function pieces(s: string, n: number): string[] {
  const cs = chars(s);
  const out: string[] = [];
  for (let i = 0; i < cs.length; i += n) out.push(cs.slice(i, i + n).join(''));
  return out;
}

/**
 * Text as `pdftotext -layout` leaves a Word table printed to PDF: the merged vertical cells of
 * table 三 spill their characters (1–2 at a time) into the starts of the row lines they span; long
 * row labels wrap over two or three lines with the numbers on the first or middle one; a page
 * footer stands between two rows; table 四's header is split over several lines; prose wraps
 * anywhere, the 统计期限 sentence between "2024" and "年".
 */
function pdfLayout(tsv: string, seed: number): string[] {
  const out: string[] = [];
  const lines = tsv.split('\n');
  let rowNo = 0;
  let page = 2;
  // Pending spill text of the vertical group labels, consumed 1–2 characters per row line.
  let outerSpill: string[] = [];
  let innerSpill: string[] = [];
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li];
    if (!line.includes('\t')) {
      // Leftover spill characters below the last row of their group.
      while (outerSpill.length || innerSpill.length) out.push(`${outerSpill.shift() ?? '  '}  ${innerSpill.shift() ?? ''}`.trimEnd());
      if (!line.trim()) continue;
      out.push(...wrapProse(line.trim()));
      continue;
    }
    const cells = line.split('\t');
    const values = cells.filter((c) => /^\d+(?:\.\d+)?$/.test(c.trim()));
    const labels = cells.filter((c) => c.trim() && !/^\d+(?:\.\d+)?$/.test(c.trim()));
    if (!values.length) {
      // Header rows: table 四's words stand in 2-character pieces over several lines.
      if (labels.some((l) => /结果维持/.test(l))) {
        const cols = labels.map((l) => pieces(l, 2));
        const depth = Math.max(...cols.map((c) => c.length));
        for (let k = 0; k < depth; k++)
          out.push(
            cols
              .map((c) => (c[k] ?? '').padEnd(3, '\u3000'))
              .join(' ')
              .trimEnd(),
          );
      } else out.push(labels.join(GAP));
      continue;
    }
    rowNo++;
    // Group labels of table 三 start spilling at this row.
    let label = '';
    for (const l of labels) {
      // A group label alone on its row is the row's label (the 2019 layout's single （六）其他处理 row).
      if (VERTICAL_GROUP.test(l.trim()) && labels.length > 1) {
        const spill = l.trim().startsWith('三、') ? pieces(l.trim(), 2) : [l.trim().slice(0, 3), ...pieces(l.trim().slice(3), 2)];
        if (l.trim().startsWith('三、')) outerSpill = spill;
        else innerSpill = spill;
      } else label = l.trim();
    }
    if (label === '（七）总计') innerSpill = []; // (七) is not inside a vertical group
    const nums = values.join(GAP);
    const spillPrefix = () => {
      const o = outerSpill.shift();
      const i = innerSpill.shift();
      return o === undefined && i === undefined ? '' : `${(o ?? '').padEnd(3, ' ')} ${(i ?? '').padEnd(4, ' ')}`;
    };
    const wrapped = chars(label).length > 14 ? pieces(label, 10) : [label];
    const numbersOn = wrapped.length >= 3 ? 1 : 0;
    wrapped.forEach((piece, k) => out.push(`${spillPrefix()}${piece}${k === numbersOn ? GAP + nums : ''}`));
    // A page break: its footer line stands between two rows of table 三.
    if (rowNo === 14) out.push('', seed % 2 ? `- ${page++} -` : `— ${page++} —`, '');
  }
  return out;
}

/* ------------------------------------------------------------------ paragraph-per-line files */

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** One <p> per PDF line, as a PDF-to-Word-to-HTML conversion leaves it. */
function paragraphHtml(lines: string[]): string {
  const ps = lines.filter((l) => l.trim()).map((l) => `<p>${escapeHtml(l)}</p>`);
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>年度报告</title></head>\n<body>\n${ps.join('\n')}\n</body></html>\n`;
}

async function paragraphDocx(lines: string[]): Promise<Buffer> {
  const d = await import('docx');
  const children = lines.filter((l) => l.trim()).map((l) => new d.Paragraph({ children: [new d.TextRun({ text: l })] }));
  return d.Packer.toBuffer(new d.Document({ sections: [{ children }] }));
}

/* ---------------------------------------------------------------------- converter Markdown */

/**
 * Markdown from a PDF/OCR converter: each table becomes a pipe table whose header row is invented
 * ("列1 | 列2 …"), table 三 is split in two where a page broke, and the sub-topics of 六 are
 * numbered 一、二、三、 like top-level parts.
 */
function converterMarkdown(tsv: string): string {
  const out: string[] = [];
  let table: string[][] = [];
  let section = 0;
  const flush = () => {
    if (!table.length) return;
    const width = Math.max(...table.map((r) => r.length));
    const emit = (rows: string[][]) => {
      out.push(`| ${Array.from({ length: width }, (_, i) => `列${i + 1}`).join(' | ')} |`);
      out.push(`|${' --- |'.repeat(width)}`);
      for (const r of rows) out.push(`| ${Array.from({ length: width }, (_, i) => r[i] ?? '').join(' | ')} |`);
      out.push('');
    };
    const split = table.findIndex((r) => r.some((c) => c.includes('（四）无法提供')));
    if (split > 0) {
      emit(table.slice(0, split));
      emit(table.slice(split));
    } else emit(table);
    table = [];
  };
  let sub = 0;
  for (const line of tsv.split('\n')) {
    if (line.includes('\t')) {
      table.push(line.split('\t').map((c) => c.trim()));
      continue;
    }
    flush();
    if (!line.trim()) continue;
    const top = /^([一二三四五六])、/.exec(line);
    if (top) section = '一二三四五六'.indexOf(top[1]) + 1;
    const subTopic = /^（([一二三四五六])）(.{2,30})$/.exec(line.trim());
    if (section === 6 && subTopic) out.push(`${'一二三四五六'[sub++]}、${subTopic[2]}`, '');
    else out.push(line.trim(), '');
  }
  flush();
  return out.join('\n');
}
