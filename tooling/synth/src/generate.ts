import { existsSync } from 'node:fs';
import type { Region } from '@kesu/schema';
import {
  inTransaction,
  isPostgresUrl,
  openStore,
  redactedUrl,
  replaceRegistry,
  type Db,
  type Store,
} from '@kesu/store';
import { closeTables, openRegionTables, openTables, tablesDrained } from './appenders.js';
import { DAY_MS, officeHours, QUARTERS } from './calendar.js';
import { profileOf, withPlanLiteracy } from './region-profile.js';
import { writeRegion, type ExistingPlan, type RegionCounts } from './region-writer.js';
import { regionsAt, type Scale } from './scale.js';
import { buildWorld, seedRegionsOf, type World } from './world.js';

/**
 * Where to write: a DuckDB file that does not exist yet, or a `postgres://` URL of a database
 * holding no regions yet. `file` is the older name, still read for callers that pass a file.
 */
export type StoreTarget = { location: string; file?: never } | { file: string; location?: never };

export type GenerateOptions = StoreTarget & {
  scale: Scale;
  /** Any 32-bit unsigned integer; the same seed gives the same data. Default 1. */
  seed?: number;
  /** Called after each region, with the regions done and the regions to do. */
  onProgress?: (done: number, total: number) => void;
};

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
export function tally(
  result: Omit<GenerateResult, 'ms'>,
  total: number,
  onProgress: GenerateOptions['onProgress'],
): (counts: RegionCounts) => void {
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
export async function writeForms(connection: Db, world: World, skip: ReadonlySet<string> = new Set()): Promise<void> {
  const published = officeHours((QUARTERS[0]?.startMs ?? 0) - 14 * DAY_MS, 0.2);
  const admin = `${world.marking.actor}synth-admin`;
  const { forms, versions } = await openTables(connection, { forms: 'forms', versions: 'form_versions' });
  for (const form of world.forms) {
    const id = world.ids.form(form.index);
    if (skip.has(id)) continue;
    const json = JSON.stringify(form.definition);
    forms
      .text(id)
      .maybe(null)
      .text(form.fn.nameZh)
      .text(form.fn.code)
      .text(json)
      .int(1)
      .text(admin)
      .time(published)
      .end();
    versions.text(id).int(1).text(json).text(admin).time(published).end();
  }
  await closeTables({ forms, versions });
}

/**
 * One province's regions in one transaction: appenders stream the rows, COMMIT frees them.
 * `existing` gives the plan a region already has in the store, if any. On PostgreSQL a region
 * is made only once the one before the last has been inserted, so memory holds about two
 * regions' rows, and the server works on an insert while the next region is made.
 */
export async function writeProvince(
  connection: Db,
  world: World,
  regions: Region[],
  progress: (counts: RegionCounts) => void,
  existing: (region: Region) => ExistingPlan | undefined = () => undefined,
): Promise<void> {
  await inTransaction(connection, async () => {
    const tables = await openRegionTables(connection);
    let previous: Promise<void> | null = null;
    try {
      for (const region of regions) {
        const own = existing(region);
        const profile = profileOf(region, world.index, world.seed);
        const counts = writeRegion(
          world,
          own ? withPlanLiteracy(profile, own.plan.literacyTarget, world.seed) : profile,
          tables,
          own,
        );
        if (previous) await previous;
        previous = tablesDrained(tables);
        progress(counts);
      }
    } finally {
      // Awaited before closing, so a failed insert is reported once, by the close.
      await previous?.catch(() => undefined);
      await closeTables(tables);
    }
  });
}

/**
 * Opens the store to write, refusing one that holds data already: a DuckDB file must not exist
 * (the generator makes it whole), a PostgreSQL database (made by its administrator) must hold no
 * regions yet.
 */
async function openEmptyStore(location: string): Promise<Store> {
  if (!isPostgresUrl(location)) {
    if (existsSync(location)) throw new Error(`${location} already exists`);
    return openStore(location);
  }
  const store = await openStore(location);
  const [held] = await store.connection.rows('SELECT count(*) AS n FROM regions');
  if (Number(held?.['n']) === 0) return store;
  await store.close();
  throw new Error(`${redactedUrl(location)} already holds regions`);
}

/**
 * Writes a store database as if the country had used Kesu for five years: the registry, a
 * plan per region copied from the seed plans, a quarterly form per department function and,
 * for every region, function and quarter of 2021–2025, an assignment and its submission's
 * revisions. Deterministic: the same seed and scale give the same rows, on either engine.
 * @example await generateNational({ location: '/tmp/kesu.duckdb', scale: 'tiny' })
 * @example await generateNational({ location: 'postgres://kesu@db/kesu', scale: 'national' })
 */
export async function generateNational(options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const result = { regions: 0, assignments: 0, submissions: 0, revisions: 0, values: 0 };
  const store = await openEmptyStore(options.location ?? options.file);
  try {
    const world = buildWorld(options.seed ?? 1);
    const groups = regionsAt(options.scale, world.regions, seedRegionsOf(world));
    const total = groups.reduce((n, g) => n + g.length, 0);
    const { connection } = store;
    const duckdb = connection.dialect === 'duckdb';
    await replaceRegistry(connection, {
      regions: world.regions,
      functions: world.functions,
      indicators: world.catalog.indicators,
    });
    await inTransaction(connection, () => writeForms(connection, world));
    // A checkpoint rewrites the tables' indexes whole; after every province that would take
    // longer than writing the data, so the log grows until the one checkpoint at the end.
    if (duckdb) await connection.exec("SET wal_autocheckpoint = '1TB'");
    for (const regions of groups) {
      await writeProvince(connection, world, regions, tally(result, total, options.onProgress));
    }
    // PostgreSQL plans its first queries on statistics it has not gathered for the new rows yet.
    await connection.exec(duckdb ? 'CHECKPOINT' : 'ANALYZE');
  } finally {
    await store.close();
  }
  return { ...result, ms: Math.round(performance.now() - started) };
}
