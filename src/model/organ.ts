/*
 * Names of issuing organs (机关名称): recognising one, normalising it for comparison, telling its
 * kind, and deciding whether two spellings name the same organ. Used by the recognizer (title and
 * 落款 organs), publication-date (which deadline applies), organ-mismatch (title vs 落款) and the
 * region compilation (which report belongs to which organ).
 */

import { trimEndChars } from './text-utils.js';

/** How the names of issuing organs end: 人民政府, 办公室, 局, 委员会 … */
const ORGAN_SUFFIX = /(?:人民政府|政府|办公厅|办公室|管理委员会|管委会|委员会|办事处|局|厅|委|办|署|中心|院|部|处|所|站|队|会)$/;

/**
 * The issuing organ's name when `text` is nothing but one ("威海市人民政府外事办公室" on the 落款
 * line, or before the year in a title), else undefined. Whitespace is dropped; a leading font-size
 * switcher pasted from a web page ("大 中 小聊城市…") is not part of the name, nor the metadata label 标题 before a title.
 */
export function organName(text: string): string | undefined {
  const t = trimEndChars(text.replace(/[\s\u3000\u00a0]+/g, '').replace(/^[#*>]+/, ''), '*')
    .replace(/^(?:字号[:：]?)?大中小/, '')
    // The field label of a page's metadata block ("标  题 | 临江市人民政府2023年…年度报告").
    .replace(/^标题[:：|｜]?/, '');
  if (t.length < 3 || t.length > 40) return undefined;
  if (/[，。；：:,;！？、“”"《》\d]/.test(t)) return undefined;
  return ORGAN_SUFFIX.test(t) ? t : undefined;
}

export type OrganKind = 'department' | 'government' | 'township';

/**
 * The kind of organ a name denotes. A name ending in 人民政府 is a people's government (乡/镇
 * governments excepted: their deadline is set locally); the offices and bureaus of a government
 * (人民政府办公室, 外事办公室, 局, 委员会 …) are departments. Development-zone 管委会 and 街道
 * are neither with certainty.
 */
export function organKind(name: string): OrganKind | undefined {
  if (/(?:乡|镇|民族乡|苏木)人民政府$|街道办事处$/.test(name)) return 'township';
  if (/人民政府$|(?:省|市|县|区|州|盟|旗)政府$/.test(name)) return 'government';
  if (/管理委员会$|管委会$/.test(name)) return undefined;
  if (/(?:办公厅|办公室|委员会|局|厅|委|办|署|中心|院|部)$/.test(name)) return 'department';
  return undefined;
}

/**
 * A 街道办事处 is the agency of a 市辖区 or 不设区的市 government in its 街道 (地方组织法 第八十五条),
 * not a people's government of its own, though its report follows the townships' deadline.
 */
export function isSubdistrictOffice(name: string): boolean {
  return /街道办事处$/.test(name);
}

/**
 * The organs below the level that may make 规章 (立法法 第九十一、九十三条: only the 国务院部门 and
 * the governments of provinces, 设区的市 and 自治州), when the name says so with certainty:
 * 'township' — a 乡/镇 government or a 街道办事处; 'county' — a 县 or 市辖区 government or one of its
 * departments ("宣恩县教育局", "福州市晋安区人民政府", "区统计局"). undefined when unsure: a 县级市 is
 * named like a 设区的市, and 新区/开发区/园区/地区 are not plainly county-level.
 */
export function organLevel(name: string): 'township' | 'county' | undefined {
  const t = normalizeOrgan(name);
  if (/(?:乡|镇|苏木)人民政府$|街道办事处$/.test(t)) return 'township';
  const county = /^(?:[^省]{2,8}省|[^区]{2,10}自治区)?(?:[^市盟]{1,8}?(?:市|自治州|州(?!市)|盟))?([^县区旗市省州盟]{0,8})(自治县|县|自治旗|旗|区)/.exec(t);
  if (!county) return undefined;
  if (county[2] === '区' && /(?:自治|新|开发|园|景|社|特|地|保税|高新|试验|示范|林)$/.test(county[1])) return undefined;
  return 'county';
}

/**
 * A name reduced for comparison: no whitespace, full-width letters folded, the party prefix of a
 * joint name dropped ("中共…委员会办公室" is not the government organ), and the usual short forms of
 * the government written out ("市政府" → "市人民政府").
 */
export function normalizeOrgan(name: string): string {
  let t = '';
  for (const ch of name.replace(/[\s\u3000\u00a0]+/g, '')) {
    const c = ch.codePointAt(0)!;
    t += c >= 0xff01 && c <= 0xff5e ? String.fromCodePoint(c - 0xfee0) : ch;
  }
  return t.replace(/(省|市|县|区|州|盟|旗)政府/g, '$1人民政府');
}

/**
 * True when two names may denote the same organ: equal after normalising, or one an abbreviation
 * of the other (its characters appear in order in the other: "威海市外办" in
 * "威海市人民政府外事办公室", "临江市人民政府" in "临江市人民政府办公室" — the office that compiles the
 * government's report). Names that share no such relation are different organs.
 */
export function sameOrgan(a: string, b: string): boolean {
  const x = normalizeOrgan(a);
  const y = normalizeOrgan(b);
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return isSubsequence(short, long);
}

function isSubsequence(short: string, long: string): boolean {
  const want = [...short];
  let i = 0;
  for (const ch of long) if (i < want.length && ch === want[i]) i++;
  return i === want.length;
}
