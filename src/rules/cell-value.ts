import type { Locale, Rule } from '../engine/types.js';
import type { CellValue, RecognizedRow, RecognizedTable } from '../model/report.js';
import { APPLICANT_COLUMNS, REVIEW_COLUMNS, REVIEW_GROUPS, activeSubTables, type ColumnTemplate } from '../templates/tables.js';
import { docsUrl } from './shared/docs.js';
import { columnLabel, rowLabel, tableName } from './shared/tables.js';
import { tablesApply } from './shared/template-scope.js';
import { defineCatalog, t } from '../i18n/format.js';
import { joinList } from '../i18n/locales.js';
import { TERMS } from '../i18n/terms.js';

const TEXT = defineCatalog('rule:cell-value', {
  wholeRow: { 'zh-CN': '整行', en: 'the whole row' },
  /** A cell of a row whose cells could not be placed in columns. */
  unknownColumn: { 'zh-CN': '列不详', en: '?' },
  allLegalPersonColumns: { 'zh-CN': '法人或其他组织各列', en: 'all columns of 法人或其他组织' },
  columns: { 'zh-CN': '{{columns}}各列', en: '{{columns}}' },
  allOfGroup: { 'zh-CN': '{{group}}各列', en: 'all of {{group}}' },
  inRows: { 'zh-CN': '分布在 {{rows}} 行', en: 'in {{rows}} rows' },
  /** Table 四 has one data row and no row label. */
  reviewDataRow: { 'zh-CN': '数据行', en: 'data row' },
});

/**
 * Every cell of the three tables holds a number: 0 where nothing happened, never blank, "/" or
 * "—" (which a reader cannot tell from "not reported"). Counts are non-negative integers;
 * fractions are legal only in the amount columns (本年收费金额 万元, 采购总金额), and only the 2019
 * layout's 本年增/减 may be negative.
 *
 * Blank cells are reported once per ROW (naming its blank columns), not once per cell: a table
 * filled with blanks would otherwise produce a hundred messages for one habit. Negative and
 * fractional values are reported per cell — each is a wrong figure of its own.
 *
 * Severity: a negative count is an error (no reading makes it right); blanks and fractions are
 * warnings (a filling habit, a unit slip) — the rule is an error rule whose lesser findings lower
 * themselves, and a rule set to "warn" makes them all warnings.
 */

/** Columns whose values may be fractional (amounts), and the one that may be negative (a change). */
const FRACTION_OK = new Set(['feeAmount', 'procurementAmount']);
const NEGATIVE_OK = new Set(['change']);

const rule: Rule = {
  meta: {
    id: 'cell-value',
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      summary:
        'every cell a number: blank / "/" / "—" reported once per row (wholly blank rows once per run); negative counts (errors) and fractional counts (fractions only in the amount columns) per cell; blanks and fractions are warnings',
      configComment: ['单元格须填数字：负数件数为错误；空白、“/”（应填 0）和小数件数为警告。'],
      description: {
        'zh-CN': '表格单元格须填数字：没有的填 0，不留空、不填“/”；件数不得为负数或小数',
        en: 'Table cells hold numbers: 0 rather than blank or "/"; counts are non-negative integers',
      },
      url: docsUrl('cell-value'),
      legalBasis: { 'zh-CN': '国办公开办函〔2021〕30号、〔2019〕60号统一格式', en: 'the unified format, 国办公开办函〔2021〕30号 / 〔2019〕60号' },
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    messages: {
      blankRow: {
        'zh-CN': '{{table}}{{row}}有 {{count}} 个单元格未填数字（{{columns}}）；没有的事项应填 0',
        en: '{{table}}, {{row}}: {{count}} cell(s) without a number ({{columns}}); write 0 where there is nothing to report',
      },
      blankTable: {
        'zh-CN': '{{table}}有 {{count}} 个单元格未填数字（{{where}}）；没有的事项应填 0',
        en: '{{table}}: {{count}} cells without a number ({{where}}); write 0 where there is nothing to report',
      },
      blankRows: {
        'zh-CN': '{{table}}从「{{first}}」到「{{last}}」共 {{rows}} 行整行未填数字；没有的事项应填 0',
        en: '{{table}}: {{rows}} rows from "{{first}}" to "{{last}}" have no number at all; write 0 where there is nothing to report',
      },
      negative: {
        'zh-CN': '{{table}}{{row}}「{{column}}」为负数 {{value}}，件数不能为负',
        en: '{{table}}, {{row}}, "{{column}}": negative value {{value}}; a count cannot be negative',
      },
      fractional: {
        'zh-CN': '{{table}}{{row}}「{{column}}」为小数 {{value}}，件数应为整数（只有金额栏可有小数）',
        en: '{{table}}, {{row}}, "{{column}}": fractional value {{value}}; counts are whole numbers (only amounts may have decimals)',
      },
    },
  },
  check(report, context) {
    // Where the tables are used (2019 reports included), their cells must be right.
    if (!tablesApply(report, true)) return;
    const locale = context.locale;
    for (const table of [report.tables.active, report.tables.applications, report.tables.review]) {
      if (!table) continue;
      const name = tableName(table.kind, context.locale);
      // Blank findings of this table, held back: three or more become one summary for the table.
      // `report` is set on the one finding that speaks for a run of blank rows (and on every other).
      const blankFindings: { report?: () => void; cells: ColumnTemplate[]; row: RecognizedRow }[] = [];
      // Consecutive wholly blank rows become one message (a habit, not many separate slips).
      let run: RecognizedRow[] = [];
      const flush = () => {
        if (run.length === 1) {
          const only = run[0];
          const cols = columnsOf(table, only.key);
          blankFindings.push({
            row: only,
            cells: cols,
            report: () =>
              context.report({
                messageId: 'blankRow',
                data: { table: name, row: rowPhrase(table, only, locale), count: cols.length, columns: t(TEXT, 'wholeRow', locale) },
                span: only.labelSpan ?? only.span,
                severity: 'warn',
              }),
          });
        } else if (run.length > 1) {
          const rows = run;
          const first = rowLabel(table, rows[0].key);
          const last = rowLabel(table, rows[rows.length - 1].key);
          for (const r of rows) blankFindings.push({ row: r, cells: columnsOf(table, r.key) });
          blankFindings[blankFindings.length - 1].report = () =>
            context.report({
              messageId: 'blankRows',
              data: { table: name, first, last, rows: rows.length },
              span: rows[0].labelSpan ?? rows[0].span,
              severity: 'warn',
            });
        }
        run = [];
      };
      for (const row of Object.values(table.rows).sort((a, b) => a.span.start - b.span.start)) {
        const where = rowPhrase(table, row, locale);
        const at = row.labelSpan ?? row.span;
        const columns = columnsOf(table, row.key);
        const blanks = row.unreadable ? [] : columns.filter((c) => row.cells[c.key] && row.cells[c.key].kind !== 'number' && row.cells[c.key].kind !== 'text');
        if (columns.length > 1 && blanks.length === columns.length) {
          run.push(row);
          continue;
        }
        flush();
        if (!row.unreadable) {
          if (blanks.length) {
            const names = blankColumnNames(table, blanks, locale);
            blankFindings.push({
              row,
              cells: blanks,
              report: () =>
                context.report({ messageId: 'blankRow', data: { table: name, row: where, count: blanks.length, columns: names }, span: at, severity: 'warn' }),
            });
          }
          for (const c of columns) checkNumber(row.cells[c.key], c.key, columnLabel(table, c.key));
        } else {
          // The row's cells could not be placed in columns: table-structure reports the row (and
          // that its blanks should be 0), so it is not reported twice here. Sign and integrality need the column only where columns differ in what they allow.
          if (columns.every((c) => !FRACTION_OK.has(c.key) && !NEGATIVE_OK.has(c.key))) {
            for (const v of row.rawValues) checkNumber(v, '', t(TEXT, 'unknownColumn', locale));
          }
        }

        function checkNumber(cell: CellValue | undefined, key: string, column: string): void {
          if (!cell || cell.kind !== 'number' || cell.value === undefined) return;
          const data = { table: name, row: where, column, value: cell.raw.trim() };
          if (cell.value < 0 && !NEGATIVE_OK.has(key)) context.report({ messageId: 'negative', data, span: cell.span });
          else if (!Number.isInteger(cell.value) && !FRACTION_OK.has(key)) context.report({ messageId: 'fractional', data, span: cell.span, severity: 'warn' });
        }
      }
      flush();
      const messages = blankFindings.filter((f) => f.report).length;
      if (messages >= SUMMARY_FROM) reportBlankTable(table, blankFindings, name, locale, (d) => context.report(d));
      else for (const f of blankFindings) f.report?.();
    }
  },
};

/** From this many blank-cell messages in one table on, one summary for the table replaces them. */
const SUMMARY_FROM = 3;

/**
 * "表三有 125 个单元格未填数字（法人或其他组织各列）": the blank cells of a table in one message,
 * naming the columns they are in when they are confined to some columns, else the rows' count.
 */
function reportBlankTable(
  table: RecognizedTable,
  findings: { cells: ColumnTemplate[]; row: RecognizedRow }[],
  name: string,
  locale: Locale,
  report: (d: { messageId: string; data: Record<string, string | number>; span: { start: number; end: number }; severity: 'warn' }) => void,
): void {
  const count = findings.reduce((a, f) => a + f.cells.length, 0);
  const keys = new Set(findings.flatMap((f) => f.cells.map((c) => c.key)));
  const all = table.kind === 'active' ? undefined : table.kind === 'review' ? REVIEW_COLUMNS : APPLICANT_COLUMNS;
  let where: string;
  if (all && keys.size < all.length) {
    const cols = all.filter((c) => keys.has(c.key));
    const legal = APPLICANT_COLUMNS.filter((c) => !['natural', 'total'].includes(c.key));
    if (table.kind === 'applications' && legal.every((c) => keys.has(c.key))) {
      const rest = cols.filter((c) => !legal.includes(c));
      where = joinList([t(TEXT, 'allLegalPersonColumns', locale), ...rest.map((c) => columnLabel(table, c.key))], locale);
    } else
      where =
        table.kind === 'review'
          ? blankColumnNames(table, cols, locale)
          : t(TEXT, 'columns', locale, {
              columns: joinList(
                cols.map((c) => columnLabel(table, c.key)),
                locale,
              ),
            });
  } else {
    const rows = new Set(findings.map((f) => f.row.key)).size;
    where = t(TEXT, 'inRows', locale, { rows });
  }
  const first = findings.map((f) => f.row).sort((a, b) => a.span.start - b.span.start)[0];
  report({ messageId: 'blankTable', data: { table: name, count, where }, span: first.labelSpan ?? first.span, severity: 'warn' });
}

/** Blank columns by name; table 四's columns by group when a whole group is blank. */
function blankColumnNames(table: RecognizedTable, blanks: ColumnTemplate[], locale: Locale): string {
  if (table.kind !== 'review')
    return joinList(
      blanks.map((c) => columnLabel(table, c.key)),
      locale,
    );
  const parts: string[] = [];
  for (const g of REVIEW_GROUPS) {
    const mine = blanks.filter((c) => c.key.startsWith(`${g.key}.`));
    if (mine.length === 5) parts.push(t(TEXT, 'allOfGroup', locale, { group: g.label }));
    else parts.push(...mine.map((c) => columnLabel(table, c.key)));
  }
  return joinList(parts, locale);
}

function columnsOf(table: RecognizedTable, rowKey: string): ColumnTemplate[] {
  if (table.kind === 'review') return REVIEW_COLUMNS;
  if (table.kind === 'applications') return APPLICANT_COLUMNS;
  return activeSubTables(table.layout).find((s) => s.rows.some((r) => r.key === rowKey))?.columns ?? [];
}

function rowPhrase(table: RecognizedTable, row: RecognizedRow, locale: Locale): string {
  if (table.kind === 'review') return t(TEXT, 'reviewDataRow', locale);
  return t(TERMS, 'row', locale, { row: rowLabel(table, row.key) });
}

export default rule;
