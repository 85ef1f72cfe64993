import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertNotifications } from '@kesu/store';
import { addUser, Client, startHarness, type Harness } from './harness.js';
import { BACKENDS } from '@kesu/store/testing';
import { buildFixture, type Fixture } from './fixture.js';

let h: Harness;
let f: Fixture;
const clients: Record<string, Client> = {};
/** Accounts the office's user endpoints act on, by user name. */
const targets: Record<string, string> = {};
/** A notification of someone none of the roles is: every caller gets 404 for it. */
let foreignNotice = '';

const ROLES = [
  'anonymous',
  'admin',
  'reviewer',
  'reviewerElsewhere',
  'reporter',
  'reporterOtherUnit',
  'statistician',
  'leader',
] as const;
type Who = (typeof ROLES)[number];

describe.each(BACKENDS)('on %s', (backend) => {
  beforeAll(async () => {
    h = await startHarness(backend);
    f = await buildFixture(h);
    await addUser(h, 'rev', 'reviewer', '510104');
    await addUser(h, 'rev-hd', 'reviewer', '110108');
    await addUser(h, 'edu', 'reporter', '510104', '锦江区教育局');
    await addUser(h, 'kx', 'reporter', '510104', '锦江区科协');
    await addUser(h, 'stat', 'statistician', '510000');
    await addUser(h, 'boss', 'leader', '510000');
    for (const name of ['target-edit', 'target-reset', 'target-disable', 'target-enable'])
      targets[name] = (await addUser(h, name, 'leader', '510104')).id;
    const owner = await addUser(h, 'notice-owner', 'reviewer', '510104');
    const params = {
      assignmentId: f.own,
      formTitle: '报表',
      formTitleEn: 'Form',
      regionName: '锦江区',
      department: '锦江区教育局',
      period: '2024Q1',
      dueDate: null,
      actor: 'edu',
      accept: false,
      level: 'county',
    };
    const notice = {
      recipientId: owner.id,
      kind: 'review.waiting',
      params,
      link: `/review/${f.own}`,
      dedupeKey: 'role-matrix',
    };
    foreignNotice = (await h.ctx.store.writes.write((conn) => insertNotifications(conn, [notice], new Date())))[0]!;
    const logins: Record<Exclude<Who, 'anonymous' | 'admin'>, string> = {
      reviewer: 'rev',
      reviewerElsewhere: 'rev-hd',
      reporter: 'edu',
      reporterOtherUnit: 'kx',
      statistician: 'stat',
      leader: 'boss',
    };
    clients['anonymous'] = new Client(h);
    clients['admin'] = f.office;
    for (const [who, name] of Object.entries(logins)) {
      clients[who] = new Client(h);
      await clients[who].login(name);
    }
  });
  afterAll(() => h.close());

  const everyone: Who[] = [
    'admin',
    'reviewer',
    'reviewerElsewhere',
    'reporter',
    'reporterOtherUnit',
    'statistician',
    'leader',
  ];
  const inTree: Who[] = ['admin', 'reviewer', 'statistician', 'leader'];

  interface Endpoint {
    name: string;
    method: string;
    path: () => string;
    body?: (who: Who) => unknown;
    allowed: Who[];
  }

  const values = { values: { s1t1_note: '按计划推进' }, formVersion: 1 };
  const NO_QUERY = '00000000-0000-4000-8000-000000000000';
  const endpoints: Endpoint[] = [
    { name: 'who am I', method: 'GET', path: () => '/api/v1/auth/me', allowed: everyone },
    { name: 'list users', method: 'GET', path: () => '/api/v1/users', allowed: ['admin'] },
    {
      name: 'create a user',
      method: 'POST',
      path: () => '/api/v1/users',
      body: (who) => ({
        username: `new-${who.toLowerCase()}`,
        displayName: '新用户',
        password: 'long-enough-1',
        role: 'leader',
        regionCode: '510104',
      }),
      allowed: ['admin'],
    },
    {
      name: 'units of a region and their accounts',
      method: 'GET',
      path: () => '/api/v1/users/units?region=510104',
      allowed: ['admin'],
    },
    {
      name: 'units without an account',
      method: 'GET',
      path: () => '/api/v1/users/missing-accounts',
      allowed: ['admin', 'reviewer', 'reviewerElsewhere', 'leader'],
    },
    // A reviewer may look only inside its own region tree.
    {
      name: 'units without an account in 锦江区',
      method: 'GET',
      path: () => '/api/v1/users/missing-accounts?region=510104',
      allowed: ['admin', 'reviewer', 'leader'],
    },
    {
      name: 'a printable list of log-ins',
      method: 'POST',
      path: () => '/api/v1/users/login-sheet',
      body: () => ({
        title: '登录信息',
        rows: [
          {
            regionName: '锦江区',
            department: '锦江区科协',
            username: 'kx',
            code: 'AAAA-BBBB-CCCC',
            link: '/login',
            expiresAt: '2030-01-01 00:00:00.000',
          },
        ],
      }),
      allowed: ['admin'],
    },
    {
      name: 'change a user',
      method: 'PATCH',
      path: () => `/api/v1/users/${targets['target-edit']}`,
      body: (who) => ({ displayName: `${who} 改` }),
      allowed: ['admin'],
    },
    {
      name: 'reset a password',
      method: 'POST',
      path: () => `/api/v1/users/${targets['target-reset']}/reset-password`,
      allowed: ['admin'],
    },
    {
      name: 'disable a user',
      method: 'POST',
      path: () => `/api/v1/users/${targets['target-disable']}/disable`,
      allowed: ['admin'],
    },
    {
      name: 'enable a user',
      method: 'POST',
      path: () => `/api/v1/users/${targets['target-enable']}/enable`,
      allowed: ['admin'],
    },
    {
      name: 'create reporter accounts for a plan',
      method: 'POST',
      path: () => `/api/v1/plans/${f.planId}/reporter-accounts`,
      allowed: ['admin'],
    },
    { name: 'regions', method: 'GET', path: () => '/api/v1/regions?parent=510100', allowed: everyone },
    {
      name: 'find regions',
      method: 'GET',
      path: () => `/api/v1/regions/search?q=${encodeURIComponent('锦江')}`,
      allowed: everyone,
    },
    { name: 'units of a region', method: 'GET', path: () => '/api/v1/regions/510104/units', allowed: ['admin'] },
    { name: 'indicators', method: 'GET', path: () => '/api/v1/indicators', allowed: everyone },
    { name: 'indicator breakdowns', method: 'GET', path: () => '/api/v1/disaggregations', allowed: everyone },
    { name: 'department functions', method: 'GET', path: () => '/api/v1/department-functions', allowed: everyone },
    { name: 'approval levels', method: 'GET', path: () => '/api/v1/approval-levels', allowed: everyone },
    { name: 'list plans', method: 'GET', path: () => '/api/v1/plans', allowed: everyone },
    {
      name: 'read a plan',
      method: 'GET',
      path: () => `/api/v1/plans/${f.planId}`,
      allowed: [...inTree, 'reporter', 'reporterOtherUnit'],
    },
    {
      name: 'read a plan source',
      method: 'GET',
      path: () => `/api/v1/plans/${f.planId}/source`,
      allowed: [...inTree, 'reporter', 'reporterOtherUnit'],
    },
    {
      name: 'import a plan',
      method: 'POST',
      path: () => '/api/v1/plans/import?name=x.txt',
      body: () => new TextEncoder().encode('not a plan'),
      allowed: ['admin'],
    },
    {
      name: 'preview a plan import',
      method: 'POST',
      path: () => '/api/v1/plans/import?name=x.txt&preview=true',
      body: () => new TextEncoder().encode('not a plan'),
      allowed: ['admin'],
    },
    {
      name: 'import a plan as a new revision',
      method: 'POST',
      path: () => `/api/v1/plans/import?name=x.txt&as=revision&plan=${f.planId}`,
      body: () => new TextEncoder().encode('not a plan'),
      allowed: ['admin'],
    },
    {
      name: 'units a plan’s tasks may be given',
      method: 'GET',
      path: () => `/api/v1/plans/${f.planId}/unit-choices`,
      allowed: ['admin'],
    },
    {
      name: 'save a reviewed plan',
      method: 'PUT',
      path: () => `/api/v1/plans/${f.planId}`,
      body: () => ({ plan: {} }),
      allowed: ['admin'],
    },
    {
      name: 'generate a form',
      method: 'POST',
      path: () => `/api/v1/plans/${f.planId}/forms/generate`,
      body: () => ({ department: '区科协', periodKind: 'year' }),
      allowed: ['admin'],
    },
    {
      name: 'list forms',
      method: 'GET',
      path: () => '/api/v1/forms',
      allowed: ['admin', 'reviewer', 'reviewerElsewhere', 'statistician'],
    },
    {
      name: 'create a form',
      method: 'POST',
      path: () => '/api/v1/forms',
      body: () => ({
        department: '区科协',
        definition: {
          title: '新表',
          periodKind: 'year',
          sections: [{ id: 's', title: 's', fields: [{ id: 'n', type: 'integer', label: '数量' }] }],
        },
      }),
      allowed: ['admin'],
    },
    {
      name: 'edit a form',
      method: 'PUT',
      path: () => `/api/v1/forms/${f.formId}`,
      body: () => ({ definition: {} }),
      allowed: ['admin'],
    },
    {
      name: 'read a form and its draft',
      method: 'GET',
      path: () => `/api/v1/forms/${f.formId}`,
      allowed: ['admin', 'reviewer', 'statistician'],
    },
    { name: 'publish a form', method: 'POST', path: () => `/api/v1/forms/${f.formId}/publish`, allowed: ['admin'] },
    // The form quotes the 锦江区 plan's targets: not for a reviewer of another province.
    {
      name: 'read a form version',
      method: 'GET',
      path: () => `/api/v1/forms/${f.formId}/versions/1`,
      allowed: everyone.filter((who) => who !== 'reviewerElsewhere'),
    },
    {
      name: 'assign',
      method: 'POST',
      path: () => '/api/v1/assignments',
      body: () => ({
        formId: f.formId,
        version: 1,
        regionCodes: ['510104'],
        departments: ['锦江区总工会'],
        periods: ['2024Q2'],
      }),
      allowed: ['admin'],
    },
    { name: 'list assignments', method: 'GET', path: () => '/api/v1/assignments', allowed: everyone },
    {
      name: 'read an assignment',
      method: 'GET',
      path: () => `/api/v1/assignments/${f.own}`,
      allowed: [...inTree, 'reporter'],
    },
    {
      name: 'read its context',
      method: 'GET',
      path: () => `/api/v1/assignments/${f.own}/context`,
      allowed: [...inTree, 'reporter'],
    },
    {
      name: 'read its revisions',
      method: 'GET',
      path: () => `/api/v1/assignments/${f.own}/revisions`,
      allowed: [...inTree, 'reporter'],
    },
    {
      name: 'close a window',
      method: 'PATCH',
      path: () => `/api/v1/assignments/${f.other}`,
      body: () => ({ dueDate: '2024-05-01' }),
      allowed: ['admin'],
    },
    {
      name: 'save a draft',
      method: 'PUT',
      path: () => `/api/v1/assignments/${f.own}/submission`,
      body: () => values,
      allowed: ['reporter'],
    },
    {
      name: 'submit',
      method: 'POST',
      path: () => `/api/v1/assignments/${f.own}/submission/submit`,
      body: () => values,
      allowed: ['reporter'],
    },
    {
      name: 'return',
      method: 'POST',
      path: () => `/api/v1/assignments/${f.own}/submission/return`,
      body: () => ({ comment: '请核实' }),
      allowed: ['admin', 'reviewer'],
    },
    {
      name: 'approve',
      method: 'POST',
      path: () => `/api/v1/assignments/${f.own}/submission/approve`,
      allowed: ['admin', 'reviewer'],
    },
    {
      name: 'accept from the level below',
      method: 'POST',
      path: () => `/api/v1/assignments/${f.own}/submission/accept`,
      allowed: ['admin', 'reviewer'],
    },
    {
      name: 'what waits for my review',
      method: 'GET',
      path: () => '/api/v1/assignments?awaitingMe=true',
      allowed: everyone,
    },
    { name: 'audit trail', method: 'GET', path: () => '/api/v1/audit', allowed: ['admin'] },
    { name: 'who is in the audit trail', method: 'GET', path: () => '/api/v1/audit/actors', allowed: ['admin'] },
    { name: 'list backups', method: 'GET', path: () => '/api/v1/backups', allowed: ['admin'] },
    { name: 'make a backup', method: 'POST', path: () => '/api/v1/backups', allowed: ['admin'] },
    // No such file: the office gets 404, the others 403 before the folder is looked at.
    { name: 'download a backup', method: 'GET', path: () => '/api/v1/backups/kesu-none.duckdb', allowed: ['admin'] },
    {
      name: 'warehouse tables',
      method: 'GET',
      path: () => '/api/v1/warehouse/tables',
      allowed: ['admin', 'reviewer', 'reviewerElsewhere', 'statistician', 'leader'],
    },
    {
      name: 'build the warehouse',
      method: 'POST',
      path: () => '/api/v1/warehouse/build',
      body: () => ({}),
      allowed: ['admin'],
    },
    {
      name: 'check SQL',
      method: 'POST',
      path: () => '/api/v1/sql/check',
      body: () => ({ sql: 'SELECT 1' }),
      allowed: ['admin', 'statistician'],
    },
    {
      name: 'run SQL',
      method: 'POST',
      path: () => '/api/v1/sql',
      body: () => ({ sql: 'SELECT count(*) FROM fact_value' }),
      allowed: ['admin', 'statistician'],
    },
    {
      name: 'export SQL',
      method: 'POST',
      path: () => '/api/v1/sql/export',
      body: () => ({ sql: 'SELECT count(*) FROM fact_value', format: 'parquet' }),
      allowed: ['admin', 'statistician'],
    },
    {
      name: 'list saved queries',
      method: 'GET',
      path: () => '/api/v1/saved-queries',
      allowed: ['admin', 'statistician'],
    },
    {
      name: 'save a query',
      method: 'POST',
      path: () => '/api/v1/saved-queries',
      body: (who) => ({ title: `${who} 的查询`, sql: 'SELECT 1', shared: false }),
      allowed: ['admin', 'statistician'],
    },
    // Nobody owns this id: the roles let through get 404, the others 403 before it is looked up.
    {
      name: 'change a saved query',
      method: 'PUT',
      path: () => `/api/v1/saved-queries/${NO_QUERY}`,
      body: () => ({ title: 't', sql: 'SELECT 1', shared: true }),
      allowed: ['admin', 'statistician'],
    },
    {
      name: 'delete a saved query',
      method: 'DELETE',
      path: () => `/api/v1/saved-queries/${NO_QUERY}`,
      allowed: ['admin', 'statistician'],
    },
    {
      name: 'list reports',
      method: 'GET',
      path: () => '/api/v1/reports',
      allowed: ['admin', 'reviewer', 'reviewerElsewhere', 'statistician', 'leader'],
    },
    {
      name: 'a report',
      method: 'GET',
      path: () => '/api/v1/reports/trainings?parent=510104&year=2024',
      allowed: inTree,
    },
    { name: 'target progress', method: 'GET', path: () => '/api/v1/progress?region=510104', allowed: inTree },
    { name: 'printable report', method: 'GET', path: () => '/api/v1/print?region=510104&year=2024', allowed: inTree },
    { name: 'my notifications', method: 'GET', path: () => '/api/v1/notifications', allowed: everyone },
    { name: 'my unread count', method: 'GET', path: () => '/api/v1/notifications/unread-count', allowed: everyone },
    { name: 'mark all mine read', method: 'POST', path: () => '/api/v1/notifications/read-all', allowed: everyone },
    // Only ever one's own inbox: another person's notification is not found, whoever asks.
    {
      name: 'mark another person’s notification read',
      method: 'POST',
      path: () => `/api/v1/notifications/${foreignNotice}/read`,
      allowed: everyone,
    },
    { name: 'mail outbox', method: 'GET', path: () => '/api/v1/notifications/outbox', allowed: ['admin'] },
    {
      name: 'retry a mail',
      method: 'POST',
      path: () => `/api/v1/notifications/outbox/${NO_QUERY}/retry`,
      allowed: ['admin'],
    },
    { name: 'run the notification jobs', method: 'POST', path: () => '/api/v1/notifications/run', allowed: ['admin'] },
    {
      name: 'create a bearer token',
      method: 'POST',
      path: () => '/api/v1/auth/tokens',
      body: () => ({ label: 'script' }),
      allowed: everyone,
    },
  ];

  async function auditCount(): Promise<number> {
    return h.ctx.store.reads.read(async (conn) =>
      Number((await conn.rows('SELECT count(*) AS n FROM audit_events'))[0]?.['n']),
    );
  }

  describe('every endpoint × every role', () => {
    const cases = endpoints.flatMap((e) => ROLES.map((who) => [e.name, who, e] as const));
    it.each(cases)('%s as %s', async (_name, who, e) => {
      const before = await auditCount();
      const res = await clients[who]!.request(e.method, e.path(), e.body?.(who));
      if (who === 'anonymous') {
        expect(res.status).toBe(401);
      } else if (e.allowed.includes(who)) {
        expect([401, 403]).not.toContain(res.status);
        expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
      } else {
        expect(res.status, JSON.stringify(res.body)).toBe(403);
      }
      if (who === 'anonymous' || !e.allowed.includes(who)) {
        expect(res.body).toMatchObject({
          error: { code: expect.any(String), message: expect.any(String), messageEn: expect.any(String) },
        });
        expect(await auditCount()).toBe(before);
      }
    });

    it('nobody reads or marks another person’s notification', async () => {
      for (const who of everyone)
        expect((await clients[who]!.request('POST', `/api/v1/notifications/${foreignNotice}/read`)).status, who).toBe(
          404,
        );
      const owner = new Client(h);
      await owner.login('notice-owner');
      const mine = (await owner.request('GET', '/api/v1/notifications?limit=100')).body as unknown as {
        items: Array<{ id: string; readAt: string | null }>;
      };
      expect(mine.items.find((n) => n.id === foreignNotice)).toMatchObject({ readAt: null });
    });

    it('a reporter sees only its own unit’s assignments in lists', async () => {
      const mine = (await clients['reporter']!.request('GET', '/api/v1/assignments')).body as unknown as Array<{
        id: string;
      }>;
      expect(mine.map((a) => a.id)).toEqual([f.own]);
      const elsewhere = (await clients['reviewerElsewhere']!.request('GET', '/api/v1/assignments'))
        .body as unknown as unknown[];
      expect(elsewhere).toEqual([]);
    });

    it('a reviewer or statistician lists only the forms of their region tree', async () => {
      const ids = async (who: Who) =>
        ((await clients[who]!.request('GET', '/api/v1/forms')).body as unknown as Array<{ id: string }>).map(
          (form) => form.id,
        );
      expect(await ids('reviewer')).toContain(f.formId);
      expect(await ids('statistician')).toContain(f.formId);
      expect(await ids('reviewerElsewhere')).not.toContain(f.formId);
    });

    it('setting a password with a one-time code needs no session, and a wrong code changes nothing', async () => {
      for (const who of ROLES) {
        const before = await auditCount();
        const res = await clients[who]!.request('POST', '/api/v1/auth/redeem-code', {
          username: 'target-reset',
          code: 'WRNG-WRNG-WRNG',
          password: 'long-enough-1',
        });
        expect(res.status).toBe(400);
        expect(res.body.error?.code).toBe('bad_code');
        expect(await auditCount()).toBe(before);
      }
    });

    it('a bearer token works for scripts, without CSRF, and a cookie write without CSRF is refused', async () => {
      const token = (
        (await clients['admin']!.request('POST', '/api/v1/auth/tokens', { label: 'cron' })).body as { token: string }
      ).token;
      const res = await h.app.request('/api/v1/users', { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      const login = await h.app.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'edu', password: 'test-password-1' }),
      });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
      const noCsrf = await h.app.request(`/api/v1/assignments/${f.own}/submission`, {
        method: 'PUT',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify(values),
      });
      expect(noCsrf.status).toBe(403);
      expect(((await noCsrf.json()) as { error: { code: string } }).error.code).toBe('csrf');
    });
  });
});
