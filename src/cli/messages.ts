import type { Locale } from '../engine/types.js';
import { padEnd } from '../reporters/width.js';
import { ALL_EXTENSIONS, FORMATS } from '../formats/index.js';

/** CLI texts in both locales. Chinese is the default everywhere. */

type Pair = [zh: string, en: string];
const pick = (locale: Locale, [zh, en]: Pair) => (locale === 'en' ? en : zh);

const OPTIONS: [flags: string, text: Pair][] = [
  ['-f, --format <name[:path]>', ['输出格式：{{formats}}（默认 stylish）；可多次使用，name:path 写入文件', 'Output format: {{formats}} (default: stylish); repeatable, name:path writes to a file']],
  ['-o, --output-file <path>', ['把结果写入文件而不是标准输出（自动创建目录）', 'Write the report to a file instead of stdout (creates directories)']],
  ['    --stdin', ['从标准输入读取报告', 'Lint text read from stdin']],
  ['    --stdin-filename <name>', ['标准输入内容对应的文件名（决定格式和配置）', 'File name for stdin text (picks the format and the config)']],
  ['    --encoding <name>', ['指定输入文件的编码（如 gbk、utf-16le），不再自动识别', 'Force the input encoding (e.g. gbk, utf-16le) instead of detecting it']],
  ['    --ext <.ext,...>', ['目录和通配符中要检查的扩展名（默认 {{extensions}}）', 'Extensions linted in directories and globs (default {{extensions}})']],
  ['    --max-warnings <n>', ['警告数超过 n 时以退出码 1 结束（-1 表示不限，默认）', 'Exit with code 1 when there are more than n warnings (-1: no limit, the default)']],
  ['    --quiet', ['只报告错误，忽略警告', 'Report errors only, ignore warnings']],
  ['    --year <yyyy>', ['指定报告年度（2008–2100），不再自动识别', 'Set the report year (2008–2100) instead of detecting it']],
  ['    --locale <zh-CN|en>', ['消息语言（默认 zh-CN；优先于配置文件）', 'Message language (default zh-CN; wins over the config file)']],
  ['    --concurrency <auto|n>', ['并行检查的线程数（默认 auto：按文件数和 CPU 决定）', 'Worker threads for linting (default auto: by file count and CPUs)']],
  ['    --cache', ['只重新检查内容、配置或版本变化了的文件', 'Only re-lint files whose content, config or version changed']],
  ['    --cache-location <path>', ['缓存文件或目录（默认 .gianlintcache）', 'Cache file or directory (default .gianlintcache)']],
  ['    --no-ignore', ['不使用 .gianignore', 'Do not use .gianignore']],
  ['    --init', ['生成带注释的 .gianrc（可配合 --agency-kind、--preset、--locale、--force）', 'Write a commented .gianrc (with --agency-kind, --preset, --locale, --force)']],
  ['-c, --config <path>', ['使用指定的配置文件，不再查找 .gianrc', 'Use this config file instead of searching for .gianrc']],
  ['    --no-config', ['不使用任何配置文件（使用推荐规则集）', 'Use no config file (the recommended rule set)']],
  ['    --fix', ['自动修复可修复的问题并写回文件', 'Fix the problems that can be fixed automatically and write the files']],
  ['    --fix-dry-run', ['计算修复结果但不写文件（json 格式输出 output）', 'Compute fixes without writing files (the json format shows the output)']],
  ['    --report-unused-disable-directives', ['把没有屏蔽任何问题的 gia-lint-disable 指令报告为错误', 'Report gia-lint-disable directives that suppress nothing, as errors']],
  ['    --report-unused-disable-directives-severity <level>', ['同上，指定级别：off、warn、error', 'The same, at this severity: off, warn or error']],
  ['    --previous <file>', ['上一年度的报告，用于核对结转数据（对本次所有文件生效）', "Last year's report, for checks that compare the two (applies to every file)"]],
  ['    --rule <\'id: severity\'>', ['临时设置一条规则，如 \'table-sum: warn\' 或 \'table-sum: [error, {tolerance: 1}]\'；可多次使用', "Set one rule, e.g. 'table-sum: warn' or 'table-sum: [error, {tolerance: 1}]'; repeatable"]],
  ['    --plugin <name|path>', ['加载插件（gia-lint-plugin-foo 或 foo，或模块路径）；可多次使用', 'Load a plugin (gia-lint-plugin-foo or foo, or a module path); repeatable']],
  ['    --resolve-plugins-relative-to <dir>', ['从该目录查找插件包（默认：配置文件所在目录）', "Resolve plugin packages from this directory (default: the config file's)"]],
  ['    --no-inline-config', ['忽略文件中的 gia-lint-disable 等注释指令', 'Ignore gia-lint-disable and other comments in the files']],
  ['    --color, --no-color', ['强制使用或不使用颜色（默认：终端才使用）', 'Force colours on or off (default: only on a terminal)']],
  ['    --docs-url <url>', ['规则文档的网址前缀（SARIF、编辑器中的链接），如内网镜像', 'Base URL of the rule docs (SARIF, editor links), e.g. an intranet mirror']],
  ['    --previous-dir <dir>', ['上一年度报告所在的文件夹：每份报告按机关名称和年度与本单位上年报告配对核对（地区汇总检查）', "Folder of last year's reports: each report is compared with its own organ's (region check)"]],
  ['    --print-config <file>', ['打印对该文件生效的配置（JSON）后退出', 'Print the configuration used for the file (JSON) and exit']],
  ['serve [--port <n>] [--host <addr>]', ['在本机打开检查网页（拖入 Word、网页或文本文件检查；默认 http://127.0.0.1:8080/）', 'Serve the checking page locally (drop Word, web or text files; default http://127.0.0.1:8080/)']],
  ['    --print-text', ['打印从每个文件读出的文字（.docx、.pdf 为其文字视图）及消息所用的行号后退出', 'Print the text read from each file (the text view of a .docx or .pdf) with the line numbers messages use, and exit']],
  ['    --lsp [--stdio]', ['作为语言服务器（LSP）在标准输入输出上运行，供编辑器使用', 'Run as a Language Server Protocol server on stdio, for editors']],
  ['-h, --help', ['显示本帮助', 'Show this help']],
  ['-v, --version', ['显示版本号', 'Show the version number']],
];

export function helpText(locale: Locale, formats: string[]): string {
  const en = locale === 'en';
  const width = Math.max(...OPTIONS.map(([f]) => f.length)) + 2;
  const lines = OPTIONS.map(([flags, text]) => `  ${padEnd(flags, width)}${pick(locale, text).replace('{{formats}}', formats.join(en ? ', ' : '、')).replace('{{extensions}}', ALL_EXTENSIONS.join(','))}`);
  const exts = ALL_EXTENSIONS.join(en ? ', ' : '、');
  const names = FORMATS.filter((f) => !f.refused).map((f) => (en ? f.name.en : f.name['zh-CN'])).join(en ? ', ' : '、');
  return [
    en ? 'Usage: gia-lint [options] <file|dir|glob>...' : '用法：gia-lint [选项] <文件|目录|通配符>...',
    '',
    en
      ? 'Lints Chinese government annual reports on information disclosure (政府信息公开工作年度报告).'
      : `检查政府信息公开工作年度报告（${names}）。`,
    en
      ? `Directories are searched for ${exts} files (skipping node_modules and dot-directories).`
      : `目录会被递归查找 ${exts} 文件（跳过 node_modules 和以点开头的目录）。`,
    '',
    en ? 'Options:' : '选项：',
    ...lines,
    '',
    en
      ? 'Exit codes: 0 no errors; 1 errors found or too many warnings; 2 usage error, config error or nothing could be linted.'
      : '退出码：0 没有错误；1 发现错误或警告过多；2 用法错误、配置错误或没有任何文件可以检查。',
    en
      ? 'Config: .gianrc (JSON or YAML), .gianrc.json, .gianrc.yaml or a "gia-lint" key in package.json, nearest one upward from each file.'
      : '配置：.gianrc（JSON 或 YAML）、.gianrc.json、.gianrc.yaml 或 package.json 的 "gia-lint" 键，从被检查文件所在目录向上查找，使用最近的一个。',
    en ? 'Formats: the built-in names, a file (./my-format.mjs) or a package (gia-lint-formatter-xx).' : '输出格式：内置名称、模块文件（./my-format.mjs）或 npm 包（gia-lint-formatter-xx）。',
    '',
  ].join('\n');
}

/** A usage error plus the hint, on one line. */
export function withHelpHint(message: string, locale: Locale): string {
  return locale === 'en' ? `${message}. Run "gia-lint --help" for usage.` : `${message}。运行 gia-lint --help 查看用法。`;
}

export const usage = {
  unknownOption: (opt: string, l: Locale) => pick(l, [`未知选项 ${opt}`, `Unknown option ${opt}`]),
  missingValue: (opt: string, l: Locale) => pick(l, [`选项 ${opt} 缺少取值`, `Option ${opt} needs a value`]),
  noValueAllowed: (opt: string, l: Locale) => pick(l, [`选项 ${opt} 不接受取值`, `Option ${opt} does not take a value`]),
  badOption: (detail: string, l: Locale) => pick(l, [`无法解析命令行参数（${detail}）`, `Cannot parse the arguments (${detail})`]),
  badLocale: (v: string, l: Locale) => pick(l, [`--locale 的取值 "${v}" 无效，应为 zh-CN 或 en`, `Invalid --locale "${v}"; expected zh-CN or en`]),
  badFormat: (v: string, formats: string[], l: Locale) =>
    pick(l, [`--format 的取值 "${v}" 无效，应为 ${formats.join('、')} 之一`, `Invalid --format "${v}"; expected one of ${formats.join(', ')}`]),
  badMaxWarnings: (v: string, l: Locale) =>
    pick(l, [
      `--max-warnings 的取值 "${v}" 无效，应为非负整数（-1 表示不限）`,
      `Invalid --max-warnings "${v}"; expected a non-negative integer (-1: no limit)`,
    ]),
  badEncoding: (v: string, l: Locale) =>
    pick(l, [`--encoding 的取值 "${v}" 不是已知的编码（例如 utf-8、gbk、gb18030、utf-16le）`, `Unknown --encoding "${v}" (e.g. utf-8, gbk, gb18030, utf-16le)`]),
  badExt: (v: string, l: Locale) =>
    pick(l, [`--ext 的取值 "${v}" 无效，应为扩展名，如 .md 或 html`, `Invalid --ext "${v}"; expected an extension such as .md or html`]),
  badYear: (v: string, l: Locale) =>
    pick(l, [`--year 的取值 "${v}" 无效，应为 2008 到 2100 之间的整数`, `Invalid --year "${v}"; expected an integer from 2008 to 2100`]),
  configAndNoConfig: (l: Locale) => pick(l, ['--config 和 --no-config 不能同时使用', '--config and --no-config cannot be used together']),
  stdinWithFiles: (l: Locale) => pick(l, ['使用 --stdin 时不能再指定文件', 'Files cannot be given together with --stdin']),
  stdinFilenameAlone: (l: Locale) => pick(l, ['--stdin-filename 只能与 --stdin 一起使用', '--stdin-filename can only be used with --stdin']),
  fixAndDryRun: (l: Locale) => pick(l, ['--fix 和 --fix-dry-run 不能同时使用', 'The --fix option and the --fix-dry-run option cannot be used together']),
  fixWithStdin: (l: Locale) =>
    pick(l, ['--fix 不能用于标准输入的内容，请改用 --fix-dry-run', 'The --fix option is not available for piped-in text; use --fix-dry-run instead']),
  unusedBoth: (l: Locale) =>
    pick(l, [
      '--report-unused-disable-directives 和 --report-unused-disable-directives-severity 不能同时使用',
      '--report-unused-disable-directives and --report-unused-disable-directives-severity cannot be used together',
    ]),
  badUnusedSeverity: (v: string, l: Locale) =>
    pick(l, [
      `--report-unused-disable-directives-severity 的取值 "${v}" 无效，应为 off、warn 或 error`,
      `Invalid --report-unused-disable-directives-severity "${v}"; expected off, warn or error`,
    ]),
  previousDirMissing: (dir: string, l: Locale) =>
    pick(l, [`--previous-dir 指定的上一年度报告文件夹 ${dir} 不存在或不是目录`, `The folder of last year's reports given with --previous-dir, ${dir}, does not exist or is not a directory`]),
  previousMissing: (file: string, l: Locale) =>
    pick(l, [`--previous 指定的上一年度报告 ${file} 不存在或不是文件`, `The previous report given with --previous, ${file}, does not exist or is not a file`]),
  badConcurrency: (v: string, l: Locale) =>
    pick(l, [`--concurrency 的取值 "${v}" 无效，应为 auto 或正整数`, `Invalid --concurrency "${v}"; expected auto or a positive integer`]),
  badAgencyKind: (v: string, l: Locale) =>
    pick(l, [`--agency-kind 的取值 "${v}" 无效，应为 department 或 government`, `Invalid --agency-kind "${v}"; expected department or government`]),
  twoFormatsOneStream: (names: string[], toFile: boolean, l: Locale) =>
    pick(l, [
      `${names.join('、')} 不能同时写到${toFile ? ' --output-file' : '标准输出'}，请用 --format 名称:路径 分别指定文件`,
      `${names.join(' and ')} cannot both go to ${toFile ? '--output-file' : 'stdout'}; give each its own file with --format name:path`,
    ]),
  initWithFiles: (l: Locale) => pick(l, ['--init 不接受要检查的文件', '--init takes no files to lint']),
  initOnly: (l: Locale) =>
    pick(l, ['--agency-kind、--preset 和 --force 只能与 --init 一起使用', '--agency-kind, --preset and --force can only be used with --init']),
  badPort: (v: string, l: Locale) => pick(l, [`--port 的取值 "${v}" 无效，应为 0 到 65535 之间的整数`, `Invalid --port "${v}"; expected an integer from 0 to 65535`]),
  badHost: (v: string, l: Locale) => pick(l, [`--host 的取值 "${v}" 无效，应为主机名或 IP 地址`, `Invalid --host "${v}"; expected a host name or an IP address`]),
  serveAlone: (l: Locale) =>
    pick(l, ['serve 不接受要检查的文件，也不能与 --stdin、--fix、--init、--print-config 一起使用', 'serve takes no files, and cannot be combined with --stdin, --fix, --init or --print-config']),
  serveOnly: (l: Locale) => pick(l, ['--port 和 --host 只能与 serve 一起使用', '--port and --host can only be used with serve']),
  badRule: (v: string, detail: string, l: Locale) =>
    pick(l, [
      `--rule 的取值 "${v}" 无效（${detail}），应为 'id: severity' 或 'id: [severity, {选项}]'`,
      `Invalid --rule "${v}" (${detail}); expected 'id: severity' or 'id: [severity, {options}]'`,
    ]),
  colorBoth: (l: Locale) => pick(l, ['--color 和 --no-color 不能同时使用', '--color and --no-color cannot be used together']),
  badDocsUrl: (v: string, l: Locale) =>
    pick(l, [`--docs-url 的取值 "${v}" 无效，应为 http:// 或 https:// 开头的网址`, `Invalid --docs-url "${v}"; expected an http:// or https:// URL`]),
  printConfigWithFiles: (l: Locale) =>
    pick(l, ['--print-config 只接受它自己的一个文件参数', '--print-config takes exactly one file of its own; do not give other files']),
};

export const runtime = {
  tooManyWarnings: (count: number, max: number, l: Locale) =>
    pick(l, [`警告过多：${count} 个，上限为 ${max} 个（--max-warnings）`, `Too many warnings: ${count} (maximum: ${max}, --max-warnings)`]),
  nothingLinted: (l: Locale) =>
    pick(l, ['没有任何文件可以检查（所有文件都为空、无法读取或不是文本）', 'Nothing could be linted (every file is empty, unreadable or not text)']),
  cannotWrite: (file: string, reason: string, l: Locale) =>
    pick(l, [`无法写入输出文件 ${file}（${reason}）`, `Cannot write the output file ${file} (${reason})`]),
  internal: (message: string, l: Locale) =>
    pick(l, [
      `内部错误：${message}（设置环境变量 GIA_LINT_DEBUG=1 可查看堆栈）`,
      `Internal error: ${message} (set GIA_LINT_DEBUG=1 to see the stack trace)`,
    ]),
};
