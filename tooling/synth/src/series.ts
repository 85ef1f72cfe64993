import type { Anchor } from './anchors.js';
import { FIRST_YEAR, LAST_YEAR, QUARTERS } from './calendar.js';
import { STEADY } from './form-specs.js';
import type { IndicatorGroup, NumberFormat, SynthForm } from './forms.js';
import type { Random } from './random.js';
import type { RegionProfile } from './region-profile.js';

/** A field's value in each of the twenty quarters; NaN where it is not reported. */
export type Series = Float64Array;

const LAST = QUARTERS.length - 1;

function rounded(x: number, format: NumberFormat): number {
  if (format === 'integer') return Math.round(x);
  const f = format === 'percent' ? 10 : 100;
  return Math.round(x * f) / f;
}

/** Sub-totals are rounded down so that they never add up past their total. */
function floored(x: number, format: NumberFormat): number {
  const f = format === 'integer' ? 1 : format === 'percent' ? 10 : 100;
  return Math.floor(x * f) / f;
}

/** A flow: the quarter's share of a year's work, growing 2–8 % a year around 2023's level. */
function flow(group: IndicatorGroup, perQuarter: number, random: Random): Series {
  const season = group.spec.season ?? STEADY;
  const growth = random.between(0.02, 0.08);
  return Float64Array.from(QUARTERS, (q) => {
    const share = (season[q.quarter - 1] ?? 0.25) * 4;
    return rounded(perQuarter * share * (1 + growth) ** (q.year - 2023) * random.between(0.8, 1.2), group.total.format);
  });
}

/** A stock: grows 3–10 % a year and never falls; anchored, it reaches its level in 2025Q4. */
function stock(group: IndicatorGroup, start: number, end: number | null, random: Random): Series {
  const growth = random.between(0.03, 0.1);
  const first = end !== null ? end / (1 + growth) ** (LAST / 4) : start;
  let level = 0;
  return Float64Array.from(QUARTERS, (q) => {
    level = Math.max(level, rounded(first * (1 + growth) ** (q.index / 4), group.total.format));
    return level;
  });
}

/** A rate on a straight path with a little noise; an annual survey only in the fourth quarter. */
function rate(group: IndicatorGroup, start: number, end: number, random: Random): Series {
  const cap = group.total.format === 'percent' ? 100 : Infinity;
  return Float64Array.from(QUARTERS, (q) => {
    if (group.spec.yearly && q.quarter !== 4) return NaN;
    const progress = group.spec.yearly ? (q.year - FIRST_YEAR) / (LAST_YEAR - FIRST_YEAR) : q.index / LAST;
    const noise = random.normal() * Math.abs(end - start) * 0.03;
    return rounded(Math.min(cap, Math.max(0, start + (end - start) * progress + noise)), group.total.format);
  });
}

function totalOf(
  group: IndicatorGroup,
  profile: RegionProfile,
  anchor: Anchor | undefined,
  reporters: number,
  random: Random,
): Series {
  const kind = group.indicator.kind;
  const { base, reach } = group.spec;
  if (kind === 'rate') {
    if (anchor?.kind === 'rate') return rate(group, anchor.start, anchor.end, random);
    return rate(group, base * random.between(0.9, 1.1), (reach ?? base) * random.between(0.92, 1.05), random);
  }
  const own = base * profile.scale * random.spread(0.25);
  if (kind === 'stock')
    return stock(group, own, anchor?.kind === 'stock' ? plausible(anchor.level / reporters, own) : null, random);
  return flow(group, (anchor?.kind === 'flow' ? plausible(anchor.perQuarter / reporters, own) : null) ?? own, random);
}

/**
 * An anchor is the whole region's, so each department reporting the indicator carries its
 * share. A share far from what such a bureau does (a plan's target for one small programme,
 * 50 trainees in five years) would make the department's figures implausible: it is ignored,
 * and that target is simply met or missed by the usual figures.
 */
function plausible(share: number, own: number): number | null {
  return share >= own / 3 && share <= own * 3 ? share : null;
}

/** Sub-totals as fixed shares of the total (a stock's never fall), a flow's varying a little. */
function partsOf(group: IndicatorGroup, total: Series, random: Random): Series[] {
  const shares = group.parts.map(() => random.between(0.15, 0.45));
  const sum = shares.reduce((a, b) => a + b, 0);
  const fit = sum > 0.9 ? 0.9 / sum : 1;
  const jitter = group.indicator.kind === 'flow' ? 0.1 : 0;
  return group.parts.map((part, k) =>
    total.map((t) => floored(t * (shares[k] ?? 0) * fit * random.between(1 - jitter, 1 + jitter), part.format)),
  );
}

/**
 * Every numeric field of a form for one region over the twenty quarters, in form order (each
 * total followed by its sub-totals). `reporters` counts the forms that report each indicator.
 */
export function seriesOf(
  form: SynthForm,
  profile: RegionProfile,
  anchors: ReadonlyMap<string, Anchor>,
  reporters: ReadonlyMap<string, number>,
  random: Random,
): Series[] {
  return form.groups.flatMap((group) => {
    const code = group.indicator.code;
    const total = totalOf(group, profile, anchors.get(code), reporters.get(code) ?? 1, random);
    return [total, ...partsOf(group, total, random)];
  });
}
