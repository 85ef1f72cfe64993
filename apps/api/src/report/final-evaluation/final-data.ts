import {
  departmentTerms,
  finalVerdicts,
  literacyReadings,
  regionPlans,
  reportChartRows,
  subRegionCount,
  type ChartRows,
  type DepartmentTerm,
  type FinalPlan,
  type FinalTarget,
  type LiteracyReading,
  type ProgressStatus,
} from '@kesu/analytics';
import { COMPARISON_REPORT_IDS, LITERACY_INDICATOR, OWN_REPORT_IDS, type ReportId } from '@kesu/analytics/charts';
import { beijingYear, type Region } from '@kesu/schema';
import { getPlan, type Store } from '@kesu/store';
import type { AnalyticsService } from '../../analytics/analytics-service.js';
import { warehouseReader } from '../../analytics/warehouse-reader.js';
import { FinalEvaluationRefused } from './final-refusal.js';

// The warehouse's part of the evaluation and its queries live in `@kesu/analytics`.
export type { FinalPlan, FinalTarget };

/** A plan section (an action or project) with the targets printed in it. */
export interface FinalSection {
  /** The section's title as the plan prints it; null for targets outside every section (the overall goals). */
  title: string | null;
  targets: FinalTarget[];
}

/** Everything the final evaluation of a region's plan shows, read from the warehouse and the plan. */
export interface FinalEvaluation {
  region: Region;
  plan: FinalPlan;
  targets: FinalTarget[];
  sections: FinalSection[];
  literacy: { baseline: LiteracyReading | null; final: LiteracyReading | null; status: ProgressStatus | null };
  departments: DepartmentTerm[];
  charts: ChartRows[];
  subRegions: number;
}

const period = (start: number, end: number) => `${start}—${end}`;

/**
 * The plan a final evaluation is written for: the one whose term holds the year asked, else the
 * latest one whose term has ended, else the latest. Refused when the region has none, none holds
 * the year, or its term has not ended (the progress report is what such a plan has).
 */
export function pickPlan(region: Region, plans: FinalPlan[], year: number | undefined, now: Date): FinalPlan {
  if (plans.length === 0) {
    throw new FinalEvaluationRefused(
      'no_plan',
      `${region.name}尚无已导入的实施方案，无法生成终期评估`,
      `${region.name} has no imported plan, so there is no final evaluation to write`,
    );
  }
  const terms = plans.map((p) => period(p.start, p.end)).join('、');
  const thisYear = beijingYear(now);
  // Without a year, the latest plan whose term has ended: a next-term draft beside it has no final evaluation yet.
  const plan =
    year === undefined
      ? (plans.find((p) => p.end < thisYear) ?? plans[0])
      : plans.find((p) => p.start <= year && year <= p.end);
  if (plan === undefined) {
    throw new FinalEvaluationRefused(
      'year_outside_plan',
      `${year} 年不在${region.name}实施方案的规划期（${terms}年）内`,
      `${year} is outside the term of ${region.name}'s plan (${terms.replaceAll('—', '–').replaceAll('、', ', ')})`,
      [
        {
          path: 'year',
          code: 'year_outside_plan',
          message: `规划期为 ${terms} 年`,
          messageEn: `the plan runs ${terms.replaceAll('—', '–')}`,
        },
      ],
    );
  }
  if (plan.end >= thisYear) {
    throw new FinalEvaluationRefused(
      'plan_not_ended',
      `${region.name}实施方案（${period(plan.start, plan.end)}年）的规划期尚未结束（至 ${plan.end} 年底），暂不能作终期评估；请改看进展报告（kind=progress）`,
      `${region.name}'s plan (${plan.start}–${plan.end}) has not ended yet (it runs to the end of ${plan.end}), ` +
        `so it has no final evaluation; see the progress report instead (kind=progress)`,
      [
        {
          path: 'kind',
          code: 'plan_not_ended',
          message: '请改用进展报告：kind=progress',
          messageEn: 'use the progress report: kind=progress',
        },
      ],
    );
  }
  return plan;
}

/**
 * The targets under the plan's sections as the reviewed plan prints them. The warehouse numbers
 * a plan's targets in its order, so number n is the plan's n-th target; a target the plan no
 * longer holds under that number (a revision since the last build) goes with the overall goals.
 */
async function bySection(store: Store, planId: string, targets: FinalTarget[]): Promise<FinalSection[]> {
  const plan = (await store.reads.read((conn) => getPlan(conn, planId)))?.plan;
  const general: FinalSection = { title: null, targets: [] };
  const sections = (plan?.sections ?? []).map((s): FinalSection => ({ title: s.title, targets: [] }));
  for (const target of targets) {
    const source = plan?.targets[target.number - 1];
    const section =
      source && source.metric === target.metric && source.section !== null ? sections[source.section] : undefined;
    (section ?? general).targets.push(target);
  }
  return [general, ...sections].filter((s) => s.targets.length > 0);
}

export interface FinalSources {
  analytics: AnalyticsService;
  store: Store;
}

/** Reads the final evaluation of a region's plan; `year` picks the plan whose term holds it. */
export async function loadFinalEvaluation(
  { analytics, store }: FinalSources,
  region: Region,
  year: number | undefined,
  now: Date,
): Promise<FinalEvaluation> {
  const read = warehouseReader(analytics);
  const plan = pickPlan(region, await regionPlans(read, region.code), year, now);
  const targets = await finalVerdicts(read, plan.planId, plan.end);
  const readings = await literacyReadings(read, region.code, plan);
  const literacyTarget = targets.find((t) => t.indicatorCode === LITERACY_INDICATOR);
  const subRegions = await subRegionCount(read, region.code);
  // The region's own charts always; comparisons only where there are sub-regions to compare.
  const chartIds: ReportId[] = [...OWN_REPORT_IDS, ...(subRegions > 0 ? COMPARISON_REPORT_IDS : [])];
  return {
    region,
    plan,
    targets,
    sections: await bySection(store, plan.planId, targets),
    literacy: { ...readings, status: literacyTarget?.status ?? null },
    departments: await departmentTerms(read, region.code, plan),
    charts: await reportChartRows(read, chartIds, region.code, plan.end),
    subRegions,
  };
}
