/**
 * .doc / .wps (OLE, word-extractor), .odt (content.xml) and .rtf (refused): read as the .docx
 * they were saved from, and bad input of each is one fatal message while the batch goes on.
 * The office files are the committed LibreOffice fixtures of test/formats/office.ts.
 *
 * @unit-loop skip: reads every committed LibreOffice fixture through word-extractor and JSZip (`npm test` runs it).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from '@jest/globals';
import { lintBuffer, lintFiles } from '../../src/api.js';
import type { LintResult } from '../../src/engine/types.js';
import { wordTextToDocument } from '../../src/formats/doc.js';
import { formatById, formatForBytes } from '../../src/formats/index.js';
import { odtFormat } from '../../src/formats/odt.js';
import { generateBytes, generateModel } from '../support/generate.js';
import { removeTempTrees, tempTree } from '../config/tmp.js';
import { OFFICE_FIXTURES, officeBytes } from './office.js';

afterAll(removeTempTrees);

// The table-sum case of test/cross-format.test.ts (its fixtures are committed).
const base = { year: 2024, seed: 7, applications: { newReceived: { natural: 5, commercial: 2 } } };
const m = generateModel({ ...base, format: 'md' });
const tampered = { ...base, tamper: { applications: { newReceived: { total: m.applications.newReceived.total + 1 } } } };

const opts = { useConfigFile: false } as const;
const rulesOf = (r: LintResult) => r.messages.map((x) => x.ruleId).sort();

function expectOneFatal(r: LintResult, re: RegExp) {
  expect(r.messages).toHaveLength(1);
  expect(r.messages[0]).toMatchObject({ fatal: true, ruleId: null, severity: 2, line: 1, column: 1 });
  expect(r.messages[0].message).toMatch(re);
  expect(r.messages[0].message).not.toMatch(/\n\s+at /);
}

describe('.doc and .wps', () => {
  test('a .doc saved from a .docx gives its findings, at the same text, with its tables read row by row', async () => {
    const doc = await officeBytes(tampered, 'doc');
    const fromDocx = await lintBuffer(await generateBytes({ ...tampered, format: 'docx' }), { ...opts, filePath: '/r/a.docx' });
    const fromDoc = await lintBuffer(doc, { ...opts, filePath: '/r/a.doc' });
    expect(fromDoc.format).toBe('doc');
    expect(rulesOf(fromDoc)).toEqual(rulesOf(fromDocx));
    expect(rulesOf(fromDoc)).toContain('table-sum');
    const descriptor = formatById('doc');
    if (!descriptor?.binary) throw new Error('doc is a binary format');
    const parsed = await descriptor.parse(doc);
    const tables = parsed.ok ? parsed.document.blocks.flatMap((b) => (b.kind === 'table' ? [b] : [])) : [];
    // Tables 二 (four small ones), 三 and 四: table 三 has its 28 rows, header rows included.
    expect(Math.max(...tables.map((t) => t.rows.length))).toBeGreaterThanOrEqual(25);
  });

  test('a .wps (the same OLE container) reads like the .doc; without a name the bytes say it is a .doc', async () => {
    const doc = await officeBytes(tampered, 'doc');
    const asDoc = await lintBuffer(doc, { ...opts, filePath: '/r/a.doc' });
    const asWps = await lintBuffer(doc, { ...opts, filePath: '/r/a.wps' });
    expect(asWps.format).toBe('wps');
    expect(asWps.messages).toEqual(asDoc.messages);
    const stdin = await lintBuffer(doc, opts);
    expect(stdin.format).toBe('doc');
    expect(stdin.messages).toEqual(asDoc.messages);
  });

  test('a truncated or damaged .doc, and text named .doc, are one fatal message each', async () => {
    const doc = await officeBytes(tampered, 'doc');
    const damaged = Buffer.from(doc);
    damaged.fill(0xff, 512, 4096); // the FAT and directory sectors
    for (const bytes of [
      doc.subarray(0, 512),
      doc.subarray(0, 4096),
      doc.subarray(0, doc.length >> 1),
      doc.subarray(0, doc.length - 700),
      damaged,
      Buffer.from('一、总体情况\n'),
    ]) {
      expectOneFatal(await lintBuffer(bytes, { ...opts, filePath: '/r/bad.doc' }), /不是可读取的 \.doc 文件|无法读取 \.doc 文件中表格的行/);
    }
  });

  test('a sector chain that loops (a damaged FAT) ends instead of growing until memory runs out', async () => {
    const doc = Buffer.from(await officeBytes(tampered, 'doc'));
    // Header: the first FAT sector at 0x4C, the directory's first sector at 0x30; sector n at (n + 1) * 512.
    const fat = (doc.readInt32LE(0x4c) + 1) * 512;
    const dir = doc.readInt32LE(0x30);
    const other = dir === 1 ? 2 : 1;
    doc.writeInt32LE(other, fat + dir * 4);
    doc.writeInt32LE(dir, fat + other * 4);
    const r = await lintBuffer(doc, { ...opts, filePath: '/r/loop.doc' });
    // Whatever it still reads, it answers (without the bound this never returns).
    expect(r.messages.length).toBeGreaterThan(0);
  });

  test('cells whose rows cannot be found are not read as prose: the file is refused, naming .docx', () => {
    const { lostRows } = wordTextToDocument('一、总体情况\n单元格\uE001单元格\uE001\n二、主动公开\n', 'doc');
    expect(lostRows).toBe(true);
    const ok = wordTextToDocument('表\n甲\uE001乙\uE001\uE0001\uE0012\uE001\uE000后文\n', 'doc');
    expect(ok.lostRows).toBe(false);
    expect(ok.document.source.text).toBe('表\n甲\n乙\n1\n2\n后文\n');
    const [table] = ok.document.blocks.filter((b) => b.kind === 'table');
    expect(table.kind === 'table' && table.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['甲', '乙'],
      ['1', '2'],
    ]);
  });

  test("a web page saved as .doc keeps the page's layout table around the article: the report inside it is read, its tables as tables", async () => {
    // Generated report (2024, seed 5) as a saved web page, converted by LibreOffice 7 (soffice --convert-to
    // doc): the article box is one cell of a layout table, and the report's tables are nested in that cell.
    const doc = gunzipSync(readFileSync(path.join(OFFICE_FIXTURES, 'web-page-layout-table.doc.gz')));
    const r = await lintBuffer(doc, { ...opts, filePath: '/r/page.doc' });
    // Read as one table cell, the report had no parts, no period, no 落款 (three findings of other rules).
    expect(new Set(rulesOf(r))).toEqual(new Set(['web-artifacts']));
    const descriptor = formatById('doc');
    if (!descriptor?.binary) throw new Error('doc is a binary format');
    const parsed = await descriptor.parse(doc);
    if (!parsed.ok) throw new Error('the page saved as .doc is readable');
    const headings = parsed.document.blocks.filter((b) => b.kind === 'paragraph' && /^[一二三四五六]、/.test(b.content.text));
    expect(headings.map((b) => (b.kind === 'paragraph' ? b.content.text.slice(0, 2) : ''))).toEqual(['一、', '二、', '三、', '四、', '五、', '六、']);
    const tables = parsed.document.blocks.flatMap((b) => (b.kind === 'table' ? [b] : []));
    // Table 三 with its rows, and no table holding the whole article.
    expect(Math.max(...tables.map((t) => t.rows.length))).toBeGreaterThanOrEqual(25);
    expect(tables.every((t) => t.rows.every((row) => row.cells.every((c) => !c.text.includes('一、总体情况'))))).toBe(true);
  });

  test('an HTML page named .doc (a web system\'s "export to Word") is read as the page it is', async () => {
    const page = Buffer.from('<!DOCTYPE html><html><body><p>本报告中所列数据的统计期限自2023年1月1日起至2024年12月31日止。</p></body></html>');
    expect(formatForBytes('x.doc', page)).toBeUndefined();
    const r = await lintBuffer(page, { ...opts, filePath: '/r/export.doc' });
    expect(r.format).toBe('html');
    expect(r.fatalErrorCount).toBe(0);
  });
});

describe('.odt', () => {
  test('an .odt saved from a .docx gives the same findings at the same paragraphs', async () => {
    const fromDocx = await lintBuffer(await generateBytes({ ...tampered, format: 'docx' }), { ...opts, filePath: '/r/a.docx' });
    const fromOdt = await lintBuffer(await officeBytes(tampered, 'odt'), { ...opts, filePath: '/r/a.odt' });
    expect(fromOdt.format).toBe('odt');
    expect(fromOdt.messages.map((x) => [x.ruleId, x.line])).toEqual(fromDocx.messages.map((x) => [x.ruleId, x.line]));
    // A zip that is an OpenDocument is not taken for a .docx.
    expect(formatForBytes(undefined, await officeBytes(tampered, 'odt'))?.id).toBe('odt');
  });

  test('a truncated .odt, one without content.xml, and a zip bomb are one fatal message each', async () => {
    const odt = await officeBytes(tampered, 'odt');
    const { default: JSZip } = await import('jszip');
    const noContent = await JSZip.loadAsync(odt).then((z) => z.remove('content.xml').generateAsync({ type: 'nodebuffer' }));
    const bomb = new JSZip();
    bomb.file('mimetype', 'application/vnd.oasis.opendocument.text', { compression: 'STORE' });
    bomb.file('content.xml', '<office:document-content>' + ' '.repeat(3 * 2 ** 20) + '</office:document-content>');
    const bombBytes = await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bombBytes.length).toBeLessThan(50_000); // 3 MiB of spaces packs into a few KiB
    for (const [bytes, re] of [
      [odt.subarray(0, odt.length >> 1), /不是可读取的 \.odt 文件/],
      [noContent, /不是可读取的 \.odt 文件（no content\.xml）/],
    ] as const) {
      expectOneFatal(await lintBuffer(bytes, { ...opts, filePath: '/r/bad.odt' }), re);
    }
    // The container's declared size is checked before anything is inflated (limit 200 MiB; 1 MiB here).
    const refused = await odtFormat.parse(bombBytes, { maxUnpackedBytes: 2 ** 20 });
    expect(refused.ok ? '' : refused.message['zh-CN']).toMatch(/不是可读取的 \.odt 文件（unpacks to 3 MiB/);
  }, 30000);
});

test('.odt: repeated rows and cells (an ODF shorthand) are expanded within a budget, however a file multiplies them', async () => {
  const { default: JSZip } = await import('jszip');
  const row =
    '<table:table-row table:number-rows-repeated="200"><table:table-cell table:number-columns-repeated="200"><text:p>0</text:p></table:table-cell></table:table-row>';
  const xml = `<office:document-content xmlns:office="o" xmlns:table="t" xmlns:text="x"><office:body><office:text><table:table>${row.repeat(1000)}</table:table></office:text></office:body></office:document-content>`;
  const zip = new JSZip();
  zip.file('mimetype', 'application/vnd.oasis.opendocument.text', { compression: 'STORE' });
  zip.file('content.xml', xml);
  const parsed = await odtFormat.parse(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  expect(parsed.ok).toBe(true);
  // 1000 × 200 × 200 = 40 million cells as written; read: the budget (20,000 copies) plus one per element.
  if (parsed.ok) expect(parsed.document.source.lineCount).toBeLessThan(30_000);
});

describe('.rtf', () => {
  test('is refused with one fatal message that asks for .docx, by name and by its first bytes', async () => {
    const rtf = Buffer.from('{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 SimSun;}} \\uc1\\u19968?\\u12289?}');
    expectOneFatal(await lintBuffer(rtf, { ...opts, filePath: '/r/a.rtf' }), /不支持 \.rtf 格式.*另存为 \.docx/);
    expect((await lintBuffer(rtf, opts)).messages[0].message).toMatch(/不支持 \.rtf 格式/);
  });
});

test('a batch with a broken file of every new format still lints the rest', async () => {
  const doc = await officeBytes(tampered, 'doc');
  const dir = tempTree({
    'a.md': await generateBytes({ ...tampered, format: 'md' }),
    'b.doc': doc.subarray(0, 2000),
    'c.odt': Buffer.from('PK\u0003\u0004 not really'),
    'd.rtf': '{\\rtf1 x}',
    'e.wps': doc,
  });
  const results = await lintFiles([dir], opts);
  expect(results.map((r) => [r.filePath.slice(dir.length + 1), r.fatalErrorCount])).toEqual([
    ['a.md', 0],
    ['b.doc', 1],
    ['c.odt', 1],
    ['d.rtf', 1],
    ['e.wps', 0],
  ]);
  expect(rulesOf(results[0])).toContain('table-sum');
  expect(rulesOf(results[4])).toContain('table-sum');
});

test('a place a message names in passing is shown as the format counts: 第 N 行, 第 N 段, 第 P 页 第 L 行', async () => {
  // The zero-fee-conflict case of test/cross-format.test.ts (its .docx-derived fixtures are committed).
  const o = {
    ...base,
    active: { adminFees: { feeAmount: 2.5 } },
    edits: [[/[^。]*未收取[^。]*信息处理费[^。]*。/, '本机关全年未收取任何费用。']] as [RegExp, string][],
  };
  const where = async (bytes: Buffer, name: string) => {
    const r = await lintBuffer(bytes, { ...opts, filePath: `/r/${name}` });
    return /（([^（）]*)），二者矛盾/.exec(r.messages.find((m) => m.ruleId === 'zero-fee-conflict')!.message)![1];
  };
  expect(await where(await generateBytes({ ...o, format: 'md' }), 'a.md')).toMatch(/^第 \d+ 行$/);
  expect(await where(await generateBytes({ ...o, format: 'docx' }), 'a.docx')).toMatch(/^第 \d+ 段$/);
  expect(await where(await officeBytes(o, 'odt'), 'a.odt')).toMatch(/^第 \d+ 段$/);
  expect(await where(await officeBytes(o, 'pdf'), 'a.pdf')).toMatch(/^第 \d+ 页 第 \d+ 行$/);
});
