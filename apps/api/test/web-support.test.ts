import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, type Fixture } from './fixture.js';
import { addUser, Client, startHarness, type Harness } from './harness.js';

// What the web app reads beside the core workflow: an assignment's context, region trees,
// regions by code, department functions, and the reporter's reasons for warnings.
let h: Harness;
let f: Fixture;
const edu = () => clients['edu']!;
const clients: Record<string, Client> = {};

interface FormBody {
  definition: {
    sections: Array<{ fields: Array<{ id: string; type: string; help?: string; binding?: { indicator: string } }> }>;
  };
}

let fields: FormBody['definition']['sections'][number]['fields'];
let earlierId: string;

beforeAll(async () => {
  h = await startHarness();
  f = await buildFixture(h);
  await addUser(h, 'edu', 'reporter', '510104', '锦江区教育局');
  await addUser(h, 'kx', 'reporter', '510104', '锦江区科协');
  await addUser(h, 'rev', 'reviewer', '510104');
  await addUser(h, 'rev-sc', 'reviewer', '510000');
  for (const name of ['edu', 'kx', 'rev', 'rev-sc']) {
    clients[name] = new Client(h);
    await clients[name].login(name);
  }
  fields = (
    (await f.office.request('GET', `/api/v1/forms/${f.formId}`)).body as unknown as FormBody
  ).definition.sections.flatMap((s) => s.fields);
  const earlier = await f.office.request('POST', '/api/v1/assignments', {
    formId: f.formId,
    version: 1,
    regionCodes: ['510104'],
    departments: ['锦江区教育局'],
    periods: ['2023Q4'],
    dueDate: '2024-01-31',
  });
  earlierId = (earlier.body as unknown as Array<{ id: string }>)[0]!.id;
});
afterAll(() => h.close());

function filled(n: number): Record<string, unknown> {
  return Object.fromEntries(
    fields.map((x) => [
      x.id,
      x.type === 'long_text'
        ? '按计划推进'
        : x.type === 'percent'
          ? 50
          : x.type === 'yes_no'
            ? false
            : x.type === 'date'
              ? '2023-12-01'
              : n,
    ]),
  );
}

describe('GET /assignments/{id}/context', () => {
  it('is empty before anything earlier was reported, with the plan targets of the fields', async () => {
    const res = await edu().request('GET', `/api/v1/assignments/${f.own}/context`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ previous: null, history: [] });
    const targets = res.body['targets'] as Record<string, { text: string; value: number }>;
    const quoted = fields.find((x) => x.help?.includes('原文'))!;
    expect(targets[quoted.id]).toBeDefined();
    expect(quoted.help).toContain(targets[quoted.id]!.text);
  });

  it('shows last period’s values and the history once the earlier period is submitted', async () => {
    const submitted = await edu().request('POST', `/api/v1/assignments/${earlierId}/submission/submit`, {
      values: filled(40),
      formVersion: 1,
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const res = await edu().request('GET', `/api/v1/assignments/${f.own}/context`);
    const integer = fields.find((x) => x.type === 'integer')!;
    expect(res.body['previous']).toMatchObject({ period: '2023Q4', values: { [integer.id]: 40 } });
    expect(res.body['history']).toEqual([expect.objectContaining({ period: '2023Q4' })]);
  });

  it('carries last period’s values over from another form by the indicator a field reports', async () => {
    const bound = fields.find((x) => x.type === 'integer' && x.binding)!;
    const other = await f.office.request('POST', '/api/v1/forms', {
      department: '锦江区教育局',
      definition: {
        title: '旧表',
        periodKind: 'quarter',
        sections: [
          {
            id: 'old',
            title: '旧',
            fields: [
              { id: 'legacy', type: 'integer', label: '旧字段', binding: { indicator: bound.binding!.indicator } },
            ],
          },
        ],
      },
    });
    const otherId = other.body['id'] as string;
    await f.office.request('POST', `/api/v1/forms/${otherId}/publish`);
    const assigned = await f.office.request('POST', '/api/v1/assignments', {
      formId: otherId,
      version: 1,
      regionCodes: ['510104'],
      departments: ['锦江区教育局'],
      periods: ['2024Q1'],
      dueDate: null,
    });
    const oldId = (assigned.body as unknown as Array<{ id: string }>)[0]!.id;
    expect(
      (await edu().request('PUT', `/api/v1/assignments/${oldId}/submission`, { values: { legacy: 7 }, formVersion: 1 }))
        .status,
    ).toBe(200);
    const next = await f.office.request('POST', '/api/v1/assignments', {
      formId: f.formId,
      version: 1,
      regionCodes: ['510104'],
      departments: ['锦江区教育局'],
      periods: ['2024Q2'],
      dueDate: null,
    });
    const nextId = (next.body as unknown as Array<{ id: string }>)[0]!.id;
    const res = await edu().request('GET', `/api/v1/assignments/${nextId}/context`);
    // The same form's 2024Q1 has nothing saved, so the other form's 2024Q1 answers.
    expect(res.body['previous']).toMatchObject({ period: '2024Q1', values: { [bound.id]: 7 } });
  });

  it('is refused to another unit and to reviewers outside the region', async () => {
    expect((await clients['kx']!.request('GET', `/api/v1/assignments/${f.own}/context`)).status).toBe(403);
    const outside = new Client(h);
    await addUser(h, 'rev-hd', 'reviewer', '110108');
    await outside.login('rev-hd');
    expect((await outside.request('GET', `/api/v1/assignments/${f.own}/context`)).status).toBe(403);
    expect((await clients['rev']!.request('GET', `/api/v1/assignments/${f.own}/context`)).status).toBe(200);
  });
});

describe('GET /assignments?within=', () => {
  it('lists a region tree for the office and for reviewers inside it, and refuses one outside', async () => {
    const all = (await f.office.request('GET', '/api/v1/assignments?within=510100')).body as unknown as Array<{
      regionCode: string;
    }>;
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((a) => a.regionCode.startsWith('5101'))).toBe(true);
    expect(
      ((await f.office.request('GET', '/api/v1/assignments?within=110000')).body as unknown as unknown[]).length,
    ).toBe(0);
    const province = await clients['rev-sc']!.request('GET', '/api/v1/assignments?within=510104');
    expect((province.body as unknown as unknown[]).length).toBe(all.length);
    const refused = await clients['rev']!.request('GET', '/api/v1/assignments?within=510000');
    expect(refused.status).toBe(403);
    expect(refused.body.error?.code).toBe('forbidden');
  });

  it('rejects a malformed region code', async () => {
    const res = await f.office.request('GET', '/api/v1/assignments?within=51');
    expect(res.status).toBe(400);
    expect(res.body.error?.details[0]?.path).toBe('within');
  });
});

describe('explanations of warnings', () => {
  it(
    'stores the reporter’s reason right after the warning it explains, ' + 'and ignores reasons for no warning',
    async () => {
      const definition = {
        title: '带提醒的表',
        periodKind: 'quarter',
        sections: [{ id: 's', title: '活动', fields: [{ id: 'events', type: 'integer', label: '活动场次' }] }],
        rules: [
          {
            id: 'many',
            expression: 'events < 100',
            severity: 'warning',
            message: '场次明显偏多，请说明',
            field: 'events',
          },
        ],
      };
      const form = await f.office.request('POST', '/api/v1/forms', { department: '锦江区科协', definition });
      const formId = form.body['id'] as string;
      await f.office.request('POST', `/api/v1/forms/${formId}/publish`);
      const assigned = await f.office.request('POST', '/api/v1/assignments', {
        formId,
        version: 1,
        regionCodes: ['510104'],
        departments: ['锦江区科协'],
        periods: ['2024Q3'],
        dueDate: null,
      });
      const id = (assigned.body as unknown as Array<{ id: string }>)[0]!.id;
      const res = await clients['kx']!.request('POST', `/api/v1/assignments/${id}/submission/submit`, {
        values: { events: 150 },
        formVersion: 1,
        explanations: { events: '本季度举办科技节，场次集中', other: '无关' },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body['warnings']).toEqual([
        expect.objectContaining({ path: 'events', code: 'rule_warning' }),
        {
          path: 'events',
          code: 'explanation',
          message: '本季度举办科技节，场次集中',
          messageEn: '本季度举办科技节，场次集中',
        },
      ]);
    },
  );

  it.each([
    ['an empty reason', { events: '  ' }],
    ['a reason too long', { events: '说'.repeat(501) }],
    ['a reason that is not text', { events: 3 }],
  ])('rejects %s', async (_name, explanations) => {
    const res = await edu().request('PUT', `/api/v1/assignments/${f.own}/submission`, {
      values: {},
      formVersion: 1,
      explanations,
    });
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('validation_failed');
  });
});

describe('reference data', () => {
  it('looks regions up by code, skipping unknown ones', async () => {
    const res = await edu().request('GET', '/api/v1/regions?codes=510104,653000,999999,510104');
    expect((res.body as unknown as Array<{ code: string; name: string }>).map((r) => [r.code, r.name])).toEqual([
      ['510104', '锦江区'],
      ['653000', '克孜勒苏柯尔克孜自治州'],
    ]);
  });

  it.each(['51', '510104;drop', '510104,', '../etc'])('rejects the code list %j', async (codes) => {
    const res = await edu().request('GET', `/api/v1/regions?codes=${encodeURIComponent(codes)}`);
    expect(res.status).toBe(400);
  });

  it('lists the breakdowns the catalog’s indicators declare, with their values', async () => {
    const res = await edu().request('GET', '/api/v1/disaggregations');
    const indicators = (await edu().request('GET', '/api/v1/indicators')).body as unknown as Array<{
      disaggregations: string[];
    }>;
    const breakdowns = res.body as Record<string, { nameZh: string; values: Array<{ code: string; nameZh: string }> }>;
    for (const name of indicators.flatMap((i) => i.disaggregations))
      expect(breakdowns[name]?.values.length).toBeGreaterThan(0);
  });

  it('lists the department functions with their names', async () => {
    const res = await edu().request('GET', '/api/v1/department-functions');
    expect(res.body).toContainEqual({ code: 'education', nameZh: expect.any(String), nameEn: expect.any(String) });
  });
});
