import type { Rule } from '../engine/types.js';
import { fillTemplate, pick } from '../i18n/format.js';
import { organKind, sameOrgan, normalizeOrgan } from '../model/organ.js';
import { docsUrl } from './shared/docs.js';
import { unsure } from './shared/confidence.js';

/**
 * The organ named in the title and the organ of the 落款 are the same organ: a report titled for
 * one organ and signed by another is usually another organ's report copied and half updated.
 * Short forms match their full names ("威海市外办" / "威海市人民政府外事办公室"), and a people's
 * government's report may be signed by an organ of the same place (its 办公室 or the 政务公开
 * 主管部门 publishes it, 条例第四十九条). A warning: a renamed organ also shows this.
 */
const rule: Rule = {
  meta: {
    id: 'organ-mismatch',
    type: 'problem',
    defaultSeverity: 'warn',
    docs: {
      summary:
        "the organ named in the title and the 落款 organ are the same (short forms match full names; a people's government's report may be signed by an organ of the same place)",
      configComment: ['标题中的机关须与落款机关一致（简称与全称视为一致）。'],
      description: { 'zh-CN': '标题中的机关须与落款机关一致', en: 'The organ in the title and the organ in the signature block are the same' },
      url: docsUrl('organ-mismatch'),
      legalBasis: {
        'zh-CN': '《政府信息公开条例》第四十九条；国办公开办函〔2021〕30号（内容雷同、不准确的追责）',
        en: 'Regulations on Open Government Information, art. 49; 国办公开办函〔2021〕30号 (copied or inaccurate reports)',
      },
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    messages: {
      mismatch: {
        'zh-CN': '落款机关「{{signature}}」与标题中的机关「{{title}}」不一致：请核对是否沿用了其他机关的报告{{note}}',
        en: 'The signature names "{{signature}}" but the title names "{{title}}": check whether another organ\'s report was reused{{note}}',
      },
      titleOrgan: { 'zh-CN': '标题中的机关：{{title}}', en: 'organ in the title: {{title}}' },
    },
  },
  check(report, context) {
    const { title, signature } = report.organs;
    if (!title || !signature || sameOrgan(title.name, signature.name)) return;
    if (signedForGovernment(title.name, signature.name)) return;
    const data = { title: title.name, signature: signature.name };
    // The 落款 organ stands by a date line that may not be the 落款 (prose goes on after it): a warning.
    const { note, severity } = unsure(report.signature?.confidence, 'signature', context.locale);
    context.report({
      messageId: 'mismatch',
      data: { ...data, note },
      severity,
      span: signature.span,
      related: [{ span: title.span, message: fillTemplate(pick(rule.meta.messages.titleOrgan, context.locale), data) }],
    });
  },
};

/** A people's government's report signed by an organ of the same place (办公室, 政务公开主管部门). */
function signedForGovernment(titleOrgan: string, signatureOrgan: string): boolean {
  if (organKind(titleOrgan) !== 'government') return false;
  const place = normalizeOrgan(titleOrgan).replace(/人民政府$/, '');
  return place.length >= 2 && normalizeOrgan(signatureOrgan).startsWith(place);
}

export default rule;
