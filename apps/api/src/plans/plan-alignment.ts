import {
  ALIGNMENT_RELATIONS,
  alignTargets,
  chooseParentPlan,
  planForTerm,
  rollUp,
  sharedYears,
  type AlignmentRelation,
  type CandidatePlan,
  type PlanAlignment,
  type PlanRef,
} from '@kesu/analytics';
import { regionsAbove, type Localized, type PlanRecord, type Region } from '@kesu/schema';
import { plansInRegions } from '@kesu/store';
import type { AppContext } from '../context.js';
import { Failure } from '../http/failure.js';

/** What is aligned: a stored plan, or a draft not stored yet (its id empty). */
export type AlignedRecord = Pick<PlanRecord, 'id' | 'title' | 'regionCode' | 'plan'>;

/** The region's ancestors, nearest first (none for a code the registry does not know). */
function ancestorsOf(ctx: AppContext, code: string): Region[] {
  const region = ctx.regions.get(code);
  return region ? regionsAbove(ctx.regions, region) : [];
}

const candidate = (r: AlignedRecord): CandidatePlan => ({
  id: r.id,
  regionCode: r.regionCode ?? '',
  title: r.title,
  period: r.plan.period,
  draft: r.plan.draft,
});

function refOf(ctx: AppContext, r: AlignedRecord): PlanRef {
  const code = r.regionCode ?? '';
  return {
    id: r.id,
    title: r.title,
    regionCode: code,
    regionName: ctx.regions.get(code)?.name ?? r.plan.region.name,
    period: r.plan.period,
    draft: r.plan.draft,
  };
}

const names = (regions: readonly Region[]) => regions.map((r) => r.name).join('、');

/**
 * The parent plan: the one asked for (which must belong to an ancestor region), else the nearest
 * ancestor's for the term.
 */
function pickParent(
  ctx: AppContext,
  record: AlignedRecord,
  ancestors: Region[],
  stored: PlanRecord[],
  asked: string | null,
): PlanRecord {
  const region = ctx.regions.get(record.regionCode ?? '') as Region;
  if (asked !== null) {
    const named = stored.find((p) => p.id === asked);
    if (named) return named;
    throw new Failure(
      400,
      'not_an_ancestor',
      `所指定的上级方案不是${region.name}上级地区（${names(ancestors)}）的方案`,
      `the parent plan named is not a plan of a region above ${region.name} (${names(ancestors)})`,
      [
        {
          path: 'parent',
          code: 'not_an_ancestor',
          message: '请选择上级地区的方案',
          messageEn: 'choose a plan of a region above',
        },
      ],
    );
  }
  const choice = chooseParentPlan(
    record.plan.period,
    ancestors.map((a) => a.code),
    stored.map(candidate),
  );
  if (choice.kind === 'found') return stored.find((p) => p.id === choice.plan.id) as PlanRecord;
  const term = `${record.plan.period.start}—${record.plan.period.end}`;
  if (choice.kind === 'none') {
    const above = ancestors.length > 0 ? `上级地区（${names(ancestors)}）` : '上级地区';
    throw new Failure(
      404,
      'no_parent_plan',
      `${region.name}的${above}尚无与其规划期（${term}年）同期的已导入实施方案，无法对照`,
      `no region above ${region.name}${ancestors.length > 0 ? ` (${names(ancestors)})` : ''} ` +
        `has an imported plan for its term (${term.replace('—', '–')}), so there is nothing to align with`,
    );
  }
  const at = ctx.regions.get(choice.regionCode)?.name ?? choice.regionCode;
  throw new Failure(
    409,
    'ambiguous_parent',
    `${at}有 ${choice.candidates.length} 个同样可作上级的同期方案，请用 parent 指定其一`,
    `${at} has ${choice.candidates.length} plans that could equally be the parent; name one with parent`,
    choice.candidates.map((c) => ({
      path: 'parent',
      code: 'ambiguous_parent',
      message: `${c.title}（${c.id}）`,
      messageEn: `${c.title} (${c.id})`,
    })),
  );
}

/** The plans of the regions directly under the parent's, one per region, for the roll-up. */
async function childPlans(
  ctx: AppContext,
  parent: PlanRecord,
): Promise<{ children: Parameters<typeof rollUp>[1]; regions: number }> {
  const regions = [...ctx.regions.values()].filter((r) => r.parent === parent.regionCode);
  const stored = await ctx.store.reads.read((conn) =>
    plansInRegions(
      conn,
      regions.map((r) => r.code),
    ),
  );
  const children = regions.flatMap((region) => {
    const mine = stored.filter((p) => p.regionCode === region.code);
    const { best } = planForTerm(parent.plan.period, mine.map(candidate));
    const plan = mine.find((p) => p.id === best?.id);
    return plan ? [{ plan: plan.plan, level: region.level, regionCode: region.code, regionName: region.name }] : [];
  });
  return { children, regions: regions.length };
}

function summaryOf(counts: Record<AlignmentRelation, number>, parent: PlanRef): Localized {
  const compared = counts.same + counts.stricter + counts.looser + counts.share;
  if (compared === 0) {
    return {
      zh: `上级方案「${parent.title}」没有可与本方案对照的目标（同一指标、同一单位）`,
      en: `the parent plan "${parent.title}" has no target comparable with this plan's (same indicator and unit)`,
    };
  }
  return {
    zh:
      `可对照 ${compared} 对：高于上级 ${counts.stricter}，与上级一致 ${counts.same}，` +
      `低于上级 ${counts.looser}，分担上级总量 ${counts.share}；口径不同 ${counts.different_scope}，` +
      `本级新增 ${counts.local_only}，上级有、本级无 ${counts.parent_only}`,
    en:
      `${compared} comparable pair(s): ${counts.stricter} stricter, ${counts.same} the same, ` +
      `${counts.looser} looser, ${counts.share} shares of the parent's total; ` +
      `${counts.different_scope} of different scope, ${counts.local_only} only here, ` +
      `${counts.parent_only} only in the parent`,
  };
}

/**
 * The plans that may stand as a plan's parent: those of every region above it for an overlapping
 * term, nearest first.
 */
export async function parentCandidates(ctx: AppContext, record: PlanRecord): Promise<PlanRef[]> {
  const ancestors = record.regionCode === null ? [] : ancestorsOf(ctx, record.regionCode);
  const stored = await ctx.store.reads.read((conn) =>
    plansInRegions(
      conn,
      ancestors.map((a) => a.code),
    ),
  );
  return ancestors.flatMap((a) =>
    stored
      .filter((p) => p.regionCode === a.code && sharedYears(p.plan.period, record.plan.period) > 0)
      .map((p) => refOf(ctx, p)),
  );
}

/**
 * A plan set against its parent plan: every target paired by indicator and breakdown with its
 * relation in words, and the parent's counted targets summed over the regions under it.
 */
export async function alignPlan(
  ctx: AppContext,
  record: AlignedRecord,
  parentId: string | null,
): Promise<PlanAlignment> {
  const region = record.regionCode === null ? undefined : ctx.regions.get(record.regionCode);
  if (!region) {
    throw new Failure(
      400,
      'no_region',
      '方案没有确定所属行政区划，无法查找上级方案',
      'the plan has no known region, so it has no parent plan to find',
      [
        {
          path: 'plan.region.code',
          code: 'no_region',
          message: '请先在方案审核中填写行政区划代码',
          messageEn: 'set the region code in the plan review first',
        },
      ],
    );
  }
  const ancestors = ancestorsOf(ctx, region.code);
  const stored = await ctx.store.reads.read((conn) =>
    plansInRegions(
      conn,
      ancestors.map((a) => a.code),
    ),
  );
  const parent = pickParent(ctx, record, ancestors, stored, parentId);
  const parentLevel = ctx.regions.get(parent.regionCode ?? '')?.level ?? parent.plan.region.level;
  const aligned = alignTargets(
    { plan: record.plan, level: region.level },
    { plan: parent.plan, level: parentLevel },
    ctx.registry.indicators,
  );
  const { children, regions } = await childPlans(ctx, parent);
  const rollUps = new Map(
    rollUp({ plan: parent.plan, level: parentLevel }, children, regions, ctx.registry.indicators).map((r) => [
      r.parentIndex,
      r,
    ]),
  );
  const counts = Object.fromEntries(
    ALIGNMENT_RELATIONS.map((r) => [r, aligned.pairs.filter((p) => p.relation === r).length]),
  ) as Record<AlignmentRelation, number>;
  const parentRef = refOf(ctx, parent);
  return {
    plan: refOf(ctx, record),
    parent: parentRef,
    chosenBy: parentId === null ? 'nearest' : 'asked',
    pairs: aligned.pairs.map((p) => ({
      ...p,
      rollUp: p.parentTarget ? (rollUps.get(p.parentTarget.index) ?? null) : null,
    })),
    unmatched: aligned.unmatched,
    counts,
    summary: summaryOf(counts, parentRef),
  };
}
