/** A value bound to a `$n` placeholder; the builders never splice values into SQL text. */
export type SqlParam = string | number;

/** A parameterised statement for the warehouse (DuckDB), ready for `connection.runAndReadAll(sql, params)`. */
export interface SqlQuery {
  sql: string;
  params: SqlParam[];
}

/** What every report is asked for: the region whose children it compares, and the year it looks at. */
export interface ReportParams {
  /** The parent region (GB/T 2260 code); the report shows its direct children. */
  parentCode: string;
  /** The calendar year: flows are summed within it, stocks and rates are the latest value up to its end. */
  year: number;
}

/**
 * A SQL list of the names in `record` whose entry passes `test`, e.g. `sqlNames(targetScopes, (r) =>
 * r.actual === 'share_of_units')` is `('per_unit')`, so a query names scopes and indicator kinds by
 * their traits, never by a list of its own. The names are the schema's identifiers.
 */
export function sqlNames<K extends string, V>(record: Record<K, V>, test: (entry: V) => boolean): string {
  const names = (Object.keys(record) as K[]).filter((name) => test(record[name]));
  return `(${names.map((name) => `'${name}'`).join(', ')})`;
}
