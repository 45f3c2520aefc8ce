import type { Rule, RuleContext } from '../engine/types.js';
import type { RecognizedTable, Report } from '../model/report.js';
import { fillTemplate, pick } from '../i18n/format.js';
import { chineseOrdinal } from '../model/text-utils.js';
import { applicationRows, relations, type CellRef } from '../templates/tables.js';
import { docsUrl } from './shared/docs.js';
import { cellAt, tableName } from './shared/tables.js';

/**
 * A count stated in prose must agree with the table cell that holds the same quantity. Only
 * phrasings that unmistakably name one cell are read; publishing-channel counts (发布信息N条)
 * overlap and are never compared.
 */
interface Claim {
  /** Regular expression over the folded prose; group 1 is the number. */
  re: RegExp;
  table: 'applications' | 'review';
  /** Cells whose sum is the quantity. */
  cells: CellRef[];
  name: { 'zh-CN': string; en: string };
}

const NUM = '(\\d+|[一二三四五六七八九十两]{1,3})';
/**
 * Words between 收到 and 申请 that make it another kind of application, or only one channel's
 * share of them ("收到网上申请8件、信函申请4件" are parts, not the total).
 */
const OTHER_KIND = /复议|诉讼|提案|建议|来信|投诉|补正|信访|网上|网络|在线|信函|邮寄|当面|现场|传真|电子邮件|邮件|电话/;

const groupRows = (group: string) => applicationRows('2021').filter((r) => r.group === group).map((r) => ({ row: r.key, col: 'total' }));

const CLAIMS: Claim[] = [
  {
    re: new RegExp(`(?:(?:新|共|共计|累计|全年|本年度?)?收到|新收)([^，。；,;]{0,14}?)申请(?:共|共计|合计)?${NUM}件`, 'g'),
    table: 'applications',
    cells: [{ row: 'newReceived', col: 'total' }],
    name: { 'zh-CN': '「一、本年新收政府信息公开申请数量」总计', en: 'the total of row 一 (new applications)' },
  },
  {
    re: new RegExp(`上年度?结转(?:的)?(?:政府信息公开)?(?:申请)?(?:共|共计)?${NUM}件`, 'g'),
    table: 'applications',
    cells: [{ row: 'carriedOver', col: 'total' }],
    name: { 'zh-CN': '「二、上年结转政府信息公开申请数量」总计', en: 'the total of row 二 (carried over)' },
  },
  {
    re: new RegExp(`结转(?:至|到)?下(?:一)?年度?(?:继续办理)?(?:的)?(?:申请)?(?:共|共计)?${NUM}件`, 'g'),
    table: 'applications',
    cells: [{ row: 'carryForward', col: 'total' }],
    name: { 'zh-CN': '「四、结转下年度继续办理」总计', en: 'the total of row 四 (carried forward)' },
  },
  { re: new RegExp(`予以公开${NUM}件`, 'g'), table: 'applications', cells: [{ row: 'granted', col: 'total' }], name: { 'zh-CN': '「（一）予以公开」总计', en: 'the total of （一）予以公开' } },
  { re: new RegExp(`部分公开${NUM}件`, 'g'), table: 'applications', cells: [{ row: 'partlyGranted', col: 'total' }], name: { 'zh-CN': '「（二）部分公开」总计', en: 'the total of （二）部分公开' } },
  { re: new RegExp(`不予公开${NUM}件`, 'g'), table: 'applications', cells: groupRows('refused'), name: { 'zh-CN': '「（三）不予公开」各项之和', en: 'the sum of （三）不予公开' } },
  { re: new RegExp(`无法提供${NUM}件`, 'g'), table: 'applications', cells: groupRows('unavailable'), name: { 'zh-CN': '「（四）无法提供」各项之和', en: 'the sum of （四）无法提供' } },
  { re: new RegExp(`不予处理${NUM}件`, 'g'), table: 'applications', cells: groupRows('notProcessed'), name: { 'zh-CN': '「（五）不予处理」各项之和', en: 'the sum of （五）不予处理' } },
  {
    re: new RegExp(`(?:被申请|提起|发生|收到)?行政复议(?:申请|案件)?(?:共|共计)?${NUM}(?:件|起|宗)`, 'g'),
    table: 'review',
    cells: [{ row: 'data', col: 'review.total' }],
    name: { 'zh-CN': '表四「行政复议·总计」', en: 'table IV, 行政复议 总计' },
  },
  {
    re: new RegExp(`(?:被提起|提起|发生)?行政诉讼(?:案件)?(?:共|共计)?${NUM}(?:件|起|宗)`, 'g'),
    table: 'review',
    cells: [{ row: 'data', col: 'litigationDirect.total' }, { row: 'data', col: 'litigationAfterReview.total' }],
    name: { 'zh-CN': '表四两类行政诉讼「总计」之和', en: 'table IV, the two 行政诉讼 totals' },
  },
];

/** "未收到…申请" and "未发生行政复议/诉讼" claim zero. */
const ZERO_CLAIMS: { re: RegExp; claim: Claim }[] = [
  { re: /未(?:收到|接到|受理)([^，。；,;]{0,20}?)(?:政府信息公开)?申请/g, claim: CLAIMS[0] },
  { re: /未(?:发生|出现|收到|产生)[^，。；,;]{0,24}?行政复议/g, claim: CLAIMS[8] },
  { re: /未(?:发生|出现|收到|产生)[^，。；,;]{0,24}?行政诉讼|行政复议和行政诉讼(?:案件)?(?:均)?为零/g, claim: CLAIMS[9] },
];

const rule: Rule = {
  meta: {
    id: 'text-table-mismatch',
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      description: { 'zh-CN': '正文中的数字须与表格中同一数量一致', en: 'Counts stated in the text must agree with the table' },
      url: docsUrl('text-table-mismatch'),
      legalBasis: { 'zh-CN': '《政府信息公开条例》第五十条；国办公开办函〔2021〕30号', en: 'Regulations on Open Government Information, art. 50; 国办公开办函〔2021〕30号' },
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    messages: {
      mismatch: {
        'zh-CN': '正文称「{{phrase}}」，但{{table}}{{cell}}为 {{value}}（第 {{line}} 行）',
        en: 'The text says "{{phrase}}", but in {{table}} {{cell}} is {{value}} (line {{line}})',
      },
      relatedCell: { 'zh-CN': '{{table}}{{cell}}：{{value}}', en: '{{table}}, {{cell}}: {{value}}' },
      relatedPart: { 'zh-CN': '{{table}}{{cell}}的第 {{n}} 项：{{value}}', en: '{{table}}, {{cell}}, part {{n}}: {{value}}' },
    },
  },
  check(report, context) {
    const text = report.prose.text;
    for (const claim of CLAIMS) {
      for (const m of text.matchAll(claim.re)) {
        if (claim === CLAIMS[0] && OTHER_KIND.test(m[1] ?? '')) continue;
        const stated = toNumber(m[m.length - 1]!);
        if (stated !== undefined) compare(report, context, claim, stated, m.index!, m[0]);
      }
    }
    for (const { re, claim } of ZERO_CLAIMS) {
      for (const m of text.matchAll(re)) {
        if (claim === CLAIMS[0] && OTHER_KIND.test(m[1] ?? '')) continue;
        compare(report, context, claim, 0, m.index!, m[0]);
      }
    }
  },
};

function compare(report: Report, context: RuleContext, claim: Claim, stated: number, at: number, phrase: string): void {
  const table = report.tables[claim.table];
  if (!table) return;
  const cells = claim.cells.map((c) => cellAt(table, c));
  if (!cells.every((c) => c?.kind === 'number')) return; // blank, unreadable or missing: nothing sure to compare
  const value = cells.reduce((a, c) => a + c!.value!, 0);
  if (value === stated) return;
  // The prose may be right and the total cell the mistake (its parts add up to the prose number):
  // that is table-sum's finding, reported at the cell.
  if (claim.cells.length === 1 && totalDisagreesWithPartsAs(table, claim.cells[0], stated)) return;
  const anchor = cells[0]!;
  const where = { table: tableName(table.kind, context.locale), cell: context.locale === 'en' ? claim.name.en : claim.name['zh-CN'] };
  context.report({
    messageId: 'mismatch',
    data: { phrase, ...where, value, line: context.document.source.positionAt(anchor.span.start).line },
    span: report.prose.spanOf(at, at + phrase.length),
    // The cell(s) the prose contradicts: the "第 N 行" of the message, for editors to link.
    related: cells.map((c, i) => ({
      span: c!.span,
      message: fillTemplate(pick(rule.meta.messages[cells.length > 1 ? 'relatedPart' : 'relatedCell'], context.locale), { ...where, n: i + 1, value: c!.value! }),
    })),
  });
}

/** True when the cell is a 总计 whose own parts sum to `stated` (so the cell, not the text, is off). */
function totalDisagreesWithPartsAs(table: RecognizedTable, ref: CellRef, stated: number): boolean {
  const rel = relations(table.layout).find((r) => r.rule === 'table-sum' && r.anchor.row === ref.row && r.anchor.col === ref.col);
  if (!rel) return false;
  const parts = rel.rhs.map((c) => cellAt(table, c));
  return parts.every((c) => c?.kind === 'number') && parts.reduce((a, c) => a + c!.value!, 0) === stated;
}

function toNumber(s: string): number | undefined {
  return /^\d+$/.test(s) ? Number(s) : chineseOrdinal(s);
}

export default rule;
