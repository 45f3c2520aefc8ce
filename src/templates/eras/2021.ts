import { defineEra } from '../era.js';
import { SECTIONS } from '../sections.js';

/** 2021 on: the format of 国办公开办函〔2021〕30号, with the 信息处理费 in section 六. */
export default defineEra({
  id: '2021',
  years: { from: 2021 },
  name: { 'zh-CN': '国办公开办函〔2021〕30号格式（2021年度起）', en: 'the 2021 format, 国办公开办函〔2021〕30号 (reports for 2021 on)' },
  formatName: { 'zh-CN': '国办公开办函〔2021〕30号的统一格式', en: 'the unified format of 国办公开办函〔2021〕30号' },
  layout: '2021',
  sections: SECTIONS,
  // 条例 第四十九条: departments by 1月31日, people's governments by 3月31日; townships: local.
  deadlines: { department: '01-31', government: '03-31' },
  deadlineBasis: { 'zh-CN': '《政府信息公开条例》第四十九条', en: 'Regulations on Open Government Information, art. 49' },
  statisticsPeriod: { required: true },
  features: ['processingFee', 'accountabilityResults'],
});
