import { LOCALES } from './locales.js';
import type { Locale, LocalizedText } from './types.js';

/**
 * One way to localise a text: an entry of a catalog (`{ 'zh-CN': …, en: … }` with `{{name}}`
 * placeholders) looked up with `t(catalog, key, locale, data)`. Rule messages are such entries
 * (`meta.messages`); every other user-facing text lives in a catalog made with `defineCatalog`
 * next to the code that shows it. Grammar that is not a fixed text (dates, lists, plurals) lives in
 * src/i18n/locales.ts, one record per locale. See docs/i18n.md.
 */

export type Catalog<K extends string = string> = Readonly<Record<K, LocalizedText>>;

const registry = new Map<string, Catalog>();

/** A named catalog; registered so that test/i18n checks every one (both locales, same placeholders, every key used). */
export function defineCatalog<K extends string>(name: string, entries: Record<K, LocalizedText>): Catalog<K> {
  if (registry.has(name)) throw new Error(`Two message catalogs are named ${name}`);
  registry.set(name, entries);
  return entries;
}

/** Every catalog defined by the modules loaded so far, by name. */
export function catalogs(): ReadonlyMap<string, Catalog> {
  return registry;
}

/** The text of `key` in `locale`, placeholders filled from `data`. */
export function t<K extends string>(catalog: Catalog<K>, key: K, locale: Locale, data?: Record<string, string | number>): string {
  return fillTemplate(catalog[key][locale], data);
}

/** The keys that have both a `_one` and an `_other` entry, without the suffix. */
type Counted<K extends string, All extends string = K> = K extends `${infer Base}_other` ? (`${Base}_one` extends All ? Base : never) : never;

/** A counted text: the entry `<key>_one` or `<key>_other`, as the locale's plural rule says for `count` (filled in as {{count}}). */
export function tn<K extends string>(catalog: Catalog<K>, key: Counted<K>, count: number, locale: Locale, data: Record<string, string | number> = {}): string {
  return t(catalog, `${key}_${LOCALES[locale].plural(count)}` as K, locale, { ...data, count });
}

/** Fill `{{name}}` placeholders. Unknown placeholders are left visible so a missing datum is noticed in tests. */
export function fillTemplate(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, name: string) => (name in data ? String(data[name]) : m));
}

export function pick(text: LocalizedText, locale: Locale): string {
  return text[locale];
}
