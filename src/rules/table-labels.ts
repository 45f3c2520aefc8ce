import type { Fix, Rule } from '../engine/types.js';
import type { RecognizedTable } from '../model/report.js';
import type { Span } from '../model/source.js';
import { coreLabel, normalizeLabel } from '../model/text-utils.js';
import { activeSubTables, applicationRows } from '../templates/tables.js';
import { docsUrl } from './shared/docs.js';
import { tableName } from './shared/tables.js';
import { tablesApply } from './shared/template-scope.js';
import { LABEL_NUMBERING_SPACED } from '../templates/numbering.js';
import { t } from '../i18n/format.js';
import { TERMS } from '../i18n/terms.js';

/**
 * Row and column labels of tables 二 and 三 must keep the official wording. Only real wording
 * differences count: spaces (PDF wraps: "商业 企业"), full/half-width punctuation, quote styles and
 * the numbering's bracket style are extraction or typing artefacts, not deviations. A label is
 * checked only where the recognizer tied it to an official row or column — by an alias, or by its
 * place between official labels — so an unknown local row is never "corrected" into another one.
 */

/** A local note in brackets after the official wording: "规章（市政府令）". */
const LOCAL_NOTE = /[（(][^（）()]*[)）]$/;

const rule: Rule = {
  meta: {
    id: 'table-labels',
    type: 'suggestion',
    defaultSeverity: 'warn',
    docs: {
      summary:
        "row and column labels of tables 二/三 and the column labels of table 四 use the official wording (the 单位：万元 of table 二's amount column included) (本年度止件数 → 本年废止件数, 社会组织 → 社会公益组织), with a fix; spaces, full/half-width punctuation and a bracketed local note are not deviations",
      configComment: ['表格行名、列名须用规范表述（可自动修复）；allowLocalNotes: 接受“规章 (市政府令)”这类括注。'],
      description: { 'zh-CN': '表格的行名、列名须使用统一格式的规范表述', en: 'Table row and column labels use the official wording' },
      url: docsUrl('table-labels'),
      legalBasis: { 'zh-CN': '国办公开办函〔2021〕30号、〔2019〕60号统一格式', en: 'the unified format, 国办公开办函〔2021〕30号 / 〔2019〕60号' },
    },
    schema: {
      type: 'object',
      properties: { allowLocalNotes: { type: 'boolean' } },
      additionalProperties: false,
    },
    defaultOptions: { allowLocalNotes: true },
    fixable: 'code',
    messages: {
      rowLabel: {
        'zh-CN': '{{table}}行名「{{found}}」与统一格式的表述不一致，应为「{{expected}}」',
        en: '{{table}}: row label "{{found}}" deviates from the official wording "{{expected}}"',
      },
      columnLabel: {
        'zh-CN': '{{table}}{{sub}}列名「{{found}}」与统一格式的表述不一致，应为「{{expected}}」',
        en: '{{table}}{{sub}}: column label "{{found}}" deviates from the official wording "{{expected}}"',
      },
    },
  },
  check(report, context) {
    if (!tablesApply(report, true)) return;
    const allowNotes = context.options.allowLocalNotes !== false;
    for (const table of [report.tables.active, report.tables.applications, report.tables.review]) {
      if (!table) continue;
      const name = tableName(table.kind, context.locale);
      for (const row of Object.values(table.rows)) {
        // 'exact' is the official wording; 'partial' is a wrapped or truncated label (unsure);
        // 'position' rows without a label have nothing to check.
        if ((row.match !== 'variant' && row.match !== 'position') || !row.label || !row.labelSpan) continue;
        const official = officialRow(table, row.key);
        if (!official || !deviates(row.label, official, allowNotes)) continue;
        // A piece of the official wording placed by position is a wrapped or cut label (PDF text:
        // "逾期不补正、行政机关" of （六）1.), not a rewording.
        if (row.match === 'position' && coreLabel(official).includes(coreLabel(row.label))) continue;
        const found = context.text.slice(row.labelSpan.start, row.labelSpan.end).trim();
        context.report({
          messageId: 'rowLabel',
          data: { table: name, found: normalizeLabel(found) === row.label ? found : row.label, expected: official },
          span: row.labelSpan,
          fix: labelFix(context.text, row.labelSpan, row.label, official),
        });
      }
      // Group labels of table 三 ("（五）不予受理"), recorded only when they deviate.
      for (const g of table.groupLabels ?? []) {
        if (!deviates(g.label, g.official, allowNotes)) continue;
        context.report({
          messageId: 'rowLabel',
          data: { table: name, found: g.label, expected: g.official },
          span: g.span,
          fix: labelFix(context.text, g.span, normalizeLabel(g.label), g.official),
        });
      }
      for (const h of table.headers ?? []) {
        if (h.match !== 'position' || !deviates(h.label, h.official, allowNotes)) continue;
        if (cutHeader(table, h.group, h.label, h.official)) continue;
        context.report({
          messageId: 'columnLabel',
          data: { table: name, sub: h.group ? t(TERMS, 'columnGroup', context.locale, { group: h.group }) : '', found: h.label, expected: h.official },
          span: h.span,
          fix: labelFix(context.text, h.span, normalizeLabel(h.label), h.official),
        });
      }
    }
  },
};

/**
 * A column header cut where its cell wrapped (a page kept the first line of "本年新 / 制作数量"): the
 * start of the official wording that names no column by itself — it begins two official columns of
 * its row ("本年新" → 本年新制作数量, 本年新公开数量) or leaves a bracket open ("本年收费金额(单位:万").
 */
function cutHeader(table: RecognizedTable, group: string | undefined, found: string, official: string): boolean {
  const f = normalizeLabel(found);
  if (!f || !normalizeLabel(official).startsWith(f)) return false;
  if ((f.match(/\(/g) ?? []).length > (f.match(/\)/g) ?? []).length) return true;
  const columns = table.kind === 'active' ? (activeSubTables(table.layout).find((s) => s.clause === group)?.columns ?? []) : [];
  return columns.filter((c) => normalizeLabel(c.label).startsWith(f)).length > 1;
}

function officialRow(table: RecognizedTable, key: string): string | undefined {
  const rows = table.kind === 'applications' ? applicationRows(table.layout) : activeSubTables(table.layout).flatMap((s) => s.rows);
  return rows.find((r) => r.key === key)?.label;
}

/** Different words, not just different spaces, widths, quotes or numbering brackets. */
function deviates(found: string, official: string, allowNotes: boolean): boolean {
  const f = coreLabel(found);
  const o = coreLabel(official);
  if (f === o) return false;
  if (allowNotes && LOCAL_NOTE.test(f) && f.replace(LOCAL_NOTE, '') === o) return false;
  return true;
}

/**
 * Replace the label with the official wording, keeping its numbering as written. Only when the
 * source at the span is exactly the label (one cell, no markup), so nothing else is touched.
 */
function labelFix(text: string, span: Span, normalized: string, official: string): Fix | undefined {
  const slice = text.slice(span.start, span.end);
  const trimmed = slice.trim();
  if (!trimmed || normalizeLabel(trimmed) !== normalized || /[\n|\t<>*_`]/.test(trimmed)) return undefined;
  const start = span.start + slice.indexOf(trimmed);
  const numbering = LABEL_NUMBERING_SPACED.exec(trimmed)?.[0] ?? '';
  const officialCore = official.replace(LABEL_NUMBERING_SPACED, '');
  return { range: [start, start + trimmed.length], text: numbering + officialCore };
}

export default rule;
