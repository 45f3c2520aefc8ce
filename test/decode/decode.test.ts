import { describe, expect, test } from '@jest/globals';
import iconv from 'iconv-lite';
import { decodeBuffer } from '../../src/formats/decode.js';

const TEXT = '2023年政府信息公开工作年度报告\n一、总体情况　（全角空格）\n';

describe('decodeBuffer', () => {
  test('UTF-8 without BOM', async () => {
    expect(await decodeBuffer(Buffer.from(TEXT, 'utf8'))).toEqual({ ok: true, text: TEXT, encoding: 'utf-8' });
  });

  test('UTF-8 with BOM: BOM stripped', async () => {
    const buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]);
    expect(await decodeBuffer(buf)).toEqual({ ok: true, text: TEXT, encoding: 'utf-8' });
  });

  test('one file after another: a failed strict decode, a mark, a cut character leave nothing behind', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const utf8 = Buffer.from(TEXT, 'utf8');
    const cut = Buffer.from('年', 'utf8').subarray(0, 2); // a three-byte character cut after two
    const sequence: [Buffer, string | undefined][] = [
      [Buffer.concat([bom, utf8]), TEXT],
      [Buffer.concat([bom, utf8]), TEXT],
      [cut, undefined],
      [utf8, TEXT],
      [Buffer.from([0xff, 0x41]), undefined],
      [Buffer.concat([bom, bom, utf8]), TEXT],
      [utf8, TEXT],
    ];
    for (const encoding of [undefined, 'utf-8']) {
      for (const [buf, text] of sequence) {
        const got = await decodeBuffer(buf, { encoding });
        if (text === undefined) expect(got.ok && encoding === 'utf-8').toBe(false);
        else expect(got).toMatchObject({ ok: true, text });
      }
    }
  });

  test('UTF-16LE with BOM (NUL bytes do not make it binary)', async () => {
    const buf = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]);
    expect(await decodeBuffer(buf)).toEqual({ ok: true, text: TEXT, encoding: 'utf-16le' });
  });

  test('UTF-16BE with BOM', async () => {
    const buf = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(TEXT, 'utf-16be')]);
    expect(await decodeBuffer(buf)).toEqual({ ok: true, text: TEXT, encoding: 'utf-16be' });
  });

  test('GB18030 bytes are detected when the input is not UTF-8', async () => {
    const buf = iconv.encode(TEXT, 'gb18030');
    // Sanity: these bytes really are not UTF-8, so detection is exercised.
    expect(buf.equals(Buffer.from(TEXT, 'utf8'))).toBe(false);
    expect(await decodeBuffer(buf)).toEqual({ ok: true, text: TEXT, encoding: 'gb18030' });
  });

  test('GB18030 four-byte characters (𠀀) survive', async () => {
    const text = '扩展字符𠀀测试';
    expect(await decodeBuffer(iconv.encode(text, 'gb18030'))).toMatchObject({ ok: true, text });
  });

  test('an explicit encoding skips detection', async () => {
    const buf = iconv.encode(TEXT, 'gbk');
    expect(await decodeBuffer(buf, { encoding: 'gbk' })).toEqual({ ok: true, text: TEXT, encoding: 'gbk' });
    expect(await decodeBuffer(buf, { encoding: 'utf-8' })).toMatchObject({ ok: false, reason: 'undecodable' });
    expect(await decodeBuffer(buf, { encoding: 'no-such-encoding' })).toMatchObject({ ok: false, reason: 'undecodable' });
  });

  test('NUL bytes in the first 8 KB → binary', async () => {
    const buf = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(10), Buffer.from('word/document.xml')]);
    expect(await decodeBuffer(buf)).toMatchObject({ ok: false, reason: 'binary' });
  });

  test('a NUL byte after the first 8 KB does not make a text file binary', async () => {
    const buf = Buffer.concat([Buffer.from('a'.repeat(9000)), Buffer.from([0])]);
    expect(await decodeBuffer(buf)).toMatchObject({ ok: true });
  });

  test('empty and whitespace-only (including full-width spaces) → empty', async () => {
    expect(await decodeBuffer(Buffer.alloc(0))).toMatchObject({ ok: false, reason: 'empty' });
    expect(await decodeBuffer(Buffer.from(' \n\t\r\n　\n', 'utf8'))).toMatchObject({ ok: false, reason: 'empty' });
    expect(await decodeBuffer(Buffer.from([0xef, 0xbb, 0xbf, 0x0a]))).toMatchObject({ ok: false, reason: 'empty' });
  });

  test('larger than the limit → tooLarge; at the limit → ok', async () => {
    const buf = Buffer.from('报告'.repeat(100), 'utf8'); // 600 bytes
    expect(await decodeBuffer(buf, { maxBytes: 599 })).toMatchObject({ ok: false, reason: 'tooLarge' });
    expect(await decodeBuffer(buf, { maxBytes: 600 })).toMatchObject({ ok: true });
  });

  test('the default limit is 20 MiB', async () => {
    const big = Buffer.alloc(20 * 1024 * 1024 + 1, 0x61);
    expect(await decodeBuffer(big)).toMatchObject({ ok: false, reason: 'tooLarge' });
  });

  test('bytes that are neither UTF-8 nor GB18030 → undecodable', async () => {
    // 0xFF is not a valid lead byte in GB18030 and not valid UTF-8.
    expect(await decodeBuffer(Buffer.from([0x41, 0xff, 0xff, 0x42]))).toMatchObject({ ok: false, reason: 'undecodable' });
  });
});
