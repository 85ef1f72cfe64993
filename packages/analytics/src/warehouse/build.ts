import { performance } from 'node:perf_hooks';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ApprovalLevel } from '@kesu/schema';
import { exec, first, inTransaction, rows, type Params } from '@kesu/store';
import type { Partition } from '../lake/layout.js';
import type { StepListener } from './steps.js';
import { hasBuild, recreateTables } from './attach.js';
import { WH } from './catalog.js';
import { codeTypesCover } from './code-types.js';
import { buildDimensions, buildPeriodDimension, loadPlanParts } from './dimensions.js';
import { buildFacts, collectChangedSources, loadFieldBindings } from './facts.js';
import { buildProgress } from './progress.js';

export interface BuildOptions {
  full?: boolean;
  onStep?: StepListener;
  /** The day the build runs on: which plan years have ended (default: now). */
  today?: Date;
  /** Count only data approved at this level or above (default: approved at the first level). */
  countApprovedFrom?: ApprovalLevel | null;
}

/** What a build judges by: the day it runs on and the approval level data counts from. */
interface Rules {
  today: Date;
  countFrom: ApprovalLevel | null;
}

export interface BuildResult {
  kind: 'full' | 'incremental';
  /** False when nothing had changed since the last build, which then wrote nothing. */
  changed: boolean;
  ms: number;
  /** Assignments whose rows were rebuilt (all of them for a full build). */
  assignments: number;
  valueRows: number;
  progressRows: number;
  /** The lake partitions an incremental build changed (null after a full build: all of them). */
  touched: Partition[] | null;
}

async function count(connection: DuckDBConnection, sql: string, params?: Params): Promise<number> {
  return Number((await first(connection, sql, params))?.['n'] ?? 0);
}

/**
 * How far a build has read: the newest revision and the newest assignment it saw. Every write
 * goes through one serial writer, so anything committed later carries a later time.
 */
interface Watermark {
  revisions: string | null;
  assignments: string | null;
}

const WATERMARK_SQL = `SELECT CAST((SELECT max(created_at) FROM main.submission_revisions) AS VARCHAR) AS revisions,
  CAST((SELECT max(created_at) FROM main.assignments) AS VARCHAR) AS assignments`;

async function record(
  connection: DuckDBConnection,
  kind: BuildResult['kind'],
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

/** The approval level the last full build counted data from (null: the first level). */
async function builtCountFrom(connection: DuckDBConnection): Promise<ApprovalLevel | null> {
  const found = await first(
    connection,
    `SELECT value FROM ${WH}.warehouse_settings WHERE name = 'count_approved_from'`,
  );
  return (found?.['value'] as ApprovalLevel | null | undefined) ?? null;
}

async function recordCountFrom(connection: DuckDBConnection, level: ApprovalLevel | null): Promise<void> {
  await exec(connection, `DELETE FROM ${WH}.warehouse_settings WHERE name = 'count_approved_from'`);
  await exec(connection, `INSERT INTO ${WH}.warehouse_settings (name, value) VALUES ('count_approved_from', $1)`, [
    level,
  ]);
}

/** Everything from scratch, in one transaction: readers see the old warehouse until it commits. */
async function fullBuild(
  connection: DuckDBConnection,
  started: number,
  step: StepListener,
  rules: Rules,
): Promise<BuildResult> {
  step('field bindings', 0, 4);
  await loadFieldBindings(connection);
  await loadPlanParts(connection);
  const result = await inTransaction(connection, async () => {
    const until = (await first(connection, WATERMARK_SQL)) as unknown as Watermark;
    step('dimensions', 1, 4);
    await recreateTables(connection);
    await buildDimensions(connection);
    step('facts', 2, 4);
    const valueRows = await buildFacts(connection, false, rules.countFrom);
    step('progress', 3, 4);
    const progressRows = await buildProgress(connection, false, rules.today);
    step('done', 4, 4);
    const assignments = await count(connection, `SELECT count(*) AS n FROM ${WH}.fact_submission`);
    const ms = performance.now() - started;
    await record(connection, 'full', until, ms, valueRows);
    await recordCountFrom(connection, rules.countFrom);
    return { kind: 'full' as const, changed: true, ms, assignments, valueRows, progressRows, touched: null };
  });
  // The small tables' rows went to the write-ahead log; moved into the file now, not by the
  // commit of the next refresh (an approval would wait half a second for it at national scale).
  // Only a head start: with another transaction open DuckDB declines, and a later commit does it.
  await exec(connection, `CHECKPOINT ${WH}`).catch(() => undefined);
  return { ...result, ms: performance.now() - started };
}

/**
 * What changed since the last build: assignments with a revision written after its watermark
 * or created after it, and whether any plan was edited since the build ran.
 */
async function collectChanges(
  connection: DuckDBConnection,
): Promise<{ until: Watermark; changed: number; plansChanged: boolean }> {
  const last =
    (await first(
      connection,
      `SELECT CAST(max(revisions_until) AS VARCHAR) AS revisions,
         CAST(max(assignments_until) AS VARCHAR) AS assignments, CAST(max(built_at) AS VARCHAR) AS built
       FROM ${WH}.warehouse_builds`,
    )) ?? {};
  const epoch = '1970-01-01';
  await exec(
    connection,
    `CREATE OR REPLACE TEMP TABLE changed AS
     SELECT assignment_id, max(created_at) AS revised, NULL::TIMESTAMP AS created FROM main.submission_revisions
     WHERE created_at > $1::TIMESTAMP GROUP BY assignment_id
     UNION ALL
     SELECT id, NULL, created_at FROM main.assignments WHERE created_at > $2::TIMESTAMP`,
    [(last['revisions'] as string | null) ?? epoch, (last['assignments'] as string | null) ?? epoch],
  );
  // Taken from the rows just collected, so the new watermark is exactly what was read.
  const seen =
    (await first(
      connection,
      'SELECT CAST(max(revised) AS VARCHAR) AS revisions, CAST(max(created) AS VARCHAR) AS assignments, ' +
        'count(DISTINCT assignment_id) AS n FROM temp.changed',
    )) ?? {};
  await collectChangedSources(connection);
  await exec(
    connection,
    `CREATE OR REPLACE TEMP TABLE progress_regions AS
     SELECT DISTINCT t.ancestor_code AS region_code FROM ${WH}.region_tree t
     WHERE t.region_code IN (SELECT region_code FROM temp.changed_assignments)`,
  );
  const plansChanged =
    (await count(connection, 'SELECT count(*) AS n FROM main.plans WHERE updated_at > $1::TIMESTAMP', [
      (last['built'] as string | null) ?? epoch,
    ])) > 0;
  const until: Watermark = {
    revisions: (seen['revisions'] as string | null) ?? (last['revisions'] as string | null) ?? null,
    assignments: (seen['assignments'] as string | null) ?? (last['assignments'] as string | null) ?? null,
  };
  return { until, changed: Number(seen['n'] ?? 0), plansChanged };
}

/** The lake partitions (year × province) of the assignments in temp.changed. */
async function touchedPartitions(connection: DuckDBConnection): Promise<Partition[]> {
  const sql = `SELECT DISTINCT coalesce(p.year, 0) AS year, coalesce(r.province_code, 'unknown') AS province
    FROM temp.changed_assignments a
    LEFT JOIN ${WH}.dim_region r ON r.region_code = a.region_code
    LEFT JOIN ${WH}.dim_period p ON p.period = a.period`;
  return (await rows(connection, sql)).map((r) => ({ year: Number(r['year']), province: String(r['province']) }));
}

/** Only the assignments changed since the last build, and the progress of the regions above them. */
async function incrementalBuild(
  connection: DuckDBConnection,
  started: number,
  step: StepListener,
  rules: Rules,
): Promise<BuildResult> {
  step('changes', 0, 3);
  const { until, changed, plansChanged } = await collectChanges(connection);
  if (changed === 0 && !plansChanged) {
    step('done', 3, 3);
    return {
      kind: 'incremental',
      changed: false,
      ms: performance.now() - started,
      assignments: 0,
      valueRows: 0,
      progressRows: 0,
      touched: [],
    };
  }
  await loadFieldBindings(connection);
  if (plansChanged) await loadPlanParts(connection);
  // A value the code types do not hold yet (a new period's assignments, say) needs them made anew.
  if (!(await codeTypesCover(connection, plansChanged))) return fullBuild(connection, started, step, rules);
  return inTransaction(connection, async () => {
    step('facts', 1, 3);
    if (plansChanged) await buildDimensions(connection);
    else await buildPeriodDimension(connection);
    const valueRows = await buildFacts(connection, true, rules.countFrom);
    step('progress', 2, 3);
    const progressRows = await buildProgress(connection, !plansChanged, rules.today);
    step('done', 3, 3);
    const touched = await touchedPartitions(connection);
    const ms = performance.now() - started;
    await record(connection, 'incremental', until, ms, valueRows);
    return { kind: 'incremental', changed: true, ms, assignments: changed, valueRows, progressRows, touched };
  });
}

/**
 * Builds the attached warehouse from the operational tables: in full when asked or when it was
 * never built, otherwise only what changed since the last build.
 */
export async function buildWarehouse(connection: DuckDBConnection, options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const step = options.onStep ?? (() => undefined);
  const rules: Rules = { today: options.today ?? new Date(), countFrom: options.countApprovedFrom ?? null };
  // Data counted from another level changes every figure: the warehouse is built anew.
  const recounted = (await builtCountFrom(connection)) !== rules.countFrom;
  if (options.full || recounted || !(await hasBuild(connection))) return fullBuild(connection, started, step, rules);
  return incrementalBuild(connection, started, step, rules);
}
