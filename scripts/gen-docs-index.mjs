#!/usr/bin/env node
/**
 * Regenerates the rule table in docs/rules/README.md from the rules' meta (dist/rules, so run
 * `npm run build` first; `npm run docs:index` does both). Only the text between the markers
 * below is replaced; the prose around it stays. test/scripts/docs-index.test.ts fails when the
 * checked-in table differs from what this produces, so a new rule cannot go undocumented.
 *
 *   node scripts/gen-docs-index.mjs           write the table
 *   node scripts/gen-docs-index.mjs --check   exit 1 if the table is out of date
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const START = '<!-- rules-index:start -->';
export const END = '<!-- rules-index:end -->';

const yesNo = (v) => (v ? '是' : '否');
/** A table cell: no line breaks, and `|` escaped so it cannot split the cell. */
const cell = (s) => String(s).replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');

/** The Markdown table for an iterable of rules (in registration order). */
export function renderRulesIndex(rules) {
  const lines = ['| 规则 id | 默认级别 | 检查内容 | 可自动修复（--fix） | 提供建议 |', '|---|---|---|---|---|'];
  for (const { meta } of rules) {
    lines.push(
      `| [${meta.id}](${meta.id}.md) | ${meta.defaultSeverity} | ${cell(meta.docs.description['zh-CN'])} | ${yesNo(meta.fixable)} | ${yesNo(meta.hasSuggestions)} |`,
    );
  }
  return lines.join('\n');
}

/** `readme` with the text between the markers replaced by `table`. Throws when a marker is missing. */
export function replaceIndex(readme, table) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start === -1 || end === -1 || end < start) throw new Error(`docs/rules/README.md needs the markers ${START} and ${END}`);
  return `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`;
}

async function main() {
  const root = new URL('../', import.meta.url);
  const readmeUrl = new URL('docs/rules/README.md', root);
  const { builtinRules } = await import(new URL('dist/rules/index.js', root).href);
  const before = readFileSync(readmeUrl, 'utf8');
  const after = replaceIndex(before, renderRulesIndex(builtinRules.values()));
  if (process.argv.includes('--check')) {
    if (after !== before) {
      process.stderr.write('docs/rules/README.md: the rule index is out of date; run `npm run docs:index`\n');
      process.exitCode = 1;
    }
    return;
  }
  if (after !== before) writeFileSync(readmeUrl, after);
  process.stdout.write(`docs/rules/README.md: ${after === before ? 'up to date' : 'rule index regenerated'} (${builtinRules.size} rules)\n`);
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) await main();
