import {
  sameUnit,
  targetScopes,
  type BenchmarkBasis,
  type BenchmarkEntry,
  type BenchmarkFigures,
  type BenchmarkSpread,
  type Indicator,
  type Localized,
} from '@kesu/schema';
import type { BenchmarkRow } from './query.js';

// The figures are what the benchmark route answers: their shapes are the API's.
export type { BenchmarkBasis, BenchmarkEntry } from '@kesu/schema';
export type Spread = BenchmarkSpread;
export type Benchmark = BenchmarkFigures;

function quantile(sorted: readonly number[], p: number): number {
  const at = (sorted.length - 1) * p;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return (sorted[low] as number) + ((sorted[high] as number) - (sorted[low] as number)) * (at - low);
}

export function spreadOf(values: readonly number[]): Spread | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    min: sorted[0] as number,
    q1: quantile(sorted, 0.25),
    median: quantile(sorted, 0.5),
    q3: quantile(sorted, 0.75),
    max: sorted[sorted.length - 1] as number,
  };
}

type Kind = Indicator['kind'];

const basisOf = (row: BenchmarkRow, kind: Kind): BenchmarkBasis =>
  kind === 'rate' || row.unit === '%' || (kind === 'stock' && targetScopes[row.scope].pace === 'level')
    ? 'level'
    : 'per_year';

/** A target's value, or its actual, per year of its plan on the per-year basis. */
function perYear(row: BenchmarkRow, amount: number, years: number): number {
  return targetScopes[row.scope].pace === 'each_year' ? amount : amount / years;
}

/**
 * One plan's commitment and achievement from its targets of the indicator, added up. A rate takes
 * its lowest: what the plan promises at least (超过18%), not the 力争 value beside it (力争达到20%).
 */
function entryOf(rows: readonly BenchmarkRow[], basis: BenchmarkBasis, kind: Kind): BenchmarkEntry {
  const first = rows[0] as BenchmarkRow;
  const combine = (values: number[]) => (kind === 'rate' ? Math.min(...values) : values.reduce((s, v) => s + v, 0));
  const term = first.end_year - first.start_year + 1;
  const committed = combine(rows.map((r) => (basis === 'per_year' ? perYear(r, r.value, term) : r.value)));
  const reached = rows.filter((r) => r.actual !== null);
  // A cumulative actual is the total since the plan began, up to the year judged.
  const achieved =
    reached.length === 0
      ? null
      : combine(
          reached.map((r) =>
            basis === 'per_year'
              ? perYear(r, r.actual as number, (r.actual_year as number) - r.start_year + 1)
              : (r.actual as number),
          ),
        );
  return {
    regionCode: first.region_code,
    regionName: first.region_name,
    planId: first.plan_id,
    planTitle: first.plan_title,
    committed,
    achieved,
    targets: rows.length,
  };
}

/**
 * The plans' commitments for one indicator side by side: the basis most of their targets allow,
 * one entry per plan, the spread of what they commit and achieve, and where the region asked
 * about stands. Population is not known, so amounts are compared as they are, not per resident.
 */
export function benchmarkOf(
  all: readonly BenchmarkRow[],
  indicator: Pick<Indicator, 'kind' | 'unit'>,
  regionCode: string,
): Benchmark {
  const { kind } = indicator;
  // A target counted in another unit (人 for a count of 人次) says nothing of this indicator's amount.
  const rows = all.filter((r) => sameUnit(r.unit) === sameUnit(indicator.unit));
  const levels = rows.filter((r) => basisOf(r, kind) === 'level').length;
  const basis: BenchmarkBasis = levels * 2 > rows.length ? 'level' : 'per_year';
  const kept = rows.filter((r) => basisOf(r, kind) === basis);
  const byPlan = new Map<string, BenchmarkRow[]>();
  for (const r of kept) byPlan.set(r.plan_id, [...(byPlan.get(r.plan_id) ?? []), r]);
  const entries = [...byPlan.values()]
    .map((group) => entryOf(group, basis, kind))
    .sort((a, b) => a.committed - b.committed);
  const focus = entries.find((e) => e.regionCode === regionCode) ?? null;
  return {
    basis,
    unit: indicator.unit,
    entries,
    committed: spreadOf(entries.map((e) => e.committed)),
    achieved: spreadOf(entries.flatMap((e) => (e.achieved === null ? [] : [e.achieved]))),
    focus,
    committedBelow: focus ? entries.filter((e) => e.committed < focus.committed).length : null,
    leftOut: all.length - kept.length,
  };
}

/** What the benchmark compares and what it cannot, in words for the page and the API. */
export function benchmarkNote(benchmark: Benchmark): Localized {
  const basis =
    benchmark.basis === 'per_year'
      ? {
          zh: '按每年承诺量比较：年度目标照原值，规划期目标除以规划年数；达成值同样折为每年',
          en:
            'compared a year: an annual target as it is, a target for the term divided by its years; ' +
            'what was achieved likewise',
        }
      : {
          zh: '按目标水平比较（比率或存量达到的数）',
          en: 'compared as the level each target sets (a rate, or the count a stock reaches)',
        };
  const left =
    benchmark.leftOut > 0
      ? {
          zh: `；口径或单位不同的 ${benchmark.leftOut} 个目标未计入`,
          en: `; ${benchmark.leftOut} target(s) of another scope or unit left out`,
        }
      : { zh: '', en: '' };
  return {
    zh: `${basis.zh}${left.zh}。地区目录没有人口数，未按每万人口折算。`,
    en:
      `${basis.en}${left.en}. ` +
      'The region registry holds no population, so amounts are not taken per 10,000 residents.',
  };
}
