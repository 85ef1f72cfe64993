import { targetScopes, type Indicator, type Plan } from '@kesu/schema';
import type { Random } from './random.js';
import type { RegionProfile } from './region-profile.js';

/**
 * Where a region's reported values of one indicator should end up, all departments together:
 * a flow's amount per quarter, a stock's level by 2025, a rate's path from 2021 to 2025.
 */
export type Anchor =
  | { kind: 'flow'; perQuarter: number }
  | { kind: 'stock'; level: number }
  | { kind: 'rate'; start: number; end: number };

export const LITERACY = 'science_literacy_rate';

function anchorOf(
  target: Plan['targets'][number],
  indicator: Indicator,
  quarters: number,
  random: Random,
): Anchor | null {
  const { actual, pace } = targetScopes[target.scope];
  if (actual !== 'amount') return null;
  if (indicator.kind === 'rate') {
    // A rate lands a little either side of its target, from about 85 % of it.
    const end = target.value * random.between(0.93, 1.04);
    return { kind: 'rate', start: end * 0.85, end };
  }
  // Some regions do better than planned, some worse: that is what the progress views show.
  const performance = random.between(0.7, 1.3);
  if (indicator.kind === 'stock') return { kind: 'stock', level: target.value * performance };
  const perQuarter = pace === 'over_term' ? target.value / quarters : target.value / 4;
  return { kind: 'flow', perQuarter: perQuarter * performance };
}

function size(anchor: Anchor): number {
  return anchor.kind === 'flow' ? anchor.perQuarter : anchor.kind === 'stock' ? anchor.level : anchor.end;
}

/**
 * Anchors from a region's plan, so its departments report values of the size its targets ask
 * for (where that size is plausible for them: see `series.ts`). Where several targets count one
 * indicator the largest sets the size (the smaller ones are then met). The literacy rate follows
 * the region's own path, not its target.
 */
export function anchorsOf(
  plan: Plan,
  profile: RegionProfile,
  indicators: ReadonlyMap<string, Indicator>,
  random: Random,
): Map<string, Anchor> {
  const quarters = 4 * (plan.period.end - plan.period.start + 1);
  const anchors = new Map<string, Anchor>();
  for (const target of plan.targets) {
    const indicator = target.indicator ? indicators.get(target.indicator) : undefined;
    if (!indicator || indicator.code === LITERACY) continue;
    const anchor = anchorOf(target, indicator, quarters, random);
    const known = anchors.get(indicator.code);
    if (anchor && (!known || size(anchor) > size(known))) anchors.set(indicator.code, anchor);
  }
  const { baseline, rise } = profile.literacy;
  anchors.set(LITERACY, { kind: 'rate', start: baseline + rise, end: baseline + 5 * rise });
  return anchors;
}
