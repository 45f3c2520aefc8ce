import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateReport } from '../support/generate.js';
import { LspClient } from './client.js';

/**
 * The language server as an editor sees it: `node bin/gia-lint.js --lsp --stdio` spawned, spoken
 * to in framed JSON-RPC. Needs dist/ (npm test builds first).
 */
const repo = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const bin = path.join(repo, 'bin/gia-lint.js');
const clean = readFileSync(path.join(repo, 'examples/clean-2024.md'), 'utf8');
const draft = readFileSync(path.join(repo, 'examples/draft-2024.md'), 'utf8');

/** clean-2024.md with the 总计 of table 三 row 一 off by one (29 instead of 28). */
const TOTAL_LINE = clean.split('\n').findIndex((l) => l.includes('一、本年新收政府信息公开申请数量'));
const brokenTotal = clean
  .split('\n')
  .map((l, i) => (i === TOTAL_LINE ? l.replace(/<td>28<\/td><\/tr>$/, '<td>29</td></tr>') : l))
  .join('\n');
/** clean-2024.md whose 统计期限 names 2023. */
const wrongPeriod = clean.replace('统计期限自2024年1月1日起至2024年12月31日止', '统计期限自2023年1月1日起至2023年12月31日止');

interface Pos {
  line: number;
  character: number;
}
interface Edit {
  range: { start: Pos; end: Pos };
  newText: string;
}

function offsetOf(text: string, p: Pos): number {
  const lines = text.split('\n');
  let o = 0;
  for (let i = 0; i < p.line; i++) o += lines[i].length + 1;
  return o + p.character;
}

/** Apply LSP text edits (non-overlapping) to a text, as an editor does. */
function applyEdits(text: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => offsetOf(text, b.range.start) - offsetOf(text, a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offsetOf(out, e.range.start)) + e.newText + out.slice(offsetOf(out, e.range.end));
  return out;
}

/** The edits of a workspace edit for one document (documentChanges or changes). */
function editsOf(edit: any, uri: string): Edit[] {
  if (edit.documentChanges) return edit.documentChanges.filter((d: any) => d.textDocument.uri === uri).flatMap((d: any) => d.edits);
  return edit.changes[uri];
}

let workspace: string;
let client: LspClient;
const uriOf = (name: string) => pathToFileURL(path.join(workspace, name)).href;
const version = new Map<string, number>();

function open(name: string, text: string, languageId = 'markdown'): string {
  const uri = uriOf(name);
  version.set(uri, 1);
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  return uri;
}

function change(uri: string, contentChanges: unknown[]): number {
  const v = (version.get(uri) ?? 0) + 1;
  version.set(uri, v);
  client.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges });
  return v;
}

beforeAll(async () => {
  workspace = mkdtempSync(path.join(tmpdir(), 'gia-lsp-'));
  // The workspace's own config, so nothing above the temp dir applies.
  writeFileSync(path.join(workspace, '.gianrc'), '{ "extends": "gia-lint:recommended" }\n');
  client = new LspClient(process.execPath, [bin, '--lsp', '--stdio'], { cwd: workspace });
  const init = await client.request('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(workspace).href,
    workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'ws' }],
    capabilities: {
      workspace: {
        configuration: true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        workspaceEdit: { documentChanges: true },
      },
      textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true } },
    },
    initializationOptions: { debounceMs: 50 },
  });
  expect(init.capabilities.textDocumentSync.change).toBe(2); // incremental
  expect(init.capabilities.codeActionProvider.codeActionKinds).toEqual(['quickfix', 'source.fixAll.gia-lint']);
  expect(init.capabilities.hoverProvider).toBe(true);
  expect(init.serverInfo.name).toBe('gia-lint');
  client.notify('initialized', {});
});

afterAll(() => {
  if (client.child.exitCode === null) client.child.kill();
  rmSync(workspace, { recursive: true, force: true });
});

describe('gia-lint --lsp', () => {
  test('a broken total is reported at its cell; the incremental edit that corrects it clears the list', async () => {
    const uri = uriOf('broken-total.md');
    const first = client.diagnostics(uri, 1);
    open('broken-total.md', brokenTotal);
    const { diagnostics } = await first;

    const line = brokenTotal.split('\n')[TOTAL_LINE];
    const cell = line.lastIndexOf('<td>29</td>') + '<td>'.length;
    const sum = diagnostics.find((d) => d.code === 'table-sum');
    expect(sum).toBeDefined();
    expect(sum.range).toEqual({ start: { line: TOTAL_LINE, character: cell }, end: { line: TOTAL_LINE, character: cell + 2 } });
    expect(sum.severity).toBe(1);
    expect(sum.source).toBe('gia-lint');
    expect(sum.message).toContain('应为 28');
    // The docs link is an absolute file URL to the rule's page in the package.
    expect(sum.codeDescription.href).toBe(pathToFileURL(path.join(repo, 'docs/rules/table-sum.md')).href);
    expect(existsSync(fileURLToPath(sum.codeDescription.href))).toBe(true);
    // The balance of the 总计 column breaks through the same cell.
    expect(diagnostics.map((d) => d.code).sort()).toEqual(['application-balance', 'table-sum']);

    const fixed = client.diagnostics(uri, 2);
    change(uri, [{ range: { start: { line: TOTAL_LINE, character: cell }, end: { line: TOTAL_LINE, character: cell + 2 } }, text: '28' }]);
    expect((await fixed).diagnostics).toEqual([]);
  });

  test('rapid edits: only the latest version is published', async () => {
    const uri = open('typing.md', clean);
    await client.diagnostics(uri, 1);
    const before = client.notifications.length;
    const line = clean.split('\n')[TOTAL_LINE];
    const cell = line.lastIndexOf('<td>28</td>') + '<td>'.length;
    const at = (text: string) => ({ range: { start: { line: TOTAL_LINE, character: cell }, end: { line: TOTAL_LINE, character: cell + 2 } }, text });
    change(uri, [at('27')]);
    change(uri, [at('26')]);
    change(uri, [at('29')]);
    const last = change(uri, [at('28')]); // right again
    const result = await client.diagnostics(uri, last);
    expect(result.diagnostics).toEqual([]);
    await new Promise((r) => setTimeout(r, 200));
    const published = client.notifications
      .slice(before)
      .filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri)
      .map((n) => n.params.version);
    expect(published).toEqual([last]);
  });

  test('code actions: apply the statistics-period fix, disable for the line, fix all', async () => {
    const uri = uriOf('period.md');
    const first = client.diagnostics(uri, 1);
    open('period.md', wrongPeriod);
    const { diagnostics } = await first;
    const period = diagnostics.find((d) => d.code === 'statistics-period');
    expect(period).toBeDefined();
    expect(diagnostics).toHaveLength(1);

    const actions: any[] = await client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: period.range,
      context: { diagnostics: [period] },
    });
    const titles = actions.map((a) => a.title);
    expect(titles).toEqual(['修复此 statistics-period 问题', '在此行禁用 statistics-period', '在整个文件中禁用 statistics-period', '修复所有可自动修复的问题']);
    const fix = actions[0];
    expect(fix.kind).toBe('quickfix');
    expect(fix.isPreferred).toBe(true);
    expect(fix.edit.documentChanges[0].textDocument).toEqual({ uri, version: 1 });
    const fixedText = applyEdits(wrongPeriod, editsOf(fix.edit, uri));
    expect(fixedText).toBe(clean);

    // The disable-line action inserts a directive the engine honours.
    const disabled = applyEdits(wrongPeriod, editsOf(actions[1].edit, uri));
    expect(disabled.split('\n')[period.range.start.line]).toBe('<!-- gia-lint-disable-next-line statistics-period -->');
    const afterDisable = client.diagnostics(uri, 2);
    change(uri, [{ text: disabled }]); // full-document sync
    expect((await afterDisable).diagnostics).toEqual([]);

    // Back to the broken text, then apply the fix the editor way (full text).
    const broken = client.diagnostics(uri, 3);
    change(uri, [{ text: wrongPeriod }]);
    expect((await broken).diagnostics.map((d: any) => d.code)).toEqual(['statistics-period']);
    const fixAll: any[] = await client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.gia-lint'] },
    });
    expect(fixAll.map((a) => a.kind)).toEqual(['source.fixAll.gia-lint']);
    expect(applyEdits(wrongPeriod, editsOf(fixAll[0].edit, uri))).toBe(clean);

    const done = client.diagnostics(uri, 4);
    change(uri, [{ text: fixedText }]);
    expect((await done).diagnostics).toEqual([]);
  });

  test('a suggestion is offered as its own action', async () => {
    const uri = uriOf('suggest.md');
    const first = client.diagnostics(uri, 1);
    open('suggest.md', brokenTotal);
    const sum = (await first).diagnostics.find((d: any) => d.code === 'table-sum');
    const actions: any[] = await client.request('textDocument/codeAction', { textDocument: { uri }, range: sum.range, context: { diagnostics: [sum] } });
    const suggestion = actions.find((a) => a.title === '将总计改为 28');
    expect(suggestion).toBeDefined();
    expect(applyEdits(brokenTotal, editsOf(suggestion.edit, uri))).toBe(clean);
  });

  test('hover on a problem explains the rule and its legal basis', async () => {
    const uri = uriOf('hover.md');
    const first = client.diagnostics(uri, 1);
    open('hover.md', brokenTotal);
    const sum = (await first).diagnostics.find((d: any) => d.code === 'table-sum');
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: sum.range.start });
    expect(hover.contents.kind).toBe('markdown');
    expect(hover.contents.value).toContain('**table-sum**');
    expect(hover.contents.value).toContain('法律依据：国办公开办函〔2021〕30号');
    expect(hover.contents.value).toContain(pathToFileURL(path.join(repo, 'docs/rules/table-sum.md')).href);
    expect(hover.range).toEqual(sum.range);
    const nothing = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    expect(nothing).toBeNull();
  });

  test('a contradiction points at its second location (related information)', async () => {
    const uri = uriOf('fees.md');
    const first = client.diagnostics(uri, 1);
    open('fees.md', draft);
    const fee = (await first).diagnostics.find((d: any) => d.code === 'zero-fee-conflict');
    expect(fee.range.start.line).toBe(118);
    const figureLine = draft.split('\n')[62];
    const at = figureLine.indexOf('1.25');
    expect(fee.relatedInformation).toEqual([
      {
        location: { uri, range: { start: { line: 62, character: at }, end: { line: 62, character: at + 4 } } },
        message: '表二「行政事业性收费」本年收费金额为 1.25 万元',
      },
    ]);
  });

  test('plain text: language id plaintext, a // directive line to disable', async () => {
    const good = generateReport({ year: 2024, format: 'txt-tsv', seed: 3 });
    const text = good.replace('自2024年1月1日起至2024年12月31日止', '自2023年1月1日起至2023年12月31日止');
    expect(text).not.toBe(good);
    const uri = uriOf('period.txt');
    const first = client.diagnostics(uri, 1);
    open('period.txt', text, 'plaintext');
    const found = (await first).diagnostics;
    expect(found.map((d: any) => d.code)).toEqual(['statistics-period']);
    const period = found[0];
    const actions: any[] = await client.request('textDocument/codeAction', { textDocument: { uri }, range: period.range, context: { diagnostics: [period] } });
    const disable = actions.find((a) => a.title === '在此行禁用 statistics-period');
    const disabled = applyEdits(text, editsOf(disable.edit, uri));
    expect(disabled.split('\n')[period.range.start.line]).toBe('// gia-lint-disable-next-line statistics-period');
    const after = client.diagnostics(uri, 2);
    change(uri, [{ text: disabled }]);
    expect((await after).diagnostics).toEqual([]);
  });

  test('HTML: an untitled buffer with language id html; the fix and the comment directive', async () => {
    const good = generateReport({ year: 2024, format: 'html', seed: 3 });
    const text = good.replace('自2024年1月1日起至2024年12月31日止', '自2023年1月1日起至2023年12月31日止');
    expect(text).not.toBe(good);
    const uri = 'untitled:Untitled-7';
    const first = client.diagnostics(uri, 1);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'html', version: 1, text } });
    const found = (await first).diagnostics;
    expect(found.map((d: any) => d.code)).toEqual(['statistics-period']);
    const actions: any[] = await client.request('textDocument/codeAction', { textDocument: { uri }, range: found[0].range, context: { diagnostics: found } });
    expect(applyEdits(text, editsOf(actions[0].edit, uri))).toBe(good);
    const disabled = applyEdits(text, editsOf(actions.find((a) => a.title === '在此行禁用 statistics-period').edit, uri));
    expect(disabled.split('\n')[found[0].range.start.line]).toBe('<!-- gia-lint-disable-next-line statistics-period -->');
    const after = client.diagnostics(uri, 2);
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: disabled }] });
    expect((await after).diagnostics).toEqual([]);
  });

  test('a broken .gianrc: one message naming the key, one diagnostic at 1:1; fixed on disk, linting resumes', async () => {
    const dir = path.join(workspace, 'dept');
    mkdirSync(dir);
    const rc = path.join(dir, '.gianrc');
    writeFileSync(rc, '{ "rules": { "tabel-sum": "error" } }\n');
    const uri = pathToFileURL(path.join(dir, 'report.md')).href;
    const shown = client.waitFor('window/showMessage', (p) => p.message.includes('tabel-sum'));
    const first = client.diagnostics(uri, 1);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: brokenTotal } });
    const { diagnostics } = await first;
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0].range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    expect(diagnostics[0].message).toContain('rules.tabel-sum');
    expect((await shown).type).toBe(1);

    // Typing does not repeat the window message.
    const again = client.diagnostics(uri, 2);
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${brokenTotal}\n` }] });
    await again;
    expect(client.notifications.filter((n) => n.method === 'window/showMessage' && n.params.message.includes('tabel-sum'))).toHaveLength(1);

    writeFileSync(rc, '{ "rules": { "table-sum": "error" } }\n');
    const relinted = client.diagnostics(uri, 2);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(rc).href, type: 2 }] });
    expect((await relinted).diagnostics.map((d: any) => d.code).sort()).toEqual(['application-balance', 'table-sum']);
  });

  test('client settings: workspace/configuration picks the locale', async () => {
    const uri = uriOf('english.md');
    const first = client.diagnostics(uri, 1);
    open('english.md', brokenTotal);
    expect((await first).diagnostics.find((d: any) => d.code === 'table-sum').message).toContain('应为 28');
    client.configuration = { locale: 'en', debounceMs: 50 };
    const english = client.diagnostics(uri, 1);
    client.notify('workspace/didChangeConfiguration', { settings: null });
    const sum = (await english).diagnostics.find((d: any) => d.code === 'table-sum');
    expect(sum.message).toMatch(/should be 28/);
    const actions: any[] = await client.request('textDocument/codeAction', { textDocument: { uri }, range: sum.range, context: { diagnostics: [sum] } });
    expect(actions.map((a) => a.title)).toContain('Disable table-sum for this line');

    // `previous` (like --previous), relative to the workspace folder: a missing file is named, not a crash.
    client.configuration = { locale: 'en', debounceMs: 50, previous: 'archive/2023.md' };
    const missing = client.diagnostics(uri, 1);
    client.notify('workspace/didChangeConfiguration', { settings: null });
    const problem = (await missing).diagnostics;
    expect(problem).toHaveLength(1);
    expect(problem[0].range.start).toEqual({ line: 0, character: 0 });
    expect(problem[0].message).toContain(path.join('archive', '2023.md'));
    mkdirSync(path.join(workspace, 'archive'));
    writeFileSync(path.join(workspace, 'archive/2023.md'), clean.replace(/2024/g, '2023'));
    const withPrevious = client.diagnostics(uri, 1);
    client.notify('workspace/didChangeConfiguration', { settings: null });
    expect((await withPrevious).diagnostics.map((d: any) => d.code)).toContain('table-sum');
    client.configuration = { debounceMs: 50 };
    const back = client.diagnostics(uri, 1);
    client.notify('workspace/didChangeConfiguration', { settings: null });
    expect((await back).diagnostics.find((d: any) => d.code === 'table-sum').message).toContain('应为 28');
  });

  test('nothing but JSON-RPC on stdout; shutdown then exit ends with code 0', async () => {
    expect(await client.request('shutdown', null)).toBeNull();
    client.notify('exit', null);
    expect(await client.exited).toBe(0);
    expect(client.garbage).toEqual([]);
    // Logs go to the client's log channel (window/logMessage), never to stdout as text.
    expect(client.notifications.some((n) => n.method === 'window/logMessage' && n.params.message.startsWith('gia-lint '))).toBe(true);
    // The server registered for .gianrc changes (dynamic registration).
    const reg = client.serverRequests.find((r) => r.method === 'client/registerCapability');
    expect(JSON.stringify(reg?.params)).toContain('**/.gianrc');
  });
});
