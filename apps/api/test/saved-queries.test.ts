import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, Client, startHarness, type Harness } from './harness.js';

let h: Harness;
let sichuan: Client;
let beijing: Client;
let office: Client;

beforeAll(async () => {
  h = await startHarness();
  await addUser(h, 'stat-sc', 'statistician', '510000');
  await addUser(h, 'stat-bj', 'statistician', '110000');
  await addUser(h, 'office', 'admin', null);
  sichuan = new Client(h);
  await sichuan.login('stat-sc');
  beijing = new Client(h);
  await beijing.login('stat-bj');
  office = new Client(h);
  await office.login('office');
}, 60_000);
afterAll(() => h.close());

interface Saved {
  id: string;
  title: string;
  sql: string;
  shared: boolean;
  owner: string;
  ownerName: string;
  mine: boolean;
}

const titles = async (client: Client) =>
  ((await client.request('GET', '/api/v1/saved-queries')).body as unknown as Saved[]).map((q) => q.title);
const audit = async (id: string) =>
  (
    (await office.request('GET', `/api/v1/audit?entityId=${id}&order=asc`)).body as unknown as {
      events: Array<{ action: string; actor: string; next: unknown }>;
    }
  ).events.map((e) => [e.action, e.actor]);

describe('saved queries', () => {
  let privateId = '';
  let sharedId = '';

  it('keep a private query to its author and show a shared one to every statistician and the office', async () => {
    const own = await sichuan.request('POST', '/api/v1/saved-queries', { title: '私有查询', sql: 'SELECT 1' });
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({ title: '私有查询', shared: false, owner: 'stat-sc', mine: true });
    privateId = String(own.body['id']);
    const shared = await sichuan.request('POST', '/api/v1/saved-queries', {
      title: '各省指标合计',
      sql: 'SELECT province_code, sum(value) FROM fact_value GROUP BY 1',
      shared: true,
    });
    sharedId = String(shared.body['id']);
    expect(await titles(sichuan)).toEqual(['各省指标合计', '私有查询']);
    expect(await titles(beijing)).toEqual(['各省指标合计']);
    expect(await titles(office)).toEqual(['各省指标合计']);
    const seen = ((await beijing.request('GET', '/api/v1/saved-queries')).body as unknown as Saved[])[0];
    expect(seen).toMatchObject({ mine: false, owner: 'stat-sc', ownerName: 'stat-sc' });
  });

  it('let only the author change or delete a query; someone else’s private one does not exist for them', async () => {
    const change = { title: '改过', sql: 'SELECT 2', shared: true };
    expect((await beijing.request('PUT', `/api/v1/saved-queries/${sharedId}`, change)).body.error?.code).toBe(
      'not_owner',
    );
    expect((await office.request('DELETE', `/api/v1/saved-queries/${sharedId}`)).status).toBe(403);
    expect((await beijing.request('PUT', `/api/v1/saved-queries/${privateId}`, change)).status).toBe(404);
    expect((await beijing.request('DELETE', `/api/v1/saved-queries/${privateId}`)).status).toBe(404);
    const changed = await sichuan.request('PUT', `/api/v1/saved-queries/${privateId}`, change);
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ title: '改过', sql: 'SELECT 2', shared: true, mine: true });
    expect(await titles(beijing)).toContain('改过');
    expect((await sichuan.request('DELETE', `/api/v1/saved-queries/${privateId}`)).body).toEqual({ deleted: true });
    expect(await titles(beijing)).toEqual(['各省指标合计']);
  });

  it('record every write in the audit trail, with who did it', async () => {
    expect(await audit(privateId)).toEqual([
      ['saved_query.create', 'stat-sc'],
      ['saved_query.update', 'stat-sc'],
      ['saved_query.delete', 'stat-sc'],
    ]);
    expect(await audit(sharedId)).toEqual([['saved_query.create', 'stat-sc']]);
  });
});
