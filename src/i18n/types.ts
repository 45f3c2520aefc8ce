/**
 * The message locales and a text in each. The lowest layer owns them: formats, the engine,
 * rules, config and the shells all speak them (engine/types re-exports them for rule authors).
 */
export type Locale = 'zh-CN' | 'en';

export interface LocalizedText {
  'zh-CN': string;
  en: string;
}
