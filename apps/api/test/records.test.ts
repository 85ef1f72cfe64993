import { readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '@kesu/store';
import { startHarness, type Body, type Client, type Harness } from './harness.js';
import { buildFixture, ownReporter, type Fixture } from './fixture.js';

// The office's records: the audit trail filtered and paged, backups listed, made and downloaded,
// and assignments given as (region, unit) pairs.
let h: Harness;
let f: Fixture;
let reporter: Client;

beforeAll(async () => {
  h = await startHarness();
  f = await buildFixture(h);
  reporter = await ownReporter(h);
  // Every field filled, as a reporter would before submitting.
  const view = (await reporter.request('GET', `/api/v1/assignments/${f.own}`)).body as {
    form: { sections: Array<{ fields: Array<{ id: string; type: string }> }> };
  };
  const fields = view.form.sections.flatMap((s) => s.fields);
  const values = {
    formVersion: 1,
    values: Object.fromEntries(
      fields.map((x) => [
        x.id,
        x.type === 'long_text'
          ? '按计划推进'
          : x.type === 'percent'
            ? 80
            : x.type === 'yes_no'
              ? true
              : x.type === 'date'
                ? '2024-03-31'
                : 12,
      ]),
    ),
  };
  expect((await reporter.request('PUT', `/api/v1/assignments/${f.own}/submission`, values)).status).toBe(200);
  expect((await reporter.request('POST', `/api/v1/assignments/${f.own}/submission/submit`, values)).status).toBe(200);
  // Two events at known times either side of midnight in Beijing (16:00 UTC).
  await h.ctx.store.writes.write(async (conn) => {
    await recordAudit(
      conn,
      [
        {
          actor: 'office',
          action: 'plan.review',
          entity: 'plan',
          entityId: 'late-evening',
          previous: { revision: 1 },
          next: { revision: 2 },
        },
      ],
      new Date('2024-03-04T15:59:00Z'),
    );
    await recordAudit(
      conn,
      [
        {
          actor: 'office',
          action: 'plan.review',
          entity: 'plan',
          entityId: 'after-midnight',
          previous: { revision: 2 },
          next: { revision: 3 },
        },
      ],
      new Date('2024-03-04T16:01:00Z'),
    );
  });
}, 120_000);
afterAll(() => h.close());

interface Event {
  action: string;
  actor: string;
  actorName: string | null;
  entity: string;
  entityId: string;
  previous: unknown;
  next: unknown;
}
interface Page {
  total: number;
  offset: number;
  limit: number;
  events: Event[];
}

const audit = async (query: string) => {
  const res = await f.office.request('GET', `/api/v1/audit?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as unknown as Page;
};
const errorOf = (body: Body) => body.error!;

describe('the audit trail', () => {
  it('shows one submission’s steps with who made them and the previous values', async () => {
    const page = await audit(`entity=submission&entityId=${f.own}&order=asc`);
    expect(page.total).toBe(2);
    expect(page.events.map((e) => [e.action, e.actor, e.actorName, e.previous, e.next])).toEqual([
      ['submission.save', 'edu', 'edu', null, { status: 'draft', revision: 1, approvedLevel: null, comment: null }],
      [
        'submission.submit',
        'edu',
        'edu',
        { status: 'draft', revision: 1, approvedLevel: null, comment: null },
        { status: 'submitted', revision: 2, approvedLevel: null, comment: null },
      ],
    ]);
  });

  it('lists newest first by default, a page at a time, with the total', async () => {
    const all = await audit('limit=10000');
    expect(all.total).toBe(all.events.length);
    expect(all.events[0]?.action).toBe('submission.submit');
    const second = await audit('limit=2&offset=2');
    expect(second).toMatchObject({ total: all.total, offset: 2, limit: 2 });
    expect(second.events).toEqual(all.events.slice(2, 4));
    expect((await audit(`offset=${all.total}`)).events).toEqual([]);
  });

  it('filters by who, by action and by entity', async () => {
    const byEdu = await audit('actor=edu');
    expect(byEdu.events.every((e) => e.actor === 'edu')).toBe(true);
    expect(byEdu.total).toBe(2);
    const assigned = await audit('action=assignment.create');
    expect(assigned.total).toBe(2);
    expect(assigned.events.map((e) => (e.next as { department: string }).department).sort()).toEqual([
      '锦江区教育局',
      '锦江区科协',
    ]);
    expect((await audit('entity=form')).events.map((e) => e.action).sort()).toEqual(['form.generate', 'form.publish']);
  });

  it('reads from and to as Beijing days', async () => {
    const fourth = await audit('entity=plan&from=2024-03-04&to=2024-03-04');
    expect(fourth.events.map((e) => e.entityId)).toEqual(['late-evening']);
    const fifth = await audit('entity=plan&from=2024-03-05&to=2024-03-05');
    expect(fifth.events.map((e) => e.entityId)).toEqual(['after-midnight']);
    const since = await audit('entity=plan&from=2024-03-05');
    expect(since.events.map((e) => e.entityId)).toContain('after-midnight');
    expect(since.events.map((e) => e.entityId)).not.toContain('late-evening');
  });

  it('names everyone in the trail', async () => {
    const actors = (await f.office.request('GET', '/api/v1/audit/actors')).body as unknown as Array<{
      username: string;
      displayName: string | null;
      events: number;
    }>;
    expect(actors.find((a) => a.username === 'edu')).toEqual({ username: 'edu', displayName: 'edu', events: 2 });
    expect(actors.map((a) => a.username)).toContain('office');
  });

  it.each([
    ['a start after the end', 'from=2024-03-05&to=2024-03-04', 'bad_range'],
    ['a day that does not exist', 'from=2024-02-30', 'validation_failed'],
    ['a time instead of a day', 'from=2024-03-05T00:00:00Z', 'validation_failed'],
    ['an unknown entity', 'entity=secrets', 'validation_failed'],
    ['an action that is not one', 'action=DROP%20TABLE', 'validation_failed'],
    ['a negative offset', 'offset=-1', 'validation_failed'],
    ['a page of none', 'limit=0', 'validation_failed'],
    ['an order that is not one', 'order=random', 'validation_failed'],
  ])('refuses %s', async (_name, query, code) => {
    const res = await f.office.request('GET', `/api/v1/audit?${query}`);
    expect(res.status).toBe(400);
    expect(errorOf(res.body)).toMatchObject({ code, message: expect.any(String), messageEn: expect.any(String) });
  });
});

describe('backups', () => {
  let name = '';

  it('lists none at first, makes one, and lists it with its size and time', async () => {
    expect((await f.office.request('GET', '/api/v1/backups')).body).toEqual([]);
    const made = await f.office.request('POST', '/api/v1/backups');
    expect(made.status).toBe(201);
    name = String(made.body['name']);
    expect(name).toMatch(/^kesu-\d{4}-\d{2}-\d{2}T[\d-]+\+0800\.duckdb$/);
    const listed = (await f.office.request('GET', '/api/v1/backups')).body as unknown as Array<{
      name: string;
      bytes: number;
      madeAt: string;
    }>;
    expect(listed).toEqual([
      { file: `backups/${name}`, name, bytes: made.body['bytes'], madeAt: expect.stringMatching(/Z$/) },
    ]);
  });

  it('downloads it byte for byte, and the download is audited', async () => {
    const token = String(
      (await f.office.request('POST', '/api/v1/auth/tokens', { label: 'backup test' })).body['token'],
    );
    const res = await h.app.request(`/api/v1/backups/${encodeURIComponent(name)}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${name}"`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(bytes).equals(readFileSync(path.join(h.dir, 'backups', name)))).toBe(true);
    const events = (await audit('action=backup.download')).events;
    expect(events[0]).toMatchObject({ actor: 'office', next: { file: name } });
  });

  it.each([
    ['a parent folder', '..%2Fkesu.duckdb', 400],
    ['an absolute path', '%2Fetc%2Fpasswd', 400],
    ['a backslash path', '..%5Ckesu.duckdb', 400],
    ['a hidden file', '.kesu.duckdb', 400],
    ['a partial copy', 'kesu.duckdb.partial', 400],
    ['a file that is not there', 'kesu-none.duckdb', 404],
    ['a link out of the folder', 'link.duckdb', 404],
  ])('refuses %s with a clear error, recording nothing', async (_name, file, status) => {
    if (file === 'link.duckdb') {
      try {
        symlinkSync(path.join(h.dir, 'kesu.duckdb'), path.join(h.dir, 'backups', 'link.duckdb'));
      } catch {
        // Made by an earlier run of this case.
      }
    }
    const before = (await audit('action=backup.download')).total;
    const res = await f.office.request('GET', `/api/v1/backups/${file}`);
    expect(res.status).toBe(status);
    expect(errorOf(res.body)).toMatchObject({
      code: status === 400 ? 'bad_backup_name' : 'not_found',
      message: expect.any(String),
      messageEn: expect.any(String),
    });
    expect((await audit('action=backup.download')).total).toBe(before);
  });

  it('keeps a link out of the list', async () => {
    const listed = (await f.office.request('GET', '/api/v1/backups')).body as unknown as Array<{ name: string }>;
    expect(listed.map((b) => b.name)).toEqual([name]);
  });
});

describe('assigning (region, unit) pairs', () => {
  const count = async () =>
    ((await f.office.request('GET', '/api/v1/assignments')).body as unknown as unknown[]).length;
  const assign = (body: Record<string, unknown>) =>
    f.office.request('POST', '/api/v1/assignments', { formId: f.formId, version: 1, periods: ['2024Q3'], ...body });

  it('creates one assignment per pair and period, a county’s unit included, duplicates merged', async () => {
    const res = await assign({
      pairs: [
        { regionCode: '510104', department: '锦江区教育局' },
        { regionCode: '340123', department: '肥西县教育体育局' },
        { regionCode: '510104', department: '锦江区教育局' },
      ],
      periods: ['2024Q3', '2024Q4'],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const made = res.body as unknown as Array<{ regionCode: string; department: string; period: string }>;
    expect(made.map((a) => `${a.regionCode} ${a.department} ${a.period}`).sort()).toEqual([
      '340123 肥西县教育体育局 2024Q3',
      '340123 肥西县教育体育局 2024Q4',
      '510104 锦江区教育局 2024Q3',
      '510104 锦江区教育局 2024Q4',
    ]);
  });

  it.each([
    [
      'an unknown region, naming the pair',
      {
        pairs: [
          { regionCode: '510104', department: '锦江区科协' },
          { regionCode: '999999', department: '科协' },
        ],
      },
      'unknown_region',
      'pairs[1].regionCode',
    ],
    [
      'a province’s unit paired with one of its cities',
      { pairs: [{ regionCode: '340100', department: '安徽省科协' }] },
      'unit_outside_region',
      'pairs[0].department',
    ],
    [
      'a city’s unit paired with a county',
      { regionCodes: ['510104'], departments: ['成都市教育局'] },
      'unit_outside_region',
      'departments[0]',
    ],
    [
      'pairs and regions × departments at once',
      {
        pairs: [{ regionCode: '510104', department: '锦江区科协' }],
        regionCodes: ['510104'],
        departments: ['锦江区科协'],
      },
      'validation_failed',
      'pairs',
    ],
    ['neither pairs nor regions × departments', {}, 'validation_failed', 'pairs'],
    ['regions without departments', { regionCodes: ['510104'] }, 'validation_failed', 'pairs'],
    [
      'a pair without a unit',
      { pairs: [{ regionCode: '510104', department: '   ' }] },
      'validation_failed',
      'pairs[0].department',
    ],
    [
      'a pair with an unknown field',
      { pairs: [{ regionCode: '510104', department: '锦江区科协', unit: 'x' }] },
      'validation_failed',
      'pairs[0]',
    ],
    [
      '1,001 pairs',
      { pairs: Array.from({ length: 1001 }, (_, i) => ({ regionCode: '510104', department: `单位${i}` })) },
      'validation_failed',
      'pairs',
    ],
  ])('refuses %s, storing nothing', async (_name, body, code, at) => {
    const before = await count();
    const res = await assign(body);
    expect(res.status).toBe(400);
    expect(errorOf(res.body)).toMatchObject({ code, message: expect.any(String), messageEn: expect.any(String) });
    expect(errorOf(res.body).details.map((d) => d.path)).toContain(at);
    expect(await count()).toBe(before);
  });
});

describe('regions and their units, for choosing pairs', () => {
  it('finds a county by name, with the way down to it', async () => {
    const found = (await f.office.request('GET', `/api/v1/regions/search?q=${encodeURIComponent('肥西')}`))
      .body as unknown as Array<{ code: string; path: string[] }>;
    expect(found[0]).toMatchObject({ code: '340123', path: ['安徽省', '合肥市'] });
  });

  it('lists the units known in a region: from its plan, its assignments and its accounts', async () => {
    const units = (await f.office.request('GET', '/api/v1/regions/510104/units')).body as unknown as Array<{
      name: string;
      function: string | null;
      sources: string[];
    }>;
    expect(units.find((u) => u.name === '锦江区教育局')).toEqual({
      name: '锦江区教育局',
      function: 'education',
      sources: ['plan', 'assignment', 'user'],
    });
    expect(units.find((u) => u.name === '锦江区科协')).toMatchObject({ function: 'science_association' });
    expect(units.every((u) => !u.name.startsWith('各'))).toBe(true);
    const county = (await f.office.request('GET', '/api/v1/regions/340123/units')).body as unknown as Array<{
      name: string;
      function: string | null;
      sources: string[];
    }>;
    expect(county).toEqual([{ name: '肥西县教育体育局', function: 'education', sources: ['assignment'] }]);
  });

  it.each([
    ['an empty search', '/api/v1/regions/search?q=%20', 400],
    ['a search of 41 characters', `/api/v1/regions/search?q=${'区'.repeat(41)}`, 400],
    ['units of a region that does not exist', '/api/v1/regions/999999/units', 404],
    ['units of a malformed code', '/api/v1/regions/51%27--/units', 400],
  ])('refuses %s', async (_name, url, status) => {
    const res = await f.office.request('GET', url);
    expect(res.status).toBe(status);
    expect(errorOf(res.body)).toMatchObject({
      code: expect.any(String),
      message: expect.any(String),
      messageEn: expect.any(String),
    });
  });
});
