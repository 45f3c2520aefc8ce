import type { LintMessage, LintResult, Locale, OutlineEntry, RuleMeta } from '../engine/types.js';
import { SourceText } from '../model/source.js';
import { showPosition } from '../formats/index.js';
import type { Reporter, ReporterContext } from './types.js';
import { escapeXml as esc, isError, relativePath, splitBasis } from './util.js';
import { missingRow, OVERVIEW_COLUMNS } from './overview.js';
import { defineCatalog, pick, t, tn } from '../i18n/format.js';
import { REPORTER_TEXT } from './messages.js';

/**
 * One self-contained HTML page for the people who decide whether reports may be published, who
 * are not programmers: a verdict, the counts, a table and bar chart per rule and per file, then
 * every report that has problems with its full text, each problem highlighted where it is and
 * explained right below the line (message, legal basis, rule). No scripts, fonts, images or links
 * to anything outside the page: it opens from a mail attachment or a shared folder, and prints.
 *
 * The text comes from `result.source`, which the API fills when asked (`includeSource`); a result
 * without it still lists its problems.
 */
export const html: Reporter = (results, ctx) => {
  const rules = ctx.rules;
  const files = results.map((r, i) => ({ r, id: `f${i}`, shown: relativePath(ctx.cwd, r.filePath) }));
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  const withProblems = files.filter((f) => f.r.messages.length > 0);
  const unreadable = results.filter((r) => r.fatalErrorCount > 0).length;

  let body = `<header><h1>${esc(t(HTML_TEXT, 'title', ctx.locale))}</h1>${verdictLine(errors, warnings, ctx.locale)}</header>`;
  // A region run puts the overview of its units first: the office's question is "which units pass".
  if (ctx.region) body += regionSection(ctx, new Map(files.map((f) => [f.r.filePath, f])));

  body += '<section class="summary"><h2>' + esc(t(HTML_TEXT, 'summary', ctx.locale)) + '</h2><div class="cards">';
  body += card(t(HTML_TEXT, 'filesChecked', ctx.locale), results.length, '');
  body += card(t(HTML_TEXT, 'filesWithProblems', ctx.locale), withProblems.length, withProblems.length ? 'warn' : '');
  body += card(t(HTML_TEXT, 'errorsColumn', ctx.locale), errors, errors ? 'error' : '');
  body += card(t(HTML_TEXT, 'warningsColumn', ctx.locale), warnings, warnings ? 'warning' : '');
  if (unreadable) body += card(t(HTML_TEXT, 'unreadable', ctx.locale), unreadable, 'error');
  body += '</div>';

  body += ruleTable(results, rules, ctx.locale);
  body += fileTable(withProblems, ctx.locale);
  body += '</section>';

  for (const f of withProblems) body += fileSection(f.r, f.id, f.shown, ctx);

  const clean = files.filter((f) => f.r.messages.length === 0);
  if (clean.length) {
    body += `<section class="clean"><h2>${esc(t(HTML_TEXT, 'cleanFiles', ctx.locale, { count: clean.length }))}</h2><ul>`;
    for (const f of clean) body += `<li>${esc(f.shown)}</li>`;
    body += '</ul></section>';
  }
  body += `<footer>${esc(t(HTML_TEXT, 'footer', ctx.locale))}</footer>`;

  return (
    `<!DOCTYPE html>\n<html lang="${ctx.locale}">\n<head>\n<meta charset="utf-8">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<title>${esc(t(HTML_TEXT, 'title', ctx.locale))}</title>\n<style>${CSS}</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`
  );
};

/** The verdict paragraph: 未通过 with errors, a warning to verify, or 通过. */
export function verdictLine(errors: number, warnings: number, locale: Locale): string {
  const warningCount = tn(REPORTER_TEXT, 'warning', warnings, locale);
  const problems = tn(REPORTER_TEXT, 'error', errors, locale) + (warnings ? t(HTML_TEXT, 'andWarnings', locale, { warnings: warningCount }) : '');
  const verdict =
    errors > 0
      ? t(HTML_TEXT, 'verdictFail', locale, { problems })
      : warnings > 0
        ? t(HTML_TEXT, 'verdictWarn', locale, { warnings: warningCount })
        : t(HTML_TEXT, 'verdictPass', locale);
  return `<p class="verdict ${errors > 0 ? 'fail' : warnings > 0 ? 'warn' : 'pass'}">${esc(verdict)}</p>`;
}

/** One row per unit (organ, year, kind, status, counts, dates, copied share, last year's file), linking to its problems. */
function regionSection(ctx: ReporterContext, files: Map<string, { r: LintResult; id: string }>): string {
  const overview = ctx.region!;
  const units = overview.units;
  const passed = units.filter((u) => u.passed && !u.fatal).length;
  let out = `<section class="region"><h2>${esc(t(HTML_TEXT, 'region', ctx.locale))}</h2><p class="regionsum">${esc(regionSum(units.length, passed, overview.missing.length, ctx.locale))}</p>`;
  out += '<table class="counts overview"><thead><tr>';
  for (const c of OVERVIEW_COLUMNS)
    out += `<th${['errors', 'warnings', 'year', 'copied'].includes(c.key) ? ' class="n"' : ''}>${esc(pick(c.title, ctx.locale))}</th>`;
  out += '</tr></thead><tbody>';
  for (const row of units) {
    const f = files.get(row.file);
    const status = row.fatal || !row.passed ? 'fail' : row.warnings ? 'warn' : 'pass';
    out += `<tr class="${status}">`;
    for (const c of OVERVIEW_COLUMNS) {
      const v = c.value(row, ctx);
      const n = ['errors', 'warnings', 'year', 'copied'].includes(c.key) ? ' class="n"' : '';
      if (c.key === 'file' && f && f.r.messages.length) out += `<td><a href="#${f.id}">${esc(v)}</a></td>`;
      else if (c.key === 'status') out += `<td><span class="st ${status}">${esc(v)}</span></td>`;
      else out += `<td${n}>${esc(v)}</td>`;
    }
    out += '</tr>';
  }
  for (const m of overview.missing) {
    const row = missingRow(m, ctx);
    out += '<tr class="missing">';
    for (const c of OVERVIEW_COLUMNS) out += c.key === 'status' ? `<td><span class="st fail">${esc(row[c.key])}</span></td>` : `<td>${esc(row[c.key])}</td>`;
    out += '</tr>';
  }
  return `${out}</tbody></table></section>`;
}

function card(label: string, value: number, kind: string): string {
  return `<div class="card ${kind}"><div class="num">${value}</div><div class="label">${esc(label)}</div></div>`;
}

/** Horizontal stacked bar, errors then warnings, scaled to the largest row of its table. */
function bar(errors: number, warnings: number, max: number, label: string): string {
  const W = 200;
  const scale = max > 0 ? W / max : 0;
  const e = Math.round(errors * scale * 10) / 10;
  const w = Math.round(warnings * scale * 10) / 10;
  return (
    `<svg class="bar" width="${W}" height="14" viewBox="0 0 ${W} 14" role="img" aria-label="${esc(label)}">` +
    `<rect x="0" y="0" width="${W}" height="14" fill="#eef0f3"/>` +
    (e > 0 ? `<rect x="0" y="0" width="${e}" height="14" fill="#c62828"/>` : '') +
    (w > 0 ? `<rect x="${e}" y="0" width="${w}" height="14" fill="#f2a900"/>` : '') +
    '</svg>'
  );
}

function ruleTable(results: LintResult[], rules: ReporterContext['rules'], locale: Locale): string {
  const counts = new Map<string, { errors: number; warnings: number }>();
  for (const r of results) {
    for (const m of r.messages) {
      const key = m.ruleId ?? '';
      const c = counts.get(key) ?? { errors: 0, warnings: 0 };
      if (isError(m)) c.errors++;
      else c.warnings++;
      counts.set(key, c);
    }
  }
  if (counts.size === 0) return '';
  const rows = [...counts].sort((a, b) => b[1].errors + b[1].warnings - (a[1].errors + a[1].warnings) || (a[0] < b[0] ? -1 : 1));
  const max = Math.max(...rows.map(([, c]) => c.errors + c.warnings));
  let out = `<h3>${esc(t(HTML_TEXT, 'byRule', locale))}</h3><table class="counts"><thead><tr><th>${esc(t(HTML_TEXT, 'rule', locale))}</th><th>${esc(t(HTML_TEXT, 'description', locale))}</th>`;
  out += `<th class="n">${esc(t(HTML_TEXT, 'errorsColumn', locale))}</th><th class="n">${esc(t(HTML_TEXT, 'warningsColumn', locale))}</th><th>${esc(t(HTML_TEXT, 'chart', locale))}</th></tr></thead><tbody>`;
  for (const [id, c] of rows) {
    const meta = id ? rules?.get(id)?.meta : undefined;
    const desc = id ? (meta ? describe(meta, locale) : '') : t(HTML_TEXT, 'fatalRule', locale);
    out += `<tr><td><code>${esc(id || '—')}</code></td><td>${esc(desc)}</td><td class="n">${c.errors}</td><td class="n">${c.warnings}</td>`;
    out += `<td>${bar(c.errors, c.warnings, max, countsText(c.errors, c.warnings, locale))}</td></tr>`;
  }
  return `${out}</tbody></table>`;
}

function fileTable(files: { r: LintResult; id: string; shown: string }[], locale: Locale): string {
  if (files.length === 0) return '';
  const rows = [...files].sort((a, b) => b.r.errorCount + b.r.warningCount - (a.r.errorCount + a.r.warningCount));
  const max = Math.max(...rows.map((f) => f.r.errorCount + f.r.warningCount));
  let out = `<h3>${esc(t(HTML_TEXT, 'byFile', locale))}</h3><table class="counts"><thead><tr><th>${esc(t(HTML_TEXT, 'file', locale))}</th>`;
  out += `<th class="n">${esc(t(HTML_TEXT, 'errorsColumn', locale))}</th><th class="n">${esc(t(HTML_TEXT, 'warningsColumn', locale))}</th><th>${esc(t(HTML_TEXT, 'chart', locale))}</th></tr></thead><tbody>`;
  for (const f of rows) {
    out += `<tr><td><a href="#${f.id}">${esc(f.shown)}</a></td><td class="n">${f.r.errorCount}</td><td class="n">${f.r.warningCount}</td>`;
    out += `<td>${bar(f.r.errorCount, f.r.warningCount, max, countsText(f.r.errorCount, f.r.warningCount, locale))}</td></tr>`;
  }
  return `${out}</tbody></table>`;
}

interface Placed {
  m: LintMessage;
  n: number; // 1-based number of the problem within its file, as listed
  start: number;
  end: number;
  /** Nothing visible to cover (an empty span, or only a line break): drawn as a caret. */
  point: boolean;
  /** The line whose end the caret sits at (points), or after which the explanation follows. */
  noteLine: number;
}

/**
 * One report with problems: the numbered list, then its text with every problem marked. `id`
 * prefixes the anchors, so several sections can share a page.
 */
export function fileSection(r: LintResult, id: string, shown: string, ctx: ReporterContext): string {
  let out = `<article class="file" id="${id}"><h2>${esc(shown)}</h2>`;
  out += `<p class="filecounts">${esc(countsText(r.errorCount, r.warningCount, ctx.locale))}</p>`;
  // Problems come in position order; each run in one section (or table) gets that part's heading.
  const groups = r.outline?.length ? r.messages.map((m) => partOf(m, r.outline!, ctx.locale)) : undefined;
  if (!groups) out += '<ol class="problems">';
  r.messages.forEach((m, i) => {
    if (groups && (i === 0 || groups[i] !== groups[i - 1])) {
      if (i > 0) out += '</ol>';
      out += `<h3 class="part">${esc(groups[i])}</h3><ol class="problems" start="${i + 1}">`;
    }
    const { text, basis } = splitBasis(m.message);
    const where = m.line ? showPosition(r.format, m.line, m.column, ctx.locale, m) : '';
    const target = r.source !== undefined && m.line ? `<a href="#${id}-p${i + 1}">${esc(where)}</a>` : esc(where);
    out += `<li class="${isError(m) ? 'error' : 'warning'}"><span class="sev">${esc(t(HTML_TEXT, isError(m) ? 'errorBadge' : 'warningBadge', ctx.locale))}</span> `;
    out += `${target} ${esc(text)}`;
    if (basis) out += `<div class="basis">${esc(t(HTML_TEXT, 'basis', ctx.locale))}${esc(basis)}</div>`;
    out += remedies(m, ctx.locale);
    if (m.ruleId) out += `<div class="rule">${esc(t(HTML_TEXT, 'rule', ctx.locale))}：<code>${esc(m.ruleId)}</code>${ruleHint(m.ruleId, ctx)}</div>`;
    if ((m.reportIndex ?? 0) > 0) out += `<div class="rule">${esc(t(HTML_TEXT, 'reportNo', ctx.locale, { n: m.reportIndex! + 1 }))}</div>`;
    out += '</li>';
  });
  out += '</ol>';
  if (r.source !== undefined) out += sourceView(r.source, r.messages, id, ctx.locale, r.outline);
  else if (r.fatalErrorCount === 0) out += `<p class="nosource">${esc(t(HTML_TEXT, 'noSource', ctx.locale))}</p>`;
  return `${out}</article>`;
}

function ruleHint(ruleId: string, ctx: ReporterContext): string {
  const meta = ctx.rules?.get(ruleId)?.meta;
  return meta ? ` — ${esc(describe(meta, ctx.locale))}` : '';
}

/**
 * The part of the report a problem is in, as a reader names it: the numbered section, with the
 * official table when it is inside one; before the first section, the title and introduction.
 */
function partOf(m: LintMessage, outline: OutlineEntry[], locale: Locale): string {
  const inside = (e: OutlineEntry) => m.line >= e.line && m.line <= e.endLine;
  const section = outline.filter((e) => e.kind === 'section' && inside(e)).pop();
  const table = outline.find((e) => e.kind === 'table' && inside(e));
  if (section && table) return `${section.title} · ${table.title}`;
  return table?.title ?? section?.title ?? t(HTML_TEXT, 'beforeSections', locale);
}

const describe = (meta: RuleMeta, locale: Locale): string => pick(meta.docs.description, locale);

/**
 * The report's text line by line, with every problem's span marked. Overlapping spans are cut into
 * segments so marks never nest; a segment covered by an error is drawn as an error. Each problem's
 * explanation follows the line where its span ends.
 */
function sourceView(source: string, messages: LintMessage[], id: string, locale: Locale, outline: OutlineEntry[] = []): string {
  const st = new SourceText(source);
  const placed: Placed[] = [];
  messages.forEach((m, i) => {
    if (m.fatal || !m.line) return;
    const start = st.offsetAt({ line: m.line, column: m.column || 1 });
    const end = Math.max(start, m.endLine !== undefined ? st.offsetAt({ line: m.endLine, column: m.endColumn ?? 1 }) : start);
    let last = end;
    while (last > start && isBreak(source.charCodeAt(last - 1))) last--;
    const point = last === start;
    placed.push({ m, n: i + 1, start, end, point, noteLine: st.positionAt(point ? start : last - 1).line });
  });

  /** One line's text with its marks and carets, and whether anything is marked on it. */
  const lineHtml = (line: number): { html: string; hit: boolean } => {
    const from = st.lineStart(line);
    const to = line < st.lineCount ? lineEnd(source, st.lineStart(line + 1)) : source.length;
    const spans = placed.filter((p) => !p.point && p.start < to && p.end > from);
    const points = placed.filter((p) => p.point && p.noteLine === line);
    return { html: `${renderLine(source, line, from, to, spans, id)}${points.map((p) => caret(p, id)).join('')}`, hit: spans.length + points.length > 0 };
  };
  // A table whose cells are lines of their own (Word) is drawn as a table, the wrong cell marked in place.
  const grids = new Map(outline.filter((e) => e.kind === 'grid' && e.rows && e.line >= 1 && e.endLine <= st.lineCount).map((e) => [e.line, e]));

  let out = '<div class="src">';
  for (let line = 1; line <= st.lineCount; line++) {
    const grid = grids.get(line);
    let last = line;
    if (grid) {
      let hitAny = false;
      let table = '';
      for (const row of grid.rows!) {
        table += '<tr>';
        for (const c of row) {
          const parts: string[] = [];
          let hit = false;
          for (let l = c.line; l <= c.endLine; l++) {
            const x = lineHtml(l);
            parts.push(x.html);
            hit ||= x.hit;
          }
          hitAny ||= hit;
          const span = `${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}`;
          table += `<td${span}${hit ? ' class="hit"' : ''}>${parts.join('<br>')}</td>`;
        }
        table += '</tr>';
      }
      out += `<div class="l${hitAny ? ' hit' : ''}"><span class="ln">${grid.line}–${grid.endLine}</span><div class="tx grid"><table class="cells">${table}</table></div></div>`;
      last = grid.endLine;
    } else {
      const x = lineHtml(line);
      out += `<div class="l${x.hit ? ' hit' : ''}"><span class="ln">${line}</span><span class="tx">${x.html}</span></div>`;
    }
    for (const p of placed) {
      if (p.noteLine < line || p.noteLine > last) continue;
      const { text, basis } = splitBasis(p.m.message);
      const sev = isError(p.m) ? 'error' : 'warning';
      out += `<div class="note ${sev}"><span class="sev">${esc(t(HTML_TEXT, isError(p.m) ? 'errorBadge' : 'warningBadge', locale))}</span> `;
      out += `<b>${p.n}.</b> ${esc(text)}`;
      if (basis) out += `<span class="basis">${esc(t(HTML_TEXT, 'basis', locale))}${esc(basis)}</span>`;
      out += remedies(p.m, locale);
      if (p.m.ruleId) out += ` <code>${esc(p.m.ruleId)}</code>`;
      out += '</div>';
    }
    line = last;
  }
  return `${out}</div>`;
}

/** The problem's fix and suggestions as "建议改为「…」": what a person would type instead. */
function remedies(m: LintMessage, locale: Locale): string {
  let out = '';
  if (m.fix) out += `<span class="remedy">${esc(changeTo(m.fix.text, locale))}</span>`;
  for (const s of m.suggestions ?? [])
    out += `<span class="remedy">${esc(`${changeTo(s.fix.text, locale)}${s.desc ? t(HTML_TEXT, 'because', locale, { desc: s.desc }) : ''}`)}</span>`;
  return out;
}

const isBreak = (c: number): boolean => c === 10 || c === 13;

/** Offset of the end of a line's text, given the start of the next line (its line break excluded). */
function lineEnd(source: string, nextStart: number): number {
  let e = nextStart;
  if (e > 0 && source.charCodeAt(e - 1) === 10) e--;
  if (e > 0 && source.charCodeAt(e - 1) === 13) e--;
  return e;
}

/** One line's text with the spans on it; the first segment of each span carries its anchor. */
function renderLine(source: string, line: number, from: number, to: number, spans: Placed[], id: string): string {
  const cuts = new Set<number>([from, to]);
  for (const p of spans) {
    if (p.start > from && p.start < to) cuts.add(p.start);
    if (p.end > from && p.end < to) cuts.add(p.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  let out = '';
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k];
    const b = points[k + 1];
    const text = esc(source.slice(a, b));
    const cover = spans.filter((p) => p.start <= a && p.end >= b);
    if (cover.length === 0) {
      out += text;
      continue;
    }
    const sev = cover.some((p) => isError(p.m)) ? 'error' : 'warning';
    const first = cover.find((p) => p.start === a);
    const title = cover.map((p) => `${p.n}. ${splitBasis(p.m.message).text}`).join('\n');
    // The numbers mark where a span ends, so a reader can match the mark to its explanation.
    const ending = cover.filter((p) => p.noteLine === line && (p.end <= b || b === to));
    const sup = ending.length ? `<sup>${ending.map((p) => p.n).join(',')}</sup>` : '';
    out += `<mark class="${sev}"${first ? ` id="${id}-p${first.n}"` : ''} title="${esc(title)}">${text}${sup}</mark>`;
  }
  // An empty line still needs a box of one line's height.
  return out || '&#8203;';
}

function caret(p: Placed, id: string): string {
  const sev = isError(p.m) ? 'error' : 'warning';
  return `<mark class="${sev} point" id="${id}-p${p.n}" title="${esc(`${p.n}. ${splitBasis(p.m.message).text}`)}">▲<sup>${p.n}</sup></mark>`;
}

/** The page's own texts; counted nouns come from the reporters' catalog (REPORTER_TEXT error / warning). */
const HTML_TEXT = defineCatalog('reporter:html', {
  title: { 'zh-CN': '政府信息公开工作年度报告检查结果', en: 'Annual information disclosure reports: check results' },
  verdictFail: { 'zh-CN': '未通过：发现 {{problems}}，请修改后再发布。', en: 'Not passed: {{problems}} found; correct them before publication.' },
  /** Appended to the error count of the verdict when there are warnings too. */
  andWarnings: { 'zh-CN': '、{{warnings}}', en: ' and {{warnings}}' },
  verdictWarn: { 'zh-CN': '没有错误；有 {{warnings}}，请核实。', en: 'No errors; {{warnings}} to verify.' },
  verdictPass: { 'zh-CN': '通过：没有发现问题。', en: 'Passed: no problems found.' },
  summary: { 'zh-CN': '概况', en: 'Summary' },
  filesChecked: { 'zh-CN': '检查的文件', en: 'Files checked' },
  filesWithProblems: { 'zh-CN': '有问题的文件', en: 'Files with problems' },
  unreadable: { 'zh-CN': '无法检查的文件', en: 'Files that could not be checked' },
  errorsColumn: { 'zh-CN': '错误', en: 'Errors' },
  warningsColumn: { 'zh-CN': '警告', en: 'Warnings' },
  byRule: { 'zh-CN': '按规则统计', en: 'By rule' },
  byFile: { 'zh-CN': '按文件统计', en: 'By file' },
  rule: { 'zh-CN': '规则', en: 'Rule' },
  description: { 'zh-CN': '检查内容', en: 'What it checks' },
  file: { 'zh-CN': '文件', en: 'File' },
  chart: { 'zh-CN': '图示（红：错误，黄：警告）', en: 'Chart (red: errors, yellow: warnings)' },
  fatalRule: { 'zh-CN': '文件无法读取或解码', en: 'file could not be read or decoded' },
  /** A file's or a rule's counts: "2 个错误，1 个警告". */
  counts: { 'zh-CN': '{{errors}}，{{warnings}}', en: '{{errors}}, {{warnings}}' },
  errorBadge: { 'zh-CN': '错误', en: 'Error' },
  warningBadge: { 'zh-CN': '警告', en: 'Warning' },
  basis: { 'zh-CN': '依据：', en: 'Basis: ' },
  reportNo: { 'zh-CN': '文件中的第 {{n}} 份报告', en: 'report no. {{n}} in this file' },
  noSource: { 'zh-CN': '（未附原文）', en: '(text not included)' },
  cleanFiles: { 'zh-CN': '没有发现问题的文件（{{count}} 个）', en: 'Files without problems ({{count}})' },
  footer: { 'zh-CN': '由 gia-lint 生成。行号、列号指原文件中的位置。', en: 'Generated by gia-lint. Line and column numbers refer to the original file.' },
  changeTo: { 'zh-CN': '建议改为「{{text}}」', en: 'Suggested change: "{{text}}"' },
  deleteText: { 'zh-CN': '建议删除此处文字', en: 'Suggested: delete this text' },
  because: { 'zh-CN': '（{{desc}}）', en: ' ({{desc}})' },
  beforeSections: { 'zh-CN': '标题和引言', en: 'Title and introduction' },
  region: { 'zh-CN': '本地区各单位报告一览', en: 'Reports of the region' },
  regionSum: {
    'zh-CN': '共 {{count}} 份报告，{{passed}} 份通过，{{failed}} 份未通过{{missing}}。',
    en: '{{count}} reports: {{passed}} passed, {{failed}} not passed{{missing}}.',
  },
  missingUnits_one: { 'zh-CN': '；汇总范围内 {{count}} 个单位缺报告', en: '; {{count}} covered unit without a report' },
  missingUnits_other: { 'zh-CN': '；汇总范围内 {{count}} 个单位缺报告', en: '; {{count}} covered units without a report' },
});

/** "2 个错误，1 个警告" / "2 errors, 1 warning". */
const countsText = (errors: number, warnings: number, locale: Locale): string =>
  t(HTML_TEXT, 'counts', locale, { errors: tn(REPORTER_TEXT, 'error', errors, locale), warnings: tn(REPORTER_TEXT, 'warning', warnings, locale) });

/** The region overview's line: how many reports passed, and the covered units without one. */
function regionSum(count: number, passed: number, missing: number, locale: Locale): string {
  const missingUnits = missing ? tn(HTML_TEXT, 'missingUnits', missing, locale) : '';
  return t(HTML_TEXT, 'regionSum', locale, { count, passed, failed: count - passed, missing: missingUnits });
}

/** A fix or suggestion as what a person would type instead: "建议改为「…」", or "建议删除此处文字" for an empty text. */
const changeTo = (text: string, locale: Locale): string =>
  text.trim() ? t(HTML_TEXT, 'changeTo', locale, { text: text.trim() }) : t(HTML_TEXT, 'deleteText', locale);

/** The report's style sheet, shared with pages that show the same sections (gia-lint serve). */
export const CSS = `
*{box-sizing:border-box}
body{margin:0;padding:24px 32px;font:15px/1.6 "Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",system-ui,sans-serif;color:#1f2328;background:#fff}
h1{font-size:24px;margin:0 0 8px}h2{font-size:19px;margin:28px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}h3{font-size:16px;margin:20px 0 6px}
.verdict{font-size:17px;font-weight:bold;padding:10px 14px;border-radius:6px;margin:8px 0}
.verdict.fail{background:#fdecea;color:#9b1c1c;border:1px solid #f5c2c0}.verdict.warn{background:#fff6dc;color:#7a5200;border:1px solid #f2d48a}.verdict.pass{background:#e8f5e9;color:#1b5e20;border:1px solid #a5d6a7}
.cards{display:flex;flex-wrap:wrap;gap:12px}.card{min-width:130px;padding:10px 14px;border:1px solid #d0d7de;border-radius:6px;background:#f6f8fa}
.card .num{font-size:26px;font-weight:bold}.card .label{color:#57606a}.card.error .num{color:#c62828}.card.warning .num,.card.warn .num{color:#a66a00}
table.counts{border-collapse:collapse;margin:4px 0 12px}table.counts th,table.counts td{border:1px solid #d0d7de;padding:4px 10px;text-align:left;vertical-align:middle}
table.counts th{background:#f6f8fa}td.n,th.n{text-align:right}svg.bar{display:block}
.problems{padding-left:26px}.problems li{margin:6px 0}.sev{display:inline-block;font-size:12px;font-weight:bold;color:#fff;border-radius:3px;padding:0 6px;margin-right:4px}
li.error .sev,.note.error .sev{background:#c62828}li.warning .sev,.note.warning .sev{background:#b97800}
.basis{color:#57606a;font-size:13px;margin-left:6px}.problems .basis,.problems .rule{display:block;margin-left:0;font-size:13px;color:#57606a}
.src{border:1px solid #d0d7de;border-radius:6px;background:#fbfbfc;font-family:"Noto Sans Mono CJK SC","Sarasa Mono SC",ui-monospace,monospace;font-size:13.5px;overflow:hidden}
.l{display:flex}.l.hit{background:#fffbe6}.ln{flex:0 0 52px;text-align:right;padding-right:10px;color:#8c959f;user-select:none;border-right:1px solid #e5e7eb}
.tx{padding-left:10px;white-space:pre-wrap;word-break:break-all;flex:1}
mark{border-radius:2px;padding:0 1px}mark.error{background:#ffd7d5;border-bottom:2px solid #c62828;color:inherit}mark.warning{background:#ffefc2;border-bottom:2px solid #d99a00;color:inherit}
mark sup{font-size:10px;font-weight:bold;color:#555;margin-left:1px}mark.point{background:none;border:none;color:#c62828}mark.point.warning{color:#b97800}
.note{margin:2px 0 6px 62px;padding:4px 8px;border-left:4px solid;font-family:"Noto Sans CJK SC","Microsoft YaHei",system-ui,sans-serif;font-size:13.5px}
.region table.overview{font-size:13.5px}.region tr.fail td{background:#fff5f5}.region tr.missing td{background:#fdecea}
.st{display:inline-block;font-size:12.5px;font-weight:bold;border-radius:3px;padding:0 6px;white-space:nowrap}.st.pass{background:#e8f5e9;color:#1b5e20}.st.warn{background:#fff6dc;color:#7a5200}.st.fail{background:#fdecea;color:#9b1c1c}
.note.error{border-color:#c62828;background:#fdecea}.note.warning{border-color:#d99a00;background:#fff6dc}.note code{color:#57606a}
.note .basis{display:block;margin-left:0}
.tx.grid{overflow-x:auto;white-space:normal}table.cells{border-collapse:collapse;margin:2px 0}table.cells td{border:1px solid #c4cad1;padding:1px 6px;vertical-align:top;white-space:pre-wrap;min-width:2em}table.cells td.hit{background:#fff3c4}
h3.part{font-size:15px;margin:14px 0 2px;color:#0b3d6e}
.remedy{display:block;color:#0b5394;font-weight:bold;font-size:13.5px}.note .remedy{margin-left:0}
article.file{margin-top:32px}.filecounts{color:#57606a;margin:0}.clean ul{columns:2}footer{margin-top:40px;color:#8c959f;font-size:12px}
@media print{body{padding:0}.l.hit{background:none}a{color:inherit;text-decoration:none}}
`;
