#!/usr/bin/env node
/**
 * `npm run bench`: ONE table of what users wait for, each figure against its target (issue 14),
 * with the date, the machine and its load average:
 *
 * - per format (the same generated reports as .txt, .md and saved web pages; --binary of them as
 *   .docx and as LibreOffice PDFs): files/s, wall and CPU time, peak RSS of one whole process
 *   under /usr/bin/time, --concurrency 1;
 * - peers on the same Markdown files, side by side: remark-cli + remark-preset-lint-recommended
 *   and markdownlint-cli2, installed into a temp dir (never project dependencies);
 * - `--concurrency auto` against 1, a --cache warm re-run against cold, start-up for one small file;
 * - the language server while typing (scripts/bench-lsp.mjs): didChange → diagnostics p50/p95 on
 *   25 KB and 100 KB drafts;
 * - the region check against a plain batch of the same files (--region N units, 0 to leave out);
 * - findings byte-identical to those of --baseline <commit> (HEAD by default) on every measured
 *   corpus, that commit built in a temp dir.
 *
 *   node scripts/bench.mjs [--reports 1000] [--runs 3] [--binary 40] [--edits 200] [--region 300]
 *                          [--region-only] [--baseline HEAD|<commit>|none] [--keep]
 *
 * The corpus is deterministic: test/support/generate.ts (compiled here with the project's tsc)
 * with fixed seeds, ~25 KB per report (the generator's report plus the kind of extra prose real
 * reports carry). Runs: the median of --runs. Nothing here is a test: it prints the table (and
 * writes bench-results.json). Measure on a quiet machine when you can; the load is printed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { compileSupport } from './compile-support.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const USAGE = `Usage: node scripts/bench.mjs [options]   (npm run bench -- [options])
  --reports N       generated reports per text format (1000)
  --runs N          runs per command; the median is shown (3)
  --binary N        .docx and PDF files (40; 0 leaves them out)
  --edits N         keystrokes per draft in the language-server rows (200)
  --region N        units of the region check (300; 0 leaves it out)
  --region-only     only the region rows
  --baseline C      commit whose findings must be byte-identical (HEAD; none leaves the row out)
  --keep            keep the temp directory with the corpus
  -h, --help        this text`;
let parsed;
try {
  parsed = parseArgs({
    options: {
      reports: { type: 'string', default: '1000' },
      runs: { type: 'string', default: '3' },
      binary: { type: 'string', default: '40' },
      edits: { type: 'string', default: '200' },
      region: { type: 'string', default: '300' },
      'region-only': { type: 'boolean', default: false },
      baseline: { type: 'string', default: 'HEAD' },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values;
} catch (e) {
  console.error(`${e.message}\n\n${USAGE}`);
  process.exit(2);
}
if (parsed.help) {
  console.log(USAGE);
  process.exit(0);
}
for (const name of ['reports', 'runs', 'binary', 'edits', 'region']) {
  if (!/^\d+$/.test(parsed[name])) {
    console.error(`--${name} takes a whole number, not "${parsed[name]}"\n\n${USAGE}`);
    process.exit(2);
  }
}
const opt = (name) => parsed[name];
const REPORTS = Number(opt('reports'));
const RUNS = Number(opt('runs'));
const KEEP = parsed.keep;
const BINARY = Number(opt('binary'));
/** Units of the region check (a government + N units, two years each); 0 leaves it out. */
const REGION = Number(opt('region'));
/** Only the region rows (no corpus, no other tools): `--region-only`. */
const REGION_ONLY = parsed['region-only'];
/** Keystrokes per draft in the language-server rows (scripts/bench-lsp.mjs). */
const EDITS = Number(opt('edits'));
/**
 * The commit whose findings on the same corpus must be byte-identical (built into a temp dir with
 * this checkout's node_modules): `--baseline <commit>`, HEAD by default (so uncommitted work is
 * checked); `--baseline none` leaves the row out.
 */
const BASELINE = opt('baseline') === 'none' ? undefined : opt('baseline');
const TOOLS = { 'markdownlint-cli2': '0.24.1', 'remark-cli': '12.0.1', 'remark-preset-lint-recommended': '7.0.1' };

const AGENCIES = ['市场监督管理局', '教育局', '卫生健康委员会', '交通运输局', '人民政府办公室', '自然资源和规划局', '生态环境局', '民政局'];

const PROSE = [
  '本年度，我单位坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》和上级关于政务公开工作的部署要求，围绕中心工作，持续深化政务公开，不断提升政务公开的标准化、规范化水平。',
  '在主动公开方面，我单位严格落实“五公开”要求，将公开贯穿于决策、执行、管理、服务、结果全过程，通过门户网站、政务新媒体、政务服务大厅等渠道及时发布政策文件、工作动态和办事指南，方便公众查阅。',
  '在依申请公开方面，我单位进一步规范受理、审查、答复等环节，建立申请登记台账，严格按照法定时限答复，对答复内容实行法制审核，确保答复内容准确、依据充分、程序合法。',
  '在政府信息管理方面，我单位持续开展政府信息公开属性源头认定工作，对拟制的公文在起草时即明确公开属性，定期对已公开的政府信息进行清理评估，及时更新过时信息。',
  '在平台建设方面，我单位持续优化门户网站政府信息公开专栏，完善栏目设置，规范内容发布流程，加强网站内容保障和安全防护，提升网站的可用性和易用性。',
  '在监督保障方面，我单位将政务公开工作纳入年度绩效考核，定期组织业务培训，邀请专家对政府信息公开条例进行专题解读，提升工作人员的业务能力和依法公开意识。',
  '下一步，我单位将继续加强政策解读和回应关切，围绕群众关心关注的热点问题，采用图文、视频等多种形式开展解读，增强政策解读的针对性和实效性，及时回应社会关切。',
  '同时，我单位将进一步健全依申请公开工作机制，加强与法制部门、业务部门的沟通协调，提升答复质量，减少因答复不规范引发的行政复议和行政诉讼案件。',
];

const work = mkdtempSync(path.join(os.tmpdir(), 'gia-bench-'));
const log = (s) => process.stderr.write(`${s}\n`);

try {
  if (!existsSync('/usr/bin/time')) throw new Error('/usr/bin/time is needed (apt-get install time)');
  log('building gia-lint and the corpus generator …');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  // Inside the project, so that the generator's own imports (docx, for .docx reports) resolve.
  const genOut = path.join(ROOT, 'node_modules/.cache/gia-bench-gen');
  const load = compileSupport(genOut, ['test/support/generate.ts', 'test/support/region.ts']);
  const { generateReport, generateDocx } = await load('test/support/generate.ts');

  const region = REGION > 0 ? await benchRegion(load) : undefined;
  if (REGION_ONLY) {
    if (region) process.stdout.write(`${region.text}\n`);
  } else {
    const loadBefore = os.loadavg();
    // The same REPORTS reports in each text format: a format's cost is read against the others on equal content.
    const corpus = path.join(work, 'corpus');
    const dirs = { txt: path.join(corpus, 'txt'), md: path.join(corpus, 'md'), html: path.join(corpus, 'html') };
    log(`generating ${REPORTS} reports as .txt, .md and .html …`);
    let bytes = 0;
    for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
    for (let i = 0; i < REPORTS; i++) {
      const year = 2019 + (i % 7);
      const agency = AGENCIES[i % AGENCIES.length];
      // Plain text arrives as tab tables, pipe tables and PDF-extracted text.
      const txtFormat = ['txt-tsv', 'txt-pipe', 'txt-pdf'][i % 3];
      for (const [kind, format, ext] of [
        ['txt', txtFormat, 'txt'],
        ['md', 'md', 'md'],
        ['html', 'html', 'html'],
      ]) {
        let text = pad(generateReport({ year, format, seed: i + 1, agency }), format, i);
        // One in five has a planted defect, as drafts do.
        if (i % 5 === 0) text = text.replace(`${year}年1月1日`, `${year - 1}年1月1日`);
        writeFileSync(path.join(dirs[kind], `${String(i).padStart(4, '0')}-${agency}.${ext}`), text);
        if (kind === 'md') bytes += Buffer.byteLength(text);
      }
    }
    log(`corpus: ${REPORTS} reports per format, ${(bytes / REPORTS / 1024).toFixed(1)} KB average (Markdown)`);

    // Binary formats: the same reports as .docx and as LibreOffice PDFs.
    const docxDir = path.join(work, 'docx');
    const pdfDir = path.join(work, 'pdf');
    mkdirSync(docxDir, { recursive: true });
    for (let i = 0; i < BINARY; i++) {
      const agency = AGENCIES[i % AGENCIES.length];
      writeFileSync(path.join(docxDir, `${String(i).padStart(4, '0')}-${agency}.docx`), await generateDocx({ year: 2019 + (i % 7), seed: i + 1, agency }));
    }
    const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
    if (soffice && BINARY > 0) {
      log(`converting ${BINARY} .docx to PDF with LibreOffice …`);
      mkdirSync(pdfDir, { recursive: true });
      const docs = readdirSync(docxDir).map((f) => path.join(docxDir, f));
      execFileSync(
        'soffice',
        [`-env:UserInstallation=${pathToFileURL(path.join(work, 'lo')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', pdfDir, ...docs],
        { stdio: 'ignore' },
      );
    } else log('soffice not found: no PDF row');

    log('installing markdownlint-cli2 and remark-cli into a temp dir …');
    const tools = path.join(work, 'tools');
    mkdirSync(tools);
    writeFileSync(path.join(tools, 'package.json'), '{"private":true}');
    execFileSync('npm', ['install', '--prefix', tools, '--no-audit', '--no-fund', '--silent', ...Object.entries(TOOLS).map(([n, v]) => `${n}@${v}`)], {
      stdio: 'inherit',
    });
    // remark-cli resolves plugins relative to its config file, so the config lives beside the
    // tools' node_modules and is named explicitly.
    const remarkrc = path.join(tools, '.remarkrc.json');
    writeFileSync(remarkrc, JSON.stringify({ plugins: ['remark-preset-lint-recommended'] }));

    const bin = path.join(ROOT, 'bin/gia-lint.js');
    const cacheFile = path.join(work, 'cache', '.gianlintcache');
    // Start-up: one small file (a report as plain text, without the padding), and for comparison
    // the corpus's first Markdown report (~25 KB).
    const small = path.join(work, 'small', `${AGENCIES[0]}.txt`);
    mkdirSync(path.dirname(small), { recursive: true });
    const smallText = generateReport({ year: 2024, format: 'txt-tsv', seed: 1, agency: AGENCIES[0] });
    writeFileSync(small, smallText);
    const smallKB = Buffer.byteLength(smallText) / 1024;
    const firstMd = path.join(dirs.md, readdirSync(dirs.md)[0]);
    const node = process.execPath;
    const out = (name) => ['-f', 'json', '-o', path.join(work, `${name}.json`)];
    const hasPdf = BINARY > 0 && soffice;
    const cases = [
      { id: 'txt', name: `gia-lint, ${REPORTS} .txt (tab, pipe, PDF text)`, cmd: [node, bin, '--concurrency', '1', ...out('txt'), dirs.txt], files: REPORTS },
      { id: 'md', name: `gia-lint, the same ${REPORTS} as .md`, cmd: [node, bin, '--concurrency', '1', ...out('md'), dirs.md], files: REPORTS },
      {
        id: 'html',
        name: `gia-lint, the same ${REPORTS} as saved web pages`,
        cmd: [node, bin, '--concurrency', '1', ...out('html'), dirs.html],
        files: REPORTS,
      },
      ...(BINARY > 0
        ? [{ id: 'docx', name: `gia-lint, ${BINARY} .docx`, cmd: [node, bin, '--concurrency', '1', ...out('docx'), docxDir], files: BINARY }]
        : []),
      ...(hasPdf
        ? [
            {
              id: 'pdf',
              name: `gia-lint, the same ${BINARY} as PDF (LibreOffice)`,
              cmd: [node, bin, '--concurrency', '1', ...out('pdf'), pdfDir],
              files: BINARY,
            },
          ]
        : []),
      {
        id: 'remark',
        name: `remark-cli + preset-lint-recommended, the ${REPORTS} .md`,
        cmd: [node, path.join(tools, 'node_modules/remark-cli/cli.js'), '--rc-path', remarkrc, '--no-ignore', '--quiet', '--frail', dirs.md],
        files: REPORTS,
      },
      {
        id: 'markdownlint',
        name: `markdownlint-cli2, the ${REPORTS} .md`,
        cmd: [node, path.join(tools, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'), `${dirs.md}/*.md`],
        files: REPORTS,
      },
      {
        id: 'auto',
        name: `gia-lint --concurrency auto, the ${REPORTS} .md`,
        cmd: [node, bin, '--concurrency', 'auto', ...out('auto'), dirs.md],
        files: REPORTS,
      },
      {
        id: 'cold',
        name: 'gia-lint, all text formats, --cache, cold',
        cmd: [node, bin, '--cache', '--cache-location', cacheFile, ...out('cold'), corpus],
        files: REPORTS * 3,
        cold: true,
      },
      {
        id: 'warm',
        name: 'gia-lint, all text formats, --cache, warm re-run',
        cmd: [node, bin, '--cache', '--cache-location', cacheFile, ...out('warm'), corpus],
        files: REPORTS * 3,
        warm: true,
      },
      { id: 'startup', name: `gia-lint start-up, one small file (a ${smallKB.toFixed(0)} KB .txt report)`, cmd: [node, bin, small], files: 1, small: true },
      { id: 'startupMd', name: 'gia-lint start-up, one ~25 KB Markdown report', cmd: [node, bin, firstMd], files: 1, small: true },
    ];

    const by = {};
    for (const c of cases) {
      const samples = [];
      for (let k = 0; k < (c.small ? RUNS * 3 : RUNS); k++) {
        if (c.cold) rmSync(cacheFile, { force: true });
        samples.push(measure(c.cmd));
      }
      samples.sort((a, b) => a.wall - b.wall);
      const m = samples[Math.floor(samples.length / 2)];
      by[c.id] = { name: c.name, wall: m.wall, cpu: m.cpu, rssMB: m.rssMB, filesPerSecond: c.files / m.wall };
      log(`${c.name}: ${m.wall.toFixed(2)} s wall, ${m.cpu.toFixed(2)} s CPU, ${m.rssMB.toFixed(0)} MB (exit ${m.code})`);
      // Linters exit 1 when they find problems; anything else means the tool did not run properly.
      if (m.code !== 0 && m.code !== 1) throw new Error(`${c.name} exited with ${m.code}: ${m.stderr.slice(-800)}`);
    }

    log('language server: typing into 25 KB and 100 KB drafts …');
    const lsp = JSON.parse(
      execFileSync(node, [path.join(ROOT, 'scripts/bench-lsp.mjs'), '--json', '--edits', String(EDITS)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24 }),
    );

    const findings = BASELINE ? compareFindings(BASELINE, corpus, docxDir, hasPdf ? pdfDir : undefined, cases) : undefined;

    const ratio = (a, b) => a / b;
    const f2 = (x) => x.toFixed(2);
    const row = (r) => `| ${r.name} | ${r.filesPerSecond.toFixed(1)} | ${f2(r.wall)} | ${f2(r.cpu)} | ${r.rssMB.toFixed(0)} |`;
    const html = by.html;
    const txt = by.txt;
    const targets = [
      [
        `HTML pages ≤ 2× the same reports as .txt (CPU)`,
        ratio(html.cpu, txt.cpu) <= 2,
        `${f2(ratio(html.cpu, txt.cpu))}× (${f2(html.cpu)} vs ${f2(txt.cpu)} s CPU; wall ${f2(ratio(html.wall, txt.wall))}×)`,
      ],
      [`HTML pages: peak RSS ≤ 250 MB`, html.rssMB <= 250, `${html.rssMB.toFixed(0)} MB`],
      [
        `Markdown ≤ 1.0× remark-cli + preset-lint-recommended (wall)`,
        by.md.wall <= by.remark.wall,
        `${f2(ratio(by.md.wall, by.remark.wall))}× (${f2(by.md.wall)} vs ${f2(by.remark.wall)} s; CPU ${f2(ratio(by.md.cpu, by.remark.cpu))}×)`,
      ],
      [
        `--concurrency auto never slower than 1 (wall, Markdown)`,
        by.auto.wall <= by.md.wall * 1.05,
        `${f2(ratio(by.auto.wall, by.md.wall))}× (5 % noise allowed)`,
      ],
      [
        `cached re-run ≤ 5 % of cold`,
        by.warm.wall <= by.cold.wall * 0.05,
        `${(100 * ratio(by.warm.wall, by.cold.wall)).toFixed(1)} % (${f2(by.warm.wall)} vs ${f2(by.cold.wall)} s)`,
      ],
      [
        `start-up for one small file ≤ 200 ms`,
        by.startup.wall <= 0.2,
        `${(by.startup.wall * 1000).toFixed(0)} ms (.txt, ${smallKB.toFixed(0)} KB; a 25 KB .md: ${(by.startupMd.wall * 1000).toFixed(0)} ms)`,
      ],
      ...lsp.map((r) => [
        `LSP ${Math.round(r.bytes / 1024)} KB draft, ${r.changeToPublish.n} keystrokes: didChange → diagnostics p50 ≤ 20 ms, p95 ≤ 50 ms`,
        r.changeToPublish.median <= 20 && r.changeToPublish.p95 <= 50 && !r.unanswered,
        `p50 ${r.changeToPublish.median} ms, p95 ${r.changeToPublish.p95} ms${r.unanswered ? `, ${r.unanswered} never answered` : ''}`,
      ]),
      ...(findings
        ? [
            [
              `findings byte-identical to ${findings.baseline} on the corpus (${findings.files} files)`,
              findings.differ.length === 0,
              findings.differ.length ? `differ: ${findings.differ.join(', ')}` : 'identical',
            ],
          ]
        : []),
      ...(region ? region.targets : []),
    ];
    const loadAfter = os.loadavg();
    const cpuModel = os.cpus()[0]?.model ?? 'unknown CPU';
    const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
    const table = [
      `Measured ${date} UTC on ${os.cpus().length} vCPU (${cpuModel}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average ${loadBefore[0].toFixed(1)} before, ${loadAfter[0].toFixed(1)} after (wall times rise with load; CPU times are the steadier figure); ${REPORTS} reports per text format, ${(bytes / REPORTS / 1024).toFixed(1)} KB average; median of ${RUNS} runs; gia-lint batches with --concurrency 1 unless named.`,
      '',
      '| Command | Files/s | Wall (s) | CPU (s) | Peak RSS (MB) |',
      '|---|---:|---:|---:|---:|',
      ...cases.map((c) => row(by[c.id])),
      ...(region ? region.rows.map((r) => `| ${r.name} | | ${f2(r.wall)} | ${f2(r.cpu)} | ${r.rssMB.toFixed(0)} |`) : []),
      '',
      '| Target | Measured | |',
      '|---|---|---|',
      ...targets.map(([t, ok, v]) => `| ${t} | ${v} | ${ok ? '✔' : '✘'} |`),
    ].join('\n');
    process.stdout.write(`${table}\n`);
    writeFileSync(
      path.join(ROOT, 'bench-results.json'),
      JSON.stringify(
        {
          date,
          cpus: os.cpus().length,
          cpuModel,
          load: { before: loadBefore, after: loadAfter },
          reports: REPORTS,
          rows: by,
          lsp,
          findings,
          targets,
          ...(region ? { region: region.json } : {}),
        },
        null,
        2,
      ),
    );
  }
} finally {
  if (!KEEP) rmSync(work, { recursive: true, force: true });
  else log(`kept ${work}`);
}

/**
 * Findings of the BASELINE commit on the same files (json, every measured gia-lint batch's
 * inputs), against this checkout's: the file names of outputs that differ (none: byte-identical).
 */
function compareFindings(baseline, corpus, docxDir, pdfDir, cases) {
  const commit = execFileSync('git', ['rev-parse', '--short', baseline], { cwd: ROOT, encoding: 'utf8' }).trim();
  const dir = path.join(work, `baseline-${commit}`);
  log(`building ${commit} for the findings comparison …`);
  mkdirSync(dir);
  execFileSync('sh', ['-c', `git archive ${commit} | tar -x -C '${dir}'`], { cwd: ROOT });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: dir, stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/bundle.mjs'], { cwd: dir, stdio: 'inherit' });
  const inputs = [
    ['txt', path.join(corpus, 'txt')],
    ['md', path.join(corpus, 'md')],
    ['html', path.join(corpus, 'html')],
    ['docx', docxDir],
    ...(pdfDir ? [['pdf', pdfDir]] : []),
  ];
  const differ = [];
  let files = 0;
  for (const [id, input] of inputs) {
    if (!cases.some((c) => c.id === id)) continue;
    files += readdirSync(input).length;
    const base = path.join(work, `baseline-${id}.json`);
    spawnSync(process.execPath, [path.join(dir, 'bin/gia-lint.js'), '--concurrency', '1', '-f', 'json', '-o', base, input], {
      env: { ...process.env, CI: '1' },
    });
    if (!existsSync(base) || readFileSync(base, 'utf8') !== readFileSync(path.join(work, `${id}.json`), 'utf8')) differ.push(id);
  }
  return { baseline: commit, files, differ };
}

/** One run under /usr/bin/time: wall, user+sys CPU (children included), max RSS. */
function measure(cmd, env = {}, cwd = undefined) {
  const fmt = '%e %U %S %M';
  const r = spawnSync('/usr/bin/time', ['-f', `BENCH ${fmt}`, ...cmd], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env, CI: '1' },
    maxBuffer: 1 << 28,
  });
  const line = r.stderr
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('BENCH '));
  if (!line) throw new Error(`no timing for ${cmd.join(' ')}: ${r.stderr.slice(-500)}`);
  const [wall, user, sys, rssKB] = line.slice(6).split(' ').map(Number);
  return { wall, cpu: user + sys, rssMB: rssKB / 1024, code: r.status, stderr: r.stderr };
}

/** Bring a report to ~25 KB with the kind of prose real reports add (case notes, measures, outlook). */
function pad(text, format, seed) {
  const target = 25 * 1024;
  const parts = [];
  let size = Buffer.byteLength(text);
  let k = 0;
  while (size < target) {
    const p = PROSE[(seed + k++) % PROSE.length];
    parts.push(p);
    size += Buffer.byteLength(p) + 2;
  }
  const extra = format === 'html' ? parts.map((p) => `<p>${p}</p>`).join('\n') : parts.join('\n\n');
  // Into section 五 (problems and improvements), where long prose lives in real reports.
  const marker = format === 'html' ? /(<h\d[^>]*>\s*五、[^<]*<\/h\d>)/ : /^(#*\s*五、[^\n]*)$/m;
  return marker.test(text) ? text.replace(marker, (m) => `${m}\n\n${extra}\n`) : `${text}\n\n${extra}\n`;
}

/**
 * The region check on a generated region (test/support/region.ts): a people's government and
 * REGION units, two years each, formats mixed, every unit's tables consistent with last year and
 * the government's the sum of its units'. Measured: the region run (pairing every 2024 report
 * with its 2023 predecessor from the folder, the totals, the csv overview) against linting the
 * same files as a plain batch (both years, no pairing, no region stage). Target: time and peak
 * RSS within 1.5× of the plain batch.
 */
async function benchRegion(load) {
  const { generateRegion, regionUnitNames } = await load('test/support/region.ts');
  const dir = path.join(work, 'region');
  const units = regionUnitNames(REGION);
  log(`generating a region of ${REGION} units (two years each) …`);
  const { files } = generateRegion({ units, format: (i) => ['md', 'txt-tsv', 'html', 'txt-pdf', 'txt-pipe'][i % 5] });
  for (const f of files) {
    mkdirSync(path.join(dir, path.dirname(f.path)), { recursive: true });
    writeFileSync(path.join(dir, f.path), f.text);
  }
  writeFileSync(path.join(dir, '.gianrc'), JSON.stringify({ previousDir: '2023', aggregate: [{ total: '2024/000-*.md', parts: ['2024/**'], expect: units }] }));
  const bin = path.join(ROOT, 'bin/gia-lint.js');
  const node = process.execPath;
  const cases = [
    {
      name: `gia-lint region check, ${REGION} units (2024 paired with 2023, totals, csv)`,
      cmd: [node, bin, '-f', 'csv', '-o', path.join(work, 'region.csv'), '2024/'],
    },
    {
      name: `gia-lint, the same ${files.length} files as a plain batch`,
      cmd: [node, bin, '--no-config', '-f', 'json', '-o', path.join(work, 'region-plain.json'), '2023/', '2024/'],
    },
  ];
  // Paired: the region run and the plain batch alternate, so a change in the machine's load
  // between them weighs on both; each row is the median of its own runs, and the ratios are
  // those two medians' (the same figures the table shows).
  const samples = cases.map(() => []);
  for (let k = 0; k < RUNS; k++) cases.forEach((c, i) => samples[i].push(measure(c.cmd, {}, dir)));
  const rows = cases.map((c, i) => {
    const sorted = samples[i].sort((a, b) => a.wall - b.wall);
    const m = sorted[Math.floor(sorted.length / 2)];
    if (m.code !== 0 && m.code !== 1) throw new Error(`${c.name} exited with ${m.code}: ${m.stderr.slice(-800)}`);
    log(`${c.name}: ${m.wall.toFixed(2)} s wall, ${m.cpu.toFixed(2)} s CPU, ${m.rssMB.toFixed(0)} MB (exit ${m.code})`);
    return { name: c.name, wall: m.wall, cpu: m.cpu, rssMB: m.rssMB, code: m.code };
  });
  const [regionRun, plain] = rows;
  const csv = readFileSync(path.join(work, 'region.csv'), 'utf8');
  const paired = csv.split('\r\n').filter((l) => /,2023\//.test(l)).length;
  const targets = [
    [
      `region check time within 1.5× of the plain batch (wall; plain ${plain.wall.toFixed(2)} s, limit ${(plain.wall * 1.5).toFixed(2)} s)`,
      regionRun.wall <= plain.wall * 1.5,
      `${(regionRun.wall / plain.wall).toFixed(2)}× (${regionRun.wall.toFixed(2)} vs ${plain.wall.toFixed(2)} s; CPU ${(regionRun.cpu / plain.cpu).toFixed(2)}×)`,
    ],
    [
      `region check peak RSS within 1.5× of the plain batch (plain ${plain.rssMB.toFixed(0)} MB, limit ${(plain.rssMB * 1.5).toFixed(0)} MB)`,
      regionRun.rssMB <= plain.rssMB * 1.5,
      `${(regionRun.rssMB / plain.rssMB).toFixed(2)}× (${regionRun.rssMB.toFixed(0)} vs ${plain.rssMB.toFixed(0)} MB)`,
    ],
  ];
  const text = [
    `Region: a government and ${REGION} units, two years each (${files.length} files; ${paired} of ${REGION + 1} reports paired with last year); median of ${RUNS} runs.`,
    '',
    '| Command | Wall (s) | CPU (s) | Peak RSS (MB) |',
    '|---|---:|---:|---:|',
    ...rows.map((r) => `| ${r.name} | ${r.wall.toFixed(2)} | ${r.cpu.toFixed(2)} | ${r.rssMB.toFixed(0)} |`),
    '',
    'Region targets:',
    ...targets.map(([t, ok, v]) => `- ${ok ? '✔' : '✘'} ${t}: ${v}`),
  ].join('\n');
  return { text, rows, targets, json: { units: REGION, files: files.length, paired, rows, targets } };
}
