/**
 * Inputs shaped to make a linter hang: each is linted by the real CLI in one batch, under a
 * kill timer far above what a linear run needs (a hang is detected, nothing is timed). Before
 * the fixes each of these took from seconds to hours: backtracking regular expressions
 * (page tools, directives, 传真, `<!--`, `<table`, format sniffing), remark's quadratic
 * emphasis resolution, and container markers nested thousands deep.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { removeTempTrees, tempTree } from './config/tmp.js';
import { generateReport } from './support/generate.js';
import { spawnCli } from './support/spawn-cli.js';

const KILL_AFTER_MS = 90_000;

afterAll(removeTempTrees);

const run = (args: string[], cwd: string, input?: string) => spawnCli(args, { cwd, input, env: { FORCE_COLOR: '0' }, timeout: KILL_AFTER_MS });

/** Shapes that backtracked or went quadratic, scaled so the old code would not finish in time. */
const HOSTILE: Record<string, string> = {
  'page-tools.txt': `${'打印 '.repeat(40)}x\n${'【关闭】 '.repeat(40)}1\n`,
  'directive-spaces.txt': `# gia-lint-disable${' '.repeat(20_000)}x\n`,
  'directive-spaces.md': `<!-- gia-lint-disable${' '.repeat(20_000)}x\n`,
  'fax.txt': `传真：${'1'.repeat(200_000)} x\n`,
  'comments.md': '<!--'.repeat(200_000),
  'tables.md': '<table>'.repeat(20_000),
  'emphasis.md': '*a'.repeat(50_000),
  'list-stars.md': `一、${' *'.repeat(50_000)}`,
  'stars-in-cells.md': `| a | b |\n|---|---|\n| ${'*a'.repeat(30_000)} | 1 |\n`,
  'title-stars.txt': `2023年政府信息公开工作年度报告${'*'.repeat(100_000)}x\n`,
  'oneline.txt': `${'方面情况'.repeat(50_000)}x\n`,
  // Found by fuzzing: one container per marker, thousands deep, overflowed the stack.
  'nested-lists.md': `${'- '.repeat(3000)}2023年度政府信息公开工作年度报告\n`,
  'nested-ordered.md': `${'1. '.repeat(3000)}x\n`,
  'nested-quotes.md': `${'> '.repeat(5000)}x\n`,
  // Found by fuzzing: a list whose items hold a nested list is quadratic in micromark (500 KB: minutes).
  'nested-items.md': '- 一、总体情况\n  - 予以公开 3 件\n'.repeat(20_000),
  'nested-quote-lines.md': '> > 予以公开 3 件\n'.repeat(80_000),
  'inline-comments.md': `一、总体情况${'<!--'.repeat(50_000)}\n`,
};

describe('hostile inputs finish', () => {
  test(
    'a batch of backtracking and quadratic shapes: every file linted, none fatal',
    () => {
      const dir = tempTree(HOSTILE);
      const r = run(['-f', 'json', '--no-config', ...Object.keys(HOSTILE)], dir);
      expect(r.signal).toBeNull();
      const results = JSON.parse(r.stdout) as { filePath: string; fatalErrorCount: number; messages: { message: string; fatal?: boolean }[] }[];
      expect(results.map((x) => x.filePath.split('/').pop()).sort()).toEqual(Object.keys(HOSTILE).sort());
      // 20,000 unclosed <table>s read as nesting beyond the HTML depth limit: refused, on purpose.
      const refused = (name: string) => (name.endsWith('tables.md') ? ['页面结构嵌套过深（超过 500 层），不予检查'] : []);
      for (const res of results)
        expect([res.filePath, res.messages.filter((m) => m.fatal).map((m) => m.message)]).toEqual([res.filePath, refused(res.filePath)]);
    },
    KILL_AFTER_MS + 10_000,
  );

  test(
    'format sniffing on stdin: nested comment runs before a tag',
    () => {
      const text = `<!---->${'<!---->\t'.repeat(40)}N`;
      const r = run(['-f', 'json', '--no-config', '--stdin'], tempTree(), text);
      expect(r.signal).toBeNull();
      expect(JSON.parse(r.stdout)[0].fatalErrorCount).toBe(0);
    },
    KILL_AFTER_MS + 10_000,
  );

  test(
    'page chrome is still recognised after the rewrite',
    () => {
      const chrome = '打印本页 关闭窗口\n【打印】【关闭】\n分享到：微信 微博 QQ空间\n点击次数：38\n';
      const dir = tempTree({ 'r.txt': `${chrome}${generateReport({ year: 2024, format: 'txt-tsv' })}` });
      const r = run(['-f', 'json', '--no-config', 'r.txt'], dir);
      const found = (JSON.parse(r.stdout)[0].messages as { ruleId: string; line: number; endLine: number; message: string }[]).filter(
        (m) => m.ruleId === 'web-artifacts',
      );
      // One block, lines 1–4, naming the page tools, share buttons and hit counter.
      expect(found.map((m) => [m.line, m.endLine])).toEqual([[1, 4]]);
      expect(found[0].message).toMatch(/打印.*分享.*点击次数/);
    },
    KILL_AFTER_MS,
  );
});
