import type { Localized } from '@kesu/schema';

export type Lang = 'zh' | 'en';

/** What an option builder needs besides its rows. */
export interface ChartContext {
  lang: Lang;
  /** A line under the title, e.g. the parent region and year (the caller knows them, the rows may not). */
  subtitle?: string;
}

/** The text in the chart's language. */
export function pick(text: Localized, lang: Lang): string {
  return text[lang];
}

/** Tooltips are HTML; region and department names come from data, so they are escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A number with thousands separators and at most `digits` decimals, as both languages write it. */
export function formatNumber(value: number, digits = 1): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: digits });
}

/** A share 0–1 as a percentage. */
export function formatShare(share: number): string {
  return `${formatNumber(share * 100, 0)}%`;
}
