import type { Locale, Rule } from '../engine/types.js';
import type { CellFact } from '../region/facts.js';
import type { RegionUnit } from '../region/types.js';
import { APPLICANT_COLUMNS, REVIEW_COLUMNS, LAYOUTS_NEWEST_FIRST, applicationRows } from '../templates/tables.js';
import { docsUrl } from './shared/docs.js';
import { defineCatalog, t } from '../i18n/format.js';

const TEXT = defineCatalog('rule:region-total', {
  allZero: { 'zh-CN': '各单位均为 0', en: 'all units 0' },
  contributorSeparator: { 'zh-CN': '，', en: ', ' },
  moreUnits: { 'zh-CN': '，另有 {{rest}} 个单位', en: ', and {{rest}} more' },
  oneUnitZero: { 'zh-CN': '；{{zero}} 个单位为 0', en: '; {{zero}} unit 0' },
  unitsZero: { 'zh-CN': '；{{zero}} 个单位为 0', en: '; {{zero}} units 0' },
});

/**
 * A people's government compiles its report from its units' (县政府 "汇总县直单位和乡镇（街道）年报"):
 * with config `aggregate`, the total report's table 三 (every row × column) and table 四 (every
 * cell) are compared with the cell-wise sum of the parts' reports of the same year. A differing
 * cell is reported in the total's file, at that cell, with the expected sum, the value found and
 * the units that contributed. A warning: a region may legitimately include units whose reports
 * are not in the folder (the message says so). A cell is compared only when it and the same cell
 * of every part were read as numbers.
 */
const ROW_LABELS = new Map(LAYOUTS_NEWEST_FIRST.flatMap(applicationRows).map((r) => [r.key, r.label]));
const COL_LABELS = new Map([...APPLICANT_COLUMNS, ...REVIEW_COLUMNS].map((c) => [c.key, c.label]));
/** Contributors named in a message; the rest are counted. */
const NAMED = 8;

const rule: Rule = {
  meta: {
    id: 'region-total',
    type: 'problem',
    defaultSeverity: 'warn',
    scope: 'region',
    docs: {
      summary:
        "region runs with `aggregate`: the government report's table 三 (every row × column) and table 四 (every cell) equal the cell-wise sum of its units' reports; a differing cell is reported at the total's cell with the sum, the value found and the contributors",
      configComment: ['地区汇总（需要 aggregate）：本级报告表三、表四逐格等于各单位之和；expect 中的单位都有报告。'],
      description: {
        'zh-CN': '本级政府报告表三、表四的数字等于所汇总各单位报告的逐格之和（配置 aggregate）',
        en: "A government's tables III and IV equal the cell-wise sum of its units' reports (aggregate setting)",
      },
      url: docsUrl('region-total'),
      legalBasis: {
        'zh-CN': '《政府信息公开条例》第五十条；国办公开办函〔2021〕30号统一格式表三、表四',
        en: 'Regulations on Open Government Information, art. 50; tables III and IV of 国办公开办函〔2021〕30号',
      },
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    messages: {
      applications: {
        'zh-CN':
          '表三「{{row}}」「{{col}}」为 {{found}}，而 {{count}} 个单位报告该格之和为 {{expected}}（{{contributors}}）；如本级汇总范围还包括未放入文件夹的单位，可忽略',
        en: 'Table III, "{{row}}", column "{{col}}": {{found}}, but the {{count}} unit reports sum to {{expected}} ({{contributors}}); ignore if the region includes units whose reports are not in the folder',
      },
      review: {
        'zh-CN':
          '表四「{{col}}」为 {{found}}，而 {{count}} 个单位报告该格之和为 {{expected}}（{{contributors}}）；如本级汇总范围还包括未放入文件夹的单位，可忽略',
        en: 'Table IV, "{{col}}": {{found}}, but the {{count}} unit reports sum to {{expected}} ({{contributors}}); ignore if the region includes units whose reports are not in the folder',
      },
    },
  },
  check() {
    // A region rule: see checkRegion.
  },
  checkRegion(region, context) {
    for (const agg of region.aggregates) {
      const total = agg.total;
      if (!total || agg.parts.length === 0) continue;
      for (const table of ['applications', 'review'] as const) {
        const rows = total.facts.tables[table];
        if (!rows) continue;
        for (const [rowKey, cells] of Object.entries(rows)) {
          for (const [colKey, cell] of Object.entries(cells)) {
            if (cell.value === undefined) continue;
            const sum = partsSum(agg.parts, table, rowKey, colKey);
            if (sum === undefined || sameNumber(sum, cell.value)) continue;
            context.report({
              file: total.file,
              at: cell,
              messageId: table,
              data: {
                row: ROW_LABELS.get(rowKey) ?? rowKey,
                col: COL_LABELS.get(colKey) ?? colKey,
                found: cell.value,
                expected: round(sum),
                count: agg.parts.length,
                contributors: contributors(partValues(agg.parts, table, rowKey, colKey), context.locale),
              },
            });
          }
        }
      }
    }
  },
};

/** The sum of one cell over the parts; undefined if any part lacks a number there. */
function partsSum(parts: RegionUnit[], table: 'applications' | 'review', row: string, col: string): number | undefined {
  let value = 0;
  for (const p of parts) {
    const c: CellFact | undefined = p.facts.tables[table]?.[row]?.[col];
    if (c?.value === undefined) return undefined;
    value += c.value;
  }
  return value;
}

/** Each part's value of one cell that partsSum summed, by name: only for a cell reported (every cell is summed). */
function partValues(parts: RegionUnit[], table: 'applications' | 'review', row: string, col: string): { name: string; value: number }[] {
  return parts.map((p) => ({ name: p.facts.organ ?? baseName(p.file), value: p.facts.tables[table]?.[row]?.[col]?.value ?? 0 }));
}

function contributors(by: { name: string; value: number }[], locale: Locale): string {
  const nonZero = by.filter((b) => b.value !== 0);
  if (nonZero.length === 0) return t(TEXT, 'allZero', locale);
  const named = nonZero.slice(0, NAMED).map((b) => `${b.name} ${round(b.value)}`);
  const rest = nonZero.length - named.length;
  const zero = by.length - nonZero.length;
  let s = named.join(t(TEXT, 'contributorSeparator', locale));
  if (rest > 0) s += t(TEXT, 'moreUnits', locale, { rest });
  if (zero > 0) s += t(TEXT, zero === 1 ? 'oneUnitZero' : 'unitsZero', locale, { zero });
  return s;
}

function baseName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}

/** Amounts may be fractional (万元); compare them without floating-point noise. */
function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-6;
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

export default rule;
