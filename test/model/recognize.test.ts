import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parseDocument } from '../../src/formats/index.js';
import { recognizeReports } from '../../src/model/recognize.js';

const seed = (name: string) => readFileSync(new URL(`../seeds/${name}`, import.meta.url), 'utf8');

describe('a file with several reports (seed 003)', () => {
  const reports = recognizeReports(parseDocument(seed('003_25319f2a3a9dfda5.txt'), 'text'));
  test('is cut into its reports; the 信息公开指南 before them is not a report', () => {
    expect(reports.map((r) => r.year?.value)).toEqual([2023, 2022, 2022, 2021, 2020, 2019, 2018, 2017, 2014]);
    expect(reports.map((r) => r.era)).toEqual(['2021', '2021', '2021', '2021', '2019', '2019', 'legacy', 'legacy', 'legacy']);
  });
  test('each report has its own sections, signature and tables', () => {
    expect(Object.keys(reports[0].sections).sort()).toEqual(['active', 'applications', 'other', 'overview', 'problems', 'review']);
    expect(reports[4].sections.other).toBeUndefined();
    expect(reports[1].signature).toMatchObject({ year: 2022, month: 12, day: 26 });
    expect(reports[4].tables.applications?.layout).toBe('2019');
    expect(reports[6].tables).toEqual({});
  });
  test('a row whose label was lost is placed by its position in the official order', () => {
    const row = reports[0].tables.applications!.rows.newReceived;
    expect(row.match).toBe('position');
    expect(row.unreadable).toBe('blanksLost');
    expect(reports[0].tables.applications!.rows['notProcessed.petition'].match).toBe('position');
  });
});

describe('PDF-extracted text (seed 001)', () => {
  const [r] = recognizeReports(parseDocument(seed('001_03af6b1ba3cee113.txt'), 'text'));
  test('wrapped labels are identified', () => {
    const t = r.tables.applications!;
    expect(Object.keys(t.rows)).toHaveLength(25);
    // "5.要求行政机关确认或重新" on the row's line, "出具已获取信息" on the next: joined, the official label.
    expect(t.rows['notProcessed.confirmation'].match).toBe('exact');
    expect(t.rows['notProcessed.confirmation'].label).toBe('5.要求行政机关确认或重新出具已获取信息');
    expect(t.rows['otherHandling.noCorrection'].match).toBe('exact');
    expect(t.rows.newReceived.cells.total.value).toBe(1);
  });
  test('the review table row of 15 values is read under its broken header', () => {
    expect(Object.keys(r.tables.review!.rows.data.cells)).toHaveLength(15);
  });
  test('the wrapped 统计期限 sentence is found', () => {
    expect(r.periods).toHaveLength(1);
    expect(r.periods[0].end.year).toBeUndefined();
  });
});

describe('year and era', () => {
  test('from the title; overridden by configuration', () => {
    const text = '# 某区2020年政府信息公开工作年度报告\n\n正文。\n';
    expect(recognizeReports(parseDocument(text, 'markdown'))[0]).toMatchObject({ year: { value: 2020, source: 'title' }, era: '2019' });
    expect(recognizeReports(parseDocument(text, 'markdown'), { year: 2022 })[0]).toMatchObject({ year: { value: 2022, source: 'override' }, era: '2021' });
  });
  test('a report without any year is read with the current template', () => {
    expect(recognizeReports(parseDocument('一、总体情况\n正文。', 'text'))[0]).toMatchObject({ era: '2021', eraSource: 'default' });
  });
});

describe('PDF-wrapped table row labels are not section headings', () => {
  test('"一、本年新收政府信息公开" cut by a wrap does not start a new report', () => {
    const text = [
      '临江市人民政府外事办公室2024年政府信息公开工作年度报告',
      '本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。',
      '一、总体情况',
      '正文。',
      '二、主动公开政府信息情况',
      '正文。',
      '三、收到和处理政府信息公开申请情况',
      '一、本年新收政府信息公开',
      '申请数量 1 0 0 0 0 0 1',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
      '未收取信息处理费。',
    ].join('\n');
    const reports = recognizeReports(parseDocument(text, 'text'));
    expect(reports).toHaveLength(1);
    expect(reports[0].headings.map((h) => h.ordinal)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('numbering that restarts at 一、 inside a part', () => {
  const head = [
    '临江市人民政府外事办公室2024年政府信息公开工作年度报告',
    '本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。',
    '一、总体情况',
    '正文。',
    '二、主动公开政府信息情况',
    '正文。',
    '三、收到和处理政府信息公开申请情况',
    '正文。',
  ];
  const tail = [
    '四、政府信息公开行政复议、行政诉讼情况',
    '正文。',
    '五、存在的主要问题及改进情况',
    '正文。',
    '六、其他需要报告的事项',
    '未收取信息处理费。',
    '临江市人民政府外事办公室',
    '2025年1月17日',
  ];
  test.each([
    [
      'sub-topics of 三 numbered 一、二、 (the parts after them follow)',
      [...head, '一、依申请公开工作机制', '建立登记台账。', '二、答复质量', '严格审核答复文书。', ...tail],
    ],
    [
      'sub-topics of 六 numbered 一、二、三、',
      [
        ...head,
        ...tail.slice(0, 5),
        '一、人大代表建议和政协提案办理情况',
        '均已办结。',
        '二、落实上级年度政务公开工作要点情况',
        '均已落实。',
        '三、收取信息处理费情况',
        '未收取信息处理费。',
        ...tail.slice(6),
      ],
    ],
    [
      'a table row "一、本年新收… 1 0 0 0 0 0 1" inside 三',
      [...head, '一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1', '二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0', ...tail],
    ],
  ])('%s: one report, with its introduction', (_name, lines) => {
    for (const format of ['text', 'markdown'] as const) {
      const reports = recognizeReports(parseDocument(lines.join('\n\n'), format));
      expect(reports).toHaveLength(1);
      expect(reports[0].year?.value).toBe(2024);
      expect(reports[0].periods).toHaveLength(1);
      expect(Object.keys(reports[0].sections).sort()).toEqual(['active', 'applications', 'other', 'overview', 'problems', 'review']);
      expect(reports[0].signature).toMatchObject({ year: 2025, month: 1, day: 17 });
    }
  });
});

describe('flattened text (a web page saved on one line)', () => {
  test('parts with reworded titles are found mid-line', () => {
    const flat =
      '临江市人民政府外事办公室2021年政府信息公开工作年度报告本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。一、总体情况' +
      '2021年，我办深入贯彻《条例》，围绕中心工作推进决策、执行、管理、服务、结果公开。'.repeat(4) +
      '二、主动公开政府信息情况全年主动公开信息120条。三、收到和处理政府信息公开申请情况全年收到申请1件。四、因政府信息公开工作被申请行政复议、提起行政诉讼情况全年未发生行政复议、行政诉讼。五、政府信息公开工作存在的主要问题及改进情况一是栏目更新不够及时。六、其他需要报告的事项未收取信息处理费。临江市人民政府外事办公室 2022年1月17日';
    expect(flat.length).toBeGreaterThan(300);
    const [r] = recognizeReports(parseDocument(flat, 'text'));
    expect(Object.keys(r.sections).sort()).toEqual(['active', 'applications', 'other', 'overview', 'problems', 'review']);
    expect(r.periods).toHaveLength(1);
    expect(r.signature).toMatchObject({ year: 2022, month: 1, day: 17 });
  });
});

/** How sure the model is of headings, the 统计期限 and the 落款 (docs/confidence.md). */
describe('confidence of sections, period and 落款', () => {
  const read = (text: string) => recognizeReports(parseDocument(text, 'text'))[0];
  const body = '我办持续做好政府信息主动公开工作，及时发布机构职能、政策文件等信息。';
  const report = (lines: string[]) => ['临江市审计局2024年政府信息公开工作年度报告', ...lines].join('\n');

  test('a heading on its own line is exact, one cut out of a flattened line tolerant, one joined from two lines inferred', () => {
    const own = read(report(['一、总体情况', body, '二、主动公开政府信息情况', body]));
    expect(own.headings.map((h) => h.confidence)).toEqual(['exact', 'exact']);
    const flat = read(report([`一、总体情况${body.repeat(3)}二、主动公开政府信息情况${body.repeat(3)}三、收到和处理政府信息公开申请情况${body.repeat(3)}`]));
    expect(flat.headings.map((h) => [h.section, h.confidence])).toEqual([
      ['overview', 'tolerant'],
      ['active', 'tolerant'],
      ['applications', 'tolerant'],
    ]);
    const wrapped = read(report(['一、总体情况', body, '四、政府信息公开行政复议、行', '政诉讼情况', body]));
    expect(wrapped.headings.map((h) => [h.section, h.confidence])).toEqual([
      ['overview', 'exact'],
      ['review', 'inferred'],
    ]);
  });

  test('a period on one line is exact, re-joined across a wrap tolerant, read from bare dates inferred', () => {
    expect(read(report(['本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。', '一、总体情况'])).periods.map((p) => p.confidence)).toEqual([
      'exact',
    ]);
    expect(read(report(['本报告中所列数据的统计期限自2024', '年1月1日起至2024年12月31日止。', '一、总体情况'])).periods.map((p) => p.confidence)).toEqual([
      'tolerant',
    ]);
    expect(read(report(['本报告所列数据为2024年1月1日至2024年12月31日的情况。', '一、总体情况'])).periods.map((p) => p.confidence)).toEqual(['inferred']);
  });

  test('a 落款 ending the report is exact; with the report going on after the date line, inferred', () => {
    const end = ['六、其他需要报告的事项', body, '临江市审计局', '2025年1月10日'];
    expect(read(report(end)).signature?.confidence).toBe('exact');
    expect(read(report([...end, '扫码使用手机浏览本页内容'])).signature?.confidence).toBe('exact');
    expect(read(report([...end, body])).signature?.confidence).toBe('inferred');
  });
});

describe('section bodies', () => {
  test("each part's body runs to the next part heading after it, the last to the report's end", () => {
    const text = [
      '2024年政府信息公开工作年度报告',
      '一、总体情况',
      '（一）主动公开',
      '本年主动公开信息12条。',
      '（二）依申请公开',
      '收到申请3件。',
      '二、主动公开政府信息情况',
      '表略。',
      '五、存在的主要问题及改进情况',
      '无。',
      '',
    ].join('\n');
    const [r] = recognizeReports(parseDocument(text, 'text'));
    const partStart = (line: string) => text.indexOf(line);
    const bodies = r.headings.map((h) => [text.slice(h.span.start, h.span.end), h.bodySpan.end]);
    expect(bodies).toEqual([
      ['一、总体情况', partStart('二、')],
      ['二、主动公开政府信息情况', partStart('五、')],
      ['五、存在的主要问题及改进情况', r.span.end],
    ]);
  });
});
