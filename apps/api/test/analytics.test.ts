import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, type Fixture } from './fixture.js';
import { addUser, Client, startHarness, type Harness } from './harness.js';

let h: Harness;
let f: Fixture;
const reporter = () => new Client(h);
let stat: Client;
let statElsewhere: Client;

beforeAll(async () => {
  h = await startHarness();
  f = await buildFixture(h);
  await addUser(h, 'edu', 'reporter', '510104', '锦江区教育局');
  await addUser(h, 'stat', 'statistician', '510000');
  await addUser(h, 'stat-bj', 'statistician', '110000');
  stat = new Client(h);
  await stat.login('stat');
  statElsewhere = new Client(h);
  await statElsewhere.login('stat-bj');
}, 60_000);
afterAll(() => h.close());

async function fill(id: string) {
  const edu = reporter();
  await edu.login('edu');
  const form = (await edu.request('GET', `/api/v1/assignments/${id}`)).body as { form: { sections: Array<{ fields: Array<{ id: string; type: string; binding?: unknown }> }> } };
  const values: Record<string, unknown> = {};
  for (const field of form.form.sections.flatMap((s) => s.fields)) {
    if (field.type === 'integer') values[field.id] = 7;
    if (field.type === 'long_text') values[field.id] = '按计划推进';
    if (field.type === 'percent') values[field.id] = 50;
    if (field.type === 'yes_no') values[field.id] = false;
  }
  const submitted = await edu.request('POST', `/api/v1/assignments/${id}/submission/submit`, { values, formVersion: 1 });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
}

describe('the warehouse follows the workflow', () => {
  it('an approval reaches the dashboards and the SQL workbench once its refresh is done', async () => {
    await fill(f.own);
    await f.office.request('POST', `/api/v1/assignments/${f.own}/submission/approve`);
    await h.ctx.analytics.idle();
    const heat = await stat.request('GET', '/api/v1/reports/reporting-heatmap?parent=510100&year=2024');
    expect(heat.status).toBe(200);
    const result = await stat.request('POST', '/api/v1/sql', { sql: "SELECT status, count(*) AS n FROM fact_submission WHERE region_code = '510104' GROUP BY 1 ORDER BY 1" });
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(result.body['rows']).toEqual([['approved', '1'], ['missing', '1']]);
    const progress = await stat.request('GET', '/api/v1/progress?region=510104');
    expect((progress.body as unknown as Array<{ as_of: string | null }>).some((t) => t.as_of === '2024Q1')).toBe(true);
  });
});

/** Bad input to the SQL endpoints: each gets a clear error naming what is wrong, and nothing runs. */
const BAD_SQL: Array<{ name: string; body: unknown; status: number; code: string }> = [
  { name: 'no body fields', body: {}, status: 400, code: 'validation_failed' },
  { name: 'sql not a string', body: { sql: 42 }, status: 400, code: 'validation_failed' },
  { name: 'empty sql', body: { sql: '' }, status: 400, code: 'validation_failed' },
  { name: 'unknown field', body: { sql: 'SELECT 1', scope: '110000' }, status: 400, code: 'validation_failed' },
  { name: 'too long', body: { sql: `SELECT ${'1+'.repeat(15_000)}1` }, status: 400, code: 'validation_failed' },
  { name: 'syntax error', body: { sql: 'SELEC 1' }, status: 400, code: 'syntax' },
  { name: 'a write', body: { sql: 'DELETE FROM fact_value' }, status: 400, code: 'not_a_query' },
  { name: 'two statements', body: { sql: 'SELECT 1; SELECT 2' }, status: 400, code: 'several_statements' },
  { name: 'a file', body: { sql: "SELECT * FROM read_csv('/etc/passwd')" }, status: 400, code: 'table_function' },
  { name: 'the store', body: { sql: 'SELECT * FROM users' }, status: 400, code: 'unknown_table' },
  { name: 'a catalog', body: { sql: 'SELECT * FROM information_schema.tables' }, status: 400, code: 'qualified_name' },
];

describe('SQL bad inputs', () => {
  it.each(BAD_SQL)('$name → $status $code', async ({ body, status, code }) => {
    const res = await stat.request('POST', '/api/v1/sql', body);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.body.error?.code).toBe(code);
    expect(res.body.error?.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('points at where a refused query goes wrong', async () => {
    const res = await stat.request('POST', '/api/v1/sql', { sql: 'SELECT * FROM fact_value, duckdb_settings()' });
    expect(res.body.error?.details[0]).toMatchObject({ path: 'sql', code: 'table_function', position: 26 });
  });

  it("keeps a Beijing statistician out of Sichuan's rows, in the UI's own endpoint", async () => {
    const res = await statElsewhere.request('POST', '/api/v1/sql', { sql: "SELECT count(*) FROM fact_submission WHERE province_code = '510000'" });
    expect(res.body['rows']).toEqual([['0']]);
    const report = await statElsewhere.request('GET', '/api/v1/reports/trainings?parent=510000&year=2024');
    expect(report.status).toBe(403);
  });
});
