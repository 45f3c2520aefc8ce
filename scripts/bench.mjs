#!/usr/bin/env node
/**
 * `npm run bench`: whole-process wall time, CPU time and peak memory of gia-lint on a realistic
 * corpus, against markdownlint-cli2 and remark-cli (remark-preset-lint-recommended) on the same
 * Markdown files. Those two are installed into a temp directory by this script, never as project
 * dependencies. Nothing here is a test: it prints a table (and writes bench-results.json).
 *
 *   node scripts/bench.mjs [--reports 1000] [--runs 3] [--binary 40] [--region 300] [--region-only] [--keep]
 *
 * The region check (--region N units, 0 to leave out; --region-only for just these rows): a
 * generated region of a government and N units, two years each, linted as a region (pairing with
 * last year from a folder, totals vs units, the csv overview) and as a plain batch of the same
 * files; the target is time and peak RSS within 1.5× of the plain batch.
 *
 * Binary inputs are measured on their own, next to each other: --binary generated reports as
 * .docx, and the same files converted to PDF by LibreOffice (soffice, when installed; one
 * conversion run before the timing). Their rows show files/s.
 *
 * The corpus is deterministic: test/support/generate.ts (compiled here with the project's tsc)
 * with fixed seeds, ~25 KB per report (the generator's report plus the kind of extra prose real
 * reports carry), formats mixed as they arrive at an office: Markdown, tab/pipe tables, PDF
 * text, saved web pages. Every measured command runs under /usr/bin/time for max RSS; wall and
 * CPU come from the same place. Runs: the median of --runs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const REPORTS = Number(opt('reports', 1000));
const RUNS = Number(opt('runs', 3));
const KEEP = args.includes('--keep');
const BINARY = Number(opt('binary', 40));
/** Units of the region check (a government + N units, two years each); 0 leaves it out. */
const REGION = Number(opt('region', 300));
/** Only the region rows (no corpus, no other tools): `--region-only`. */
const REGION_ONLY = args.includes('--region-only');
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
  execFileSync(path.join(ROOT, 'node_modules/.bin/tsc'), [
    '--outDir', genOut, '--rootDir', ROOT, '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022',
    '--types', 'node', '--skipLibCheck', '--noCheck', '--ignoreConfig',
    path.join(ROOT, 'test/support/generate.ts'),
    path.join(ROOT, 'test/support/region.ts'),
  ], { stdio: 'inherit' });
  writeFileSync(path.join(genOut, 'package.json'), '{"type":"module"}');
  const { generateReport, generateDocx } = await import(pathToFileURL(path.join(genOut, 'test/support/generate.js')).href);

  const region = REGION > 0 ? await benchRegion(genOut) : undefined;
  if (REGION_ONLY) {
    if (region) process.stdout.write(`${region.text}\n`);
  } else {
    const corpus = path.join(work, 'corpus');
    const mdDir = path.join(corpus, 'md');
    log(`generating ${REPORTS} reports …`);
    const mix = [
      ['md', 'md', 0.5],
      ['txt-tsv', 'txt', 0.15],
      ['txt-pipe', 'txt', 0.1],
      ['txt-pdf', 'txt', 0.15],
      ['html', 'html', 0.1],
    ];
    let bytes = 0;
    for (let i = 0; i < REPORTS; i++) {
      const r = (i * 0.6180339887) % 1; // deterministic, evenly spread
      let acc = 0;
      const [format, ext] = mix.find(([, , share]) => (acc += share) > r) ?? mix[0];
      const year = 2019 + (i % 7);
      const agency = AGENCIES[i % AGENCIES.length];
      let text = generateReport({ year, format, seed: i + 1, agency });
      text = pad(text, format, i);
      // One in five has a planted defect, as drafts do.
      if (i % 5 === 0) text = text.replace(`${year}年1月1日`, `${year - 1}年1月1日`);
      const dir = format === 'md' ? mdDir : path.join(corpus, format);
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${String(i).padStart(4, '0')}-${agency}.${ext}`);
      writeFileSync(file, text);
      bytes += Buffer.byteLength(text);
    }
    const mdFiles = readdirSync(mdDir).length;
    log(`corpus: ${REPORTS} files, ${(bytes / REPORTS / 1024).toFixed(1)} KB average; ${mdFiles} Markdown files`);

    // Binary formats, outside the mixed corpus: the same reports as .docx and as LibreOffice PDFs.
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
      execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(path.join(work, 'lo')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', pdfDir, ...docs], { stdio: 'ignore' });
    } else log('soffice not found: no PDF rows');

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
    const small = path.join(mdDir, readdirSync(mdDir).find((f) => f.endsWith('.md')));
    const node = process.execPath;
    const cases = [
      { name: 'gia-lint, all formats, cold', cmd: [node, bin, '-f', 'json', '-o', path.join(work, 'out.json'), corpus], setup: () => {} },
      { name: 'gia-lint, all formats, --cache (warm)', cmd: [node, bin, '--cache', '--cache-location', cacheFile, '-f', 'json', '-o', path.join(work, 'out2.json'), corpus], warm: true },
      { name: 'gia-lint, Markdown only, cold', cmd: [node, bin, '-f', 'json', '-o', path.join(work, 'out3.json'), mdDir], md: true },
      { name: 'gia-lint, Markdown only, --concurrency 1', cmd: [node, bin, '--concurrency', '1', '-f', 'json', '-o', path.join(work, 'out4.json'), mdDir], md: true },
      { name: 'markdownlint-cli2, Markdown only', cmd: [node, path.join(tools, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'), `${mdDir}/*.md`], md: true },
      { name: 'remark-cli + preset-lint-recommended, Markdown only', cmd: [node, path.join(tools, 'node_modules/remark-cli/cli.js'), '--rc-path', remarkrc, '--no-ignore', '--quiet', '--frail', mdDir], md: true },
      { name: 'gia-lint start-up, one small file', cmd: [node, bin, small], small: true },
      ...(BINARY > 0 ? [{ name: `gia-lint, ${BINARY} .docx`, cmd: [node, bin, '-f', 'json', '-o', path.join(work, 'out5.json'), docxDir], files: BINARY }] : []),
      ...(BINARY > 0 && soffice
        ? [
            { name: `gia-lint, the same ${BINARY} as PDF (LibreOffice)`, cmd: [node, bin, '-f', 'json', '-o', path.join(work, 'out6.json'), pdfDir], files: BINARY },
            { name: `gia-lint, the same ${BINARY} as PDF, --concurrency 1`, cmd: [node, bin, '--concurrency', '1', '-f', 'json', '-o', path.join(work, 'out7.json'), pdfDir], files: BINARY },
          ]
        : []),
    ];

    const rows = [];
    for (const c of cases) {
      if (c.warm) rmSync(cacheFile, { force: true });
      if (c.warm) measure(c.cmd, c.env); // fill the cache
      const samples = [];
      for (let k = 0; k < (c.small ? RUNS * 3 : RUNS); k++) samples.push(measure(c.cmd, c.env));
      samples.sort((a, b) => a.wall - b.wall);
      const m = samples[Math.floor(samples.length / 2)];
      rows.push({ name: c.name, wall: m.wall, cpu: m.cpu, rssMB: m.rssMB, code: m.code, ...(c.files ? { filesPerSecond: c.files / m.wall } : {}) });
      log(`${c.name}: ${m.wall.toFixed(2)} s wall, ${m.cpu.toFixed(2)} s CPU, ${m.rssMB.toFixed(0)} MB (exit ${m.code})`);
      // Linters exit 1 when they find problems; anything else means the tool did not run properly.
      if (m.code !== 0 && m.code !== 1) throw new Error(`${c.name} exited with ${m.code}: ${m.stderr.slice(-800)}`);
    }

    const cpuModel = os.cpus()[0]?.model ?? 'unknown CPU';
    const date = new Date().toISOString().slice(0, 10);
    const table = [
      `Measured ${date} on ${os.cpus().length} vCPU (${cpuModel}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; ${REPORTS} reports (${mdFiles} Markdown), ${(bytes / REPORTS / 1024).toFixed(1)} KB average; median of ${RUNS} runs.`,
      '',
      '| Command | Wall (s) | CPU (s) | Peak RSS (MB) | Files/s |',
      '|---|---:|---:|---:|---:|',
      ...rows.map((r) => `| ${r.name} | ${r.wall.toFixed(2)} | ${r.cpu.toFixed(2)} | ${r.rssMB.toFixed(0)} | ${r.filesPerSecond ? r.filesPerSecond.toFixed(1) : ''} |`),
    ].join('\n');
    const by = Object.fromEntries(rows.map((r) => [r.name, r]));
    const cold = by['gia-lint, all formats, cold'];
    const mdCold = by['gia-lint, Markdown only, cold'];
    const fastestOther = Math.min(by['markdownlint-cli2, Markdown only'].wall, by['remark-cli + preset-lint-recommended, Markdown only'].wall);
    const targets = [
      [`gia-lint cold on the Markdown files ≤ half of the faster other tool (${(fastestOther / 2).toFixed(2)} s)`, mdCold.wall <= fastestOther / 2, `${mdCold.wall.toFixed(2)} s`],
      [`cached re-run < 5% of cold (${(cold.wall * 0.05).toFixed(2)} s)`, by['gia-lint, all formats, --cache (warm)'].wall < cold.wall * 0.05, `${by['gia-lint, all formats, --cache (warm)'].wall.toFixed(2)} s`],
      ['start-up for one small file < 300 ms', by['gia-lint start-up, one small file'].wall < 0.3, `${(by['gia-lint start-up, one small file'].wall * 1000).toFixed(0)} ms`],
      ['peak memory < 300 MB', rows.filter((r) => r.name.startsWith('gia-lint')).every((r) => r.rssMB < 300), `${Math.max(...rows.filter((r) => r.name.startsWith('gia-lint')).map((r) => r.rssMB)).toFixed(0)} MB`],
    ];
    const targetText = targets.map(([t, ok, v]) => `- ${ok ? '✔' : '✘'} ${t}: ${v}`).join('\n');
    process.stdout.write(`${table}\n\nTargets:\n${targetText}\n${region ? `\n${region.text}\n` : ''}`);
    writeFileSync(path.join(ROOT, 'bench-results.json'), JSON.stringify({ date, cpus: os.cpus().length, cpuModel, reports: REPORTS, rows, targets, ...(region ? { region: region.json } : {}) }, null, 2));
  }
} finally {
  if (!KEEP) rmSync(work, { recursive: true, force: true });
  else log(`kept ${work}`);
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
  const line = r.stderr.split('\n').reverse().find((l) => l.startsWith('BENCH '));
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
async function benchRegion(genOut) {
  const { generateRegion, regionUnitNames } = await import(pathToFileURL(path.join(genOut, 'test/support/region.js')).href);
  const dir = path.join(work, 'region');
  const units = regionUnitNames(REGION);
  log(`generating a region of ${REGION} units (two years each) …`);
  const { files } = generateRegion({ units, format: (i) => ['md', 'txt-tsv', 'html', 'txt-pdf', 'txt-pipe'][i % 5] });
  for (const f of files) {
    mkdirSync(path.join(dir, path.dirname(f.path)), { recursive: true });
    writeFileSync(path.join(dir, f.path), f.text);
  }
  writeFileSync(
    path.join(dir, '.gianrc'),
    JSON.stringify({ previousDir: '2023', aggregate: [{ total: '2024/000-*.md', parts: ['2024/**'], expect: units }] }),
  );
  const bin = path.join(ROOT, 'bin/gia-lint.js');
  const node = process.execPath;
  const cases = [
    { name: `gia-lint region check, ${REGION} units (2024 paired with 2023, totals, csv)`, cmd: [node, bin, '-f', 'csv', '-o', path.join(work, 'region.csv'), '2024/'] },
    { name: `gia-lint, the same ${files.length} files as a plain batch`, cmd: [node, bin, '--no-config', '-f', 'json', '-o', path.join(work, 'region-plain.json'), '2023/', '2024/'] },
  ];
  const rows = [];
  for (const c of cases) {
    const samples = [];
    for (let k = 0; k < RUNS; k++) samples.push(measure(c.cmd, {}, dir));
    samples.sort((a, b) => a.wall - b.wall);
    const m = samples[Math.floor(samples.length / 2)];
    if (m.code !== 0 && m.code !== 1) throw new Error(`${c.name} exited with ${m.code}: ${m.stderr.slice(-800)}`);
    rows.push({ name: c.name, wall: m.wall, cpu: m.cpu, rssMB: m.rssMB, code: m.code });
    log(`${c.name}: ${m.wall.toFixed(2)} s wall, ${m.cpu.toFixed(2)} s CPU, ${m.rssMB.toFixed(0)} MB (exit ${m.code})`);
  }
  const [regionRun, plain] = rows;
  const csv = readFileSync(path.join(work, 'region.csv'), 'utf8');
  const paired = csv.split('\r\n').filter((l) => /,2023\//.test(l)).length;
  const targets = [
    [`time within 1.5× of the plain batch (${(plain.wall * 1.5).toFixed(2)} s)`, regionRun.wall <= plain.wall * 1.5, `${regionRun.wall.toFixed(2)} s (${(regionRun.wall / plain.wall).toFixed(2)}×)`],
    [`peak RSS within 1.5× of the plain batch (${(plain.rssMB * 1.5).toFixed(0)} MB)`, regionRun.rssMB <= plain.rssMB * 1.5, `${regionRun.rssMB.toFixed(0)} MB (${(regionRun.rssMB / plain.rssMB).toFixed(2)}×)`],
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
  return { text, json: { units: REGION, files: files.length, paired, rows, targets } };
}
