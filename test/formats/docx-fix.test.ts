/**
 * --fix for .docx: a fix whose text lies within one run of word/document.xml is written into the
 * file (atomically, by outputFixes); one that crosses runs is left, and its message says to make
 * it by hand. The fixed file must open in LibreOffice and show the fixed text there.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { lintBuffer, outputFixes } from '../../src/api.js';
import { docxFormat, parseDocx } from '../../src/formats/docx.js';
import { generateBytes } from '../support/generate.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'gia-docx-fix-'));
  dirs.push(d);
  return d;
}

/** A small report whose 统计期限 paragraph is written in the given runs. */
async function report(periodRuns: string[]): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph('某局2024年政府信息公开工作年度报告'),
          new Paragraph({ children: periodRuns.map((t) => new TextRun(t)) }),
          new Paragraph('一、总体情况'),
          new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('信息内容')] })] })] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

const opts = { useConfigFile: false, fix: true } as const;
const period = (r: { messages: { ruleId: string | null; message: string }[] }) => r.messages.filter((m) => m.ruleId === 'statistics-period');

/** What LibreOffice reads from the file: the text of the converted .txt. */
function libreOfficeText(file: string): string {
  const dir = path.dirname(file);
  execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', dir, file], {
    stdio: 'ignore',
    timeout: 120_000,
  });
  return readFileSync(file.replace(/\.docx$/, '.txt'), 'utf8');
}

describe('--fix writes into a .docx', () => {
  test('a year within one run is rewritten in that run; the file is written atomically and opens in LibreOffice with the fixed text', async () => {
    const before = await report(['本报告中所列数据的统计期限自 2023 年 1 月', ' 1 日起至2024年12月31日止。']);
    const dir = tempDir();
    const file = path.join(dir, '报告.docx');
    writeFileSync(file, before);
    const result = await lintBuffer(before, { ...opts, filePath: file });
    expect(period(result)).toEqual([]);
    expect(result.outputBytes).toBeDefined();
    // The json format shows the fixed text view as `output`.
    expect(result.output).toContain('统计期限自 2024 年 1 月 1 日起至2024年12月31日止');
    expect(await outputFixes([result])).toEqual([file]);
    const after = readFileSync(file);
    const reread = await parseDocx(after);
    expect(reread.ok && reread.document.source.text.split('\n')[1]).toBe('本报告中所列数据的统计期限自 2024 年 1 月 1 日起至2024年12月31日止。');
    // Only the year changed: every other paragraph reads as before.
    const original = await parseDocx(before);
    const lines = (d: typeof reread) => (d.ok ? d.document.source.text.split('\n') : []);
    expect(lines(reread).filter((_, i) => i !== 1)).toEqual(lines(original).filter((_, i) => i !== 1));
    const text = libreOfficeText(file);
    expect(text).toContain('统计期限自 2024 年 1 月 1 日起至2024年12月31日止');
    expect(text).not.toContain('2023');
  }, 120_000);

  test('a change that crosses runs is not written, and the message says to make it by hand', async () => {
    const before = await report(['本报告中所列数据的统计期限自201', '9年1月1日起至2019年12月31日止。']);
    const result = await lintBuffer(before, { ...opts, filePath: '/r/split.docx' });
    expect(result.outputBytes).toBeUndefined();
    expect(result.output).toBeUndefined();
    const [m] = period(result);
    expect(m.message).toMatch(/（无法自动修复：请在 Word 或 WPS 中手动修改）$/);
    expect(await outputFixes([result])).toEqual([]);
    // Without --fix nothing is said about fixing.
    const plain = await lintBuffer(before, { useConfigFile: false, filePath: '/r/split.docx' });
    expect(period(plain)[0].message).not.toMatch(/手动修改/);
  });

  test('table-labels: an official label typed in one run is corrected in the table cell', async () => {
    // A generated report whose table 三 says （五）不予受理 where the official label is （五）不予处理.
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(await generateBytes({ year: 2024, seed: 3, format: 'docx' }));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('>（五）不予处理<');
    zip.file('word/document.xml', xml.replace('>（五）不予处理<', '>（五）不予受理<'));
    const before = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect((await lintBuffer(before, { useConfigFile: false, filePath: '/r/labels.docx' })).messages.map((m) => m.ruleId)).toContain('table-labels');
    const result = await lintBuffer(before, { ...opts, filePath: '/r/labels.docx' });
    expect(result.messages.filter((m) => m.ruleId === 'table-labels')).toEqual([]);
    const reread = await parseDocx(Buffer.from(result.outputBytes!));
    expect(reread.ok && reread.document.source.text).toContain('（五）不予处理');
    expect(reread.ok && reread.document.source.text).not.toContain('不予受理');
  });

  test('--fix-dry-run leaves the file alone; results of other binary formats are never written', async () => {
    const before = await report(['本报告中所列数据的统计期限自 2023 年 1 月', ' 1 日起至2024年12月31日止。']);
    const dir = tempDir();
    const file = path.join(dir, 'r.docx');
    writeFileSync(file, before);
    // The CLI's --fix-dry-run lints with fix: true and does not call outputFixes.
    await lintBuffer(before, { ...opts, filePath: file });
    expect(readFileSync(file).equals(before)).toBe(true);
    // A .doc result with a text `output` (never produced, but a caller could build one) is not written over the file.
    const doc = path.join(dir, 'r.doc');
    writeFileSync(doc, 'x');
    expect(
      await outputFixes([
        {
          filePath: doc,
          format: 'doc',
          output: 'y',
          messages: [],
          errorCount: 0,
          warningCount: 0,
          fatalErrorCount: 0,
          fixableErrorCount: 0,
          fixableWarningCount: 0,
        },
      ]),
    ).toEqual([]);
    expect(readFileSync(doc, 'utf8')).toBe('x');
    expect(docxFormat.fixes).not.toBe('manual');
  });
});
