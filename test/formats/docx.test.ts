import { describe, expect, test } from '@jest/globals';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { lintBuffer } from '../../src/api.js';
import { formatResults } from '../../src/reporters/index.js';
import { parseDocx } from '../../src/formats/docx.js';
import { generateDocx } from '../support/generate.js';

const cell = (t: string, o: { rowSpan?: number; columnSpan?: number } = {}) => new TableCell({ children: [new Paragraph(t)], ...o });

async function tiny(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph('某局2024年政府信息公开工作年度报告'),
          new Paragraph(''),
          new Paragraph({ children: [new TextRun('第一行'), new TextRun({ text: '软回车后', break: 1 })] }),
          new Table({ rows: [new TableRow({ children: [cell('角', { rowSpan: 2 }), cell('a')] }), new TableRow({ children: [cell('')] })] }),
          new Paragraph('本报告中所列数据的统计期限自2023年1月1日起至2024年12月31日止。'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

describe('.docx processor', () => {
  test('the view has one line per Word paragraph: empty paragraphs and table cells count, a soft break does not', async () => {
    const r = await parseDocx(await tiny());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.document.source.text.split('\n')).toEqual([
      '某局2024年政府信息公开工作年度报告',
      '',
      '第一行 软回车后',
      '角',
      'a',
      '', // the empty cell
      '本报告中所列数据的统计期限自2023年1月1日起至2024年12月31日止。',
      '',
    ]);
    const [t] = r.document.blocks.filter((b) => b.kind === 'table');
    expect(t.kind === 'table' && t.rows[0].cells[0].rowSpan).toBe(2);
  });

  test('positions are paragraph number : offset in the paragraph + 1, and no fix is offered for the binary file', async () => {
    const result = await lintBuffer(await tiny(), { filePath: 'x.docx', useConfigFile: false });
    const m = result.messages.find((x) => x.ruleId === 'statistics-period')!;
    expect(m.line).toBe(7);
    expect(m.column).toBe('本报告中所列'.length + 1);
    expect(m.fix).toBeUndefined();
    expect(result.fixableErrorCount).toBe(0);
  });

  test('a generated report as .docx is read completely and silently', async () => {
    const result = await lintBuffer(await generateDocx({ year: 2024, seed: 2 }), { filePath: 'r.docx', useConfigFile: false });
    expect(result.messages).toEqual([]);
  });

  test('a truncated .docx, a text file named .docx and an empty .docx are one fatal message each', async () => {
    const good = await tiny();
    for (const [bytes, re] of [
      [good.subarray(0, Math.floor(good.length / 2)), /不是可读取的 \.docx 文件/],
      [Buffer.from('一、总体情况\n'), /不是可读取的 \.docx 文件/],
      [Buffer.alloc(0), /文件为空/],
    ] as const) {
      const result = await lintBuffer(bytes, { filePath: 'bad.docx', useConfigFile: false });
      expect(result.messages).toHaveLength(1);
      expect(result.messages[0]).toMatchObject({ fatal: true, ruleId: null, line: 1, column: 1 });
      expect(result.messages[0].message).toMatch(re);
      expect(result.messages[0].message).not.toMatch(/\n\s+at /);
    }
  });

  test('a zip bomb is refused from its declared sizes, before anything is inflated', async () => {
    const { default: JSZip } = await import('jszip');
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document>' + '0'.repeat(3 * 2 ** 20) + '</w:document>');
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(50_000); // 3 MiB of zeros packs into a few KiB
    const result = await parseDocx(bomb, 2 ** 20);
    expect(result).toEqual({ ok: false, detail: 'unpacks to 3 MiB (more than 1 MiB)' });
    // Within the limit the same container is read (and found not to be a Word document).
    expect((await parseDocx(bomb, 8 * 2 ** 20)).ok).toBe(false);
    expect(await parseDocx(bomb, 8 * 2 ** 20)).not.toEqual(result);
  });

  test('stdin bytes without a name are recognized as .docx by the zip signature', async () => {
    const result = await lintBuffer(await tiny(), { useConfigFile: false });
    expect(result.messages.some((m) => m.ruleId === 'statistics-period' && m.line === 7)).toBe(true);
  });

  test('the html report names a .docx position by its paragraph (第 N 段), a text file by line and column', async () => {
    const docx = await lintBuffer(await tiny(), { filePath: '/r/x.docx', useConfigFile: false, includeSource: true });
    expect(docx.format).toBe('docx');
    const html = formatResults('html', [docx], { cwd: '/r', locale: 'zh-CN', color: false });
    expect(html).toContain('>第 7 段<');
    expect(html).not.toContain('第 7 行第');
    const en = formatResults('html', [docx], { cwd: '/r', locale: 'en', color: false });
    expect(en).toContain('>paragraph 7<');
    const text = await lintBuffer(Buffer.from('本报告中所列数据的统计期限自2023年1月1日起至2024年12月31日止。\n'), {
      filePath: '/r/x.txt',
      useConfigFile: false,
      includeSource: true,
    });
    expect(
      formatResults('html', [{ ...text, messages: [{ ruleId: 'x', severity: 2, message: 'm', line: 1, column: 14 }] }], {
        cwd: '/r',
        locale: 'zh-CN',
        color: false,
      }),
    ).toContain('>第 1 行第 14 列<');
  });

  test('messages quote the text exactly as the document has it (spaces included, across runs), so Ctrl+F finds it', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph('某局2024年政府信息公开工作年度报告'),
            new Paragraph({ children: [new TextRun('本报告中所列数据的统计期限自 2023 年 1 月'), new TextRun(' 1 日起至2024年12月31日止。')] }),
            new Paragraph('一、总体情况'),
            new Paragraph({ children: [new TextRun('本机关全年未收取 任何'), new TextRun('费用。')] }),
            new Paragraph('二、主动公开政府信息情况'),
            new Table({ rows: [new TableRow({ children: [cell('行政事业性收费'), cell('2.5')] })] }),
          ],
        },
      ],
    });
    const result = await lintBuffer(await Packer.toBuffer(doc), { filePath: '/r/q.docx', useConfigFile: false });
    const period = result.messages.find((m) => m.ruleId === 'statistics-period')!;
    expect(period.message).toContain('「数据的统计期限自 2023 年 1 月 1 日起至2024年12月31日止」');
    const fee = result.messages.find((m) => m.ruleId === 'zero-fee-conflict')!;
    expect(fee.message).toContain('「未收取 任何费用」');
    // The figure it contradicts is named by its paragraph, as Word users count, not as a "line".
    expect(fee.message).toMatch(/（第 \d+ 段）/);
  });
});
