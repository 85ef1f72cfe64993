import type {
  AlignedPair,
  IndicatorCatalog,
  Localized,
  Plan,
  RegionLevel,
  TargetRef,
  UnmatchedTarget,
} from '@kesu/schema';
import { compareTargets, type Side } from './relations.js';
import { readTargets, type ReadTarget } from './target-measure.js';

export interface PlanSide {
  plan: Plan;
  level: RegionLevel;
}

export interface TargetAlignment {
  pairs: AlignedPair[];
  unmatched: UnmatchedTarget[];
}

export function targetRef(read: ReadTarget): TargetRef {
  const { text, metric, scope, comparator, value, valueMax, unit, perUnit, deadline, indicator } = read.target;
  return {
    index: read.index,
    text,
    metric,
    scope,
    comparator,
    value,
    valueMax,
    unit,
    perUnit,
    deadline,
    indicator,
    breakdown: read.breakdown,
  };
}

const sameBreakdown = (a: ReadTarget, b: ReadTarget) => a.breakdown.join('&') === b.breakdown.join('&');
// A local count of one group is a part of the parent's count of everyone (培训农民 within 培训); a
// local count of everyone is not a part of the parent's count of one group.
const withinParentTotal = (_local: ReadTarget, parent: ReadTarget) => parent.breakdown.length === 0;

const BREAKDOWN_NOTE: Localized = {
  zh: '（本级为其中一部分人群，上级不分组）',
  en: ' (this plan counts one group, the parent everyone)',
};

/** A target of the other plan measuring the same indicator in another unit. */
const inOtherUnit = (read: ReadTarget, others: readonly ReadTarget[]) =>
  others.find((o) => o.kind !== null && o.target.indicator === read.target.indicator && o.unit !== read.unit);

function unitDiffers(side: UnmatchedTarget['side'], read: ReadTarget, other: ReadTarget): UnmatchedTarget {
  const [here, there] = [read.target.unit ?? '—', other.target.unit ?? '—'];
  const [zhSelf, zhOther, enSelf, enOther] =
    side === 'plan' ? ['本级', '上级', 'this plan', 'the parent'] : ['上级', '本级', 'the parent', 'this plan'];
  return {
    side,
    target: targetRef(read),
    reason: 'unit_differs',
    note: {
      zh: `${zhSelf}以「${here}」计，${zhOther}同一指标以「${there}」计，单位不同，不作比较`,
      en:
        `${enSelf} counts it in ${here}, ${enOther} counts the same indicator in ${there}: ` +
        'different units, not compared',
    },
  };
}

/**
 * Pairs a plan's targets with its parent plan's: by indicator and the same breakdown first, then
 * by indicator where the parent's counts everyone; never across units (人 and 人次 stay apart).
 * Among several candidates the one whose scope compares is taken, the first printed on a tie.
 * A parent goal already met by one target also meets another of the same measure and breakdown.
 */
export function alignTargets(local: PlanSide, parent: PlanSide, catalog: IndicatorCatalog): TargetAlignment {
  const own = readTargets(local.plan, catalog);
  const above = readTargets(parent.plan, catalog);
  const unmatched: UnmatchedTarget[] = [];
  const noIndicator = (side: UnmatchedTarget['side']) => (read: ReadTarget) =>
    unmatched.push({
      side,
      target: targetRef(read),
      reason: 'no_indicator',
      note: {
        zh: '没有对应的目录指标，无法与另一方案对照',
        en: 'no catalog indicator measures it, so it cannot be set against the other plan',
      },
    });
  own.filter((r) => r.kind === null).forEach(noIndicator('plan'));
  above.filter((r) => r.kind === null).forEach(noIndicator('parent'));

  const free = new Set(above.filter((r) => r.kind !== null));
  const side = (read: ReadTarget, of: PlanSide): Side => ({ read, period: of.plan.period, level: of.level });
  const paired = new Map<ReadTarget, { parent: ReadTarget; loose: boolean }>();
  const pick = (read: ReadTarget, fits: (p: ReadTarget) => boolean): ReadTarget | undefined => {
    const candidates = [...free].filter(
      (p) => p.target.indicator === read.target.indicator && p.unit === read.unit && fits(p),
    );
    const rank = (p: ReadTarget) =>
      (p.measure === read.measure ? 2 : 0) +
      (compareTargets(side(read, local), side(p, parent)).relation === 'different_scope' ? 0 : 1);
    return candidates.sort((a, b) => rank(b) - rank(a) || a.index - b.index)[0];
  };
  const indicated = own.filter((r) => r.kind !== null);
  for (const [fits, loose] of [
    [sameBreakdown, false],
    [withinParentTotal, true],
  ] as const) {
    for (const read of indicated.filter((r) => !paired.has(r))) {
      const match = pick(read, (p) => fits(read, p));
      if (!match) continue;
      paired.set(read, { parent: match, loose });
      free.delete(match);
    }
  }

  // A second goal of the same measure (a 力争 value, a 2035 goal) is set against the parent goal the first one met.
  const taken = [...new Set([...paired.values()].map((m) => m.parent))];
  for (const read of indicated.filter((r) => !paired.has(r))) {
    const again = taken.find(
      (p) =>
        p.target.indicator === read.target.indicator &&
        p.unit === read.unit &&
        p.measure === read.measure &&
        sameBreakdown(read, p),
    );
    if (again) paired.set(read, { parent: again, loose: false });
  }

  const pairs: AlignedPair[] = [];
  for (const read of indicated) {
    const match = paired.get(read);
    if (match) {
      const c = compareTargets(side(read, local), side(match.parent, parent));
      const note =
        match.loose && !sameBreakdown(read, match.parent)
          ? { zh: c.note.zh + BREAKDOWN_NOTE.zh, en: c.note.en + BREAKDOWN_NOTE.en }
          : c.note;
      pairs.push({
        target: targetRef(read),
        parentTarget: targetRef(match.parent),
        relation: c.relation,
        note,
        amount: c.amount,
        parentAmount: c.parentAmount,
      });
      continue;
    }
    const otherUnit = inOtherUnit(read, above);
    if (otherUnit) {
      unmatched.push(unitDiffers('plan', read, otherUnit));
      continue;
    }
    pairs.push({
      target: targetRef(read),
      parentTarget: null,
      relation: 'local_only',
      note: { zh: '上级方案没有这一指标的目标', en: 'the parent plan sets no target for this indicator' },
      amount: read.target.value,
      parentAmount: null,
    });
  }
  for (const p of [...free].sort((a, b) => a.index - b.index)) {
    const otherUnit = inOtherUnit(p, indicated);
    if (otherUnit) {
      unmatched.push(unitDiffers('parent', p, otherUnit));
      continue;
    }
    pairs.push({
      target: null,
      parentTarget: targetRef(p),
      relation: 'parent_only',
      note: { zh: '本级方案没有这一指标的目标', en: 'this plan sets no target for this indicator' },
      amount: null,
      parentAmount: p.target.value,
    });
  }
  return { pairs, unmatched };
}
