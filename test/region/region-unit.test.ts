/** The pieces of the region check on their own: the copy measure, pairing, the csv overview, the config keys. */
import { afterAll, describe, expect, test } from '@jest/globals';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { lintFiles, makeResult } from '../../src/api.js';
import { lintFilesBatch } from '../../src/batch/index.js';
import type { LintResult } from '../../src/engine/types.js';
import type { UnitFacts } from '../../src/region/facts.js';
import { resolveConfigForFile } from '../../src/config/load.js';
import { ConfigError } from '../../src/config/errors.js';
import { MappedText } from '../../src/model/mapped-text.js';
import { MIN_COMPARED, proseOverlap } from '../../src/model/overlap.js';
import { findPrevious, type PreviousEntry } from '../../src/region/pairing.js';
import { buildOverview } from '../../src/region/index.js';
import { formatResults } from '../../src/reporters/index.js';
import { removeTempTrees, tempTree } from '../config/tmp.js';
import { generateRegion } from '../support/region.js';

afterAll(removeTempTrees);

const text = (t: string) => MappedText.verbatim(t, 0, t.length);
const PARAS = [
  '我局健全政府信息公开保密审查机制，坚持先审查后公开和一事一审原则，在拟文环节明确标注公开属性。',
  '依托市政府门户网站政府信息公开平台优化栏目设置，加强政务新媒体日常管理，落实信息发布审核和巡查制度。',
  '围绕养老服务、社会救助、婚姻登记等重点领域做好信息发布，及时回应社会关切，提升政务公开质量和实效。',
  '组织开展政务公开业务培训，邀请专家解读政府信息公开条例，提升工作人员依法公开意识和业务能力水平。',
  '严格执行依申请公开受理、登记、审核、答复等工作流程，规范答复文书格式，加强与申请人的沟通协调。',
  '对上一年度报告中提出的问题逐项落实整改，建立栏目更新台账，明确责任科室和完成时限并定期开展自查。',
];

describe('proseOverlap', () => {
  const last = text(['一、总体情况', ...PARAS, '临江市民政局'].join('\n'));

  test('the same prose is 100 % copied; headings and other short lines are not compared', () => {
    const o = proseOverlap(text(['一、总体情况', ...PARAS, '二、主动公开政府信息情况'].join('\n')), last)!;
    expect(o.share).toBe(1);
    expect(o.compared).toBe(PARAS.join('').replace(/[，、。]/g, '').length);
  });

  test('punctuation and line breaks do not hide a copy; a changed figure breaks only the shingles around it', () => {
    const repunctuated = text(
      PARAS.map((p) => p.replace(/，/g, ','))
        .join('\n')
        .replace('一事一审', '一事一审 '),
    );
    expect(proseOverlap(repunctuated, last)!.share).toBe(1);
    const withYear = text(PARAS.map((p, i) => (i === 0 ? `2024年，${p}` : p)).join('\n'));
    const share = proseOverlap(withYear, last)!.share;
    expect(share).toBeGreaterThan(0.95);
    expect(share).toBeLessThan(1);
  });

  test('rewritten prose shares little; too little prose is not judged', () => {
    const rewritten = text(PARAS.map((p) => [...p].reverse().join('')).join('\n'));
    expect(proseOverlap(rewritten, last)!.share).toBe(0);
    expect(MIN_COMPARED).toBeGreaterThan(PARAS[0].length);
    expect(proseOverlap(text(PARAS[0]), last)).toBeUndefined();
  });

  test('the longest passages first, mapped to the original text', () => {
    const mixed = text([PARAS[0], '今年新增的一段内容与往年完全不同，讲的是本年度的新工作和新做法，没有照抄。', PARAS[1], PARAS[2], PARAS[3]].join('\n'));
    const o = proseOverlap(mixed, last)!;
    // From the first to the last compared character: the final 。 is not part of it.
    expect(o.passages[0].text).toBe([PARAS[1], PARAS[2], PARAS[3]].join('\n').slice(0, -1));
    expect(mixed.text.slice(o.passages[0].span.start, o.passages[0].span.end)).toBe(o.passages[0].text);
    expect(o.passages[1].text).toBe(PARAS[0].slice(0, -1));
  });

  test('asked again for the same prose (the rule, then the region facts): the same share, as many passages as asked; another year is measured afresh', () => {
    const mixed = text([PARAS[0], '今年新增的一段内容与往年完全不同，讲的是本年度的新工作和新做法，没有照抄。', PARAS[1], PARAS[2], PARAS[3]].join('\n'));
    const first = proseOverlap(mixed, last)!;
    const again = proseOverlap(mixed, last, 0)!;
    expect(again.share).toBe(first.share);
    expect([first.passages.length, again.passages]).toEqual([2, []]);
    const other = text([PARAS[4], PARAS[5], '临江市民政局'].join('\n'));
    expect(proseOverlap(mixed, other)!.share).toBe(0);
    expect(proseOverlap(mixed, last)!.share).toBe(first.share);
  });
});

describe('pairing from the index', () => {
  test('a batch linting in its own thread takes each predecessor as the index recognized it: the same results as reading it again', async () => {
    const { files } = generateRegion({ format: (i) => (['md', 'txt-tsv', 'html'] as const)[i % 3] });
    const root = tempTree({ '.gianrc': { previousDir: '2023' }, ...Object.fromEntries(files.map((f) => [f.path, f.text])) });
    // Last year's text carried over into this year's 公安局 report: a copied-report finding.
    const police = files.find((f) => f.organ === '临江市公安局' && f.year === 2023)!;
    const copy = files.find((f) => f.organ === '临江市公安局' && f.year === 2024)!;
    writeFileSync(path.join(root, copy.path), police.text.replace(/2023/g, '2024').replace(/2022/g, '2023'));
    const batch = await lintFilesBatch(['2024/'], { cwd: root, concurrency: 1, region: true });
    // The index is cached by then, its recognized reports forgotten: lintFiles reads each predecessor again.
    const again = await lintFiles(['2024/'], { cwd: root, region: true });
    expect(batch.results.flatMap((r) => r.messages.map((m) => m.ruleId))).toContain('copied-report');
    expect(batch.results.every((r) => r.unit?.previousFile !== undefined)).toBe(true);
    expect(batch.results).toEqual(again);
  });
});

describe('findPrevious', () => {
  const entry = (file: string, organKey: string, kind: PreviousEntry['kind'], year: number): PreviousEntry => ({
    file,
    organKey,
    kind,
    year,
    size: 1,
    mtimeMs: 1,
  });
  const entries = [
    entry('a', '威海市人民政府外事办公室', 'department', 2023),
    entry('b', '威海市人民政府', 'government', 2023),
    entry('c', '威海市人民政府办公室', 'department', 2023),
    entry('d', '威海市公安局', 'department', 2022),
  ];
  test('the same organ, the year before', () => {
    expect(findPrevious(entries, { organKey: '威海市人民政府', kind: 'government', year: 2024 })?.file).toBe('b');
    expect(findPrevious(entries, { organKey: '威海市人民政府办公室', kind: 'department', year: 2024 })?.file).toBe('c');
  });
  test('an abbreviation pairs only when it is the one candidate of its kind; the wrong year never', () => {
    expect(findPrevious(entries, { organKey: '威海市外办', kind: 'department', year: 2024 })?.file).toBe('a');
    // 威海市人民政府办 is an abbreviation of both 办公室 and 外事办公室: ambiguous, not paired.
    expect(findPrevious(entries, { organKey: '威海市人民政府办', kind: 'department', year: 2024 })).toBeUndefined();
    expect(findPrevious(entries, { organKey: '威海市公安局', kind: 'department', year: 2024 })).toBeUndefined();
    expect(findPrevious(entries, { kind: 'department', year: 2024 })).toBeUndefined();
  });
});

describe('csv overview', () => {
  const cwd = path.resolve('/work/region');
  const result = (file: string, unit?: object): LintResult => ({ ...makeResult(path.join(cwd, file), []), ...(unit ? { unit: unit as UnitFacts } : {}) });
  const at = { line: 1, column: 1, endLine: 1, endColumn: 1 };

  test('BOM, CRLF, RFC 4180 quoting; a cell a spreadsheet would run as a formula stays text', () => {
    const results = [result('a,b.md', { organ: '=HYPERLINK("x")局', year: 2024, kind: 'department', at, tables: {} }), result('c.md')];
    const csv = formatResults('csv', results, { cwd, locale: 'zh-CN', color: false });
    expect(csv.startsWith('\uFEFF文件,机关,')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(4); // header, 2 rows, final empty
    expect(lines[1].startsWith(`"a,b.md","'=HYPERLINK(""x"")局",2024,部门,,通过,0,0,`)).toBe(true);
    expect(lines[2]).toBe('c.md,,,,,通过,0,0,,,,,,');
  });

  test('English headers and values with --locale en; late and copied shown', () => {
    const unit = {
      organ: 'X局',
      year: 2024,
      kind: 'department',
      signed: '2025-02-03',
      deadline: '2025-01-31',
      copiedShare: 0.714,
      previousWanted: true,
      at,
      tables: {},
    };
    const csv = formatResults('csv', [result('x.md', unit)], { cwd, locale: 'en', color: false, region: buildOverview([result('x.md', unit)]) });
    const [header, row] = csv.slice(1).split('\r\n');
    expect(header).toBe('File,Organ,Year,Kind,Role,Status,Errors,Warnings,Signed,Deadline,On time,Copied from last year,Last year,Note');
    expect(row).toBe('x.md,X局,2024,department,,passed,0,0,2025-02-03,2025-01-31,late,71%,,no report for the year before found; signed after the deadline');
  });
});

describe('config keys', () => {
  test('previousDir and aggregate paths are relative to the config file; deadlines merged', async () => {
    const root = tempTree({
      'region/.gianrc': { previousDir: '../2023', deadlines: { department: '01-20' }, aggregate: [{ total: '本级.md', parts: ['部门/**'] }] },
    });
    const c = await resolveConfigForFile(path.join(root, 'region/x.md'), { cwd: root });
    expect(c.previousDir).toBe(path.join(root, '2023'));
    expect(c.deadlines).toEqual({ department: '01-20' });
    expect(c.aggregate).toEqual([{ total: `${root}/region/本级.md`, parts: [`${root}/region/部门/**`] }]);
  });

  test.each([
    [{ deadlines: { department: '1-20' } }, 'deadlines.department'],
    [{ deadlines: { county: '01-20' } }, 'deadlines.county'],
    [{ aggregate: [{ total: 'a.md' }] }, 'aggregate[0]'],
    [{ previousDir: '' }, 'previousDir'],
  ])('%j is a config error naming %s', async (config, keyPath) => {
    const root = tempTree({ '.gianrc': config });
    const err = await resolveConfigForFile(path.join(root, 'x.md'), { cwd: root }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).keyPath).toBe(keyPath);
  });
});
