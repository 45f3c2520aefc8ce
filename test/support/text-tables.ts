/** Tiny, format-aware table readers for tests of generated and example reports (not the linter's parser). */
import type { GenFormat } from './generate.js';

/** Table rows of the text as lists of non-empty cells, whatever the format. */
export function tableRows(text: string, format: GenFormat): string[][] {
  if (format === 'md') {
    const html = [...text.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => [...m[1].matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[1]));
    const gfm = text
      .split('\n')
      .filter((l) => l.startsWith('|'))
      .map((l) =>
        l
          .split('|')
          .slice(1, -1)
          .map((c) => c.trim()),
      );
    return [...html, ...gfm].map((r) => r.filter((c) => c !== ''));
  }
  const sep = format === 'txt-tsv' ? '\t' : '|';
  return text
    .split('\n')
    .filter((l) => l.includes(sep))
    .map((l) =>
      l
        .split(sep)
        .map((c) => c.trim())
        .filter((c) => c !== ''),
    );
}

/** The values printed after `label` in the (single) row whose cell equals label. */
export function rowValues(rows: string[][], label: string): string[] {
  const hits = rows.filter((r) => r.includes(label));
  if (hits.length !== 1) throw new Error(`row '${label}' found ${hits.length} times`);
  const r = hits[0];
  return r.slice(r.indexOf(label) + 1);
}

export const num = (s: string) => (/^-?\d+(\.\d+)?$/.test(s) ? Number(s) : NaN);
