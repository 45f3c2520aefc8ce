import type { Span } from './source.js';

/**
 * Text extracted from the input (with markup removed, whitespace folded, lines joined) that still
 * knows, for every character, where it came from in the original file. Recognizers search this
 * text with regular expressions and map matches back with `spanOf`.
 */
export class MappedText {
  readonly text: string;
  /** offsets[i] = original offset of text[i]; offsets[text.length] = original end. */
  private readonly offsets: number[];

  constructor(text: string, offsets: number[]) {
    if (offsets.length !== text.length + 1) throw new Error('MappedText: offsets must have text.length + 1 entries');
    this.text = text;
    this.offsets = offsets;
  }

  static empty(at = 0): MappedText {
    return new MappedText('', [at]);
  }

  /** A piece of the original text taken verbatim (identity mapping). */
  static verbatim(original: string, start: number, end: number): MappedText {
    const offsets = new Array<number>(end - start + 1);
    for (let i = 0; i <= end - start; i++) offsets[i] = start + i;
    return new MappedText(original.slice(start, end), offsets);
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
    return new MappedText(this.text.slice(from, to), this.offsets.slice(from, to).concat([to > from ? this.offsets[to - 1] + 1 : this.offsets[from]]));
  }

  /**
   * Fold whitespace the way a reader does for Chinese text: drop it entirely unless it separates
   * two ASCII letters/digits, in which case keep one space. So "2024 年 1 月" reads "2024年1月" and a
   * PDF line wrap inside a sentence disappears.
   */
  foldWhitespace(): MappedText {
    const out: string[] = [];
    const offs: number[] = [];
    const s = this.text;
    let i = 0;
    while (i < s.length) {
      if (isSpace(s[i])) {
        let j = i;
        while (j < s.length && isSpace(s[j])) j++;
        const prev = out.length ? out[out.length - 1] : '';
        const next = j < s.length ? s[j] : '';
        if (isAsciiWord(prev) && isAsciiWord(next)) {
          out.push(' ');
          offs.push(this.offsets[i]);
        }
        i = j;
        continue;
      }
      out.push(s[i]);
      offs.push(this.offsets[i]);
      i++;
    }
    offs.push(this.offsets[s.length]);
    return new MappedText(out.join(''), offs);
  }

  static concat(parts: MappedText[], separator = ''): MappedText {
    if (parts.length === 0) return MappedText.empty();
    let text = '';
    const offsets: number[] = [];
    parts.forEach((p, idx) => {
      if (idx > 0 && separator) {
        text += separator;
        for (let k = 0; k < separator.length; k++) offsets.push(p.offsetAt(0));
      }
      text += p.text;
      for (let k = 0; k < p.text.length; k++) offsets.push(p.offsets[k]);
    });
    offsets.push(parts[parts.length - 1].offsets[parts[parts.length - 1].text.length]);
    return new MappedText(text, offsets);
  }
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u3000' || c === '\u00a0' || c === '\f' || c === '\v';
}

function isAsciiWord(c: string): boolean {
  return /^[A-Za-z0-9]$/.test(c);
}
