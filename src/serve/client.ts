import type { Locale } from '../engine/types.js';
import { defineCatalog } from '../i18n/format.js';
import { SERVE_TEXT } from './messages.js';

/** The page's texts shown by its script; the server puts the page's language into /app.js. */
const CLIENT_TEXT = defineCatalog('serve:client', {
  checking: { 'zh-CN': '正在检查：{{name}} …', en: 'Checking {{name}} …' },
  summary: {
    'zh-CN': '已检查 {{files}}：{{passed}} 个通过，{{failed}} 个未通过{{warned}}。',
    en: '{{files}} checked: {{passed}} passed, {{failed}} not passed{{warned}}.',
  },
  files_one: { 'zh-CN': '{{count}} 个文件', en: '{{count}} file' },
  files_other: { 'zh-CN': '{{count}} 个文件', en: '{{count}} files' },
  withWarnings: { 'zh-CN': '，{{count}} 个有警告', en: ', {{count}} with warnings' },
  refused: { 'zh-CN': '无法检查：{{why}}', en: 'Could not check: {{why}}' },
  network: { 'zh-CN': '无法连接检查服务（gia-lint serve 是否已关闭？）', en: 'Cannot reach the checking service (was gia-lint serve stopped?)' },
  downloadFixed: { 'zh-CN': '下载修正后的文件', en: 'Download the corrected file' },
  downloadReport: { 'zh-CN': '下载检查报告', en: 'Download the report' },
  noFix: {
    'zh-CN': '这些问题需要人工修改（没有可自动修正的内容）。',
    en: 'These problems need a person to correct them (nothing can be fixed automatically).',
  },
  comparedWith: { 'zh-CN': '已与上一年度报告 {{file}} 比对。', en: "Compared with last year's report {{file}}." },
  noPrevious: {
    'zh-CN': '没有找到该机关的上一年度报告，未比对上一年度数据。',
    en: "No report of this organ from last year was found; last year's figures were not compared.",
  },
  emptyPaste: { 'zh-CN': '请先粘贴报告全文。', en: 'Paste the report text first.' },
});

const scripts = new Map<Locale, string>();

/** /app.js for a page in `locale`: the script below with that locale's texts (the server's own file-size and pasted-name texts too). */
export function clientJs(locale: Locale): string {
  let js = scripts.get(locale);
  if (js === undefined) {
    const texts: Record<string, string> = Object.fromEntries(Object.entries(CLIENT_TEXT).map(([key, entry]) => [key, entry[locale]]));
    texts.tooLarge = SERVE_TEXT.fileTooLarge[locale];
    texts.pasted = SERVE_TEXT.pastedName[locale];
    js = CLIENT_TEMPLATE.replace('__TEXTS__', () => JSON.stringify(texts));
    scripts.set(locale, js);
  }
  return js;
}

const CLIENT_TEMPLATE = String.raw`'use strict';
(function () {
  // The page's texts in its language, put here by the server from the catalog serve:client
  // (src/serve/client.ts): templates with {{name}} placeholders, counted ones as key_one/key_other.
  var TEXTS = __TEXTS__;
  var plural = new Intl.PluralRules(document.documentElement.lang);
  function text(key, data) {
    return TEXTS[key].replace(/\{\{\s*(\w+)\s*\}\}/g, function (m, name) { return data && name in data ? String(data[name]) : m; });
  }
  function counted(key, count) {
    var form = key + '_' + plural.select(count);
    return text(Object.prototype.hasOwnProperty.call(TEXTS, form) ? form : key + '_other', { count: count });
  }
  var token = meta('gia-token');
  var maxBytes = Number(meta('gia-max-bytes'));
  var status = document.getElementById('status');
  var results = document.getElementById('results');
  var drop = document.getElementById('drop');
  var input = document.getElementById('files');
  var paste = document.getElementById('paste');
  var counts = { all: 0, fail: 0, warn: 0 };
  var queue = Promise.resolve();

  function meta(name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute('content') : '';
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function mib(n) { return Math.round(n / 1024 / 1024 * 10) / 10 + ' MiB'; }

  // The first result of each choice takes the focus (and the view), so keyboard users land on it.
  function check(name, blob, first) {
    queue = queue.then(function () { return upload(name, blob, first); });
  }

  function upload(name, blob, first) {
    status.textContent = text('checking', { name: name });
    if (blob.size > maxBytes) { failed(name, text('tooLarge', { limit: mib(maxBytes) }), first); return Promise.resolve(); }
    return fetch('/api/lint', {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', 'X-Gia-Token': token, 'X-File-Name': encodeURIComponent(name) },
      body: blob,
      credentials: 'same-origin',
      cache: 'no-store'
    }).then(function (res) {
      return res.json().catch(function () { return { error: res.status + ' ' + res.statusText }; }).then(function (answer) {
        if (res.ok) shown(answer, first); else failed(name, answer.error || String(res.status), first);
      });
    }, function () { failed(name, text('network'), first); });
  }

  function article(name, first) {
    var a = el('article', 'result');
    var h = el('h3', '', name);
    h.tabIndex = -1;
    a.appendChild(h);
    results.appendChild(a);
    if (first) h.focus();
    return a;
  }

  function shown(answer, first) {
    counts.all++;
    if (answer.verdict === 'fail') counts.fail++; else if (answer.verdict === 'warn') counts.warn++;
    var a = article(answer.name, first);
    a.setAttribute('data-verdict', answer.verdict);
    var actions = el('div', 'actions');
    if (answer.fixed) {
      var fix = el('button', 'download-fixed', text('downloadFixed'));
      fix.type = 'button';
      fix.addEventListener('click', function () { download(answer.fixed.name, bytes(answer.fixed.base64), answer.fixed.type); });
      actions.appendChild(fix);
    }
    var report = el('button', 'secondary download-report', text('downloadReport'));
    report.type = 'button';
    report.addEventListener('click', function () { download(answer.reportName, answer.report, 'text/html;charset=utf-8'); });
    actions.appendChild(report);
    if (!answer.fixed && !answer.fatal && answer.errorCount + answer.warningCount > 0) actions.appendChild(el('p', 'hint', text('noFix')));
    if (answer.previous !== undefined) actions.appendChild(el('p', 'hint previous', answer.previous === null ? text('noPrevious') : text('comparedWith', { file: answer.previous })));
    // Rendered and escaped by the server from the HTML report's own sections; the downloads go
    // right below the verdict.
    var body = el('div', 'report');
    body.innerHTML = answer.html;
    var verdict = body.querySelector('.verdict');
    if (verdict) verdict.insertAdjacentElement('afterend', actions); else body.insertBefore(actions, body.firstChild);
    a.appendChild(body);
    status.textContent = summary();
  }

  // "已检查 3 个文件：1 个通过，1 个未通过，1 个有警告。"
  function summary() {
    var warned = counts.warn ? text('withWarnings', { count: counts.warn }) : '';
    return text('summary', { files: counted('files', counts.all), passed: counts.all - counts.fail - counts.warn, failed: counts.fail, warned: warned });
  }

  function failed(name, why, first) {
    counts.all++;
    counts.fail++;
    var a = article(name, first);
    a.setAttribute('data-verdict', 'refused');
    a.appendChild(el('p', 'failed', text('refused', { why: why })));
    status.textContent = summary();
  }

  function bytes(base64) {
    var s = atob(base64);
    var out = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }

  function download(name, data, type) {
    var url = URL.createObjectURL(new Blob([data], { type: type }));
    var a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  }

  function checkAll(files) {
    for (var i = 0; i < files.length; i++) check(files[i].name, files[i], i === 0);
  }

  input.addEventListener('change', function () {
    checkAll(input.files);
    input.value = '';
  });
  document.getElementById('check-paste').addEventListener('click', function () {
    if (!paste.value.trim()) { status.textContent = text('emptyPaste'); paste.focus(); return; }
    check(text('pasted'), new Blob([paste.value], { type: 'text/plain;charset=utf-8' }), true);
  });
  // A file dropped anywhere is checked, never opened by the browser in place of the page.
  ['dragenter', 'dragover'].forEach(function (type) {
    document.addEventListener(type, function (e) { e.preventDefault(); drop.classList.add('over'); });
  });
  document.addEventListener('dragleave', function (e) { if (!e.relatedTarget) drop.classList.remove('over'); });
  document.addEventListener('drop', function (e) {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer && e.dataTransfer.files.length) checkAll(e.dataTransfer.files);
  });
})();
`;
