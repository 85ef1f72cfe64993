import { formatNumber, formatQuantity, type Lang, type Localized } from '@kesu/schema';

export type { Lang } from '@kesu/schema';

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

/** A share 0–1 as a whole percentage. */
export function formatShare(share: number): string {
  return formatQuantity(share * 100, '%', { digits: 0 });
}

/** A value axis's tick labels as the language counts: 10万 / 100,000 (an axis has no room for every digit). */
export function amountAxisLabel(lang: Lang): { formatter: (value: number) => string } {
  return { formatter: (value: number) => formatNumber(value, { lang }) };
}
