/**
 * Flattened text (a web page's text saved with the body on one line) is cut into the lines a reader
 * sees (src/formats/reline.ts). The rows below are seed 000's table 三 as such a copy gives it:
 * half-width brackets, spaces inside labels, a label wrapped around its numbers, a numbered label
 * straight after the numbers of the row before.
 */
import { describe, expect, test } from '@jest/globals';
import { relineFlat } from '../../src/formats/reline.js';

const cut = (line: string) => relineFlat(line).map(([s, e]) => line.slice(s, e));

describe('relineFlat', () => {
  test('labels written with half-width brackets and spaces between characters are found', () => {
    const line = [
      '三、收到和处理政府信息公开申请情况',
      '三、 本 年 度 办 理 结 果 (一) 予以公开 0 0 0 0 0 0 0',
      '(二) 部分公开（区分处理的，只计这一情形， 不计其他情形） 0 0 0 0 0 0 0',
      '(三) 不予公开 1. 属于国家秘密 0 0 0 0 0 0 0',
      '2. 其他法律行政法规禁止公开 0 0 0 0 0 0 0',
      '3. 危及“三安全一稳定” 0 0 0 0 0 0 0',
      '(四) 无 法 提 供 1. 本机关不掌握相关政府信息 1 0 0 0 0 0 1',
    ].join('');
    expect(cut(line)).toEqual([
      '三、收到和处理政府信息公开申请情况',
      '三、 本 年 度 办 理 结 果',
      '(一) 予以公开 0 0 0 0 0 0 0',
      '(二) 部分公开（区分处理的，只计这一情形， 不计其他情形） 0 0 0 0 0 0 0',
      '(三) 不予公开',
      '1. 属于国家秘密 0 0 0 0 0 0 0',
      '2. 其他法律行政法规禁止公开 0 0 0 0 0 0 0',
      '3. 危及“三安全一稳定” 0 0 0 0 0 0 0',
      '(四) 无 法 提 供',
      '1. 本机关不掌握相关政府信息 1 0 0 0 0 0 1',
    ]);
  });

  test("a row's numbers end it: a label wrapped around them, a numbered label right after them", () => {
    const line = [
      '三、收到和处理政府信息公开申请情况一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0',
      '4.无正当理由大量反复申请 0 0 0 0 0 0 05.要求行政机关确认或重新 0 0 0 0 0 0 0出具已获取信息',
      '(六) 其他处理 1. 申请人无正当理由逾期不补 0 0 0 0 0 0 0正、行政机关不再处理其政府信息公开申请',
      '2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0',
    ].join('');
    expect(cut(line).slice(3)).toEqual([
      '4.无正当理由大量反复申请 0 0 0 0 0 0 0',
      '5.要求行政机关确认或重新 0 0 0 0 0 0 0',
      '出具已获取信息',
      '(六) 其他处理',
      '1. 申请人无正当理由逾期不补 0 0 0 0 0 0 0',
      '正、行政机关不再处理其政府信息公开申请',
      '2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0',
    ]);
  });

  test('cells run together ("0000000") end a row too; a local note in brackets stays with its label', () => {
    const line = [
      '二、主动公开政府信息情况第二十条第(一)项信息内容 本年新制作数量 本年新公开数量 对外公开总数量',
      '规章 (市政府令) 0 0 0规范性文件 (有规范性文件登记号) 1 0 0',
      '三、收到和处理政府信息公开申请情况(三) 不予公开1. 属于国家秘密0000000',
      '2. 其他法律行政法规禁止公开0000000 (四) 无法提供 1. 本机关不掌握相关政府信息1000001补正后申请内容',
    ].join('');
    expect(cut(line)).toEqual([
      '二、主动公开政府信息情况',
      '第二十条第(一)项',
      '信息内容 本年新制作数量 本年新公开数量 对外公开总数量',
      '规章 (市政府令) 0 0 0',
      '规范性文件 (有规范性文件登记号) 1 0 0',
      '三、收到和处理政府信息公开申请情况',
      '(三) 不予公开',
      '1. 属于国家秘密0000000',
      '2. 其他法律行政法规禁止公开0000000',
      '(四) 无法提供',
      '1. 本机关不掌握相关政府信息1000001',
      '补正后申请内容',
    ]);
  });

  test('ordinary lines and prose with numbers are not cut', () => {
    const prose = '2021年，本机关共收到申请 12 件，办结 12 件，其中予以公开 5 件、部分公开 3 件。'.repeat(8);
    expect(relineFlat(prose)).toEqual([[0, prose.length]]);
    expect(relineFlat('1.属于国家秘密 0 0 0 0 0 0 0')).toEqual([[0, '1.属于国家秘密 0 0 0 0 0 0 0'.length]]);
  });
});

describe('relineFlat: where one report ends and the next begins (a saved page listing several years)', () => {
  test("a 落款 glued to the page chrome after it, the next report's title, its legacy 一、概述 glued to the text", () => {
    const body = '我办将进一步优化工作流程，提高政府信息公开工作的效率。'.repeat(6);
    const line = [
      `六、其他需要报告的事项${body}`,
      '聊城市人民政府外事办公室2024年1月22日扫码使用手机浏览本页内容字号:大 中 小',
      '聊城市外办2018年政务信息公开工作报告根据《中华人民共和国政府信息公开条例》，编制本报告。',
      '一、概述2018年，我办按照市委、市政府的统一部署开展工作。',
    ].join('');
    const lines = cut(line);
    expect(lines).toContain('聊城市人民政府外事办公室2024年1月22日');
    expect(lines).toContain('扫码使用手机浏览本页内容字号:大 中 小');
    expect(lines).toContain('聊城市外办2018年政务信息公开工作报告');
    expect(lines).toContain('一、概述');
  });

  test('a title or a date inside a sentence is not cut out', () => {
    const line = '现公布我局2022年政府信息公开工作年度报告。本局于2023年1月10日召开会议，研究部署政务公开工作。'.repeat(6);
    expect(cut(line).every((l) => l.endsWith('。'))).toBe(true);
  });
});
