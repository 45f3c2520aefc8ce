import type { ErrorObject } from 'ajv';
import { closest } from '../i18n/closest.js';
import type { Locale } from '../i18n/types.js';

export { closest };

/** User-facing texts of config loading, in both locales. Each function returns one line. */

const zh = (locale: Locale) => locale !== 'en';

function quote(v: unknown): string {
  return typeof v === 'string' ? `"${v}"` : JSON.stringify(v);
}

/** "a、b 或 c" / "a, b or c". */
export function orList(items: string[], locale: Locale): string {
  if (items.length <= 1) return items.join('');
  const head = items.slice(0, -1).join(zh(locale) ? '、' : ', ');
  // Chinese needs no space around 或 between Chinese words, but keeps it next to quoted values.
  const or = zh(locale) ? (/^[\u4e00-\u9fff]/.test(items[items.length - 1]) ? '或' : ' 或 ') : ' or ';
  return `${head}${or}${items[items.length - 1]}`;
}

export function invalidConfig(file: string, keyPath: string, problem: string, locale: Locale): string {
  const where = keyPath || (zh(locale) ? '（整个配置）' : '(config)');
  return zh(locale) ? `配置文件 ${file} 无效：${where} ${problem}` : `Invalid config ${file}: ${where} ${problem}`;
}

/**
 * What jsonc-parser found wrong, by its ParseErrorCode, in words. Never the offending character:
 * `extends` and `previous` may point at any file (/etc/passwd), and errors echo none of its text.
 */
const JSON_PROBLEMS: Record<number, [zh: string, en: string]> = {
  1: ['无效的符号', 'invalid symbol'],
  2: ['数字格式无效', 'invalid number'],
  3: ['此处应为用双引号括起的键名', 'a quoted key expected'],
  4: ['此处应为值', 'a value expected'],
  5: ['此处应为冒号', 'colon expected'],
  6: ['此处应为逗号', 'comma expected'],
  7: ['此处应为 }', '"}" expected'],
  8: ['此处应为 ]', '"]" expected'],
  9: ['此处应为文件结尾（有多余的内容）', 'end of file expected (extra content)'],
  10: ['无效的注释', 'invalid comment'],
  11: ['注释没有结束', 'unterminated comment'],
  12: ['字符串没有结束', 'unterminated string'],
  13: ['数字不完整', 'incomplete number'],
  14: ['无效的 \\u 转义', 'invalid \\u escape'],
  15: ['无效的转义字符', 'invalid escape character'],
  16: ['字符串中有不允许的字符（如换行）', 'a character not allowed in a string (e.g. a line break)'],
};

/** `problem`: a jsonc-parser ParseErrorCode, or undefined for an unexpected end of the file. */
export function jsonSyntax(file: string, line: number, column: number, problem: number | undefined, locale: Locale): string {
  const [zhText, enText] = problem === undefined ? ['文件意外结束', 'unexpected end of file'] : (JSON_PROBLEMS[problem] ?? ['语法错误', 'syntax error']);
  return zh(locale) ? `配置文件 ${file} 不是有效的 JSON：第 ${line} 行第 ${column} 列，${zhText}` : `Invalid JSON in config ${file} at line ${line}, column ${column}: ${enText}`;
}

export function cannotRead(file: string, reason: string, locale: Locale): string {
  return zh(locale) ? `无法读取配置文件 ${file}：${reason}` : `Cannot read config file ${file}: ${reason}`;
}

export function configNotFound(file: string, locale: Locale): string {
  return zh(locale) ? `找不到配置文件 ${file}` : `Config file not found: ${file}`;
}

export const severityExpected = (locale: Locale) =>
  zh(locale) ? '应为 "off"、"warn"、"error" 或 0、1、2' : 'should be "off", "warn", "error" or 0, 1, 2';

export const ruleEntryShape = (locale: Locale) =>
  zh(locale)
    ? '应为严重程度，或数组 [严重程度] / [严重程度, {选项}]'
    : 'should be a severity, or an array [severity] / [severity, {options}]';

export const optionsObjectExpected = (locale: Locale) => (zh(locale) ? '应为选项对象 {…}' : 'should be an options object {…}');

export function unknownRule(id: string, known: string[], locale: Locale): string {
  const near = closest(id, known);
  if (near) return zh(locale) ? `是未知规则 "${id}"，是否想写 "${near}"？` : `is an unknown rule "${id}"; did you mean "${near}"?`;
  const list = known.length ? known.join(zh(locale) ? '、' : ', ') : zh(locale) ? '（无）' : '(none)';
  return zh(locale) ? `是未知规则 "${id}"（可用规则：${list}）` : `is an unknown rule "${id}" (available rules: ${list})`;
}


export function extendsNotFound(target: string, presets: string[], locale: Locale): string {
  const names = presets.map((p) => `"gia-lint:${p}"`).join(zh(locale) ? '、' : ', ');
  return zh(locale)
    ? `指向的文件 ${target} 不存在（内置预设：${names}）`
    : `points to ${target}, which does not exist (built-in presets: ${names})`;
}

export function unknownPreset(name: string, presets: string[], locale: Locale): string {
  const names = presets.map((p) => `"gia-lint:${p}"`).join(zh(locale) ? '、' : ', ');
  return zh(locale) ? `是未知预设 "${name}"（可用：${names}）` : `is an unknown preset "${name}" (available: ${names})`;
}

export function extendsCycle(chain: string[], locale: Locale): string {
  return zh(locale) ? `形成循环引用：${chain.join(' → ')}` : `forms a cycle: ${chain.join(' → ')}`;
}

const TYPE_NAMES: Record<string, [string, string]> = {
  string: ['字符串', 'a string'],
  number: ['数字', 'a number'],
  integer: ['整数', 'an integer'],
  boolean: ['布尔值 true 或 false', 'a boolean (true or false)'],
  object: ['对象 {…}', 'an object {…}'],
  array: ['数组 […]', 'an array […]'],
  null: ['null', 'null'],
};

/**
 * The "expected value" half of an ajv error, e.g. `应为 2008 到 2100 之间的整数`.
 * Needs ajv's `verbose: true` so that `parentSchema` is available for ranges.
 */
export function describeAjvError(err: ErrorObject, locale: Locale): string {
  const z = zh(locale);
  const p = err.params as Record<string, unknown>;
  const parent = (err.parentSchema ?? {}) as Record<string, unknown>;
  const range = () => {
    const min = parent.minimum ?? parent.exclusiveMinimum;
    const max = parent.maximum ?? parent.exclusiveMaximum;
    const integer = parent.type === 'integer';
    if (typeof min === 'number' && typeof max === 'number') {
      return z
        ? `应为 ${min} 到 ${max} 之间的${integer ? '整数' : '数'}`
        : `should be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`;
    }
    return undefined;
  };
  switch (err.keyword) {
    case 'type': {
      const types = (Array.isArray(p.type) ? p.type : String(p.type).split(',')) as string[];
      const r = types.length === 1 ? range() : undefined;
      if (r) return r;
      const names = types.map((t) => (TYPE_NAMES[t] ?? [t, t])[z ? 0 : 1]);
      return z ? `应为${orList(names, locale)}` : `should be ${orList(names, locale)}`;
    }
    case 'enum': {
      const values = (p.allowedValues as unknown[]).map(quote);
      return z ? `应为 ${orList(values, locale)}` : `should be ${orList(values, locale)}`;
    }
    case 'const':
      return z ? `应为 ${quote(p.allowedValue)}` : `should be ${quote(p.allowedValue)}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return range() ?? (z ? `应 ${p.comparison} ${p.limit}` : `should be ${p.comparison} ${p.limit}`);
    case 'additionalProperties':
      return z ? '是不允许的键' : 'is not an allowed key';
    case 'required':
      return z ? `缺少必填项 ${p.missingProperty}` : `is missing the required key ${p.missingProperty}`;
    case 'minLength':
      return z ? `长度应至少为 ${p.limit}` : `should be at least ${p.limit} characters long`;
    case 'maxLength':
      return z ? `长度应至多为 ${p.limit}` : `should be at most ${p.limit} characters long`;
    case 'minItems':
      return z ? `应至少有 ${p.limit} 项` : `should have at least ${p.limit} items`;
    case 'maxItems':
      return z ? `应至多有 ${p.limit} 项` : `should have at most ${p.limit} items`;
    case 'uniqueItems':
      return z ? '不应有重复项' : 'should not contain duplicates';
    case 'pattern':
      return z ? `应匹配正则 ${p.pattern}` : `should match the pattern ${p.pattern}`;
    default:
      // Keywords we do not phrase ourselves fall back to ajv's English text.
      return z ? `不符合要求（${err.message ?? err.keyword}）` : (err.message ?? `fails "${err.keyword}"`);
  }
}

export function relativePatternExpected(pattern: string, locale: Locale): string {
  return zh(locale)
    ? `应为相对于配置文件所在目录的路径模式，不能以 / 开头或含 ..（实际为 "${pattern}"）`
    : `should be a pattern relative to the config file's directory, not absolute and without ".." (found "${pattern}")`;
}

export function previousNotFound(target: string, locale: Locale): string {
  return zh(locale) ? `指向的上一年度报告 ${target} 不存在或不是文件` : `points to the previous report ${target}, which does not exist or is not a file`;
}

/* ----------------------------------------------------------- plugins, shareable configs, formatters */

export function pluginNotInstalled(namespace: string, pkg: string, file: string, keyPath: string, locale: Locale): string {
  return zh(locale)
    ? `插件 ${namespace} 未安装：npm install -D ${pkg}（${file} 的 ${keyPath}）`
    : `Plugin ${namespace} is not installed: npm install -D ${pkg} (${keyPath} in ${file})`;
}

export function pluginUnresolvable(pkg: string, reason: string, locale: Locale): string {
  return zh(locale) ? `无法解析模块 ${pkg}：${reason}` : `Cannot resolve the module ${pkg}: ${reason}`;
}

export function pluginFileMissing(spec: string, locale: Locale): string {
  return zh(locale) ? `指向的插件文件 ${spec} 不存在（相对于配置文件所在目录）` : `points to the plugin file ${spec}, which does not exist (relative to the config file's directory)`;
}

export function pluginLoadFailed(plugin: string, reason: string, locale: Locale): string {
  return zh(locale) ? `插件 ${plugin} 加载失败：${reason}` : `Plugin ${plugin} failed to load: ${reason}`;
}

export function pluginInvalid(plugin: string, key: string, problem: string, locale: Locale): string {
  return zh(locale) ? `插件 ${plugin} 无效：${key} ${problem}` : `Plugin ${plugin} is invalid: ${key} ${problem}`;
}

export function duplicateNamespace(namespace: string, first: string, second: string, locale: Locale): string {
  return zh(locale)
    ? `插件名 "${namespace}" 重复：${first} 与 ${second}`
    : `plugin name "${namespace}" is used twice: ${first} and ${second}`;
}

export function unknownPluginConfig(ref: string, plugin: string, names: string[], locale: Locale): string {
  const list = names.length ? names.join(zh(locale) ? '、' : ', ') : zh(locale) ? '（无）' : '(none)';
  return zh(locale) ? `"${ref}"：插件 ${plugin} 没有这个配置（可用：${list}）` : `"${ref}": plugin ${plugin} has no such config (available: ${list})`;
}

export function pluginNotLoaded(ref: string, plugin: string, locale: Locale): string {
  return zh(locale)
    ? `"${ref}"：插件 ${plugin} 未在 plugins 中声明（先在 "plugins" 里加上 "${plugin}"）`
    : `"${ref}": plugin ${plugin} is not listed in "plugins" (add "${plugin}" there first)`;
}

export function sharedConfigNotInstalled(spec: string, pkg: string, locale: Locale): string {
  return zh(locale) ? `共享配置 ${spec} 未安装：npm install -D ${pkg}` : `Shareable config ${spec} is not installed: npm install -D ${pkg}`;
}

export function formatterNotInstalled(spec: string, pkg: string, locale: Locale): string {
  return zh(locale) ? `输出格式 ${spec} 未安装：npm install -D ${pkg}` : `Formatter ${spec} is not installed: npm install -D ${pkg}`;
}

export function formatterFileMissing(spec: string, locale: Locale): string {
  return zh(locale) ? `输出格式文件 ${spec} 不存在（相对于当前目录）` : `Formatter file ${spec} does not exist (relative to the current directory)`;
}

export function formatterLoadFailed(spec: string, reason: string, locale: Locale): string {
  return zh(locale) ? `输出格式 ${spec} 加载失败：${reason}` : `Formatter ${spec} failed to load: ${reason}`;
}

export function formatterNotFunction(spec: string, locale: Locale): string {
  return zh(locale)
    ? `输出格式 ${spec} 无效：默认导出应为函数 (results, context) => string`
    : `Formatter ${spec} is invalid: its default export should be a function (results, context) => string`;
}

export function formatterFailed(spec: string, reason: string, locale: Locale): string {
  return zh(locale) ? `输出格式 ${spec} 运行出错：${reason}` : `Formatter ${spec} failed: ${reason}`;
}

export function formatterNotString(spec: string, locale: Locale): string {
  return zh(locale) ? `输出格式 ${spec} 应返回字符串` : `Formatter ${spec} should return a string`;
}

export function expected(kind: 'object' | 'string' | 'function', locale: Locale): string {
  const names = { object: ['对象 {…}', 'an object {…}'], string: ['非空字符串', 'a non-empty string'], function: ['函数', 'a function'] }[kind];
  return zh(locale) ? `应为${names[0]}` : `should be ${names[1]}`;
}

export function oneOf(values: string[], locale: Locale): string {
  return zh(locale) ? `应为 ${orList(values.map(quote), locale)}` : `should be ${orList(values.map(quote), locale)}`;
}

export const localizedTextExpected = (locale: Locale) =>
  zh(locale) ? '应为字符串或 { "zh-CN": …, "en": … }' : 'should be a string or { "zh-CN": …, "en": … }';

export const ruleIdShape = (locale: Locale) =>
  zh(locale) ? '规则名应由小写字母、数字和连字符组成' : 'rule ids should be lowercase letters, digits and hyphens';

export function unknownTopLevelKey(key: string, near: string | undefined, locale: Locale): string {
  if (near) return zh(locale) ? `是不允许的键，是否想写 "${near}"？` : `is not an allowed key; did you mean "${near}"?`;
  return zh(locale) ? '是不允许的键' : 'is not an allowed key';
}

export function yamlSyntax(file: string, line: number, column: number, reason: string, locale: Locale): string {
  return zh(locale)
    ? `配置文件 ${file} 不是有效的 YAML：第 ${line} 行第 ${column} 列，${reason}`
    : `Invalid YAML in config ${file} at line ${line}, column ${column}: ${reason}`;
}

export function notAnObject(file: string, locale: Locale): string {
  return zh(locale) ? `配置文件 ${file} 无效：应为对象（键值对）` : `Invalid config ${file}: should be an object (keys and values)`;
}

export function pluginOfRuleMissing(id: string, namespace: string, locale: Locale): string {
  return zh(locale)
    ? `是插件 ${namespace} 的规则 "${id}"，但 plugins 中没有加载插件 ${namespace}（在 "plugins" 里加上 "${namespace}"）`
    : `is rule "${id}" of plugin ${namespace}, but no plugin ${namespace} is loaded (add "${namespace}" to "plugins")`;
}

export function pluginRuleFailed(id: string, reason: string, locale: Locale): string {
  return zh(locale) ? `插件规则 ${id} 运行出错：${reason}（可在配置中关闭该规则："${id}": "off"）` : `Plugin rule ${id} failed: ${reason} (turn it off with "${id}": "off")`;
}

export function pluginOutsideWorkspace(spec: string, file: string, keyPath: string, locale: Locale): string {
  return zh(locale)
    ? `插件 ${spec} 未加载：${file} 不在工作区内（${keyPath}）。语言服务器只加载工作区自己的配置所列的插件；请在工作区中打开该文件夹`
    : `Plugin ${spec} not loaded: ${file} is outside the workspace (${keyPath}). The language server loads plugins only for the workspace's own configs; open that folder as a workspace`;
}
