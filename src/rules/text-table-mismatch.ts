import type { LocalizedText, Rule, RuleContext } from '../engine/types.js';
import type { CellValue, ClaimReading, ClaimTerm, CountClaim, RecognizedTable, Report } from '../model/report.js';
import { defineCatalog, fillTemplate, pick, t } from '../i18n/format.js';
import { LOCALES } from '../i18n/locales.js';
import { applicationRows, relations, type CellRef } from '../templates/tables.js';
import { docsUrl } from './shared/docs.js';
import { cellAt, inferredNote, rowLabel, tableName } from './shared/tables.js';

/**
 * A count stated in prose must agree with the table quantity it names. The claims are read by the
 * model (src/model/claims.ts, `report.countClaims`), each with every reading its wording allows
 * ("收到申请N件" may or may not include 上年结转; "因不掌握等原因无法提供N件" may be the group or its
 * item): a claim is reported only when NO reading matches. A percentage written after a count is
 * recomputed from the table (a warning: the base it is a share of is not written).
 */

/** How each reading is named in messages. */
const TEXT = defineCatalog('rule:text-table-mismatch', {
  readingSeparator: { 'zh-CN': '；', en: '; ' },
  /** The total of one item of a group (a row of table 三). */
  itemTotal: { 'zh-CN': '「{{row}}」总计', en: 'row {{row}}' },
});

const READING_NAMES: Record<string, LocalizedText> = {
  newReceived: { 'zh-CN': '「一、本年新收政府信息公开申请数量」总计', en: 'the total of row 一 (new applications)' },
  newPlusCarried: { 'zh-CN': '「一、本年新收」与「二、上年结转」总计之和', en: 'rows 一 + 二 (new and carried over)' },
  carriedOver: { 'zh-CN': '「二、上年结转政府信息公开申请数量」总计', en: 'the total of row 二 (carried over)' },
  carryForward: { 'zh-CN': '「四、结转下年度继续办理」总计', en: 'the total of row 四 (carried forward)' },
  resultTotal: { 'zh-CN': '「（七）总计」', en: 'the total of （七）总计' },
  granted: { 'zh-CN': '「（一）予以公开」总计', en: 'the total of （一）予以公开' },
  partlyGranted: { 'zh-CN': '「（二）部分公开」总计', en: 'the total of （二）部分公开' },
  grantedOrPartly: { 'zh-CN': '「（一）予以公开」与「（二）部分公开」总计之和', en: '（一）予以公开 + （二）部分公开' },
  'group:refused': { 'zh-CN': '「（三）不予公开」各项之和', en: 'the sum of （三）不予公开' },
  'group:unavailable': { 'zh-CN': '「（四）无法提供」各项之和', en: 'the sum of （四）无法提供' },
  'group:notProcessed': { 'zh-CN': '「（五）不予处理」各项之和', en: 'the sum of （五）不予处理' },
  review: { 'zh-CN': '表四「行政复议·总计」', en: 'table IV, 行政复议 总计' },
  litigation: { 'zh-CN': '表四两类行政诉讼「总计」之和', en: 'table IV, the two 行政诉讼 totals' },
  docsMade: { 'zh-CN': '「行政规范性文件」的「本年制发件数」', en: '行政规范性文件, 本年制发件数' },
  docsRepealed: { 'zh-CN': '「行政规范性文件」的「本年废止件数」', en: '行政规范性文件, 本年废止件数' },
  docsValid: { 'zh-CN': '「行政规范性文件」的「现行有效件数」', en: '行政规范性文件, 现行有效件数' },
  licensing: { 'zh-CN': '「行政许可」的「本年处理决定数量」', en: '行政许可, 本年处理决定数量' },
  penalty: { 'zh-CN': '「行政处罚」的「本年处理决定数量」', en: '行政处罚, 本年处理决定数量' },
  enforcement: { 'zh-CN': '「行政强制」的「本年处理决定数量」', en: '行政强制, 本年处理决定数量' },
};

const rule: Rule = {
  meta: {
    id: 'text-table-mismatch',
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      summary:
        'counts in the text (收到/受理/新收 申请N件, 结转, 办结, 予以公开, 予以公开及部分公开, 不予公开/无法提供/不予处理, 行政复议/诉讼N件, "未收到申请", "未发生行政复议", table 二 figures) agree with the table under at least one reading the wording allows; a percentage after a count is recomputed (warning); "未发生…被纠错或败诉" is about results, not counts; channel counts and blank or unreadable cells are never compared',
      configComment: ['正文中的数字（收到申请N件、行政复议N件……）须与表格一致。'],
      description: { 'zh-CN': '正文中的数字须与表格中同一数量一致', en: 'Counts stated in the text must agree with the table' },
      url: docsUrl('text-table-mismatch'),
      legalBasis: {
        'zh-CN': '《政府信息公开条例》第五十条；国办公开办函〔2021〕30号',
        en: 'Regulations on Open Government Information, art. 50; 国办公开办函〔2021〕30号',
      },
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    messages: {
      mismatch: {
        'zh-CN': '正文称「{{phrase}}」，但{{table}}{{cell}}为 {{value}}（{{where}}）{{note}}',
        en: 'The text says "{{phrase}}", but in {{table}} {{cell}} is {{value}} ({{where}}){{note}}',
      },
      mismatchReadings: {
        'zh-CN': '正文称「{{phrase}}」，但{{table}}中没有与之相符的数：{{readings}}（{{where}}）{{note}}',
        en: 'The text says "{{phrase}}", but nothing in {{table}} agrees: {{readings}} ({{where}}){{note}}',
      },
      percentMismatch: {
        'zh-CN': '正文称「{{phrase}}」占 {{percent}}%，但按表格计算，{{value}} 件{{shares}}，均与 {{percent}}% 不符',
        en: 'The text says "{{phrase}}" is {{percent}}%, but from the table {{value}} is {{shares}}; none is {{percent}}%',
      },
      readingValue: { 'zh-CN': '{{name}}为 {{value}}', en: '{{name}} is {{value}}' },
      shareOf: { 'zh-CN': '占{{name}}（{{base}}）的 {{share}}%', en: '{{share}}% of {{name}} ({{base}})' },
      relatedCell: { 'zh-CN': '{{table}}{{cell}}：{{value}}', en: '{{table}}, {{cell}}: {{value}}' },
      relatedPart: { 'zh-CN': '{{table}}{{cell}}的第 {{n}} 项：{{value}}', en: '{{table}}, {{cell}}, part {{n}}: {{value}}' },
    },
  },
  check(report, context) {
    for (const claim of report.countClaims) {
      const matched = compare(report, context, claim);
      if (matched && claim.percent) comparePercent(report, context, claim);
    }
  },
};

interface Evaluated {
  reading: ClaimReading;
  table: RecognizedTable;
  cells: CellValue[];
  value: number;
  /** A cell was split out of numbers run together (docs/confidence.md): at most a warning. */
  inferred: boolean;
}

/** The reading's value, when every cell it needs was read as a number. */
function evaluate(report: Report, reading: ClaimReading): Evaluated | undefined {
  const kind = reading.terms[0].table;
  const table = report.tables[kind];
  if (!table) return undefined;
  const refs = reading.terms.flatMap((t) => termRefs(table, t));
  if (!refs.length) return undefined;
  const cells = refs.map((r) => cellAt(table, r));
  if (!cells.every((c) => c?.kind === 'number')) return undefined; // blank, unreadable or missing: nothing sure to compare
  const inferred = refs.some((r) => table.rows[r.row]?.confidence === 'inferred');
  return { reading, table, cells: cells as CellValue[], value: cells.reduce((a, c) => a + c!.value!, 0), inferred };
}

function termRefs(table: RecognizedTable, t: ClaimTerm): CellRef[] {
  if ('group' in t)
    return applicationRows(table.layout)
      .filter((r) => r.group === t.group)
      .map((r) => ({ row: r.key, col: t.col }));
  return [{ row: t.row, col: t.col }];
}

/** Reports the claim when no reading agrees; true when one does. */
function compare(report: Report, context: RuleContext, claim: CountClaim): boolean {
  const evaluated = claim.readings.map((r) => evaluate(report, r));
  // Every reading must be checkable: an unread reading might be the one that agrees.
  if (!evaluated.every((e) => e !== undefined)) return false;
  const all = evaluated;
  if (all.some((e) => e.value === claim.value)) return true;
  // The prose may be right and the total cell the mistake (its parts add up to the prose number):
  // that is table-sum's finding, reported at the cell.
  if (all.some((e) => e.cells.length === 1 && totalDisagreesWithPartsAs(e.table, termRefs(e.table, e.reading.terms[0])[0], claim.value))) return false;
  const first = all[0];
  const table = tableName(first.table.kind, context.locale);
  const where = context.where(first.cells[0].span);
  const span = claim.span;
  const related = all.flatMap((e) =>
    e.cells.map((c, i) => ({
      span: c.span,
      message: fillTemplate(pick(rule.meta.messages[e.cells.length > 1 ? 'relatedPart' : 'relatedCell'], context.locale), {
        table,
        cell: readingName(e, context),
        n: i + 1,
        value: c.value!,
      }),
    })),
  );
  const { note, severity } = inferredNote({ inferred: all.some((e) => e.inferred) }, context.locale);
  if (all.length === 1) {
    context.report({
      messageId: 'mismatch',
      data: { phrase: context.quote(claim.span) ?? claim.text, table, cell: readingName(first, context), value: first.value, where, note },
      span,
      related,
      severity,
    });
  } else {
    const readings = all
      .map((e) => fillTemplate(pick(rule.meta.messages.readingValue, context.locale), { name: readingName(e, context), value: e.value }))
      .join(t(TEXT, 'readingSeparator', context.locale));
    context.report({
      messageId: 'mismatchReadings',
      data: { phrase: context.quote(claim.span) ?? claim.text, table, readings, where, note },
      span,
      related,
      severity,
    });
  }
  return false;
}

function readingName(e: Evaluated, context: RuleContext): string {
  const known = READING_NAMES[e.reading.key];
  if (known) return pick(known, context.locale);
  // One item of a group: its row label.
  const key = e.reading.key.replace(/^item:/, '');
  return t(TEXT, 'itemTotal', context.locale, { row: rowLabel(e.table, key) });
}

/** Shares of table 三 quantities: the count over 新收, 新收 + 上年结转, or the （七）总计. */
const PERCENT_BASES: { key: string; rows: string[]; name: LocalizedText }[] = [
  { key: 'new', rows: ['newReceived'], name: { 'zh-CN': '本年新收', en: 'new applications' } },
  { key: 'newPlusCarried', rows: ['newReceived', 'carriedOver'], name: { 'zh-CN': '新收与上年结转之和', en: 'new + carried over' } },
  { key: 'resultTotal', rows: ['resultTotal'], name: { 'zh-CN': '办理结果总计', en: 'the results total' } },
];

function comparePercent(report: Report, context: RuleContext, claim: CountClaim): void {
  const pct = claim.percent!;
  const table = report.tables.applications;
  if (!table || claim.readings.some((r) => r.terms.some((t) => t.table !== 'applications'))) return;
  const bases = PERCENT_BASES.map((b) => {
    const cells = b.rows.map((row) => cellAt(table, { row, col: 'total' }));
    return cells.every((c) => c?.kind === 'number') ? { ...b, value: cells.reduce((a, c) => a + c!.value!, 0) } : undefined;
  }).filter((b): b is NonNullable<typeof b> => b !== undefined && b.value > 0);
  if (!bases.length) return;
  // Rounded or truncated to the written decimals: within one unit of the last written digit.
  const tolerance = 10 ** -pct.decimals + 1e-9;
  const shares = bases.map((b) => ({ b, share: (100 * claim.value) / b.value }));
  if (shares.some((s) => Math.abs(s.share - pct.value) < tolerance)) return;
  const list = shares
    .filter((s, i) => shares.findIndex((t) => t.b.value === s.b.value) === i)
    .map((s) =>
      fillTemplate(pick(rule.meta.messages.shareOf, context.locale), {
        name: pick(s.b.name, context.locale),
        base: s.b.value,
        share: round(s.share, Math.max(1, pct.decimals)),
      }),
    )
    .join(LOCALES[context.locale].listSeparator);
  context.report({
    messageId: 'percentMismatch',
    data: { phrase: claim.text, percent: pct.value, value: claim.value, shares: list },
    span: pct.span,
    severity: 'warn',
  });
}

function round(x: number, decimals: number): string {
  return String(Math.round(x * 10 ** decimals) / 10 ** decimals);
}

/** True when the cell is a 总计 whose own parts sum to `stated` (so the cell, not the text, is off). */
function totalDisagreesWithPartsAs(table: RecognizedTable, ref: CellRef, stated: number): boolean {
  const rel = relations(table.layout).find((r) => r.kind !== 'balance' && r.anchor.row === ref.row && r.anchor.col === ref.col);
  if (!rel) return false;
  const parts = rel.rhs.map((c) => cellAt(table, c));
  return parts.every((c) => c?.kind === 'number') && parts.reduce((a, c) => a + c!.value!, 0) === stated;
}

export default rule;
