import { SQLDialect } from '@codemirror/lang-sql';

// Only queries run in the sandbox, so the words of a SELECT in DuckDB's flavour, nothing for DDL.
const KEYWORDS =
  'select from where group by having order limit offset join inner left right full outer cross natural on using as ' +
  'and or not in is null between like ilike glob similar case when then else end distinct all union intersect ' +
  'except with recursive materialized asc desc nulls first last cast try_cast exists any some values over partition ' +
  'window rows range groups filter following preceding unbounded current row within qualify pivot unpivot exclude ' +
  'replace columns asof positional sample lateral semi anti true false';
const TYPES =
  'tinyint smallint integer bigint hugeint utinyint usmallint uinteger ubigint uhugeint float double decimal ' +
  'varchar text blob boolean date time timestamp timestamptz interval uuid list struct map union json';
const FUNCTIONS =
  'count sum avg min max median mode quantile_cont quantile_disc stddev_samp var_samp corr arg_max arg_min ' +
  'any_value first last list list_agg string_agg count_if bool_and bool_or approx_count_distinct histogram ' +
  'coalesce nullif greatest least round floor ceil abs ln log10 exp pow sqrt ' +
  'date_trunc date_part datediff date_diff date_add extract epoch year month quarter ' +
  'strftime strptime make_date current_date ' +
  'lower upper trim length substring concat concat_ws replace split_part starts_with ends_with ' +
  'contains regexp_matches regexp_extract regexp_replace format printf ' +
  'unnest range generate_series list_value list_contains list_sum struct_pack ' +
  'row_number rank dense_rank lag lead ntile percent_rank cume_dist';

/** DuckDB as the editor highlights and completes it: single-quoted strings, double-quoted names. */
export const DuckDB = SQLDialect.define({
  keywords: KEYWORDS,
  types: TYPES,
  builtin: FUNCTIONS,
  doubleQuotedStrings: false,
});
