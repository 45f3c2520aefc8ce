/**
 * Fuzz inputs for every format, each one a pure function of (seed, index): the in-suite fuzz test
 * (test/fuzz.test.ts) and the long run (scripts/fuzz.mjs) draw from the same generator, and an
 * input the long run reports can be rebuilt from the two numbers it prints.
 *
 * An input starts from something real — a generated report of any era and text format
 * (test/support/generate.ts), a real published report (test/seeds), a real .docx / .odt / .doc /
 * .pdf — and is damaged the way files are damaged and attacked: fragments spliced in, lines
 * flattened into one, two reports run together, markup nested thousands deep, and the shapes that
 * make regular expressions and parsers backtrack (a fragment repeated thousands of times, with
 * and without a failing tail). Sizes are those of real reports (most a few KB, some up to 200 KB).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { generateDocx, generateReport, type GenFormat } from './generate.js';
import { textPdf } from './pdf-bytes.js';

/** The largest input, in bytes (the README's promise is about 2 s per 200 KB). */
export const MAX_INPUT_BYTES = 200_000;

export interface FuzzInput {
  index: number;
  /** The file name it is linted as (its extension picks the format). */
  name: string;
  bytes: Buffer;
  /** For text given as a string (lintText): the text; undefined when the bytes go to lintBuffer. */
  text?: string;
  /** What was done to the base, for the report of a failing input. */
  shape: string;
}

/* ------------------------------------------------------------------------------------ PRNG */

/** sfc32 seeded through splitmix32, so neighbouring (seed, index) pairs give unrelated streams. */
export class FuzzRng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(seed: number, index: number) {
    let s = (seed ^ Math.imul(index + 1, 0x9e3779b9)) >>> 0;
    const mix = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
  }
  next(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) >>> 0;
    return t / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** log-uniform in [lo, hi]: as many inputs of 1–2 KB as of 100–200 KB within the band. */
  logInt(lo: number, hi: number): number {
    return Math.round(Math.exp(Math.log(lo) + this.next() * (Math.log(hi) - Math.log(lo))));
  }
}

/* ------------------------------------------------------------------------------ ingredients */

/** Pieces of reports, of each format's markup, and controls. */
export const FRAGMENTS = [
  '2023年度政府信息公开工作年度报告',
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、',
  '（一）',
  '(二)',
  '1.',
  '1、',
  '（1）',
  '统计期限自2023年1月1日起至2023年12月31日止',
  '本年新收政府信息公开申请数量',
  '上年结转政府信息公开申请数量',
  '予以公开',
  '部分公开（区分处理的，只计这一情形，不计其他情形）',
  '信息处理费',
  '行政复议',
  '行政诉讼',
  '维持',
  '纠正',
  '总计',
  '尚未审结',
  '0',
  '12',
  '３',
  '１２３',
  '1,234',
  '12.5',
  '-3',
  '45%',
  '零',
  '二〇二四年一月十五日',
  '2024年1月31日',
  '2024-01-31',
  '共计',
  '件',
  '元',
  '条',
  '。',
  '，',
  '：',
  ':',
  '；',
  '、',
  '（',
  '）',
  '(',
  ')',
  '“',
  '”',
  '——',
  '…',
  '传真：',
  '电话：',
  '打印',
  '关闭',
  '【',
  '】',
  '大 中 小',
  '当前位置：首页 > ',
  '点击次数：',
  '分享到：',
  '来源：',
  '发布时间：',
  'gia-lint-disable',
  'gia-lint-disable-next-line table-sum',
  'gia-lint-enable',
  ' -- ',
  '<!-- gia-lint-disable -->',
  '<!--',
  '-->',
  '<table>',
  '</table>',
  '<tr>',
  '<td>',
  '</td>',
  '<th colspan="3">',
  '<div>',
  '</div>',
  '<p>',
  '</p>',
  '<br/>',
  '<span style="x">',
  '&nbsp;',
  '&#x41;',
  '&#20013;',
  '&amp;',
  '<script>',
  '</script>',
  '<style>',
  '<![CDATA[',
  ']]>',
  '<?xml ?>',
  '|',
  '| --- |',
  '|:--|',
  '\t',
  ' ',
  '  ',
  '\u3000',
  '\u00a0',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  '\f',
  '\v',
  '#',
  '## ',
  '###### ',
  '* ',
  '- ',
  '+ ',
  '> ',
  '1. ',
  '*',
  '_',
  '**',
  '__',
  '`',
  '```',
  '~~~',
  '~',
  '[',
  '](',
  ')',
  '![',
  '\\',
  '---',
  '===',
  '×',
  'XX',
  '某某',
  '（此处填写）',
  'TODO',
  '第1页',
  '- 1 -',
  '第 2 页 共 9 页',
  '附件',
  '附表',
  '\u202e',
  '\u200b',
  '\ufeff',
  '\u001b[31m',
  '\u0007',
  '\u0000',
  '\u0085',
  '\u2028',
  '\ud800',
  '\udf4b\udd2d',
  '😀',
  '𠀀',
];

/**
 * The shapes behind the backtracking found so far and the ones a new pattern would most likely
 * hit: a run of one fragment, or of a pair, followed by something that makes a match fail late.
 */
const RUN_UNITS = [
  ' ',
  '\u3000',
  '\t',
  '打印 ',
  '关闭 ',
  '【打印】',
  '[关闭]',
  '<!--',
  '-->',
  '一、',
  ' *',
  '*',
  '_',
  '**',
  '`',
  '[',
  '](',
  '- ',
  '> ',
  '# ',
  '|',
  '| ',
  '<div>',
  '</div>',
  '<td>',
  '<p>',
  '<b>',
  '&nbsp;',
  '0',
  '9',
  '1,',
  '1.',
  '１',
  '〇',
  '传真：',
  '：',
  '。',
  '，',
  '（',
  '（一）',
  '1、',
  '第',
  '年',
  '件',
  '元',
  '%',
  '-',
  '—',
  '.',
  '\\',
  '"',
  "'",
  'a',
  '中',
  '\n',
  '\n\n',
  ' \n',
  '\r',
  'gia-lint-disable ',
  '一、总体情况\n',
  '| 1 | 2 | 3 |\n',
  '\t0\t0\t0\n',
  '本年新收政府信息公开申请数量',
  '予以公开',
];
const RUN_TAILS = ['', '!', 'x', '\n', '。', '报告', '0', ' ', '<', '*', ')', '|', '\u0000'];

/* ------------------------------------------------------------------------------------ bases */

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '..', '..');

interface Bases {
  /** Reports as text (generated in every era and text format, and the real seeds). */
  texts: string[];
  docx: Buffer[];
  odt: Buffer[];
  doc: Buffer[];
  pdf: Buffer[];
}

let bases: Promise<Bases> | undefined;

/** Fixed (independent of the seed), built once per process: an input depends on (seed, index) only. */
function loadBases(root: string): Promise<Bases> {
  return (bases ??= (async () => {
    const formats: GenFormat[] = ['md', 'txt-tsv', 'txt-pipe', 'html', 'txt-pdf'];
    const agencies = ['临江市人民政府外事办公室', '临江市人民政府', '临江市财政局', '清河镇人民政府', '临江市教育局'];
    const texts: string[] = [];
    for (let i = 0; i < 40; i++) {
      texts.push(generateReport({ year: 2009 + (i % 17), format: formats[i % formats.length], seed: i + 1, agency: agencies[i % agencies.length] }));
    }
    const seeds = path.join(root, 'test/seeds');
    for (const f of readdirSync(seeds)
      .filter((n) => n.endsWith('.txt'))
      .sort())
      texts.push(readFileSync(path.join(seeds, f), 'utf8'));
    const docx: Buffer[] = [];
    for (const year of [2012, 2019, 2021, 2024]) docx.push(await generateDocx({ year, seed: year, agency: agencies[year % agencies.length] }));
    docx.push(readFileSync(path.join(root, 'test/fixtures/pdf/word-2024.docx')));
    const office = path.join(root, 'test/fixtures/office');
    const officeFiles = readdirSync(office).sort();
    const odt = officeFiles
      .filter((n) => n.endsWith('.odt'))
      .slice(0, 4)
      .map((n) => readFileSync(path.join(office, n)));
    const doc = officeFiles
      .filter((n) => n.endsWith('.doc.gz'))
      .slice(0, 4)
      .map((n) => gunzipSync(readFileSync(path.join(office, n))));
    const pdfDir = path.join(root, 'test/fixtures/pdf');
    const pdf = [
      ...readdirSync(pdfDir)
        .filter((n) => n.endsWith('.pdf'))
        .sort()
        .map((n) => readFileSync(path.join(pdfDir, n))),
      ...officeFiles
        .filter((n) => n.endsWith('.pdf'))
        .slice(0, 2)
        .map((n) => readFileSync(path.join(office, n))),
    ];
    return { texts, docx, odt, doc, pdf };
  })());
}

/* --------------------------------------------------------------------------------- mutations */

/** One backtracking shape of about `size` characters. */
function run(rng: FuzzRng, size: number): { text: string; shape: string } {
  const unit = rng.chance(0.75) ? rng.pick(RUN_UNITS) : rng.pick(FRAGMENTS);
  const second = rng.chance(0.3) ? rng.pick(RUN_UNITS) : '';
  const tail = rng.pick(RUN_TAILS);
  const times = Math.max(2, Math.floor(size / Math.max(1, (unit + second).length)));
  const lead = rng.chance(0.3) ? rng.pick(FRAGMENTS) : '';
  return {
    text: lead + (unit + second).repeat(times) + tail,
    shape: `run(${JSON.stringify(lead)}+${JSON.stringify(unit + second)}×${times}+${JSON.stringify(tail)})`,
  };
}

/** Random characters: Chinese, ASCII, controls, surrogates. */
function noise(rng: FuzzRng, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) {
    const r = rng.next();
    s += String.fromCharCode(r < 0.4 ? 0x4e00 + rng.int(0, 0x51ff) : r < 0.8 ? rng.int(0x20, 0x7e) : r < 0.9 ? rng.int(0, 0x1f) : rng.int(0x80, 0xffff));
  }
  return s;
}

/** Nesting a format's container `depth` times around `inner`. */
function nest(rng: FuzzRng, depth: number, inner: string): { text: string; shape: string } {
  const kinds: [open: string, close: string][] = [
    ['<div>', '</div>'],
    ['<table><tr><td>', '</td></tr></table>'],
    ['<ul><li>', '</li></ul>'],
    ['<b><i>', '</i></b>'],
    ['<div>', ''],
    ['> ', ''],
    ['- ', ''],
    ['1. ', ''],
    ['* ', ''],
    ['[', ']()'],
    ['**', '**'],
    ['（', '）'],
    ['{', '}'],
  ];
  const [open, close] = rng.pick(kinds);
  return { text: open.repeat(depth) + inner + close.repeat(depth), shape: `nest(${JSON.stringify(open)}×${depth})` };
}

/** Apply 1–4 damages to a text; the result is at most about `budget` characters. */
function damageText(rng: FuzzRng, text: string, budget: number): { text: string; shapes: string[] } {
  const shapes: string[] = [];
  let t = text;
  const at = () => rng.int(0, t.length);
  for (let n = rng.int(1, 4); n > 0; n--) {
    const room = Math.max(16, budget - t.length);
    switch (rng.int(0, 11)) {
      case 0:
      case 1: {
        const r = run(rng, rng.logInt(16, Math.max(17, Math.min(room, 60_000))));
        const i = at();
        t = t.slice(0, i) + r.text + t.slice(i);
        shapes.push(r.shape);
        break;
      }
      case 2: {
        const i = at();
        let insert = '';
        for (let k = rng.int(1, 30); k > 0; k--) insert += rng.pick(FRAGMENTS);
        t = t.slice(0, i) + insert + t.slice(i);
        shapes.push('fragments');
        break;
      }
      case 3: {
        // Lines flattened into one (copied from a web page or a PDF viewer).
        const sep = rng.pick(['', ' ', '  ', '\t', '\u3000']);
        t = t.replace(/\r?\n/g, sep);
        shapes.push(`flatten(${JSON.stringify(sep)})`);
        break;
      }
      case 4: {
        const i = at();
        t = t.slice(0, i) + t.slice(i + rng.logInt(1, Math.max(2, t.length)));
        shapes.push('cut');
        break;
      }
      case 5: {
        // A stretch repeated: a report pasted twice, a table row many times.
        const i = at();
        const piece = t.slice(i, i + rng.logInt(1, 5_000));
        const times = Math.max(1, Math.min(rng.logInt(1, 2_000), Math.floor(room / Math.max(1, piece.length))));
        t = t.slice(0, i) + piece.repeat(times) + t.slice(i);
        shapes.push(`repeat(${piece.length}×${times})`);
        break;
      }
      case 6: {
        const i = at();
        const r = nest(rng, rng.logInt(2, 20_000), rng.pick(FRAGMENTS));
        t = t.slice(0, i) + r.text + t.slice(i);
        shapes.push(r.shape);
        break;
      }
      case 7: {
        const i = at();
        t = t.slice(0, i) + noise(rng, rng.logInt(1, 2_000)) + t.slice(i);
        shapes.push('noise');
        break;
      }
      case 8: {
        t = t.replace(/\n/g, rng.pick(['\r\n', '\r', '\n\n', '\u2028', '\n\t']));
        shapes.push('line-ends');
        break;
      }
      case 9: {
        // Digits changed: full-width, huge, negative, Chinese numerals.
        const to = rng.pick(['１２', '99999999999999999999', '-1', '〇', '1.5', '1,000', '']);
        t = t.replace(/\d+/g, (d) => (rng.chance(0.2) ? to : d));
        shapes.push(`digits(${JSON.stringify(to)})`);
        break;
      }
      case 10: {
        // Every line prefixed: nested quotes/lists in Markdown, indentation, a table pipe.
        const prefix = rng.pick(['> ', '- ', '    ', '|', '\t', '# ', '1. ', '　　', '<p>']);
        const depth = rng.logInt(1, 40);
        t = t
          .split('\n')
          .map((l) => prefix.repeat(depth) + l)
          .join('\n');
        shapes.push(`prefix(${JSON.stringify(prefix)}×${depth})`);
        break;
      }
      default: {
        const cut = rng.int(0, t.length);
        t = t.slice(0, cut);
        shapes.push('truncate');
      }
    }
    if (t.length > budget) t = t.slice(0, budget);
  }
  return { text: t, shapes };
}

/** Random bytes changed, and maybe the end cut off. */
function damageBytes(rng: FuzzRng, bytes: Buffer): { bytes: Buffer; shape: string } {
  const out = Buffer.from(bytes);
  const flips = rng.int(0, 12);
  for (let i = 0; i < flips; i++) out[rng.int(0, out.length - 1)] = rng.int(0, 255);
  const cut = rng.chance(0.3) ? rng.int(1, out.length) : out.length;
  return { bytes: out.subarray(0, cut), shape: `bytes(${flips} flips, cut at ${cut}/${bytes.length})` };
}

const xmlEscape = (s: string) =>
  s
    .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/g, '');

/** A zip (docx/odt) whose main XML part is damaged: text injected into it, paragraphs repeated, tags nested or cut. */
async function damageZip(rng: FuzzRng, bytes: Buffer, part: string, paragraph: RegExp): Promise<{ bytes: Buffer; shape: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file(part);
  if (!file) return damageBytes(rng, bytes);
  let xml = await file.async('string');
  const shapes: string[] = [];
  const choice = rng.int(0, 4);
  if (choice <= 1) {
    // Text injected into a run, escaped as Word would.
    const r = run(rng, rng.logInt(16, 60_000));
    const matches = [...xml.matchAll(/<(w:t|text:p|text:span)( [^>]*)?>/g)];
    if (matches.length) {
      const m = rng.pick(matches);
      const i = m.index + m[0].length;
      xml = xml.slice(0, i) + xmlEscape(r.text) + xml.slice(i);
    }
    shapes.push(`xml-text ${r.shape}`);
  } else if (choice === 2) {
    const paras = xml.match(paragraph) ?? [];
    if (paras.length) {
      const p = rng.pick(paras);
      const times = rng.logInt(2, Math.max(2, Math.floor(150_000 / p.length)));
      xml = xml.replace(p, p.repeat(times));
      shapes.push(`xml-repeat(${times})`);
    }
  } else if (choice === 3) {
    const depth = rng.logInt(10, 20_000);
    const i = xml.indexOf('<w:body>') >= 0 ? xml.indexOf('<w:body>') + 8 : xml.indexOf('<office:text>') + 13;
    const [open, close] = part === 'word/document.xml' ? ['<w:sdt><w:sdtContent>', '</w:sdtContent></w:sdt>'] : ['<text:section>', '</text:section>'];
    if (i > 13) xml = xml.slice(0, i) + open.repeat(depth) + close.repeat(depth) + xml.slice(i);
    shapes.push(`xml-nest(${depth})`);
  } else {
    xml = xml.slice(0, rng.int(0, xml.length));
    shapes.push('xml-cut');
  }
  zip.file(part, xml);
  let out = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } });
  if (rng.chance(0.2)) {
    const d = damageBytes(rng, out);
    out = d.bytes;
    shapes.push(d.shape);
  }
  return { bytes: out, shape: shapes.join(' ') };
}

/** Text as RTF (GBK code page, \uN for the rest), with random groups and control words. */
function toRtf(rng: FuzzRng, text: string): string {
  let body = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (ch === '\n') body += '\\par\n';
    else if (ch === '\\' || ch === '{' || ch === '}') body += `\\${ch}`;
    else if (c < 0x80) body += ch;
    else body += `\\u${c > 0x7fff ? c - 0x10000 : c}?`;
    if (rng.chance(0.002))
      body += rng.pick(['{', '}', '\\b ', '\\*\\generator x;', '{\\fonttbl', '\\bin8 ', "\\'c4", '\\u99999?', '\\par\\pard\\intbl ', '\\cell ', '\\row ']);
  }
  return `{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0 \\'cb\\'ce\\'cc\\'e5;}}\n${body}}`;
}

/* ---------------------------------------------------------------------------------- inputs */

const TEXT_EXTS = ['txt', 'md', 'html', 'htm', 'markdown'];

/**
 * Input number `index` of the run with `seed`. About 88% text formats (as strings, or as bytes in
 * UTF-8/GBK/UTF-16 with or without a BOM), 5% .docx, 2% .odt, 2% .rtf, 1.5% .pdf, 1.5% .doc.
 * Sizes: 90% up to 20 KB, 9% 20–100 KB, 1% 100–200 KB.
 */
export async function fuzzInput(seed: number, index: number, root = ROOT): Promise<FuzzInput> {
  const b = await loadBases(root);
  const rng = new FuzzRng(seed, index);
  const r = rng.next();
  const sizeBand = rng.next();
  const budget = sizeBand < 0.9 ? rng.logInt(200, 20_000) : sizeBand < 0.99 ? rng.logInt(20_000, 100_000) : rng.logInt(100_000, MAX_INPUT_BYTES);
  const baseText = () => {
    let t = rng.pick(b.texts);
    // Reports run together (a page listing several years), until the size is reached.
    while (t.length < budget * 0.6 && rng.chance(0.5)) t += rng.pick(['\n', '\n\n', '', '<hr/>']) + rng.pick(b.texts);
    return t.length > budget ? t.slice(rng.int(0, t.length - budget), undefined).slice(0, budget) : t;
  };

  if (r < 0.88) {
    const ext = rng.pick(TEXT_EXTS);
    const fromScratch = rng.chance(0.1);
    let text: string;
    const shapes: string[] = [];
    if (fromScratch) {
      text = '';
      while (text.length < budget && text.length < 400 + rng.int(0, budget))
        text += rng.chance(0.1) ? run(rng, rng.logInt(2, 3_000)).text : rng.pick(FRAGMENTS);
      shapes.push('fragments only');
    } else {
      const damaged = damageText(rng, baseText(), budget);
      text = damaged.text;
      shapes.push(...damaged.shapes);
    }
    text = capBytes(text, MAX_INPUT_BYTES);
    const encoding = rng.next();
    const name = `input-${index}.${ext}`;
    if (encoding < 0.85) return { index, name, bytes: Buffer.from(text, 'utf8'), text, shape: shapes.join(' ') };
    const [enc, bom] = rng.pick([
      ['gb18030', ''],
      ['utf16le', '\ufeff'],
      ['utf8', '\ufeff'],
      ['gbk', ''],
      ['utf16be', '\ufeff'],
    ] as const);
    const bytes = iconv.encode(bom + text, enc);
    return { index, name, bytes: bytes.subarray(0, MAX_INPUT_BYTES), shape: `${shapes.join(' ')} as ${enc}${bom ? '+BOM' : ''}` };
  }
  if (r < 0.93) {
    const d = await damageZip(rng, rng.pick(b.docx), 'word/document.xml', /<w:p[ >][\s\S]*?<\/w:p>/g);
    return { index, name: `input-${index}.docx`, bytes: d.bytes, shape: d.shape };
  }
  if (r < 0.95) {
    const d = await damageZip(rng, rng.pick(b.odt), 'content.xml', /<text:p[ >][\s\S]*?<\/text:p>/g);
    return { index, name: `input-${index}.odt`, bytes: d.bytes, shape: d.shape };
  }
  if (r < 0.97) {
    const damaged = damageText(rng, baseText(), Math.min(budget, 60_000));
    const rtf = toRtf(rng, damaged.text);
    const bytes = Buffer.from(rtf, 'latin1').subarray(0, MAX_INPUT_BYTES);
    const d = rng.chance(0.2) ? damageBytes(rng, bytes) : { bytes, shape: '' };
    return { index, name: `input-${index}.rtf`, bytes: d.bytes, shape: `rtf ${damaged.shapes.join(' ')} ${d.shape}` };
  }
  if (r < 0.985) {
    if (rng.chance(0.4)) {
      // A text page of backtracking shapes (ASCII: the test PDF writer has no CJK font).
      const lines = Array.from({ length: rng.int(1, 40) }, () => run(rng, rng.logInt(4, 400)).text.replace(/[^\x20-\x7e]/g, ' '));
      return { index, name: `input-${index}.pdf`, bytes: textPdf(lines), shape: 'pdf text lines' };
    }
    const d = damageBytes(rng, rng.pick(b.pdf));
    return { index, name: `input-${index}.pdf`, bytes: d.bytes, shape: `pdf ${d.shape}` };
  }
  const d = damageBytes(rng, rng.pick(b.doc));
  return { index, name: `input-${index}.${rng.chance(0.8) ? 'doc' : 'wps'}`, bytes: d.bytes, shape: `doc ${d.shape}` };
}

/** The text cut to at most `max` bytes of UTF-8 (at a character boundary). */
function capBytes(text: string, max: number): string {
  if (text.length * 3 <= max) return text;
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= max) return text;
  const cut = bytes.subarray(0, max).toString('utf8');
  // A character cut in half decodes as U+FFFD at the end: drop it.
  return cut.endsWith('\ufffd') ? cut.slice(0, -1) : cut;
}
