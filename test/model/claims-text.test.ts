/**
 * The prose facts the text rules read: the issuing organ (落款 line or title), the signing date in
 * its usual writings, and the sentences that open with a year.
 */
import { describe, expect, test } from '@jest/globals';
import { MappedText } from '../../src/model/mapped-text.js';
import { findYearLeads } from '../../src/model/claims.js';
import { organName } from '../../src/model/organ.js';
import { parseDocument } from '../../src/formats/index.js';
import { recognizeReports } from '../../src/model/recognize.js';

const prose = (s: string) => MappedText.verbatim(s, 0, s.length).foldWhitespace();
const reports = (text: string, format: 'text' | 'markdown' = 'text') => recognizeReports(parseDocument(text, format));

describe('organName', () => {
  test('organ lines are names', () => {
    expect(organName('威海市人民政府外事办公室')).toBe('威海市人民政府外事办公室');
    expect(organName('　　                          威海市人民政府外事办公室')).toBe('威海市人民政府外事办公室');
    expect(organName('聊城市政府外事与侨务办公室')).toBe('聊城市政府外事与侨务办公室');
    expect(organName('临江市人民政府')).toBe('临江市人民政府');
    expect(organName('临江市财政局')).toBe('临江市财政局');
  });
  test('a pasted font-size switcher before the name is not part of it', () => {
    expect(organName('大 中 小聊城市人民政府外事办公室')).toBe('聊城市人民政府外事办公室');
  });
  test('sentences, dates and long lines are not names', () => {
    expect(organName('如对本报告有疑问，请与临江市财政局联系')).toBeUndefined();
    expect(organName('2022年1月28日')).toBeUndefined();
    expect(organName('主动公开政府信息情况')).toBeUndefined();
    expect(organName('')).toBeUndefined();
  });
});

describe('the 落款: signing date and organ', () => {
  const body =
    '2021年政府信息公开工作年度报告\n本报告中所列数据的统计期限为2021年1月1日至2021年12月31日。\n一、总体情况\n正文。\n六、其他需要报告的事项\n无。\n';
  test.each([
    ['2022年1月28日', [2022, 1, 28]],
    ['2024 年 1 月 22 日', [2024, 1, 22]],
    ['二〇二二年一月二十八日', [2022, 1, 28]],
    ['二○二二年一月二十八日', [2022, 1, 28]],
  ])('%s', (written, ymd) => {
    const [r] = reports(`${body}临江市财政局\n${written}\n`);
    expect([r.signature?.year, r.signature?.month, r.signature?.day]).toEqual(ymd);
    expect(r.issuer).toMatchObject({ name: '临江市财政局', source: 'signature' });
  });
  test('organ and date on one line', () => {
    const [r] = reports(`${body}临江市财政局　　2022年1月5日\n`);
    expect(r.signature?.day).toBe(5);
    expect(r.issuer?.name).toBe('临江市财政局');
  });
  test('without a 落款 the issuer comes from the title, or the line above it', () => {
    expect(reports(`临江市人民政府办公室${body}`)[0].issuer).toMatchObject({ name: '临江市人民政府办公室', source: 'title' });
    const [r] = reports(`临江市人民政府\n${body}`);
    expect(r.signature).toBeUndefined();
    expect(r.issuer).toMatchObject({ name: '临江市人民政府', source: 'title' });
  });
  test('a sentence before the date is not the organ', () => {
    const [r] = reports(`${body}如有疑问请来电。\n2022年1月28日\n`);
    expect(r.signature?.day).toBe(28);
    expect(r.issuer).toBeUndefined();
  });
});

describe('findYearLeads', () => {
  const leads = (s: string) => findYearLeads(prose(s)).map((l) => [l.year, l.form, l.sentence]);
  test('a year opening a sentence, after a sub-item number or 截至', () => {
    // Through the recognizer: a heading line and the next paragraph are separate lines of prose.
    const [r] = reports(
      '一、概述\n正文。\n十二、需要说明的事项与附表\n2015年,我办已将政府信息工作正式纳入年度业务工作目标,主动接受监督和考核。我办将进一步优化工作流程。\n',
    );
    expect(r.yearLeads.map((l) => [l.year, l.form, l.sentence])).toEqual([
      [2015, 'narrative', '2015年,我办已将政府信息工作正式纳入年度业务工作目标,主动接受监督和考核'],
    ]);
    expect(leads('（二）依申请公开。2021年，我办收到申请1件。')).toEqual([[2021, 'narrative', '2021年，我办收到申请1件']]);
    expect(leads('截至2018年底,我办未收取过此类费用。')).toEqual([[2018, 'yearEnd', '截至2018年底,我办未收取过此类费用']]);
    expect(leads('（一）2024年我局共发布信息30条。')).toEqual([[2024, 'narrative', '（一）2024年我局共发布信息30条']]);
  });
  test('spaces from PDF text and Chinese numerals', () => {
    expect(leads('2024 年，威海市外办深入贯彻《条例》。').map((l) => l[0])).toEqual([2024]);
    expect(leads('二〇二三年，本机关未收到申请。').map((l) => l[0])).toEqual([2023]);
  });
  test('years inside a sentence, 以来, dates and titles are not leads', () => {
    expect(leads('对我办2024年政务公开重点任务进行安排部署。')).toEqual([]);
    expect(leads('2022年以来，我办对照《条例》开展工作。')).toEqual([]);
    expect(leads('2023年11月下旬，市外办政务公开负责同志调整。')).toEqual([]);
    expect(leads('2022年1月28日')).toEqual([]);
    expect(leads('2021年政府信息公开工作年度报告')).toEqual([]);
  });
  test('the year span points at the year as written', () => {
    const text = '正文。\n2015年，我办已完成。';
    const [l] = findYearLeads(prose(text));
    expect(text.slice(l.yearSpan.start, l.yearSpan.end)).toBe('2015');
  });
});
