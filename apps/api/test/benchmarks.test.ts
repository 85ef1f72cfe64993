import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/demo/seed-demo.js';
import { addUser, Client, startHarnessIn, type Harness } from './harness.js';

// What plans of regions at one level commit and reach, on the demo data: the county plans of the
// seed regions and of the county-level cities of Xinjiang.
let dir: string;
let h: Harness;
let county: Client;

interface Entry {
  regionCode: string;
  committed: number;
  achieved: number | null;
}
const get = (client: Client, query: string) => client.request('GET', `/api/v1/benchmarks/commitments${query}`);

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'kesu-benchmark-'));
  h = await startHarnessIn(dir);
  await seedDemo(h.ctx, dir);
  await h.ctx.analytics.build();
  await addUser(h, 'jj', 'reviewer', '510104');
  county = new Client(h);
  await county.login('jj');
}, 180_000);
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GET /benchmarks/commitments', () => {
  it('places 锦江区’s trainings among every county-level plan, per year', async () => {
    const res = await get(county, '?region=510104');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      indicator: { code: 'training_person_times', unit: '人次' },
      region: { code: '510104', name: '锦江区' },
      within: 'all',
      basis: 'per_year',
    });
    const entries = res.body['entries'] as Entry[];
    // The three seed counties and Xinjiang's county-level cities directly under the province.
    expect(entries.map((e) => e.regionCode)).toEqual(expect.arrayContaining(['510104', '150602', '230522']));
    expect(entries.every((e) => /^(510104|150602|230522|659\d{3})$/.test(e.regionCode))).toBe(true);
    // 锦江区: 80 + 1,000 + 500 person-times a year.
    expect(res.body['focus']).toMatchObject({ regionCode: '510104', committed: 1580, targets: 3 });
    expect(res.body['committed']).toMatchObject({ n: entries.length });
    expect(res.body['committedBelow']).toBe(entries.filter((e) => e.committed < 1580).length);
    expect((res.body['note'] as { zh: string }).zh).toContain('未按每万人口折算');
  });

  it('within the province there is no other county plan of Sichuan', async () => {
    const res = await get(county, '?region=510104&within=province');
    expect((res.body['entries'] as Entry[]).map((e) => e.regionCode)).toEqual(['510104']);
  });

  it('compares a rate as its level, never summed', async () => {
    const res = await get(county, '?region=510104&indicator=science_literacy_rate');
    expect(res.body).toMatchObject({ basis: 'level', unit: '%', focus: { committed: 18 } });
  });

  it.each([
    ['?region=510104&indicator=no_such_thing', 400, 'unknown_indicator', 'indicator'],
    ['?region=999999', 404, 'not_found', 'region'],
    ['?region=51010', 400, 'validation_failed', 'region'],
    ['?region=510104&within=world', 400, 'validation_failed', 'within'],
  ])('refuses %s with %i naming the field', async (query, status, code, field) => {
    const res = await get(county, query);
    expect(res.status).toBe(status);
    expect(res.body.error).toMatchObject({ code, details: [expect.objectContaining({ path: field })] });
  });

  it('answers 403 for a region outside the user’s own', async () => {
    expect((await get(county, '?region=510105')).status).toBe(403);
  });
});
