/**
 * The PDF reader on real converter output (test/fixtures/pdf/, made by scripts/make-pdf-fixtures.mjs:
 * a .docx through LibreOffice, a portal article through Chromium with its running header and
 * footer, a scan) and on bad input. The reading thread runs from the build
 * ('dist/formats/pdf-worker.js', made by `npm test`): `npm run test:unit` leaves this suite out.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintBuffer, lintFiles } from '../../src/api.js';
import type { LintResult } from '../../src/engine/types.js';
import { parsePdf } from '../../src/formats/pdf.js';
import type { PdfDocument } from '../../src/formats/pdf-layout.js';
import type { TableBlock } from '../../src/model/document.js';
import { sarif } from '../../src/reporters/sarif.js';
import { stylish } from '../../src/reporters/stylish.js';
import { runCli } from '../support/cli.js';
import { expectInside } from '../support/positions.js';
import { encryptedPdf, manyPagesPdf } from '../support/pdf-bytes.js';
import { findingKey } from './support.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/pdf/', import.meta.url));
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));

async function lint(name: string): Promise<LintResult> {
  return lintBuffer(fixture(name), { filePath: path.join(FIXTURES, name), useConfigFile: false, includeSource: true });
}

/** rule/messageId, the message, and the text the finding points at (whitespace dropped). */
function findings(r: LintResult): string[] {
  return r.messages.map((m) => `${findingKey(m, r.source!)} ${m.message.replace(/（第 \d+ 行）/g, '')}`).sort();
}

async function read(name: string): Promise<PdfDocument> {
  const r = await parsePdf(fixture(name));
  if (!r.ok) throw new Error(`${name}: ${r.problem} ${r.detail}`);
  return r.document;
}

function tables(doc: PdfDocument): TableBlock[] {
  return doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
}

describe('a PDF gives the findings of the document it was printed from', () => {
  test('LibreOffice: word-2024.pdf and word-2024.docx (a row total, the balance it breaks, the period of the wrong year)', async () => {
    const [pdf, docx] = [await lint('word-2024.pdf'), await lint('word-2024.docx')];
    expect(findings(pdf)).toEqual(findings(docx));
    expect(pdf.messages.map((m) => m.ruleId).sort()).toEqual(['application-balance', 'statistics-period', 'table-sum']);
    expectInside(pdf.messages, pdf.source!);
  }, 30000);

  test("Chromium: web-2023.pdf and web-2023.html (table 四's 行政复议 total off by one)", async () => {
    const [pdf, html] = [await lint('web-2023.pdf'), await lint('web-2023.html')];
    expect(findings(pdf)).toEqual(findings(html));
    expect(pdf.messages.map((m) => m.ruleId)).toEqual(['table-sum']);
  }, 30000);

  test('a table published as a picture in a text PDF: the image-table warning, nothing else', async () => {
    const r = await lint('image-table-2023.pdf');
    expect(r.messages.map((m) => [m.ruleId, m.messageId, m.message.split('（依据')[0]])).toEqual([
      ['table-structure', 'imageTable', '表三（收到和处理政府信息公开申请情况）以图片形式发布，无法核对'],
    ]);
  }, 30000);

  test('each message names its page and the line on that page; JSON and SARIF carry them', async () => {
    const r = await lint('word-2024.pdf');
    const period = r.messages.find((m) => m.ruleId === 'statistics-period')!;
    expect({ page: period.page, pageLine: period.pageLine }).toEqual({ page: 1, pageLine: 7 });
    // The row total is in table 三, which starts on page 1 and goes on over the page.
    const sum = r.messages.find((m) => m.ruleId === 'table-sum')!;
    expect(sum.page).toBe(2);
    const log = JSON.parse(sarif([r], { cwd: FIXTURES, rulesMeta: new Map() } as never));
    const props = log.runs[0].results.map((x: { properties?: object }) => x.properties);
    expect(props).toContainEqual({ page: 2, pageLine: sum.pageLine });
    // The default output shows the place in the PDF beside the view's line:column.
    const shown = stylish([r], { cwd: FIXTURES, locale: 'zh-CN', color: false } as never);
    expect(shown).toMatch(new RegExp(`${period.line}:${period.column}  第1页第7行 +错误  统计时限`));
  }, 30000);
});

describe('tables are rebuilt from the ruling lines', () => {
  let word: PdfDocument;
  let web: PdfDocument;
  beforeAll(async () => {
    word = await read('word-2024.pdf');
    web = await read('web-2023.pdf');
  }, 30000);

  const applications = (doc: PdfDocument) => tables(doc).find((t) => t.rows.some((r) => r.cells.some((c) => c.text === '（七）总计')))!;

  test('table 三 is one table across the page break, its vertical label one cell spanning its rows', () => {
    for (const doc of [word, web]) {
      const t = applications(doc);
      const label = t.rows.flatMap((r) => r.cells).find((c) => c.text === '三、本年度办理结果');
      expect(label?.rowSpan).toBe(22);
      // No character of the label spilled into a row of its own.
      expect(t.rows.flatMap((r) => r.cells).filter((c) => /^[三本年度办理结果、]$/.test(c.text))).toEqual([]);
      expect(t.rows[t.rows.length - 1].cells.map((c) => c.text)[0]).toBe('四、结转下年度继续办理');
    }
    const rowPages = new Set(applications(word).rows.map((r) => word.pages[word.source.positionAt(r.span.start).line - 1].page));
    expect(rowPages.size).toBeGreaterThan(1);
  });

  test('labels wrapped inside their cells are one label; the header cell broken by the page is one cell', () => {
    const cells = applications(word).rows.flatMap((r) => r.cells.map((c) => c.text));
    expect(cells).toEqual(
      expect.arrayContaining([
        '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
        '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
        '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
        '社会公益组织',
      ]),
    );
  });

  test("Chromium's running header (date, title) and footer (address, page x/y) are not content", () => {
    const text = web.source.text;
    expect(text).not.toMatch(/file:\/\//);
    expect(text).not.toMatch(/^\s*\d+\/\d+\s*$/m);
    expect(text.split('\n')[0]).toBe('临江市人民政府外事办公室2023年政府信息公开工作年度报告');
  });
});

describe('PDFs that cannot be checked: one fatal message each, and the batch goes on', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'gia-pdf-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a scan, a truncated file, an encrypted file, a 10,000-page bomb and garbage behind a %PDF header', async () => {
    const good = fixture('word-2024.pdf');
    writeFileSync(path.join(dir, 'scan.pdf'), fixture('scan.pdf'));
    writeFileSync(path.join(dir, 'truncated.pdf'), good.subarray(0, Math.floor(good.length * 0.6)));
    writeFileSync(path.join(dir, 'encrypted.pdf'), encryptedPdf());
    writeFileSync(path.join(dir, 'bomb.pdf'), manyPagesPdf(10000));
    writeFileSync(
      path.join(dir, 'garbage.pdf'),
      Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)), Buffer.from('\n%%EOF\n')]),
    );
    writeFileSync(path.join(dir, 'zz-good.pdf'), good);
    const results = await lintFiles([dir], { useConfigFile: false });
    const byName = Object.fromEntries(results.map((r) => [path.basename(r.filePath), r.messages]));
    const fatal = (name: string) => {
      expect(byName[name]).toHaveLength(1);
      expect(byName[name][0]).toMatchObject({ fatal: true, ruleId: null, line: 1, column: 1 });
      return byName[name][0].message;
    };
    expect(fatal('scan.pdf')).toBe('扫描件，没有文字层，无法检查；请提供可复制文字的 PDF 或 Word 文件');
    expect(fatal('truncated.pdf')).toMatch(/^不是可读取的 PDF 文件（truncated/);
    expect(fatal('encrypted.pdf')).toMatch(/^PDF 已加密/);
    expect(fatal('bomb.pdf')).toBe('PDF 共 10000 页（上限 300 页），不像是年度报告，未检查');
    expect(fatal('garbage.pdf')).toMatch(/^不是可读取的 PDF 文件/);
    expect(byName['zz-good.pdf'].map((m) => m.ruleId).sort()).toEqual(['application-balance', 'statistics-period', 'table-sum']);
  }, 60000);

  test('the reading thread is stopped at its time and memory limits, and the next PDF is read by a new one', async () => {
    const good = fixture('word-2024.pdf');
    const slow = await parsePdf(good, { timeoutMs: 1 });
    expect(slow).toMatchObject({ ok: false, problem: 'tooBig', detail: 'more than 1 ms' });
    const greedy = await parsePdf(good, { maxHeapMb: 4 });
    expect(greedy).toMatchObject({ ok: false, problem: 'tooBig' });
    expect((await parsePdf(good)).ok).toBe(true);
  }, 60000);

  test('in English', async () => {
    const r = await lintBuffer(encryptedPdf(), { filePath: 'x.pdf', useConfigFile: false, overrideConfig: { locale: 'en' } });
    expect(r.messages.map((m) => m.message)).toEqual(['The PDF is encrypted (a password is needed to open it); provide an unencrypted file']);
  });
});

describe('--print-text', () => {
  test('prints the view a PDF is read as: page markers, view line, page:line, and the line a message points at', async () => {
    const view = await runCli(['--print-text', 'word-2024.pdf'], { cwd: FIXTURES });
    expect(view.code).toBe(0);
    const lines = view.stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual(['word-2024.pdf', '—— 第 1 页 ——', expect.stringMatching(/^ 1\t1:1\t临江市人民政府外事办公室2024年/)]);
    expect(lines).toContain('—— 第 2 页 ——');
    // The statistics-period message points at view line 7, page 1 line 7: that line holds the sentence.
    const r = await lint('word-2024.pdf');
    const m = r.messages.find((x) => x.ruleId === 'statistics-period')!;
    const printed = lines.find((l) => l.startsWith(` ${m.line}\t`))!;
    const [, place, text] = printed.split('\t');
    expect(place).toBe(`${m.page}:${m.pageLine}`);
    expect(text.slice(m.column - 1)).toMatch(/^数据的统计/);
  }, 30000);
});
