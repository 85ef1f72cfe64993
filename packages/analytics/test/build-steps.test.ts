import type { DuckDBConnection, DuckDBPreparedStatement } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { first, submissionBatch } from '@kesu/store';
import { BUILD_STEPS, buildWith, type BuildOptions, type BuildSteps } from '../src/warehouse/build.js';
import { FULL_BUILD, newContext, type BuildStep } from '../src/warehouse/build-steps.js';
import { WH } from '../src/warehouse/catalog.js';
import { runSteps } from '../src/warehouse/steps.js';
import { CITY, JINJIANG, openFixture, QINGYANG, type Fixture } from './fixture.js';

let f: Fixture;
let approved = '';

beforeEach(async () => {
  f = await openFixture();
  approved = await f.report(JINJIANG, '2025Q1', {
    trainings: 200,
    trainings_youth: 50,
    trainings_again: 20,
    own_trainings: 5,
  });
});
afterEach(() => {
  f.close();
});

const OPTIONS: BuildOptions = { today: new Date('2025-07-10T02:00:00Z') };

/** Reports values for a period the warehouse has seen, approved. */
const approveOne = () => f.report(QINGYANG, '2025Q1', { trainings: 150, own_trainings: 3 });
/** The city accepts the report approved first (a new revision of it): its values are written anew. */
const acceptApproved = () =>
  f.store.writes.batch(submissionBatch, {
    assignmentId: approved,
    action: 'accept',
    actor: 'city',
    formVersion: 1,
    review: {
      chain: [
        { level: 'county', regionCode: JINJIANG },
        { level: 'prefecture', regionCode: CITY },
      ],
      reviewer: { role: 'admin', regionCode: null },
    },
  });
const editPlans = () => f.wh.run('UPDATE main.plans SET updated_at = now()');

describe('the build as a list of steps', () => {
  it('refuses a list whose step reads a temporary table no earlier step creates, before running any', async () => {
    const facts = FULL_BUILD.findIndex((s) => s.name === 'facts');
    const bindings = FULL_BUILD.findIndex((s) => s.name === 'value bindings');
    const reordered = [...FULL_BUILD];
    [reordered[bindings], reordered[facts]] = [reordered[facts] as BuildStep, reordered[bindings] as BuildStep];
    const context = newContext({ today: new Date(), countFrom: null }, 0);
    await expect(runSteps(f.wh, reordered, context, () => undefined)).rejects.toThrow(
      'build step "facts" reads temp.value_binding, which no earlier step creates',
    );
    const builds = await first(f.wh, 'SELECT count(*) AS n FROM wh.warehouse_builds');
    expect(Number(builds?.['n'])).toBe(0);
  });

  it('reports the same stages as the build always did', async () => {
    const stages: string[] = [];
    const build = async () => {
      stages.length = 0;
      await buildWith(
        f.wh,
        { ...OPTIONS, onStep: (s, done, total) => stages.push(`${s} ${done}/${total}`) },
        BUILD_STEPS,
      );
      return [...stages];
    };
    expect(await build()).toEqual(['field bindings 0/4', 'dimensions 1/4', 'facts 2/4', 'progress 3/4', 'done 4/4']);
    await approveOne();
    expect(await build()).toEqual(['changes 0/3', 'facts 1/3', 'progress 2/3', 'done 3/3']);
    expect(await build()).toEqual(['changes 0/3', 'done 3/3']);
    // A period the code types do not hold: the refresh turns into a full build.
    await f.report(QINGYANG, '2025Q3', { trainings: 70 });
    expect(await build()).toEqual([
      'changes 0/3',
      'field bindings 0/4',
      'dimensions 1/4',
      'facts 2/4',
      'progress 3/4',
      'done 4/4',
    ]);
  });

  it('declares the temporary tables each step reads and creates and the warehouse tables it writes', async () => {
    const seen = new Map<string, string[]>();
    let current: string[] | null = null;
    const note = (sql: string) => current?.push(sql);
    const watch = (list: string, steps: readonly BuildStep[]) =>
      steps.map((step): BuildStep => ({
        ...step,
        run: async (connection, context) => {
          const key = `${list}: ${step.name}`;
          current = seen.get(key) ?? [];
          seen.set(key, current);
          try {
            return await step.run(connection, context);
          } finally {
            current = null;
          }
        },
      }));
    const steps: BuildSteps = {
      full: watch('full', BUILD_STEPS.full),
      incremental: watch('incremental', BUILD_STEPS.incremental),
    };
    const connection = recording(f.wh, note);
    await buildWith(connection, OPTIONS, steps);
    await approveOne();
    await acceptApproved();
    // The refreshes between them run every step of their list: with the plans unchanged and edited.
    expect(await buildWith(connection, OPTIONS, steps)).toMatchObject({ kind: 'incremental', assignments: 2 });
    await editPlans();
    expect(await buildWith(connection, OPTIONS, steps)).toMatchObject({ kind: 'incremental', changed: true });

    const declared = (list: string, all: readonly BuildStep[]) =>
      all.map((s) => [`${list}: ${s.name}`, tablesOf([s.reads, s.creates, s.writes])]);
    const found = (list: string, all: readonly BuildStep[]) =>
      all.map((s) => {
        const key = `${list}: ${s.name}`;
        return [key, tablesOf(namedIn(seen.get(key) ?? []))];
      });
    expect(found('full', BUILD_STEPS.full)).toEqual(declared('full', BUILD_STEPS.full));
    expect(found('incremental', BUILD_STEPS.incremental)).toEqual(declared('incremental', BUILD_STEPS.incremental));
  });
});

/** A step's tables as compared: reads, creates and writes, each sorted. */
const tablesOf = ([reads, creates, writes]: Array<Iterable<string>>) => ({
  reads: [...new Set(reads)].sort(),
  creates: [...new Set(creates)].sort(),
  writes: [...new Set(writes)].sort(),
});

const CREATES_TEMP = /CREATE\s+(?:OR\s+REPLACE\s+)?TEMP(?:ORARY)?\s+TABLE\s+(\w+)/gi;
const NAMES_TEMP = /\btemp\.(\w+)/gi;
const WRITES_WH = new RegExp(
  String.raw`(?:INSERT\s+INTO|DELETE\s+FROM|CREATE\s+TABLE|DROP\s+TABLE\s+IF\s+EXISTS)\s+${WH}\.(\w+)`,
  'gi',
);
const names = (pattern: RegExp, sql: string) => [...sql.matchAll(pattern)].map((m) => m[1] as string);

/**
 * The tables the statements of a step name: a temporary table named before the step created it
 * is read; a warehouse table inserted into, deleted from or made anew is written.
 */
function namedIn(statements: string[]): [string[], string[], string[]] {
  const reads: string[] = [];
  const creates: string[] = [];
  const writes: string[] = [];
  for (const sql of statements) {
    reads.push(...names(NAMES_TEMP, sql).filter((t) => !creates.includes(t)));
    creates.push(...names(CREATES_TEMP, sql));
    writes.push(...names(WRITES_WH, sql));
  }
  return [reads, creates, writes];
}

/** The connection, telling `note` the text of every statement it runs (an append as an INSERT INTO its table). */
function recording(connection: DuckDBConnection, note: (sql: string) => void): DuckDBConnection {
  const statement = (prepared: DuckDBPreparedStatement, sql: string) =>
    new Proxy(prepared, {
      get(target, key) {
        const value: unknown = Reflect.get(target, key, target);
        if (typeof value !== 'function') return value;
        const method = value as (...args: unknown[]) => unknown;
        if (key === 'run' || key === 'runAndReadAll' || key === 'stream')
          return (...args: unknown[]) => {
            note(sql);
            return method.apply(target, args);
          };
        return method.bind(target);
      },
    });
  return new Proxy(connection, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (key === 'run' || key === 'runAndReadAll' || key === 'stream')
        return (sql: string, ...args: unknown[]) => {
          note(sql);
          return method.call(target, sql, ...args);
        };
      if (key === 'prepare')
        return async (sql: string) => statement((await method.call(target, sql)) as DuckDBPreparedStatement, sql);
      if (key === 'createAppender')
        return (table: string, schema: string | null, catalog: string | null) => {
          note(`INSERT INTO ${catalog ?? 'main'}.${table}`);
          return method.call(target, table, schema, catalog);
        };
      return method.bind(target);
    },
  });
}
