/**
 * The region gate end to end, as an office runs it: a generated region (a people's government whose
 * tables 三 and 四 are the sum of 5 departments' reports, two years of each, files named by number)
 * linted through the CLI (in-process; the clean region through the spawned bin) with `previousDir`
 * and `aggregate` in its .gianrc, json + csv + html out.
 * Clean, it passes without a message; each injected inconsistency is reported in the right file at
 * the right cell.
 */
import { afterAll, describe, expect, jest, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { removeTempTrees, tempTree } from '../config/tmp.js';
import { canRender, chromium, INK, pixelCounts } from '../support/chromium.js';
import { runCli } from '../support/cli.js';
import { generateDocx } from '../support/generate.js';
import { generateRegion, lastYearOptions, REGION_DEPARTMENTS, REGION_GOVERNMENT, type RegionOptions } from '../support/region.js';
import { spawnCli } from '../support/spawn-cli.js';

afterAll(removeTempTrees);
jest.setTimeout(120_000);

const CONFIG = {
  previousDir: '2023',
  aggregate: [{ total: '2024/000-*.md', parts: ['2024/**'], expect: REGION_DEPARTMENTS }],
};

interface Msg {
  ruleId: string | null;
  severity: number;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Write the region (after `mutate`), run the CLI on 2024/ (`spawned`: the bin), return the json results, the csv and the html. */
async function runRegion(options: RegionOptions = {}, mutate?: (root: string) => void, extra: string[] = [], spawned = false) {
  const { files } = generateRegion({ format: (i) => (['md', 'txt-tsv', 'html', 'txt-pdf', 'txt-pipe'] as const)[i % 5], ...options });
  const root = tempTree({ '.gianrc': CONFIG, ...Object.fromEntries(files.map((f) => [f.path, f.text])) });
  mutate?.(root);
  const args = ['--format', 'json', '--format', 'csv:out/一览.csv', '--format', 'html:out/检查结果.html', ...extra, '2024/'];
  const r = spawned ? spawnCli(args, { cwd: root }) : await runCli(args, { cwd: root });
  const results = JSON.parse(r.stdout) as { filePath: string; messages: Msg[] }[];
  const byFile = Object.fromEntries(results.map((x) => [path.relative(root, x.filePath), x.messages]));
  return {
    root,
    status: r.code,
    stderr: r.stderr,
    byFile,
    csv: readFileSync(path.join(root, 'out/一览.csv'), 'utf8'),
    html: readFileSync(path.join(root, 'out/检查结果.html'), 'utf8'),
  };
}

/** The text a message points at, from the original file. */
function pointed(root: string, file: string, m: Msg): string {
  const lines = readFileSync(path.join(root, file), 'utf8').split('\n');
  return lines[m.line - 1].slice(m.column - 1, m.endLine === m.line ? m.endColumn - 1 : undefined);
}

const csvRows = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .map((l) => l.split(','));

describe('a generated region', () => {
  test('clean: no message at all, exit 0; every unit paired with its own last year by organ, not file name', async () => {
    const run = await runRegion({}, undefined, [], true);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(Object.keys(run.byFile)).toHaveLength(6);
    for (const [file, messages] of Object.entries(run.byFile)) expect({ file, messages }).toEqual({ file, messages: [] });

    // csv: UTF-8 with BOM for Excel/WPS, CRLF, a header and one row per unit.
    expect(run.csv.startsWith('\uFEFF文件,机关,年度,类型,汇总关系,结论,错误,警告,落款日期,公布期限,是否按期,与上年雷同,上年报告,备注\r\n')).toBe(true);
    const rows = csvRows(run.csv).slice(1);
    expect(rows).toHaveLength(6);
    const byOrgan = Object.fromEntries(rows.map((r) => [r[1], r]));
    expect(byOrgan[REGION_GOVERNMENT].slice(2, 12)).toEqual([
      '2024',
      '政府',
      '汇总（本级）',
      '通过',
      '0',
      '0',
      '2025-02-20',
      '2025-03-31',
      '按期',
      byOrgan[REGION_GOVERNMENT][11],
    ]);
    expect(byOrgan[REGION_GOVERNMENT][12]).toBe('2023/000-本级.md');
    // Department i is 2024/00(i+1) and 2023/(5-i): the pairing read the organs.
    REGION_DEPARTMENTS.forEach((organ, i) => {
      const row = byOrgan[organ];
      expect([row[0], row[3], row[4], row[5], row[9], row[12], row[13]]).toEqual([
        expect.stringMatching(new RegExp(`^2024/00${i + 1}\\.`)),
        '部门',
        '所属单位',
        '通过',
        '2025-01-31',
        expect.stringMatching(new RegExp(`^2023/00${5 - i}\\.`)),
        '',
      ]);
      expect(Number(row[11].replace('%', ''))).toBeLessThan(60);
    });
    expect(run.html).toContain('本地区各单位报告一览');
    expect(run.html).toContain('共 6 份报告，6 份通过，0 份未通过。');
  });

  test("one department's cell changed: an error in its file, and a warning at the government's cell naming sum, found and contributors", async () => {
    const { files } = generateRegion();
    const granted = files.find((f) => f.organ === '临江市民政局' && f.year === 2024)!.model.applications.granted.natural;
    const run = await runRegion({ change: { 临江市民政局: { tamper: { applications: { granted: { natural: granted + 3 } } } } } });
    expect(run.status).toBe(1);
    expect(run.byFile['2024/003.html'].some((m) => m.ruleId === 'table-sum' && m.severity === 2)).toBe(true);
    const gov = run.byFile['2024/000-本级.md'];
    expect(gov.map((m) => m.ruleId)).toEqual(['region-total']);
    const [w] = gov;
    expect(w.severity).toBe(1);
    const total = files.filter((f) => f.year === 2024 && f.organ !== REGION_GOVERNMENT).reduce((s, f) => s + f.model.applications.granted.natural, 0);
    expect(w.message).toContain(`表三「（一）予以公开」「自然人」为 ${total}，而 5 个单位报告该格之和为 ${total + 3}`);
    expect(w.message).toContain(`临江市民政局 ${granted + 3}`);
    expect(w.message).toContain('未放入文件夹的单位');
    expect(pointed(run.root, '2024/000-本级.md', w)).toBe(String(total));
    expect(csvRows(run.csv).find((r) => r[1] === '临江市民政局')![5]).toBe('未通过');
  });

  test('a department missing: named at the government report, listed in csv and html; the sums it leaves short are warnings', async () => {
    const run = await runRegion({}, (root) => unlinkSync(path.join(root, '2024/004.txt')));
    const gov = run.byFile['2024/000-本级.md'];
    const missing = gov.filter((m) => m.ruleId === 'region-missing-unit');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ line: 1, severity: 1 });
    expect(missing[0].message).toContain('「临江市财政局」没有2024年度报告');
    expect(gov.filter((m) => m.ruleId !== 'region-missing-unit').every((m) => m.ruleId === 'region-total')).toBe(true);
    for (const m of gov.filter((x) => x.ruleId === 'region-total')) expect(m.message).toContain('4 个单位报告该格之和');
    const last = csvRows(run.csv).at(-1)!;
    expect([last[1], last[5]]).toEqual(['临江市财政局', '缺报告']);
    expect(run.html).toContain('汇总范围内 1 个单位缺报告');
    expect(run.status).toBe(0); // warnings only
  });

  test("a carried-over figure that does not match the unit's own last year: carryover error at that cell", async () => {
    const { files } = generateRegion();
    const forward = files.find((f) => f.organ === '临江市教育局' && f.year === 2023)!.model.applications.carryForward.natural;
    const run = await runRegion({ change: { 临江市教育局: { applications: { carriedOver: { natural: forward + 2 } } } } });
    const errors = run.byFile['2024/002.txt'].filter((m) => m.ruleId === 'carryover' && m.severity === 2);
    expect(errors.length).toBeGreaterThanOrEqual(1);
    expect(errors[0].message).toContain(`「自然人」列为 ${forward + 2}`);
    expect(errors[0].message).toContain(`该列为 ${forward}`);
    expect(pointed(run.root, '2024/002.txt', errors[0])).toBe(String(forward + 2));
    expect(run.status).toBe(1);
  });

  test("a report repeating last year's text: copied-report at that file, share and passages named; csv shows the share", async () => {
    const run = await runRegion({}, (root) => {
      const last = readFileSync(path.join(root, '2023/001.txt'), 'utf8');
      writeFileSync(path.join(root, '2024/005.txt'), last.replace(/2024/g, '2025').replace(/2023/g, '2024').replace(/2022/g, '2023'));
    });
    const copied = run.byFile['2024/005.txt'].filter((m) => m.ruleId === 'copied-report');
    expect(copied).toHaveLength(1);
    expect(copied[0].message).toMatch(/本报告正文（表格除外）有 (9\d|100)% 与 2023 年度报告逐字相同（上限 60%），最长的雷同段落：「/);
    const row = csvRows(run.csv).find((r) => r[0] === '2024/005.txt')!;
    expect(Number(row[11].replace('%', ''))).toBeGreaterThanOrEqual(90);
  });

  test('summary-json: a summary object and one entry per unit; json stays the ESLint result array', async () => {
    const { files } = generateRegion();
    const root = tempTree({ '.gianrc': CONFIG, ...Object.fromEntries(files.map((f) => [f.path, f.text])) });
    const r = await runCli(['--format', 'summary-json', '--format', 'json:out/eslint.json', '2024/'], { cwd: root });
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.summary).toEqual({ files: 6, passed: 6, failed: 0, unreadable: 0, errors: 0, warnings: 0, late: 0, withoutPrevious: 0, missing: 0 });
    expect(summary.units[0]).toMatchObject({
      file: '2024/000-本级.md',
      organ: REGION_GOVERNMENT,
      year: 2024,
      kind: 'government',
      role: 'total',
      status: 'passed',
      previousFile: '2023/000-本级.md',
    });
    const eslint = JSON.parse(readFileSync(path.join(root, 'out/eslint.json'), 'utf8'));
    expect(Array.isArray(eslint)).toBe(true);
    expect(Object.keys(eslint[0]).sort()).toEqual([
      'errorCount',
      'fatalErrorCount',
      'filePath',
      'fixableErrorCount',
      'fixableWarningCount',
      'messages',
      'suppressedMessages',
      'usedDeprecatedRules',
      'warningCount',
    ]);
  });

  test("last year's report in another format (.docx) is paired the same way", async () => {
    const docx = await generateDocx(lastYearOptions(REGION_DEPARTMENTS[0], 0, 2024));
    const run = await runRegion({}, (root) => {
      unlinkSync(path.join(root, '2023/005.md'));
      writeFileSync(path.join(root, '2023/上年-公安.docx'), docx);
    });
    expect(run.status).toBe(0);
    expect(run.byFile['2024/001.md']).toEqual([]);
    const row = csvRows(run.csv).find((r) => r[1] === REGION_DEPARTMENTS[0])!;
    expect([row[5], row[12]]).toEqual(['通过', '2023/上年-公安.docx']);
  });

  test('--previous-dir naming no folder is a usage error (exit 2)', async () => {
    const root = tempTree({ '2024/a.md': '# 临江市公安局2024年政府信息公开工作年度报告\n' });
    const r = await runCli(['--previous-dir', 'nope', '2024/'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--previous-dir 指定的上一年度报告文件夹 nope 不存在或不是目录');
  });

  test('a unit without a report last year is noted in the overview, not an error', async () => {
    const run = await runRegion({}, (root) => unlinkSync(path.join(root, '2023/004.txt')));
    expect(run.byFile['2024/002.txt']).toEqual([]);
    const row = csvRows(run.csv).find((r) => r[1] === '临江市教育局')!;
    expect([row[5], row[12], row[13]]).toEqual(['通过', '', '未找到上一年度报告']);
  });
});

/** The overview as a person sees it: Debian's chromium renders the page headless (as in test/reporters/html.test.ts). */
const run = canRender ? test : test.skip;
const shots = mkdtempSync(path.join(os.tmpdir(), 'gia-region-html-'));
afterAll(() => rmSync(shots, { recursive: true, force: true }));

run('html overview renders at the top: a row per unit and the missing one, status colours drawn', async () => {
  const region = await runRegion({ change: { 临江市公安局: { tamper: { applications: { granted: { natural: 999 } } } } } }, (root) =>
    unlinkSync(path.join(root, '2024/004.txt')),
  );
  const file = path.join(region.root, 'out/检查结果.html');
  const dom = chromium(['--dump-dom', `file://${file}`], shots);
  expect(dom.status).toBe(0);
  // The overview comes before the per-rule summary, one row per unit plus the missing unit.
  expect(dom.stdout.indexOf('本地区各单位报告一览')).toBeLessThan(dom.stdout.indexOf('按规则统计'));
  const table = /<table class="counts overview">([\s\S]*?)<\/table>/.exec(dom.stdout)![1];
  expect(table.match(/<tr class="(pass|warn|fail|missing)">/g)).toHaveLength(6);
  expect(table).toContain('<tr class="missing">');
  expect(table).toMatch(/<span class="st fail">未通过<\/span>/);

  const png = path.join(shots, 'overview.png');
  const shot = chromium(['--window-size=1400,900', `--screenshot=${png}`, `file://${file}`], shots);
  expect(shot.status).toBe(0);
  // The first screen is the overview: ink, the red of the failed status and the pink of failed rows.
  const { width, height, counts } = pixelCounts(readFileSync(png), {
    ink: INK,
    red: (r, g, b) => r > 130 && r < 175 && g < 50 && b < 50,
    pink: (r, g, b) => r > 250 && g > 235 && g < 250 && b > 230 && b < 240,
  });
  expect([width, height]).toEqual([1400, 900]);
  expect(counts.ink / (width * height)).toBeGreaterThan(0.03);
  expect(counts.red).toBeGreaterThan(200);
  expect(counts.pink).toBeGreaterThan(2000);
});
