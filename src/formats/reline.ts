import { foldLabelChar, normalizeLabel } from '../model/text-utils.js';
import { organName } from '../model/organ.js';
import { SECTIONS } from '../templates/sections.js';
import { APPLICATION_GROUPS, LAYOUTS, LAYOUTS_NEWEST_FIRST, activeSubTables, applicationRows } from '../templates/tables.js';
import { ITEM_START, PART_NUMBERS } from '../templates/numbering.js';

/**
 * Flattened text: a web page's text saved with the whole report body on one line (or one line per
 * part), headings, sub-headings and table rows run together (domain.md §7). Such a line is cut into
 * virtual lines at the places a reader sees a break: before a numbered part and after its official
 * title, after a sentence, and before a table row label of the unified format (from the template
 * data) that is followed by its numbers. Nothing is cut in ordinary lines.
 *
 * Returns [start, end) ranges inside the line, in order, covering every non-blank character.
 */
export function relineFlat(line: string): [number, number][] {
  if (!(line.length >= MIN_FLAT_LENGTH && looksFlat(line)) && !gluedPartTitle(line)) return [[0, line.length]];
  const cuts = new Set<number>();
  /** Official part titles: no cut inside them ("四、政府信息公开行政复议、…" holds a table label). */
  const titles: [number, number][] = [];
  // Numbered parts: "一、总体情况" — cut before, and after the official title when it is one.
  for (const m of line.matchAll(PART_NUMBERS)) {
    const at = m.index;
    const title = partTitleLength(line.slice(at + m[0].length, at + m[0].length + MAX_TITLE));
    if (title) {
      cuts.add(at);
      cuts.add(at + m[0].length + title);
      titles.push([at, at + m[0].length + title]);
    } else if (at === 0 || /[。；！？\s\d）)」”]/.test(line[at - 1])) cuts.add(at);
  }
  // Sentence ends; a date followed by a space ends the 落款 (page chrome may follow it).
  // A whole run of sentence ends (lookbehind: each run is scanned once, not from each of its characters).
  // redos-safe: a match starts only at the start of a run and takes the whole run; recheck's fuzzer
  // (it cannot prove look-around) flags even inputs without one of these characters.
  for (const m of line.matchAll(/(?<![。！？])[。！？]+(?![。！？”」）)])/g)) cuts.add(m.index + m[0].length);
  // So does the date of a 落款 glued to what follows it ("…外事办公室2024年1月22日扫码使用手机浏览…"):
  // a date right after an organ's name that opens its sentence.
  for (const m of line.matchAll(/\d{4}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日/g)) {
    const end = m.index + m[0].length;
    if (end === line.length || /\s/.test(line[end])) cuts.add(end);
    else if (signedBy(line, m.index)) cuts.add(end);
  }
  // A report's title inside the line ("…大 中 小聊城市外办2018年政务信息公开工作报告根据…", a web page
  // listing several years' reports): on a line of its own, so that each report is read apart.
  // redos-safe: bounded repeats between fixed words; each match is at most ~40 characters.
  for (const m of line.matchAll(/\d{4}年度?[^。；，,\s]{0,12}?(?:政府信息公开|政务信息公开|信息公开|政务公开)[^。；，,\s]{0,8}?报告/g)) {
    const end = m.index + m[0].length;
    if (end < line.length && /[。；，,、：:）)」”]/.test(line[end])) continue;
    const organAt = sentenceStart(line, m.index);
    if (organAt === undefined || !organName(line.slice(organAt, m.index))) continue;
    cuts.add(organAt);
    cuts.add(end);
  }
  // Table labels followed by numbers (or by another label: a group label before its first row),
  // found in the folded line: converters and PDF copies write "(一) 予以公开", "三、 本 年 度 …".
  const view = foldedView(line);
  for (const m of view.text.matchAll(LABEL_RE)) {
    const at = view.at[m.index];
    if (titles.some(([s, e]) => at > s && at < e)) continue;
    const after = view.text.slice(m.index + m[0].length, m.index + m[0].length + 24);
    LABEL_AFTER.lastIndex = 0;
    // A local note in brackets may stand between the label and its numbers ("规章 (市政府令) 0 0 0").
    if (/^(?:\([^()]{1,16}\))?\d/.test(after) || LABEL_AFTER.test(after) || HEADER_LABELS.has(m[0])) cuts.add(at);
    // A group label is a merged cell of its own: its first item follows it ("(六)其他处理 1.申请人…").
    if (GROUP_LABELS.has(m[0]) && after && (!/^\d/.test(after) || ITEM_START.test(after))) cuts.add(view.at[m.index + m[0].length - 1] + 1);
  }
  // A row's numbers end it: text straight after three or more numbers is the next row's label, or
  // the tail of a label wrapped around its numbers ("…逾期不补 0 0 0 0 0 0 0正、行政机关…"), which the
  // table reader joins back to its row.
  // A numbered label right after the numbers ("… 0 0 0 5.要求…") starts the next row with its number.
  for (const run of numberRuns(line)) {
    if (/[\u4e00-\u9fff（(]/.test(line[run.end] ?? '')) cuts.add(run.end);
    else if (run.lastStart > run.start && /^[.、．]\s?[\u4e00-\u9fff]/.test(line.slice(run.end, run.end + 3))) {
      // "… 0 5.要求" or, glued, "… 0 05.要求" (a count has no leading zero: that is 0, then 5.).
      const last = line.slice(run.lastStart, run.end);
      if (/^[1-9]\d?$/.test(last)) cuts.add(run.lastStart);
      else if (/^0[1-9]$/.test(last)) cuts.add(run.end - 1);
    }
  }
  const sorted = [...cuts].filter((c) => c > 0 && c < line.length).sort((a, b) => a - b);
  const out: [number, number][] = [];
  let from = 0;
  for (const c of [...sorted, line.length]) {
    let s = from;
    let e = c;
    while (s < e && /\s/.test(line[s])) s++;
    while (e > s && /\s/.test(line[e - 1])) e--;
    if (e > s) out.push([s, e]);
    from = c;
  }
  return out.length ? out : [[0, line.length]];
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isGap = (c: string | undefined) => c === ' ' || c === '\t' || c === '\u3000';

/** Runs of three or more whole numbers separated by spaces ("0 0 0 1"), or of seven digits or more: a table row's cells. One pass. */
function numberRuns(line: string): { start: number; end: number; lastStart: number }[] {
  const runs: { start: number; end: number; lastStart: number }[] = [];
  let i = 0;
  while (i < line.length) {
    if (!isDigit(line[i]) || isDigit(line[i - 1])) {
      i++;
      continue;
    }
    let count = 0;
    let lastStart = i;
    let end = i;
    let k = i;
    for (;;) {
      const start = k;
      while (isDigit(line[k])) k++;
      count++;
      lastStart = start;
      end = k;
      let g = k;
      while (isGap(line[g])) g++;
      if (g === k || !isDigit(line[g])) break;
      k = g;
    }
    // Three numbers, or one run of seven digits or more (cells run together: "0000000").
    if (count >= 3 || end - i >= 7) runs.push({ start: i, end, lastStart });
    i = end;
  }
  return runs;
}

/** Longest organ name looked for before a 落款 date. */
const MAX_ORGAN = 40;

/** The text before a date ends in an organ's name that follows a sentence end (or the line's start): a 落款. */
function signedBy(line: string, dateAt: number): boolean {
  const from = sentenceStart(line, dateAt);
  return from !== undefined && organName(line.slice(from, dateAt)) !== undefined;
}

/**
 * Where the run of text before `at` starts: after the last sentence end or space, at most
 * MAX_ORGAN characters back (undefined when the window holds neither and the line goes on before it).
 */
function sentenceStart(line: string, at: number): number | undefined {
  const floor = Math.max(0, at - MAX_ORGAN);
  for (let i = at - 1; i >= floor; i--) {
    if (!('。！？；）)'.includes(line[i]) || /\s/.test(line[i]))) continue;
    // The page's font-size switch "大 中 小" glued to what follows it is chrome, not the organ's name.
    return line[i + 1] === '小' && /大\s?中\s?$/.test(line.slice(Math.max(0, i - 4), i + 1)) ? i + 2 : i + 1;
  }
  return floor === 0 ? 0 : undefined;
}

/** Lines shorter than this are never flattened reports. */
const MIN_FLAT_LENGTH = 300;

/** The opening part's title in legacy reports (recognize.ts splits reports where numbering restarts at it). */
const LEGACY_OPENING = /^(?:概述|概况|基本情况|工作概况|总体概况)/;
/** A part title ends with one of these (official titles and their common rewordings alike: "五、存在的主要问题及整改措施"). */
const TITLE_END = /(?:情况|事项|概况|概述|措施)$/;
const MAX_TITLE = 40;

/**
 * The length of the part title at the start of `rest` (the text after "四、"), if it begins with
 * one: the shortest start that names one of the six parts (the sections' match words, so reworded
 * titles such as "因政府信息公开工作被申请行政复议、提起行政诉讼情况" count) and ends like a title.
 */
function partTitleLength(rest: string): number | undefined {
  const head = rest.slice(0, MAX_TITLE);
  // The first part of a legacy (pre-2019) report: "一、概述2017年，我办…".
  // (Not in a table of contents: "一、概述,(一)…,二、…".)
  const opening = LEGACY_OPENING.exec(head);
  if (opening && !/^[，,、。；;：:]/.test(head.slice(opening[0].length))) return opening[0].length;
  for (let n = 2; n <= head.length; n++) {
    const t = head.slice(0, n);
    if (!TITLE_END.test(t)) continue;
    if (SECTIONS.some((sec) => !sec.exclude?.some((x) => t.includes(x)) && sec.match.some((words) => words.every((w) => t.includes(w))))) return n;
  }
  return undefined;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Row and group labels of table 三 (with their numbering), table 二's rows and clauses, table 四's header. */
const ROW_LABELS = [
  ...new Set([
    ...LAYOUTS_NEWEST_FIRST.flatMap(applicationRows).map((r) => r.label),
    ...APPLICATION_GROUPS.map((g) => g.label),
    ...LAYOUTS.flatMap((l) => activeSubTables(l).flatMap((s) => s.rows.map((r) => r.label))),
  ]),
];
/** Group labels of table 三 (merged vertical cells), folded. */
const GROUP_LABELS = new Set(APPLICATION_GROUPS.map((g) => normalizeLabel(g.label)));
/** Header labels, folded like the line they are looked for in (foldedView). */
const HEADER_LABELS = new Set([...LAYOUTS.flatMap((l) => activeSubTables(l).map((s) => s.clause)), '信息内容', '行政复议', '申请人情况'].map(normalizeLabel));
// Folded (half-width brackets, no spaces); longest first, so "(二)部分公开(区分处理的…)" wins over a
// shorter label starting alike.
const ALL_LABELS = [...new Set([...ROW_LABELS.map(normalizeLabel), ...HEADER_LABELS])].sort((a, b) => b.length - a.length);
/** Alternation of fixed strings: linear-time. */
// redos-safe: an alternation of escaped fixed strings (the template's labels).
const LABEL_RE = new RegExp(ALL_LABELS.map(escapeRe).join('|'), 'g');
// redos-safe: sticky, an alternation of escaped fixed strings.
const LABEL_AFTER = new RegExp(`^(?:${ALL_LABELS.map(escapeRe).join('|')})`, 'y');

/**
 * The line folded as labels are (normalizeLabel: full-width to half-width, one kind of quote, no
 * whitespace), with the index in the line of each folded character.
 */
function foldedView(line: string): { text: string; at: number[] } {
  let text = '';
  const at: number[] = [];
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    // A surrogate pair is one character.
    const ch = code >= 0xd800 && code <= 0xdbff && i + 1 < line.length ? line.slice(i, i + 2) : line[i];
    const folded = foldLabelChar(ch);
    for (let k = 0; k < folded.length; k++) at.push(i);
    text += folded;
    i += ch.length - 1;
  }
  return { text, at };
}

/** `at` follows a sentence's end (。！？), spaces between allowed. */
function afterSentence(line: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && isGap(line[i])) i--;
  return i >= 0 && '。！？'.includes(line[i]);
}

/** A line opening with a numbered part's official title and going straight on ("一、总体情况2024年，…"). */
function gluedPartTitle(line: string): boolean {
  const m = /^\s*[一二三四五六]、/.exec(line);
  if (!m) return false;
  const rest = line.slice(m[0].length);
  const title = partTitleLength(rest);
  return title !== undefined && rest.length > title + 10;
}

/**
 * At least two numbered parts with their official titles, or one standing between a sentence's end
 * and a space ("…至12月31日。 一、总体情况 2022年，…": a flattened page cut off after its first part,
 * or one whose first part was glued to the introduction), or three table labels followed by numbers.
 */
function looksFlat(line: string): boolean {
  let parts = 0;
  for (const m of line.matchAll(PART_NUMBERS)) {
    const after = m.index + m[0].length;
    const title = partTitleLength(line.slice(after, after + MAX_TITLE));
    if (!title) continue;
    if (++parts >= 2 || (afterSentence(line, m.index) && /\s/.test(line[after + title] ?? ''))) return true;
  }
  let rows = 0;
  const view = foldedView(line);
  for (const m of view.text.matchAll(LABEL_RE)) {
    if (/^\d/.test(view.text.slice(m.index + m[0].length, m.index + m[0].length + 4)) && ++rows >= 3) return true;
  }
  return false;
}
