import * as z from 'zod';

/** A text in Simplified Chinese with its English rendering. */
export const Localized = z.object({
  zh: z.string().min(1),
  en: z.string().min(1),
});
export type Localized = z.infer<typeof Localized>;
