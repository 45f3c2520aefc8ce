import type { AgencyKind, LocalizedText, Rule } from '../engine/types.js';
import { organKind } from '../model/organ.js';
import { compareDates as compare, localDeadline, statutoryDeadline, type DayDate } from '../templates/deadlines.js';
import { eraForYear } from '../templates/eras.js';
import { docsUrl } from './shared/docs.js';
import { unsure } from './shared/confidence.js';
import { defineCatalog, t } from '../i18n/format.js';
import { formatDate } from '../i18n/locales.js';

const TEXT = defineCatalog('rule:publication-date', {
  configuredOrgan: { 'zh-CN': '本机关（配置 agencyKind）', en: 'the organ (per the agencyKind setting)' },
  legacyDeadline: {
    'zh-CN': '{{year}} 年度报告适用2008年《条例》，各级行政机关均应在3月31日前公布',
    en: 'reports for {{year}} fall under the 2008 Regulations, which set 31 March for every organ',
  },
  lateEitherWay: {
    'zh-CN': '无论本机关是政府部门（1月31日）还是人民政府（3月31日），均已超期',
    en: "whether the organ is a department (31 Jan) or a people's government (31 Mar), the report is late",
  },
});

/**
 * The 落款 (signing) date must not precede the end of the statistics period, and must not be
 * later than the statutory publication deadline: 1月31日 for departments and 3月31日 for people's
 * governments of the next year (条例 2019 art. 49, reports for 2019 on); 3月31日 for every organ for
 * the reports of 2008–2018 (条例 2008 art. 31). A report signed late cannot have been published on
 * time; a report signed on time may still have been published late, which the text cannot show.
 * The dates and the provision setting them are the era's data (src/templates/eras/), not this rule's.
 */

type Kind = AgencyKind | 'township';

const BASIS: LocalizedText = { 'zh-CN': '《政府信息公开条例》第四十九条', en: 'Regulations on Open Government Information, art. 49' };

const rule: Rule = {
  meta: {
    id: 'publication-date',
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      summary:
        "the 落款 date is not before 12月31日 of the report year, nor after the deadline (departments 1月31日, people's governments 3月31日; 3月31日 for every organ up to the 2018 reports); organ kind from `agencyKind` or the name; a missing date is a warning",
      configComment: [
        '落款日期不早于统计期结束、不晚于法定期限（部门1月31日，人民政府3月31日；机关类别见上方 agencyKind）。',
        'reportMissingDate: 没有落款日期时报告（默认报告，作为警告）。',
      ],
      description: {
        'zh-CN': '落款日期不得早于统计期结束，不得晚于法定公布期限（部门1月31日、人民政府3月31日；2018年度及以前3月31日）',
        en: 'The signing date must not precede the end of the period, nor pass the statutory deadline (departments 31 Jan, governments 31 Mar; 31 Mar for reports up to 2018)',
      },
      url: docsUrl('publication-date'),
      legalBasis: BASIS,
    },
    schema: {
      type: 'object',
      properties: { reportMissingDate: { type: 'boolean' } },
      additionalProperties: false,
    },
    defaultOptions: { reportMissingDate: true },
    messages: {
      beforePeriodEnd: {
        'zh-CN': '落款日期 {{date}} 早于统计期结束日 {{year}}年12月31日：{{year}} 年度的报告应在年度结束后成文{{note}}',
        en: 'The signing date {{date}} precedes the end of the statistics period, 31 Dec {{year}}: the {{year}} report can only be signed after the year has ended{{note}}',
      },
      lateDepartment: {
        'zh-CN': '落款日期 {{date}} 晚于法定期限 {{deadline}}：{{who}}为政府部门，应在每年1月31日前公布上一年度报告{{note}}',
        en: 'The signing date {{date}} is after the statutory deadline {{deadline}}: {{who}} is a government department, which publishes its report by 31 January{{note}}',
      },
      lateGovernment: {
        'zh-CN': '落款日期 {{date}} 晚于法定期限 {{deadline}}：{{who}}为人民政府，本级政府年度报告应在每年3月31日前公布{{note}}',
        en: "The signing date {{date}} is after the statutory deadline {{deadline}}: {{who}} is a people's government, whose report is published by 31 March{{note}}",
      },
      lateAny: {
        'zh-CN': '落款日期 {{date}} 晚于法定期限 {{deadline}}：{{reason}}{{note}}',
        en: 'The signing date {{date}} is after the statutory deadline {{deadline}}: {{reason}}{{note}}',
      },
      lateLocal: {
        'zh-CN': '落款日期 {{date}} 晚于本地规定的期限 {{deadline}}（配置 deadlines.{{kind}}）{{note}}',
        en: 'The signing date {{date}} is after the local deadline {{deadline}} (deadlines.{{kind}} setting){{note}}',
      },
      missingDate: {
        'zh-CN': '报告末尾没有落款日期（成文日期），无法核对是否在统计期结束后、法定期限内成文',
        en: 'The report ends without a signing date, so whether it was written after the period and before the deadline cannot be checked',
      },
    },
  },
  check(report, context) {
    const year = report.year?.value;
    if (year === undefined) return;
    const sig = report.signature;
    if (!sig) {
      if (context.options.reportMissingDate === true) {
        // Where the 落款 should be: the end of the report. A lesser defect than a late date, and
        // PDF text or a web page may have lost the date block: a warning, even in an error rule.
        context.report({
          messageId: 'missingDate',
          span: { start: report.span.end, end: report.span.end },
          legalBasis: eraForYear(year).deadlineBasis,
          severity: 'warn',
        });
      }
      return;
    }
    const locale = context.locale;
    // The deadlines and the provision setting them are the report year's era's (src/templates/eras/).
    const { deadlines, deadlineBasis: legalBasis } = eraForYear(year);
    const date = formatDate(sig, locale);
    // A date line with the report's prose still going on after it may not be the 落款: a warning that asks to check.
    const { note, severity } = unsure(sig.confidence, 'signature', locale);
    if (compare(sig, { year, month: 12, day: 31 }) < 0) {
      context.report({ messageId: 'beforePeriodEnd', data: { date, year, note }, span: sig.span, legalBasis, severity });
      return;
    }

    // A year read only from the statistics period may be stale text; then a 落款 outside the year
    // after it says one of the two is wrong, not which.
    if ((report.year?.source === 'period' || report.year?.source === 'prose') && sig.year !== year + 1) return;

    const configured = context.config.agencyKind;
    const kind: Kind | undefined = configured ?? (report.issuer ? organKind(report.issuer.name) : undefined);
    const who = configured ? t(TEXT, 'configuredOrgan', locale) : report.issuer ? `「${report.issuer.name}」` : '';

    // One date for every organ (the 2008 Regulations).
    const everyOrgan = deadlines.anyOrgan ? statutoryDeadline(year, undefined) : undefined;
    if (everyOrgan) {
      if (compare(sig, everyOrgan) > 0) {
        const reason = t(TEXT, 'legacyDeadline', locale, { year });
        context.report({ messageId: 'lateAny', data: { date, deadline: formatDate(everyOrgan, locale), reason, note }, span: sig.span, legalBasis, severity });
      }
      return;
    }
    // A local deadline (config `deadlines`) binds where it is earlier than the statutory one, or
    // where the statute sets none (townships); a report late by both is reported once, statutorily.
    const local = localDeadline(year, kind, context.config.deadlines);
    const statutory = kind ? statutoryDeadline(year, kind) : undefined;
    if (local && compare(sig, local) > 0 && !(statutory && compare(sig, statutory) > 0)) {
      const basis = { 'zh-CN': '本地政务公开工作规定（配置 deadlines）', en: 'local rules (the deadlines setting)' };
      context.report({
        messageId: 'lateLocal',
        data: { date, deadline: formatDate(local, locale), kind: kind!, note },
        span: sig.span,
        legalBasis: basis,
        severity,
      });
      return;
    }
    const latest = latestDeadline(year);
    if (kind === 'department' && statutory && compare(sig, statutory) > 0) {
      context.report({ messageId: 'lateDepartment', data: { date, deadline: formatDate(statutory, locale), who, note }, span: sig.span, severity });
    } else if (kind === 'government' && statutory && compare(sig, statutory) > 0) {
      context.report({ messageId: 'lateGovernment', data: { date, deadline: formatDate(statutory, locale), who, note }, span: sig.span, severity });
    } else if (kind === undefined && latest && compare(sig, latest) > 0) {
      // Organ unknown: a date after the later of the two deadlines (3月31日) is late either way.
      const reason = t(TEXT, 'lateEitherWay', locale);
      context.report({ messageId: 'lateAny', data: { date, deadline: formatDate(latest, locale), reason, note }, span: sig.span, severity });
    }
    // 'township': 第四十九条 covers organs at and above the county level; townships follow local rules.
  },
};

/** The later of the department and the government deadline. */
function latestDeadline(year: number): DayDate | undefined {
  const dates = (['department', 'government'] as const).map((k) => statutoryDeadline(year, k)).filter((d): d is DayDate => d !== undefined);
  return dates.sort(compare).pop();
}

export default rule;
