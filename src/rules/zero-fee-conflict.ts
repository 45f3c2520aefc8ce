import type { Rule } from '../engine/types.js';
import type { FeeClaim, FeeFigure, Report } from '../model/report.js';
import { fillTemplate, pick } from '../i18n/format.js';
import { activeHasColumn } from '../templates/tables.js';
import { docsUrl } from './shared/docs.js';

/**
 * "No fee was charged" must not contradict a non-zero fee figure for the same fee. The 信息处理费
 * of section 六 (国办函〔2020〕109号) and the 行政事业性收费 row of table 二 are different fees:
 * "未收取信息处理费" beside 行政事业性收费 54.7176万元 is consistent; "本机关全年未收取任何费用"
 * beside it is not.
 */
const rule: Rule = {
  meta: {
    id: 'zero-fee-conflict',
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      summary: '"未收取…费" contradicted by a non-zero figure for the same fee (信息处理费 ≠ 行政事业性收费)',
      configComment: ['“未收取费用”的表述与非零收费数据矛盾。'],
      description: { 'zh-CN': '“未收取费用”的表述不得与非零收费数据矛盾', en: 'A statement that no fee was charged must not contradict a non-zero fee figure' },
      url: docsUrl('zero-fee-conflict'),
      legalBasis: {
        'zh-CN': '《政府信息公开条例》第四十二条；国办函〔2020〕109号',
        en: 'Regulations on Open Government Information, art. 42; 国办函〔2020〕109号',
      },
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    messages: {
      conflict: {
        'zh-CN': '此处称「{{claim}}」，但{{figure}}（{{where}}），二者矛盾',
        en: 'This says "{{claim}}", but {{figure}} ({{where}})',
      },
      adminFeeFigure: { 'zh-CN': '表二「行政事业性收费」本年收费金额为 {{amount}} 万元', en: 'table II reports 行政事业性收费 of {{amount}} (10k yuan)' },
      processingFeeFigure: { 'zh-CN': '报告称「{{text}}」', en: 'the report states "{{text}}"' },
    },
  },
  check(report, context) {
    const figures = feeFigures(report).filter((f) => f.yuan > 0);
    for (const claim of report.feeClaims) {
      const figure = figures.find((f) => conflicts(claim, f));
      if (!figure) continue;
      const figureText =
        figure.kind === 'adminFees'
          ? fillTemplate(pick(rule.meta.messages.adminFeeFigure, context.locale), { amount: figure.yuan / 10000 })
          : fillTemplate(pick(rule.meta.messages.processingFeeFigure, context.locale), { text: figure.text });
      // The figure the claim contradicts is the second location (the "第 N 行" of the message).
      const related = [{ span: figure.span, message: figureText }];
      context.report({
        messageId: 'conflict',
        data: { claim: context.quote(claim.span) ?? claim.text, figure: figureText, where: context.where(figure.span) },
        span: claim.span,
        related,
      });
    }
  },
};

/** An "all fees" claim conflicts with any fee; a 信息处理费 claim only with 信息处理费. */
function conflicts(claim: FeeClaim, figure: FeeFigure): boolean {
  return claim.scope === 'all' || figure.kind === 'processing';
}

function feeFigures(report: Report): FeeFigure[] {
  const out = [...report.processingFeeFigures];
  const active = report.tables.active;
  // Only a layout with an amount column (2021: 万元) states money; the 2019 layout counts fee items.
  const cell = active && activeHasColumn(active.layout, 'feeAmount') ? active.rows.adminFees?.cells.feeAmount : undefined;
  if (cell?.kind === 'number') out.push({ kind: 'adminFees', yuan: cell.value! * 10000, text: cell.raw, span: cell.span });
  return out;
}

export default rule;
