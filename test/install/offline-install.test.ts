import { afterAll, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeTempTrees, tempTree } from '../config/tmp.js';
import { generateReport } from '../support/generate.js';

/**
 * The offline install an office on a government intranet does, end to end: `npm pack` makes
 * gia-lint-<version>.tgz with every dependency bundled; an empty project with an EMPTY npm cache
 * installs it with --offline, together with a plugin package and a shareable config package from
 * local folders (examples/); `npx gia-lint` then lints a draft with the plugin's rule, the shared
 * preset and a custom formatter. Needs dist/ (built by `npm test` first). About 18 s of CPU (npm
 * packing and unpacking ~4,500 files); 60 s wall-clock on this shared machine at load 15.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PKG = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

afterAll(removeTempTrees);

/** npm with nothing inherited from the npm that may be running jest (npm test sets npm_config_*). */
function npm(args: string[], cwd: string, cache: string) {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !/^npm_/i.test(k)) env[k] = v;
  Object.assign(env, { npm_config_cache: cache, npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false' });
  const r = spawnSync('npm', args, { cwd, env, encoding: 'utf8', timeout: 240_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('tarball + plugin folder + shareable config folder, installed offline into an empty project, lint a draft', () => {
  const work = tempTree({ 'cache/.keep': '' });
  const cache = path.join(work, 'cache');
  // --ignore-scripts: dist/ is already built; `prepare` would only build it again.
  const packed = npm(['pack', '--ignore-scripts', '--pack-destination', work, ROOT], work, cache);
  expect(packed.stderr).not.toMatch(/npm error/);
  const tarball = path.join(work, `gia-lint-${PKG.version}.tgz`);
  expect(readdirSync(work)).toContain(path.basename(tarball));

  const project = path.join(work, 'office');
  const draft = generateReport({ year: 2024, format: 'md', signDate: '2025年1月25日' })
    // A wrong period: a built-in rule (statistics-period, from the shared preset) must fire too.
    .replace('统计期限自2024年1月1日起至2024年12月31日止', '统计期限自2023年1月1日起至2023年12月31日止');
  tempTreeAt(project, {
    'package.json': JSON.stringify({ name: 'office', version: '1.0.0', private: true }),
    // The office's whole config: the province's shareable config.
    '.gianrc': '{ "extends": "province" }\n',
    // A custom formatter with the built-in signature.
    'fmt.mjs':
      'export default (results, ctx) => results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.ruleId}:${m.severity}`)).join("\\n") + `\\n(${ctx.locale})`;\n',
    'draft.md': draft,
  });
  const installed = npm(
    [
      'install',
      '--offline',
      '--install-links',
      '--no-save',
      tarball,
      path.join(ROOT, 'examples/plugin-local-rules'),
      path.join(ROOT, 'examples/config-province'),
    ],
    project,
    cache,
  );
  expect({ code: installed.code, stderr: installed.stderr.split('\n').filter((l) => /error/i.test(l)) }).toEqual({ code: 0, stderr: [] });

  const run = npm(['exec', '--offline', '--', 'gia-lint', '--format', './fmt.mjs', 'draft.md'], project, cache);
  const lines = run.stdout.trim().split('\n');
  const signLine = draft.slice(0, draft.indexOf('2025年1月25日')).split('\n').length;
  // The plugin rule with the province's deadline (1月20日, from the shareable config), as an error.
  expect(lines).toContain(`${signLine}:local-rules/province-deadline:2`);
  expect(lines.some((l) => /^\d+:statistics-period:2$/.test(l))).toBe(true);
  expect(lines.at(-1)).toBe('(zh-CN)');
  expect(run.code).toBe(1);

  // The rule contract is published as types ("gia-lint/rules"): a typed plugin compiles against
  // the installed package, and one that breaks the contract does not.
  const typed = `import type { PluginModule, Rule } from 'gia-lint/rules';
const rule: Rule = {
  meta: { id: 'r', type: 'problem', defaultSeverity: 'warn', docs: { description: { 'zh-CN': 'd', en: 'd' }, url: 'https://example.invalid/r' }, schema: {}, messages: { m: { 'zh-CN': 'm', en: 'm' } } },
  check(report, context) {
    if (report.year !== undefined && report.signature) context.report({ messageId: 'm', span: report.signature.span });
  },
};
const plugin: PluginModule = { meta: { name: 'x' }, rules: { r: rule } };
export default plugin;
`;
  writeFileSync(path.join(project, 'typed.mts'), typed);
  writeFileSync(path.join(project, 'broken.mts'), typed.replace('check(report, context) {', 'check: 5, other(report: any, context: any) {'));
  const tsc = (file: string) =>
    spawnSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules/typescript/bin/tsc'),
        '--noEmit',
        '--strict',
        '--skipLibCheck',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        file,
      ],
      { cwd: project, encoding: 'utf8' },
    );
  expect(tsc('typed.mts').stdout).toBe('');
  expect(tsc('broken.mts').stdout).toMatch(/broken\.mts.*error TS2322/);

  // The installed package is the one packed here (--offline: npm fetched nothing, or it would have failed).
  expect(npm(['exec', '--offline', '--', 'gia-lint', '--version'], project, cache).stdout.trim()).toBe(PKG.version);
}, 300_000);

function tempTreeAt(dir: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
}
