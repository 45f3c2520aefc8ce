import { describe, expect, test } from '@jest/globals';
import { MappedText, OffsetRuns } from '../../src/model/mapped-text.js';

/**
 * MappedText keeps its offsets as runs; these tests check it against the plain reading of the
 * contract, one original offset per character (offsets[text.length] = the end), on random
 * operations over texts with whitespace, ASCII words and CJK, mapped verbatim and not.
 */
interface Reference {
  text: string;
  offsets: number[];
}

const isSpace = (c: string) => /^[ \t\n\r\u3000\u00a0\f\v]$/.test(c);
const isAsciiWord = (c: string | undefined) => c !== undefined && /^[0-9A-Za-z]$/.test(c);

function referenceFold(r: Reference): Reference {
  let text = '';
  const offsets: number[] = [];
  let i = 0;
  while (i < r.text.length) {
    if (isSpace(r.text[i])) {
      let j = i;
      while (j < r.text.length && isSpace(r.text[j])) j++;
      if (text && isAsciiWord(text[text.length - 1]) && isAsciiWord(r.text[j])) {
        text += ' ';
        offsets.push(r.offsets[i]);
      }
      i = j;
      continue;
    }
    text += r.text[i];
    offsets.push(r.offsets[i]);
    i++;
  }
  offsets.push(r.offsets[r.text.length]);
  return { text, offsets };
}

function referenceSlice(r: Reference, from: number, to: number): Reference {
  const offsets = r.offsets.slice(from, to);
  offsets.push(to > from ? r.offsets[to - 1] + 1 : r.offsets[from]);
  return { text: r.text.slice(from, to), offsets };
}

function referenceConcat(parts: Reference[], separator: string): Reference {
  let text = '';
  const offsets: number[] = [];
  parts.forEach((p, idx) => {
    if (idx > 0) {
      text += separator;
      for (let k = 0; k < separator.length; k++) offsets.push(p.offsets[0]);
    }
    text += p.text;
    offsets.push(...p.offsets.slice(0, p.text.length));
  });
  offsets.push(parts[parts.length - 1].offsets[parts[parts.length - 1].text.length]);
  return { text, offsets };
}

/** A deterministic generator (tests must not depend on Math.random's sequence). */
function random(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
}

const ALPHABET = ['统', '计', '年', '月', '2', '0', 'a', 'B', ' ', ' ', '\n', '\t', '\u3000', '，'];

function randomLeaf(rand: (n: number) => number, original: string): { mapped: MappedText; ref: Reference } {
  const start = rand(original.length);
  const end = start + rand(original.length - start + 1);
  if (rand(3) > 0) {
    const offsets = Array.from({ length: end - start + 1 }, (_, k) => start + k);
    return { mapped: MappedText.verbatim(original, start, end), ref: { text: original.slice(start, end), offsets } };
  }
  // Not one to one: characters pointing at one place (a decoded entity), or stepping by two.
  const text = original.slice(start, end);
  const offsets = Array.from({ length: text.length + 1 }, (_, k) => (rand(2) ? start : start + 2 * k));
  return { mapped: new MappedText(text, offsets), ref: { text, offsets } };
}

/** Compared whole, not assertion by assertion: the random test makes thousands of them. */
function expectSame(mapped: MappedText, ref: Reference): void {
  const n = ref.text.length;
  const got: unknown[] = [mapped.text, mapped.offsetAt(-5), mapped.offsetAt(n + 5)];
  const want: unknown[] = [ref.text, ref.offsets[0], ref.offsets[n]];
  for (let i = 0; i <= n; i++) {
    got.push(mapped.offsetAt(i));
    want.push(ref.offsets[i]);
  }
  for (let from = 0; from <= n; from += 3)
    for (let to = from; to <= n; to += 2) {
      const start = ref.offsets[from];
      got.push(mapped.spanOf(from, to));
      want.push({ start, end: to > from ? ref.offsets[to - 1] + 1 : start });
    }
  // textWithin: the characters whose own offsets fall in the span, as the per-character view picks them.
  for (let start = -1; start <= ref.offsets[n] + 1; start += 2)
    for (let end = start; end <= ref.offsets[n] + 2; end += 3) {
      got.push(mapped.textWithin(start, end));
      want.push(
        ref.text
          .split('')
          .filter((_, i) => ref.offsets[i] >= start && ref.offsets[i] < end)
          .join(''),
      );
    }
  for (let offset = -1; offset <= ref.offsets[n] + 1; offset++) {
    const first = ref.offsets.slice(0, n).findIndex((o) => o >= offset);
    got.push(mapped.indexAtOrAfter(offset));
    want.push(first === -1 ? n : first);
  }
  expect(got).toEqual(want);
}

describe('MappedText: every character keeps its original offset', () => {
  test('random slices, folds, shifts and joins agree with one offset per character', () => {
    const rand = random(7);
    const original = Array.from({ length: 80 }, () => ALPHABET[rand(ALPHABET.length)]).join('');
    for (let round = 0; round < 150; round++) {
      let { mapped, ref } = randomLeaf(rand, original);
      for (let step = 0; step < 4; step++) {
        const op = rand(4);
        if (op === 0) {
          mapped = mapped.foldWhitespace();
          ref = referenceFold(ref);
        } else if (op === 1) {
          const from = rand(ref.text.length + 1);
          const to = from + rand(ref.text.length - from + 1);
          mapped = mapped.slice(from, to);
          ref = referenceSlice(ref, from, to);
        } else if (op === 2) {
          const delta = rand(9) - 4;
          mapped = mapped.shifted(delta);
          ref = { text: ref.text, offsets: ref.offsets.map((o) => o + delta) };
        } else {
          const other = randomLeaf(rand, original);
          const separator = ['', ' ', '\n\n'][rand(3)];
          const first = rand(2) === 0;
          mapped = MappedText.concat(first ? [mapped, other.mapped] : [other.mapped, mapped], separator);
          ref = referenceConcat(first ? [ref, other.ref] : [other.ref, ref], separator);
        }
        expectSame(mapped, ref);
      }
    }
  });

  test('runs built a stretch at a time read like the per-character offsets', () => {
    const runs = new OffsetRuns(40);
    runs.add(0, 10);
    runs.add(3, 13); // continues the first run
    runs.add(5, 30);
    runs.add(6, 30);
    const mapped = new MappedText('abcdefgh', runs);
    expectSame(mapped, { text: 'abcdefgh', offsets: [10, 11, 12, 13, 14, 30, 30, 31, 40] });
    expect(runs.at).toEqual([0, 5, 6]);
    // Another reading of the same characters (繁→简) keeps every position.
    expectSame(mapped.reread('ABCDEFGH'), { text: 'ABCDEFGH', offsets: [10, 11, 12, 13, 14, 30, 30, 31, 40] });
  });

  test('the empty text and a text without whitespace', () => {
    expectSame(MappedText.empty(7), { text: '', offsets: [7] });
    expectSame(MappedText.concat([]), { text: '', offsets: [0] });
    const prose = MappedText.verbatim('x统计期限', 1, 5);
    expect(prose.foldWhitespace()).toBe(prose);
    expect(() => new MappedText('ab', [1, 2])).toThrow('offsets must have text.length + 1 entries');
  });
});
