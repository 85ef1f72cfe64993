import type { DuckDBConnection } from '@duckdb/node-api';
import type { ApprovalLevel } from '@kesu/schema';
import { exec, first } from '@kesu/store';
import { WH } from './catalog.js';

/**
 * How far a build has read: the newest revision and the newest assignment it saw. Every write
 * goes through one serial writer, so anything committed later carries a later time.
 */
export interface Watermark {
  revisions: string | null;
  assignments: string | null;
}

/** What the store holds now, as a watermark (a full build reads everything up to it). */
export async function currentWatermark(connection: DuckDBConnection): Promise<Watermark> {
  return (await first(
    connection,
    `SELECT CAST((SELECT max(created_at) FROM main.submission_revisions) AS VARCHAR) AS revisions,
       CAST((SELECT max(created_at) FROM main.assignments) AS VARCHAR) AS assignments`,
  )) as unknown as Watermark;
}

/** Records a build that read up to `until` (what the next incremental build starts from). */
export async function recordBuild(
  connection: DuckDBConnection,
  kind: 'full' | 'incremental',
  until: Watermark,
  ms: number,
  valueRows: number,
): Promise<void> {
  await exec(
    connection,
    `INSERT INTO ${WH}.warehouse_builds (built_at, kind, revisions_until, assignments_until, ms, value_rows)
     VALUES (now(), $1, $2::TIMESTAMP, $3::TIMESTAMP, $4, $5)`,
    [kind, until.revisions, until.assignments, ms, valueRows],
  );
}

/** Where the builds so far have read up to, and when the last one ran (all null: never built). */
export interface LastBuild {
  builtAt: string | null;
  revisionsUntil: string | null;
  assignmentsUntil: string | null;
}

/** The last build's time and watermark, as recorded by `recordBuild`. */
export async function lastBuild(connection: DuckDBConnection): Promise<LastBuild> {
  const r =
    (await first(
      connection,
      `SELECT CAST(max(built_at) AS VARCHAR) AS built, CAST(max(revisions_until) AS VARCHAR) AS revisions,
         CAST(max(assignments_until) AS VARCHAR) AS assignments
       FROM ${WH}.warehouse_builds`,
    )) ?? {};
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return { builtAt: text(r['built']), revisionsUntil: text(r['revisions']), assignmentsUntil: text(r['assignments']) };
}

/** The approval level the last full build counted data from (null: the first level). */
export async function builtCountFrom(connection: DuckDBConnection): Promise<ApprovalLevel | null> {
  const found = await first(
    connection,
    `SELECT value FROM ${WH}.warehouse_settings WHERE name = 'count_approved_from'`,
  );
  return (found?.['value'] as ApprovalLevel | null | undefined) ?? null;
}

export async function recordCountFrom(connection: DuckDBConnection, level: ApprovalLevel | null): Promise<void> {
  await exec(connection, `DELETE FROM ${WH}.warehouse_settings WHERE name = 'count_approved_from'`);
  await exec(connection, `INSERT INTO ${WH}.warehouse_settings (name, value) VALUES ('count_approved_from', $1)`, [
    level,
  ]);
}
