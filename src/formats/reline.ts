import { SECTIONS } from '../templates/sections.js';
import { APPLICATION_GROUPS, activeSubTables, applicationRows } from '../templates/tables.js';
import { PART_NUMBERS } from '../templates/numbering.js';

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
    const at = m.index!;
    const title = partTitleLength(line.slice(at + m[0].length, at + m[0].length + MAX_TITLE));
    if (title) {
      cuts.add(at);
      cuts.add(at + m[0].length + title);
      titles.push([at, at + m[0].length + title]);
    } else if (at === 0 || /[。；！？\s\d）)」”]/.test(line[at - 1])) cuts.add(at);
  }
  // Sentence ends; a date followed by a space ends the 落款 (page chrome may follow it).
  // A whole run of sentence ends (lookbehind: each run is scanned once, not from each of its characters).
  // redos-safe: a match starts only at the start of a run and takes the whole run; recheck's fuzzer (it cannot prove look-around) flags even inputs without one of these characters.
  for (const m of line.matchAll(/(?<![。！？])[。！？]+(?![。！？”」）)])/g)) cuts.add(m.index! + m[0].length);
  for (const m of line.matchAll(/\d{4}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日(?=\s)/g)) cuts.add(m.index! + m[0].length);
  // Table labels followed by numbers (or by another label: a group label before its first row).
  for (const m of line.matchAll(LABEL_RE)) {
    const at = m.index!;
    if (titles.some(([s, e]) => at > s && at < e)) continue;
    const after = line.slice(at + m[0].length, at + m[0].length + 24);
    LABEL_AFTER.lastIndex = 0;
    if (/^\s*\d/.test(after) || LABEL_AFTER.test(after) || HEADER_LABELS.has(m[0])) cuts.add(at);
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

/** Lines shorter than this are never flattened reports. */
const MIN_FLAT_LENGTH = 300;

/** A part title ends with one of these (official titles and their common rewordings alike). */
const TITLE_END = /(?:情况|事项|概况|概述)$/;
const MAX_TITLE = 40;

/**
 * The length of the part title at the start of `rest` (the text after "四、"), if it begins with
 * one: the shortest start that names one of the six parts (the sections' match words, so reworded
 * titles such as "因政府信息公开工作被申请行政复议、提起行政诉讼情况" count) and ends like a title.
 */
function partTitleLength(rest: string): number | undefined {
  const head = rest.slice(0, MAX_TITLE);
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
    ...applicationRows('2021').map((r) => r.label),
    ...applicationRows('2019').map((r) => r.label),
    ...APPLICATION_GROUPS.map((g) => g.label),
    ...(['2019', '2021'] as const).flatMap((l) => activeSubTables(l).flatMap((s) => s.rows.map((r) => r.label))),
  ]),
];
const HEADER_LABELS = new Set([
  ...(['2019', '2021'] as const).flatMap((l) => activeSubTables(l).map((s) => s.clause)),
  '信息内容',
  '行政复议',
  '申请人情况',
]);
// Longest first, so "（二）部分公开（区分处理的…）" wins over a shorter label starting alike.
const ALL_LABELS = [...ROW_LABELS, ...HEADER_LABELS].sort((a, b) => b.length - a.length);
/** Alternation of fixed strings: linear-time. */
// redos-safe: an alternation of escaped fixed strings (the template's labels).
const LABEL_RE = new RegExp(ALL_LABELS.map(escapeRe).join('|'), 'g');
// redos-safe: sticky, an alternation of escaped fixed strings after leading whitespace.
const LABEL_AFTER = new RegExp(`^\\s*(?:${ALL_LABELS.map(escapeRe).join('|')})`, 'y');

/** A line opening with a numbered part's official title and going straight on ("一、总体情况2024年，…"). */
function gluedPartTitle(line: string): boolean {
  const m = /^\s*[一二三四五六]、/.exec(line);
  if (!m) return false;
  const rest = line.slice(m[0].length);
  const title = partTitleLength(rest);
  return title !== undefined && rest.length > title + 10;
}

/** At least two numbered parts with their official titles, or three table labels followed by numbers. */
function looksFlat(line: string): boolean {
  let parts = 0;
  for (const m of line.matchAll(PART_NUMBERS)) {
    if (partTitleLength(line.slice(m.index! + m[0].length, m.index! + m[0].length + MAX_TITLE)) && ++parts >= 2) return true;
  }
  let rows = 0;
  for (const m of line.matchAll(LABEL_RE)) {
    if (/^\s*\d/.test(line.slice(m.index! + m[0].length, m.index! + m[0].length + 4)) && ++rows >= 3) return true;
  }
  return false;
}
