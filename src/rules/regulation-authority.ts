import type { LocalizedText, Rule } from '../engine/types.js';
import type { CellValue } from '../model/report.js';
import { organLevel } from '../model/organ.js';
import { docsUrl } from './shared/docs.js';
import { rowLabel } from './shared/tables.js';
import { defineCatalog, pick, t } from '../i18n/format.js';
import { joinList } from '../i18n/locales.js';

/**
 * 规章 are made only by the 国务院部门 and by the governments of provinces, 设区的市 and 自治州
 * (立法法 第九十一、九十三条). A township, a 街道办事处, a county or district government or one of its
 * departments has none of its own: figures in table 二's 规章 row (本年制发 / 本年废止 / 现行有效, or
 * the 2019 layout's 本年新制作) are the organ's 规范性文件 in the wrong row, or higher-level rules it
 * applies. Only when the organ's level is read from its name with certainty (organLevel): a 县级市
 * is named like a 设区的市, so city organs are left alone. A warning: the figures are the organ's own.
 */

/** The 规章 row's columns that count the organ's own rules (the 2019 layout's 新公开 / 对外公开 may count rules it republished). */
const OWN_RULES_COLUMNS: Record<string, LocalizedText> = {
  made: { 'zh-CN': '本年制发', en: 'made this year' },
  repealed: { 'zh-CN': '本年废止', en: 'repealed this year' },
  valid: { 'zh-CN': '现行有效', en: 'in force' },
  newlyMade: { 'zh-CN': '本年新制作', en: 'newly made' },
};

const TEXT = defineCatalog('rule:regulation-authority', {
  township: { 'zh-CN': '乡镇（街道）机关', en: 'a township or sub-district organ' },
  county: { 'zh-CN': '县（区）级机关', en: 'a county-level organ' },
});

const rule: Rule = {
  meta: {
    id: 'regulation-authority',
    type: 'problem',
    defaultSeverity: 'warn',
    docs: {
      summary:
        "a township, 街道办事处, county or district government or county-level department (level read from the organ's name with certainty) reports no 规章 of its own in table 二 (立法法 第九十一、九十三条)",
      configComment: ['乡镇（街道）、县（区）级机关（按机关名称确定层级）表二「规章」一行须为 0：它们无权制定规章（立法法第九十一、九十三条）。'],
      description: {
        'zh-CN': '乡镇（街道）、县（区）级机关无权制定规章，表二「规章」一行应为 0',
        en: 'Townships, sub-districts and county-level organs make no 规章: their 规章 row in table II is 0',
      },
      url: docsUrl('regulation-authority'),
      legalBasis: {
        'zh-CN': '《中华人民共和国立法法》第九十一条、第九十三条（2015年版第八十条、第八十二条）',
        en: 'Legislation Law, arts. 91 and 93 (arts. 80 and 82 of the 2015 text)',
      },
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    messages: {
      lowerOrgan: {
        'zh-CN':
          '「{{organ}}」是{{level}}，无权制定规章，但表二「规章」一行填了 {{figures}}：规章只能由国务院部门和省、自治区、直辖市、设区的市、自治州的人民政府制定，本机关没有规章，此行应为 0（本机关制发的规范性文件填在「{{docsRow}}」一行）',
        en: '"{{organ}}" is {{level}} and cannot make 规章, yet table II\'s 规章 row holds {{figures}}: only State Council departments and the governments of provinces, 设区的市 and 自治州 make them, so the row is 0 (the organ\'s own normative documents go in the "{{docsRow}}" row)',
      },
    },
  },
  check(report, context) {
    const organ = report.issuer?.name;
    const level = organ ? organLevel(organ) : undefined;
    const row = report.tables.active?.rows.rules;
    if (!organ || !level || !row) return;
    // A row read from digits run together is a guess: not enough to tell an organ it has rules.
    if (row.confidence !== 'exact' && row.confidence !== 'tolerant') return;
    const locale = context.locale;
    const filled = Object.entries(OWN_RULES_COLUMNS)
      .map(([key, name]) => [row.cells[key], pick(name, locale)] as const)
      .filter((e): e is readonly [CellValue, string] => e[0]?.kind === 'number' && e[0].value! > 0);
    if (!filled.length) return;
    const levelText = t(TEXT, level === 'township' ? 'township' : 'county', locale);
    const docsRow = rowLabel(report.tables.active!, 'normativeDocs');
    context.report({
      messageId: 'lowerOrgan',
      data: {
        organ,
        level: levelText,
        figures: joinList(
          filled.map(([c, name]) => `${name} ${c.raw}`),
          locale,
        ),
        docsRow,
      },
      span: row.labelSpan ?? row.span,
    });
  },
};

export default rule;
