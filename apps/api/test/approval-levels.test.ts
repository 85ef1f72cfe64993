import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, Client, startHarness, type Harness } from './harness.js';
import { buildFixture, type Fixture } from './fixture.js';

let h: Harness;
let f: Fixture;
const as: Record<string, Client> = {};

beforeAll(async () => {
  h = await startHarness();
  f = await buildFixture(h);
  await addUser(h, 'edu', 'reporter', '510104', '锦江区教育局');
  await addUser(h, 'county', 'reviewer', '510104');
  await addUser(h, 'county-b', 'reviewer', '510105');
  await addUser(h, 'city', 'reviewer', '510100');
  await addUser(h, 'prov', 'reviewer', '510000');
  for (const name of ['edu', 'county', 'county-b', 'city', 'prov']) {
    as[name] = new Client(h);
    await as[name].login(name);
  }
});
afterAll(() => h.close());

/** Every field of the assignment's form filled, as a reporter would before submitting. */
async function filled(reporter: Client, id: string) {
  const view = (await reporter.request('GET', `/api/v1/assignments/${id}`)).body as {
    form: { sections: Array<{ fields: Array<{ id: string; type: string }> }> };
  };
  const fields = view.form.sections.flatMap((s) => s.fields);
  return {
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
}
const act = (who: string, action: 'approve' | 'accept' | 'return', body?: unknown) =>
  as[who]!.request('POST', `/api/v1/assignments/${f.own}/submission/${action}`, body);
const waiting = async (who: string) =>
  ((await as[who]!.request('GET', '/api/v1/assignments?awaitingMe=true')).body as unknown as Array<{ id: string }>).map(
    (a) => a.id,
  );

describe('approval up the levels: county → prefecture → province', () => {
  it('tells everyone the levels and from which level data counts', async () => {
    expect((await as['edu']!.request('GET', '/api/v1/approval-levels')).body).toEqual({
      levels: ['county', 'prefecture', 'province'],
      countApprovedFrom: null,
    });
  });

  it('runs approve, accept, accept with each office in turn, and locks the data for the levels below', async () => {
    expect(
      (
        await as['edu']!.request(
          'POST',
          `/api/v1/assignments/${f.own}/submission/submit`,
          await filled(as['edu']!, f.own),
        )
      ).status,
    ).toBe(200);
    expect(await waiting('county')).toContain(f.own);
    expect(await waiting('city')).not.toContain(f.own);

    // Out of order: the prefecture cannot accept what the county has not approved, nor approve in its place.
    const early = await act('city', 'accept');
    expect(early.status).toBe(403);
    expect(early.body.error?.message).toContain('县级');
    expect((await act('county', 'accept')).status).toBe(409);
    // A county next door sees nothing of it.
    expect((await act('county-b', 'approve')).status).toBe(403);

    expect((await act('county', 'approve')).body).toMatchObject({ status: 'approved', approvedLevel: 'county' });
    expect(await waiting('county')).not.toContain(f.own);
    expect(await waiting('city')).toContain(f.own);

    expect((await act('city', 'accept')).body).toMatchObject({ status: 'approved', approvedLevel: 'prefecture' });
    // Approved at the prefecture: locked for the county.
    const late = await act('county', 'return', { comment: '想再改一下' });
    expect(late.status).toBe(403);
    expect(late.body.error?.code).toBe('not_your_level');
    expect(await waiting('prov')).toContain(f.own);

    expect((await act('prov', 'accept')).body).toMatchObject({ status: 'approved', approvedLevel: 'province' });
    expect((await act('prov', 'accept')).status).toBe(409);
    expect(await waiting('prov')).not.toContain(f.own);
  });

  it('returns one level down with a comment, then up again; every step audited', async () => {
    const [id] = [f.other];
    await addUser(h, 'kx', 'reporter', '510104', '锦江区科协');
    const kx = new Client(h);
    await kx.login('kx');
    const values = await filled(kx, id);
    expect((await kx.request('POST', `/api/v1/assignments/${id}/submission/submit`, values)).status).toBe(200);
    const step = (who: string, action: 'approve' | 'accept' | 'return', body?: unknown) =>
      as[who]!.request('POST', `/api/v1/assignments/${id}/submission/${action}`, body);
    await step('county', 'approve');
    await step('city', 'accept');
    // The province sends it back to the prefecture, the prefecture back to the county, the county to the reporter.
    expect((await step('prov', 'return', { comment: '请市级复核' })).body).toMatchObject({
      status: 'approved',
      approvedLevel: 'county',
      comment: '请市级复核',
    });
    expect((await step('city', 'return', { comment: '请区级复核' })).body).toMatchObject({
      status: 'submitted',
      approvedLevel: null,
    });
    expect((await step('county', 'return', { comment: '人次有误' })).body).toMatchObject({ status: 'returned' });
    expect((await step('county', 'return', {})).status).toBe(400);
    expect((await kx.request('POST', `/api/v1/assignments/${id}/submission/submit`, values)).status).toBe(200);
    expect((await step('county', 'approve')).body).toMatchObject({ approvedLevel: 'county' });

    const audit = await f.office.request('GET', `/api/v1/audit?entity=submission&entityId=${id}&order=asc`);
    const steps = (
      audit.body['events'] as Array<{
        action: string;
        actor: string;
        previous: { status: string } | null;
        next: { status: string };
      }>
    ).map((e) => `${e.action}:${e.actor}:${e.previous?.status ?? '-'}→${e.next.status}`);
    expect(steps).toEqual([
      'submission.submit:kx:-→submitted',
      'submission.approve:county:submitted→approved',
      'submission.accept:city:approved→approved',
      'submission.return:prov:approved→approved',
      'submission.return:city:approved→submitted',
      'submission.return:county:submitted→returned',
      'submission.submit:kx:returned→submitted',
      'submission.approve:county:submitted→approved',
    ]);
    const revisions = (await as['city']!.request('GET', `/api/v1/assignments/${id}/revisions`))
      .body as unknown as Array<{ approvedLevel: string | null }>;
    expect(revisions.map((r) => r.approvedLevel)).toEqual([
      null,
      'county',
      'prefecture',
      'county',
      null,
      null,
      null,
      'county',
    ]);
  });

  it('names in the history who took each step and what it was, by display name', async () => {
    const users = (await f.office.request('GET', '/api/v1/users')).body as unknown as Array<{
      id: string;
      username: string;
    }>;
    const prov = users.find((u) => u.username === 'prov');
    expect((await f.office.request('PATCH', `/api/v1/users/${prov?.id}`, { displayName: '四川省审核人' })).status).toBe(
      200,
    );
    const revisions = (await as['city']!.request('GET', `/api/v1/assignments/${f.other}/revisions`))
      .body as unknown as Array<{ action: string; status: string; actor: string; actorName: string | null }>;
    // A return from above leaves the report approved (or submitted) one level down: the step is still a return.
    expect(revisions.map((r) => `${r.action}:${r.actor}:${r.status}`)).toEqual([
      'submit:kx:submitted',
      'approve:county:approved',
      'accept:city:approved',
      'return:prov:approved',
      'return:city:submitted',
      'return:county:returned',
      'submit:kx:submitted',
      'approve:county:approved',
    ]);
    expect(revisions[3]?.actorName).toBe('四川省审核人');
    expect(revisions[0]?.actorName).toBe('kx');
  });
});
