import { comparePeriods, outlierOf, periodKindOf, type Combine, type Outlier } from '@kesu/schema';
import { reportedBy, type Observation } from './rules.js';

/** One unit's approved value of a target's own field for one period. */
export interface UnitValue {
  /** The reporting unit (the assignment's department). */
  unit: string;
  period: string;
  value: number;
}

/** A unit's value as it counts in a region's value for a period. */
export interface Contribution extends UnitValue {
  /** Reported for an earlier period and carried to this one (stocks and rates). */
  carried: boolean;
  /** Far from the unit's own earlier values of the same kind of period: worth a second look. */
  outlier: Outlier | null;
}

export interface RegionObservation extends Observation {
  contributions: Contribution[];
}

/** Each value with its verdict against the same unit's earlier values of the same kind of period. */
function judged(values: readonly UnitValue[]): Array<UnitValue & { outlier: Outlier | null }> {
  const sorted = [...values].sort((a, b) => comparePeriods(a.period, b.period));
  const history = new Map<string, number[]>();
  return sorted.map((v) => {
    // A year's flow is four quarters' worth: only like periods say what is usual.
    const key = `${v.unit}|${periodKindOf(v.period)}`;
    const earlier = history.get(key) ?? [];
    history.set(key, [...earlier, v.value]);
    return { ...v, outlier: outlierOf(v.value, earlier) };
  });
}

function latestPerUnit(values: ReturnType<typeof judged>, asOf: string): Contribution[] {
  const latest = new Map<string, Contribution>();
  for (const v of values) {
    if (!reportedBy(v.period, asOf)) continue;
    latest.set(v.unit, { ...v, carried: v.period !== asOf });
  }
  return [...latest.values()];
}

const sum = (cs: readonly Contribution[]) => cs.reduce((s, c) => s + c.value, 0);

/**
 * A region's value of a target for each period any unit reported, built from every unit by the
 * way the target's quantity combines, with the units behind each value.
 */
export function regionObservations(values: readonly UnitValue[], combine: Combine): RegionObservation[] {
  const all = judged(values);
  const periods = [...new Set(all.map((v) => v.period))].sort(comparePeriods);
  return periods.map((period) => {
    const own = all.filter((v) => v.period === period).map((v) => ({ ...v, carried: false }));
    switch (combine) {
      case 'flow':
        return { period, value: sum(own), contributions: own };
      case 'milestone':
        return { period, value: Math.max(...own.map((c) => c.value)), contributions: own };
      case 'stock': {
        const units = latestPerUnit(all, period);
        return { period, value: sum(units), contributions: units };
      }
      case 'rate': {
        const units = latestPerUnit(all, period);
        return { period, value: sum(units) / units.length, contributions: units };
      }
    }
  });
}
