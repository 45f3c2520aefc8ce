/**
 * What the text rules' case files cannot express: report attribution in a multi-report file,
 * HTML input, suggestions, English messages.
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { Locale } from '../../src/engine/types.js';
import { organKind as kindOfName } from '../../src/model/organ.js';
import { lintWith } from '../support/lint.js';

const lint = (text: string, filePath: string, ruleId: string, locale: Locale = 'zh-CN') => lintWith(text, filePath, { rules: [ruleId], severity: 1, locale });

describe('web-artifacts on a multi-report page (seed 003)', () => {
  const text = readFileSync(new URL('../seeds/003_25319f2a3a9dfda5.txt', import.meta.url), 'utf8');
  const { messages, reports, document } = lint(text, 'seed.txt', 'web-artifacts');
  const lineOf = (o: number) => document.source.positionAt(o).line;

  test('every block is attributed to the report its first line is in', () => {
    expect(messages.length).toBe(10);
    for (const m of messages) {
      const r = reports[m.reportIndex!];
      expect(m.line).toBeGreaterThanOrEqual(lineOf(r.span.start));
      expect(m.line).toBeLessThanOrEqual(lineOf(r.span.end - 1));
    }
  });

  test('no block is reported twice, and blocks do not overlap', () => {
    const ranges = messages.map((m) => [m.line, m.endLine!] as const);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i][0]).toBeGreaterThan(ranges[i - 1][1]);
  });

  test('the block between the 2021 and 2020 reports (lines 328–330) belongs to the 2021 report only', () => {
    const m = messages.find((x) => x.line === 328)!;
    expect([m.endLine, reports[m.reportIndex!].year?.value]).toEqual([330, 2021]);
    expect(messages.filter((x) => x.reportIndex === 4).map((x) => x.line)).toEqual([392]);
  });
});

describe('web-artifacts on HTML input', () => {
  const page = [
    '<html><body><div class="article">',
    '<h1>临江市财政局2023年政府信息公开工作年度报告</h1>',
    '<div class="info">索引号：11371000004359678K/2023-001</div>',
    '<p>字号：大 中 小</p>',
    '<p>本报告中所列数据的统计期限为2023年1月1日至2023年12月31日。</p>',
    '<h2>一、总体情况</h2>',
    '<p>2023年，我局主动公开政府信息268条。</p>',
    '<p>点击次数：38</p>',
    '<p>临江市财政局</p>',
    '<p>2024年1月20日</p>',
    '<p>分享：</p>',
    '</div></body></html>',
  ].join('\n');

  test("the page's own chrome around the article is not reported; chrome inside the body is", () => {
    const { messages } = lint(page, 'page.html', 'web-artifacts');
    expect(messages.map((m) => [m.line, m.messageId])).toEqual([[8, 'chrome']]);
  });
  test('markup is the format of an HTML page, not an artifact', () => {
    const { messages } = lint(page.replace('<p>点击次数：38</p>', '<ul><li>相关链接</li></ul>'), 'page.html', 'web-artifacts');
    expect(messages).toEqual([]);
  });
});

describe('report-year', () => {
  const text = '# 临江市财政局 2023 年政府信息公开工作年度报告\n\n## 一、总体情况\n\n2022年，我局共收到政府信息公开申请5件。\n';
  test('offers the report year as a suggestion, not as a fix', () => {
    const [m] = lint(text, 'r.md', 'report-year').messages;
    expect(m.fix).toBeUndefined();
    expect(m.suggestions?.map((s) => [s.desc, s.fix.text, text.slice(s.fix.range[0], s.fix.range[1])])).toEqual([['改为 2023 年', '2023', '2022']]);
  });
  test('English message', () => {
    const [m] = lint(text, 'r.md', 'report-year', 'en').messages;
    expect(m.message).toContain('probably copied from last year');
  });
});

describe('publication-date in English', () => {
  test('dates in ISO form, the legal basis of the era', () => {
    const legacy = '临江市统计局2016年政府信息公开工作年度报告\n一、概述\n正文。\n临江市统计局\n2017年4月5日\n';
    const [m] = lint(legacy, 'r.txt', 'publication-date', 'en').messages;
    expect(m.message).toContain('2017-04-05');
    expect(m.message).toContain('2008');
  });
});

describe('placeholder on HTML input', () => {
  test('searches the page text and cells, not scripts, attributes or link targets', () => {
    const page = [
      '<html><head><script>var xx = 1; // TODO</script></head><body>',
      '<h1>临江市XX局2023年政府信息公开工作年度报告</h1>',
      '<p>2023年，我局共收到申请××件。<a href="http://x.gov.cn/xxgk/">xxgk</a></p>',
      '<table><tr><td>规章</td><td>XX</td></tr></table>',
      '</body></html>',
    ].join('\n');
    const { messages } = lint(page, 'page.html', 'placeholder');
    expect(messages.map((m) => [m.line, m.column, m.endColumn])).toEqual([
      [2, 8, 10],
      [3, 17, 19],
      [4, 27, 29],
    ]);
  });
});

describe('publication-date: the kind of organ from its name', () => {
  test.each([
    ['临江市人民政府', 'government'],
    ['临江市政府', 'government'],
    ['威海市人民政府外事办公室', 'department'],
    ['聊城市人民政府外事办公室', 'department'],
    ['临江市人民政府办公室', 'department'],
    ['聊城市政府外事与侨务办公室', 'department'],
    ['临江市财政局', 'department'],
    ['临江市发展和改革委员会', 'department'],
    ['威海临港经济技术开发区党政办公室', 'department'],
    ['临江镇人民政府', 'township'],
    ['临江街道办事处', 'township'],
    ['临江经济技术开发区管理委员会', undefined],
  ])('%s → %s', (name, kind) => {
    expect(kindOfName(name)).toBe(kind);
  });
});
