import { formatQuantity, formatRatio, periodWords, targetScopes, type Lang, type TargetScope } from '@kesu/schema';
import { observationsUpTo, type Progress } from './rules.js';
import type { Contribution, RegionObservation } from './unit-values.js';

function readSince(
  scope: TargetScope,
  seen: readonly RegionObservation[],
  asOf: string,
  planStart: number,
): readonly RegionObservation[] {
  const reads = targetScopes[scope].reads;
  switch (reads) {
    case 'year':
      return seen.filter((o) => o.period.startsWith(asOf.slice(0, 4)));
    case 'term':
      return seen.filter((o) => Number(o.period.slice(0, 4)) >= planStart);
    case 'latest':
      return seen.slice(-1);
    default:
      return reads satisfies never;
  }
}

/**
 * The units' values a verdict as of `asOf` reads, as the scope says: every value of the year, or of
 * the plan so far, or those of the latest period (a stock's units at their latest).
 */
export function valuesRead(
  scope: TargetScope,
  observations: readonly RegionObservation[],
  asOf: string,
  planStart: number,
): Contribution[] {
  return readSince(scope, observationsUpTo(observations, asOf), asOf, planStart).flatMap((o) => o.contributions);
}

/**
 * The values far from their unit's own history among those a verdict reads. Such a value still
 * counts (it was approved), but the verdict says so, so a typo cannot move a status unseen.
 */
export function flaggedValues(
  scope: TargetScope,
  observations: readonly RegionObservation[],
  asOf: string,
  planStart: number,
): Contribution[] {
  const found = new Map<string, Contribution>();
  for (const c of valuesRead(scope, observations, asOf, planStart))
    if (c.outlier) found.set(`${c.unit}|${c.period}`, c);
  return [...found.values()];
}

function flagText(c: Contribution, unit: string | null, lang: Lang): string {
  const outlier = c.outlier as NonNullable<Contribution['outlier']>;
  const value = formatQuantity(c.value, unit, { lang });
  const usual = formatQuantity(outlier.median, unit, { lang });
  const ratio = formatRatio(outlier.ratio, lang);
  return lang === 'zh'
    ? `${c.unit}${periodWords(c.period, 'zh')}填报 ${value}，为其往期中位数（${usual}）的 ${ratio}`
    : `${c.unit} reported ${value} for ${periodWords(c.period, 'en')}, ${ratio} its usual ${usual}`;
}

/** The verdict with the far-off values it rests on named in its words. */
export function withFlags(progress: Progress, flagged: readonly Contribution[], unit: string | null): Progress {
  if (flagged.length === 0) return progress;
  const zh = flagged.map((c) => flagText(c, unit, 'zh')).join('；');
  const en = flagged.map((c) => flagText(c, unit, 'en')).join('; ');
  return {
    ...progress,
    rule: {
      zh: `${progress.rule.zh}。⚠ 含偏离本单位往期的数值，请核实：${zh}`,
      en: `${progress.rule.en}. Check values far from the unit's own history: ${en}`,
    },
  };
}
