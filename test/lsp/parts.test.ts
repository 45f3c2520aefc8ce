import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CancellationToken } from 'vscode-languageserver/node';
import { minimalEdit } from '../../src/lsp/actions.js';
import { documentFormat, messageRange, ruleDocsUrl, toDiagnostic } from '../../src/lsp/convert.js';
import { disableFileEdit, disableLineEdit } from '../../src/lsp/disable.js';
import { LintScheduler } from '../../src/lsp/scheduler.js';
import { LintService } from '../../src/lsp/service.js';
import type { Rule } from '../../src/engine/types.js';
import { DEFAULT_DEBOUNCE_MS, parseSettings } from '../../src/lsp/settings.js';
import { builtinRules } from '../../src/rules/index.js';
import { verify } from '../../src/engine/linter.js';
import { resolveConfigForFile } from '../../src/config/load.js';
import { generateReport } from '../support/generate.js';
import { parseCase } from '../support/case-markers.js';
import type { TextEdit } from 'vscode-languageserver/node';

const doc = (text: string, languageId = 'markdown') => TextDocument.create('file:///x/report.md', languageId, 1, text);
const apply = (d: TextDocument, e: TextEdit | null) => TextDocument.applyEdits(d, e ? [e] : []);

describe('positions', () => {
  test('LintMessage 1-based UTF-16 → LSP 0-based, also past astral characters', () => {
    expect(messageRange({ line: 3, column: 5, endLine: 3, endColumn: 9 })).toEqual({ start: { line: 2, character: 4 }, end: { line: 2, character: 8 } });
    expect(messageRange({ line: 1, column: 1 })).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  });

  test('a diagnostic has the rule as code, an absolute docs link and related locations', () => {
    const d = toDiagnostic(
      {
        ruleId: 'table-sum',
        severity: 1,
        message: 'm',
        line: 2,
        column: 3,
        endLine: 2,
        endColumn: 4,
        relatedLocations: [{ line: 5, column: 1, endLine: 5, endColumn: 3, message: 'there' }],
      },
      { uri: 'file:///r.md', rules: builtinRules, docsBaseUrl: 'https://example.org/gia-lint/rules/' },
    );
    expect(d).toEqual({
      range: { start: { line: 1, character: 2 }, end: { line: 1, character: 3 } },
      severity: 2,
      source: 'gia-lint',
      message: 'm',
      code: 'table-sum',
      codeDescription: { href: 'https://example.org/gia-lint/rules/table-sum.md' },
      relatedInformation: [
        { location: { uri: 'file:///r.md', range: { start: { line: 4, character: 0 }, end: { line: 4, character: 2 } } }, message: 'there' },
      ],
    });
    expect(ruleDocsUrl('table-sum')).toMatch(/^file:\/\/.*\/docs\/rules\/table-sum\.md$/);
  });

  test('the format comes from the language id, else the extension', () => {
    expect(documentFormat('markdown', undefined, 'untitled:Untitled-1')).toBe('markdown');
    expect(documentFormat('plaintext', '/a/b.md', 'file:///a/b.md')).toBe('text');
    expect(documentFormat('text', undefined, 'untitled:x')).toBe('text');
    expect(documentFormat('html', undefined, 'untitled:x')).toBe('html');
    expect(documentFormat('unknown', '/a/b.htm', 'file:///a/b.htm')).toBe('html');
    expect(documentFormat('json', '/a/.gianrc', 'file:///a/.gianrc')).toBeUndefined();
    expect(documentFormat('unknown', '/a/b.docx', 'file:///a/b.docx')).toBeUndefined();
  });
});

describe('disable directives', () => {
  test("markdown: a comment line above, with the line's blockquote prefix", () => {
    const d = doc('# 标题\n\n> 引用第一行\n> 统计期限……\n');
    expect(apply(d, disableLineEdit(d, 'markdown', 3, 'statistics-period'))).toBe(
      '# 标题\n\n> 引用第一行\n> <!-- gia-lint-disable-next-line statistics-period -->\n> 统计期限……\n',
    );
  });

  test('markdown pipe-table row: a trailing disable-line (a line between rows would end the table)', () => {
    const d = doc('| a | b |\n| --- | --- |\n| 1 | 2 |\n');
    expect(apply(d, disableLineEdit(d, 'markdown', 2, 'table-sum'))).toBe('| a | b |\n| --- | --- |\n| 1 | 2 | <!-- gia-lint-disable-line table-sum -->\n');
    const again = TextDocument.create(d.uri, 'markdown', 2, apply(d, disableLineEdit(d, 'markdown', 2, 'table-sum')));
    expect(apply(again, disableLineEdit(again, 'markdown', 2, 'cell-value'))).toBe(
      '| a | b |\n| --- | --- |\n| 1 | 2 | <!-- gia-lint-disable-line table-sum, cell-value -->\n',
    );
  });

  test('an existing disable-next-line gets the rule added, before its reason', () => {
    const d = doc('<!-- gia-lint-disable-next-line table-sum -- 原表如此 -->\n<tr><td>1</td></tr>\n', 'html');
    expect(apply(d, disableLineEdit(d, 'html', 1, 'cell-value'))).toBe(
      '<!-- gia-lint-disable-next-line table-sum, cell-value -- 原表如此 -->\n<tr><td>1</td></tr>\n',
    );
    const all = doc('<!-- gia-lint-disable-next-line -->\nx\n');
    expect(disableLineEdit(all, 'markdown', 1, 'table-sum')).toBeNull();
  });

  test('plain text: a // line with the same indentation; CRLF kept', () => {
    const d = doc('标题\r\n  统计期限\r\n', 'plaintext');
    expect(apply(d, disableLineEdit(d, 'text', 1, 'statistics-period'))).toBe('标题\r\n  // gia-lint-disable-next-line statistics-period\r\n  统计期限\r\n');
  });

  test('whole file: at the top, after a BOM or an HTML doctype; merged into an existing one', () => {
    const md = doc('\uFEFF# 报告\n');
    expect(apply(md, disableFileEdit(md, 'markdown', 'table-sum'))).toBe('\uFEFF<!-- gia-lint-disable table-sum -->\n# 报告\n');
    const html = doc('<!DOCTYPE html>\n<html><body></body></html>\n', 'html');
    expect(apply(html, disableFileEdit(html, 'html', 'web-artifacts'))).toBe(
      '<!DOCTYPE html>\n<!-- gia-lint-disable web-artifacts -->\n<html><body></body></html>\n',
    );
    const txt = doc('// gia-lint-disable placeholder\n正文\n', 'plaintext');
    expect(apply(txt, disableFileEdit(txt, 'text', 'table-sum'))).toBe('// gia-lint-disable placeholder, table-sum\n正文\n');
  });

  test('the inserted directives are honoured by the engine, in every generated format', async () => {
    const config = await resolveConfigForFile(undefined, { useConfigFile: false });
    for (const format of ['md', 'txt-tsv', 'txt-pipe'] as const) {
      const good = generateReport({ year: 2024, format, seed: 5 });
      const bad = good.replace(/统计(期限|时限)自2024年/, '统计$1自2023年');
      expect(bad).not.toBe(good);
      const inputFormat = format === 'md' ? 'markdown' : 'text';
      const { messages } = verify(bad, { format: inputFormat, config, rules: builtinRules });
      const m = messages.find((x) => x.ruleId === 'statistics-period')!;
      expect(m).toBeDefined();
      const d = doc(bad);
      const line = apply(d, disableLineEdit(d, inputFormat, m.line - 1, 'statistics-period'));
      expect(verify(line, { format: inputFormat, config, rules: builtinRules }).messages).toEqual([]);
      const file = apply(d, disableFileEdit(d, inputFormat, 'statistics-period'));
      expect(verify(file, { format: inputFormat, config, rules: builtinRules }).messages).toEqual([]);
    }
  });

  test('a trailing disable-line on a pipe-table row silences the row and changes nothing else', async () => {
    const config = await resolveConfigForFile(undefined, { useConfigFile: false });
    const md = generateReport({ year: 2024, format: 'md', seed: 2 });
    const lines = md.split('\n');
    const row = lines.findIndex((l) => /^\| 行政许可 \|/.test(l));
    expect(row).toBeGreaterThan(0);
    const d = doc(md);
    const withComment = apply(d, disableLineEdit(d, 'markdown', row, 'cell-value'));
    expect(withComment.split('\n')[row]).toMatch(/ <!-- gia-lint-disable-line cell-value -->$/);
    const before = verify(md, { format: 'markdown', config, rules: builtinRules });
    const after = verify(withComment, { format: 'markdown', config, rules: builtinRules });
    expect(after.messages).toEqual(before.messages);
    // The row still reads as the same cells (the comment is no extra column).
    const cells = (r: typeof before) => r.reports[0].tables.active!.rows.licensing.cells;
    expect(Object.keys(cells(before))).toEqual(Object.keys(cells(after)));
    expect(Object.values(cells(after)).map((c) => c.raw)).toEqual(Object.values(cells(before)).map((c) => c.raw));
  });
});

describe('settings', () => {
  test('config keys pass through (relative paths from the workspace); server keys are checked', () => {
    const { settings, problems } = parseSettings(
      { locale: 'en', year: 2024, previous: 'reports/2023.md', debounceMs: 0, docsBaseUrl: 'https://e.org/r' },
      '/ws',
    );
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      config: { locale: 'en', year: 2024, previous: '/ws/reports/2023.md' },
      useConfigFile: true,
      debounceMs: 0,
      docsBaseUrl: 'https://e.org/r/',
    });
  });

  test('a bad value or an unknown key is named and dropped', () => {
    const { settings, problems } = parseSettings({ debounceMs: -5, colour: 'red', useConfigFile: 'no' }, undefined, 'en');
    expect(settings.debounceMs).toBe(DEFAULT_DEBOUNCE_MS);
    expect(settings.useConfigFile).toBe(true);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toContain('debounceMs');
    expect(problems[1]).toContain('colour');
    expect(problems[2]).toContain('useConfigFile');
  });

  test('ruleSeverity applies over the .gianrc as in the CLI\'s config: "exact" makes a rule\'s lesser findings errors', async () => {
    // Seed 001 ends in prose: publication-date's missing-date warning, a lesser case of an error rule.
    const text = readFileSync(new URL('../seeds/001_03af6b1ba3cee113.txt', import.meta.url), 'utf8');
    const severities = async (raw: object) => {
      const { settings, problems } = parseSettings({ useConfigFile: false, ...raw }, undefined);
      expect(problems).toEqual([]);
      const service = new LintService();
      service.configure(settings, []);
      const out = await service.lint({ uri: 'untitled:r.txt', version: 1, text, format: 'text' });
      return out!.messages.map((m) => `${m.ruleId}:${m.severity}`);
    };
    const ceiling = await severities({});
    expect(ceiling).toContain('publication-date:1');
    expect(await severities({ ruleSeverity: 'ceiling' })).toEqual(ceiling);
    expect(await severities({ ruleSeverity: 'exact' })).toEqual(ceiling.map((s) => s.replace(/:1$/, ':2')));
    expect(await severities({ extends: 'gia-lint:strict' })).toContain('publication-date:2');
  });
});

describe('scheduler', () => {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  /** A scheduler whose lints wait for the test to release them (a slow lint), recording what happens. */
  function gatedScheduler(delayMs: number) {
    const state = { version: 0, started: [] as number[], cancelled: [] as number[], published: [] as number[], gates: [] as (() => void)[] };
    const scheduler = new LintScheduler<number>(
      async (_uri, token: CancellationToken) => {
        const v = state.version;
        state.started.push(v);
        await new Promise<void>((r) => state.gates.push(r));
        if (token.isCancellationRequested) {
          state.cancelled.push(v);
          return undefined;
        }
        return v;
      },
      (_uri, v) => state.published.push(v),
      () => delayMs,
    );
    return { state, scheduler };
  }
  const until = async (cond: () => boolean) => {
    for (let i = 0; i < 500 && !cond(); i++) await sleep(5);
    expect(cond()).toBe(true);
  };

  test('lints an idle document at once; edits during a run are coalesced into one follow-up at the newest version', async () => {
    const { state, scheduler } = gatedScheduler(0);
    state.version = 1;
    scheduler.schedule('a');
    await until(() => state.started.length === 1);
    expect(state.started).toEqual([1]);
    // Versions 2–4 arrive while 1 is being linted: no new run starts beside it.
    for (state.version = 2; state.version <= 4; state.version++) scheduler.schedule('a');
    state.version = 4;
    await sleep(20);
    expect(state.started).toEqual([1]);
    expect(scheduler.busy('a')).toBe(true);
    // When 1 ends it is not published (superseded); one run of 4 follows and is published.
    state.gates[0]();
    await until(() => state.started.length === 2);
    expect(state.cancelled).toEqual([1]);
    expect(state.started).toEqual([1, 4]);
    state.gates[1]();
    await until(() => state.published.length === 1);
    expect(state.published).toEqual([4]);
    await until(() => !scheduler.busy('a'));
    // now() runs at once, also while idle.
    const now = scheduler.now('a');
    await until(() => state.gates.length === 3);
    state.gates[2]();
    expect(await now).toBe(4);
    scheduler.dispose();
  });

  test('with a quiet time, a burst of edits is linted once, at its last version', async () => {
    const { state, scheduler } = gatedScheduler(20);
    for (state.version = 1; state.version <= 5; state.version++) scheduler.schedule('a');
    state.version = 5;
    expect(state.started).toEqual([]);
    await until(() => state.started.length === 1);
    expect(state.started).toEqual([5]);
    state.gates[0]();
    await until(() => state.published.length === 1);
    expect(state.published).toEqual([5]);
    // An edit while a run is in flight still cancels it and is linted after the quiet time.
    state.version = 6;
    scheduler.schedule('a');
    await until(() => state.started.length === 2);
    state.version = 7;
    scheduler.schedule('a');
    state.gates[1]();
    await until(() => state.started.length === 3);
    expect(state.cancelled).toEqual([6]);
    state.gates[2]();
    await until(() => state.published.length === 2);
    expect(state.published).toEqual([5, 7]);
    scheduler.dispose();
  });

  test('a failing lint is reported, not thrown', async () => {
    const errors: unknown[] = [];
    const scheduler = new LintScheduler<number>(
      () => Promise.reject(new Error('boom')),
      () => undefined,
      () => 0,
      (_u, e) => errors.push(e),
    );
    expect(await scheduler.now('a')).toBeUndefined();
    expect(String(errors[0])).toContain('boom');
  });
});

test('fix all replaces only what changed', () => {
  const d = doc('第一行\n统计期限2023年\n第三行\n');
  expect(minimalEdit(d, d.getText(), '第一行\n统计期限2024年\n第三行\n')).toEqual({
    range: { start: { line: 1, character: 7 }, end: { line: 1, character: 8 } },
    newText: '4',
  });
});

describe('related locations from the rules', () => {
  const repo = new URL('../..', import.meta.url);
  const lint = async (rel: string) => {
    // Case files carry expectation markers: lint the text without them, as test/cases.test.ts does.
    const text = parseCase(readFileSync(new URL(rel, repo), 'utf8')).text;
    const config = await resolveConfigForFile(undefined, { useConfigFile: false });
    return { text, messages: verify(text, { filePath: rel, config, rules: builtinRules }).messages };
  };

  test('text-table-mismatch points at the cell its "第 N 行" names', async () => {
    const { text, messages } = await lint('test/cases/text-table-mismatch/received-mismatch.txt');
    const m = messages.find((x) => x.ruleId === 'text-table-mismatch')!;
    const line = Number(/第 (\d+) 行/.exec(m.message)![1]);
    // One location per cell of every reading the message names (新收 alone; 新收 + 上年结转).
    expect(m.relatedLocations!.length).toBeGreaterThanOrEqual(1);
    expect(m.relatedLocations![0].line).toBe(line);
    for (const r of m.relatedLocations!) {
      const cell = text.split('\n')[r.line - 1].slice(r.column - 1, r.endColumn - 1);
      expect(r.message.endsWith(`：${cell}`)).toBe(true);
    }
    expect(m.relatedLocations![0].message).toContain('9');
  });

  test('zero-fee-conflict points at the fee figure', async () => {
    const { text, messages } = await lint('examples/draft-2024.md');
    const m = messages.find((x) => x.ruleId === 'zero-fee-conflict')!;
    const r = m.relatedLocations![0];
    expect(r.line).toBe(Number(/第 (\d+) 行/.exec(m.message)![1]));
    expect(text.split('\n')[r.line - 1].slice(r.column - 1, r.endColumn - 1)).toBe('1.25');
  });
});

describe('lint service', () => {
  const input = (text: string) => ({ uri: 'untitled:x', version: 1, text, format: 'markdown' as const });

  test('an engine failure becomes a problem of the document, not a crash', async () => {
    const boom: Rule = {
      meta: { ...builtinRules.get('table-sum')!.meta, id: 'boom' },
      check() {
        throw new Error('rule exploded');
      },
    };
    const service = new LintService(new Map([['boom', boom]]));
    service.configure(parseSettings({ useConfigFile: false }, undefined).settings, []);
    const out = await service.lint(input(generateReport({ year: 2024, format: 'md', seed: 1 })));
    expect(out?.problem).toEqual({ kind: 'internal', message: expect.stringContaining('rule exploded') });
    expect(out?.messages).toEqual([]);
  });

  test('a buffer over the size limit is not linted', async () => {
    const service = new LintService();
    service.configure(parseSettings({ useConfigFile: false, locale: 'en' }, undefined).settings, []);
    const out = await service.lint(input('统'.repeat(7 * 1024 * 1024 + 1)));
    expect(out?.problem?.message).toMatch(/^Too large to lint \(21\.0 MiB; limit 20\.0 MiB\)$/);
  });

  test('version after version, a buffer gets what a whole lint of each version gets (Markdown is read again only where edited)', async () => {
    const service = new LintService();
    service.configure(parseSettings({ useConfigFile: false }, undefined).settings, []);
    const draft = readFileSync(new URL('../../examples/draft-2024.md', import.meta.url), 'utf8');
    // Correct the planted 总计 and 统计期限, add a paragraph, open a list and close the buffer's last line.
    const edits: [string, string][] = [
      ['| 29 |', '| 28 |'],
      ['自2023年1月1日起至2023年12月31日止', '自2024年1月1日起至2024年12月31日止'],
      ['## 二、', '全年共收到申请30件。\n\n## 二、'],
      ['### （一）主动公开', '- 主动公开'],
      ['- 主动公开', '### （一）主动公开'],
    ];
    let text = draft;
    const counts: number[] = [];
    for (const [version, [from, to]] of [['', ''], ...edits].entries()) {
      text = text.replace(from, to);
      const out = (await service.lint({ uri: 'file:///draft.md', version, text, format: 'markdown' }))!;
      const whole = verify(text, { format: 'markdown', config: out.config!, rules: builtinRules });
      expect(out.messages).toEqual(whole.messages);
      expect(service.fixAll(out)).toBe(service.fixAll({ ...out, messages: whole.messages }));
      counts.push(out.messages.length);
    }
    // The corrections were seen: fewer problems after them.
    expect(counts[2]).toBeLessThan(counts[0]);
  });

  test('a cancelled run returns nothing', async () => {
    const service = new LintService();
    service.configure(parseSettings({ useConfigFile: false }, undefined).settings, []);
    expect(await service.lint(input('# x'), { isCancellationRequested: true, onCancellationRequested: () => ({ dispose() {} }) })).toBeUndefined();
  });
});
