import * as z from 'zod';
import { Comparator } from './comparator.js';
import { formatQuantity, formatRange } from './format/numbers.js';
import type { Lang } from './format/lang.js';
import { IndicatorCode } from './indicator.js';
import { ProgressStatus } from './progress-status.js';

export { COMPARATORS, Comparator } from './comparator.js';

/** Character offsets into the normalised source text: `start` inclusive, `end` exclusive. */
export const Span = z
  .object({ start: z.int().min(0), end: z.int().min(0) })
  .refine((s) => s.end >= s.start, { error: 'span end before start', path: ['end'] });
export type Span = z.infer<typeof Span>;

export const TARGET_SCOPES = ['annual', 'cumulative', 'point_in_time', 'per_unit', 'milestone'] as const;
export type TargetScope = (typeof TARGET_SCOPES)[number];

const Year = z.int().min(1949).max(2100);

/**
 * Where a target carried over from the plan of the previous term stood when that term ended: the
 * old target, its final actual (the new term's baseline) and the final verdict.
 */
export const PreviousTerm = z.object({
  text: z.string().min(1).max(500).meta({ label: '上期目标', labelEn: 'Previous target' }),
  scope: z.enum(TARGET_SCOPES),
  comparator: Comparator,
  value: z.number().finite().min(0),
  valueMax: z.number().finite().min(0).nullable(),
  unit: z.string().min(1).max(12).nullable(),
  perUnit: z.string().min(1).max(20).nullable(),
  deadline: Year.nullable(),
  actual: z
    .number()
    .finite()
    .nullable()
    .meta({ label: '上期终期实际值（基线）', labelEn: 'Final actual (the baseline)' }),
  /** The year the final verdict is for: the previous plan's last year. */
  year: Year,
  status: ProgressStatus,
});
export type PreviousTerm = z.infer<typeof PreviousTerm>;

/** Fields every target carries whatever its scope. */
const targetBase = {
  text: z.string().min(1).max(500).meta({ label: '原文', labelEn: 'Source text' }),
  metric: z.string().min(1).max(120).meta({ label: '计量内容', labelEn: 'What is counted' }),
  value: z.number().finite().min(0).meta({ label: '目标值', labelEn: 'Target value' }),
  valueMax: z.number().finite().min(0).nullable().meta({ label: '目标上限', labelEn: 'Upper value' }),
  unit: z.string().min(1).max(12).meta({ label: '单位', labelEn: 'Unit' }),
  comparator: Comparator,
  perUnit: z.null(),
  deadline: Year.nullable().meta({ label: '完成年份', labelEn: 'Deadline year' }),
  section: z.int().min(0).nullable(),
  task: z.string().min(1).max(12).nullable(),
  leadUnits: z.array(z.string().min(1)).meta({ label: '牵头单位', labelEn: 'Lead units' }),
  /** Units sharing the target; absent in plans saved before targets had their own. */
  responsibleUnits: z
    .array(z.string().min(1).max(120))
    .optional()
    .meta({ label: '责任单位', labelEn: 'Responsible units' }),
  indicator: IndicatorCode.nullable(),
  span: Span,
  /** Where the text states the same target again (a news lead, the plan body, a 解读); absent when it does not. */
  restatedAt: z.array(Span).optional(),
  /** Present on a target carried over into a next-term draft. */
  previous: PreviousTerm.optional(),
};

/**
 * A quantitative target, discriminated on `scope`. Each scope states what it needs:
 * a per-unit target names its unit of count, a milestone may have no unit.
 */
export const Target = z
  .discriminatedUnion('scope', [
    z.object({ ...targetBase, scope: z.literal('annual') }),
    z.object({ ...targetBase, scope: z.literal('cumulative') }),
    z.object({ ...targetBase, scope: z.literal('point_in_time') }),
    z.object({
      ...targetBase,
      scope: z.literal('per_unit'),
      perUnit: z.string().min(1).max(20).meta({ label: '计量单元', labelEn: 'Per unit' }),
    }),
    z.object({ ...targetBase, scope: z.literal('milestone'), unit: targetBase.unit.nullable() }),
  ])
  .refine((t) => t.valueMax === null || t.valueMax >= t.value, {
    error: 'range upper value below its lower value',
    path: ['valueMax'],
  });
export type Target = z.infer<typeof Target>;

/**
 * A goal set beyond the plan's term (到2035年…达到25%): kept with the plan and shown to its
 * reviewers, but asked for by no reporting form of the term.
 */
export function isLongRange(target: Pick<Target, 'deadline'>, period: { end: number }): boolean {
  return target.deadline !== null && target.deadline > period.end;
}

/**
 * How the values of one period combine into a region's value, from its units and its sub-regions:
 * - flow: what happened in the period (trainings held), summed;
 * - stock: a level (volunteers registered), summed over units each at its latest value by then;
 * - rate: a share or a per-unit measure, averaged over units at their latest value, never summed;
 * - milestone: done when any unit says so.
 */
export const COMBINES = ['flow', 'stock', 'rate', 'milestone'] as const;
export type Combine = (typeof COMBINES)[number];

/**
 * What each scope means and how its target behaves, one entry per scope. Every place that treats
 * scopes differently reads these traits, so a new scope is one entry here and one progress rule.
 */
export interface TargetScopeRules {
  labelZh: string;
  labelEn: string;
  /** The actual that is compared with the target value. */
  actualZh: string;
  actualEn: string;
  /**
   * What the actual is: an amount in the target's unit, the share (%) of the units of count meeting
   * the target (the target names that unit: 每校), or done (1) / not done (0). A per-unit target needs its
   * unit of count; a done target may have no unit.
   */
  actual: 'amount' | 'share_of_units' | 'done';
  /** Which of a region's values a verdict as of a date reads: that year's, all since the plan start, or the latest. */
  reads: 'year' | 'term' | 'latest';
  /** How its amounts combine across units and regions (an amount in `%` is always a rate, see `combineOf`). */
  combine: Combine;
  /** How its value spreads over the term: the same every year, once over the whole term, or a level to reach. */
  pace: 'each_year' | 'over_term' | 'level';
}

export const targetScopes: Record<TargetScope, TargetScopeRules> = {
  annual: {
    labelZh: '每年',
    labelEn: 'Annual',
    actualZh: '当年累计值',
    actualEn: "the year's total",
    actual: 'amount',
    reads: 'year',
    combine: 'flow',
    pace: 'each_year',
  },
  cumulative: {
    labelZh: '规划期累计',
    labelEn: 'Cumulative',
    actualZh: '规划期起累计值，对照按时间进度的预期值',
    actualEn: 'total since the plan start, against the expected pace',
    actual: 'amount',
    reads: 'term',
    combine: 'flow',
    pace: 'over_term',
  },
  point_in_time: {
    labelZh: '时点值',
    labelEn: 'Point in time',
    actualZh: '最新报告值',
    actualEn: 'the latest reported value',
    actual: 'amount',
    reads: 'latest',
    combine: 'stock',
    pace: 'level',
  },
  per_unit: {
    labelZh: '按单元',
    labelEn: 'Per unit',
    actualZh: '达标单元占比',
    actualEn: 'share of units meeting it',
    actual: 'share_of_units',
    reads: 'latest',
    combine: 'rate',
    pace: 'level',
  },
  milestone: {
    labelZh: '节点任务',
    labelEn: 'Milestone',
    actualZh: '截止年底前是否完成',
    actualEn: 'done by the end of the deadline year',
    actual: 'done',
    reads: 'latest',
    combine: 'milestone',
    pace: 'level',
  },
};

/** The scopes whose rules have a trait, e.g. `scopesWhere((r) => r.actual === 'share_of_units')`. */
export function scopesWhere(test: (rules: TargetScopeRules) => boolean): TargetScope[] {
  return TARGET_SCOPES.filter((scope) => test(targetScopes[scope]));
}

/** How a target's values combine: its scope's way, except that an amount in `%` is a rate. */
export function combineOf(scope: TargetScope, unit: string | null): Combine {
  const { combine, actual } = targetScopes[scope];
  return actual === 'amount' && unit === '%' ? 'rate' : combine;
}

/**
 * A target moved to another scope, in that scope's shape: a per-unit target names its unit of count
 * (kept if it had one), others have none; a done-or-not target may have no unit, the others keep one.
 */
export function withScope(t: Target, scope: TargetScope): Target {
  const { actual } = targetScopes[scope];
  const perUnit = actual === 'share_of_units' ? (t.perUnit ?? '') : null;
  const unit = actual === 'done' ? t.unit : (t.unit ?? '');
  return { ...t, scope, perUnit, unit } as Target;
}

/**
 * The unit a target's actual and expected amounts are counted in: a per-unit target is judged on
 * the share of units meeting it, so in %; every other one in its own unit.
 * @example actualUnitOf({ scope: 'per_unit', unit: '名' }) // '%'
 */
export function actualUnitOf(t: { scope: TargetScope; unit: string | null }): string | null {
  return targetScopes[t.scope].actual === 'share_of_units' ? '%' : t.unit;
}

const COMPARATOR_WORDS: Record<Comparator, { zh: string; en: string }> = {
  '>=': { zh: '不少于', en: 'at least' },
  '>': { zh: '超过', en: 'more than' },
  '~': { zh: '约', en: 'about' },
  '=': { zh: '', en: '' },
};

/**
 * A short reading of a target in both languages, for help texts and tooltips: the amount and
 * its unit written as the number formatter writes them.
 * @example describeTarget(t).zh // '每年 不少于 2,000名'
 */
export function describeTarget(
  t: Pick<Target, 'scope' | 'comparator' | 'value' | 'valueMax' | 'unit' | 'perUnit' | 'deadline'>,
): { zh: string; en: string } {
  const rules = targetScopes[t.scope];
  const amount = (lang: Lang) =>
    t.valueMax === null
      ? formatQuantity(t.value, t.unit, { lang })
      : formatRange(t.value, t.valueMax, t.unit, { lang });
  const words = COMPARATOR_WORDS[t.comparator];
  const per = t.perUnit ?? '';
  const by = t.deadline === null ? '' : ` · ${t.deadline}`;
  const read = (label: string, word: string, lang: Lang) => [label, word, amount(lang)].filter(Boolean).join(' ') + by;
  return {
    zh: read(rules.labelZh + (per && `（${per}）`), words.zh, 'zh'),
    en: read(rules.labelEn + (per && ` (${per})`), words.en, 'en'),
  };
}

const DONE: Record<Lang, [string, string]> = { zh: ['已完成', '未完成'], en: ['done', 'not done'] };

/**
 * A target's actual in words, as its scope counts it: a per-unit target's is the share of units
 * meeting it, a milestone's is done (1) or not (0), any other is an amount in the target's unit.
 * @example describeActual({ scope: 'per_unit', unit: '名', actual: 95.9 }, 'zh') // '95.9%'
 */
export function describeActual(
  t: { scope: TargetScope; unit: string | null; actual: number | null },
  lang: Lang,
): string {
  if (t.actual === null) return '—';
  if (targetScopes[t.scope].actual === 'done') return DONE[lang][t.actual >= 1 ? 0 : 1];
  return formatQuantity(t.actual, actualUnitOf(t), { lang });
}
