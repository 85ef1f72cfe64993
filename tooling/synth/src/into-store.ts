import { Plan, type Region } from '@kesu/schema';
import { inTransaction, type Db, type Params } from '@kesu/store';
import { FIRST_YEAR, LAST_YEAR } from './calendar.js';
import { tally, writeForms, writeProvince, type GenerateResult } from './generate.js';
import { DEMO } from './marking.js';
import type { ExistingPlan, ReportingDepartment } from './region-writer.js';
import { regionsAt, type Scale } from './scale.js';
import { buildWorld, seedRegionsOf, type World } from './world.js';

export interface GenerateIntoOptions {
  /** The writing connection of an open store (DuckDB or PostgreSQL) holding the registry, outside any transaction. */
  connection: Db;
  scale: Scale;
  /** Any 32-bit unsigned integer; the same seed gives the same data. Default 1. */
  seed?: number;
  /** Called after each region written, with the regions done and the regions to do. */
  onProgress?: (done: number, total: number) => void;
}

export interface GenerateIntoResult extends GenerateResult {
  /** Synthetic plans written (regions that had a plan of their own keep it). */
  plans: number;
  /** Forms written (the national forms, once). */
  forms: number;
  /** Regions left alone because an earlier run already wrote them. */
  present: number;
}

/**
 * The plan each region already has: of several, the latest one whose term overlaps 2021–2025
 * (else the latest), since that is the plan the synthetic years report against.
 */
async function plansOf(connection: Db, codes: readonly string[]): Promise<Map<string, Plan>> {
  const found = new Map<string, Plan>();
  const overlaps = (p: Plan) => p.period.start <= LAST_YEAR && p.period.end >= FIRST_YEAR;
  for (const r of await connection.rows(
    'SELECT region_code, plan FROM plans WHERE region_code IN (SELECT unnest($1::VARCHAR[])) ORDER BY id',
    [codes],
  )) {
    const plan = Plan.parse(JSON.parse(String(r['plan'])));
    const code = String(r['region_code']);
    const known = found.get(code);
    const better =
      !known ||
      (overlaps(plan) && !overlaps(known)) ||
      (overlaps(plan) === overlaps(known) && plan.period.start > known.period.start);
    if (better) found.set(code, plan);
  }
  return found;
}

/**
 * The departments that already report in each region on forms of their own (not this
 * generator's), by function: the name they report under and the years they have assignments in.
 */
async function reportingOf(
  connection: Db,
  codes: readonly string[],
  formIds: readonly string[],
): Promise<Map<string, Map<string, ReportingDepartment>>> {
  // array_agg, not DuckDB's list: both engines read it, and both give the years as an array.
  const sql = `SELECT a.region_code, f.department_function AS fn, min(a.department) AS department,
      array_agg(DISTINCT CAST(left(a.period, 4) AS INTEGER)) AS years
    FROM assignments a JOIN forms f ON f.id = a.form_id
    WHERE a.region_code IN (SELECT unnest($1::VARCHAR[])) AND f.department_function IS NOT NULL
      AND f.id NOT IN (SELECT unnest($2::VARCHAR[]))
    GROUP BY a.region_code, f.department_function`;
  const reporting = new Map<string, Map<string, ReportingDepartment>>();
  for (const r of await connection.rows(sql, [codes, formIds])) {
    const code = String(r['region_code']);
    const byFunction = reporting.get(code) ?? new Map<string, ReportingDepartment>();
    byFunction.set(String(r['fn']), {
      department: String(r['department']),
      years: new Set((r['years'] as unknown[]).map(Number)),
    });
    reporting.set(code, byFunction);
  }
  return reporting;
}

async function column(connection: Db, sql: string, params: Params, name: string): Promise<Set<string>> {
  return new Set((await connection.rows(sql, params)).map((r) => String(r[name])));
}

/**
 * Writes the synthetic data of a scale into an existing store, marked as demo data (titles
 * （演示）, actors `demo-`, notes 演示数据): the national forms, and for every region of the scale
 * five years of quarterly assignments and submissions. A region with a plan of its own (an
 * imported seed plan) reports against that plan's targets, and a department already reporting
 * there on forms of its own is filled in, under its name, only for the years it has none; any
 * other region gets a synthetic plan. Regions written before are left alone, so a
 * second run writes nothing. Each province is one transaction.
 * @example await generateInto({ connection: store.connection, scale: 'demo' })
 */
export async function generateInto(options: GenerateIntoOptions): Promise<GenerateIntoResult> {
  const started = performance.now();
  const { connection } = options;
  const world: World = buildWorld(options.seed ?? 1, DEMO);
  const formIds = world.forms.map((f) => world.ids.form(f.index));
  const groups = regionsAt(options.scale, world.regions, seedRegionsOf(world));
  const codes = groups.flat().map((r) => r.code);
  const present = await column(
    connection,
    'SELECT DISTINCT region_code FROM assignments WHERE form_id IN (SELECT unnest($1::VARCHAR[]))',
    [formIds],
    'region_code',
  );
  const todo = groups.map((g) => g.filter((r) => !present.has(r.code))).filter((g) => g.length > 0);
  const total = todo.reduce((n, g) => n + g.length, 0);
  const result = {
    regions: 0,
    assignments: 0,
    submissions: 0,
    revisions: 0,
    values: 0,
    plans: 0,
    forms: 0,
    present: codes.length - total,
  };
  if (total === 0) return { ...result, ms: Math.round(performance.now() - started) };
  const stored = await column(
    connection,
    'SELECT id FROM forms WHERE id IN (SELECT unnest($1::VARCHAR[]))',
    [formIds],
    'id',
  );
  if (stored.size < formIds.length) await inTransaction(connection, () => writeForms(connection, world, stored));
  result.forms = formIds.length - stored.size;
  const plans = await plansOf(connection, codes);
  const reporting = await reportingOf(connection, codes, formIds);
  const existing = (region: Region): ExistingPlan | undefined => {
    const plan = plans.get(region.code);
    return plan && { plan, reporting: reporting.get(region.code) ?? new Map() };
  };
  for (const regions of todo) {
    result.plans += regions.filter((r) => !plans.has(r.code)).length;
    await writeProvince(connection, world, regions, tally(result, total, options.onProgress), existing);
  }
  return { ...result, ms: Math.round(performance.now() - started) };
}
