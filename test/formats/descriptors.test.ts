/**
 * The processor contract: every format is one descriptor (src/formats), the README's input table is
 * the descriptors' own, and nothing outside src/formats decides by a format's name or extension.
 */
import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { FORMATS, formatForBytes, formatOfPath, inputTable, sniffFormat, textFormatFor } from '../../src/formats/index.js';

const root = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

describe('format descriptors', () => {
  test('ids and extensions are unique, and every extension is lower case with its dot', () => {
    const ids = FORMATS.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    const exts = FORMATS.flatMap((f) => f.extensions);
    expect(new Set(exts).size).toBe(exts.length);
    for (const e of exts) expect(e).toMatch(/^\.[a-z0-9]+$/);
  });

  test("the README's input table is generated from the descriptors", () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const start = readme.indexOf('| Format | Chosen by |');
    expect(start).toBeGreaterThan(-1);
    const table = readme.slice(start, readme.indexOf('\n\n', start));
    // On failure: paste inputTable() (from dist/formats/index.js) into the README.
    expect(table).toBe(inputTable());
  });

  test('nothing outside src/formats tests for a format by its name or extension', () => {
    const ids = FORMATS.map((f) => f.id).join('|');
    const exts = FORMATS.flatMap((f) => f.extensions.map((e) => e.slice(1))).join('|');
    const patterns = [
      // document.format === 'docx', format !== 'text' …
      new RegExp(`\\bformat\\s*[!=]==?\\s*['"\`](?:${ids})['"\`]`),
      new RegExp(`['"\`](?:${ids})['"\`]\\s*[!=]==?\\s*\\w*[fF]ormat\\b`),
      // an extension as a string: '.docx', ".md"
      new RegExp(`['"\`]\\.(?:${exts})['"\`]`),
      // endsWith('.docx'), extname(…) === '.md'
      new RegExp(`endsWith\\(\\s*['"\`]\\.(?:${exts})`),
    ];
    const offenders: string[] = [];
    for (const file of sourceFiles(path.join(root, 'src'))) {
      if (file.startsWith(path.join(root, 'src', 'formats') + path.sep)) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (patterns.some((p) => p.test(line))) offenders.push(`${path.relative(root, file)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });

  test('the check above would catch a format test', () => {
    const ids = FORMATS.map((f) => f.id).join('|');
    const p = new RegExp(`\\bformat\\s*[!=]==?\\s*['"\`](?:${ids})['"\`]`);
    expect(p.test("if (document.format === 'docx') return;")).toBe(true);
    expect(p.test("const kind = row.type === 'text';")).toBe(false);
  });

  test('a path picks its format by extension; content wins for binary formats; text is sniffed', () => {
    expect(formatOfPath('/a/B.MD')?.id).toBe('markdown');
    expect(formatOfPath('/a/b.htm')?.id).toBe('html');
    expect(formatOfPath('/a/b.json')).toBeUndefined();
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]);
    expect(formatForBytes(undefined, zip)?.id).toBe('docx');
    expect(formatForBytes('x.txt', zip)?.id).toBe('text');
    expect(formatForBytes(undefined, Buffer.from('一、总体情况'))).toBeUndefined();
    // Text in hand under a binary format's name is read as what the text is.
    expect(textFormatFor('x.docx', '# 标题\n').id).toBe('markdown');
    expect(sniffFormat('<!DOCTYPE html><table></table>').id).toBe('html');
    expect(sniffFormat('<table><tr><td>1</td></tr></table>\n# x').id).toBe('markdown');
    expect(sniffFormat('一、总体情况').id).toBe('text');
  });

  test('each format shows positions as its readers know them', () => {
    const show = (id: string) => FORMATS.find((f) => f.id === id)!.position.show(7, 3, 'zh-CN');
    expect(show('markdown')).toBe('第 7 行第 3 列');
    expect(show('docx')).toBe('第 7 段');
    expect(FORMATS.find((f) => f.id === 'docx')!.position.show(7, 3, 'en')).toBe('paragraph 7');
  });
});
