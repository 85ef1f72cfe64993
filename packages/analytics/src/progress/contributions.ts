import { combineOf, type TargetContributions, type TargetScope } from '@kesu/schema';
import type { Row } from '@kesu/store';
import type { SqlQuery } from '../charts/shared/sql-query.js';
import { valuesRead } from './flags.js';
import { regionObservations, type UnitValue } from './unit-values.js';

/** Runs a query over the warehouse's tables (named without a catalog) and returns its rows as JSON values. */
export type WarehouseReader = (query: SqlQuery) => Promise<Row[]>;

/** The target, its plan's first year and its verdict for the year (no row: no such target). */
const targetVerdictQuery = (targetId: string, year: number): SqlQuery => ({
  sql: `SELECT t.region_code, t.scope, t.unit, t.indicator_code, d.start_year,
       CAST(p.as_of AS VARCHAR) AS as_of, p.actual
     FROM dim_target t JOIN dim_plan d USING (plan_id)
     LEFT JOIN fact_progress p ON p.target_id = t.target_id AND p.year = $2
     WHERE t.target_id = $1`,
  params: [targetId, year],
});

/** Each unit's approved values of the target's own field (several fields of one report keep the larger). */
const targetUnitValuesQuery = (targetId: string): SqlQuery => ({
  sql: `SELECT CAST(v.department AS VARCHAR) AS unit, CAST(v.period AS VARCHAR) AS period, max(v.value) AS value
       FROM fact_target_value v WHERE v.target_id = $1 GROUP BY ALL`,
  params: [targetId],
});

/** The indicator's values in the region's tree for one year (at most 2,000), each as its unit reported it. */
const indicatorValuesQuery = (regionCode: string, indicator: string, year: number): SqlQuery => ({
  sql: `SELECT CAST(v.department AS VARCHAR) AS unit, CAST(v.region_code AS VARCHAR) AS region_code,
       CAST(v.period AS VARCHAR) AS period, v.value
     FROM fact_value v JOIN region_tree tr ON tr.region_code = v.region_code
     WHERE tr.ancestor_code = $1 AND v.indicator_code = $2 AND v.disaggregation = '' AND v.year = $3
     ORDER BY v.period, v.region_code, v.department LIMIT 2000`,
  params: [regionCode, indicator, year],
});

/** The target's region and what its verdict for the year rests on, or null when there is no such target. */
export async function targetContributions(
  read: WarehouseReader,
  targetId: string,
  year: number,
): Promise<TargetContributions | null> {
  const [target] = await read(targetVerdictQuery(targetId, year));
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
  const values = (await read(targetUnitValuesQuery(targetId))).map((r): UnitValue => ({
    unit: String(r['unit'] ?? ''),
    period: String(r['period']),
    value: Number(r['value']),
  }));
  if (values.length > 0 && asOf !== null) {
    const counted = valuesRead(scope, regionObservations(values, combine), asOf, Number(target['start_year']));
    const rows = counted.map((c) => ({
      ...c,
      regionCode: null,
      outlier: c.outlier && { ...c.outlier, ratio: Number.isFinite(c.outlier.ratio) ? c.outlier.ratio : null },
    }));
    return { ...head, source: 'field', rows };
  }
  if (asOf === null || target['indicator_code'] === null) return { ...head, source: 'none', rows: [] };
  // Without a field of its own the target reads its indicator, summed up the region tree by the warehouse.
  const indicatorRows = await read(
    indicatorValuesQuery(head.regionCode, String(target['indicator_code']), Number(asOf.slice(0, 4))),
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
