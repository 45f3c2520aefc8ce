#!/usr/bin/env node
/**
 * Regenerates the three lists of rules from the rules' meta (dist/rules, so run `npm run build`
 * first; `npm run docs:index` does both), so that adding a rule touches only its own files and one
 * line in src/rules/index.ts:
 *   - docs/rules/README.md: the rule index (id, severity, zh description, fix, suggestions);
 *   - README.md: the Rules table (id, severity, `meta.docs.summary`);
 *   - .gianrc.example: the "rules" block (`meta.docs.configComment`, severity, `meta.defaultOptions`).
 * Only the lines between each file's markers are replaced; the text around them stays.
 * test/scripts/docs-index.test.ts fails when a checked-in list differs from what this produces.
 *
 *   node scripts/gen-docs-index.mjs           write the lists
 *   node scripts/gen-docs-index.mjs --check   exit 1 if a list is out of date
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const START = '<!-- rules-index:start -->';
export const END = '<!-- rules-index:end -->';
export const README_START = '<!-- rules-table:start -->';
export const README_END = '<!-- rules-table:end -->';
export const CONFIG_START = '// rules-config:start';
export const CONFIG_END = '// rules-config:end';

const yesNo = (v) => (v ? '是' : '否');
/** A table cell: no line breaks, and `|` escaped so it cannot split the cell. */
const cell = (s) =>
  String(s)
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|');

/** The Markdown table of docs/rules/README.md for an iterable of rules (in registration order). */
export function renderRulesIndex(rules) {
  const lines = ['| 规则 id | 默认级别 | 检查内容 | 可自动修复（--fix） | 提供建议 |', '|---|---|---|---|---|'];
  for (const { meta } of rules) {
    lines.push(
      `| [${meta.id}](${meta.id}.md) | ${meta.defaultSeverity} | ${cell(meta.docs.description['zh-CN'])} | ${yesNo(meta.fixable)} | ${yesNo(meta.hasSuggestions)} |`,
    );
  }
  return lines.join('\n');
}

/** README.md's Rules table: one row per rule, its summary (or, lacking one, its English description). */
export function renderReadmeTable(rules) {
  const lines = ['| Rule | Default | Checks |', '|---|---|---|'];
  for (const { meta } of rules) {
    lines.push(`| [${meta.id}](docs/rules/${meta.id}.md) | ${meta.defaultSeverity} | ${cell(meta.docs.summary ?? meta.docs.description.en)} |`);
  }
  return lines.join('\n');
}

/** An option value as .gianrc.example writes it: JSON with a space inside braces and after separators. */
function jsonc(value) {
  if (Array.isArray(value)) return `[${value.map(jsonc).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${jsonc(v)}`).join(', ')} }`;
  }
  return JSON.stringify(value);
}

/** The entries of .gianrc.example's "rules" object: each rule's comment, then its default severity and options. */
export function renderConfigRules(rules, indent = '    ') {
  const list = [...rules];
  const lines = [];
  list.forEach(({ meta }, i) => {
    for (const line of meta.docs.configComment ?? []) lines.push(`${indent}// ${line}`);
    const options = meta.defaultOptions && Object.keys(meta.defaultOptions).length > 0 ? meta.defaultOptions : undefined;
    const setting = options ? `[${JSON.stringify(meta.defaultSeverity)}, ${jsonc(options)}]` : JSON.stringify(meta.defaultSeverity);
    lines.push(`${indent}${JSON.stringify(meta.id)}: ${setting}${i < list.length - 1 ? ',' : ''}`);
  });
  return lines.join('\n');
}

/**
 * `text` with the lines between the line holding `start` and the line holding `end` replaced by
 * `body` (both marker lines kept whole). Throws, naming `file`, when a marker is missing.
 */
export function replaceBetween(text, start, end, body, file = 'the file') {
  const s = text.indexOf(start);
  const e = text.indexOf(end);
  if (s === -1 || e === -1 || e < s) throw new Error(`${file} needs the markers ${start} and ${end}`);
  const afterStart = text.indexOf('\n', s);
  const endLine = text.lastIndexOf('\n', e) + 1;
  if (afterStart === -1 || endLine <= afterStart) throw new Error(`${file}: the markers ${start} and ${end} must be on lines of their own`);
  return `${text.slice(0, afterStart)}\n${body}\n${text.slice(endLine)}`;
}

/** docs/rules/README.md's text with its rule index replaced by `table`. */
export const replaceIndex = (readme, table) => replaceBetween(readme, START, END, table, 'docs/rules/README.md');

/** Every generated list: its file, and its text regenerated from `rules`. */
export function generatedFiles(rules, read) {
  const list = [...rules];
  return [
    { file: 'docs/rules/README.md', text: replaceIndex(read('docs/rules/README.md'), renderRulesIndex(list)) },
    { file: 'README.md', text: replaceBetween(read('README.md'), README_START, README_END, renderReadmeTable(list), 'README.md') },
    { file: '.gianrc.example', text: replaceBetween(read('.gianrc.example'), CONFIG_START, CONFIG_END, renderConfigRules(list), '.gianrc.example') },
  ];
}

async function main() {
  const root = new URL('../', import.meta.url);
  const read = (file) => readFileSync(new URL(file, root), 'utf8');
  const { builtinRules } = await import(new URL('dist/rules/index.js', root).href);
  const check = process.argv.includes('--check');
  for (const { file, text } of generatedFiles(builtinRules.values(), read)) {
    const same = text === read(file);
    if (check) {
      if (!same) {
        process.stderr.write(`${file}: the list of rules is out of date; run \`npm run docs:index\`\n`);
        process.exitCode = 1;
      }
      continue;
    }
    if (!same) writeFileSync(new URL(file, root), text);
    process.stdout.write(`${file}: ${same ? 'up to date' : 'list of rules regenerated'} (${builtinRules.size} rules)\n`);
  }
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) await main();
