import type { CellValue } from './report.js';
import type { Span } from './source.js';
import { LABEL_NUMBERING } from '../templates/numbering.js';

/**
 * Normalize a label for comparison: full-width ASCII to half-width, one kind of quote, no
 * whitespace at all (PDF wraps put spaces inside words: "商业 企业", "结 果 维 持").
 */
/**
 * `s` without trailing characters in `chars` (a string of them, or a one-character class such as
 * /[\d\s.]/): a loop, because `/[…]+$/` is quadratic on long runs that do not end the string.
 */
export function trimEndChars(s: string, chars: string | RegExp): string {
  const drop = typeof chars === 'string' ? (c: string) => chars.includes(c) : (c: string) => chars.test(c);
  let end = s.length;
  while (end > 0 && drop(s[end - 1])) end--;
  return s.slice(0, end);
}

/** Whether `line` is a Markdown table delimiter row ("|---|:--:|"); cells are checked one by one, so it stays linear. */
export function isDelimiterRow(line: string, minDashes = 1): boolean {
  let t = line.trim();
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|')) t = t.slice(0, -1);
  const cell = minDashes > 1 ? /^\s*:?-{2,}:?\s*$/ : /^\s*:?-+:?\s*$/;
  return t.split('|').every((c) => cell.test(c));
}

export function normalizeLabel(s: string): string {
  return NORMALIZED(s);
}

/**
 * `compute` with its results for texts of up to `maxLength` characters remembered (labels and cell
 * values repeat across rows, tables and reports), at most MAX_REMEMBERED_TEXTS of them at a time.
 * Longer texts (prose: a whole paragraph asked whether it is a cell) are computed each time: they
 * never repeat, and thousands of kept paragraphs were old-generation garbage.
 */
function remembered<T>(maxLength: number, compute: (s: string) => T): (s: string) => T {
  const results = new Map<string, T>();
  return (s) => {
    if (s.length > maxLength) return compute(s);
    const hit = results.get(s);
    if (hit !== undefined) return hit;
    const out = compute(s);
    if (results.size > MAX_REMEMBERED_TEXTS) results.clear();
    results.set(s, out);
    return out;
  };
}

const MAX_REMEMBERED_TEXTS = 20000;

/** Longer labels than this are normalized each time they are asked for (official labels are shorter than half of it). */
const MAX_REMEMBERED = 80;

const NORMALIZED = remembered(MAX_REMEMBERED, normalizeUncached);

function normalizeUncached(s: string): string {
  // Most text needs no folding: find the first character that does by code, without a string per character.
  let i = 0;
  while (i < s.length && !foldsAway(s.charCodeAt(i))) i++;
  let out = s;
  if (i < s.length) {
    // Stretches that need no folding are copied whole; foldsAway's units are never surrogates.
    const parts: string[] = [];
    let from = 0;
    for (; i < s.length; i++) {
      if (!foldsAway(s.charCodeAt(i))) continue;
      if (i > from) parts.push(s.slice(from, i));
      parts.push(foldLabelChar(s[i]));
      from = i + 1;
    }
    parts.push(s.slice(from));
    out = parts.join('');
  }
  return out.includes('**') || out.includes('__') ? out.replace(/\*\*|__/g, '') : out;
}

/** A UTF-16 unit foldLabelChar changes: full-width ASCII, the quotes, '．', whitespace (what String.prototype.trim removes). */
function foldsAway(c: number): boolean {
  if (c >= 0xff01 && c <= 0xff5e) return true;
  if (c === 0x201c || c === 0x201d || c === 0x201e || c === 0x300c || c === 0x300d || c === 0x27 || c === 0x2018 || c === 0x2019) return true;
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * One character as normalizeLabel folds it: full-width ASCII to half-width, one kind of quote,
 * whitespace to nothing. (Text scanners that must map a match back to the original characters fold
 * character by character with this.)
 */
export function foldLabelChar(ch: string): string {
  const c = ch.codePointAt(0)!;
  if (c >= 0xff01 && c <= 0xff5e) return String.fromCodePoint(c - 0xfee0);
  if (ch === '“' || ch === '”' || ch === '„' || ch === '「' || ch === '」' || ch === "'" || ch === '‘' || ch === '’') return '"';
  if (ch === '．') return '.';
  if (ch.trim() === '') return ''; // any whitespace, U+3000 and U+00A0 included
  return ch;
}

/** The label with its numbering prefix ("一、", "（三）", "1.") removed, after normalizeLabel. */
export function coreLabel(s: string): string {
  return CORES(s);
}

function coreUncached(s: string): string {
  let n = normalizeLabel(s);
  for (let guard = 0; guard < 3 && LABEL_NUMBERING.test(n); guard++) n = n.replace(LABEL_NUMBERING, '');
  return n;
}

const CORES = remembered(MAX_REMEMBERED, coreUncached);

// ○ (U+25CB) stands in for 〇 in many typed documents (二○二二年).
// A Latin O or a zero digit among Chinese numerals (二O二四年, 二0二四年) is a typing variant of 〇.
const CN_DIGITS: Record<string, number> = {
  〇: 0,
  '○': 0,
  零: 0,
  O: 0,
  Ｏ: 0,
  '0': 0,
  '０': 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** "十二" → 12, "二十三" → 23, "三" → 3; undefined for anything else. Up to 99. */
export function chineseOrdinal(s: string): number | undefined {
  if (!s || !/^[一二三四五六七八九十两]+$/.test(s)) return undefined;
  if (s === '十') return 10;
  const i = s.indexOf('十');
  if (i === -1) return s.length === 1 ? CN_DIGITS[s] : undefined;
  const tens = i === 0 ? 1 : CN_DIGITS[s.slice(0, i)];
  const ones = i === s.length - 1 ? 0 : CN_DIGITS[s.slice(i + 1)];
  if (tens === undefined || ones === undefined || s.length > 3) return undefined;
  return tens * 10 + ones;
}

/** A year, month or day written in Arabic or Chinese digits: "2022", "二〇二二", "一", "二十八". */
export function parseDatePart(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '元') return 1;
  if (/^[〇○零OＯ0０一二三四五六七八九]{4}$/.test(s)) return Number([...s].map((c) => CN_DIGITS[c]).join(''));
  return chineseOrdinal(s);
}

export const YEAR_SRC = '(\\d{4}|[〇○零OＯ0０一二三四五六七八九]{4})';
/** A month or a day: figures, Chinese numerals, or 元 (元月, January). */
export const MD_SRC = '(\\d{1,2}|[一二三四五六七八九十]{1,3}|元)';
/** Y年M月D日 in folded text (no whitespace). Groups: year, month, day. */
export const DATE_SRC = `${YEAR_SRC}年${MD_SRC}月${MD_SRC}日`;

const NA_TOKENS = new Set(['/', '／', '-', '—', '——', '--', '－', '–', '无', '不适用', 'N/A', 'n/a', 'NA', '\\', '、']);

/** Read a table cell: a number (units such as 件/元/万元 allowed after it), empty, "not applicable", or text. */
// Module constants: a regular expression literal in the function is a new object at every cell.
const NUMBER_CELL = /^([-+]?\d+(?:\.\d+)?)(?:件|条|个|项|次|元|万元)?$/;
const CHANGE_CELL = /^(增|减)(?:加|少)?(\d+)$/;

export function readCell(raw: string, span: Span): CellValue {
  const normal = normalizeLabel(raw);
  const t = normal.includes(',') ? normal.replace(/,/g, '') : normal;
  if (t === '') return { raw, kind: 'empty', span };
  if (NA_TOKENS.has(t)) return { raw, kind: 'na', span };
  const m = NUMBER_CELL.exec(t);
  if (m) return { raw, kind: 'number', value: Number(m[1]), span };
  // A change written in words (本年增/减 of the 2019 layout): "增15", "减少4".
  const change = CHANGE_CELL.exec(t);
  if (change) return { raw, kind: 'number', value: (change[1] === '减' ? -1 : 1) * Number(change[2]), span };
  return { raw, kind: 'text', span };
}

/** True when a cell's text can stand in a value column (number, blank or not-applicable). */
export function isValueLike(raw: string): boolean {
  return VALUE_LIKE(raw);
}

/**
 * The same few values ("0", "1", "—") fill every table of every report; texts over 12 characters are
 * asked each time (values are a few characters; prose fails at its first one).
 */
const VALUE_LIKE = remembered(12, valueLikeUncached);

function valueLikeUncached(raw: string): boolean {
  return onlyValueCharacters(raw) && readCell(raw, { start: 0, end: 0 }).kind !== 'text';
}

/**
 * Characters a value-like cell can hold (a number with its unit, a change in words, a
 * not-applicable token, whitespace and the `**` of bold), as they are before normalizeLabel folds
 * full-width ASCII: any other character makes the cell text. Every paragraph is asked whether it
 * is a value, and prose fails at its first character here instead of being normalized first.
 */
const VALUE_ASCII = new Set('0123456789.+-,/\\NAna*_');
const VALUE_OTHER = new Set('—–无不适用件条个项次元万增减加少、');

function onlyValueCharacters(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    const ascii = c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c;
    if (ascii < 128 ? VALUE_ASCII.has(String.fromCharCode(ascii)) : VALUE_OTHER.has(raw[i])) continue;
    // Whitespace folds away (quotes and '．' fold to characters checked above or to none allowed).
    if (foldsAway(c) && c !== 0x201c && c !== 0x201d && c !== 0x201e && c !== 0x300c && c !== 0x300d && c !== 0x27 && c !== 0x2018 && c !== 0x2019) continue;
    return false;
  }
  return true;
}

/** Sentence-like text (has sentence punctuation) as opposed to a label or header. */
export function isSentence(s: string): boolean {
  return /[。；！？]/.test(s) || s.length > 60;
}
