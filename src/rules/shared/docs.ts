/** Where rule docs live; the one place to change when the docs get a public home. */
export const DOCS_BASE = 'docs/rules/';

/**
 * The public copy of the rule pages (the repository named in package.json), for outputs read on
 * other machines (SARIF's helpUri): a path on the machine that ran the lint would mean nothing
 * there. `--docs-url` / config `docsUrl` replace it, e.g. with an intranet mirror.
 */
/** The project's home (package.json `homepage`/`repository`). */
export const PROJECT_URL = 'https://github.com/gia-lint/gia-lint';
export const PUBLIC_DOCS_URL = `${PROJECT_URL}/blob/main/docs/rules/`;

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}

/**
 * A rule's docs as an absolute URL: plugin rules carry their own; built-in ones (`docs/rules/x.md`)
 * are placed under `base` (a URL ending in the rules folder).
 */
export function publicDocsUrl(url: string, base: string = PUBLIC_DOCS_URL): string {
  if (/^[a-z][a-z\d+.-]*:/i.test(url)) return url;
  const rel = url.startsWith(DOCS_BASE) ? url.slice(DOCS_BASE.length) : url;
  return new URL(rel, base.endsWith('/') ? base : `${base}/`).href;
}
