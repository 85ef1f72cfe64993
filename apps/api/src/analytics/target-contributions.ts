import { regionObservations, valuesRead, type UnitValue } from '@kesu/analytics';
import { combineOf, type TargetContributions, type TargetScope } from '@kesu/schema';
import type { AnalyticsService } from './analytics-service.js';

/** The target's region and what its verdict for the year rests on, or null when there is no such target. */
export async function targetContributions(
  analytics: AnalyticsService,
  targetId: string,
  year: number,
): Promise<TargetContributions | null> {
  const [target] = await analytics.query(
    `SELECT t.region_code, t.scope, t.unit, t.indicator_code, d.start_year, CAST(p.as_of AS VARCHAR) AS as_of, p.actual
     FROM dim_target t JOIN dim_plan d USING (plan_id)
     LEFT JOIN fact_progress p ON p.target_id = t.target_id AND p.year = $2
     WHERE t.target_id = $1`,
    [targetId, year],
  );
  if (!target) return null;
  const scope = target['scope'] as TargetScope;
  const unit = (target['unit'] as string | null) ?? null;
  const asOf = (target['as_of'] as string | null) ?? null;
  const combine = combineOf(scope, unit);
  const head = {
    targetId,
    regionCode: String(target['region_code']),
    year,
    asOf,
    unit,
    combine,
    actual: target['actual'] === null ? null : Number(target['actual']),
  };
  const values = (
    await analytics.query(
      `SELECT CAST(v.department AS VARCHAR) AS unit, CAST(v.period AS VARCHAR) AS period, max(v.value) AS value
       FROM fact_target_value v WHERE v.target_id = $1 GROUP BY ALL`,
      [targetId],
    )
  ).map((r): UnitValue => ({ unit: String(r['unit'] ?? ''), period: String(r['period']), value: Number(r['value']) }));
  if (values.length > 0 && asOf !== null) {
    const read = valuesRead(scope, regionObservations(values, combine), asOf, Number(target['start_year']));
    const rows = read.map((c) => ({
      ...c,
      regionCode: null,
      outlier: c.outlier && { ...c.outlier, ratio: Number.isFinite(c.outlier.ratio) ? c.outlier.ratio : null },
    }));
    return { ...head, source: 'field', rows };
  }
  if (asOf === null || target['indicator_code'] === null) return { ...head, source: 'none', rows: [] };
  // Without a field of its own the target reads its indicator, summed up the region tree by the warehouse.
  const indicatorRows = await analytics.query(
    `SELECT CAST(v.department AS VARCHAR) AS unit, CAST(v.region_code AS VARCHAR) AS region_code,
       CAST(v.period AS VARCHAR) AS period, v.value
     FROM fact_value v JOIN region_tree tr ON tr.region_code = v.region_code
     WHERE tr.ancestor_code = $1 AND v.indicator_code = $2 AND v.disaggregation = '' AND v.year = $3
     ORDER BY v.period, v.region_code, v.department LIMIT 2000`,
    [head.regionCode, String(target['indicator_code']), Number(asOf.slice(0, 4))],
  );
  const rows = indicatorRows.map((r) => ({
    unit: String(r['unit'] ?? ''),
    regionCode: String(r['region_code']),
    period: String(r['period']),
    value: Number(r['value']),
    carried: false,
    outlier: null,
  }));
  return { ...head, source: 'indicator', rows };
}
