import ExcelJS from 'exceljs';
import { beijingToday } from '@kesu/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, type Fixture } from './fixture.js';
import { addUser, Client, PASSWORD, startHarness, type Harness } from './harness.js';

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
  const form = (await edu.request('GET', `/api/v1/assignments/${id}`)).body as {
    form: { sections: Array<{ fields: Array<{ id: string; type: string; binding?: unknown }> }> };
  };
  const values: Record<string, unknown> = {};
  for (const field of form.form.sections.flatMap((s) => s.fields)) {
    if (field.type === 'integer') values[field.id] = 7;
    if (field.type === 'long_text') values[field.id] = '按计划推进';
    if (field.type === 'percent') values[field.id] = 50;
    if (field.type === 'yes_no') values[field.id] = false;
  }
  const submitted = await edu.request('POST', `/api/v1/assignments/${id}/submission/submit`, {
    values,
    formVersion: 1,
  });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
}

describe('the warehouse follows the workflow', () => {
  it('an approval reaches the dashboards and the SQL workbench once its refresh is done', async () => {
    // Read (and so kept by the server) before the approval: the refresh must replace it.
    // 2024 is a past year: once anything is approved, its verdicts are judged as of its end.
    const before = await stat.request('GET', '/api/v1/progress?region=510104&year=2024');
    expect((before.body as unknown as Array<{ as_of: string | null }>).some((t) => t.as_of === '2024')).toBe(false);
    await fill(f.own);
    await f.office.request('POST', `/api/v1/assignments/${f.own}/submission/approve`);
    await h.ctx.analytics.idle();
    const heat = await stat.request('GET', '/api/v1/reports/reporting-heatmap?parent=510100&year=2024');
    expect(heat.status).toBe(200);
    const result = await stat.request('POST', '/api/v1/sql', {
      sql: "SELECT status, count(*) AS n FROM fact_submission WHERE region_code = '510104' GROUP BY 1 ORDER BY 1",
    });
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(result.body['rows']).toEqual([
      ['approved', '1'],
      ['missing', '1'],
    ]);
    const progress = await stat.request('GET', '/api/v1/progress?region=510104&year=2024');
    expect((progress.body as unknown as Array<{ as_of: string | null }>).some((t) => t.as_of === '2024')).toBe(true);
  });
});

describe('dashboards', () => {
  it('answers six reports asked for at once as it answers them one by one', async () => {
    const paths = ['literacy-rate', 'trainings', 'science-bases', 'targets-on-track', 'reporting-heatmap'].map(
      (id) => `/api/v1/reports/${id}?parent=510000&year=2024`,
    );
    paths.push('/api/v1/progress?region=510100');
    const together = await Promise.all(paths.map((p) => stat.request('GET', p)));
    await h.ctx.analytics.build({ full: true });
    for (const [i, p] of paths.entries()) {
      const alone = await stat.request('GET', p);
      expect(together[i]?.status).toBe(200);
      expect(together[i]?.body).toEqual(alone.body);
    }
  });
});

describe('dashboard charts drawn on the server', () => {
  it("returns a report's chart as SVG at the width and in the language asked for, clickable by its data", async () => {
    const path = '/api/v1/reports/targets-on-track?parent=510000&year=2024&width=960&lang=en';
    const first = await stat.request('GET', path);
    expect(first.status).toBe(200);
    const { rows, svg } = first.body as { rows: unknown[]; svg: string };
    expect(rows.length).toBeGreaterThan(0);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('width="960"');
    expect(svg).toContain('Targets achieved or on track');
    expect(svg).toContain('四川省 · 2024');
    // The browser maps a click on a bar back to its row by these.
    expect(svg).toMatch(/ecmeta_series_index="\d+" ecmeta_data_index="\d+"/);
    const zh = await stat.request('GET', path.replace('lang=en', 'lang=zh'));
    expect((zh.body as { svg: string }).svg).toContain('四川省 · 2024年');
    // Kept until a build, then drawn again (each drawing names its elements afresh, so two charts on
    // a page never share an id).
    expect((await stat.request('GET', path)).body).toEqual(first.body);
    await h.ctx.analytics.build({ full: true });
    const again = (await stat.request('GET', path)).body as { svg: string };
    expect(again.svg).not.toBe(svg);
    expect(again.svg.replace(/zr\d+-[\w-]+/g, 'id')).toBe(svg.replace(/zr\d+-[\w-]+/g, 'id'));
  });

  it('refuses a width it cannot draw at, naming the field', async () => {
    const res = await stat.request('GET', '/api/v1/reports/literacy-rate?parent=510000&year=2024&width=20');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('width');
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

  it("answers DuckDB's error in Chinese at its place, DuckDB's own words kept", async () => {
    const sql = "SELECT '科学' AS 甲, regoin_code FROM fact_value";
    const res = await stat.request('POST', '/api/v1/sql', { sql });
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('column_not_found');
    expect(res.body.error?.details).toEqual([
      {
        path: 'sql',
        code: 'column_not_found',
        message: expect.stringMatching(/^字段「regoin_code」不存在；您是否要找：region_code/),
        messageEn: expect.stringMatching(/^there is no column "regoin_code"/),
        position: sql.indexOf('regoin_code'),
        original: expect.stringContaining('Binder Error: Referenced column "regoin_code" not found'),
      },
    ]);
  });

  it('says when the caller’s scope filtered the rows, and whose', async () => {
    const scoped = await stat.request('POST', '/api/v1/sql', {
      sql: "SELECT count(*) AS n FROM fact_submission WHERE province_code = '110000'",
    });
    expect(scoped.body['scope']).toEqual({ code: '510000', name: '四川省' });
    expect(scoped.body['rows']).toEqual([['0']]);
    const unscopedTable = await stat.request('POST', '/api/v1/sql', { sql: 'SELECT count(*) AS n FROM dim_indicator' });
    expect(unscopedTable.body['scope']).toBeNull();
    const office = await f.office.request('POST', '/api/v1/sql', { sql: 'SELECT count(*) AS n FROM fact_submission' });
    expect(office.body['scope']).toBeNull();
  });

  it('stops a query at its time limit with 422 (a 408 would be sent again by the browser)', async () => {
    const res = await stat.request('POST', '/api/v1/sql', { sql: 'SELECT count(*) AS n FROM range(100000000000) a' });
    expect(res.status).toBe(422);
    expect(res.body.error?.code).toBe('timeout');
    expect(res.body.error?.message).toMatch(/^查询超过 10 秒的时间上限，已中止/);
  }, 30_000);

  it('documents the words of the status codes with the tables', async () => {
    const tables = (await stat.request('GET', '/api/v1/warehouse/tables')).body as unknown as Array<{
      name: string;
      columns: Array<{ name: string; labels?: Record<string, { zh: string; en: string }> }>;
    }>;
    const status = (table: string) =>
      tables.find((t) => t.name === table)?.columns.find((c) => c.name === 'status')?.labels;
    expect(status('fact_progress')?.['behind']).toEqual({ zh: '进度滞后', en: 'Behind' });
    expect(status('fact_submission')?.['missing']).toEqual({ zh: '未填报', en: 'Not started' });
    expect(tables.find((t) => t.name === 'fact_value')?.columns.every((c) => c.labels === undefined)).toBe(true);
  });

  it("keeps a Beijing statistician out of Sichuan's rows, in the UI's own endpoint", async () => {
    const res = await statElsewhere.request('POST', '/api/v1/sql', {
      sql: "SELECT count(*) FROM fact_submission WHERE province_code = '510000'",
    });
    expect(res.body['rows']).toEqual([['0']]);
    const report = await statElsewhere.request('GET', '/api/v1/reports/trainings?parent=510000&year=2024');
    expect(report.status).toBe(403);
  });
});

describe('SQL export', () => {
  it('streams a Parquet file of the query, in the caller’s region tree, saying how many rows', async () => {
    const res = await h.app.request('/api/v1/sql/export', {
      method: 'POST',
      headers: await statHeaders(),
      body: JSON.stringify({ sql: 'SELECT region_code, province_code FROM dim_region ORDER BY 1', format: 'parquet' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.apache.parquet');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="query-result-${beijingToday()}.parquet"; ` +
        `filename*=UTF-8''${encodeURIComponent(`查询结果-${beijingToday()}.parquet`)}`,
    );
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([bytes.subarray(0, 4).toString(), bytes.subarray(-4).toString()]).toEqual(['PAR1', 'PAR1']);
    const inSichuan = Number(res.headers.get('x-kesu-rows'));
    expect(inSichuan).toBeGreaterThan(100);
    // Sichuan's tree only: the rows a run of the same query returns.
    const run = await stat.request('POST', '/api/v1/sql', { sql: 'SELECT count(*) AS n FROM dim_region' });
    expect(run.body['rows']).toEqual([[String(inSichuan)]]);
  });

  it('writes XLSX with numbers as numbers', async () => {
    const res = await h.app.request('/api/v1/sql/export', {
      method: 'POST',
      headers: await statHeaders(),
      body: JSON.stringify({
        sql: "SELECT '锦江区' AS 地区, 42::BIGINT AS n, 1.5 AS x, NULL AS empty",
        format: 'xlsx',
      }),
    });
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, '地区', 'n', 'x', 'empty']);
    expect(sheet.getRow(2).values).toEqual([undefined, '锦江区', 42, 1.5]);
    expect(res.headers.get('x-kesu-truncated')).toBe('false');
  });

  it('names the file after the saved query and the day in Beijing', async () => {
    const res = await h.app.request('/api/v1/sql/export', {
      method: 'POST',
      headers: await statHeaders(),
      body: JSON.stringify({ sql: 'SELECT 1 AS n', format: 'xlsx', title: '各市培训人次' }),
    });
    expect(res.status).toBe(200);
    const disposition = res.headers.get('content-disposition') ?? '';
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)?.[1] ?? '')).toBe(
      `各市培训人次-${beijingToday()}.xlsx`,
    );
    expect(disposition).toContain(`filename="query-result-${beijingToday()}.xlsx"`);
  });

  it.each([
    { name: 'a title of 121 characters', body: { sql: 'SELECT 1', format: 'xlsx', title: '查'.repeat(121) } },
    { name: 'a title that is a number', body: { sql: 'SELECT 1', format: 'xlsx', title: 42 } },
  ])('refuses $name, naming the field', async ({ body }) => {
    const res = await stat.request('POST', '/api/v1/sql/export', body);
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('validation_failed');
    expect(res.body.error?.details.map((d) => d.path)).toContain('title');
  });

  it('refuses what a run refuses, with the place in the query', async () => {
    const res = await stat.request('POST', '/api/v1/sql/export', {
      sql: "SELECT '科学' AS a, * FROM read_csv('/etc/passwd')",
      format: 'parquet',
    });
    expect(res.status).toBe(400);
    expect(res.body.error?.details[0]).toMatchObject({
      code: 'table_function',
      position: "SELECT '科学' AS a, * FROM ".length,
    });
  });
});

let headers: Record<string, string> | null = null;
/** The statistician's session as raw headers, for reading a file response's bytes. */
async function statHeaders(): Promise<Record<string, string>> {
  if (headers) return headers;
  const login = await h.app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'stat', password: PASSWORD }),
  });
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  headers = {
    cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
    'x-csrf-token': csrf,
    'content-type': 'application/json',
  };
  return headers;
}
