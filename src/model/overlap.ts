import type { MappedText } from './mapped-text.js';
import type { Span } from './source.js';

/*
 * How much of a report's prose repeats last year's report word for word (内容雷同, 国办公开办函
 * 〔2021〕30号 "（四）明确责任"). Tables are not prose (the recognizer leaves them out), so the
 * statistics, which must change every year, do not count either way.
 *
 * The measure is character shingles: a run of SHINGLE characters of this year's prose that also
 * occurs in last year's prose marks those characters as copied. Whitespace and punctuation are
 * dropped before comparing (a copy re-punctuated or re-wrapped is still a copy), but digits are
 * kept: a paragraph whose year and figures were updated is mostly still copied, as it should be,
 * while a sentence rewritten around new facts is not. The share is copied characters / all
 * compared characters of this year's prose.
 */

/** Characters per shingle: long enough that common phrases (依据《条例》…) do not make a match alone. */
export const SHINGLE = 12;

/** Prose shorter than this (compared characters) is not judged: a stub says nothing about copying. */
export const MIN_COMPARED = 200;

export interface CopiedPassage {
  /** The passage as it reads in this year's prose (compared characters only, punctuation kept). */
  text: string;
  /** Where it is in this year's file. */
  span: Span;
  /** Compared characters in the passage. */
  length: number;
}

export interface Overlap {
  /** Copied share of this year's compared characters, 0..1. */
  share: number;
  /** Compared characters of this year's prose. */
  compared: number;
  copied: number;
  /** The longest copied passages, longest first. */
  passages: CopiedPassage[];
}

/** Kept for comparison: CJK ideographs, ASCII letters and digits (punctuation and spaces are layout). */
function kept(ch: number): boolean {
  return (
    (ch >= 0x4e00 && ch <= 0x9fff) || (ch >= 0x3400 && ch <= 0x4dbf) || (ch >= 0x30 && ch <= 0x39) || (ch >= 0x41 && ch <= 0x5a) || (ch >= 0x61 && ch <= 0x7a)
  );
}

/**
 * Lines with fewer compared characters than this are structure, not content: headings (一、总体情况,
 * （三）政府信息管理), table captions, the 落款 and its date. Every report repeats them by design.
 */
export const MIN_LINE = 24;

/** The compared characters of `text` (content lines only) and, for each, its index in `text`. */
function compact(text: string): { chars: string; at: Int32Array } {
  const at = new Int32Array(text.length);
  let chars = '';
  let n = 0;
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let line = '';
    const lineAt: number[] = [];
    for (let i = start; i < end; i++) {
      if (!kept(text.charCodeAt(i))) continue;
      line += text[i];
      lineAt.push(i);
    }
    if (line.length >= MIN_LINE) {
      chars += line;
      for (const i of lineAt) at[n++] = i;
    }
    start = end + 1;
  }
  return { chars, at: at.subarray(0, n) };
}

/** This year's compared characters, and the copied runs in them, longest first. */
interface Measured {
  previous: MappedText;
  cur: { chars: string; at: Int32Array };
  copied: number;
  runs: { from: number; to: number }[];
}

/**
 * The last pair measured, by this year's prose: the copied-report rule and the region's facts
 * (src/region/facts.ts) ask for the same pair, one after the other.
 */
const lastMeasured = new WeakMap<MappedText, Measured | null>();

/**
 * The overlap of `current` with `previous`; undefined when this year's prose is too short to judge.
 * Linear in the lengths (one set of shingles of last year, one pass over this year).
 */
export function proseOverlap(current: MappedText, previous: MappedText, maxPassages = 3): Overlap | undefined {
  let m = lastMeasured.get(current);
  if (m === undefined || (m !== null && m.previous !== previous)) {
    m = measure(current, previous);
    lastMeasured.set(current, m);
  }
  if (m === null) return undefined;
  const { cur, copied, runs } = m;
  const passages = runs.slice(0, maxPassages).map((r) => {
    let from = cur.at[r.from];
    const to = cur.at[r.to - 1] + 1;
    // A run that starts with the tail of a sentence ("条。我局健全…": the last word before a
    // sentence that is copied) is shown from the next sentence on.
    const tail = /^[^。；！？\n]{0,6}[。；！？\n]/.exec(current.text.slice(from, Math.min(to, from + 8)));
    if (tail && from + tail[0].length < to) from += tail[0].length;
    return { text: current.text.slice(from, to), span: current.spanOf(from, to), length: r.to - r.from };
  });
  return { share: copied / cur.chars.length, compared: cur.chars.length, copied, passages };
}

/** null: this year's prose is too short to judge. */
function measure(current: MappedText, previous: MappedText): Measured | null {
  const cur = compact(current.text);
  if (cur.chars.length < MIN_COMPARED) return null;
  const prev = compact(previous.text).chars;
  const seen = new Set<string>();
  for (let i = 0; i + SHINGLE <= prev.length; i++) seen.add(prev.slice(i, i + SHINGLE));

  // covered[i]: character i of this year's compared text lies inside a shingle seen last year.
  const covered = new Uint8Array(cur.chars.length);
  let reach = -1;
  for (let i = 0; i + SHINGLE <= cur.chars.length; i++) {
    if (!seen.has(cur.chars.slice(i, i + SHINGLE))) continue;
    for (let j = Math.max(i, reach + 1); j < i + SHINGLE; j++) covered[j] = 1;
    reach = i + SHINGLE - 1;
  }

  let copied = 0;
  const runs: { from: number; to: number }[] = [];
  for (let i = 0; i < covered.length;) {
    if (!covered[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < covered.length && covered[j]) j++;
    copied += j - i;
    runs.push({ from: i, to: j });
    i = j;
  }
  runs.sort((a, b) => b.to - b.from - (a.to - a.from) || a.from - b.from);
  return { previous, cur, copied, runs };
}
