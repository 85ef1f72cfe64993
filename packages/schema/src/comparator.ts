import * as z from 'zod';

/** How a target's amount is compared: at least, more than, about, exactly. */
export const COMPARATORS = ['>=', '>', '~', '='] as const;
export const Comparator = z.enum(COMPARATORS).meta({ label: '比较方式', labelEn: 'Comparator' });
export type Comparator = z.infer<typeof Comparator>;
