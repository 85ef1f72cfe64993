/** The two languages every text of the product is written in. */
export type Lang = 'zh' | 'en';
