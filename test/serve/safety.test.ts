import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { request } from 'node:http';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { lintBuffer } from '../../src/api.js';
import { safeName, startDesk, type DeskServer, type LintAnswer } from '../../src/serve/index.js';
import { parseCase } from '../support/case-markers.js';

/**
 * What reaches `gia-lint serve` from a browser is untrusted: oversized, binary and malicious
 * uploads are refused or escaped, and requests from other sites are refused. The server runs in
 * this process with a small upload limit; requests are raw HTTP so every header is the test's.
 */
const LIMIT = 64 * 1024;
const office = mkdtempSync(path.join(os.tmpdir(), 'gia-serve-safety-'));
let desk: DeskServer;
let base: URL;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(method: string, pathname: string, headers: Record<string, string | number> = {}, body?: Buffer | Buffer[]): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: base.hostname, port: base.port, method, path: pathname, headers: { Host: base.host, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    // The server may answer and close before a too-large body is sent completely.
    req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e)));
    for (const part of Array.isArray(body) ? body : body ? [body] : []) req.write(part);
    req.end();
  });
}

/** An upload as the page sends it. */
const upload = (name: string, bytes: Buffer, extra: Record<string, string> = {}) =>
  send(
    'POST',
    '/api/lint',
    { 'Content-Type': 'application/octet-stream', 'X-Gia-Token': desk.token, 'X-File-Name': encodeURIComponent(name), Origin: base.origin, ...extra },
    bytes,
  );

const REPORT_TAGS = new Set([
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'header',
  'h1',
  'h2',
  'h3',
  'p',
  'section',
  'div',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'code',
  'svg',
  'rect',
  'article',
  'ol',
  'ul',
  'li',
  'span',
  'a',
  'b',
  'mark',
  'sup',
  'footer',
]);

/** Wait for the server to reach a state (no timing involved: it yields to the event loop until then). */
async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setImmediate(resolve));
}

const answerOf = (r: Reply): LintAnswer => JSON.parse(r.body) as LintAnswer;

beforeAll(async () => {
  writeFileSync(path.join(office, '.gianrc'), '{}\n');
  desk = await startDesk({ cwd: office, port: 0, host: '127.0.0.1', lint: { maxBytes: LIMIT } });
  base = new URL(await desk.listen());
});

afterAll(async () => {
  await new Promise((resolve) => desk.server.close(resolve));
  rmSync(office, { recursive: true, force: true });
});

describe('uploads that are too large, binary or malicious', () => {
  test('a declared body over the limit is refused with 413 before it is read', async () => {
    const r = await upload('big.txt', Buffer.alloc(LIMIT + 1, 0x41));
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).error).toBe('文件过大（上限 0.1 MiB）');
  });

  test('a chunked body that grows over the limit is cut off with 413; the server still answers', async () => {
    const chunk = Buffer.alloc(16 * 1024, 0x41);
    const r = await send(
      'POST',
      '/api/lint',
      { 'Content-Type': 'application/octet-stream', 'X-Gia-Token': desk.token, 'X-File-Name': 'big.txt', 'Transfer-Encoding': 'chunked', Origin: base.origin },
      Array.from({ length: 8 }, () => chunk),
    );
    expect(r.status).toBe(413);
    expect((await send('GET', '/')).status).toBe(200);
  });

  test('binary bytes, a zip that is no Word file and an empty file are one clear problem each, not a crash', async () => {
    const binary = answerOf(await upload('x.txt', Buffer.from([0x00, 0xff, 0x10, 0x00, 0x41])));
    expect(binary).toMatchObject({ fatal: true, verdict: 'fail', errorCount: 1 });
    expect(binary.html).toContain('文件看起来是二进制文件');
    const notWord = answerOf(await upload('草稿.docx', Buffer.from('PK\u0003\u0004 not really a zip')));
    expect(notWord.fatal).toBe(true);
    expect(notWord.html).toContain('不是可读取的 .docx 文件');
    const empty = answerOf(await upload('空.txt', Buffer.alloc(0)));
    expect(empty.html).toContain('文件为空');
  });

  test('HTML and script in the name and the text come back escaped, in the page part and in the report', async () => {
    const name = '<img src=x onerror=alert(1)>"\'.html';
    const text = '<script>alert("x")</script><img src=x onerror=alert(2)>\n一、总体情况\n<iframe src="javascript:alert(3)"></iframe>\n';
    const a = answerOf(await upload(name, Buffer.from(text)));
    expect(a.name).toBe("_img src=x onerror=alert(1)__'.html");
    for (const html of [a.html, a.report]) {
      // Only the report's own elements, and no event-handler attribute inside any tag.
      const tags = new Set([...html.matchAll(/<([a-z][a-z0-9]*)/gi)].map((m) => m[1].toLowerCase()));
      expect([...tags].filter((tag) => !REPORT_TAGS.has(tag))).toEqual([]);
      expect(html).not.toMatch(/<[a-z][^>]*\son\w+=/i);
      expect(html).toContain('onerror=alert(1)'); // as text
    }
    const asText = answerOf(await upload('草稿.txt', Buffer.from(text)));
    expect(asText.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(asText.report).not.toMatch(/<(script|img|iframe)\b/i);
  });

  test('a name is never a path: separators, dots and controls are dropped, and nothing is written', async () => {
    expect(safeName('../../etc/passwd', 'zh-CN')).toBe('passwd');
    expect(safeName('..\\..\\Windows\\win.ini', 'zh-CN')).toBe('win.ini');
    expect(safeName('..', 'zh-CN')).toBe('粘贴的文本.txt');
    expect(safeName('.gianrc', 'en')).toBe('gianrc');
    expect(safeName('a\u0000b\u202e.txt', 'zh-CN')).toBe('a_b_.txt');
    expect(safeName(`${'长'.repeat(300)}.docx`, 'zh-CN')).toHaveLength(120);
    const r = answerOf(await upload('../../../../etc/passwd', Buffer.from('一、总体情况\n')));
    expect(r.name).toBe('passwd');
    expect(readdirSync(office)).toEqual(['.gianrc']);
  });
});

describe('requests from other sites (CSRF, DNS rebinding)', () => {
  test('no token, a wrong token, a foreign Origin or a cross-site fetch: 403, nothing linted', async () => {
    const body = Buffer.from('一、总体情况\n');
    expect((await upload('a.txt', body, { 'X-Gia-Token': '' })).status).toBe(403);
    expect((await upload('a.txt', body, { 'X-Gia-Token': 'x'.repeat(desk.token.length) })).status).toBe(403);
    expect((await upload('a.txt', body, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await upload('a.txt', body, { Origin: 'null' })).status).toBe(403);
    expect((await upload('a.txt', body, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await upload('a.txt', body)).status).toBe(200);
  });

  test('GET never lints (405), a foreign Host is refused (421), unknown paths are 404', async () => {
    expect((await send('GET', '/api/lint')).status).toBe(405);
    expect((await send('GET', '/', { Host: 'evil.example' })).status).toBe(421);
    expect((await send('GET', '/', { Host: `attacker.example:${base.port}` })).status).toBe(421);
    expect((await send('GET', '/../../etc/passwd')).status).toBe(404);
    expect((await send('GET', '/.gianrc')).status).toBe(404);
    // A path is a path, never read as a URL with a host in it.
    expect((await send('GET', '//evil.example/')).status).toBe(404);
    expect((await send('POST', '//x/api/lint', { 'X-Gia-Token': desk.token }, Buffer.from('x'))).status).toBe(404);
    expect((await send('GET', '/?x=1')).status).toBe(200);
  });

  test('every answer carries a CSP that allows nothing from elsewhere, and the page carries the token', async () => {
    const r = await send('GET', '/');
    expect(r.headers['content-security-policy']).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
    );
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.body).toContain(`<meta name="gia-token" content="${desk.token}">`);
    expect(r.body).not.toMatch(/<script>|\son\w+=|https?:\/\/(?!127\.0\.0\.1)/);
    expect((await send('GET', '/app.js')).headers['content-security-policy']).toBeDefined();
  });
});

describe('limits on what the server holds', () => {
  test('at most 4 uploads are received at once; a fifth is told to wait (503); a freed slot is used again', async () => {
    // Four uploads that send their headers and then stall, holding their slots.
    const stalled = Array.from({ length: 4 }, () => {
      const req = request({
        host: base.hostname,
        port: base.port,
        method: 'POST',
        path: '/api/lint',
        headers: { Host: base.host, 'X-Gia-Token': desk.token, 'Content-Length': 10 },
      });
      req.on('error', () => undefined);
      req.write('一、');
      return req;
    });
    await until(() => desk.uploadsInFlight() === 4);
    const fifth = await upload('a.txt', Buffer.from('一、总体情况\n'));
    expect(fifth.status).toBe(503);
    expect(JSON.parse(fifth.body).error).toBe('正在检查其他文件，请稍后再试');
    for (const req of stalled) req.destroy();
    await until(() => desk.uploadsInFlight() === 0);
    expect((await upload('a.txt', Buffer.from('一、总体情况\n'))).status).toBe(200);
  });
});

describe("last year's reports", () => {
  test("--previous-dir: the page names the folder; each draft is paired with its own organ's report and compared", async () => {
    const { cpSync, readFileSync } = await import('node:fs');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gia-serve-prev-'));
    cpSync('test/cases/copied-report/previous/2023.md', path.join(dir, '往年', '2023.md'));
    const paired = await startDesk({ cwd: dir, port: 0, host: '127.0.0.1', lint: { overrideConfig: { previousDir: '往年' } } });
    const url = new URL(await paired.listen());
    const post = (name: string, body: Buffer) =>
      new Promise<LintAnswer>((resolve) => {
        const req = request(
          {
            host: url.hostname,
            port: url.port,
            method: 'POST',
            path: '/api/lint',
            headers: { Host: url.host, 'X-Gia-Token': paired.token, 'X-File-Name': encodeURIComponent(name) },
          },
          (res) => {
            let text = '';
            res.on('data', (c: Buffer) => (text += c.toString()));
            res.on('end', () => resolve(JSON.parse(text) as LintAnswer));
          },
        );
        req.end(body);
      });
    try {
      const page = await new Promise<string>((resolve) => {
        request({ host: url.hostname, port: url.port, path: '/', headers: { Host: url.host } }, (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve(body));
        }).end();
      });
      expect(page).toContain('从文件夹 往年 中按机关自动配对');
      // The case file without its expectation markers (test/support/case-markers.ts).
      const draft = parseCase(readFileSync('test/cases/copied-report/copied-2024.md', 'utf8')).text;
      const same = await post('2024.md', Buffer.from(draft));
      expect(same.previous).toBe(path.join('往年', '2023.md'));
      expect(same.html).toContain('copied-report');
      const other = await post('其他.md', Buffer.from(draft.replaceAll('临江市民政局', '临江市财政局')));
      expect(other.previous).toBeNull();
    } finally {
      await new Promise((resolve) => paired.server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the page in English', () => {
  test('--locale en: the page, and the problems, in English', async () => {
    const en = await startDesk({ cwd: office, port: 0, host: '127.0.0.1', locale: 'en', lint: { overrideConfig: { locale: 'en' } } });
    const url = new URL(await en.listen());
    try {
      const page = await new Promise<string>((resolve) => {
        request({ host: url.hostname, port: url.port, path: '/', headers: { Host: url.host } }, (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve(body));
        }).end();
      });
      expect(page).toContain('<html lang="en">');
      expect(page).toContain('<title>Annual information disclosure report check</title>');
      expect(page).toContain('Config file .gianrc');
    } finally {
      await new Promise((resolve) => en.server.close(resolve));
    }
  });
});

describe('a Word file goes through the same reader and limits as the CLI', () => {
  test('a small generated .docx is read, and its corrected copy is a Word file with the fix written in', async () => {
    const doc = new Document({
      sections: [
        { children: [new Paragraph('某局2024年政府信息公开工作年度报告'), new Paragraph('本报告中所列数据的统计期限自2023年1月1日起至2024年12月31日止。')] },
      ],
    });
    const a = answerOf(await upload('报告.docx', await Packer.toBuffer(doc)));
    expect(a.fatal).toBe(false);
    expect(a.html).toContain('statistics-period');
    expect(a.fixed?.name).toBe('报告-已修正.docx');
    const again = await lintBuffer(Buffer.from(a.fixed!.base64, 'base64'), { filePath: 'r.docx', useConfigFile: false, includeSource: true });
    expect(again.fatalErrorCount).toBe(0);
    expect(again.source).toContain('统计期限自2024年1月1日起至2024年12月31日止');
    expect(again.messages.filter((m) => m.ruleId === 'statistics-period')).toEqual([]);
  });
});
