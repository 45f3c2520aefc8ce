/**
 * Nesting limit for HTML, checked before any HTML parser sees the text. parse5 (cheerio) and the
 * tree builders behind it walk the stack of open elements for every tag, so 50,000 nested
 * `<div>`s take minutes: quadratic in the depth. A linear scan of the tags estimates the depth
 * first; past MAX_HTML_DEPTH the input is refused with one fatal message. Real pages nest a few
 * dozen levels; Word documents converted by mammoth nest by their tables, a few levels each.
 */

export const MAX_HTML_DEPTH = 500;

/** Elements that never hold content, and those whose end tag a parser implies (so `<p><p>` is not nesting). */
const NOT_NESTING = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'dt',
  'dd',
  'option',
  'optgroup',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'colgroup',
  'rt',
  'rp',
  'html',
  'head',
  'body',
]);

/** Thrown by a format processor when its input is beyond a documented limit; the engine turns it into one fatal message. */
export class InputLimitError extends Error {
  constructor(
    readonly limit: 'htmlDepth',
    readonly max: number,
  ) {
    super(`input exceeds the ${limit} limit (${max})`);
  }
}

/** The deepest nesting of elements the tags in `html` open (an over-estimate for broken HTML, never an under-estimate of what matters). */
export function htmlDepth(html: string): number {
  let depth = 0;
  let max = 0;
  // A tag name after `<` or `</`; the rest of the tag is found with indexOf (linear overall).
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/g;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    const name = m[2].toLowerCase();
    const end = html.indexOf('>', tag.lastIndex);
    if (end === -1) break;
    const selfClosing = html[end - 1] === '/';
    tag.lastIndex = end + 1;
    if (NOT_NESTING.has(name) || selfClosing) continue;
    if (m[1]) {
      if (depth > 0) depth--;
    } else if (++depth > max) {
      max = depth;
    }
  }
  return max;
}

/** Throw InputLimitError when `html` nests deeper than MAX_HTML_DEPTH. */
export function checkHtmlDepth(html: string): void {
  // Every level of depth opens with a `<`: with no more of them than the limit, nothing to count.
  if (fewerThan(html, '<', MAX_HTML_DEPTH + 1)) return;
  if (htmlDepth(html) > MAX_HTML_DEPTH) throw new InputLimitError('htmlDepth', MAX_HTML_DEPTH);
}

/** Whether `text` holds `char` fewer than `n` times. */
function fewerThan(text: string, char: string, n: number): boolean {
  let count = 0;
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) if (++count >= n) return false;
  return true;
}
