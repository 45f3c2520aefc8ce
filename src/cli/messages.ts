import type { Locale, LocalizedText } from '../engine/types.js';
import { defineCatalog, fillTemplate, pick, t } from '../i18n/format.js';
import { joinList } from '../i18n/locales.js';
import { padEnd } from '../reporters/width.js';
import { ALL_EXTENSIONS, FORMATS } from '../formats/index.js';

/** CLI texts in both locales. Chinese is the default everywhere. */

export const CLI_TEXT = defineCatalog('cli', {
  progress: { 'zh-CN': '正在检查 {{done}}/{{total}} 个文件（{{pct}}%）', en: 'Linting {{done}}/{{total}} files ({{pct}}%)' },
  file_one: { 'zh-CN': '{{count}} 个文件', en: '{{count}} file' },
  file_other: { 'zh-CN': '{{count}} 个文件', en: '{{count}} files' },
  /** The closing line of a batch run. */
  batchSummary: {
    'zh-CN': '共检查 {{files}}{{extra}}，用时 {{seconds}} 秒：{{errors}}，{{warnings}}',
    en: 'Checked {{files}}{{extra}} in {{seconds}} s: {{errors}}, {{warnings}}',
  },
  batchExtra: { 'zh-CN': '（{{items}}）', en: ' ({{items}})' },
  batchExtraSeparator: { 'zh-CN': '，', en: ', ' },
  fromCache: { 'zh-CN': '{{count}} 个来自缓存', en: '{{count}} from cache' },
  ignoredFiles: { 'zh-CN': '{{count}} 个被 .gianignore 忽略', en: '{{count}} ignored by .gianignore' },
  printTextNeedsFiles: { 'zh-CN': '--print-text 需要指定文件', en: '--print-text needs files' },
  pageMarker: { 'zh-CN': '—— 第 {{page}} 页 ——', en: '-- page {{page}} --' },
  /** The detail of badRule when the value names no rule. */
  noIdSeverity: { 'zh-CN': '缺少 "id: severity"', en: 'no "id: severity"' },
  unknownOption: { 'zh-CN': '未知选项 {{opt}}', en: 'Unknown option {{opt}}' },
  missingValue: { 'zh-CN': '选项 {{opt}} 缺少取值', en: 'Option {{opt}} needs a value' },
  noValueAllowed: { 'zh-CN': '选项 {{opt}} 不接受取值', en: 'Option {{opt}} does not take a value' },
  badOption: { 'zh-CN': '无法解析命令行参数（{{detail}}）', en: 'Cannot parse the arguments ({{detail}})' },
  badLocale: { 'zh-CN': '--locale 的取值 "{{v}}" 无效，应为 zh-CN 或 en', en: 'Invalid --locale "{{v}}"; expected zh-CN or en' },
  badMaxWarnings: {
    'zh-CN': '--max-warnings 的取值 "{{v}}" 无效，应为非负整数（-1 表示不限）',
    en: 'Invalid --max-warnings "{{v}}"; expected a non-negative integer (-1: no limit)',
  },
  badEncoding: {
    'zh-CN': '--encoding 的取值 "{{v}}" 不是已知的编码（例如 utf-8、gbk、gb18030、utf-16le）',
    en: 'Unknown --encoding "{{v}}" (e.g. utf-8, gbk, gb18030, utf-16le)',
  },
  badExt: { 'zh-CN': '--ext 的取值 "{{v}}" 无效，应为扩展名，如 .md 或 html', en: 'Invalid --ext "{{v}}"; expected an extension such as .md or html' },
  badYear: { 'zh-CN': '--year 的取值 "{{v}}" 无效，应为 2008 到 2100 之间的整数', en: 'Invalid --year "{{v}}"; expected an integer from 2008 to 2100' },
  configAndNoConfig: { 'zh-CN': '--config 和 --no-config 不能同时使用', en: '--config and --no-config cannot be used together' },
  stdinWithFiles: { 'zh-CN': '使用 --stdin 时不能再指定文件', en: 'Files cannot be given together with --stdin' },
  stdinFilenameAlone: { 'zh-CN': '--stdin-filename 只能与 --stdin 一起使用', en: '--stdin-filename can only be used with --stdin' },
  fixAndDryRun: { 'zh-CN': '--fix 和 --fix-dry-run 不能同时使用', en: 'The --fix option and the --fix-dry-run option cannot be used together' },
  fixWithStdin: {
    'zh-CN': '--fix 不能用于标准输入的内容，请改用 --fix-dry-run',
    en: 'The --fix option is not available for piped-in text; use --fix-dry-run instead',
  },
  unusedBoth: {
    'zh-CN': '--report-unused-disable-directives 和 --report-unused-disable-directives-severity 不能同时使用',
    en: '--report-unused-disable-directives and --report-unused-disable-directives-severity cannot be used together',
  },
  badUnusedSeverity: {
    'zh-CN': '--report-unused-disable-directives-severity 的取值 "{{v}}" 无效，应为 off、warn 或 error',
    en: 'Invalid --report-unused-disable-directives-severity "{{v}}"; expected off, warn or error',
  },
  previousDirMissing: {
    'zh-CN': '--previous-dir 指定的上一年度报告文件夹 {{dir}} 不存在或不是目录',
    en: "The folder of last year's reports given with --previous-dir, {{dir}}, does not exist or is not a directory",
  },
  previousMissing: {
    'zh-CN': '--previous 指定的上一年度报告 {{file}} 不存在或不是文件',
    en: 'The previous report given with --previous, {{file}}, does not exist or is not a file',
  },
  badConcurrency: {
    'zh-CN': '--concurrency 的取值 "{{v}}" 无效，应为 auto 或正整数',
    en: 'Invalid --concurrency "{{v}}"; expected auto or a positive integer',
  },
  badAgencyKind: {
    'zh-CN': '--agency-kind 的取值 "{{v}}" 无效，应为 department 或 government',
    en: 'Invalid --agency-kind "{{v}}"; expected department or government',
  },
  initWithFiles: { 'zh-CN': '--init 不接受要检查的文件', en: '--init takes no files to lint' },
  initOnly: { 'zh-CN': '--agency-kind、--preset 和 --force 只能与 --init 一起使用', en: '--agency-kind, --preset and --force can only be used with --init' },
  badPort: { 'zh-CN': '--port 的取值 "{{v}}" 无效，应为 0 到 65535 之间的整数', en: 'Invalid --port "{{v}}"; expected an integer from 0 to 65535' },
  badHost: { 'zh-CN': '--host 的取值 "{{v}}" 无效，应为主机名或 IP 地址', en: 'Invalid --host "{{v}}"; expected a host name or an IP address' },
  serveAlone: {
    'zh-CN': 'serve 不接受要检查的文件，也不能与 --stdin、--fix、--init、--print-config 一起使用',
    en: 'serve takes no files, and cannot be combined with --stdin, --fix, --init or --print-config',
  },
  serveOnly: { 'zh-CN': '--port 和 --host 只能与 serve 一起使用', en: '--port and --host can only be used with serve' },
  badRule: {
    'zh-CN': "--rule 的取值 \"{{v}}\" 无效（{{detail}}），应为 'id: severity' 或 'id: [severity, {选项}]'",
    en: "Invalid --rule \"{{v}}\" ({{detail}}); expected 'id: severity' or 'id: [severity, {options}]'",
  },
  colorBoth: { 'zh-CN': '--color 和 --no-color 不能同时使用', en: '--color and --no-color cannot be used together' },
  badDocsUrl: {
    'zh-CN': '--docs-url 的取值 "{{v}}" 无效，应为 http:// 或 https:// 开头的网址',
    en: 'Invalid --docs-url "{{v}}"; expected an http:// or https:// URL',
  },
  printConfigWithFiles: {
    'zh-CN': '--print-config 只接受它自己的一个文件参数',
    en: '--print-config takes exactly one file of its own; do not give other files',
  },
  tooManyWarnings: {
    'zh-CN': '警告过多：{{count}} 个，上限为 {{max}} 个（--max-warnings）',
    en: 'Too many warnings: {{count}} (maximum: {{max}}, --max-warnings)',
  },
  nothingLinted: {
    'zh-CN': '没有任何文件可以检查（所有文件都为空、无法读取或不是文本）',
    en: 'Nothing could be linted (every file is empty, unreadable or not text)',
  },
  cannotWrite: { 'zh-CN': '无法写入输出文件 {{file}}（{{reason}}）', en: 'Cannot write the output file {{file}} ({{reason}})' },
  internal: {
    'zh-CN': '内部错误：{{message}}（设置环境变量 GIA_LINT_DEBUG=1 可查看堆栈）',
    en: 'Internal error: {{message}} (set GIA_LINT_DEBUG=1 to see the stack trace)',
  },
  badFormat: { 'zh-CN': '--format 的取值 "{{value}}" 无效，应为 {{formats}} 之一', en: 'Invalid --format "{{value}}"; expected one of {{formats}}' },
  twoFormatsToStdout: {
    'zh-CN': '{{names}} 不能同时写到标准输出，请用 --format 名称:路径 分别指定文件',
    en: '{{names}} cannot both go to stdout; give each its own file with --format name:path',
  },
  twoFormatsToFile: {
    'zh-CN': '{{names}} 不能同时写到 --output-file，请用 --format 名称:路径 分别指定文件',
    en: '{{names}} cannot both go to --output-file; give each its own file with --format name:path',
  },
  /** Between the two formats of twoFormats…: zh lists, en says "and". */
  formatPairSeparator: { 'zh-CN': '、', en: ' and ' },
  helpHint: { 'zh-CN': '{{message}}。运行 gia-lint --help 查看用法。', en: '{{message}}. Run "gia-lint --help" for usage.' },
  helpUsage: { 'zh-CN': '用法：gia-lint [选项] <文件|目录|通配符>...', en: 'Usage: gia-lint [options] <file|dir|glob>...' },
  helpIntro: {
    'zh-CN': '检查政府信息公开工作年度报告（{{formats}}）。',
    en: 'Lints Chinese government annual reports on information disclosure (政府信息公开工作年度报告).',
  },
  helpDirectories: {
    'zh-CN': '目录会被递归查找 {{extensions}} 文件（跳过 node_modules 和以点开头的目录）。',
    en: 'Directories are searched for {{extensions}} files (skipping node_modules and dot-directories).',
  },
  helpOptions: { 'zh-CN': '选项：', en: 'Options:' },
  helpExitCodes: {
    'zh-CN': '退出码：0 没有错误；1 发现错误或警告过多；2 用法错误、配置错误或没有任何文件可以检查。',
    en: 'Exit codes: 0 no errors; 1 errors found or too many warnings; 2 usage error, config error or nothing could be linted.',
  },
  helpConfig: {
    'zh-CN': '配置：.gianrc（JSON 或 YAML）、.gianrc.json、.gianrc.yaml 或 package.json 的 "gia-lint" 键，从被检查文件所在目录向上查找，使用最近的一个。',
    en: 'Config: .gianrc (JSON or YAML), .gianrc.json, .gianrc.yaml or a "gia-lint" key in package.json, nearest one upward from each file.',
  },
  helpFormats: {
    'zh-CN': '输出格式：内置名称、模块文件（./my-format.mjs）或 npm 包（gia-lint-formatter-xx）。',
    en: 'Formats: the built-in names, a file (./my-format.mjs) or a package (gia-lint-formatter-xx).',
  },
});

const OPTIONS: [flags: string, text: LocalizedText][] = [
  [
    '-f, --format <name[:path]>',
    {
      'zh-CN': '输出格式：{{formats}}（默认 stylish）；可多次使用，name:path 写入文件',
      en: 'Output format: {{formats}} (default: stylish); repeatable, name:path writes to a file',
    },
  ],
  [
    '-o, --output-file <path>',
    { 'zh-CN': '把结果写入文件而不是标准输出（自动创建目录）', en: 'Write the report to a file instead of stdout (creates directories)' },
  ],
  ['    --stdin', { 'zh-CN': '从标准输入读取报告', en: 'Lint text read from stdin' }],
  ['    --stdin-filename <name>', { 'zh-CN': '标准输入内容对应的文件名（决定格式和配置）', en: 'File name for stdin text (picks the format and the config)' }],
  [
    '    --encoding <name>',
    { 'zh-CN': '指定输入文件的编码（如 gbk、utf-16le），不再自动识别', en: 'Force the input encoding (e.g. gbk, utf-16le) instead of detecting it' },
  ],
  [
    '    --ext <.ext,...>',
    { 'zh-CN': '目录和通配符中要检查的扩展名（默认 {{extensions}}）', en: 'Extensions linted in directories and globs (default {{extensions}})' },
  ],
  [
    '    --max-warnings <n>',
    { 'zh-CN': '警告数超过 n 时以退出码 1 结束（-1 表示不限，默认）', en: 'Exit with code 1 when there are more than n warnings (-1: no limit, the default)' },
  ],
  ['    --quiet', { 'zh-CN': '只报告错误，忽略警告', en: 'Report errors only, ignore warnings' }],
  ['    --year <yyyy>', { 'zh-CN': '指定报告年度（2008–2100），不再自动识别', en: 'Set the report year (2008–2100) instead of detecting it' }],
  ['    --locale <zh-CN|en>', { 'zh-CN': '消息语言（默认 zh-CN；优先于配置文件）', en: 'Message language (default zh-CN; wins over the config file)' }],
  [
    '    --concurrency <auto|n>',
    { 'zh-CN': '并行检查的线程数（默认 auto：按文件数和 CPU 决定）', en: 'Worker threads for linting (default auto: by file count and CPUs)' },
  ],
  ['    --cache', { 'zh-CN': '只重新检查内容、配置或版本变化了的文件', en: 'Only re-lint files whose content, config or version changed' }],
  ['    --cache-location <path>', { 'zh-CN': '缓存文件或目录（默认 .gianlintcache）', en: 'Cache file or directory (default .gianlintcache)' }],
  ['    --no-ignore', { 'zh-CN': '不使用 .gianignore', en: 'Do not use .gianignore' }],
  [
    '    --init',
    {
      'zh-CN': '生成带注释的 .gianrc（可配合 --agency-kind、--preset、--locale、--force）',
      en: 'Write a commented .gianrc (with --agency-kind, --preset, --locale, --force)',
    },
  ],
  ['-c, --config <path>', { 'zh-CN': '使用指定的配置文件，不再查找 .gianrc', en: 'Use this config file instead of searching for .gianrc' }],
  ['    --no-config', { 'zh-CN': '不使用任何配置文件（使用推荐规则集）', en: 'Use no config file (the recommended rule set)' }],
  ['    --fix', { 'zh-CN': '自动修复可修复的问题并写回文件', en: 'Fix the problems that can be fixed automatically and write the files' }],
  [
    '    --fix-dry-run',
    { 'zh-CN': '计算修复结果但不写文件（json 格式输出 output）', en: 'Compute fixes without writing files (the json format shows the output)' },
  ],
  [
    '    --report-unused-disable-directives',
    { 'zh-CN': '把没有屏蔽任何问题的 gia-lint-disable 指令报告为错误', en: 'Report gia-lint-disable directives that suppress nothing, as errors' },
  ],
  [
    '    --report-unused-disable-directives-severity <level>',
    { 'zh-CN': '同上，指定级别：off、warn、error', en: 'The same, at this severity: off, warn or error' },
  ],
  [
    '    --previous <file>',
    { 'zh-CN': '上一年度的报告，用于核对结转数据（对本次所有文件生效）', en: "Last year's report, for checks that compare the two (applies to every file)" },
  ],
  [
    "    --rule <'id: severity'>",
    {
      'zh-CN': "临时设置一条规则，如 'table-sum: warn' 或 'table-sum: [error, {tolerance: 1}]'；可多次使用",
      en: "Set one rule, e.g. 'table-sum: warn' or 'table-sum: [error, {tolerance: 1}]'; repeatable",
    },
  ],
  [
    '    --plugin <name|path>',
    {
      'zh-CN': '加载插件（gia-lint-plugin-foo 或 foo，或模块路径）；可多次使用',
      en: 'Load a plugin (gia-lint-plugin-foo or foo, or a module path); repeatable',
    },
  ],
  [
    '    --resolve-plugins-relative-to <dir>',
    { 'zh-CN': '从该目录查找插件包（默认：配置文件所在目录）', en: "Resolve plugin packages from this directory (default: the config file's)" },
  ],
  ['    --no-inline-config', { 'zh-CN': '忽略文件中的 gia-lint-disable 等注释指令', en: 'Ignore gia-lint-disable and other comments in the files' }],
  ['    --color, --no-color', { 'zh-CN': '强制使用或不使用颜色（默认：终端才使用）', en: 'Force colours on or off (default: only on a terminal)' }],
  [
    '    --docs-url <url>',
    { 'zh-CN': '规则文档的网址前缀（SARIF、编辑器中的链接），如内网镜像', en: 'Base URL of the rule docs (SARIF, editor links), e.g. an intranet mirror' },
  ],
  [
    '    --previous-dir <dir>',
    {
      'zh-CN': '上一年度报告所在的文件夹：每份报告按机关名称和年度与本单位上年报告配对核对（地区汇总检查）',
      en: "Folder of last year's reports: each report is compared with its own organ's (region check)",
    },
  ],
  ['    --print-config <file>', { 'zh-CN': '打印对该文件生效的配置（JSON）后退出', en: 'Print the configuration used for the file (JSON) and exit' }],
  [
    'serve [--port <n>] [--host <addr>]',
    {
      'zh-CN': '在本机打开检查网页（拖入 Word、网页或文本文件检查；默认 http://127.0.0.1:8080/）',
      en: 'Serve the checking page locally (drop Word, web or text files; default http://127.0.0.1:8080/)',
    },
  ],
  [
    '    --print-text',
    {
      'zh-CN': '打印从每个文件读出的文字（.docx、.pdf 为其文字视图）及消息所用的行号后退出',
      en: 'Print the text read from each file (the text view of a .docx or .pdf) with the line numbers messages use, and exit',
    },
  ],
  [
    '    --lsp [--stdio]',
    { 'zh-CN': '作为语言服务器（LSP）在标准输入输出上运行，供编辑器使用', en: 'Run as a Language Server Protocol server on stdio, for editors' },
  ],
  ['-h, --help', { 'zh-CN': '显示本帮助', en: 'Show this help' }],
  ['-v, --version', { 'zh-CN': '显示版本号', en: 'Show the version number' }],
];

export function helpText(locale: Locale, formats: string[]): string {
  const width = Math.max(...OPTIONS.map(([f]) => f.length)) + 2;
  const lines = OPTIONS.map(
    ([flags, text]) =>
      `  ${padEnd(flags, width)}${fillTemplate(pick(text, locale), { formats: joinList(formats, locale), extensions: ALL_EXTENSIONS.join(',') })}`,
  );
  const names = joinList(
    FORMATS.filter((f) => !f.refused).map((f) => pick(f.name, locale)),
    locale,
  );
  return [
    t(CLI_TEXT, 'helpUsage', locale),
    '',
    t(CLI_TEXT, 'helpIntro', locale, { formats: names }),
    t(CLI_TEXT, 'helpDirectories', locale, { extensions: joinList(ALL_EXTENSIONS, locale) }),
    '',
    t(CLI_TEXT, 'helpOptions', locale),
    ...lines,
    '',
    t(CLI_TEXT, 'helpExitCodes', locale),
    t(CLI_TEXT, 'helpConfig', locale),
    t(CLI_TEXT, 'helpFormats', locale),
    '',
  ].join('\n');
}

/** A usage error plus the hint, on one line. */
export function withHelpHint(message: string, locale: Locale): string {
  return t(CLI_TEXT, 'helpHint', locale, { message });
}

export const usage = {
  unknownOption: (opt: string, l: Locale) => t(CLI_TEXT, 'unknownOption', l, { opt }),
  missingValue: (opt: string, l: Locale) => t(CLI_TEXT, 'missingValue', l, { opt }),
  noValueAllowed: (opt: string, l: Locale) => t(CLI_TEXT, 'noValueAllowed', l, { opt }),
  badOption: (detail: string, l: Locale) => t(CLI_TEXT, 'badOption', l, { detail }),
  badLocale: (v: string, l: Locale) => t(CLI_TEXT, 'badLocale', l, { v }),
  badFormat: (v: string, formats: string[], l: Locale) => t(CLI_TEXT, 'badFormat', l, { value: v, formats: joinList(formats, l) }),
  badMaxWarnings: (v: string, l: Locale) => t(CLI_TEXT, 'badMaxWarnings', l, { v }),
  badEncoding: (v: string, l: Locale) => t(CLI_TEXT, 'badEncoding', l, { v }),
  badExt: (v: string, l: Locale) => t(CLI_TEXT, 'badExt', l, { v }),
  badYear: (v: string, l: Locale) => t(CLI_TEXT, 'badYear', l, { v }),
  configAndNoConfig: (l: Locale) => t(CLI_TEXT, 'configAndNoConfig', l),
  stdinWithFiles: (l: Locale) => t(CLI_TEXT, 'stdinWithFiles', l),
  stdinFilenameAlone: (l: Locale) => t(CLI_TEXT, 'stdinFilenameAlone', l),
  fixAndDryRun: (l: Locale) => t(CLI_TEXT, 'fixAndDryRun', l),
  fixWithStdin: (l: Locale) => t(CLI_TEXT, 'fixWithStdin', l),
  unusedBoth: (l: Locale) => t(CLI_TEXT, 'unusedBoth', l),
  badUnusedSeverity: (v: string, l: Locale) => t(CLI_TEXT, 'badUnusedSeverity', l, { v }),
  previousDirMissing: (dir: string, l: Locale) => t(CLI_TEXT, 'previousDirMissing', l, { dir }),
  previousMissing: (file: string, l: Locale) => t(CLI_TEXT, 'previousMissing', l, { file }),
  badConcurrency: (v: string, l: Locale) => t(CLI_TEXT, 'badConcurrency', l, { v }),
  badAgencyKind: (v: string, l: Locale) => t(CLI_TEXT, 'badAgencyKind', l, { v }),
  twoFormatsOneStream: (names: string[], toFile: boolean, l: Locale) =>
    t(CLI_TEXT, toFile ? 'twoFormatsToFile' : 'twoFormatsToStdout', l, { names: names.join(t(CLI_TEXT, 'formatPairSeparator', l)) }),
  initWithFiles: (l: Locale) => t(CLI_TEXT, 'initWithFiles', l),
  initOnly: (l: Locale) => t(CLI_TEXT, 'initOnly', l),
  badPort: (v: string, l: Locale) => t(CLI_TEXT, 'badPort', l, { v }),
  badHost: (v: string, l: Locale) => t(CLI_TEXT, 'badHost', l, { v }),
  serveAlone: (l: Locale) => t(CLI_TEXT, 'serveAlone', l),
  serveOnly: (l: Locale) => t(CLI_TEXT, 'serveOnly', l),
  badRule: (v: string, detail: string, l: Locale) => t(CLI_TEXT, 'badRule', l, { v, detail }),
  colorBoth: (l: Locale) => t(CLI_TEXT, 'colorBoth', l),
  badDocsUrl: (v: string, l: Locale) => t(CLI_TEXT, 'badDocsUrl', l, { v }),
  printConfigWithFiles: (l: Locale) => t(CLI_TEXT, 'printConfigWithFiles', l),
};

export const runtime = {
  tooManyWarnings: (count: number, max: number, l: Locale) => t(CLI_TEXT, 'tooManyWarnings', l, { count, max }),
  nothingLinted: (l: Locale) => t(CLI_TEXT, 'nothingLinted', l),
  cannotWrite: (file: string, reason: string, l: Locale) => t(CLI_TEXT, 'cannotWrite', l, { file, reason }),
  internal: (message: string, l: Locale) => t(CLI_TEXT, 'internal', l, { message }),
};
