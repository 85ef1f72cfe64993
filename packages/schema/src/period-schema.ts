import * as z from 'zod';
import { MAX_YEAR, MIN_YEAR, parsePeriod, PERIOD_KINDS } from './period.js';

export const PeriodKind = z.enum(PERIOD_KINDS).meta({ label: '报告周期', labelEn: 'Period type' });
export type PeriodKind = z.infer<typeof PeriodKind>;

/** A period code such as `2024Q3`, validated. */
export const Period = z
  .string()
  .refine((s) => parsePeriod(s) !== null, {
    error: 'period must look like 2024, 2024S1, 2024Q3 or 2024-07 (years 1949–2100)',
  })
  .meta({ label: '期间', labelEn: 'Period' });
export type Period = z.infer<typeof Period>;

/** A plan's period in whole years, e.g. 2021–2025. */
export const PlanPeriod = z
  .object({
    start: z.int().min(MIN_YEAR).max(MAX_YEAR).meta({ label: '起始年', labelEn: 'Start year' }),
    end: z.int().min(MIN_YEAR).max(MAX_YEAR).meta({ label: '结束年', labelEn: 'End year' }),
  })
  .refine((p) => p.end >= p.start, { error: 'end year before start year', path: ['end'] });
export type PlanPeriod = z.infer<typeof PlanPeriod>;
