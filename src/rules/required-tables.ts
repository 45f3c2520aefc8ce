import type { Locale, Rule } from '../engine/types.js';
import type { RecognizedTable } from '../model/report.js';
import type { Span } from '../model/source.js';
import { eraNamed } from '../templates/eras.js';
import { APPLICANT_COLUMNS, activeSubTables, applicationRows, type TableKind } from '../templates/tables.js';
import { docsUrl } from './shared/docs.js';
import { tableName } from './shared/tables.js';
import { tablesApply } from './shared/template-scope.js';
import { pick, t } from '../i18n/format.js';
import { joinList } from '../i18n/locales.js';
import { TERMS } from '../i18n/terms.js';

/**
 * The three tables of the unified format, their mandated rows and their columns must be there
 * (国办公开办函〔2021〕30号 / 〔2019〕60号: tables may not be deleted or re-designed, zero rows stay
 * with 0). A row counts as present when it was identified by its label or by its place; a row whose
 * cells cannot be read is present (table-structure speaks of it). Columns are judged only where the
 * header row was read.
 */

const SECTION_OF: Record<TableKind, 'active' | 'applications' | 'review'> = { active: 'active', applications: 'applications', review: 'review' };

const rule: Rule = {
  meta: {
    id: 'required-tables',
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      summary:
        'the three tables, their mandated rows and (where the header was read) columns are present; a row placed by position or unreadable counts as present; 2019 reports only with `checkYear2019` (60号 merely encouraged the format for them)',
      configComment: ['三张表及其法定行、列须齐全；checkYear2019: 也检查 2019 年度报告（60号对该年度只是鼓励使用统一格式）。'],
      description: {
        'zh-CN': '统一格式的三张表及其法定行、列须齐全',
        en: 'The three tables of the unified format, with their mandated rows and columns, are present',
      },
      url: docsUrl('required-tables'),
      legalBasis: {
        'zh-CN': '《条例》第五十条；国办公开办函〔2021〕30号、〔2019〕60号统一格式',
        en: 'Regulation art. 50; the unified format, 国办公开办函〔2021〕30号 / 〔2019〕60号',
      },
    },
    schema: {
      type: 'object',
      properties: { checkYear2019: { type: 'boolean' } },
      additionalProperties: false,
    },
    defaultOptions: { checkYear2019: false },
    messages: {
      missingTable: {
        'zh-CN': '「{{section}}」部分缺少{{table}}；{{year}} 年度报告须按{{format}}列出该表',
        en: 'Section "{{section}}" lacks {{table}}; a {{year}} report must include it as laid down by {{format}}',
      },
      emptySection: {
        'zh-CN': '「{{section}}」部分是空的，找不到{{table}}：表格可能以图片形式发布，或复制文字时丢失；{{year}} 年度报告须按{{format}}列出该表，请核对',
        en: 'Section "{{section}}" is empty and {{table}} cannot be found: it may have been published as an image or lost when the text was copied; a {{year}} report must include it as laid down by {{format}} — please check',
      },
      missingRows: {
        'zh-CN': '{{table}}缺少 {{count}} 行：{{rows}}（统一格式的行不得删减，没有的事项填 0）',
        en: '{{table}} lacks {{count}} row(s): {{rows}} (rows of the unified format may not be dropped; write 0)',
      },
      missingColumn: {
        'zh-CN': '{{table}}{{sub}}缺少「{{column}}」列（表头只有：{{found}}）',
        en: '{{table}}{{sub}} lacks the column "{{column}}" (header has only: {{found}})',
      },
    },
  },
  check(report, context) {
    if (!tablesApply(report, context.options.checkYear2019 === true)) return;
    const era = eraNamed(report.era);
    const formatName = era.formatName ?? era.name;
    for (const kind of ['active', 'applications', 'review'] as const) {
      const table = report.tables[kind];
      const section = report.sections[SECTION_OF[kind]];
      if (!table) {
        // Without its section, required-sections already reports the part as missing.
        if (section) {
          // A part with nothing at all under its heading most often had its table as a picture, or
          // lost it when the text was copied from the page: a warning that asks, not an error.
          context.report({
            messageId: section.empty ? 'emptySection' : 'missingTable',
            data: {
              section: `${section.numbering ?? ''}${section.title}`,
              table: tableName(kind, context.locale),
              year: report.year!.value,
              format: pick(formatName, context.locale),
            },
            span: section.span,
            ...(section.empty ? { severity: 'warn' as const } : {}),
          });
        }
        continue;
      }
      // A table there but unreadable (scattered cells, an image) is table-structure's message.
      if (table.unreadable) continue;
      if (kind !== 'review') missingRows(table, context.locale, (d) => context.report(d));
      missingColumns(table, context.locale, (d) => context.report(d));
    }
  },
};

type Report_ = (d: { messageId: string; data: Record<string, string | number>; span: Span }) => void;

/** One message per run of consecutive missing rows, pointed at the row that follows the gap. */
function missingRows(table: RecognizedTable, locale: Locale, report: Report_): void {
  const template = table.kind === 'applications' ? applicationRows(table.layout) : activeSubTables(table.layout).flatMap((s) => s.rows);
  let run: string[] = [];
  let prevEnd = table.span.start;
  const flush = (at: Span | undefined, nextStart: number) => {
    if (!run.length) return;
    // A row with values whose label matched nothing sits in the gap: it may be the missing row,
    // unrecognized; table-structure reports it, and "missing" would be a guess.
    const unknownInGap = table.problems.some((p) => p.kind === 'unknownRow' && p.span.start >= prevEnd && p.span.start <= nextStart);
    if (!unknownInGap) {
      const labels = run.map((k) => `「${template.find((r) => r.key === k)!.label}」`);
      report({
        messageId: 'missingRows',
        data: {
          table: tableName(table.kind, locale),
          count: run.length,
          rows: labels.length > 4 ? `${labels.slice(0, 3).join('、')}… ${labels[labels.length - 1]}` : labels.join('、'),
        },
        span: at ?? { start: table.span.start, end: table.span.start },
      });
    }
    run = [];
  };
  for (const r of template) {
    const row = table.rows[r.key];
    if (!row) {
      run.push(r.key);
      continue;
    }
    const at = row.labelSpan ?? row.span;
    flush(at, row.span.start);
    prevEnd = row.span.end;
  }
  // Rows missing at the end of the table: point at the last row present.
  const last = Object.values(table.rows).sort((a, b) => b.span.start - a.span.start)[0];
  flush(last ? (last.labelSpan ?? last.span) : undefined, table.span.end);
}

/**
 * A column is missing when the header row that should name it was read, names the others, and has
 * no cell in its place — and no row of the (sub-)table has a number in every column (rows of a
 * table without a column are one cell short, which table-structure reports too; in Markdown the
 * short rows are padded with a blank cell).
 */
function missingColumns(table: RecognizedTable, locale: Locale, report: Report_): void {
  const headers = table.headers ?? [];
  if (!headers.length) return;
  const groups: { group?: string; columns: { key: string; label: string }[]; rowKeys: string[] }[] =
    table.kind === 'applications'
      ? [{ group: undefined, columns: APPLICANT_COLUMNS, rowKeys: Object.keys(table.rows) }]
      : table.kind === 'active'
        ? activeSubTables(table.layout).map((s) => ({ group: s.clause, columns: s.columns, rowKeys: s.rows.map((r) => r.key) }))
        : [];
  for (const g of groups) {
    const mine = headers.filter((h) => h.group === g.group && g.columns.some((c) => c.key === h.key));
    // The header must have been read: at least half of its columns (table 二: its 信息内容 row).
    const readHeader =
      table.kind === 'active' ? headers.some((h) => h.group === g.group && h.key === 'label') && mine.length > 0 : mine.length * 2 >= g.columns.length;
    if (!readHeader) continue;
    const missing = g.columns.filter((c) => !mine.some((h) => h.key === c.key));
    if (!missing.length) continue;
    // A row with a number in every column shows the columns are all there (the header lost a cell).
    const complete = g.rowKeys.some((k) => {
      const row = table.rows[k];
      return row && !row.unreadable && g.columns.every((c) => row.cells[c.key]?.kind === 'number');
    });
    if (complete) continue;
    const at = [...mine].sort((a, b) => a.span.start - b.span.start);
    const anchor = headers.find((h) => h.group === g.group && h.key === 'label') ?? at[0];
    for (const c of missing) {
      report({
        messageId: 'missingColumn',
        data: {
          table: tableName(table.kind, locale),
          sub: g.group ? t(TERMS, 'columnGroup', locale, { group: g.group }) : '',
          column: c.label,
          found: joinList(
            at.map((h) => h.label),
            locale,
          ),
        },
        span: anchor.span,
      });
    }
  }
}

export default rule;
