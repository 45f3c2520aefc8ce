/**
 * Guards the shipped examples (not the linter): clean-2024.md is internally consistent, and
 * draft-2024.md is the same report with exactly the three defects its header comment documents,
 * at the lines it names.
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { APPLICANT_COLUMNS, REVIEW_COLUMNS, applicationRows, relations, type CellRef, type Relation } from '../src/templates/tables.js';
import { SECTIONS } from '../src/templates/sections.js';
import { num, rowValues, tableRows } from './support/text-tables.js';

const read = (name: string) => readFileSync(new URL(`../examples/${name}`, import.meta.url), 'utf8');
const clean = read('clean-2024.md');
const draft = read('draft-2024.md');

/** Table 三/四 numbers of a markdown report with HTML tables. */
function numbers(text: string) {
  const rows = tableRows(text, 'md');
  const applications: Record<string, Record<string, number>> = {};
  for (const r of applicationRows('2021')) {
    const vals = rowValues(rows, r.label).slice(0, 7).map(num);
    applications[r.key] = Object.fromEntries(APPLICANT_COLUMNS.map((c, i) => [c.key, vals[i]]));
  }
  const data = rows.filter((r) => r.length === 15 && r.every((c) => !Number.isNaN(num(c))));
  expect(data).toHaveLength(1);
  const review = Object.fromEntries(REVIEW_COLUMNS.map((c, i) => [c.key, num(data[0][i])]));
  return { applications, review };
}

function broken(text: string): string[] {
  const m = numbers(text);
  const v = (t: Relation['table'], x: CellRef) => (t === 'review' ? m.review[x.col] : m.applications[x.row][x.col]);
  return relations('2021')
    .filter((r) => r.lhs.reduce((s, x) => s + v(r.table, x), 0) !== r.rhs.reduce((s, x) => s + v(r.table, x), 0))
    .map((r) => r.id);
}

describe('examples/clean-2024.md', () => {
  test('every relation holds; all sections; the period is 2024; 六 states the 信息处理费', () => {
    expect(broken(clean)).toEqual([]);
    for (const s of SECTIONS) expect(clean).toContain(`## ${s.title}`);
    expect(clean).toContain('本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。');
    expect(clean.slice(clean.indexOf(SECTIONS[5].title))).toMatch(/未收取(政府信息公开)?信息处理费/);
    expect(clean).toContain(`收到政府信息公开申请${numbers(clean).applications.newReceived.total}件`);
    expect(clean).not.toMatch(/<!--|XX|××|某某|TODO/);
    expect(clean.trimEnd().split('\n').slice(-3)).toEqual(['泓川县市场监督管理局', '', '2025年1月21日']);
  });
});

describe('examples/draft-2024.md', () => {
  const end = draft.indexOf('-->\n') + 4;
  const comment = draft.slice(0, end);
  const lines = draft.split('\n');
  const lineOf = (tag: string) => Number(new RegExp(`\\(${tag}\\) line (\\d+)`).exec(comment)![1]);

  test('is the clean report plus a header comment and exactly three changed lines', () => {
    expect(draft.startsWith('<!--')).toBe(true);
    const body = draft.slice(end).replace(/^\n/, '').split('\n');
    const cl = clean.split('\n');
    expect(body.length).toBe(cl.length);
    const changed = body.map((l, i) => (l === cl[i] ? -1 : i)).filter((i) => i >= 0);
    expect(changed).toHaveLength(3);
    const offset = lines.length - body.length;
    expect(changed.map((i) => i + offset + 1).sort((a, b) => a - b)).toEqual([lineOf('b'), lineOf('a'), lineOf('c')].sort((a, b) => a - b));
  });

  test('(a) row 一 总计 is off by one, breaking its row total and the 总计-column balance, nothing else', () => {
    expect(lines[lineOf('a') - 1]).toContain('一、本年新收政府信息公开申请数量');
    expect(broken(draft).sort()).toEqual(['applications.balance.total', 'applications.rowTotal.newReceived']);
    const a = numbers(draft).applications.newReceived;
    expect(a.total - APPLICANT_COLUMNS.filter((c) => c.key !== 'total').reduce((s, c) => s + a[c.key], 0)).toBe(1);
  });

  test('(b) the 统计期限 names 2023; (c) 六 claims no fee at all while 行政事业性收费 is 1.25', () => {
    expect(lines[lineOf('b') - 1]).toContain('统计期限自2023年1月1日起至2023年12月31日止');
    expect(lines[lineOf('c') - 1]).toBe('本机关全年未收取任何费用。');
    expect(draft.indexOf(SECTIONS[5].title)).toBeLessThan(draft.indexOf('本机关全年未收取任何费用。'));
    expect(draft).toContain('| 行政事业性收费 | 1.25 |');
    expect(draft.slice(end)).not.toContain('信息处理费。');
  });
});
