import type { Locale } from '../../engine/types.js';
import type { FactConfidence } from '../../model/report.js';
import { defineCatalog, t } from '../../i18n/format.js';

/**
 * What a rule says when the fact it judges was inferred (docs/confidence.md): the finding is at
 * most a warning, and its message ends with why the reading is unsure and a request to check.
 */
const UNSURE = defineCatalog('rule-shared:confidence', {
  heading: {
    'zh-CN': '（该部分标题由跨行的文字拼合识别，请核对）',
    en: ' (this heading was pieced together from wrapped lines; please check)',
  },
  period: {
    'zh-CN': '（统计期限由未标明“统计期限”的日期推断，请核对）',
    en: ' (the period was inferred from dates not introduced as the statistics period; please check)',
  },
  signature: {
    'zh-CN': '（该日期之后仍有正文，未必是落款日期，请核对）',
    en: ' (report text follows this date, so it may not be the signing date; please check)',
  },
});

export type UnsureFact = keyof typeof UNSURE;

/** `note` for the message's {{note}} placeholder, and `severity: 'warn'` when the fact was inferred. */
export function unsure(confidence: FactConfidence | undefined, fact: UnsureFact, locale: Locale): { note: string; severity?: 'warn' } {
  if (confidence !== 'inferred') return { note: '' };
  return { note: t(UNSURE, fact, locale), severity: 'warn' };
}
