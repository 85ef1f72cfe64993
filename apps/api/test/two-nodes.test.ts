import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSubmissionRevisions } from '@kesu/store';
import { buildFixture, ownReporter, type Fixture } from './fixture.js';
import { WAREHOUSE_SHOWN_TOPIC } from '../src/analytics/warehouse-home.js';
import { addUser, Client, startHarness, startSecondNode, type Harness } from './harness.js';

/**
 * Two API nodes on one PostgreSQL, as behind a load balancer: whatever one node does, the other
 * knows at once, and a retried request sent to the other node is answered, not done twice.
 */
let a: Harness;
let b: Harness;
let f: Fixture;
let reporter: Client;

beforeAll(async () => {
  a = await startHarness('postgres');
  b = await startSecondNode(a);
  f = await buildFixture(a);
  reporter = await ownReporter(a);
  await addUser(a, 'reviewer', 'reviewer', '510104');
}, 60_000);
afterAll(async () => {
  await b.close();
  await a.close();
});

/** The form's required fields filled, as the reporter's browser would send them. */
async function filledValues(client: Client, assignment: string): Promise<Record<string, unknown>> {
  const found = (await client.request('GET', `/api/v1/assignments/${assignment}`)).body as {
    form: { sections: Array<{ fields: Array<{ id: string; type: string; required: boolean }> }> };
  };
  return Object.fromEntries(
    found.form.sections
      .flatMap((s) => s.fields)
      .filter((x) => x.required)
      .map((x) => [x.id, x.type === 'long_text' ? '按计划推进' : 1]),
  );
}

/**
 * Polls until `check` holds: a change on one node reaches the other through NOTIFY, soon but not
 * in the same instant.
 */
async function eventually(check: () => Promise<boolean>, ms = 3_000): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

describe('two API nodes on one PostgreSQL', () => {
  it(
    'count a user name’s failed log-ins together: ten wrong passwords spread over both, ' +
      'and the next try on either is refused',
    async () => {
      await addUser(a, 'guessed', 'leader', '510104');
      for (let i = 0; i < 10; i++)
        expect((await new Client(i % 2 === 0 ? a : b).login('guessed', `wrong-password-${i}`)).status).toBe(401);
      for (const node of [a, b]) {
        const refused = await new Client(node).login('guessed');
        expect(refused.status).toBe(429);
        expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      }
    },
  );

  it('know a user logged in on the other node', async () => {
    const onB = reporter.on(b);
    expect((await onB.request('GET', '/api/v1/auth/me')).body).toMatchObject({ user: { username: 'edu' } });
  });

  it('read, approve and audit through one node what was submitted through the other', async () => {
    const values = await filledValues(reporter, f.own);
    const submitted = await reporter
      .on(b)
      .request('POST', `/api/v1/assignments/${f.own}/submission/submit`, { values, formVersion: 1 });
    expect(submitted.body).toMatchObject({ status: 'submitted', revision: 1 });

    const reviewer = new Client(a);
    await reviewer.login('reviewer');
    const listed = (await reviewer.request('GET', '/api/v1/assignments')).body as unknown as Array<{
      id: string;
      status: string;
    }>;
    expect(listed.find((x) => x.id === f.own)?.status).toBe('submitted');
    const approved = await reviewer.request('POST', `/api/v1/assignments/${f.own}/submission/approve`);
    expect(approved.body).toMatchObject({ status: 'approved', revision: 2 });

    const audit = await f.office.on(b).request('GET', `/api/v1/audit?entity=submission&entityId=${f.own}&order=asc`);
    expect((audit.body['events'] as Array<{ action: string; actor: string }>).map((e) => [e.action, e.actor])).toEqual([
      ['submission.submit', 'edu'],
      ['submission.approve', 'reviewer'],
    ]);
  });

  it('answer a retry sent to the other node with the stored reply and write nothing twice', async () => {
    await addUser(a, 'kx', 'reporter', '510104', '锦江区科协');
    const kx = new Client(b);
    await kx.login('kx');
    const values = await filledValues(kx, f.other);
    const headers = { 'idempotency-key': 'two-nodes-submit-1' };
    const first = await kx.request(
      'POST',
      `/api/v1/assignments/${f.other}/submission/submit`,
      { values, formVersion: 1 },
      headers,
    );
    const retried = await kx
      .on(a)
      .request('POST', `/api/v1/assignments/${f.other}/submission/submit`, { values, formVersion: 1 }, headers);
    expect(first.status).toBe(200);
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual(first.body);
    const revisions = await a.ctx.store.reads.read((conn) => listSubmissionRevisions(conn, f.other));
    expect(revisions.map((r) => r.status)).toEqual(['submitted']);
  });

  it('let one of an approval and a return sent to two nodes at once win, and refuse the other', async () => {
    const assigned = await f.office.request('POST', '/api/v1/assignments', {
      formId: f.formId,
      version: 1,
      regionCodes: ['510104'],
      departments: ['锦江区教育局'],
      periods: ['2024Q2'],
      dueDate: '2024-07-15',
    });
    const id = (assigned.body as unknown as Array<{ id: string }>)[0]!.id;
    await reporter.request('POST', `/api/v1/assignments/${id}/submission/submit`, {
      values: await filledValues(reporter, id),
      formVersion: 1,
    });
    const onA = new Client(a);
    await onA.login('reviewer');
    const onB = new Client(b);
    await onB.login('reviewer');
    const [approve, giveBack] = await Promise.all([
      onA.request('POST', `/api/v1/assignments/${id}/submission/approve`),
      onB.request('POST', `/api/v1/assignments/${id}/submission/return`, { comment: '数据有误' }),
    ]);
    expect([approve.status, giveBack.status].sort()).toEqual([200, 409]);
    const revisions = await a.ctx.store.reads.read((conn) => listSubmissionRevisions(conn, id));
    expect(revisions.map((r) => r.revision)).toEqual([1, 2]);
  });

  it('end a session on every node when it logs out on one', async () => {
    const leader = await addUser(a, 'leader', 'leader', '510104');
    expect(leader.username).toBe('leader');
    const onA = new Client(a);
    await onA.login('leader');
    const onB = onA.on(b);
    // Node B now holds the session in its cache.
    expect((await onB.request('GET', '/api/v1/auth/me')).status).toBe(200);
    expect((await onA.request('POST', '/api/v1/auth/logout')).status).toBe(200);
    expect(await eventually(async () => (await onB.request('GET', '/api/v1/auth/me')).status === 401)).toBe(true);
  });

  it('show on the other node’s dashboards what was approved through one', async () => {
    await addUser(a, 'stat', 'statistician', '510000');
    const stat = new Client(b);
    await stat.login('stat');
    const approvedOnB = async () => {
      const result = await stat.request('POST', '/api/v1/sql', {
        sql: "SELECT count(*) AS n FROM fact_submission WHERE region_code = '510104' AND status = 'approved'",
      });
      return JSON.stringify(result.body['rows'] ?? result.body);
    };
    // Approved through node A in the tests above: node B's warehouse was told and refreshed itself.
    const stored = await a.ctx.store.reads.read((conn) =>
      conn.rows(
        'SELECT count(*) AS n FROM submissions s JOIN assignments a ON a.id = s.assignment_id ' +
          "WHERE a.region_code = '510104' AND s.status = 'approved'",
      ),
    );
    expect(Number(stored[0]?.['n'])).toBeGreaterThan(0);
    const wanted = `[["${Number(stored[0]?.['n'])}"]]`;
    await eventually(async () => (await approvedOnB()) === wanted, 20_000);
    expect(await approvedOnB()).toBe(wanted);
  }, 30_000);

  it('build the warehouse they share once per change, on one node, and both read that build', async () => {
    await Promise.all([a.ctx.analytics.idle(), b.ctx.analytics.idle()]);
    const lastBuilt = async (node: Harness) => (await node.ctx.analytics.lastBuild()).builtAt;
    // The last build's announcement reaches the other node through NOTIFY, soon but not at once.
    expect(await eventually(async () => (await lastBuilt(a)) === (await lastBuilt(b)), 10_000)).toBe(true);
    const before = await lastBuilt(a);
    const countBuilds = async () =>
      Number((await a.ctx.analytics.query('SELECT count(*)::INTEGER AS n FROM warehouse_builds'))[0]?.['n']);
    const buildsBefore = await countBuilds();
    // Every build that wrote something is announced to every node once.
    const announced: string[] = [];
    a.ctx.store.changes.subscribe(WAREHOUSE_SHOWN_TOPIC, (key) => announced.push(key));

    const assigned = await f.office.request('POST', '/api/v1/assignments', {
      formId: f.formId,
      version: 1,
      regionCodes: ['510104'],
      departments: ['锦江区教育局'],
      periods: ['2024Q3'],
      dueDate: '2024-10-15',
    });
    const id = (assigned.body as unknown as Array<{ id: string }>)[0]!.id;
    await reporter.on(b).request('POST', `/api/v1/assignments/${id}/submission/submit`, {
      values: await filledValues(reporter, id),
      formVersion: 1,
    });
    const reviewer = new Client(a);
    await reviewer.login('reviewer');
    expect((await reviewer.request('POST', `/api/v1/assignments/${id}/submission/approve`)).status).toBe(200);

    // Both nodes were told of each change; whichever took the lock built, the other found nothing new.
    expect(
      await eventually(
        async () => (await lastBuilt(a)) !== before && (await lastBuilt(b)) === (await lastBuilt(a)),
        20_000,
      ),
    ).toBe(true);
    await Promise.all([a.ctx.analytics.idle(), b.ctx.analytics.idle()]);
    // Each announced file holds one more build than the one before it: no two nodes built the same change.
    expect(await eventually(async () => (await countBuilds()) - buildsBefore === announced.length)).toBe(true);
    expect(announced.length).toBeGreaterThan(0);
    const current = readFileSync(path.join(a.dir, 'warehouse', 'CURRENT'), 'utf8');
    expect(readdirSync(path.join(a.dir, 'warehouse'))).toContain(current);
    const rows = await a.ctx.analytics.query(
      'SELECT CAST(status AS VARCHAR) AS status FROM fact_submission WHERE assignment_id = $1',
      [id],
    );
    expect(rows).toEqual([{ status: 'approved' }]);
    expect(
      await b.ctx.analytics.query(
        'SELECT CAST(status AS VARCHAR) AS status FROM fact_submission WHERE assignment_id = $1',
        [id],
      ),
    ).toEqual(rows);
  }, 30_000);
});
