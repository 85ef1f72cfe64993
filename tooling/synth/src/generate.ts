import { existsSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Region } from '@kesu/schema';
import { inTransaction, openStore, replaceRegistry } from '@kesu/store';
import { closeRegionTables, openRegionTables, Rows } from './appenders.js';
import { DAY_MS, officeHours, QUARTERS } from './calendar.js';
import { profileOf, withPlanLiteracy } from './region-profile.js';
import { writeRegion, type ExistingPlan, type RegionCounts } from './region-writer.js';
import { regionsAt, type Scale } from './scale.js';
import { buildWorld, seedRegionsOf, type World } from './world.js';

export interface GenerateOptions {
  /** The database file to create; it must not exist yet. */
  file: string;
  scale: Scale;
  /** Any 32-bit unsigned integer; the same seed gives the same data. Default 1. */
  seed?: number;
  /** Called after each region, with the regions done and the regions to do. */
  onProgress?: (done: number, total: number) => void;
}

export interface GenerateResult {
  /** Regions with a plan and assignments (the registry always holds every region). */
  regions: number;
  assignments: number;
  /** Assignments with at least one revision. */
  submissions: number;
  revisions: number;
  /** Numbers in approved submissions, one per numeric field reported. */
  values: number;
  ms: number;
}

/** Adds each region's counts to the result as it is written, and reports progress. */
export function tally(result: Omit<GenerateResult, 'ms'>, total: number, onProgress: GenerateOptions['onProgress']): (counts: RegionCounts) => void {
  return (counts) => {
    result.regions++;
    result.assignments += counts.assignments;
    result.submissions += counts.submissions;
    result.revisions += counts.revisions;
    result.values += counts.values;
    onProgress?.(result.regions, total);
  };
}

/**
 * The national forms, published as version 1 before the first quarter's assignments; `skip`
 * holds the ids of forms the store already has.
 */
export async function writeForms(connection: DuckDBConnection, world: World, skip: ReadonlySet<string> = new Set()): Promise<void> {
  const published = officeHours((QUARTERS[0]?.startMs ?? 0) - 14 * DAY_MS, 0.2);
  const admin = `${world.marking.actor}synth-admin`;
  const forms = await Rows.open(connection, 'forms');
  const versions = await Rows.open(connection, 'form_versions');
  for (const form of world.forms) {
    const id = world.ids.form(form.index);
    if (skip.has(id)) continue;
    const json = JSON.stringify(form.definition);
    forms.text(id).maybe(null).text(form.fn.nameZh).text(form.fn.code).text(json).int(1).text(admin).time(published).end();
    versions.text(id).int(1).text(json).text(admin).time(published).end();
  }
  forms.close();
  versions.close();
}

/**
 * One province's regions in one transaction: appenders stream the rows, COMMIT frees them.
 * `existing` gives the plan a region already has in the store, if any.
 */
export async function writeProvince(
  connection: DuckDBConnection,
  world: World,
  regions: Region[],
  progress: (counts: RegionCounts) => void,
  existing: (region: Region) => ExistingPlan | undefined = () => undefined,
): Promise<void> {
  await inTransaction(connection, async () => {
    const tables = await openRegionTables(connection);
    try {
      for (const region of regions) {
        const own = existing(region);
        const profile = profileOf(region, world.index, world.seed);
        progress(writeRegion(world, own ? withPlanLiteracy(profile, own.plan.literacyTarget, world.seed) : profile, tables, own));
      }
    } finally {
      closeRegionTables(tables);
    }
  });
}

/**
 * Writes a store database as if the country had used Kesu for five years: the registry, a
 * plan per region copied from the seed plans, a quarterly form per department function and,
 * for every region, function and quarter of 2021–2025, an assignment and its submission's
 * revisions. Deterministic: the same seed and scale give the same rows.
 * @example await generateNational({ file: '/tmp/kesu.duckdb', scale: 'tiny' })
 */
export async function generateNational(options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  if (existsSync(options.file)) throw new Error(`${options.file} already exists`);
  const world = buildWorld(options.seed ?? 1);
  const groups = regionsAt(options.scale, world.regions, seedRegionsOf(world));
  const total = groups.reduce((n, g) => n + g.length, 0);
  const result = { regions: 0, assignments: 0, submissions: 0, revisions: 0, values: 0 };
  const store = await openStore(options.file);
  try {
    const { connection } = store;
    await replaceRegistry(connection, { regions: world.regions, functions: world.functions, indicators: world.catalog.indicators });
    await inTransaction(connection, () => writeForms(connection, world));
    // A checkpoint rewrites the tables' indexes whole; after every province that would take
    // longer than writing the data, so the log grows until the one checkpoint at the end.
    await connection.run("SET wal_autocheckpoint = '1TB'");
    for (const regions of groups) {
      await writeProvince(connection, world, regions, tally(result, total, options.onProgress));
    }
    await connection.run('CHECKPOINT');
  } finally {
    store.close();
  }
  return { ...result, ms: Math.round(performance.now() - started) };
}
