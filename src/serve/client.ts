/**
 * The page's script, served as /app.js (the CSP allows no inline script). Plain ES2017 that
 * Chromium-based browsers and Firefox run as written: no build step, no framework. It posts each
 * file (or the pasted text) to /api/lint, shows the server-rendered, escaped report section, and
 * offers the corrected file and the report as downloads made in the browser from the answer.
 */
export const CLIENT_JS = String.raw`'use strict';
(function () {
  var TEXTS = {
    'zh-CN': {
      checking: function (n) { return '正在检查：' + n + ' …'; },
      summary: function (all, fail, warn) {
        return '已检查 ' + all + ' 个文件：' + (all - fail - warn) + ' 个通过，' + fail + ' 个未通过' + (warn ? '，' + warn + ' 个有警告' : '') + '。';
      },
      refused: '无法检查：',
      tooLarge: function (limit) { return '文件过大（上限 ' + limit + '）'; },
      network: '无法连接检查服务（gia-lint serve 是否已关闭？）',
      downloadFixed: '下载修正后的文件',
      downloadReport: '下载检查报告',
      noFix: '这些问题需要人工修改（没有可自动修正的内容）。',
      pasted: '粘贴的文本.txt',
      comparedWith: function (f) { return '已与上一年度报告 ' + f + ' 比对。'; },
      noPrevious: '没有找到该机关的上一年度报告，未比对上一年度数据。',
      emptyPaste: '请先粘贴报告全文。'
    },
    en: {
      checking: function (n) { return 'Checking ' + n + ' …'; },
      summary: function (all, fail, warn) {
        return all + ' file' + (all === 1 ? '' : 's') + ' checked: ' + (all - fail - warn) + ' passed, ' + fail + ' not passed' + (warn ? ', ' + warn + ' with warnings' : '') + '.';
      },
      refused: 'Could not check: ',
      tooLarge: function (limit) { return 'The file is too large (limit ' + limit + ')'; },
      network: 'Cannot reach the checking service (was gia-lint serve stopped?)',
      downloadFixed: 'Download the corrected file',
      downloadReport: 'Download the report',
      noFix: 'These problems need a person to correct them (nothing can be fixed automatically).',
      pasted: 'pasted-text.txt',
      comparedWith: function (f) { return "Compared with last year's report " + f + '.'; },
      noPrevious: "No report of this organ from last year was found; last year's figures were not compared.",
      emptyPaste: 'Paste the report text first.'
    }
  };
  var lang = Object.prototype.hasOwnProperty.call(TEXTS, document.documentElement.lang) ? document.documentElement.lang : 'zh-CN';
  var t = TEXTS[lang];
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
    status.textContent = t.checking(name);
    if (blob.size > maxBytes) { failed(name, t.tooLarge(mib(maxBytes)), first); return Promise.resolve(); }
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
    }, function () { failed(name, t.network, first); });
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
      var fix = el('button', 'download-fixed', t.downloadFixed);
      fix.type = 'button';
      fix.addEventListener('click', function () { download(answer.fixed.name, bytes(answer.fixed.base64), answer.fixed.type); });
      actions.appendChild(fix);
    }
    var report = el('button', 'secondary download-report', t.downloadReport);
    report.type = 'button';
    report.addEventListener('click', function () { download(answer.reportName, answer.report, 'text/html;charset=utf-8'); });
    actions.appendChild(report);
    if (!answer.fixed && !answer.fatal && answer.errorCount + answer.warningCount > 0) actions.appendChild(el('p', 'hint', t.noFix));
    if (answer.previous !== undefined) actions.appendChild(el('p', 'hint previous', answer.previous === null ? t.noPrevious : t.comparedWith(answer.previous)));
    // Rendered and escaped by the server from the HTML report's own sections; the downloads go
    // right below the verdict.
    var body = el('div', 'report');
    body.innerHTML = answer.html;
    var verdict = body.querySelector('.verdict');
    if (verdict) verdict.insertAdjacentElement('afterend', actions); else body.insertBefore(actions, body.firstChild);
    a.appendChild(body);
    status.textContent = t.summary(counts.all, counts.fail, counts.warn);
  }

  function failed(name, why, first) {
    counts.all++;
    counts.fail++;
    var a = article(name, first);
    a.setAttribute('data-verdict', 'refused');
    a.appendChild(el('p', 'failed', t.refused + why));
    status.textContent = t.summary(counts.all, counts.fail, counts.warn);
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
    if (!paste.value.trim()) { status.textContent = t.emptyPaste; paste.focus(); return; }
    check(t.pasted, new Blob([paste.value], { type: 'text/plain;charset=utf-8' }), true);
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
