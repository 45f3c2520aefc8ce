import type { Rule } from '../engine/types.js';
import type { Layout } from '../templates/eras.js';
import { eraNamed } from '../templates/eras.js';
import { LAYOUT_NAMES } from '../templates/tables.js';
import { docsUrl } from './shared/docs.js';
import { tableName } from './shared/tables.js';
import { tablesApply } from './shared/template-scope.js';
import { defineCatalog, pick, t } from '../i18n/format.js';
import { joinList } from '../i18n/locales.js';

const TEXT = defineCatalog('rule:format-version', {
  /** After the first four labels: zh counts them all (等 N 项), en the ones not shown. */
  moreLabels: { 'zh-CN': ' 等 {{total}} 项', en: ' and {{rest}} more' },
});

/**
 * The tables must be those of the format in force for the report year: the 2019 trial format
 * (国办公开办函〔2019〕60号) for 2019–2020 reports, the 2021 format (〔2021〕30号) from 2021 on. The
 * evidence is the labels only one layout has (domain.md §2.4): 本年新制作数量, 上一年项目数量,
 * 政府集中采购 … vs 本年制发件数, 现行有效件数, 本年处理决定数量 …, and the （六）其他处理 block of
 * table 三 (one row in 2019, three in 2021). A table is reported only when the other era's labels
 * outnumber its own era's, so a single stray word does not decide.
 */

const rule: Rule = {
  meta: {
    id: 'format-version',
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      summary:
        'the tables belong to the format of the report year (2019 trial format for 2019–2020, 30号 format from 2021), judged by the labels only one version has',
      configComment: ['表格须使用报告年度适用的格式版本（2019 年格式 / 2021 年格式）。'],
      description: { 'zh-CN': '表格须使用报告年度适用的统一格式版本', en: 'Tables use the format version in force for the report year' },
      url: docsUrl('format-version'),
      legalBasis: { 'zh-CN': '国办公开办函〔2021〕30号；国办公开办函〔2019〕60号', en: '国办公开办函〔2021〕30号; 国办公开办函〔2019〕60号' },
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    messages: {
      wrongLayout: {
        'zh-CN': '{{table}}使用的是{{found}}的栏目（{{labels}}），{{year}} 年度报告应使用{{expected}}',
        en: '{{table}} uses the labels of {{found}} ({{labels}}); a {{year}} report must use {{expected}}',
      },
    },
  },
  check(report, context) {
    if (!tablesApply(report, true)) return;
    const expected = eraNamed(report.era).layout!;
    for (const table of [report.tables.active, report.tables.applications]) {
      if (!table?.fingerprints?.length) continue;
      const own = table.fingerprints.filter((f) => f.layout === expected);
      // The foreign layout with the most labels in the table is the one it was copied from.
      const count = new Map<Layout, number>();
      for (const f of table.fingerprints) if (f.layout !== expected) count.set(f.layout, (count.get(f.layout) ?? 0) + 1);
      const other = [...count.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
      const foreign = table.fingerprints.filter((f) => f.layout === other).sort((a, b) => a.span.start - b.span.start);
      if (!other || foreign.length <= own.length) continue;
      const shown = joinList(
        foreign.slice(0, 4).map((f) => `「${f.label}」`),
        context.locale,
      );
      const more = foreign.length > 4 ? t(TEXT, 'moreLabels', context.locale, { total: foreign.length, rest: foreign.length - 4 }) : '';
      context.report({
        messageId: 'wrongLayout',
        data: {
          table: tableName(table.kind, context.locale),
          found: pick(LAYOUT_NAMES[other], context.locale),
          expected: pick(LAYOUT_NAMES[expected], context.locale),
          year: report.year!.value,
          labels: shown + more,
        },
        span: foreign[0].span,
      });
    }
  },
};

export default rule;
