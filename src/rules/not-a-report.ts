import type { Rule } from '../engine/types.js';
import { docsUrl } from './shared/docs.js';

/**
 * A file that is no annual report at all — a meeting memo, a README, a 信息公开指南 — linted as one
 * would get a page of "missing section" errors. The recognizer decides (no report title, no 统计期限,
 * none of the six parts, no official table with a recognizable row: Report.notAReport). So are a page
 * explaining a report (文字解读, 一图读懂) and a school's report under 《高等学校信息公开办法》 (kept
 * by 学年, another regime than the 条例's unified format): each says which;
 * then no other rule runs and this one says so once, as a warning. Files found by expanding a
 * directory or glob are left silent unless `reportExpanded` is set: a folder of reports often holds
 * other documents.
 */
const rule: Rule = {
  meta: {
    id: 'not-a-report',
    type: 'suggestion',
    defaultSeverity: 'warn',
    runsOn: 'non-reports',
    docs: {
      summary:
        "the file is a government annual report at all: a memo, a README, a 信息公开指南, a page explaining a report (文字解读, 一图读懂) or a school's report under 《高等学校信息公开办法》 gets this one warning and no other rule runs (files found by directory/glob expansion stay silent unless `reportExpanded`)",
      configComment: [
        '被检查的文件不是年度报告（会议通知、README、信息公开指南）：一条警告，其他规则不运行。',
        'reportExpanded: 通过目录或通配符找到的文件也报告（默认不报告：报告目录里常有其他文档）。',
        'Not an annual report at all: one warning instead of a page of errors. reportExpanded: also for',
        'files found by directory/glob expansion (default: only files named on the command line).',
      ],
      description: { 'zh-CN': '被检查的文件应是政府信息公开工作年度报告', en: 'The file linted is an annual report on government information disclosure' },
      url: docsUrl('not-a-report'),
    },
    schema: {
      type: 'object',
      properties: { reportExpanded: { type: 'boolean' } },
      additionalProperties: false,
    },
    defaultOptions: { reportExpanded: false },
    messages: {
      notAReport: {
        'zh-CN': '本文件不像政府信息公开工作年度报告（没有报告标题、统计期限、法定部分或统一格式的表格），未按年度报告检查',
        en: 'This file does not look like an annual report on government information disclosure (no report title, statistics period, mandated parts or official tables); it was not checked as one',
      },
      interpretation: {
        'zh-CN': '本文件是对年度报告的解读（文字解读、图解等），不是年度报告本身，未按年度报告检查；请检查报告原文',
        en: 'This file explains an annual report (a written or illustrated interpretation) and is not the report itself; it was not checked as one — check the report',
      },
      school: {
        'zh-CN': '本文件是学校依《高等学校信息公开办法》按学年编制的信息公开年度报告，不适用政府信息公开工作年度报告的统一格式，未按政府年度报告检查',
        en: "This file is a school's information-disclosure report under the Measures on Information Disclosure of Institutions of Higher Education, kept by school year; the government annual-report format does not apply and it was not checked against it",
      },
    },
  },
  check(report, context) {
    if (!report.notAReport) return;
    if (context.expanded && context.options.reportExpanded !== true) return;
    const start = report.span.start;
    const firstLineEnd = context.text.indexOf('\n', start);
    const messageId = report.notAReport === 'other' ? 'notAReport' : report.notAReport;
    context.report({ messageId, span: { start, end: firstLineEnd === -1 ? Math.min(context.text.length, start + 40) : firstLineEnd } });
  },
};

export default rule;
