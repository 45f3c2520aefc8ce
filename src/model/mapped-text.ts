import type { Span } from './source.js';

/**
 * Text extracted from the input (with markup removed, whitespace folded, lines joined) that still
 * knows, for every character, where it came from in the original file. Recognizers search this
 * text with regular expressions and map matches back with `spanOf`.
 *
 * The mapping is stored as runs, not one offset per character: almost all extracted text is
 * copied from the original a stretch at a time, so the original offset rises by one per character
 * over long stretches (a verbatim paragraph is one run, the same paragraph with its line breaks
 * folded away one run per line). An offset array per character made slicing, joining and folding
 * the largest cost of our own code and a large share of the garbage collector's work.
 */
export class MappedText {
  readonly text: string;
  /**
   * Run k covers text[runAt[k] .. runAt[k + 1]) and maps text[runAt[k] + d] to runOrigin[k] + d.
   * runAt[0] === 0 unless the text is empty (then there are no runs); runAt rises strictly.
   */
  private readonly runAt: readonly number[];
  private readonly runOrigin: readonly number[];
  /** The original offset of the end of the text (offsets[text.length] of the per-character view). */
  private readonly end: number;

  /**
   * `offsets[i]` = original offset of `text[i]`; `offsets[text.length]` = original end. Or the
   * runs already built (by this class's operations, or by a format reading its input a stretch at a time).
   */
  constructor(text: string, offsets: ArrayLike<number> | OffsetRuns) {
    let runs: OffsetRuns;
    if (offsets instanceof OffsetRuns) runs = offsets;
    else {
      if (offsets.length !== text.length + 1) throw new Error('MappedText: offsets must have text.length + 1 entries');
      runs = new OffsetRuns(offsets[text.length]);
      for (let i = 0; i < text.length; i++) runs.add(i, offsets[i]);
    }
    this.text = text;
    this.runAt = runs.at;
    this.runOrigin = runs.origin;
    this.end = runs.end;
  }

  static empty(at = 0): MappedText {
    return new MappedText('', new OffsetRuns(at));
  }

  /** A piece of the original text taken verbatim (identity mapping). */
  static verbatim(original: string, start: number, end: number): MappedText {
    const runs = new OffsetRuns(end);
    if (end > start) runs.add(0, start);
    return new MappedText(original.slice(start, end), runs);
  }

  /** The same text at offsets moved by `delta` (a piece of a document after an edit earlier in it). */
  shifted(delta: number): MappedText {
    const moved = this.withRuns(this.text, delta);
    // The folded text comes along (it may be the text itself, when there was nothing to fold).
    moved.folded = this.folded === this ? moved : this.folded?.shifted(delta);
    return moved;
  }

  /** Original span of text[from..to). */
  spanOf(from: number, to: number): Span {
    const f = Math.max(0, Math.min(from, this.text.length));
    const t = Math.max(f, Math.min(to, this.text.length));
    if (t === f) return { start: this.offsetAt(f), end: this.offsetAt(f) };
    return { start: this.offsetAt(f), end: this.offsetAt(t - 1) + 1 };
  }

  offsetAt(i: number): number {
    const at = Math.max(0, Math.min(i, this.text.length));
    if (at === this.text.length) return this.end;
    const k = this.runOf(at);
    return this.runOrigin[k] + at - this.runAt[k];
  }

  /** The first index whose original offset is at least `offset` (text.length if none): one step per run, not per character. */
  indexAtOrAfter(offset: number): number {
    const runs = this.runAt.length;
    for (let k = 0; k < runs; k++) {
      const runEnd = k + 1 < runs ? this.runAt[k + 1] : this.text.length;
      const last = this.runOrigin[k] + runEnd - 1 - this.runAt[k];
      if (last >= offset) return this.runAt[k] + Math.max(0, offset - this.runOrigin[k]);
    }
    return this.text.length;
  }

  /** The characters whose original offsets lie in [start, end), in text order (what a span of the original shows here): one step per run. */
  textWithin(start: number, end: number): string {
    const pieces: string[] = [];
    for (let k = 0; k < this.runAt.length; k++) {
      const from = this.runAt[k];
      const length = (k + 1 < this.runAt.length ? this.runAt[k + 1] : this.text.length) - from;
      // text[from + d] comes from runOrigin[k] + d.
      const a = Math.max(0, start - this.runOrigin[k]);
      const b = Math.min(length, end - this.runOrigin[k]);
      if (b > a) pieces.push(this.text.slice(from + a, from + b));
    }
    return pieces.join('');
  }

  get span(): Span {
    return this.spanOf(0, this.text.length);
  }

  slice(from: number, to = this.text.length): MappedText {
    const runs = new OffsetRuns(to > from ? this.offsetAt(to - 1) + 1 : this.offsetAt(from));
    if (to > from) this.copyRuns(runs, from, to, 0);
    return new MappedText(this.text.slice(from, to), runs);
  }

  /**
   * Fold whitespace the way a reader does for Chinese text: drop it entirely unless it separates
   * two ASCII letters/digits, in which case keep one space. So "2024 年 1 月" reads "2024年1月" and a
   * PDF line wrap inside a sentence disappears. Computed once: recognition folds every block more
   * than once, and `shifted` carries it to the next version of an editor buffer.
   */
  foldWhitespace(): MappedText {
    return (this.folded ??= this.fold());
  }

  private folded: MappedText | undefined;

  private fold(): MappedText {
    const s = this.text;
    let i = 0;
    while (i < s.length && !isSpace(s.charCodeAt(i))) i++;
    // Nothing to fold (one line of Chinese prose, a table cell): the text stays as it is.
    if (i === s.length) return this;
    const runs = new OffsetRuns(this.end);
    const pieces: string[] = [];
    let n = 0;
    let from = 0;
    for (;;) {
      // s[from..i) is a stretch without whitespace, copied as it is.
      if (i > from) {
        pieces.push(s.slice(from, i));
        this.copyRuns(runs, from, i, n);
        n += i - from;
      }
      if (i === s.length) break;
      let j = i;
      while (j < s.length && isSpace(s.charCodeAt(j))) j++;
      if (n > 0 && isAsciiWord(s.charCodeAt(i - 1)) && j < s.length && isAsciiWord(s.charCodeAt(j))) {
        pieces.push(' ');
        runs.add(n++, this.offsetAt(i));
      }
      from = j;
      i = j;
      while (i < s.length && !isSpace(s.charCodeAt(i))) i++;
    }
    return new MappedText(pieces.join(''), runs);
  }

  /** The same positions under another reading of the text, character for character (繁→简). */
  reread(text: string): MappedText {
    if (text.length !== this.text.length) throw new Error('MappedText.reread: the reading must keep the length');
    return this.withRuns(text, 0);
  }

  /** `text` with this text's runs, moved by `delta`. */
  private withRuns(text: string, delta: number): MappedText {
    const runs = new OffsetRuns(this.end + delta);
    for (let k = 0; k < this.runAt.length; k++) runs.add(this.runAt[k], this.runOrigin[k] + delta);
    return new MappedText(text, runs);
  }

  static concat(parts: MappedText[], separator = ''): MappedText {
    if (parts.length === 0) return MappedText.empty();
    if (parts.length === 1) return parts[0];
    const runs = new OffsetRuns(parts[parts.length - 1].end);
    const texts: string[] = [];
    let at = 0;
    for (let idx = 0; idx < parts.length; idx++) {
      const p = parts[idx];
      if (idx > 0 && separator) {
        texts.push(separator);
        // Every separator character points at the start of the part it precedes.
        const origin = p.offsetAt(0);
        for (let k = 0; k < separator.length; k++) runs.add(at++, origin);
      }
      texts.push(p.text);
      p.copyRuns(runs, 0, p.text.length, at);
      at += p.text.length;
    }
    return new MappedText(texts.join(''), runs);
  }

  /** The run holding text index `i` (0 ≤ i < text.length). */
  private runOf(i: number): number {
    const at = this.runAt;
    let lo = 0;
    let hi = at.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (at[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Appends the mapping of text[from..to) to `runs`, placed at index `to` onwards of the text being built. */
  private copyRuns(runs: OffsetRuns, from: number, to: number, placeAt: number): void {
    if (from >= to) return;
    const first = this.runOf(from);
    runs.add(placeAt, this.runOrigin[first] + from - this.runAt[first]);
    for (let k = first + 1; k < this.runAt.length && this.runAt[k] < to; k++) runs.add(placeAt + this.runAt[k] - from, this.runOrigin[k]);
  }
}

/**
 * A MappedText's offsets as runs, built in text order: `add(i, o)` says text[i] comes from original
 * offset o, and each following character from the next offset until the next `add`; an `add` that
 * continues the current run (next index, next offset) is merged into it. `end` is the original
 * offset of the end of the text.
 */
export class OffsetRuns {
  readonly at: number[] = [];
  readonly origin: number[] = [];

  constructor(public end = 0) {}

  add(textIndex: number, origin: number): void {
    const k = this.at.length - 1;
    if (k >= 0 && origin - this.origin[k] === textIndex - this.at[k]) return;
    this.at.push(textIndex);
    this.origin.push(origin);
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000 || c === 0xa0 || c === 12 || c === 11;
}

function isAsciiWord(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
