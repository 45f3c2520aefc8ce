import type { Locale, LocalizedText } from './types.js';

/** Fill `{{name}}` placeholders. Unknown placeholders are left visible so a missing datum is noticed in tests. */
export function fillTemplate(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, name: string) => (name in data ? String(data[name]) : m));
}

export function pick(text: LocalizedText, locale: Locale): string {
  return locale === 'en' ? text.en : text['zh-CN'];
}
