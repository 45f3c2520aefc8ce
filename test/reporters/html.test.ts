import { makeResult } from '../../src/api.js';
import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lintText } from '../../src/api.js';
import type { LintMessage, LintResult } from '../../src/engine/types.js';
import { formatResults } from '../../src/reporters/index.js';
import { canRender, CHROMIUM, chromium, INK, pixelCounts } from '../support/chromium.js';

const cwd = path.resolve('/work/reports');
const zh = { cwd, locale: 'zh-CN' as const, color: false };

/** A result as the API builds it (makeResult), with the text for the formats that show it. */
function result(file: string, messages: LintMessage[], source?: string): LintResult {
  return { ...makeResult(path.resolve(cwd, file), messages), ...(source !== undefined ? { source } : {}) };
}

const msg = (ruleId: string, severity: 1 | 2, message: string, line: number, column: number, endLine: number, endColumn: number): LintMessage => ({
  ruleId,
  severity,
  message,
  line,
  column,
  endLine,
  endColumn,
});

describe('html: content', () => {
  const source = '标题 <script>alert(1)</script>\r\n一、总计 12 元\r\n\r\n末行';
  const page = formatResults(
    'html',
    [
      result(
        'a/报告.md',
        [
          msg('table-sum', 2, '总计应为 28，实际为 29（依据：国办公开办函〔2021〕30号）', 2, 6, 2, 8),
          // overlaps the first one, and is a warning
          msg('statistics-period', 1, '缺少统计时限（依据：《条例》第五十条）', 2, 1, 2, 7),
          // an empty span at the end of a line: drawn as a caret
          msg('required-sections', 2, '缺少第六部分', 4, 3, 4, 3),
        ],
        source,
      ),
      result('b.md', []),
      result('c.md', [{ ruleId: null, fatal: true, severity: 2, message: '文件为空', line: 1, column: 1 }]),
    ],
    zh,
  );

  test('self-contained: no scripts, no external resources', () => {
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(page).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|url\(|@import|href="(?!#)/i);
  });

  test('summary: counts, a chart row per rule and per file, clean files listed', () => {
    expect(page).toContain('未通过：发现 3 个错误、1 个警告');
    expect(page).toMatch(/<div class="num">3<\/div><div class="label">检查的文件<\/div>/);
    expect(page).toMatch(/<div class="num">1<\/div><div class="label">无法检查的文件<\/div>/);
    for (const id of ['table-sum', 'statistics-period', 'required-sections']) expect(page).toContain(`<td><code>${id}</code></td>`);
    expect(page.match(/<svg class="bar"/g)).toHaveLength(4 + 2); // 3 rules + the fatal row, 2 files with problems
    expect(page).toContain('没有发现问题的文件（1 个）</h2><ul><li>b.md</li>');
  });

  test('the text is escaped, every line shown, problems marked in place with message and basis', () => {
    expect(page).toContain('标题 &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.match(/<span class="ln">\d+<\/span>/g)).toHaveLength(4);
    // Line 2: "一、总计 12 元" — the warning covers columns 1–6, the error 6–7: three segments, no nesting.
    expect(page).toContain(
      '<span class="tx"><mark class="warning" id="f0-p2" title="2. 缺少统计时限">一、总计 </mark>' +
        '<mark class="error" id="f0-p1" title="1. 总计应为 28，实际为 29&#10;2. 缺少统计时限">1<sup>2</sup></mark>' +
        '<mark class="error" title="1. 总计应为 28，实际为 29">2<sup>1</sup></mark> 元</span>',
    );
    expect(page).not.toMatch(/<mark[^>]*>[^<]*<mark/);
    // Explanations right below the line, with the legal basis apart.
    expect(page).toContain('<b>1.</b> 总计应为 28，实际为 29<span class="basis">依据：国办公开办函〔2021〕30号</span> <code>table-sum</code>');
    expect(page).toMatch(/<mark class="error point" id="f0-p3"[^>]*>▲<sup>3<\/sup><\/mark>/);
    // The problem list links to the marks.
    for (const n of [1, 2, 3]) expect(page).toContain(`<a href="#f0-p${n}">`);
  });

  test('English page', () => {
    const en = formatResults('html', [result('b.md', [])], { ...zh, locale: 'en' });
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Passed: no problems found.');
  });

  test('a fix and a suggestion are shown as 建议改为「…」, in the list and below the line', () => {
    const m: LintMessage = {
      ...msg('table-sum', 2, '总计应为 28，实际为 29', 1, 4, 1, 6),
      suggestions: [{ desc: '将总计改为 28', fix: { range: [3, 5], text: '28' } }],
    };
    const f: LintMessage = { ...msg('statistics-period', 2, '统计时限与报告年度不符', 2, 1, 2, 5), fix: { range: [7, 11], text: '2024' } };
    const out = formatResults('html', [result('x.md', [m, f], '总计 29\n2023年')], zh);
    expect(out.match(/<span class="remedy">建议改为「28」（将总计改为 28）<\/span>/g)).toHaveLength(2);
    expect(out.match(/<span class="remedy">建议改为「2024」<\/span>/g)).toHaveLength(2);
    const en = formatResults('html', [result('x.md', [f], '总计 29\n2023年')], { ...zh, locale: 'en' });
    expect(en).toContain('<span class="remedy">Suggested change: &quot;2024&quot;</span>');
  });

  test('with an outline, problems are listed under the section and table they are in, numbered on', () => {
    const text = '某局2024年报告\n一、总体情况\n内容\n三、收到和处理政府信息公开申请情况\n表格行 1\n表格行 2\n说明';
    const r: LintResult = {
      ...result(
        'r.txt',
        [
          msg('report-year', 1, '标题', 1, 1, 1, 3),
          msg('placeholder', 2, '占位', 3, 1, 3, 2),
          msg('table-sum', 2, '总计', 5, 1, 5, 2),
          msg('table-sum', 2, '总计', 6, 1, 6, 2),
          msg('carryover', 2, '说明', 7, 1, 7, 2),
        ],
        text,
      ),
      outline: [
        { kind: 'section', title: '一、总体情况', line: 2, endLine: 3 },
        { kind: 'section', title: '三、收到和处理政府信息公开申请情况', line: 4, endLine: 7 },
        { kind: 'table', title: '表三（收到和处理政府信息公开申请情况）', line: 5, endLine: 6 },
      ],
    };
    const out = formatResults('html', [r], zh);
    expect([...out.matchAll(/<h3 class="part">([^<]*)<\/h3><ol class="problems" start="(\d+)">/g)].map((m) => `${m[2]} ${m[1]}`)).toEqual([
      '1 标题和引言',
      '2 一、总体情况',
      '3 三、收到和处理政府信息公开申请情况 · 表三（收到和处理政府信息公开申请情况）',
      '5 三、收到和处理政府信息公开申请情况',
    ]);
    expect(out.match(/<li class=/g)).toHaveLength(5);
  });

  test('a table whose cells are lines of their own (a Word table) is drawn as a table, the wrong cell marked in it', () => {
    const text = '表三\n项目\n总计\n新收\n29\n说明';
    const r: LintResult = {
      ...result('r.docx', [msg('table-sum', 2, '总计应为 28，实际为 29', 5, 1, 5, 3)], text),
      outline: [
        {
          kind: 'grid',
          title: '',
          line: 2,
          endLine: 5,
          rows: [
            [
              { line: 2, endLine: 2, rowSpan: 1, colSpan: 1 },
              { line: 3, endLine: 3, rowSpan: 1, colSpan: 1 },
            ],
            [
              { line: 4, endLine: 4, rowSpan: 1, colSpan: 1 },
              { line: 5, endLine: 5, rowSpan: 1, colSpan: 1 },
            ],
          ],
        },
      ],
    };
    const out = formatResults('html', [r], zh);
    expect(out).toContain(
      '<span class="ln">2–5</span><div class="tx grid"><table class="cells"><tr><td>项目</td><td>总计</td></tr>' +
        '<tr><td>新收</td><td class="hit"><mark class="error" id="f0-p1" title="1. 总计应为 28，实际为 29">29<sup>1</sup></mark></td></tr></table></div></div>' +
        '<div class="note error">',
    );
    // The lines around it are lines as before; no line is shown twice.
    expect(out.match(/<span class="ln">\d+(–\d+)?<\/span>/g)).toEqual([
      '<span class="ln">1</span>',
      '<span class="ln">2–5</span>',
      '<span class="ln">6</span>',
    ]);
  });

  test('a result without its text still lists its problems', () => {
    const out = formatResults('html', [result('x.md', [msg('table-sum', 2, '总计不符', 1, 1, 1, 2)])], zh);
    expect(out).toContain('总计不符');
    expect(out).toContain('（未附原文）');
    expect(out).not.toContain('<div class="src">');
  });
});

/** The page as a person sees it: chromium renders it headless to a PNG (test/support/chromium.ts). */
const tmp = mkdtempSync(path.join(os.tmpdir(), 'gia-html-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('html: rendered in headless Chromium', () => {
  test('chromium is installed (CI installs it; set CHROMIUM_PATH elsewhere)', () => {
    if (!CHROMIUM && process.env.CI !== 'true') {
      console.warn('html.test: no chromium found; the rendering checks below are skipped outside CI');
      return;
    }
    expect(CHROMIUM).toBeDefined();
  });

  const run = canRender ? test : test.skip;

  run(
    'the report of the example draft renders: DOM as written, a screenshot of the right size that is not blank',
    async () => {
      const text = readFileSync(new URL('../../examples/draft-2024.md', import.meta.url), 'utf8');
      const real = await lintText(text, { filePath: 'examples/draft-2024.md', useConfigFile: false, includeSource: true });
      expect(real.errorCount).toBe(4);
      const file = path.join(tmp, 'report.html');
      writeFileSync(file, formatResults('html', [real], { ...zh, cwd: process.cwd() }));

      const dom = chromium(['--dump-dom', `file://${file}`], tmp);
      expect(dom.status).toBe(0);
      // The browser parsed what we wrote: one mark per problem, a note per problem, the charts.
      expect(dom.stdout.match(/<mark class="error"[^>]* id="f0-p\d"/g)).toHaveLength(4);
      expect(dom.stdout.match(/<div class="note error">/g)).toHaveLength(4);
      expect(dom.stdout).toContain('未通过：发现 4 个错误');

      const png = path.join(tmp, 'shot.png');
      const shot = chromium(['--window-size=1200,1600', `--screenshot=${png}`, `file://${file}`], tmp);
      expect(shot.status).toBe(0);
      // Not blank: many non-white pixels, and the error red of the verdict, bars and marks is drawn.
      const { width, height, counts } = pixelCounts(readFileSync(png), { ink: INK, red: (r, g, b) => r > 180 && g < 70 && b < 70 });
      expect([width, height]).toEqual([1200, 1600]);
      expect(counts.ink / (width * height)).toBeGreaterThan(0.05);
      expect(counts.red).toBeGreaterThan(1000);
    },
    120_000,
  );
});
