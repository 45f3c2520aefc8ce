import { defineEra } from '../era.js';
import { SECTIONS } from '../sections.js';

/** 2019–2020: the revised 条例 and the trial format of 国办公开办函〔2019〕60号. */
export default defineEra({
  id: '2019',
  years: { from: 2019, to: 2020 },
  name: { 'zh-CN': '国办公开办函〔2019〕60号格式（2019—2020年度）', en: 'the 2019 format, 国办公开办函〔2019〕60号 (2019–2020 reports)' },
  formatName: { 'zh-CN': '国办公开办函〔2019〕60号的统一格式', en: 'the unified format of 国办公开办函〔2019〕60号' },
  layout: '2019',
  // 60号 merely encouraged the format for 2019 reports.
  tablesOptionalIn: [2019],
  sections: SECTIONS,
  // 条例 第四十九条: departments by 1月31日, people's governments by 3月31日; townships: local.
  deadlines: { department: '01-31', government: '03-31' },
  deadlineBasis: { 'zh-CN': '《政府信息公开条例》第四十九条', en: 'Regulations on Open Government Information, art. 49' },
  statisticsPeriod: { required: true },
  features: ['accountabilityResults'],
});
