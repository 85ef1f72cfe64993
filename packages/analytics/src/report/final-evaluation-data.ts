import type { TargetScope } from '@kesu/schema';
import type { Row } from '@kesu/store';
import { LITERACY_INDICATOR } from '../charts/literacy-rate/query.js';
import type { SqlQuery } from '../charts/shared/sql-query.js';
import type { WarehouseReader } from '../progress/contributions.js';
import type { ProgressStatus } from '../progress/status.js';

/** A region's plan as the warehouse holds it. */
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

export interface LiteracyReading {
  period: string;
  value: number;
}

/** The region's own literacy rate at the plan's start (its base) and at its end. */
export interface LiteracyReadings {
  baseline: LiteracyReading | null;
  final: LiteracyReading | null;
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

const plansQuery = (regionCode: string): SqlQuery => ({
  sql: `SELECT plan_id, title, start_year, end_year, literacy_target, literacy_stretch FROM dim_plan
  WHERE region_code = $1 ORDER BY end_year DESC, start_year DESC`,
  params: [regionCode],
});

// The verdict of the plan's last year is the final one (fact_progress holds one per target and year).
const verdictsQuery = (planId: string, year: number): SqlQuery => ({
  sql: `SELECT t.target_id, CAST(split_part(t.target_id, '#', 2) AS INTEGER) AS number,
    t.text, t.metric, t.indicator_code, t.scope,
    t.comparator, t.value, t.value_max, t.unit, t.per_unit, t.deadline, coalesce(t.lead_units, '') AS lead_units,
    coalesce(p.status, 'no_data') AS status, p.actual, p.expected,
    CAST(p.as_of AS VARCHAR) AS as_of, p.rule_zh, p.rule_en
  FROM dim_target t
  LEFT JOIN fact_progress p ON p.target_id = t.target_id AND p.region_code = t.region_code AND p.year = $2
  WHERE t.plan_id = $1 ORDER BY number`,
  params: [planId, year],
});

// The base is the last rate measured before the plan began, else its first within the term.
const literacyQuery = (regionCode: string, start: number, end: number): SqlQuery => ({
  sql: `WITH own AS (
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
    (SELECT arg_max(value, end_date) FROM own WHERE year >= $3) AS final_value`,
  params: [LITERACY_INDICATOR, regionCode, start, end],
});

// Every unit in the region's tree that was assigned a report for a year of the term.
const departmentsQuery = (regionCode: string, start: number, end: number): SqlQuery => ({
  sql: `SELECT s.region_code, r.name AS region_name, s.department,
    count(*)::INTEGER AS assigned,
    count(*) FILTER (WHERE s.submitted_at IS NOT NULL AND NOT s.late)::INTEGER AS on_time,
    count(*) FILTER (WHERE s.submitted_at IS NOT NULL AND s.late)::INTEGER AS late,
    count(*) FILTER (WHERE s.submitted_at IS NULL)::INTEGER AS missing,
    count(*) FILTER (WHERE s.status = 'approved')::INTEGER AS approved
  FROM fact_submission s
  JOIN region_tree t ON t.region_code = s.region_code AND t.ancestor_code = $1
  JOIN dim_region r ON r.region_code = s.region_code
  WHERE s.year BETWEEN $2 AND $3
  GROUP BY s.region_code, r.name, s.department ORDER BY s.region_code <> $1, s.region_code, s.department`,
  params: [regionCode, start, end],
});

const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

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

function reading(periodValue: unknown, value: unknown): LiteracyReading | null {
  return periodValue === null || periodValue === undefined || value === null || value === undefined
    ? null
    : { period: String(periodValue), value: Number(value) };
}

function toDepartment(r: Row): DepartmentTerm {
  return {
    regionCode: String(r['region_code']),
    regionName: String(r['region_name']),
    department: String(r['department']),
    assigned: Number(r['assigned']),
    onTime: Number(r['on_time']),
    late: Number(r['late']),
    missing: Number(r['missing']),
    approved: Number(r['approved']),
  };
}

/** The region's plans, the latest term first. */
export async function regionPlans(read: WarehouseReader, regionCode: string): Promise<FinalPlan[]> {
  return (await read(plansQuery(regionCode))).map(toPlan);
}

/**
 * Every target of a plan with its verdict for the year (the plan's last year: its final
 * verdict), in the plan's order.
 */
export async function finalVerdicts(read: WarehouseReader, planId: string, year: number): Promise<FinalTarget[]> {
  return (await read(verdictsQuery(planId, year))).map(toTarget);
}

/** The region's own literacy rate before (or at the start of) the plan's term and at its end. */
export async function literacyReadings(
  read: WarehouseReader,
  regionCode: string,
  plan: Pick<FinalPlan, 'start' | 'end'>,
): Promise<LiteracyReadings> {
  const row = (await read(literacyQuery(regionCode, plan.start, plan.end)))[0] ?? {};
  return {
    baseline: reading(row['base_period'], row['base_value']),
    final: reading(row['final_period'], row['final_value']),
  };
}

/** Each reporting unit in the region's tree with its assignments over the plan's term, the region's own first. */
export async function departmentTerms(
  read: WarehouseReader,
  regionCode: string,
  plan: Pick<FinalPlan, 'start' | 'end'>,
): Promise<DepartmentTerm[]> {
  return (await read(departmentsQuery(regionCode, plan.start, plan.end))).map(toDepartment);
}
