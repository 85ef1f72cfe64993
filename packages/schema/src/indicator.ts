import * as z from 'zod';

export const IndicatorCode = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,63}$/)
  .meta({ label: '指标代码', labelEn: 'Indicator code' });
export type IndicatorCode = z.infer<typeof IndicatorCode>;

export const INDICATOR_KINDS = ['flow', 'stock', 'rate'] as const;
export const IndicatorKind = z.enum(INDICATOR_KINDS).meta({ label: '指标类型', labelEn: 'Kind' });
export type IndicatorKind = z.infer<typeof IndicatorKind>;

/** How values of each kind combine over time and across regions. */
export interface IndicatorKindRules {
  labelZh: string;
  labelEn: string;
  /** Several periods into one: flows add up, stocks and rates keep the latest value. */
  overTime: 'sum' | 'latest';
  /** Several regions into their parent: a rate is never summed. */
  acrossRegions: 'sum' | 'none';
}

export const indicatorKinds: Record<IndicatorKind, IndicatorKindRules> = {
  flow: { labelZh: '流量', labelEn: 'Flow', overTime: 'sum', acrossRegions: 'sum' },
  stock: { labelZh: '存量', labelEn: 'Stock', overTime: 'latest', acrossRegions: 'sum' },
  rate: { labelZh: '比率', labelEn: 'Rate', overTime: 'latest', acrossRegions: 'none' },
};

export const DisaggregationValue = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/),
  nameZh: z.string().min(1),
  nameEn: z.string().min(1),
  keywords: z.array(z.string().min(1)).optional(),
});
export type DisaggregationValue = z.infer<typeof DisaggregationValue>;

/** A dimension an indicator may be broken down by, e.g. target group or level. */
export const Disaggregation = z.object({
  nameZh: z.string().min(1),
  nameEn: z.string().min(1),
  values: z.array(DisaggregationValue).min(1),
});
export type Disaggregation = z.infer<typeof Disaggregation>;

export const Indicator = z.object({
  code: IndicatorCode,
  nameZh: z.string().min(1).meta({ label: '中文名称', labelEn: 'Chinese name' }),
  nameEn: z.string().min(1).meta({ label: '英文名称', labelEn: 'English name' }),
  unit: z.string().min(1).max(10).meta({ label: '计量单位', labelEn: 'Unit' }),
  kind: IndicatorKind,
  family: z.string().regex(/^[a-z][a-z_]*$/),
  familyZh: z.string().min(1),
  disaggregations: z.array(z.string()),
  keywords: z.array(z.string().min(1)),
  descriptionZh: z.string(),
  descriptionEn: z.string(),
});
export type Indicator = z.infer<typeof Indicator>;

/** The indicator catalog kept in `seeds/indicators.json`; codes are unique. */
export const IndicatorCatalog = z
  .object({
    disaggregations: z.record(z.string(), Disaggregation),
    indicators: z.array(Indicator).min(1),
  })
  .superRefine((catalog, ctx) => {
    const seen = new Set<string>();
    catalog.indicators.forEach((indicator, i) => {
      if (seen.has(indicator.code)) {
        ctx.addIssue({ code: 'custom', path: ['indicators', i, 'code'], message: `duplicate code ${indicator.code}` });
      }
      seen.add(indicator.code);
      indicator.disaggregations.forEach((d, j) => {
        if (!(d in catalog.disaggregations)) {
          ctx.addIssue({
            code: 'custom',
            path: ['indicators', i, 'disaggregations', j],
            message: `unknown disaggregation ${d}`,
          });
        }
      });
    });
  });
export type IndicatorCatalog = z.infer<typeof IndicatorCatalog>;

/**
 * The breakdown values of an indicator a target's words name, in the order printed: 培训农牧民7万人次
 * names the target group 农民. A value is named by its keywords or its own name; where two overlap
 * (新生代农民工, 农民) the longer one wins.
 * @example breakdownOf(catalog, trainings, '开展“百嘎丽智惠科普大讲堂”等妇女、儿童科学素质培训5场次') // [妇女, 儿童]
 */
export function breakdownOf(catalog: IndicatorCatalog, indicator: Indicator, text: string): DisaggregationValue[] {
  const found: Array<{ value: DisaggregationValue; start: number; end: number }> = [];
  const words = indicator.disaggregations
    .flatMap((d) => catalog.disaggregations[d]?.values ?? [])
    .flatMap((value) => [value.nameZh, ...(value.keywords ?? [])].map((word) => ({ value, word })))
    .sort((a, b) => b.word.length - a.word.length);
  for (const { value, word } of words) {
    for (let start = text.indexOf(word); start >= 0; start = text.indexOf(word, start + 1)) {
      const end = start + word.length;
      if (!found.some((f) => f.start < end && start < f.end)) found.push({ value, start, end });
    }
  }
  const ordered = found.sort((a, b) => a.start - b.start).map((f) => f.value);
  return ordered.filter((value, i) => ordered.indexOf(value) === i);
}
