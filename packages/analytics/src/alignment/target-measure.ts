import {
  breakdownOf,
  sameUnit,
  targetScopes,
  type IndicatorCatalog,
  type IndicatorKind,
  type Plan,
  type Target,
} from '@kesu/schema';

/**
 * How a target's amount can be set against another's:
 * - `level`: a rate or a share (%), compared value to value whatever the scope says;
 * - `per_unit`: so much per school, per village, per county;
 * - `milestone`: done by a deadline year;
 * - `flow_total`: a flow counted per year or over the term, compared as its total over the term;
 * - `stock_added`: what a stock gains per year or over the term (新增, 新建);
 * - `stock_level`: the level a stock reaches by a date (达到, 建成 … 个).
 */
export type Measure = 'level' | 'per_unit' | 'milestone' | 'flow_total' | 'stock_added' | 'stock_level';

/** The measures that count things, whose commitments add up across regions. */
export const COUNTED: ReadonlySet<Measure> = new Set(['flow_total', 'stock_added', 'stock_level']);

export function measureOf(target: Target, kind: IndicatorKind): Measure {
  const { actual, pace } = targetScopes[target.scope];
  switch (actual) {
    case 'done':
      return 'milestone';
    case 'share_of_units':
      return 'per_unit';
    case 'amount':
      if (kind === 'rate' || target.unit === '%') return 'level';
      if (kind === 'flow') return 'flow_total';
      return pace === 'level' ? 'stock_level' : 'stock_added';
    default:
      return actual satisfies never;
  }
}

/** A plan's target as the alignment reads it. */
export interface ReadTarget {
  index: number;
  target: Target;
  /** Null when no catalog indicator measures it (a plan-local indicator): such a target is never paired. */
  kind: IndicatorKind | null;
  /** The breakdown values its words name (target group, level …), sorted codes. */
  breakdown: string[];
  measure: Measure | null;
  unit: string | null;
}

/** Reads every target of a plan against the indicator catalog. */
export function readTargets(plan: Plan, catalog: IndicatorCatalog): ReadTarget[] {
  const indicators = new Map(catalog.indicators.map((i) => [i.code, i]));
  return plan.targets.map((target, index) => {
    const indicator = target.indicator === null ? undefined : indicators.get(target.indicator);
    if (!indicator) return { index, target, kind: null, breakdown: [], measure: null, unit: sameUnit(target.unit) };
    const breakdown = [...new Set(breakdownOf(catalog, indicator, target.text).map((v) => v.code))].sort();
    return {
      index,
      target,
      kind: indicator.kind,
      breakdown,
      measure: measureOf(target, indicator.kind),
      unit: sameUnit(target.unit),
    };
  });
}

/** The years of a plan's term, both ends counted. */
export function termYears(period: Plan['period']): number {
  return period.end - period.start + 1;
}
