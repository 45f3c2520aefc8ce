// An example gia-lint plugin: rules an office might add for its own province. Plain JavaScript
// (no build step); the types come from gia-lint itself ("gia-lint/rules"), checked by editors
// through the JSDoc annotations below.

/** @typedef {import('gia-lint/rules').PluginModule} PluginModule */
/** @typedef {import('gia-lint/rules').Rule} Rule */

const DOCS = 'https://github.com/gia-lint/gia-lint/blob/main/examples/plugin-local-rules/docs/';

/**
 * The report's 落款 (signing) date must not be later than the province's own deadline, which may
 * be earlier than the statutory one (1月31日 / 3月31日, 条例 art. 49) so that the province can
 * collect and review reports before they are due. Silent when the report has no year or no
 * signing date: the built-in publication-date rule already asks for the date.
 * @type {Rule}
 */
const provinceDeadline = {
  meta: {
    id: 'province-deadline',
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      description: {
        'zh-CN': '落款日期不得晚于本省规定的报送期限（早于法定期限）',
        en: "The signing date must not be later than the province's own deadline (earlier than the statutory one)",
      },
      url: `${DOCS}province-deadline.md`,
    },
    schema: {
      type: 'object',
      properties: {
        month: { type: 'integer', minimum: 1, maximum: 3 },
        day: { type: 'integer', minimum: 1, maximum: 31 },
        /** Who set the deadline, named in the message (e.g. "省政府办公厅"). */
        authority: { type: 'string', minLength: 1 },
      },
      additionalProperties: false,
    },
    defaultOptions: { month: 1, day: 15, authority: '省级政务公开主管部门' },
    messages: {
      late: {
        'zh-CN': '落款日期 {{date}} 晚于{{authority}}规定的报送期限 {{deadline}}',
        en: 'The signing date {{date}} is after the deadline {{deadline}} set by {{authority}}',
      },
    },
  },
  check(report, context) {
    const signed = report.signature;
    const year = report.year?.value;
    if (!signed || year === undefined) return;
    const { month, day, authority } = /** @type {{month: number, day: number, authority: string}} */ (context.options);
    const deadline = [year + 1, month, day];
    const date = [signed.year, signed.month, signed.day];
    const later = date[0] !== deadline[0] ? date[0] > deadline[0] : date[1] !== deadline[1] ? date[1] > deadline[1] : date[2] > deadline[2];
    if (!later) return;
    context.report({
      messageId: 'late',
      data: { date: `${signed.year}年${signed.month}月${signed.day}日`, deadline: `${year + 1}年${month}月${day}日`, authority },
      span: signed.span,
    });
  },
};

/**
 * Section 一 (总体情况) longer than the province allows: some provinces cap it so that reports stay
 * comparable and the tables carry the figures. Counted in characters, blanks left out.
 * @type {Rule}
 */
const overviewLength = {
  meta: {
    id: 'overview-length',
    type: 'suggestion',
    defaultSeverity: 'warn',
    docs: {
      description: { 'zh-CN': '“一、总体情况”不超过规定字数', en: 'Section 1 (overview) stays within the length cap' },
      url: `${DOCS}overview-length.md`,
    },
    schema: {
      type: 'object',
      properties: { maxChars: { type: 'integer', minimum: 100 } },
      additionalProperties: false,
    },
    defaultOptions: { maxChars: 3000 },
    messages: {
      tooLong: {
        'zh-CN': '“总体情况”部分共 {{count}} 字，超过规定的 {{max}} 字',
        en: 'The overview section has {{count}} characters, more than the {{max}} allowed',
      },
    },
  },
  check(report, context) {
    const heading = report.sections.overview;
    if (!heading) return;
    const body = context.text.slice(heading.bodySpan.start, heading.bodySpan.end);
    // Characters as a reader counts them: code points, blanks and markup pipes left out.
    const count = [...body.replace(/[\s|#*>`-]/g, '')].length;
    const max = /** @type {number} */ (context.options.maxChars);
    if (count <= max) return;
    context.report({ messageId: 'tooLong', data: { count, max }, span: heading.span });
  },
};

/** @type {PluginModule} */
const plugin = {
  meta: { name: 'gia-lint-plugin-local-rules', version: '1.0.0' },
  rules: { 'province-deadline': provinceDeadline, 'overview-length': overviewLength },
  configs: {
    recommended: {
      plugins: ['local-rules'],
      rules: { 'local-rules/province-deadline': 'error', 'local-rules/overview-length': 'warn' },
    },
  },
};

export default plugin;
