import type { ProgressStatus } from '@kesu/analytics';
import { COMPARISON_REPORT_IDS, LITERACY_INDICATOR, OWN_REPORT_IDS, type ReportId } from '@kesu/analytics/charts';
import { beijingYear, type Region, type TargetScope } from '@kesu/schema';
import { getPlan, type Row, type Store } from '@kesu/store';
import type { AnalyticsService } from '../../analytics/analytics-service.js';
import { loadCharts, type ChartRows } from './chart-rows.js';
import { FinalEvaluationRefused } from './final-refusal.js';

export interface FinalPlan {
  planId: string;
  title: string;
  start: number;
  end: number;
  literacyTarget: number | null;
  literacyStretch: number | null;
}

/** A target with its verdict as of the end of the plan's last year. */
export interface FinalTarget {
  targetId: string;
  /** The target's number within its plan (from 1), as the plan prints them in order. */
  number: number;
  text: string;
  metric: string;
  indicatorCode: string | null;
  scope: TargetScope;
  comparator: string;
  value: number;
  valueMax: number | null;
  unit: string | null;
  perUnit: string | null;
  deadline: number | null;
  leadUnits: string;
  status: ProgressStatus;
  actual: number | null;
  expected: number | null;
  asOf: string | null;
  ruleZh: string | null;
  ruleEn: string | null;
}

/** A plan section (an action or project) with the targets printed in it. */
export interface FinalSection {
  /** The section's title as the plan prints it; null for targets outside every section (the overall goals). */
  title: string | null;
  targets: FinalTarget[];
}

export interface LiteracyReading {
  period: string;
  value: number;
}

/** One reporting unit's assignments over the whole plan term. */
export interface DepartmentTerm {
  regionCode: string;
  regionName: string;
  department: string;
  assigned: number;
  onTime: number;
  late: number;
  missing: number;
  approved: number;
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

const PLANS = `SELECT plan_id, title, start_year, end_year, literacy_target, literacy_stretch FROM dim_plan
  WHERE region_code = $1 ORDER BY end_year DESC, start_year DESC`;

// The verdict of the plan's last year is the final one (fact_progress holds one per target and year).
const TARGETS = `SELECT t.target_id, CAST(split_part(t.target_id, '#', 2) AS INTEGER) AS number,
    t.text, t.metric, t.indicator_code, t.scope,
    t.comparator, t.value, t.value_max, t.unit, t.per_unit, t.deadline, coalesce(t.lead_units, '') AS lead_units,
    coalesce(p.status, 'no_data') AS status, p.actual, p.expected,
    CAST(p.as_of AS VARCHAR) AS as_of, p.rule_zh, p.rule_en
  FROM dim_target t
  LEFT JOIN fact_progress p ON p.target_id = t.target_id AND p.region_code = t.region_code AND p.year = $2
  WHERE t.plan_id = $1 ORDER BY number`;

// The base is the last rate measured before the plan began, else its first within the term.
const LITERACY = `WITH own AS (
    SELECT v.period, v.value, d.end_date, v.year FROM fact_value v JOIN dim_period d ON d.period = v.period
    WHERE v.indicator_code = $1 AND v.region_code = $2 AND v.disaggregation = '' AND v.year <= $4
  )
  SELECT
    coalesce(
      (SELECT arg_max(period, end_date) FROM own WHERE year < $3),
      (SELECT arg_min(period, end_date) FROM own WHERE year >= $3)
    ) AS base_period,
    coalesce(
      (SELECT arg_max(value, end_date) FROM own WHERE year < $3),
      (SELECT arg_min(value, end_date) FROM own WHERE year >= $3)
    ) AS base_value,
    (SELECT arg_max(period, end_date) FROM own WHERE year >= $3) AS final_period,
    (SELECT arg_max(value, end_date) FROM own WHERE year >= $3) AS final_value`;

// Every unit in the region's tree that was assigned a report for a year of the term.
const DEPARTMENTS = `SELECT s.region_code, r.name AS region_name, s.department,
    count(*)::INTEGER AS assigned,
    count(*) FILTER (WHERE s.submitted_at IS NOT NULL AND NOT s.late)::INTEGER AS on_time,
    count(*) FILTER (WHERE s.submitted_at IS NOT NULL AND s.late)::INTEGER AS late,
    count(*) FILTER (WHERE s.submitted_at IS NULL)::INTEGER AS missing,
    count(*) FILTER (WHERE s.status = 'approved')::INTEGER AS approved
  FROM fact_submission s
  JOIN region_tree t ON t.region_code = s.region_code AND t.ancestor_code = $1
  JOIN dim_region r ON r.region_code = s.region_code
  WHERE s.year BETWEEN $2 AND $3
  GROUP BY s.region_code, r.name, s.department ORDER BY s.region_code <> $1, s.region_code, s.department`;

const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
const period = (start: number, end: number) => `${start}—${end}`;

function toPlan(r: Row): FinalPlan {
  return {
    planId: String(r['plan_id']),
    title: String(r['title']),
    start: Number(r['start_year']),
    end: Number(r['end_year']),
    literacyTarget: num(r['literacy_target']),
    literacyStretch: num(r['literacy_stretch']),
  };
}

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

function toTarget(r: Row): FinalTarget {
  return {
    targetId: String(r['target_id']),
    number: Number(r['number']),
    text: String(r['text'] ?? r['metric']),
    metric: String(r['metric']),
    indicatorCode: text(r['indicator_code']),
    scope: r['scope'] as TargetScope,
    comparator: String(r['comparator']),
    value: Number(r['value']),
    valueMax: num(r['value_max']),
    unit: text(r['unit']),
    perUnit: text(r['per_unit']),
    deadline: num(r['deadline']),
    leadUnits: String(r['lead_units']),
    status: String(r['status']) as ProgressStatus,
    actual: num(r['actual']),
    expected: num(r['expected']),
    asOf: text(r['as_of']),
    ruleZh: text(r['rule_zh']),
    ruleEn: text(r['rule_en']),
  };
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

function reading(periodValue: unknown, value: unknown): LiteracyReading | null {
  return periodValue === null || periodValue === undefined || value === null || value === undefined
    ? null
    : { period: String(periodValue), value: Number(value) };
}

/**
 * Every target of a plan with its verdict for the year (the plan's last year: its final
 * verdict), in the plan's order.
 */
export async function finalVerdicts(analytics: AnalyticsService, planId: string, year: number): Promise<FinalTarget[]> {
  return (await analytics.query(TARGETS, [planId, year])).map(toTarget);
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
  const plans = (await analytics.query(PLANS, [region.code])).map(toPlan);
  const plan = pickPlan(region, plans, year, now);
  const targets = await finalVerdicts(analytics, plan.planId, plan.end);
  const literacyRow =
    (await analytics.query(LITERACY, [LITERACY_INDICATOR, region.code, plan.start, plan.end]))[0] ?? {};
  const literacyTarget = targets.find((t) => t.indicatorCode === LITERACY_INDICATOR);
  const subRegions = Number(
    (await analytics.query('SELECT count(*)::INTEGER AS n FROM dim_region WHERE parent_code = $1', [region.code]))[0]?.[
      'n'
    ] ?? 0,
  );
  // The region's own charts always; comparisons only where there are sub-regions to compare.
  const chartIds: ReportId[] = [...OWN_REPORT_IDS, ...(subRegions > 0 ? COMPARISON_REPORT_IDS : [])];
  return {
    region,
    plan,
    targets,
    sections: await bySection(store, plan.planId, targets),
    literacy: {
      baseline: reading(literacyRow['base_period'], literacyRow['base_value']),
      final: reading(literacyRow['final_period'], literacyRow['final_value']),
      status: literacyTarget?.status ?? null,
    },
    departments: (await analytics.query(DEPARTMENTS, [region.code, plan.start, plan.end])).map((r) => ({
      regionCode: String(r['region_code']),
      regionName: String(r['region_name']),
      department: String(r['department']),
      assigned: Number(r['assigned']),
      onTime: Number(r['on_time']),
      late: Number(r['late']),
      missing: Number(r['missing']),
      approved: Number(r['approved']),
    })),
    charts: await loadCharts(analytics, chartIds, region.code, plan.end),
    subRegions,
  };
}
