import { expect, test } from '@jest/globals';
import { displayWidth } from '../../src/reporters/width.js';

test.each([
  ['', 0],
  ['abc 123', 7],
  ['中文', 4],
  ['，（）：；！？', 14], // full-width punctuation
  ['、。「」【】', 12], // CJK punctuation block
  ['　', 2], // ideographic space U+3000
  ['ＡＢ１２', 8], // full-width letters and digits
  ['😀', 2], // surrogate pair counts once, as a wide character
  ['𠀀𠀁', 4], // CJK extension B, also surrogate pairs
  ['👍🏽', 2], // skin-tone modifier adds no width
  ['e\u0301', 1], // combining accent
  ['a\u200bb', 2], // zero-width space
  ['✅ ok', 5],
  ['½ ±', 3], // ambiguous-width characters count as narrow
  ['표', 2], // Hangul
  ['表三「一、本年新收」', 20],
])('displayWidth(%j) = %i', (text, width) => {
  expect(displayWidth(text)).toBe(width);
});
