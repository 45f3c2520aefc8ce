import { defineEra } from '../era.js';

/** 2008–2018: the 2008 《政府信息公开条例》, no unified format (free-form reports). */
export default defineEra({
  id: 'legacy',
  years: { from: 2008, to: 2018 },
  name: { 'zh-CN': '2008年条例时期（2008—2018年度，无统一格式）', en: 'the 2008 regulation era (2008–2018, no unified format)' },
  sections: [],
  // 2008 条例 第三十一条: every organ by 3月31日.
  deadlines: { anyOrgan: '03-31' },
  deadlineBasis: { 'zh-CN': '2008年《政府信息公开条例》第三十一条', en: 'Regulations on Open Government Information (2008), art. 31' },
  statisticsPeriod: {
    required: false,
    legalBasis: { 'zh-CN': '2008年《政府信息公开条例》第三十二条', en: 'Regulations on Open Government Information (2008), art. 32' },
  },
  features: [],
});
