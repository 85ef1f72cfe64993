import type { DuckDBConnection } from '@duckdb/node-api';
import { exec, first, rows } from '@kesu/store';
import type { Partition } from '../lake/layout.js';
import type { Watermark } from './bookkeeping.js';
import { WH } from './catalog.js';

const EPOCH = '1970-01-01';

/** What an incremental build found changed since the last build. */
export interface Changes {
  /** The watermark the build reads up to: exactly what temp.changed holds. */
  until: Watermark;
  /** How many assignments changed. */
  assignments: number;
  /** When the last build ran (null: never), to tell whether a plan was edited since. */
  lastBuilt: string | null;
}

/**
 * Collects into temp.changed the assignments with a revision written after the last build's
 * watermark or created after it.
 */
export async function collectChanged(connection: DuckDBConnection): Promise<Changes> {
  const last =
    (await first(
      connection,
      `SELECT CAST(max(revisions_until) AS VARCHAR) AS revisions,
         CAST(max(assignments_until) AS VARCHAR) AS assignments, CAST(max(built_at) AS VARCHAR) AS built
       FROM ${WH}.warehouse_builds`,
    )) ?? {};
  await exec(
    connection,
    `CREATE OR REPLACE TEMP TABLE changed AS
     SELECT assignment_id, max(created_at) AS revised, NULL::TIMESTAMP AS created FROM main.submission_revisions
     WHERE created_at > $1::TIMESTAMP GROUP BY assignment_id
     UNION ALL
     SELECT id, NULL, created_at FROM main.assignments WHERE created_at > $2::TIMESTAMP`,
    [(last['revisions'] as string | null) ?? EPOCH, (last['assignments'] as string | null) ?? EPOCH],
  );
  // Taken from the rows just collected, so the new watermark is exactly what was read.
  const seen =
    (await first(
      connection,
      'SELECT CAST(max(revised) AS VARCHAR) AS revisions, CAST(max(created) AS VARCHAR) AS assignments, ' +
        'count(DISTINCT assignment_id) AS n FROM temp.changed',
    )) ?? {};
  return {
    until: {
      revisions: (seen['revisions'] as string | null) ?? (last['revisions'] as string | null) ?? null,
      assignments: (seen['assignments'] as string | null) ?? (last['assignments'] as string | null) ?? null,
    },
    assignments: Number(seen['n'] ?? 0),
    lastBuilt: (last['built'] as string | null) ?? null,
  };
}

/** The regions whose progress a change can move, as temp.progress_regions: every region above a changed assignment. */
export async function collectProgressRegions(connection: DuckDBConnection): Promise<void> {
  await exec(
    connection,
    `CREATE OR REPLACE TEMP TABLE progress_regions AS
     SELECT DISTINCT t.ancestor_code AS region_code FROM ${WH}.region_tree t
     WHERE t.region_code IN (SELECT region_code FROM temp.changed_assignments)`,
  );
}

/** Whether any plan was edited since the last build ran. */
export async function plansChangedSince(connection: DuckDBConnection, lastBuilt: string | null): Promise<boolean> {
  const found = await first(connection, 'SELECT count(*) AS n FROM main.plans WHERE updated_at > $1::TIMESTAMP', [
    lastBuilt ?? EPOCH,
  ]);
  return Number(found?.['n'] ?? 0) > 0;
}

/** The lake partitions (year × province) of the assignments in temp.changed_assignments. */
export async function touchedPartitions(connection: DuckDBConnection): Promise<Partition[]> {
  const sql = `SELECT DISTINCT coalesce(p.year, 0) AS year, coalesce(r.province_code, 'unknown') AS province
    FROM temp.changed_assignments a
    LEFT JOIN ${WH}.dim_region r ON r.region_code = a.region_code
    LEFT JOIN ${WH}.dim_period p ON p.period = a.period`;
  return (await rows(connection, sql)).map((r) => ({ year: Number(r['year']), province: String(r['province']) }));
}
