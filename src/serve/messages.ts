import { defineCatalog } from '../i18n/format.js';

/** Texts of `gia-lint serve` outside the page (the console, HTTP errors, names of downloads). The page's own texts: page.ts and client.ts. */
export const SERVE_TEXT = defineCatalog('serve', {
  portInUse: { 'zh-CN': '端口 {{where}} 已被占用，请换一个端口，例如 --port 8081', en: 'Port {{where}} is in use; start with another, e.g. --port 8081' },
  cannotListen: { 'zh-CN': '无法在 {{where}} 上启动（{{reason}}）', en: 'Cannot listen on {{where}} ({{reason}})' },
  listening: {
    'zh-CN': 'gia-lint serve：请在浏览器中打开 {{url}} （按 Ctrl+C 停止）。文件只在内存中检查，不会保存。',
    en: 'gia-lint serve: open {{url}} in a browser (Ctrl+C stops it). Files are checked in memory and never stored.',
  },
  openToNetwork: {
    'zh-CN': '注意：正在 {{host}} 上监听，网络中的其他计算机也能打开本页面。',
    en: 'Warning: listening on {{host}}; other machines of the network can open this page.',
  },
  fileTooLarge: { 'zh-CN': '文件过大（上限 {{limit}}）', en: 'The file is too large (limit {{limit}})' },
  busy: { 'zh-CN': '正在检查其他文件，请稍后再试', en: 'Busy checking other files; try again in a moment' },
  /** Appended to a file's name: the fixed copy, and the check report of it. */
  fixedSuffix: { 'zh-CN': '-已修正', en: '-fixed' },
  reportSuffix: { 'zh-CN': '-检查报告', en: '-check-report' },
  pastedName: { 'zh-CN': '粘贴的文本.txt', en: 'pasted-text.txt' },
});
