import type { Locale } from './types.js';

/**
 * What differs between languages beyond fixed texts: list separators, dates, counted nouns. One
 * record per locale; adding a language adds a record here (and its texts to every catalog).
 */
export interface LocaleForms {
  /** Between the items of a list: 「a」、「b」 / "a", "b". */
  listSeparator: string;
  /** A calendar date in a message: 2024年3月1日 / 2024-03-01. */
  date(year: number, month: number, day: number): string;
  /** Which form a counted noun takes (catalog keys `<key>_one` / `<key>_other`): 1 problem, 2 problems; Chinese has one form. */
  plural(count: number): 'one' | 'other';
}

export const LOCALES: Readonly<Record<Locale, LocaleForms>> = {
  'zh-CN': {
    listSeparator: '、',
    date: (year, month, day) => `${year}年${month}月${day}日`,
    plural: () => 'other',
  },
  en: {
    listSeparator: ', ',
    date: (year, month, day) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    plural: (count) => (count === 1 ? 'one' : 'other'),
  },
};

export const DEFAULT_LOCALE: Locale = 'zh-CN';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && Object.hasOwn(LOCALES, value);
}

/** A locale read from settings or a config file: the default unless it names a known locale. */
export function toLocale(value: unknown): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/** Items joined with the locale's list separator. */
export function joinList(items: readonly string[], locale: Locale): string {
  return items.join(LOCALES[locale].listSeparator);
}

export function formatDate(d: { year: number; month: number; day: number }, locale: Locale): string {
  return LOCALES[locale].date(d.year, d.month, d.day);
}
