import type { DuckDBConnection } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rows, submissionBatch } from '@kesu/store';
import { buildWarehouse, type BuildOptions } from '../src/index.js';
import { CITY, JINJIANG, openFixture, QINGYANG, type Fixture } from './fixture.js';

let f: Fixture;
let wh: DuckDBConnection;

beforeEach(async () => {
  f = await openFixture();
  wh = f.wh;
  await f.report(JINJIANG, '2024Q4', { trainings: 300 });
  await f.report(JINJIANG, '2025Q1', {
    trainings: 200,
    trainings_youth: 50,
    activities: 50,
    bases: 10,
    venues: 3,
    literacy: 14,
    note: '正常',
  });
  await f.report(QINGYANG, '2025Q1', { trainings: 150, activities: 40, bases: 12, venues: 1, literacy: 16 });
  await f.report(CITY, '2025Q2', { trainings: 100, literacy: 15.5 });
});
afterEach(() => {
  f.close();
});

/** Builds as on a day in July 2025, while the plan (2021–2025) is under way. */
const build = (options: BuildOptions = {}) =>
  buildWarehouse(wh, { today: new Date('2025-07-10T02:00:00Z'), ...options });

/** Each target's verdict for a year (by default the current one, 2025), by indicator. */
const progress = async (year = 2025) =>
  Object.fromEntries(
    (
      await rows(
        wh,
        'SELECT t.indicator_code, p.status, p.actual, p.expected ' +
          'FROM wh.fact_progress p JOIN wh.dim_target t USING (target_id) WHERE p.year = $1 ORDER BY 1',
        [year],
      )
    ).map((r) => [
      String(r['indicator_code']),
      {
        status: r['status'],
        actual: r['actual'],
        expected: r['expected'] === null ? null : Math.round(Number(r['expected'])),
      },
    ]),
  );

describe('full build', () => {
  it('keeps approved values only, one row per bound field, breakdowns apart from totals', async () => {
    await f.report(QINGYANG, '2025Q2', { trainings: 999 }, false);
    const result = await build();
    expect(result.kind).toBe('full');
    const values = await rows(
      wh,
      'SELECT region_code, period, indicator_code, disaggregation, value FROM wh.fact_value ' +
        "WHERE indicator_code = 'training_person_times' ORDER BY ALL",
    );
    expect(values).toEqual([
      { region_code: CITY, period: '2025Q2', indicator_code: 'training_person_times', disaggregation: '', value: 100 },
      {
        region_code: JINJIANG,
        period: '2024Q4',
        indicator_code: 'training_person_times',
        disaggregation: '',
        value: 300,
      },
      {
        region_code: JINJIANG,
        period: '2025Q1',
        indicator_code: 'training_person_times',
        disaggregation: '',
        value: 200,
      },
      {
        region_code: JINJIANG,
        period: '2025Q1',
        indicator_code: 'training_person_times',
        disaggregation: 'targetGroup=youth',
        value: 50,
      },
      {
        region_code: QINGYANG,
        period: '2025Q1',
        indicator_code: 'training_person_times',
        disaggregation: '',
        value: 150,
      },
    ]);
    expect(result.valueRows).toBe(14);
    const submissions = await rows(
      wh,
      'SELECT status, count(*) AS n FROM wh.fact_submission GROUP BY status ORDER BY status',
    );
    expect(submissions).toEqual([
      { status: 'approved', n: '4' },
      { status: 'submitted', n: '1' },
    ]);
  });

  it('keeps one value when two fields report the same indicator and breakdown', async () => {
    await f.report(QINGYANG, '2025Q2', { trainings: 80, trainings_again: 120 });
    await build();
    expect(
      await rows(
        wh,
        'SELECT value FROM wh.fact_value ' +
          "WHERE region_code = $1 AND period = '2025Q2' AND indicator_code = 'training_person_times'",
        [QINGYANG],
      ),
    ).toEqual([{ value: 120 }]);
  });

  it('counts a yes/no answer as 1 or 0, so a milestone reported done is achieved', async () => {
    await f.report(CITY, '2025Q3', { website_done: true });
    await build();
    expect((await progress())['science_websites']).toEqual({ status: 'achieved', actual: 1, expected: 1 });
  });

  it("judges a target by its own field when the form has one, not by the indicator's total", async () => {
    await f.report(CITY, '2025Q3', { own_trainings: 999 });
    await build();
    expect((await progress())['training_person_times']).toEqual({ status: 'on_track', actual: 999, expected: 750 });
    expect(await rows(wh, 'SELECT region_code, period, value FROM wh.fact_target_value')).toEqual([
      { region_code: CITY, period: '2025Q3', value: 999 },
    ]);
  });

  it('fills the region hierarchy and the periods', async () => {
    await build();
    expect(
      await rows(
        wh,
        `SELECT region_code, depth, parent_code, province_code, prefecture_code FROM wh.dim_region
         WHERE region_code IN ('510000', '${CITY}', '${JINJIANG}') ORDER BY depth`,
      ),
    ).toEqual([
      { region_code: '510000', depth: 0, parent_code: null, province_code: '510000', prefecture_code: null },
      { region_code: CITY, depth: 1, parent_code: '510000', province_code: '510000', prefecture_code: CITY },
      { region_code: JINJIANG, depth: 2, parent_code: CITY, province_code: '510000', prefecture_code: CITY },
    ]);
    expect(
      await rows(
        wh,
        'SELECT period, year, half, quarter, CAST(start_date AS VARCHAR) AS s, CAST(end_date AS VARCHAR) AS e ' +
          "FROM wh.dim_period WHERE period = '2025Q2'",
      ),
    ).toEqual([{ period: '2025Q2', year: 2025, half: 1, quarter: 2, s: '2025-04-01', e: '2025-06-30' }]);
  });

  it('judges every scope of the plan as of the latest period, rolled up the region tree', async () => {
    await build();
    expect(await progress()).toEqual({
      // Flows add up over the city's districts and itself, within 2025: 200 + 150 + 100.
      training_person_times: { status: 'on_track', actual: 450, expected: 500 },
      // Since 2021: 50 + 40 against 400 × the share of 2021–2025 elapsed by the end of 2025Q2.
      science_activities_held: { status: 'behind', actual: 90, expected: 360 },
      // Stocks add up over districts at a period; one period seen, so it is also the baseline.
      science_bases: { status: 'at_risk', actual: 22, expected: 26 },
      // One district of two has the two venues each must have.
      science_venues: { status: 'behind', actual: 50, expected: 100 },
      // Not reported in its deadline year.
      science_websites: { status: 'at_risk', actual: null, expected: 1 },
      // A rate is the city's own figure, never the sum (30) or mean (15) of its districts'.
      science_literacy_rate: { status: 'achieved', actual: 15.5, expected: 15 },
    });
  });
});

describe('incremental refresh', () => {
  it('takes in one approval and ends where a full build would', async () => {
    await build();
    const id = await f.report(QINGYANG, '2025Q2', { trainings: 999 }, false);
    await f.store.writes.batch(submissionBatch, {
      assignmentId: id,
      action: 'approve',
      actor: 'reviewer',
      formVersion: 1,
    });
    const result = await build();
    expect(result).toMatchObject({ kind: 'incremental', assignments: 1, valueRows: 1 });
    expect((await progress())['training_person_times']).toEqual({ status: 'achieved', actual: 1449, expected: 500 });
    const snapshot = async () => [
      await rows(wh, 'SELECT * EXCLUDE (approved_at) FROM wh.fact_value ORDER BY ALL'),
      await rows(wh, 'SELECT * EXCLUDE (late) FROM wh.fact_submission ORDER BY ALL'),
      await rows(wh, 'SELECT * FROM wh.fact_progress ORDER BY ALL'),
    ];
    const incremental = await snapshot();
    await build({ full: true });
    expect(await snapshot()).toEqual(incremental);
  });

  it('turns into a full build when a report arrives for a period the warehouse has not seen', async () => {
    await build();
    await f.report(QINGYANG, '2025Q3', { trainings: 70 });
    const result = await build();
    expect(result.kind).toBe('full');
    expect(await rows(wh, "SELECT region_code, value FROM wh.fact_value WHERE period = '2025Q3'")).toEqual([
      { region_code: QINGYANG, value: 70 },
    ]);
    // Code columns are stored as enums yet read and compare as text.
    expect(await rows(wh, "SELECT period || '' AS period FROM wh.dim_period WHERE period > '2025Q2'")).toEqual([
      { period: '2025Q3' },
    ]);
  });

  it('builds in full over a warehouse written before its code types existed', async () => {
    await wh.run("INSERT INTO wh.warehouse_builds VALUES (now(), 'full', NULL, NULL, 1, 0)");
    expect((await build()).kind).toBe('full');
  });

  it('does nothing when nothing changed', async () => {
    await build();
    expect(await build()).toMatchObject({ kind: 'incremental', assignments: 0 });
  });
});

describe('verdicts per year', () => {
  // After the plan's term: every year of 2021–2025 is judged as of its end.
  const afterTerm = { today: new Date('2026-01-15T02:00:00Z') };

  it('judges each year of the plan as of its end, and a later approval leaves earlier years as they were', async () => {
    await f.report(CITY, '2023Q2', { trainings: 400 });
    await f.report(CITY, '2023Q4', { trainings: 700 });
    await build(afterTerm);
    expect(await rows(wh, 'SELECT DISTINCT year FROM wh.fact_progress ORDER BY year')).toEqual(
      [2021, 2022, 2023, 2024, 2025].map((year) => ({ year })),
    );
    const in2023 = (await progress(2023))['training_person_times'];
    expect(in2023).toEqual({ status: 'achieved', actual: 1100, expected: 1000 });
    // 2024 has only the district's 300; 2025 ended with 450 of the 1,000 asked for the year.
    expect((await progress(2024))['training_person_times']).toEqual({ status: 'behind', actual: 300, expected: 1000 });
    expect((await progress(2025))['training_person_times']).toEqual({ status: 'behind', actual: 450, expected: 1000 });

    const late = await f.report(CITY, '2024Q4', { trainings: 800 }, false);
    await f.store.writes.batch(submissionBatch, {
      assignmentId: late,
      action: 'approve',
      actor: 'reviewer',
      formVersion: 1,
    });
    expect((await build(afterTerm)).kind).toBe('incremental');
    expect((await progress(2023))['training_person_times']).toEqual(in2023);
    expect((await progress(2024))['training_person_times']).toEqual({
      status: 'achieved',
      actual: 1100,
      expected: 1000,
    });
  });

  it('judges the current year as of the latest approved report and years to come not at all', async () => {
    await build();
    expect(
      await rows(
        wh,
        'SELECT DISTINCT year, as_of FROM wh.fact_progress WHERE year >= 2024 AND as_of IS NOT NULL ORDER BY year',
      ),
    ).toEqual([
      { year: 2024, as_of: '2024' },
      { year: 2025, as_of: '2025Q2' },
    ]);
  });

  it('reads a level as it stood at the end of each year, from the same baseline', async () => {
    await f.report(CITY, '2023Q4', { bases: 20 });
    await build(afterTerm);
    // The city's bases: 20 at the end of 2023; in 2025 its two districts have 10 + 12, short of 30 when the term ended.
    expect((await progress(2023))['science_bases']).toMatchObject({ actual: 20 });
    expect((await progress(2025))['science_bases']).toMatchObject({ status: 'behind', actual: 22, expected: 30 });
  });
});
