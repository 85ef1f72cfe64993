import { shallowRef } from 'vue';
import { createI18n } from 'vue-i18n';
import type { Language } from 'element-plus/es/locale';
import elementZh from 'element-plus/es/locale/lang/zh-cn';
import { zhCN, type Messages } from './locales/zh-CN';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const STORAGE_KEY = 'kesu.locale';

declare module 'vue-i18n' {
  // Typed keys: a misspelt message key is a type error. vue-i18n reads them from this augmentation.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  export interface DefineLocaleMessage extends Messages {}
}

/** The app's messages: Simplified Chinese first and built in; English loaded when asked for. */
export const i18n = createI18n<[Messages], Locale, false>({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN } as Record<Locale, Messages>,
});

/** Element Plus's own texts (pagination, empty lists, dialogs) in the current language. */
export const elementLocale = shallowRef<Language>(elementZh);

/** Switches the language (fetching English the first time) and remembers it for the next visit. */
export async function setLocale(locale: Locale): Promise<void> {
  if (locale === 'en') {
    const [{ en }, elementEn] = await Promise.all([import('./locales/en'), import('element-plus/es/locale/lang/en')]);
    i18n.global.setLocaleMessage('en', en);
    elementLocale.value = elementEn.default;
  } else {
    elementLocale.value = elementZh;
  }
  i18n.global.locale.value = locale;
  globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
}

/** The language chosen on an earlier visit. */
export function savedLocale(): Locale {
  return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
}

/** The current language as the server and the chart builders name it (reactive inside computed). */
export function contentLang(): 'zh' | 'en' {
  return i18n.global.locale.value === 'en' ? 'en' : 'zh';
}

/** Picks the message of a bilingual pair (API errors, catalog names) in the current language. */
export function pick(zh: string, en: string | undefined): string {
  return i18n.global.locale.value === 'en' && en ? en : zh;
}

/** A schema record's own label in the current language: target scopes and field types name themselves there. */
export function labelOf(rules: { labelZh: string; labelEn: string }): string {
  return pick(rules.labelZh, rules.labelEn);
}

/** Words the schema gives in both languages (progress statuses, notes), in the current language. */
export function localized(words: { zh: string; en: string }): string {
  return pick(words.zh, words.en);
}

/** A recorded value's words from a schema record; null for any other value (audit entries hold plain strings). */
export function wordsOf(record: Readonly<Record<string, { zh: string; en: string }>>, value: unknown): string | null {
  return typeof value === 'string' && Object.hasOwn(record, value) ? localized(record[value]!) : null;
}
