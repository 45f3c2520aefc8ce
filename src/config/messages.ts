import type { ErrorObject } from 'ajv';
import { closest } from '../i18n/closest.js';
import type { Locale, LocalizedText } from '../i18n/types.js';
import { defineCatalog, pick, t } from '../i18n/format.js';
import { LOCALES } from '../i18n/locales.js';

export { closest };

/** User-facing texts of config loading, in both locales. Each function returns one line. */

/** User-facing texts of config loading. */
const CONFIG_TEXT = defineCatalog('config', {
  /** 或 right after a list of Chinese words, spaced next to quoted values. */
  orBeforeWord: { 'zh-CN': '或', en: ' or ' },
  orBeforeValue: { 'zh-CN': ' 或 ', en: ' or ' },
  jsonSyntax: {
    'zh-CN': '配置文件 {{file}} 不是有效的 JSON：第 {{line}} 行第 {{column}} 列，{{what}}',
    en: 'Invalid JSON in config {{file}} at line {{line}}, column {{column}}: {{what}}',
  },
  unexpectedEnd: { 'zh-CN': '文件意外结束', en: 'unexpected end of file' },
  syntaxError: { 'zh-CN': '语法错误', en: 'syntax error' },
  extendsCycle: { 'zh-CN': '形成循环引用：{{chain}}', en: 'forms a cycle: {{chain}}' },
  rangeInteger: { 'zh-CN': '应为 {{min}} 到 {{max}} 之间的整数', en: 'should be an integer from {{min}} to {{max}}' },
  rangeNumber: { 'zh-CN': '应为 {{min}} 到 {{max}} 之间的数', en: 'should be a number from {{min}} to {{max}}' },
  shouldBeType: { 'zh-CN': '应为{{types}}', en: 'should be {{types}}' },
  shouldBeValue: { 'zh-CN': '应为 {{values}}', en: 'should be {{values}}' },
  /** An ajv keyword not phrased here: ajv's own (English) text. */
  ajvOther: { 'zh-CN': '不符合要求（{{message}}）', en: '{{message}}' },
  ajvOtherKeyword: { 'zh-CN': '不符合要求（{{keyword}}）', en: 'fails "{{keyword}}"' },
  wholeConfig: { 'zh-CN': '（整个配置）', en: '(config)' },
  invalidConfig: { 'zh-CN': '配置文件 {{file}} 无效：{{where}} {{problem}}', en: 'Invalid config {{file}}: {{where}} {{problem}}' },
  cannotRead: { 'zh-CN': '无法读取配置文件 {{file}}：{{reason}}', en: 'Cannot read config file {{file}}: {{reason}}' },
  configNotFound: { 'zh-CN': '找不到配置文件 {{file}}', en: 'Config file not found: {{file}}' },
  severityExpected: { 'zh-CN': '应为 "off"、"warn"、"error" 或 0、1、2', en: 'should be "off", "warn", "error" or 0, 1, 2' },
  ruleEntryShape: {
    'zh-CN': '应为严重程度，或数组 [严重程度] / [严重程度, {选项}]',
    en: 'should be a severity, or an array [severity] / [severity, {options}]',
  },
  optionsObjectExpected: { 'zh-CN': '应为选项对象 {…}', en: 'should be an options object {…}' },
  unknownRuleNear: { 'zh-CN': '是未知规则 "{{id}}"，是否想写 "{{near}}"？', en: 'is an unknown rule "{{id}}"; did you mean "{{near}}"?' },
  none: { 'zh-CN': '（无）', en: '(none)' },
  unknownRule: { 'zh-CN': '是未知规则 "{{id}}"（可用规则：{{list}}）', en: 'is an unknown rule "{{id}}" (available rules: {{list}})' },
  extendsNotFound: {
    'zh-CN': '指向的文件 {{target}} 不存在（内置预设：{{names}}）',
    en: 'points to {{target}}, which does not exist (built-in presets: {{names}})',
  },
  unknownPreset: { 'zh-CN': '是未知预设 "{{name}}"（可用：{{names}}）', en: 'is an unknown preset "{{name}}" (available: {{names}})' },
  ajvComparison: { 'zh-CN': '应 {{comparison}} {{limit}}', en: 'should be {{comparison}} {{limit}}' },
  notAllowedKey: { 'zh-CN': '是不允许的键', en: 'is not an allowed key' },
  ajvRequired: { 'zh-CN': '缺少必填项 {{missingProperty}}', en: 'is missing the required key {{missingProperty}}' },
  ajvMinLength: { 'zh-CN': '长度应至少为 {{limit}}', en: 'should be at least {{limit}} characters long' },
  ajvMaxLength: { 'zh-CN': '长度应至多为 {{limit}}', en: 'should be at most {{limit}} characters long' },
  ajvMinItems: { 'zh-CN': '应至少有 {{limit}} 项', en: 'should have at least {{limit}} items' },
  ajvMaxItems: { 'zh-CN': '应至多有 {{limit}} 项', en: 'should have at most {{limit}} items' },
  ajvUniqueItems: { 'zh-CN': '不应有重复项', en: 'should not contain duplicates' },
  ajvPattern: { 'zh-CN': '应匹配正则 {{pattern}}', en: 'should match the pattern {{pattern}}' },
  relativePatternExpected: {
    'zh-CN': '应为相对于配置文件所在目录的路径模式，不能以 / 开头或含 ..（实际为 "{{pattern}}"）',
    en: 'should be a pattern relative to the config file\'s directory, not absolute and without ".." (found "{{pattern}}")',
  },
  previousNotFound: {
    'zh-CN': '指向的上一年度报告 {{target}} 不存在或不是文件',
    en: 'points to the previous report {{target}}, which does not exist or is not a file',
  },
  pluginNotInstalled: {
    'zh-CN': '插件 {{namespace}} 未安装：npm install -D {{pkg}}（{{file}} 的 {{keyPath}}）',
    en: 'Plugin {{namespace}} is not installed: npm install -D {{pkg}} ({{keyPath}} in {{file}})',
  },
  pluginUnresolvable: { 'zh-CN': '无法解析模块 {{pkg}}：{{reason}}', en: 'Cannot resolve the module {{pkg}}: {{reason}}' },
  pluginFileMissing: {
    'zh-CN': '指向的插件文件 {{spec}} 不存在（相对于配置文件所在目录）',
    en: "points to the plugin file {{spec}}, which does not exist (relative to the config file's directory)",
  },
  pluginLoadFailed: { 'zh-CN': '插件 {{plugin}} 加载失败：{{reason}}', en: 'Plugin {{plugin}} failed to load: {{reason}}' },
  pluginInvalid: { 'zh-CN': '插件 {{plugin}} 无效：{{key}} {{problem}}', en: 'Plugin {{plugin}} is invalid: {{key}} {{problem}}' },
  duplicateNamespace: {
    'zh-CN': '插件名 "{{namespace}}" 重复：{{first}} 与 {{second}}',
    en: 'plugin name "{{namespace}}" is used twice: {{first}} and {{second}}',
  },
  unknownPluginConfig: {
    'zh-CN': '"{{ref}}"：插件 {{plugin}} 没有这个配置（可用：{{list}}）',
    en: '"{{ref}}": plugin {{plugin}} has no such config (available: {{list}})',
  },
  pluginNotLoaded: {
    'zh-CN': '"{{ref}}"：插件 {{plugin}} 未在 plugins 中声明（先在 "plugins" 里加上 "{{plugin}}"）',
    en: '"{{ref}}": plugin {{plugin}} is not listed in "plugins" (add "{{plugin}}" there first)',
  },
  sharedConfigNotInstalled: {
    'zh-CN': '共享配置 {{spec}} 未安装：npm install -D {{pkg}}',
    en: 'Shareable config {{spec}} is not installed: npm install -D {{pkg}}',
  },
  formatterNotInstalled: { 'zh-CN': '输出格式 {{spec}} 未安装：npm install -D {{pkg}}', en: 'Formatter {{spec}} is not installed: npm install -D {{pkg}}' },
  formatterFileMissing: {
    'zh-CN': '输出格式文件 {{spec}} 不存在（相对于当前目录）',
    en: 'Formatter file {{spec}} does not exist (relative to the current directory)',
  },
  formatterLoadFailed: { 'zh-CN': '输出格式 {{spec}} 加载失败：{{reason}}', en: 'Formatter {{spec}} failed to load: {{reason}}' },
  formatterNotFunction: {
    'zh-CN': '输出格式 {{spec}} 无效：默认导出应为函数 (results, context) => string',
    en: 'Formatter {{spec}} is invalid: its default export should be a function (results, context) => string',
  },
  formatterFailed: { 'zh-CN': '输出格式 {{spec}} 运行出错：{{reason}}', en: 'Formatter {{spec}} failed: {{reason}}' },
  formatterNotString: { 'zh-CN': '输出格式 {{spec}} 应返回字符串', en: 'Formatter {{spec}} should return a string' },
  localizedTextExpected: { 'zh-CN': '应为字符串或 { "zh-CN": …, "en": … }', en: 'should be a string or { "zh-CN": …, "en": … }' },
  ruleIdShape: { 'zh-CN': '规则名应由小写字母、数字和连字符组成', en: 'rule ids should be lowercase letters, digits and hyphens' },
  notAllowedKeyNear: { 'zh-CN': '是不允许的键，是否想写 "{{near}}"？', en: 'is not an allowed key; did you mean "{{near}}"?' },
  yamlSyntax: {
    'zh-CN': '配置文件 {{file}} 不是有效的 YAML：第 {{line}} 行第 {{column}} 列，{{reason}}',
    en: 'Invalid YAML in config {{file}} at line {{line}}, column {{column}}: {{reason}}',
  },
  notAnObject: { 'zh-CN': '配置文件 {{file}} 无效：应为对象（键值对）', en: 'Invalid config {{file}}: should be an object (keys and values)' },
  pluginOfRuleMissing: {
    'zh-CN': '是插件 {{namespace}} 的规则 "{{id}}"，但 plugins 中没有加载插件 {{namespace}}（在 "plugins" 里加上 "{{namespace}}"）',
    en: 'is rule "{{id}}" of plugin {{namespace}}, but no plugin {{namespace}} is loaded (add "{{namespace}}" to "plugins")',
  },
  pluginRuleFailed: {
    'zh-CN': '插件规则 {{id}} 运行出错：{{reason}}（可在配置中关闭该规则："{{id}}": "off"）',
    en: 'Plugin rule {{id}} failed: {{reason}} (turn it off with "{{id}}": "off")',
  },
  pluginOutsideWorkspace: {
    'zh-CN': '插件 {{spec}} 未加载：{{file}} 不在工作区内（{{keyPath}}）。语言服务器只加载工作区自己的配置所列的插件；请在工作区中打开该文件夹',
    en: "Plugin {{spec}} not loaded: {{file}} is outside the workspace ({{keyPath}}). The language server loads plugins only for the workspace's own configs; open that folder as a workspace",
  },
});

function quote(v: unknown): string {
  return typeof v === 'string' ? `"${v}"` : JSON.stringify(v);
}

/** "a、b 或 c" / "a, b or c". */
export function orList(items: string[], locale: Locale): string {
  if (items.length <= 1) return items.join('');
  const head = items.slice(0, -1).join(LOCALES[locale].listSeparator);
  // Chinese needs no space around 或 between Chinese words, but keeps it next to quoted values.
  const or = t(CONFIG_TEXT, /^[\u4e00-\u9fff]/.test(items[items.length - 1]) ? 'orBeforeWord' : 'orBeforeValue', locale);
  return `${head}${or}${items[items.length - 1]}`;
}

export function invalidConfig(file: string, keyPath: string, problem: string, locale: Locale): string {
  const where = keyPath || t(CONFIG_TEXT, 'wholeConfig', locale);
  return t(CONFIG_TEXT, 'invalidConfig', locale, { file, where, problem });
}

/**
 * What jsonc-parser found wrong, by its ParseErrorCode, in words. Never the offending character:
 * `extends` and `previous` may point at any file (/etc/passwd), and errors echo none of its text.
 */
const JSON_PROBLEMS: Record<number, LocalizedText> = {
  1: { 'zh-CN': '无效的符号', en: 'invalid symbol' },
  2: { 'zh-CN': '数字格式无效', en: 'invalid number' },
  3: { 'zh-CN': '此处应为用双引号括起的键名', en: 'a quoted key expected' },
  4: { 'zh-CN': '此处应为值', en: 'a value expected' },
  5: { 'zh-CN': '此处应为冒号', en: 'colon expected' },
  6: { 'zh-CN': '此处应为逗号', en: 'comma expected' },
  7: { 'zh-CN': '此处应为 }', en: '"}" expected' },
  8: { 'zh-CN': '此处应为 ]', en: '"]" expected' },
  9: { 'zh-CN': '此处应为文件结尾（有多余的内容）', en: 'end of file expected (extra content)' },
  10: { 'zh-CN': '无效的注释', en: 'invalid comment' },
  11: { 'zh-CN': '注释没有结束', en: 'unterminated comment' },
  12: { 'zh-CN': '字符串没有结束', en: 'unterminated string' },
  13: { 'zh-CN': '数字不完整', en: 'incomplete number' },
  14: { 'zh-CN': '无效的 \\u 转义', en: 'invalid \\u escape' },
  15: { 'zh-CN': '无效的转义字符', en: 'invalid escape character' },
  16: { 'zh-CN': '字符串中有不允许的字符（如换行）', en: 'a character not allowed in a string (e.g. a line break)' },
};

/** `problem`: a jsonc-parser ParseErrorCode, or undefined for an unexpected end of the file. */
export function jsonSyntax(file: string, line: number, column: number, problem: number | undefined, locale: Locale): string {
  const what =
    problem === undefined
      ? t(CONFIG_TEXT, 'unexpectedEnd', locale)
      : JSON_PROBLEMS[problem]
        ? pick(JSON_PROBLEMS[problem], locale)
        : t(CONFIG_TEXT, 'syntaxError', locale);
  return t(CONFIG_TEXT, 'jsonSyntax', locale, { file, line, column, what });
}

export function cannotRead(file: string, reason: string, locale: Locale): string {
  return t(CONFIG_TEXT, 'cannotRead', locale, { file, reason });
}

export function configNotFound(file: string, locale: Locale): string {
  return t(CONFIG_TEXT, 'configNotFound', locale, { file });
}

export const severityExpected = (locale: Locale) => t(CONFIG_TEXT, 'severityExpected', locale);

export const ruleEntryShape = (locale: Locale) => t(CONFIG_TEXT, 'ruleEntryShape', locale);

export const optionsObjectExpected = (locale: Locale) => t(CONFIG_TEXT, 'optionsObjectExpected', locale);

export function unknownRule(id: string, known: string[], locale: Locale): string {
  const near = closest(id, known);
  if (near) return t(CONFIG_TEXT, 'unknownRuleNear', locale, { id, near });
  const list = known.length ? known.join(LOCALES[locale].listSeparator) : t(CONFIG_TEXT, 'none', locale);
  return t(CONFIG_TEXT, 'unknownRule', locale, { id, list });
}

export function extendsNotFound(target: string, presets: string[], locale: Locale): string {
  const names = presets.map((p) => `"gia-lint:${p}"`).join(LOCALES[locale].listSeparator);
  return t(CONFIG_TEXT, 'extendsNotFound', locale, { target, names });
}

export function unknownPreset(name: string, presets: string[], locale: Locale): string {
  const names = presets.map((p) => `"gia-lint:${p}"`).join(LOCALES[locale].listSeparator);
  return t(CONFIG_TEXT, 'unknownPreset', locale, { name, names });
}

export function extendsCycle(chain: string[], locale: Locale): string {
  return t(CONFIG_TEXT, 'extendsCycle', locale, { chain: chain.join(' → ') });
}

const TYPE_NAMES: Record<string, LocalizedText> = {
  string: { 'zh-CN': '字符串', en: 'a string' },
  number: { 'zh-CN': '数字', en: 'a number' },
  integer: { 'zh-CN': '整数', en: 'an integer' },
  boolean: { 'zh-CN': '布尔值 true 或 false', en: 'a boolean (true or false)' },
  object: { 'zh-CN': '对象 {…}', en: 'an object {…}' },
  array: { 'zh-CN': '数组 […]', en: 'an array […]' },
  null: { 'zh-CN': 'null', en: 'null' },
};

/**
 * The "expected value" half of an ajv error, e.g. `应为 2008 到 2100 之间的整数`.
 * Needs ajv's `verbose: true` so that `parentSchema` is available for ranges.
 */
export function describeAjvError(err: ErrorObject, locale: Locale): string {
  const p = err.params as Record<string, unknown>;
  const parent = (err.parentSchema ?? {}) as Record<string, unknown>;
  const range = () => {
    const min = parent.minimum ?? parent.exclusiveMinimum;
    const max = parent.maximum ?? parent.exclusiveMaximum;
    const integer = parent.type === 'integer';
    if (typeof min === 'number' && typeof max === 'number') {
      return t(CONFIG_TEXT, integer ? 'rangeInteger' : 'rangeNumber', locale, { min, max });
    }
    return undefined;
  };
  switch (err.keyword) {
    case 'type': {
      const types = (Array.isArray(p.type) ? p.type : String(p.type).split(',')) as string[];
      const r = types.length === 1 ? range() : undefined;
      if (r) return r;
      const names = types.map((type) => (TYPE_NAMES[type] ? pick(TYPE_NAMES[type], locale) : type));
      return t(CONFIG_TEXT, 'shouldBeType', locale, { types: orList(names, locale) });
    }
    case 'enum': {
      const values = (p.allowedValues as unknown[]).map(quote);
      return t(CONFIG_TEXT, 'shouldBeValue', locale, { values: orList(values, locale) });
    }
    case 'const':
      return t(CONFIG_TEXT, 'shouldBeValue', locale, { values: quote(p.allowedValue) });
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return range() ?? t(CONFIG_TEXT, 'ajvComparison', locale, { comparison: String(p.comparison), limit: String(p.limit) });
    case 'additionalProperties':
      return t(CONFIG_TEXT, 'notAllowedKey', locale);
    case 'required':
      return t(CONFIG_TEXT, 'ajvRequired', locale, { missingProperty: String(p.missingProperty) });
    case 'minLength':
      return t(CONFIG_TEXT, 'ajvMinLength', locale, { limit: String(p.limit) });
    case 'maxLength':
      return t(CONFIG_TEXT, 'ajvMaxLength', locale, { limit: String(p.limit) });
    case 'minItems':
      return t(CONFIG_TEXT, 'ajvMinItems', locale, { limit: String(p.limit) });
    case 'maxItems':
      return t(CONFIG_TEXT, 'ajvMaxItems', locale, { limit: String(p.limit) });
    case 'uniqueItems':
      return t(CONFIG_TEXT, 'ajvUniqueItems', locale);
    case 'pattern':
      return t(CONFIG_TEXT, 'ajvPattern', locale, { pattern: String(p.pattern) });
    default:
      // Keywords we do not phrase ourselves fall back to ajv's English text.
      return err.message != null
        ? t(CONFIG_TEXT, 'ajvOther', locale, { message: err.message })
        : t(CONFIG_TEXT, 'ajvOtherKeyword', locale, { keyword: err.keyword });
  }
}

export function relativePatternExpected(pattern: string, locale: Locale): string {
  return t(CONFIG_TEXT, 'relativePatternExpected', locale, { pattern });
}

export function previousNotFound(target: string, locale: Locale): string {
  return t(CONFIG_TEXT, 'previousNotFound', locale, { target });
}

/* ----------------------------------------------------------- plugins, shareable configs, formatters */

export function pluginNotInstalled(namespace: string, pkg: string, file: string, keyPath: string, locale: Locale): string {
  return t(CONFIG_TEXT, 'pluginNotInstalled', locale, { namespace, pkg, file, keyPath });
}

export function pluginUnresolvable(pkg: string, reason: string, locale: Locale): string {
  return t(CONFIG_TEXT, 'pluginUnresolvable', locale, { pkg, reason });
}

export function pluginFileMissing(spec: string, locale: Locale): string {
  return t(CONFIG_TEXT, 'pluginFileMissing', locale, { spec });
}

export function pluginLoadFailed(plugin: string, reason: string, locale: Locale): string {
  return t(CONFIG_TEXT, 'pluginLoadFailed', locale, { plugin, reason });
}

export function pluginInvalid(plugin: string, key: string, problem: string, locale: Locale): string {
  return t(CONFIG_TEXT, 'pluginInvalid', locale, { plugin, key, problem });
}

export function duplicateNamespace(namespace: string, first: string, second: string, locale: Locale): string {
  return t(CONFIG_TEXT, 'duplicateNamespace', locale, { namespace, first, second });
}

export function unknownPluginConfig(ref: string, plugin: string, names: string[], locale: Locale): string {
  const list = names.length ? names.join(LOCALES[locale].listSeparator) : t(CONFIG_TEXT, 'none', locale);
  return t(CONFIG_TEXT, 'unknownPluginConfig', locale, { ref, plugin, list });
}

export function pluginNotLoaded(ref: string, plugin: string, locale: Locale): string {
  return t(CONFIG_TEXT, 'pluginNotLoaded', locale, { ref, plugin });
}

export function sharedConfigNotInstalled(spec: string, pkg: string, locale: Locale): string {
  return t(CONFIG_TEXT, 'sharedConfigNotInstalled', locale, { spec, pkg });
}

export function formatterNotInstalled(spec: string, pkg: string, locale: Locale): string {
  return t(CONFIG_TEXT, 'formatterNotInstalled', locale, { spec, pkg });
}

export function formatterFileMissing(spec: string, locale: Locale): string {
  return t(CONFIG_TEXT, 'formatterFileMissing', locale, { spec });
}

export function formatterLoadFailed(spec: string, reason: string, locale: Locale): string {
  return t(CONFIG_TEXT, 'formatterLoadFailed', locale, { spec, reason });
}

export function formatterNotFunction(spec: string, locale: Locale): string {
  return t(CONFIG_TEXT, 'formatterNotFunction', locale, { spec });
}

export function formatterFailed(spec: string, reason: string, locale: Locale): string {
  return t(CONFIG_TEXT, 'formatterFailed', locale, { spec, reason });
}

export function formatterNotString(spec: string, locale: Locale): string {
  return t(CONFIG_TEXT, 'formatterNotString', locale, { spec });
}

export function expected(kind: 'object' | 'string' | 'function', locale: Locale): string {
  const names: Record<typeof kind, LocalizedText> = {
    object: { 'zh-CN': '对象 {…}', en: 'an object {…}' },
    string: { 'zh-CN': '非空字符串', en: 'a non-empty string' },
    function: { 'zh-CN': '函数', en: 'a function' },
  };
  return t(CONFIG_TEXT, 'shouldBeType', locale, { types: pick(names[kind], locale) });
}

export function oneOf(values: string[], locale: Locale): string {
  return t(CONFIG_TEXT, 'shouldBeValue', locale, { values: orList(values.map(quote), locale) });
}

export const localizedTextExpected = (locale: Locale) => t(CONFIG_TEXT, 'localizedTextExpected', locale);

export const ruleIdShape = (locale: Locale) => t(CONFIG_TEXT, 'ruleIdShape', locale);

export function unknownTopLevelKey(key: string, near: string | undefined, locale: Locale): string {
  if (near) return t(CONFIG_TEXT, 'notAllowedKeyNear', locale, { near });
  return t(CONFIG_TEXT, 'notAllowedKey', locale);
}

export function yamlSyntax(file: string, line: number, column: number, reason: string, locale: Locale): string {
  return t(CONFIG_TEXT, 'yamlSyntax', locale, { file, line, column, reason });
}

export function notAnObject(file: string, locale: Locale): string {
  return t(CONFIG_TEXT, 'notAnObject', locale, { file });
}

export function pluginOfRuleMissing(id: string, namespace: string, locale: Locale): string {
  return t(CONFIG_TEXT, 'pluginOfRuleMissing', locale, { namespace, id });
}

export function pluginRuleFailed(id: string, reason: string, locale: Locale): string {
  return t(CONFIG_TEXT, 'pluginRuleFailed', locale, { id, reason });
}

export function pluginOutsideWorkspace(spec: string, file: string, keyPath: string, locale: Locale): string {
  return t(CONFIG_TEXT, 'pluginOutsideWorkspace', locale, { spec, file, keyPath });
}
