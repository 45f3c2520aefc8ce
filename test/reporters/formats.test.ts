import { makeResult } from '../../src/api.js';
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { lintText } from '../../src/api.js';
import type { LintMessage, LintResult } from '../../src/engine/types.js';
import { formatResults } from '../../src/reporters/index.js';
import { escapeData, escapeProperty } from '../../src/reporters/github.js';
import { splitBasis } from '../../src/reporters/util.js';
import { builtinRules } from '../../src/rules/index.js';
import { officialSarifSchema } from '../support/sarif-schema.js';

const cwd = path.resolve('/work/reports');
const ctx = { cwd, locale: 'zh-CN' as const, color: false };

/** A result as the API builds it (makeResult), with the text for the formats that show it. */
function result(file: string, messages: LintMessage[], source?: string): LintResult {
  return { ...makeResult(path.resolve(cwd, file), messages), ...(source !== undefined ? { source } : {}) };
}

// Characters that break naive writers: XML specials, a CDATA terminator, a line break, workflow
// command separators, a control character XML cannot carry at all.
const NASTY = '合计 <12> & "10" \'x\' ]]> 100% a::b, c\n第二行\u0007';
const sum: LintMessage = {
  ruleId: 'table-sum',
  severity: 2,
  message: `${NASTY}（依据：国办公开办函〔2021〕30号）`,
  line: 2,
  column: 3,
  endLine: 2,
  endColumn: 5,
  messageId: 'rowTotal',
  fix: { range: [10, 12], text: '12' },
};
const period: LintMessage = { ruleId: 'statistics-period', severity: 1, message: '缺少统计时限', line: 1, column: 1, endLine: 1, endColumn: 1 };
const fatal: LintMessage = { ruleId: null, fatal: true, severity: 2, message: '文件为空，没有可检查的内容', line: 1, column: 1 };

const fixture = [result('2023/报告 一.md', [period, sum], '标题\n一、总计 12\n'), result('clean.md', []), result('empty.md', [fatal])];

describe('compact and unix', () => {
  test('compact: one line per problem (line breaks flattened), English keywords, total', () => {
    const out = formatResults('compact', fixture, ctx);
    const lines = out.split('\n');
    expect(lines[0]).toBe(`${path.resolve(cwd, '2023/报告 一.md')}: line 1, col 1, Warning - 缺少统计时限 (statistics-period)`);
    expect(lines[1]).toMatch(/: line 2, col 3, Error - 合计 <12> & "10" 'x' \]\]> 100% a::b, c 第二行\\x07（依据：国办公开办函〔2021〕30号） \(table-sum\)$/);
    expect(lines[2]).toBe(`${path.resolve(cwd, 'empty.md')}: line 1, col 1, Error - 文件为空，没有可检查的内容`);
    expect(out.endsWith('\n\n3 problems\n')).toBe(true);
    expect(formatResults('compact', [fixture[1]], ctx)).toBe('');
  });

  test('unix: file:line:col: message [Severity/rule]', () => {
    const out = formatResults('unix', fixture, ctx);
    expect(out.split('\n')[0]).toBe(`${path.resolve(cwd, '2023/报告 一.md')}:1:1: 缺少统计时限 [Warning/statistics-period]`);
    expect(out).toContain(`${path.resolve(cwd, 'empty.md')}:1:1: 文件为空，没有可检查的内容 [Error]\n`);
    expect(out.endsWith('\n\n3 problems\n')).toBe(true);
    expect(formatResults('unix', [], ctx)).toBe('');
  });
});

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // `htmlEntities` decodes &#…; entities in the reporters' XML; its replacement is a separate option set.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  htmlEntities: true,
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ['file', 'error', 'testsuite', 'testcase'].includes(name),
});

describe('checkstyle', () => {
  test('well-formed XML; every file listed; messages survive escaping exactly (minus the control character)', () => {
    const out = formatResults('checkstyle', fixture, ctx);
    expect(XMLValidator.validate(out)).toBe(true);
    const doc = xml.parse(out).checkstyle;
    expect(doc.file.map((f: { name: string }) => f.name)).toEqual(fixture.map((r) => r.filePath));
    const [w, e] = doc.file[0].error;
    expect(w).toMatchObject({ line: '1', column: '1', severity: 'warning', source: 'gia-lint.rules.statistics-period' });
    expect(e.message).toBe(sum.message.replace('\u0007', ''));
    expect(doc.file[2].error[0]).toMatchObject({ severity: 'error', source: 'gia-lint' });
  });
});

describe('junit', () => {
  test('a testsuite per file, a failing testcase per problem, a passing one for a clean file; counts add up', () => {
    const out = formatResults('junit', fixture, ctx);
    expect(XMLValidator.validate(out)).toBe(true);
    const doc = xml.parse(out).testsuites;
    expect(doc).toMatchObject({ name: 'gia-lint', tests: '4', failures: '3' });
    const [first, clean, empty] = doc.testsuite;
    expect(first).toMatchObject({ name: '2023/报告 一.md', tests: '2', failures: '2' });
    expect(first.testcase[1].failure.type).toBe('error');
    expect(first.testcase[1].failure.message).toBe(sum.message.replace('\u0007', ''));
    // The CDATA text keeps "]]>" (split across two sections) and the line break.
    expect(first.testcase[1].failure['#text']).toContain(']]> 100% a::b, c\n第二行');
    expect(first.testcase[0]).toMatchObject({ name: 'statistics-period @ 1:1', classname: '2023.报告 一', file: '2023/报告 一.md', line: '1' });
    expect(clean).toMatchObject({ tests: '1', failures: '0' });
    expect(clean.testcase[0].failure).toBeUndefined();
    expect(empty.testcase[0].failure.type).toBe('error');
  });
});

describe('github', () => {
  test('annotations with relative paths, ranges, and escaping that cannot end the command early', () => {
    const out = formatResults('github', fixture, ctx);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('::warning file=2023/报告 一.md,line=1,col=1,endLine=1,endColumn=1,title=gia-lint (statistics-period)::缺少统计时限');
    expect(lines[1]).toBe(`::error file=2023/报告 一.md,line=2,col=3,endLine=2,endColumn=5,title=gia-lint (table-sum)::${escapeData(sum.message)}`);
    expect(lines[1]).toContain('100%25 a::b, c%0A第二行');
    expect(lines[2]).toBe('::error file=empty.md,line=1,col=1,title=gia-lint::文件为空，没有可检查的内容');
    expect(lines[3]).toBe('3 个问题（2 个错误，1 个警告）');
    expect(formatResults('github', [fixture[1]], ctx)).toBe('');
  });

  test('escaping rules of the runner', () => {
    expect(escapeData('50%\r\n')).toBe('50%25%0D%0A');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });
});

describe('sarif', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  // ajv-formats is CommonJS with a default export; its runtime object may carry it as .default.
  const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (a: Ajv) => Ajv;
  addFormats(ajv);
  const validate = ajv.compile(officialSarifSchema());

  test('the schema is the official OASIS 2.1.0 one', () => {
    const schema = officialSarifSchema();
    expect(schema.$id).toBe('https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json');
    expect(schema.title).toBe('Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema');
    // The validator really validates: a log without `runs` and with a wrong version is rejected.
    expect(validate({ version: '2.0.0' })).toBe(false);
  });

  test('the fixture log validates; rules described with help links; results point at them', () => {
    const log = JSON.parse(formatResults('sarif', fixture, { ...ctx, version: '9.9.9' }));
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const run = log.runs[0];
    expect(run.tool.driver).toMatchObject({ name: 'gia-lint', version: '9.9.9' });
    const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ids).toEqual([...builtinRules.keys()]);
    for (const r of run.tool.driver.rules) {
      // A public page, never a path on the machine that ran the lint.
      expect(r.helpUri).toMatch(/^https:\/\/github\.com\/gia-lint\/gia-lint\/blob\/main\/docs\/rules\/[a-z-]+\.md$/);
      expect(r.shortDescription.text.length).toBeGreaterThan(0);
    }
    const mirrored = JSON.parse(formatResults('sarif', fixture, { ...ctx, docsUrl: 'https://intranet.example/gia/rules' }));
    expect(mirrored.runs[0].tool.driver.rules[0].helpUri).toBe(`https://intranet.example/gia/rules/${ids[0]}.md`);
    const [w, e] = run.results;
    expect(run.tool.driver.rules[e.ruleIndex].id).toBe('table-sum');
    expect(e).toMatchObject({ ruleId: 'table-sum', level: 'error', message: { text: sum.message } });
    expect(e.locations[0].physicalLocation).toMatchObject({
      artifactLocation: { uri: '2023/%E6%8A%A5%E5%91%8A%20%E4%B8%80.md', uriBaseId: '%SRCROOT%', index: 0 },
      region: { startLine: 2, startColumn: 3, endLine: 2, endColumn: 5 },
    });
    expect(e.fixes[0].artifactChanges[0].replacements[0]).toEqual({ deletedRegion: { charOffset: 10, charLength: 2 }, insertedContent: { text: '12' } });
    expect(w.level).toBe('warning');
    // The unreadable file is not a finding: a failed-execution notification.
    expect(run.results).toHaveLength(2);
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toBe(fatal.message);
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toMatch(/^file:\/\/.*\/$/);
  });

  test('a real lint of the example draft validates, English too, and an empty run as well', async () => {
    const text = readFileSync(new URL('../../examples/draft-2024.md', import.meta.url), 'utf8');
    const real = await lintText(text, { filePath: 'examples/draft-2024.md', useConfigFile: false });
    for (const locale of ['zh-CN', 'en'] as const) {
      const log = JSON.parse(formatResults('sarif', [real], { ...ctx, locale }));
      expect(validate(log)).toBe(true);
      expect(log.runs[0].results.length).toBe(real.messages.length);
    }
    expect(validate(JSON.parse(formatResults('sarif', [], ctx)))).toBe(true);
  });
});

describe('splitBasis (the html page shows the legal basis apart from the message)', () => {
  test.each([
    ['应为 28（六类之和），实际为 29（依据：国办公开办函〔2021〕30号）', '应为 28（六类之和），实际为 29', '国办公开办函〔2021〕30号'],
    ['expected 28 (sum), found 29 (basis: Regulations (2019), art. 50)', 'expected 28 (sum), found 29', 'Regulations (2019), art. 50'],
    ['没有依据的消息', '没有依据的消息', undefined],
  ])('%s', (message, text, basis) => {
    expect(splitBasis(message)).toEqual(basis ? { text, basis } : { text });
  });
});
