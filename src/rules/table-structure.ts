import type { Rule } from '../engine/types.js';
import { docsUrl } from './shared/docs.js';
import type { Locale } from '../engine/types.js';
import type { RecognizedTable, RowUnreadable, TableUnreadable } from '../model/report.js';
import { rowLabel, tableName } from './shared/tables.js';
import { defineCatalog, t } from '../i18n/format.js';
import { TERMS } from '../i18n/terms.js';

const TEXT = defineCatalog('rule:table-structure', {
  blanksLost: { 'zh-CN': '（空白单元格的位置已丢失，空白处应填 0）', en: ' (blank cells lost their places: write 0, not blank)' },
  /** Table 四 has one data row and no row label; the zh text follows the table's name directly. */
  reviewDataRow: { 'zh-CN': '的数据行', en: 'the data row' },
});

/**
 * Says where a table could not be read reliably — cells that cannot be placed in columns, rows
 * whose label matches no official row — so that the silence of the sum rules there is not taken
 * for a clean bill. Warning: the report may be right and only its copy damaged.
 */
/** The model's reasons, each mapped to the message that explains it (a new reason fails to compile until it has one). */
const ROW_MESSAGE: Record<RowUnreadable, 'noValues' | 'blanksLost' | 'tooMany' | 'tooFew'> = {
  noValues: 'noValues',
  blanksLost: 'blanksLost',
  tooMany: 'tooMany',
  tooFew: 'tooFew',
};
const TABLE_MESSAGE: Record<TableUnreadable, 'scatteredTable' | 'blankTable' | 'imageTable'> = {
  scattered: 'scatteredTable',
  blank: 'blankTable',
  image: 'imageTable',
};

const rule: Rule = {
  meta: {
    id: 'table-structure',
    type: 'problem',
    defaultSeverity: 'warn',
    docs: {
      summary:
        'where a table cannot be read reliably (cells whose columns are lost, unidentifiable rows), so the silence of the sum rules there is not mistaken for a pass',
      configComment: ['表格行列无法可靠识别时提示（例如空白单元格位置丢失）。'],
      description: {
        'zh-CN': '表格行列须可识别（否则无法核对勾稽关系）',
        en: 'Table rows and cells must be identifiable (otherwise totals cannot be checked)',
      },
      url: docsUrl('table-structure'),
      legalBasis: { 'zh-CN': '国办公开办函〔2021〕30号、〔2019〕60号统一格式', en: 'the unified format, 国办公开办函〔2021〕30号 / 〔2019〕60号' },
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    messages: {
      blanksLost: {
        'zh-CN': '{{table}}{{row}}有空白单元格且单元格数与 {{columns}} 列对不上，无法确定各数值所在的列，未核对该行的勾稽关系（空白处应填 0）',
        en: '{{table}}, {{row}}: blank cells and a cell count that does not match the {{columns}} columns; the values cannot be placed, so this row was not checked (write 0, not blank)',
      },
      tooFew: {
        'zh-CN': '{{table}}{{row}}只有 {{count}} 个单元格，少于 {{columns}} 列，无法确定各数值所在的列，未核对该行的勾稽关系',
        en: '{{table}}, {{row}} has only {{count}} cells for {{columns}} columns; the values cannot be placed, so this row was not checked',
      },
      tooMany: {
        'zh-CN': '{{table}}{{row}}有 {{count}} 个单元格，多于 {{columns}} 列，未核对该行的勾稽关系',
        en: '{{table}}, {{row}} has {{count}} cells for {{columns}} columns; this row was not checked',
      },
      noValues: {
        'zh-CN': '{{table}}{{row}}没有数值',
        en: '{{table}}, {{row}} has no values',
      },
      unknownRow: {
        'zh-CN': '{{table}}中「{{label}}」一行无法对应到统一格式的任何一行，未核对其数值',
        en: '{{table}}: the row "{{label}}" matches no row of the official format; its values were not checked',
      },
      unlabeledRow: {
        'zh-CN': '{{table}}中有一行数值缺少行名，且无法按统一格式的行序确定是哪一行，未核对其数值',
        en: '{{table}}: a row of values has no label and its place in the official row order cannot be determined; it was not checked',
      },
      scatteredTable: {
        'zh-CN': '{{table}}的单元格在复制或转换时被拆散（行名、数字各自成行），无法还原各数值所在的行和列，未核对该表',
        en: '{{table}}: its cells were scattered by copying or conversion (labels and numbers on lines of their own); they cannot be placed in rows and columns, so the table was not checked',
      },
      blankTable: {
        'zh-CN': '{{table}}的行名各自成行，全表没有一个数字：各单元格都未填写（没有的事项应填 0），未核对该表',
        en: '{{table}}: its labels stand one per line and there is no number anywhere in it — every cell was left empty (write 0 where there was nothing); the table was not checked',
      },
      imageTable: {
        'zh-CN': '{{table}}以图片形式发布，无法核对',
        en: '{{table}} is published as an image and cannot be checked',
      },
      unreadableRows: {
        'zh-CN': '{{table}}有 {{count}} 行无法确定各数值所在的列（{{rows}}），未核对这些行的勾稽关系{{blanks}}',
        en: '{{table}}: the values of {{count}} rows cannot be placed in their columns ({{rows}}); these rows were not checked{{blanks}}',
      },
      noDataRow: {
        'zh-CN': '{{table}}有表头但找不到数据行',
        en: '{{table}} has a header but no data row could be found',
      },
    },
  },
  check(report, context) {
    for (const table of Object.values(report.tables)) {
      if (!table) continue;
      const name = tableName(table.kind, context.locale);
      if (table.unreadable) {
        context.report({ messageId: TABLE_MESSAGE[table.unreadable], data: { table: name }, span: table.span });
        continue;
      }
      // Several unreadable rows in one table (a flattened or damaged copy): one message for the table.
      const unreadable = table.problems.filter((p) => p.kind === 'unreadableRow');
      if (unreadable.length >= 2) {
        const labels = unreadable.map((p) => `「${rowLabel(table, p.rowKey)}」`);
        const rows = labels.length > 3 ? `${labels.slice(0, 3).join('、')}…` : labels.join('、');
        const first = table.rows[unreadable[0].rowKey];
        const blanks = unreadable.some((p) => p.reason === 'blanksLost') ? t(TEXT, 'blanksLost', context.locale) : '';
        context.report({
          messageId: 'unreadableRows',
          data: { table: name, count: unreadable.length, rows, blanks },
          span: first?.labelSpan ?? unreadable[0].span,
        });
      }
      for (const p of table.problems) {
        if (p.kind === 'unreadableRow' && unreadable.length >= 2) continue;
        if (p.kind === 'unreadableRow') {
          const row = table.rows[p.rowKey];
          context.report({
            messageId: ROW_MESSAGE[p.reason],
            data: { table: name, row: rowPhrase(table, p.rowKey, context.locale), columns: p.columns, count: p.count },
            span: row?.labelSpan ?? p.span,
          });
        } else if (p.kind === 'unknownRow') {
          context.report({ messageId: p.label ? 'unknownRow' : 'unlabeledRow', data: { table: name, label: p.label }, span: p.span });
        } else if (p.kind === 'noDataRow') {
          context.report({ messageId: 'noDataRow', data: { table: name }, span: p.span });
        }
      }
    }
  },
};

/** 「一、本年新收…」行 / the data row of table 四, which has no label. */
function rowPhrase(table: RecognizedTable, key: string, locale: Locale): string {
  if (table.kind === 'review') return t(TEXT, 'reviewDataRow', locale);
  return t(TERMS, 'row', locale, { row: rowLabel(table, key) });
}

export default rule;
