import type { Locale } from '../engine/types.js';
import { ALL_EXTENSIONS } from '../formats/index.js';
import { CSS as REPORT_CSS } from '../reporters/html.js';
import { escapeXml as esc } from '../reporters/util.js';
import { defineCatalog, t } from '../i18n/format.js';

/** What the page states about the server it comes from. */
export interface PageInfo {
  locale: Locale;
  /** Per-server token the page sends back with every upload. */
  token: string;
  maxBytes: number;
  /** The office's folder, where the server was started. */
  folder: string;
  /** The config file that applies there (shown relative when inside the folder); undefined: built-in rules. */
  config?: string;
  /** True when config files are turned off (--no-config). */
  noConfig?: boolean;
  /** Last year's report the drafts are compared with, if any. */
  previous?: string;
  /** Or the folder of last year's reports, each draft paired with its own organ's (`previousDir`). */
  previousDir?: string;
}

/**
 * The one page of `gia-lint serve`. Static except for the token and the facts above; the results
 * are the HTML report's own sections (src/reporters/html.ts), put in place by /app.js.
 */
export function page(info: PageInfo): string {
  const text = (key: keyof typeof PAGE_TEXT, data?: Record<string, string>) => t(PAGE_TEXT, key, info.locale, data);
  const limit = `${Math.round((info.maxBytes / 1024 / 1024) * 10) / 10} MiB`;
  const config = info.noConfig ? text('noConfigUsed') : info.config ? text('configUsed', { file: info.config }) : text('builtinRules');
  const exts = ALL_EXTENSIONS.join(',');
  return (
    `<!DOCTYPE html>\n<html lang="${info.locale}">\n<head>\n<meta charset="utf-8">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<meta name="gia-token" content="${esc(info.token)}">\n<meta name="gia-max-bytes" content="${info.maxBytes}">\n` +
    `<title>${esc(text('title'))}</title>\n<link rel="stylesheet" href="/app.css">\n<script src="/app.js" defer></script>\n</head>\n<body>\n` +
    `<header><h1>${esc(text('title'))}</h1><p class="lead">${esc(text('lead'))}</p>` +
    `<dl class="setup"><dt>${esc(text('folder'))}</dt><dd><code>${esc(info.folder)}</code></dd>` +
    `<dt>${esc(text('rules'))}</dt><dd id="config">${esc(config)}</dd>` +
    `<dt>${esc(text('previous'))}</dt><dd id="previous">${esc(info.previous ?? (info.previousDir !== undefined ? text('previousDir', { dir: info.previousDir }) : text('noPrevious')))}</dd></dl></header>\n` +
    '<main>\n<section class="input" aria-labelledby="choose-h">' +
    `<h2 id="choose-h">${esc(text('choose'))}</h2>` +
    `<div id="drop" class="drop"><p>${esc(text('dropHere'))}</p>` +
    `<label for="files">${esc(text('chooseFiles'))}</label> <input id="files" type="file" multiple accept="${esc(exts)}">` +
    `<p class="hint">${esc(text('hint', { exts: ALL_EXTENSIONS.join(' '), limit }))}</p></div>` +
    `<h2 id="paste-h">${esc(text('orPaste'))}</h2>` +
    `<label for="paste" class="sr">${esc(text('pasteLabel'))}</label>` +
    `<textarea id="paste" rows="6" placeholder="${esc(text('pastePlaceholder'))}"></textarea>` +
    `<p><button id="check-paste" type="button">${esc(text('checkPaste'))}</button></p></section>\n` +
    `<section class="output" aria-labelledby="results-h"><h2 id="results-h">${esc(text('results'))}</h2>` +
    `<p id="status" role="status" aria-live="polite">${esc(text('nothingYet'))}</p><div id="results"></div></section>\n</main>\n` +
    `<noscript><p class="noscript">${esc(text('noscript'))}</p></noscript>\n` +
    `<footer>${esc(text('footer'))}</footer>\n</body>\n</html>\n`
  );
}

/** The page's texts written by the server (the script's own: serve:client in client.ts). */
const PAGE_TEXT = defineCatalog('serve:page', {
  title: { 'zh-CN': '政府信息公开工作年度报告检查', en: 'Annual information disclosure report check' },
  lead: {
    'zh-CN': '文件只在本机检查：不保存、不上传到其他任何地方。关闭本页面后不留痕迹。',
    en: 'Files are checked on this machine only: never stored, never sent anywhere else.',
  },
  folder: { 'zh-CN': '办公室文件夹', en: 'Office folder' },
  rules: { 'zh-CN': '检查规则', en: 'Rules' },
  configUsed: { 'zh-CN': '使用配置文件 {{file}}', en: 'Config file {{file}}' },
  builtinRules: { 'zh-CN': '未找到 .gianrc，使用内置的推荐规则', en: 'No .gianrc found; the built-in recommended rules apply' },
  noConfigUsed: { 'zh-CN': '不使用配置文件（--no-config），使用内置的推荐规则', en: 'No config file (--no-config); the built-in recommended rules apply' },
  previous: { 'zh-CN': '上一年度报告', en: "Last year's report" },
  noPrevious: { 'zh-CN': '未指定（不比对上一年度数据）', en: 'None (last year’s figures are not compared)' },
  previousDir: { 'zh-CN': '从文件夹 {{dir}} 中按机关自动配对', en: 'Paired by organ from the folder {{dir}}' },
  choose: { 'zh-CN': '选择要检查的报告', en: 'Choose the reports to check' },
  dropHere: { 'zh-CN': '把报告文件拖到这里，或者', en: 'Drop report files here, or' },
  chooseFiles: { 'zh-CN': '选择文件：', en: 'choose files:' },
  hint: { 'zh-CN': '支持 {{exts}}；可一次选择多个文件，每个文件不超过 {{limit}}。', en: 'Reads {{exts}}; several files at once, up to {{limit}} each.' },
  orPaste: { 'zh-CN': '或者粘贴报告全文', en: 'Or paste the whole report' },
  pasteLabel: { 'zh-CN': '报告全文', en: 'Report text' },
  pastePlaceholder: { 'zh-CN': '在此粘贴报告全文（表格可从 Word 中直接复制）', en: 'Paste the report text here (tables can be copied from Word)' },
  checkPaste: { 'zh-CN': '检查粘贴的文字', en: 'Check the pasted text' },
  results: { 'zh-CN': '检查结果', en: 'Results' },
  nothingYet: { 'zh-CN': '尚未检查任何文件。', en: 'Nothing checked yet.' },
  noscript: { 'zh-CN': '本页面需要启用 JavaScript 才能检查文件。', en: 'This page needs JavaScript to check files.' },
  footer: {
    'zh-CN': '由 gia-lint 提供。行号、列号指原文件中的位置（Word 文件按段落计行）。',
    en: 'Provided by gia-lint. Line and column numbers refer to the original file (Word files: paragraphs).',
  },
});

/** The report's style sheet plus the page's own: large targets, visible focus, reflow at 200 % zoom. */
export const PAGE_CSS =
  REPORT_CSS +
  `
header .lead{color:#57606a;margin:0 0 8px}
dl.setup{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:8px 0 0;font-size:14px}dl.setup dt{color:#57606a}dl.setup dd{margin:0;overflow-wrap:anywhere}
main{max-width:1200px}
.drop{border:2px dashed #8c959f;border-radius:8px;padding:18px;background:#f6f8fa}.drop.over{border-color:#0b5394;background:#e8f0fb}
.drop p{margin:4px 0}.hint{color:#57606a;font-size:13.5px}
input[type=file]{font-size:15px;max-width:100%}
textarea{width:100%;font:14px/1.5 "Noto Sans Mono CJK SC",ui-monospace,monospace;border:1px solid #8c959f;border-radius:6px;padding:8px}
button,.button{font-size:15px;padding:6px 14px;border:1px solid #0b5394;border-radius:6px;background:#0b5394;color:#fff;cursor:pointer;margin:4px 8px 4px 0}
button.secondary{background:#fff;color:#0b5394}
button:disabled{opacity:.5;cursor:default}
:focus-visible{outline:3px solid #f2a900;outline-offset:2px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
article.result{border-top:3px solid #d0d7de;margin-top:24px;padding-top:8px}article.result>h3{font-size:18px;margin:0 0 4px;overflow-wrap:anywhere}
article.result article.file{margin-top:8px}article.result article.file>h2{display:none}
.failed{color:#9b1c1c;font-weight:bold}
.noscript{color:#9b1c1c}
@media (max-width:700px){body{padding:12px}.ln{flex-basis:36px}.note{margin-left:8px}dl.setup{grid-template-columns:1fr}}
`;
