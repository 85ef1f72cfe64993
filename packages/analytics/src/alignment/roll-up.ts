import { formatQuantity, targetScopes, type IndicatorCatalog, type Localized, type RollUp } from '@kesu/schema';
import { alignTargets, type PlanSide } from './pair-targets.js';
import { COUNTED, readTargets, termYears, type ReadTarget } from './target-measure.js';

/** A region directly under the parent plan's region, with the plan it has for the parent's term. */
export interface ChildPlan extends PlanSide {
  regionCode: string;
  regionName: string;
}

const NOT_SUMMED: Localized = {
  zh: '比率、按单元目标和节点任务不能相加，不作下级合计',
  en: 'rates, per-unit targets and milestones do not add up, so the children are not summed',
};

/** The parent target's total over its term (a yearly target times the years). */
function parentTotal(read: ReadTarget, years: number): number {
  return targetScopes[read.target.scope].pace === 'each_year' ? read.target.value * years : read.target.value;
}

function verdictOf(sum: number, total: number, committing: number, children: number): RollUp['verdict'] {
  if (sum >= total) return 'covered';
  return committing >= children ? 'short' : 'incomplete';
}

function noteOf(
  verdict: RollUp['verdict'],
  sum: number,
  total: number,
  unit: string | null,
  committing: number,
  children: number,
): Localized {
  const q = (n: number, lang: 'zh' | 'en') => formatQuantity(n, unit, { lang });
  const gap = total - sum;
  if (verdict === 'covered')
    return {
      zh: `${committing} 个下级地区合计 ${q(sum, 'zh')}，达到上级 ${q(total, 'zh')}`,
      en: `${committing} regions below commit ${q(sum, 'en')} together, as much as the parent's ${q(total, 'en')}`,
    };
  if (verdict === 'short')
    return {
      zh: `全部 ${children} 个下级地区合计 ${q(sum, 'zh')}，比上级 ${q(total, 'zh')} 少 ${q(gap, 'zh')}`,
      en:
        `all ${children} regions below commit ${q(sum, 'en')} together, ` +
        `${q(gap, 'en')} short of the parent's ${q(total, 'en')}`,
    };
  return {
    zh:
      `${children} 个下级地区中 ${committing} 个有对应目标，合计 ${q(sum, 'zh')}，` +
      `比上级 ${q(total, 'zh')} 少 ${q(gap, 'zh')}；其余 ${children - committing} 个未导入方案或没有这一目标`,
    en:
      `${committing} of ${children} regions below set such a target, ${q(sum, 'en')} together, ` +
      `${q(gap, 'en')} short of the parent's ${q(total, 'en')}; ` +
      `the other ${children - committing} have no plan or no such target`,
  };
}

/**
 * The sum of the children's commitments against each counted target of the parent plan, over
 * the parent's term: flows and stocks add up across regions, rates never do.
 */
export function rollUp(
  parent: PlanSide,
  children: readonly ChildPlan[],
  childRegions: number,
  catalog: IndicatorCatalog,
): RollUp[] {
  const alignments = children.map((child) => ({ child, pairs: alignTargets(child, parent, catalog).pairs }));
  const years = termYears(parent.plan.period);
  return readTargets(parent.plan, catalog)
    .filter((read) => read.measure !== null)
    .map((read): RollUp => {
      const base = { parentIndex: read.index, children: childRegions };
      if (!COUNTED.has(read.measure!))
        return { ...base, verdict: 'not_summed', committing: [], sum: null, parentAmount: null, note: NOT_SUMMED };
      const committing = alignments.flatMap(({ child, pairs }) =>
        pairs
          .filter((p) => p.relation === 'share' && p.parentTarget?.index === read.index && p.amount !== null)
          .map((p) => ({ regionCode: child.regionCode, regionName: child.regionName, amount: p.amount as number })),
      );
      const sum = committing.reduce((s, c) => s + c.amount, 0);
      const total = parentTotal(read, years);
      const verdict = verdictOf(sum, total, committing.length, childRegions);
      return {
        ...base,
        verdict,
        committing,
        sum,
        parentAmount: total,
        note: noteOf(verdict, sum, total, read.target.unit, committing.length, childRegions),
      };
    });
}
