import { stat, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CONFIG_FILE_NAMES } from '../config/load.js';
import { presets } from '../config/presets.js';
import type { AgencyKind, Locale } from '../engine/types.js';
import { GiaLintError } from '../config/errors.js';
import { builtinRules } from '../rules/index.js';
import { defineCatalog, t } from '../i18n/format.js';
import { joinList } from '../i18n/locales.js';

/** The questions and answers of `gia-lint --init`. */
const INIT_TEXT = defineCatalog('init', {
  exists: { 'zh-CN': '{{files}} 已存在；如需覆盖请加 --force', en: '{{files}} already exists; use --force to replace it' },
  askReplace: { 'zh-CN': '{{files}} 已存在，是否覆盖？(y/N) ', en: '{{files}} already exists. Replace it? (y/N) ' },
  nothingWritten: { 'zh-CN': '未写入任何文件。', en: 'Nothing written.' },
  askAgencyKind: {
    'zh-CN': '发布机关类别：1) 政府部门  2) 人民政府 [1] ',
    en: "Kind of issuing organ: 1) government department (政府部门)  2) people's government (人民政府) [1] ",
  },
  askLocale: { 'zh-CN': '消息语言：1) 中文 (zh-CN)  2) 英文 (en) [1] ', en: 'Message language: 1) Chinese (zh-CN)  2) English (en) [1] ' },
  unknownPreset: { 'zh-CN': '未知的预设 "{{preset}}"（可用：{{names}}）', en: 'Unknown preset "{{preset}}" (available: {{names}})' },
  askPreset: { 'zh-CN': '规则预设：{{choices}} [1] ', en: 'Preset: {{choices}} [1] ' },
  /** After a preset's name in the question; the English question names the presets only. */
  recommendedNote: { 'zh-CN': '（推荐）', en: '' },
  strictNote: { 'zh-CN': '（发布前终检，所有规则按错误级别）', en: '' },
  cannotWrite: { 'zh-CN': '无法写入 {{file}}（{{reason}}）', en: 'Cannot write {{file}} ({{reason}})' },
  wrote: { 'zh-CN': '已生成 {{file}}', en: 'Wrote {{file}}' },
  shadowed: { 'zh-CN': '注意：{{files}} 不再生效（.gianrc 优先）。', en: 'Note: {{files}} is no longer used (.gianrc wins).' },
});

/**
 * `gia-lint --init`: write a commented `.gianrc` for a new office. The three things that differ
 * between offices — the kind of issuing organ, the message language and the preset — come from
 * flags, or are asked when stdin is a terminal. An existing config is replaced only with --force
 * or an explicit "y" at the prompt.
 */

export interface InitIO {
  stdout: { write(text: string): unknown };
  stdin: AsyncIterable<Buffer | string> & { isTTY?: boolean };
  cwd: string;
}

export interface InitAnswers {
  agencyKind?: AgencyKind;
  locale?: Locale;
  preset?: string;
  force: boolean;
}

export async function runInit(given: InitAnswers, io: InitIO, uiLocale: Locale): Promise<number> {
  const l = uiLocale;
  const interactive = io.stdin.isTTY === true;
  const lines = interactive ? lineReader(io.stdin) : undefined;
  const ask = async (question: string): Promise<string> => {
    io.stdout.write(question);
    return ((await lines!.next()) ?? '').trim();
  };

  const target = path.join(io.cwd, '.gianrc');
  const existing: string[] = [];
  for (const name of CONFIG_FILE_NAMES) if ((await stat(path.join(io.cwd, name)).catch(() => undefined))?.isFile()) existing.push(name);
  if (existing.length && !given.force) {
    if (!interactive) throw new GiaLintError(t(INIT_TEXT, 'exists', l, { files: joinList(existing, l) }));
    const yes = await ask(t(INIT_TEXT, 'askReplace', l, { files: joinList(existing, l) }));
    if (!/^y(es)?$/i.test(yes)) {
      io.stdout.write(`${t(INIT_TEXT, 'nothingWritten', l)}\n`);
      return 0;
    }
  }

  let agencyKind = given.agencyKind;
  while (agencyKind === undefined && interactive) {
    const a = await ask(t(INIT_TEXT, 'askAgencyKind', l));
    agencyKind = a === '' || a === '1' ? 'department' : a === '2' ? 'government' : undefined;
  }
  let locale = given.locale;
  while (locale === undefined && interactive) {
    const a = await ask(t(INIT_TEXT, 'askLocale', l));
    locale = a === '' || a === '1' ? 'zh-CN' : a === '2' ? 'en' : undefined;
  }
  const names = Object.keys(presets);
  let preset = given.preset;
  if (preset !== undefined && !names.includes(preset)) {
    throw new GiaLintError(t(INIT_TEXT, 'unknownPreset', l, { preset, names: joinList(names, l) }));
  }
  while (preset === undefined && interactive) {
    const note = (n: string) => (n === 'recommended' ? t(INIT_TEXT, 'recommendedNote', l) : n === 'strict' ? t(INIT_TEXT, 'strictNote', l) : '');
    const a = await ask(t(INIT_TEXT, 'askPreset', l, { choices: names.map((n, i) => `${i + 1}) ${n}${note(n)}`).join('  ') }));
    const i = a === '' ? 0 : Number(a) - 1;
    preset = names[i] ?? (names.includes(a) ? a : undefined);
  }

  const text = initConfigText({ agencyKind, locale: locale ?? 'zh-CN', preset: preset ?? 'recommended' });
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, text);
    await rename(tmp, target);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw new GiaLintError(t(INIT_TEXT, 'cannotWrite', l, { file: target, reason: String((e as NodeJS.ErrnoException).code ?? e) }));
  }
  // The other name would otherwise be shadowed silently.
  const shadowed = existing.filter((n) => n !== '.gianrc');
  io.stdout.write(`${t(INIT_TEXT, 'wrote', l, { file: target })}\n`);
  if (shadowed.length) io.stdout.write(`${t(INIT_TEXT, 'shadowed', l, { files: joinList(shadowed, l) })}\n`);
  return 0;
}

/** The generated config: JSON with comments, every rule listed at its preset severity so it can be tuned. */
export function initConfigText(o: { agencyKind?: AgencyKind; locale: Locale; preset: string }): string {
  const settings = presets[o.preset](builtinRules);
  const severity = (n: number) => (n === 2 ? 'error' : n === 1 ? 'warn' : 'off');
  const rules = [...builtinRules.values()].map((r, i, all) => {
    const comma = i < all.length - 1 ? ',' : '';
    return [
      `    // ${r.meta.docs.description['zh-CN']}`,
      `    // ${r.meta.docs.description.en} (${r.meta.docs.url})`,
      `    // "${r.meta.id}": "${severity(settings[r.meta.id]?.severity ?? 0)}"${comma}`,
    ].join('\n');
  });
  const kind = o.agencyKind === undefined ? '  // "agencyKind": "department",' : `  "agencyKind": "${o.agencyKind}",`;
  return `// gia-lint 配置 / configuration, written by \`gia-lint --init\`.
// JSON with comments. gia-lint uses the nearest .gianrc above each linted file;
// \`gia-lint --print-config <file>\` shows the effective result. Docs: .gianrc.example, README.
{
  // 规则预设：recommended（每条规则按默认级别）或 strict（每个发现都是错误，包括规则标为较轻情形的发现，适合审核把关和发布前终检）。
  // Preset: "recommended" (each rule at its default severity) or "strict" (every finding an error, a rule's lesser case included).
  "extends": "gia-lint:${o.preset}",

  // 消息语言："zh-CN" 或 "en"。Message language.
  "locale": "${o.locale}",

  // 发布机关类别："department"（政府部门）或 "government"（人民政府），决定发布时限等要求。
  // Kind of issuing organ: "department" or "government"; decides deadlines and similar checks.
${kind}

  // 报告年度通常从标题识别；需要时可固定。The report year is detected; force it only if needed.
  // "year": 2024,

  // 规则：取消注释并修改即可覆盖预设，取值 "off" / "warn" / "error" 或 [级别, { 选项 }]。
  // Rules: uncomment a line to override the preset: "off" / "warn" / "error", or [severity, { options }].
  "rules": {
${rules.join('\n\n')}
  }
}
`;
}

/** Lines from an async byte/string stream (the terminal), one at a time; undefined at the end. */
function lineReader(input: AsyncIterable<Buffer | string>) {
  const it = input[Symbol.asyncIterator]();
  let buffered = '';
  return {
    async next(): Promise<string | undefined> {
      for (;;) {
        const nl = buffered.indexOf('\n');
        if (nl >= 0) {
          const line = buffered.slice(0, nl).replace(/\r$/, '');
          buffered = buffered.slice(nl + 1);
          return line;
        }
        const chunk = await it.next();
        if (chunk.done) {
          const rest = buffered;
          buffered = '';
          return rest === '' ? undefined : rest;
        }
        buffered += typeof chunk.value === 'string' ? chunk.value : chunk.value.toString('utf8');
      }
    },
  };
}
