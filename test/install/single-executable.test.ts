import { afterAll, expect, test } from '@jest/globals';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeTempTrees, tempTree } from '../config/tmp.js';
import { generateReport } from '../support/generate.js';

/**
 * The single executable for Linux x64 (scripts/build-sea.mjs: Node SEA + postject), built from
 * dist/ (npm test builds it first) and started from a directory of its own with no node on PATH:
 * it lints a draft, loads a plugin from the directory's node_modules, reads a traditional-script
 * report in simplified characters (OpenCC is inside the executable), and writes SARIF. About 3 s
 * of CPU, 15 s wall-clock here (copying the 100 MB node binary).
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

afterAll(removeTempTrees);

const onLinuxX64 = process.platform === 'linux' && process.arch === 'x64';

(onLinuxX64 ? test : test.skip)(
  'build, then run from a clean directory without node',
  () => {
    const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-sea.mjs')], { cwd: ROOT, encoding: 'utf8' });
    expect({ code: built.status, stderr: built.stderr }).toEqual({ code: 0, stderr: '' });
    const exe = path.join(ROOT, 'build/sea/gia-lint');
    expect(existsSync(exe)).toBe(true);

    const draft = generateReport({ year: 2024, format: 'md', signDate: '2025年1月25日' }).replace(
      '统计期限自2024年1月1日起至2024年12月31日止',
      '统计期限自2023年1月1日起至2023年12月31日止',
    );
    const dir = tempTree({
      'draft.md': draft,
      '.gianrc.yaml': 'plugins: [local-rules]\nextends: ["plugin:local-rules/recommended"]\n',
    });
    // The example plugin "installed" beside the executable.
    for (const f of ['package.json', 'index.js']) {
      const target = path.join(dir, 'node_modules/gia-lint-plugin-local-rules', f);
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(path.join(ROOT, 'examples/plugin-local-rules', f), target);
    }
    copyFileSync(exe, path.join(dir, 'gia-lint'));
    // A 繁體 page without its part 六: read as a report (not 'not-a-report') only when converted.
    copyFileSync(path.join(ROOT, 'test/cases/required-sections/traditional-script-missing-part.md'), path.join(dir, 'traditional.md'));
    writeFileSync(path.join(dir, 'empty.txt'), '');
    // No node anywhere: PATH points nowhere, and nothing else of the environment is kept.
    const run = (args: string[]) => spawnSync(path.join(dir, 'gia-lint'), args, { cwd: dir, env: { PATH: '/nonexistent' }, encoding: 'utf8' });

    expect(run(['--version']).stdout.trim()).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    const lint = run(['--format', 'unix', 'draft.md', 'empty.txt', 'traditional.md']);
    expect(lint.status).toBe(1);
    expect(lint.stdout).toMatch(/draft\.md:\d+:\d+: .*\[Error\/statistics-period\]/);
    expect(lint.stdout).toMatch(/draft\.md:\d+:\d+: 落款日期 2025年1月25日 晚于.*\[Error\/local-rules\/province-deadline\]/);
    expect(lint.stdout).toMatch(/empty\.txt:1:1: 文件为空/);
    expect(lint.stdout).toMatch(/traditional\.md:81:1: 缺少「六、其他需要报告的事项」部分.*\[Error\/required-sections\]/);
    expect(lint.stdout).not.toContain('not-a-report');
    const sarif = JSON.parse(run(['--format', 'sarif', 'draft.md']).stdout);
    expect(sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'table-sum').helpUri).toMatch(/^https:\/\//);
  },
  180_000,
);
