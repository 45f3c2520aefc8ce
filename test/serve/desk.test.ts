/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type CDPSession, type Page } from 'puppeteer-core';
import { lintBuffer, lintText } from '../../src/api.js';
import { canRender, CHROMIUM, INK, pixelCounts } from '../support/chromium.js';
import { BIN } from '../support/spawn-cli.js';

/**
 * `gia-lint serve` as an official uses it: the real command started in an office folder with its
 * .gianrc, Debian's chromium driven through puppeteer-core (no browser download), a Word draft
 * derived from a real report with planted problems dropped in, the page read, the corrected file
 * and the report downloaded. In CI a missing browser is a failure (.ci/run installs chromium).
 */
const run = canRender ? describe : describe.skip;
const DOCX = path.resolve('test/serve/fixtures/planted-2021.docx');
const SEED = path.resolve('test/seeds/004_bc5b5ef1e8a4c928.txt');

const tmp = mkdtempSync(path.join(os.tmpdir(), 'gia-serve-'));
const office = path.join(tmp, '办公室');
const uploads = path.join(tmp, 'uploads');
const downloads = path.join(tmp, 'downloads');

let server: ChildProcess | undefined;
let url = '';
let browser: Browser | undefined;
let page: Page;
let cdp: CDPSession;
const cspErrors: string[] = [];
const foreignRequests: string[] = [];

/** The file Chromium saved for the next download, by its suggested name. */
function nextDownload(): Promise<{ name: string; bytes: Buffer }> {
  return new Promise((resolve) => {
    let name = '';
    let guid = '';
    const begin = (e: { guid: string; suggestedFilename: string }) => {
      guid = e.guid;
      name = e.suggestedFilename;
    };
    const progress = (e: { guid: string; state: string }) => {
      if (e.guid !== guid || e.state !== 'completed') return;
      cdp.off('Browser.downloadWillBegin', begin);
      cdp.off('Browser.downloadProgress', progress);
      resolve({ name, bytes: readFileSync(path.join(downloads, guid)) });
    };
    cdp.on('Browser.downloadWillBegin', begin);
    cdp.on('Browser.downloadProgress', progress);
  });
}

run('gia-lint serve in headless Chromium', () => {
  beforeAll(async () => {
    for (const d of [office, uploads, downloads]) mkdirSync(d, { recursive: true });
    // The office's config: web-page leftovers are its own concern, and the page must say it applies.
    writeFileSync(path.join(office, '.gianrc'), '{ "rules": { "web-artifacts": "off" } }\n');
    writeFileSync(path.join(uploads, '2021年度报告.txt'), readFileSync(SEED, 'utf8').replace('统计期限从 2021 年', '统计期限从 2020 年'));
    writeFileSync(
      path.join(uploads, '<img src=x onerror="window.__pwned=1">.txt'),
      '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">\n一、总体情况\n',
    );

    server = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { cwd: office, stdio: ['ignore', 'pipe', 'pipe'] });
    url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server!.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
        if (m) resolve(m[0]);
      });
      server!.on('exit', (code) => reject(new Error(`gia-lint serve exited with ${code}: ${out}`)));
    });

    browser = await puppeteer.launch({
      executablePath: CHROMIUM!,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
    });
    page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 1600 });
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
    });
    page.on('request', (r) => {
      if (!r.url().startsWith(url) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) foreignRequests.push(r.url());
    });
    cdp = await page.createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allowAndName', downloadPath: downloads, eventsEnabled: true });
    await page.goto(url, { waitUntil: 'load' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    server?.kill('SIGTERM');
    rmSync(tmp, { recursive: true, force: true });
  });

  test('the page is in Chinese, names the office folder and its .gianrc, and loads nothing from elsewhere', async () => {
    expect(await page.$eval('html', (e) => e.lang)).toBe('zh-CN');
    expect(await page.$eval('h1', (e) => e.textContent)).toBe('政府信息公开工作年度报告检查');
    expect(await page.$eval('#config', (e) => e.textContent)).toBe('使用配置文件 .gianrc');
    expect(await page.$eval('dl.setup', (e) => e.textContent)).toContain(office);
  });

  test('keyboard: Tab reaches the file chooser, the paste box and its button, in that order', async () => {
    const seen: string[] = [];
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      seen.push(await page.evaluate(() => document.activeElement?.id ?? ''));
    }
    const order = ['files', 'paste', 'check-paste'].map((id) => seen.indexOf(id));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  test('a Word draft and a text draft dropped in: verdict, problems highlighted with message and basis, the wrong cell marked', async () => {
    const input = await page.$('input#files');
    await input!.uploadFile(DOCX, path.join(uploads, '2021年度报告.txt'));
    await page.waitForFunction(() => document.querySelectorAll('article.result').length === 2);

    const docx = await page.$$eval('article.result', (as) => {
      const a = as.find((x) => x.querySelector('h3')?.textContent === 'planted-2021.docx')!;
      return {
        verdict: a.getAttribute('data-verdict'),
        verdictText: a.querySelector('.verdict')?.textContent,
        notes: [...a.querySelectorAll('.note')].map((n) => n.textContent ?? ''),
        // Marks in the Word tables, drawn as tables: the cell's text and the row's first cell.
        cells: [...a.querySelectorAll('table.cells td mark.error')].map((m) => ({
          text: m.firstChild?.textContent,
          row: m.closest('tr')?.querySelector('td')?.textContent,
        })),
        fixButton: a.querySelector('.download-fixed') !== null,
        parts: [...a.querySelectorAll('h3.part')].map((h) => h.textContent),
      };
    });
    expect(docx.parts).toEqual([
      '标题和引言',
      '二、行政机关主动公开政府信息情况 · 表二（主动公开政府信息情况）',
      '三、行政机关收到和处理政府信息公开申请情况 · 表三（收到和处理政府信息公开申请情况）',
      '四、政府信息公开行政复议、行政诉讼情况 · 表四（行政复议、行政诉讼情况）',
      '六、其他需要报告的事项',
    ]);
    expect(docx.verdict).toBe('fail');
    expect(docx.verdictText).toBe('未通过：发现 4 个错误、4 个警告，请修改后再发布。');
    // The .gianrc turned web-artifacts off; everything else is there, each with its legal basis.
    expect(docx.notes.some((n) => n.includes('web-artifacts'))).toBe(false);
    const sum = docx.notes.find((n) => n.includes('「一、本年新收政府信息公开申请数量」行的「总计」应为 5'));
    expect(sum).toContain('依据：国办公开办函〔2021〕30号');
    expect(docx.notes.some((n) => n.includes('「行政复议·总计」应为 2'))).toBe(true);
    expect(docx.notes.some((n) => /统计时限「[^」]*2020 ?年[^」]*」与报告年度 2021 年不符/.test(n))).toBe(true);
    // The Word table is drawn as a table, and the wrong total cell (0) is the one marked.
    expect(docx.cells).toContainEqual({ text: '0', row: '一、本年新收政府信息公开申请数量' });
    expect(docx.fixButton).toBe(true);

    const txt = await page.$$eval('article.result', (as) => {
      const a = as.find((x) => x.querySelector('h3')?.textContent === '2021年度报告.txt')!;
      return { verdict: a.getAttribute('data-verdict'), remedies: [...a.querySelectorAll('.problems .remedy')].map((r) => r.textContent) };
    });
    expect(txt.verdict).toBe('fail');
    expect(txt.remedies).toEqual(expect.arrayContaining(['建议改为「2021」', '建议改为「本年废止件数」']));
    expect(await page.$eval('#status', (e) => e.textContent)).toBe('已检查 2 个文件：0 个通过，2 个未通过。');
    // The first result of the choice has the focus: a keyboard user goes on from there.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('planted-2021.docx');
  }, 60_000);

  test('download the corrected text file (Enter on the button): its own encoding, the fixes applied', async () => {
    const got = nextDownload();
    await page.focus('article.result:nth-of-type(2) .download-fixed');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('下载修正后的文件');
    await page.keyboard.press('Enter');
    const file = await got;
    expect(file.name).toBe('2021年度报告-已修正.txt');
    const text = file.bytes.toString('utf8');
    expect(text).toContain('统计期限从 2021 年 1 月 1 日');
    expect(text).toContain('本年废止件数');
    const again = await lintText(text, { filePath: 'r.txt', useConfigFile: false });
    expect(again.messages.filter((m) => m.fix)).toEqual([]);
  }, 60_000);

  test('download the corrected Word draft: a .docx with the fixes written in', async () => {
    const got = nextDownload();
    await page.click('article.result:nth-of-type(1) .download-fixed');
    const file = await got;
    expect(file.name).toBe('planted-2021-已修正.docx');
    const again = await lintBuffer(file.bytes, { filePath: 'r.docx', useConfigFile: false });
    expect(again.fatalErrorCount).toBe(0);
    const rules = again.messages.map((m) => m.ruleId);
    // The year of the 统计期限 and the official column wordings are fixed; the sums need a person.
    expect(rules).not.toContain('statistics-period');
    expect(rules).not.toContain('table-labels');
    expect(rules.filter((r) => r === 'table-sum')).toHaveLength(2);
  }, 60_000);

  test('download the report of the Word draft: the self-contained HTML report', async () => {
    const got = nextDownload();
    await page.click('article.result:nth-of-type(1) .download-report');
    const file = await got;
    expect(file.name).toBe('planted-2021-检查报告.html');
    const report = file.bytes.toString('utf8');
    expect(report.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(report).toContain('未通过：发现 4 个错误');
    expect(report).not.toMatch(/<script|<link|\bsrc=/i);
  }, 60_000);

  test('a file with HTML and script in its name and text is shown as text, nothing runs', async () => {
    const input = await page.$('input#files');
    await input!.uploadFile(path.join(uploads, '<img src=x onerror="window.__pwned=1">.txt'));
    await page.waitForFunction(() => document.querySelectorAll('article.result').length === 3);
    const shown = await page.$eval('article.result:nth-of-type(3)', (a) => ({
      name: a.querySelector('h3')?.textContent,
      text: a.querySelector('.src')?.textContent ?? '',
      imgs: a.querySelectorAll('img, script').length,
    }));
    expect(shown.name).toBe('_img src=x onerror=_window.__pwned=1__.txt');
    expect(shown.text).toContain('<script>window.__pwned=1</script>');
    expect(shown.imgs).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  }, 60_000);

  test('pasted text is checked like a file', async () => {
    await page.type('#paste', '某局2024年政府信息公开工作年度报告\n本报告中所列数据的统计期限自2023年1月1日起至2024年12月31日止。\n');
    await page.click('#check-paste');
    await page.waitForFunction(() => document.querySelectorAll('article.result').length === 4);
    const pasted = await page.$eval('article.result:nth-of-type(4)', (a) => ({ name: a.querySelector('h3')?.textContent, html: a.innerHTML }));
    expect(pasted.name).toBe('粘贴的文本.txt');
    expect(pasted.html).toContain('statistics-period');
  }, 60_000);

  test('at 200 % zoom the page reflows without sideways scrolling; a screenshot is drawn, not blank; no CSP violation', async () => {
    await page.setViewport({ width: 640, height: 800, deviceScaleFactor: 2 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.evaluate(() => document.querySelector('article.result')?.scrollIntoView());
    const shot = Buffer.from(await page.screenshot({ type: 'png' }));
    if (process.env.GIA_SERVE_SHOT) writeFileSync(process.env.GIA_SERVE_SHOT, shot);
    const { width, height, counts } = pixelCounts(shot, { ink: INK, red: (r, g, b) => r > 180 && g < 70 && b < 70 });
    expect([width, height]).toEqual([1280, 1600]);
    expect(counts.ink / (width * height)).toBeGreaterThan(0.05);
    expect(counts.red).toBeGreaterThan(1000);
    expect(cspErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  }, 60_000);
});
