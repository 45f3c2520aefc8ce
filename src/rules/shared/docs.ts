/** Where rule docs live; the one place to change when the docs get a public home. */
export const DOCS_BASE = 'docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}
