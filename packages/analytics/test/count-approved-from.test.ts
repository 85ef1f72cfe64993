import type { DuckDBConnection } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApprovalStep } from '@kesu/schema';
import { rows, submissionBatch } from '@kesu/store';
import { buildWarehouse, type BuildOptions } from '../src/index.js';
import { CITY, openFixture, PROVINCE, QINGYANG, type Fixture } from './fixture.js';

let f: Fixture;
let wh: DuckDBConnection;
let waiting = '';
const CHAIN: ApprovalStep[] = [
  { level: 'county', regionCode: QINGYANG },
  { level: 'prefecture', regionCode: CITY },
  { level: 'province', regionCode: PROVINCE },
];
const OFFICE = { role: 'admin', regionCode: null };

beforeEach(async () => {
  f = await openFixture();
  wh = f.wh;
  // Approved before levels were recorded: by each region's own office.
  await f.report(QINGYANG, '2025Q1', { trainings: 150 });
  await f.report(CITY, '2025Q2', { trainings: 100 });
  // Approved by the district along the levels, not yet accepted by the city.
  waiting = await f.report(QINGYANG, '2025Q2', { trainings: 40 }, false);
  await f.store.writes.batch(submissionBatch, {
    assignmentId: waiting,
    action: 'approve',
    actor: 'qy',
    formVersion: 1,
    review: { chain: CHAIN, reviewer: OFFICE },
  });
});
afterEach(() => {
  f.close();
});

const build = (options: BuildOptions = {}) =>
  buildWarehouse(wh, { today: new Date('2025-07-10T02:00:00Z'), ...options });
const counted = async () =>
  (
    await rows(
      wh,
      "SELECT region_code || ' ' || period AS v FROM wh.fact_value " +
        "WHERE indicator_code = 'training_person_times' AND disaggregation = '' ORDER BY 1",
    )
  ).map((r) => r['v']);

describe('counting only data approved at a level or above', () => {
  it('leaves out what only the district approved until the city accepts it', async () => {
    expect((await build({ countApprovedFrom: 'prefecture' })).kind).toBe('full');
    // The city's own report was approved by the city itself; the district's wait for the city.
    expect(await counted()).toEqual([`${CITY} 2025Q2`]);

    await f.store.writes.batch(submissionBatch, {
      assignmentId: waiting,
      action: 'accept',
      actor: 'cd',
      formVersion: 1,
      review: { chain: CHAIN, reviewer: OFFICE },
    });
    expect(await build({ countApprovedFrom: 'prefecture' })).toMatchObject({ kind: 'incremental', valueRows: 1 });
    expect(await counted()).toEqual([`${CITY} 2025Q2`, `${QINGYANG} 2025Q2`]);
  });

  it('builds anew when the level changes, and counts every approval without one', async () => {
    await build({ countApprovedFrom: 'province' });
    expect(await counted()).toEqual([]);
    expect((await build()).kind).toBe('full');
    expect(await counted()).toEqual([`${CITY} 2025Q2`, `${QINGYANG} 2025Q1`, `${QINGYANG} 2025Q2`]);
    expect((await build()).kind).toBe('incremental');
  });
});
