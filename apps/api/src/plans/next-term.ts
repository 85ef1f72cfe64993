import { finalVerdicts, sharedYears, type PlanAlignment } from '@kesu/analytics';
import { nextTerm, nextTermPlan, type FinalVerdict } from '@kesu/plans';
import { beijingYear, type NextTermDraft, type PlanRecord } from '@kesu/schema';
import { plansInRegions } from '@kesu/store';
import { warehouseReader } from '../analytics/warehouse-reader.js';
import type { AppContext } from '../context.js';
import { Failure } from '../http/failure.js';
import { alignPlan } from './plan-alignment.js';

const term = (p: { start: number; end: number }) => `${p.start}—${p.end}`;

/** Refuses a plan still running, and a region that already has a plan for the next term. */
async function checkEnded(ctx: AppContext, record: PlanRecord, now: Date): Promise<void> {
  const { period } = record.plan;
  if (period.end >= beijingYear(now)) {
    throw new Failure(
      409,
      'plan_not_ended',
      `方案规划期（${term(period)}年）至 ${period.end} 年底，尚未结束，不能起草下一期方案`,
      `the plan runs to the end of ${period.end}, so its next term cannot be drafted yet`,
    );
  }
  const next = nextTerm(period);
  const code = record.regionCode as string;
  const existing = (await ctx.store.reads.read((conn) => plansInRegions(conn, [code]))).find(
    (p) => sharedYears(p.plan.period, next) > 0,
  );
  if (existing) {
    throw new Failure(
      409,
      'next_term_exists',
      `本地区已有 ${term(next)} 年的方案「${existing.title}」，请在该方案上修订`,
      `the region already has a plan for ${term(next).replace('—', '–')}: "${existing.title}"; revise that one`,
      [
        {
          path: 'plan',
          code: 'next_term_exists',
          message: `${existing.title}（${existing.id}）`,
          messageEn: `${existing.title} (${existing.id})`,
        },
      ],
    );
  }
}

/**
 * The final verdict of each target by its position; one the warehouse numbers differently (a
 * revision since its build) has none.
 */
async function verdictsOf(ctx: AppContext, record: PlanRecord): Promise<Array<FinalVerdict | undefined>> {
  const found = await finalVerdicts(warehouseReader(ctx.analytics), record.id, record.plan.period.end);
  return record.plan.targets.map((t, i) => {
    const v = found.find((f) => f.number === i + 1 && f.metric === t.metric);
    return v && { actual: v.actual, status: v.status };
  });
}

/**
 * The draft plan for the term after an ended plan, each target carried over with its final actual
 * as the baseline, and the draft set against the parent region's new plan where one is imported.
 */
export async function draftNextTerm(ctx: AppContext, record: PlanRecord, now: Date): Promise<NextTermDraft> {
  if (record.regionCode === null || !ctx.regions.has(record.regionCode)) {
    throw new Failure(
      400,
      'no_region',
      '方案没有确定所属行政区划，无法起草下一期方案',
      'the plan has no known region, so no next-term plan can be drafted for it',
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
  await checkEnded(ctx, record, now);
  const { plan, text } = nextTermPlan(record.plan, await verdictsOf(ctx, record));
  return {
    plan,
    text,
    parent: await parentAlignment(ctx, { id: '', title: plan.title, regionCode: record.regionCode, plan }),
  };
}

async function parentAlignment(ctx: AppContext, draft: Parameters<typeof alignPlan>[1]): Promise<PlanAlignment | null> {
  try {
    return await alignPlan(ctx, draft, null);
  } catch (error) {
    // No parent plan for the new term yet, or two: the draft stands on its own until one is chosen.
    if (error instanceof Failure && (error.code === 'no_parent_plan' || error.code === 'ambiguous_parent')) return null;
    throw error;
  }
}
