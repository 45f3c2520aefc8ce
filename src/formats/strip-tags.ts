import { MappedText } from '../model/mapped-text.js';

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ensp: ' ', emsp: '\u3000' };

/**
 * Remove HTML tags (and decode the common entities) from text that is mostly prose, keeping the
 * mapping to original offsets. Block-level tags become line breaks so words do not run together.
 */
export function stripTags(input: MappedText): MappedText {
  const s = input.text;
  const chars: string[] = [];
  const offs: number[] = [];
  // The next `<` or `>` after a `<`: a tag holds neither, so the search stops at the next `<` and the
  // whole scan stays linear (indexOf('>') from every `<` is quadratic on `<` without `>`).
  const angle = /[<>]/g;
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '<') {
      angle.lastIndex = i + 1;
      const next = angle.exec(s);
      const close = next && next[0] === '>' ? next.index : -1;
      if (close !== -1 && /^<\/?[a-zA-Z!][^<>]*$/.test(s.slice(i, close))) {
        if (/^<\/?(p|div|br|li|ul|ol|tr|h[1-6]|section|article|table)\b/i.test(s.slice(i, close + 1))) {
          chars.push('\n');
          offs.push(input.offsetAt(i));
        }
        i = close + 1;
        continue;
      }
    }
    if (c === '&') {
      const m = /^&(#x[0-9a-f]+|#\d+|[a-z]+);/i.exec(s.slice(i, i + 12));
      if (m) {
        const name = m[1];
        const decoded =
          name[0] === '#'
            ? String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10))
            : ENTITIES[name.toLowerCase()];
        if (decoded !== undefined) {
          for (const ch of decoded) {
            chars.push(ch);
            offs.push(input.offsetAt(i));
          }
          i += m[0].length;
          continue;
        }
      }
    }
    chars.push(c);
    offs.push(input.offsetAt(i));
    i++;
  }
  const text = chars.join('');
  // A decoded astral character pushed two code units with one offset entry; rebuild per unit.
  const perUnit: number[] = [];
  let k = 0;
  for (const ch of chars) {
    for (let u = 0; u < ch.length; u++) perUnit.push(offs[k]);
    k++;
  }
  perUnit.push(input.offsetAt(s.length));
  return new MappedText(text, perUnit);
}
