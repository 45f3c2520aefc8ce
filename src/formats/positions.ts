import { defineCatalog } from '../i18n/format.js';

/** How the formats name a place in a message (PositionStyle.show / .at). */
export const POSITION_TEXT = defineCatalog('positions', {
  lineColumn: { 'zh-CN': '第 {{line}} 行第 {{column}} 列', en: 'line {{line}}, column {{column}}' },
  line: { 'zh-CN': '第 {{line}} 行', en: 'line {{line}}' },
  paragraph: { 'zh-CN': '第 {{line}} 段', en: 'paragraph {{line}}' },
  pdfPageLine: { 'zh-CN': '第 {{page}} 页 第 {{line}} 行', en: 'page {{page}}, line {{line}}' },
  textViewLine: { 'zh-CN': '文字视图第 {{line}} 行', en: 'line {{line}} of the text view' },
});
