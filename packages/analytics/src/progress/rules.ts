import {
  comparePeriods,
  formatQuantity,
  parsePeriod,
  periodContains,
  periodDates,
  periodWords,
  planShareElapsed,
  type Lang,
  type Localized,
  type PlanPeriod,
  type TargetScope,
} from '@kesu/schema';
import { AT_RISK_SHARE, meets, ON_TRACK_SHARE, paceStatus, type ProgressStatus } from './status.js';

/** One reported value of the target's indicator for one region and period. */
export interface Observation {
  period: string;
  value: number;
}

export interface ProgressInput {
  comparator: '>=' | '>' | '~' | '=';
  value: number;
  deadline: number | null;
  plan: PlanPeriod;
  /** The period the progress is judged at, e.g. `2024Q3`. */
  asOf: string;
  /** Approved values, in any order; only those up to `asOf` count. */
  observations: Observation[];
  /** The target's unit, for the words of the rule (`5,000人`, `31%`). */
  unit?: string | null;
}

export interface Progress {
  status: ProgressStatus;
  /** The actual the rule compares: a sum, a latest value, a share, or 1/0 for a milestone. */
  actual: number | null;
  /** What the time elapsed asks for by `asOf` (null when the rule has no pace). */
  expected: number | null;
  /** Why, in words: the rule and the numbers it used. */
  rule: Localized;
}

/** An amount in the target's unit, in each language, as the rule's words print it. */
function amounts(input: ProgressInput): { zh: (n: number) => string; en: (n: number) => string } {
  const as = (lang: Lang) => (n: number) => formatQuantity(n, input.unit, { lang });
  return { zh: as('zh'), en: as('en') };
}

const when = { zh: (period: string) => periodWords(period, 'zh'), en: (period: string) => periodWords(period, 'en') };

/** A paced rule's verdict and its words; once the time is up, a target not met is said to be missed. */
function paced(
  actual: number,
  expected: number,
  input: ProgressInput,
  timeUp: boolean,
  rule: Localized,
): Pick<Progress, 'status' | 'rule'> {
  const met = meets(actual, input.comparator, input.value);
  const missed = timeUp && !met;
  return {
    status: paceStatus(actual, expected, met, timeUp),
    rule: missed
      ? { zh: `${rule.zh}；期限已到，未达目标`, en: `${rule.en}; the time is up and the target was not met` }
      : rule,
  };
}

/** Whether a value reported for `period` is known by the end of `asOf`. */
export function reportedBy(period: string, asOf: string): boolean {
  return comparePeriods(period, asOf) <= 0 || periodContains(asOf, period);
}

/** Observations reported for periods up to `asOf`, oldest first. */
export function observationsUpTo<T extends Observation>(observations: readonly T[], asOf: string): T[] {
  return observations.filter((o) => reportedBy(o.period, asOf)).sort((a, b) => comparePeriods(a.period, b.period));
}

function noData(ruleZh: string, ruleEn: string): Progress {
  return {
    status: 'no_data',
    actual: null,
    expected: null,
    rule: { zh: `${ruleZh}：本期无已审核数据`, en: `${ruleEn}: no approved data yet` },
  };
}

/** Share of a calendar year elapsed at the end of a period within it. */
function yearShare(asOf: string): number {
  const p = parsePeriod(asOf);
  if (!p) return 1;
  const months = { year: 12, half: 6, quarter: 3, month: 1 }[p.kind];
  return Math.min(1, (p.index * months) / 12);
}

/** The deadline year, or the plan's last year, as the end of a path to the target. */
function endYear(input: ProgressInput): number {
  return input.deadline ?? input.plan.end;
}

/**
 * How each scope of target turns reported values into progress, one rule per scope. Flows add
 * up (annual within the year, cumulative since the plan began); levels and rates take the
 * latest value; per-unit targets read the share of units meeting them; milestones are done or
 * not by their deadline.
 */
export const progressRules: Record<TargetScope, (input: ProgressInput) => Progress> = {
  annual(input) {
    const year = input.asOf.slice(0, 4);
    const inYear = observationsUpTo(input.observations, input.asOf).filter((o) => o.period.startsWith(year));
    if (inYear.length === 0) return noData('每年目标', 'Annual target');
    const actual = inYear.reduce((s, o) => s + o.value, 0);
    const share = yearShare(input.asOf);
    const expected = input.value * share;
    const { zh, en } = amounts(input);
    return {
      actual,
      expected,
      ...paced(actual, expected, input, share >= 1, {
        zh: `${year}年累计 ${zh(actual)}，全年目标 ${zh(input.value)}，按时间进度应达 ${zh(expected)}`,
        en: `${year} total ${en(actual)} against ${en(input.value)} for the year; ${en(expected)} expected by now`,
      }),
    };
  },

  cumulative(input) {
    const since = observationsUpTo(input.observations, input.asOf).filter(
      (o) => Number(o.period.slice(0, 4)) >= input.plan.start,
    );
    if (since.length === 0) return noData('规划期累计目标', 'Cumulative target');
    const actual = since.reduce((s, o) => s + o.value, 0);
    const share = planShareElapsed({ start: input.plan.start, end: endYear(input) }, input.asOf);
    const expected = input.value * share;
    const { zh, en } = amounts(input);
    return {
      actual,
      expected,
      ...paced(actual, expected, input, share >= 1, {
        zh: `${input.plan.start}年以来累计 ${zh(actual)}，目标 ${zh(input.value)}，按时间进度应达 ${zh(expected)}`,
        en: `${en(actual)} since ${input.plan.start} against ${en(input.value)}; ${en(expected)} expected by now`,
      }),
    };
  },

  point_in_time(input) {
    const seen = observationsUpTo(input.observations, input.asOf);
    const latest = seen.at(-1);
    if (!latest) return noData('时点目标', 'Level target');
    const baseline = seen[0] as Observation;
    // A straight path from the first reported value to the target at the deadline.
    const share = planShareElapsed({ start: Number(baseline.period.slice(0, 4)), end: endYear(input) }, input.asOf);
    const expected = baseline.value + (input.value - baseline.value) * share;
    const { zh, en } = amounts(input);
    return {
      actual: latest.value,
      expected,
      ...paced(latest.value, expected, input, share >= 1, {
        zh:
          `最新值 ${zh(latest.value)}（${when.zh(latest.period)}），基期 ${zh(baseline.value)}（${when.zh(baseline.period)}），` +
          `目标 ${zh(input.value)}，按进度应达 ${zh(expected)}`,
        en:
          `latest ${en(latest.value)} (${when.en(latest.period)}), ` +
          `baseline ${en(baseline.value)} (${when.en(baseline.period)}), ` +
          `target ${en(input.value)}; ${en(expected)} expected by now`,
      }),
    };
  },

  per_unit(input) {
    const latest = observationsUpTo(input.observations, input.asOf).at(-1);
    if (!latest) return noData('按单元目标', 'Per-unit target');
    // The observation is the share of units (schools, villages…) that meet the per-unit target.
    const status: ProgressStatus =
      latest.value >= 95
        ? 'achieved'
        : latest.value >= ON_TRACK_SHARE * 100
          ? 'on_track'
          : latest.value >= AT_RISK_SHARE * 100
            ? 'at_risk'
            : 'behind';
    return {
      status,
      actual: latest.value,
      expected: 100,
      rule: {
        zh: `达标单元占比 ${formatQuantity(latest.value, '%')}（${when.zh(latest.period)}）`,
        en: `${formatQuantity(latest.value, '%', { lang: 'en' })} of units meet it (${when.en(latest.period)})`,
      },
    };
  },

  milestone(input) {
    const latest = observationsUpTo(input.observations, input.asOf).at(-1);
    const year = Number(input.asOf.slice(0, 4));
    const deadline = endYear(input);
    if (latest && latest.value > 0)
      return {
        status: 'achieved',
        actual: 1,
        expected: 1,
        rule: { zh: `已于${when.zh(latest.period)}完成`, en: `done in ${when.en(latest.period)}` },
      };
    if (!latest && year < deadline) return noData('节点任务', 'Milestone');
    // Past the end of the deadline year it is late; within that year, at risk.
    const passed = periodDates(input.asOf).end.getUTCFullYear() > deadline;
    const status: ProgressStatus = passed ? 'behind' : year === deadline ? 'at_risk' : 'on_track';
    return {
      status,
      actual: latest ? 0 : null,
      expected: 1,
      rule: { zh: `尚未完成，截止 ${deadline}年底`, en: `not done yet; due by the end of ${deadline}` },
    };
  },
};
