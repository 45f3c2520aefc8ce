import { describe, expect, test } from '@jest/globals';
import { MappedText } from '../../src/model/mapped-text.js';
import {
  findCountClaims,
  findEmptyPeriods,
  findEndOnlyPeriods,
  findFeeClaims,
  findPeriods,
  findProcessingFeeFigures,
  readProblemsSection,
} from '../../src/model/claims.js';

const prose = (s: string) => MappedText.verbatim(s, 0, s.length).foldWhitespace();

describe('statistics period phrasings', () => {
  const cases: [string, [number, number, number], [number | undefined, number, number]][] = [
    ['本报告中所列数据的统计时限自2021年1月1日起至2021年12月31日止。', [2021, 1, 1], [2021, 12, 31]],
    ['报告中所列数据统计期限从 2024\n\n年 1 月 1 日到 12 月 31 日止。', [2024, 1, 1], [undefined, 12, 31]],
    ['本报告中所列数据的统计期限为2023年1月1日至2023年12月31日。', [2023, 1, 1], [2023, 12, 31]],
    ['本报告统计时间为二〇二二年一月一日至二〇二二年十二月三十一日。', [2022, 1, 1], [2022, 12, 31]],
    ['数据统计时限：2020年1月1日—2020年6月30日。', [2020, 1, 1], [2020, 6, 30]],
  ];
  for (const [text, start, end] of cases) {
    test(text.replace(/\s+/g, ' '), () => {
      const [p] = findPeriods(prose(text));
      expect([p.start.year, p.start.month, p.start.day]).toEqual(start);
      expect([p.end.year, p.end.month, p.end.day]).toEqual(end);
    });
  }

  test('year spans point at the written years in the original text, across wraps', () => {
    const text = '统计期限从 2024\n\n年 1 月 1 日到 2024 年 12 月 31 日止';
    const [p] = findPeriods(prose(text));
    expect(p.yearSpans.map((s) => text.slice(s.start, s.end))).toEqual(['2024', '2024']);
    expect(p.yearSpans[1].start).toBe(text.lastIndexOf('2024'));
  });

  test('"截至Y年12月31日" after a 统计 keyword is a statement of that year (start implied)', () => {
    const [p] = findEndOnlyPeriods(prose('本报告数据统计时间截至2024年12月31日。'));
    expect([p.start.year, p.start.month, p.start.day, p.end.year, p.end.month, p.end.day]).toEqual([2024, 1, 1, 2024, 12, 31]);
    expect(findEndOnlyPeriods(prose('统计时间截至2024年6月30日'))[0].end.month).toBe(6);
  });

  test('a date range without a 统计 keyword is not a period statement', () => {
    expect(findPeriods(prose('2021年1月1日至2021年12月31日期间，我办开展了培训。'))).toEqual([]);
  });
});

describe('fee claims', () => {
  const scopes = (s: string) => findFeeClaims(prose(s)).map((c) => c.scope);
  test('信息处理费 statements are about the processing fee', () => {
    expect(scopes('全年共办理政府信息公开申请1件，通过邮件形式完成答复，未收取信息处理费。')).toEqual(['processing']);
    expect(scopes('2023年，本机关未收取政府信息依申请公开信息处理费。')).toEqual(['processing']);
    expect(scopes('截至2018年底，我办未收取过此类费用。')).toEqual(['processing']);
  });
  test('an unqualified "any fee" statement covers all fees', () => {
    expect(scopes('本机关全年未收取任何费用。')).toEqual(['all']);
    expect(scopes('我局没有收取任何费用。')).toEqual(['all']);
  });
  test('"any fee" in a sentence about disclosure work is about that work only', () => {
    expect(scopes('在政府信息公开工作中，本机关未收取任何费用。')).toEqual(['processing']);
  });
  test('vague or unrelated statements are not claims', () => {
    expect(scopes('对相关费用予以减免。')).toEqual([]);
    expect(scopes('申请人逾期未按收费通知要求缴纳费用。')).toEqual([]);
    expect(scopes('未收取费用。')).toEqual([]);
  });
  test('collected 信息处理费 amounts are figures; notices are not collections', () => {
    const f = findProcessingFeeFigures(prose('发出收费通知2件，总金额200元，实际收取信息处理费共计400元。'));
    expect(f.map((x) => x.yuan)).toEqual([400]);
    expect(findProcessingFeeFigures(prose('信息处理费合计0.05万元。')).map((x) => x.yuan)).toEqual([500]);
    expect(findProcessingFeeFigures(prose('未收取信息处理费。'))).toEqual([]);
  });
});

describe('count claims and their readings', () => {
  const read = (s: string) => findCountClaims(prose(s)).map((c) => `${c.name}=${c.value}:${c.readings.map((r) => r.key).join('/')}`);

  test('收到/受理 may include 上年结转; 新收 does not', () => {
    expect(read('共受理政府信息公开申请12件。')).toEqual(['received=12:newReceived/newPlusCarried']);
    expect(read('本年新收政府信息公开申请9件。')).toEqual(['received=9:newReceived']);
    expect(read('收到网上申请8件、信函申请4件。')).toEqual([]);
    expect(read('本机关共收到申请120件，其中市政府办公厅收到申请15件。')).toEqual(['received=120:newReceived/newPlusCarried']);
  });

  test("a region's totals are not this table's", () => {
    expect(read('2024年，全市各级行政机关共收到政府信息公开申请1200件。')).toEqual([]);
    expect(read('2024年，全区共受理申请35件，办结33件。')).toEqual([]);
  });

  test('予以公开及部分公开 is one claim over two rows, not a 部分公开 claim', () => {
    expect(read('予以公开及部分公开5件。')).toEqual(['grantedOrPartly=5:grantedOrPartly']);
  });

  test('a group count after a reason may be the named item', () => {
    expect(read('因本机关不掌握等原因无法提供2件。')).toEqual(['unavailable=2:group:unavailable/item:unavailable.notHeld']);
    expect(read('无法提供2件。')).toEqual(['unavailable=2:group:unavailable']);
  });

  test('办理申请 N 件 may be new, new + carried over, or concluded', () => {
    expect(read('全年共办理政府信息公开申请12件。')).toEqual(['handled=12:newReceived/newPlusCarried/resultTotal']);
  });

  test('办结 is the （七）总计 unless the clause names a part', () => {
    expect(read('办结8件。')).toEqual(['completed=8:resultTotal']);
    expect(read('上年结转的申请已办结1件。')).toEqual([]);
  });

  test('negation scope: results (纠错, 败诉) are not case counts', () => {
    expect(read('未发生因政府信息公开被行政复议纠错或行政诉讼败诉的情形。')).toEqual([]);
    expect(read('未发生行政复议、行政诉讼。')).toEqual(['review=0:review', 'litigation=0:litigation']);
  });

  test('a percentage after a count is kept with its written precision', () => {
    const [c] = findCountClaims(prose('予以公开4件，占总数的44.4%。'));
    expect([c.value, c.percent?.value, c.percent?.decimals]).toEqual([4, 44.4, 1]);
  });

  test('table 二 figures, follow-ons read their subject from the sentence', () => {
    expect(read('制发行政规范性文件3件，废止2件，现行有效27件。')).toEqual(['docsMade=3:docsMade', 'docsRepealed=2:docsRepealed', 'docsValid=27:docsValid']);
    expect(read('废止2件。')).toEqual([]);
    expect(read('公开行政许可决定997件。')).toEqual([]);
    expect(read('作出行政处罚决定220件。')).toEqual(['penalty=220:penalty']);
  });
});

describe('no-fee claims in all their wordings', () => {
  const read = (s: string) => findFeeClaims(prose(s)).map((c) => `${c.scope}:${c.text}`);
  test.each([
    ['本机关全年未产生任何收费。', ['all:未产生任何收费']],
    ['本机关全年未收取任何费用。', ['all:未收取任何费用']],
    ['政府信息公开未发生收费情况。', ['processing:未发生收费']],
    ['依申请公开均未收费。', ['processing:均未收费']],
    ['（三）收取信息处理费情况\n本年度未收费。', ['processing:未收费']],
    ['本年度未收费。', []],
    ['未发生因收费引起的投诉。', []],
    ['未发生违规收费。', []],
    ['本单位未产生费用支出。', []],
  ])('%s', (text, expected) => expect(read(text)).toEqual(expected));
});

test('统计期限 sentences whose dates were left blank', () => {
  expect(findEmptyPeriods(prose('本报告中所列数据的统计期限自至。')).map((e) => e.text)).toEqual(['数据的统计期限自至']);
  expect(findEmptyPeriods(prose('统计时限为____年__月__日至____年__月__日。')).length).toBe(1);
  expect(findEmptyPeriods(prose('统计期限自2024年1月1日起至2024年12月31日止。'))).toEqual([]);
});

describe('readProblemsSection: a body of a few characters is empty', () => {
  const read = (body: string) => {
    const heading = '五、存在的主要问题及改进情况\n';
    const text = heading + body;
    const prose = MappedText.verbatim(text, 0, text.length);
    return readProblemsSection(prose, { span: { start: 0, end: heading.length - 1 }, bodySpan: { start: heading.length, end: text.length } }).state;
  };
  test('nine characters besides punctuation and spaces are empty, ten are not', () => {
    expect(read('暂 无，略。')).toBe('empty');
    expect(read('一二三四五六七八九。')).toBe('empty');
    expect(read('一二三四五六七八九十。')).toBe('addressed');
    expect(read('无。')).toBe('empty');
  });
});
