import type { Span } from './source.js';

/**
 * Text extracted from the input (with markup removed, whitespace folded, lines joined) that still
 * knows, for every character, where it came from in the original file. Recognizers search this
 * text with regular expressions and map matches back with `spanOf`.
 */
export class MappedText {
  readonly text: string;
  /**
   * offsets[i] = original offset of text[i]; offsets[text.length] = original end. A typed array:
   * one entry per character of every report, so a plain number[] made the garbage collector a
   * fifth of the run time.
   */
  private readonly offsets: Int32Array;

  constructor(text: string, offsets: ArrayLike<number>) {
    if (offsets.length !== text.length + 1) throw new Error('MappedText: offsets must have text.length + 1 entries');
    this.text = text;
    this.offsets = offsets instanceof Int32Array ? offsets : Int32Array.from(offsets);
  }

  static empty(at = 0): MappedText {
    return new MappedText('', Int32Array.of(at));
  }

  /** A piece of the original text taken verbatim (identity mapping). */
  static verbatim(original: string, start: number, end: number): MappedText {
    const offsets = new Int32Array(end - start + 1);
    for (let i = 0; i <= end - start; i++) offsets[i] = start + i;
    return new MappedText(original.slice(start, end), offsets);
  }

  /** The same text at offsets moved by `delta` (a piece of a document after an edit earlier in it). */
  shifted(delta: number): MappedText {
    const offsets = new Int32Array(this.offsets.length);
    for (let i = 0; i < offsets.length; i++) offsets[i] = this.offsets[i] + delta;
    const moved = new MappedText(this.text, offsets);
    moved.folded = this.folded?.shifted(delta);
    return moved;
  }

  /** Original span of text[from..to). */
  spanOf(from: number, to: number): Span {
    const f = Math.max(0, Math.min(from, this.text.length));
    const t = Math.max(f, Math.min(to, this.text.length));
    if (t === f) return { start: this.offsets[f], end: this.offsets[f] };
    return { start: this.offsets[f], end: this.offsets[t - 1] + 1 };
  }

  offsetAt(i: number): number {
    return this.offsets[Math.max(0, Math.min(i, this.text.length))];
  }

  get span(): Span {
    return this.spanOf(0, this.text.length);
  }

  slice(from: number, to = this.text.length): MappedText {
    const offsets = new Int32Array(Math.max(0, to - from) + 1);
    offsets.set(this.offsets.subarray(from, to));
    offsets[offsets.length - 1] = to > from ? this.offsets[to - 1] + 1 : this.offsets[from];
    return new MappedText(this.text.slice(from, to), offsets);
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
    const out: string[] = [];
    const offs = new Int32Array(s.length + 1);
    let n = 0;
    let i = 0;
    while (i < s.length) {
      if (isSpace(s.charCodeAt(i))) {
        let j = i;
        while (j < s.length && isSpace(s.charCodeAt(j))) j++;
        if (n > 0 && isAsciiWord(out[n - 1].charCodeAt(0)) && j < s.length && isAsciiWord(s.charCodeAt(j))) {
          out.push(' ');
          offs[n++] = this.offsets[i];
        }
        i = j;
        continue;
      }
      out.push(s[i]);
      offs[n++] = this.offsets[i];
      i++;
    }
    offs[n] = this.offsets[s.length];
    return new MappedText(out.join(''), offs.slice(0, n + 1));
  }

  /** The same positions under another reading of the text, character for character (繁→简). */
  reread(text: string): MappedText {
    if (text.length !== this.text.length) throw new Error('MappedText.reread: the reading must keep the length');
    return new MappedText(text, this.offsets);
  }

  static concat(parts: MappedText[], separator = ''): MappedText {
    if (parts.length === 0) return MappedText.empty();
    let length = 0;
    for (const p of parts) length += p.text.length;
    length += separator.length * (parts.length - 1);
    const offsets = new Int32Array(length + 1);
    const texts: string[] = [];
    let at = 0;
    parts.forEach((p, idx) => {
      if (idx > 0 && separator) {
        texts.push(separator);
        offsets.fill(p.offsetAt(0), at, at + separator.length);
        at += separator.length;
      }
      texts.push(p.text);
      offsets.set(p.offsets.subarray(0, p.text.length), at);
      at += p.text.length;
    });
    const last = parts[parts.length - 1];
    offsets[length] = last.offsets[last.text.length];
    return new MappedText(texts.join(''), offsets);
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000 || c === 0xa0 || c === 12 || c === 11;
}

function isAsciiWord(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
