import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '@kesu/store';
import { addUser, Client, PASSWORD, startHarness, type Body, type Harness, type Reply } from './harness.js';
import { buildFixture, type Fixture } from './fixture.js';

let h: Harness;
let f: Fixture;
let office: Client;

beforeAll(async () => {
  h = await startHarness();
  f = await buildFixture(h);
  office = f.office;
  await addUser(h, 'rev', 'reviewer', '510104');
  await addUser(h, 'rev-hd', 'reviewer', '110108');
  await addUser(h, 'boss', 'leader', '510000');
  await addUser(h, 'edu', 'reporter', '510104', '锦江区教育局');
});
afterAll(() => h.close());

interface ShownUser {
  id: string;
  username: string;
  role: string;
  regionCode: string | null;
  department: string | null;
  email: string | null;
  disabled: boolean;
  mustSetPassword: boolean;
  lastLoginAt: string | null;
}
interface Code {
  username: string;
  code: string;
  link: string;
  expiresAt: string;
}

const errorOf = (r: Reply) => r.body.error!;
const users = async () => (await office.request('GET', '/api/v1/users')).body as unknown as ShownUser[];
const userNamed = async (name: string) => (await users()).find((u) => u.username === name)!;
const auditOf = (entityId: string) => h.ctx.store.reads.read((conn) => listAudit(conn, { entity: 'user', entityId }));
const wholeAudit = () =>
  h.ctx.store.reads.read(async (conn) => JSON.stringify(await conn.rows('SELECT * FROM audit_events')));
const storedUsers = () =>
  h.ctx.store.reads.read(
    async (conn) =>
      await conn.rows(
        'SELECT username, display_name, role, region_code, department, email, ' +
          'disabled_at IS NOT NULL AS disabled FROM users ORDER BY username',
      ),
  );
const redeem = (client: Client, username: string, code: string, password: string) =>
  client.request('POST', '/api/v1/auth/redeem-code', { username, code, password });

async function create(body: Record<string, unknown>): Promise<Reply> {
  return office.request('POST', '/api/v1/users', body);
}

describe('the office creates an account without a password', () => {
  let created: Body;
  it('answers a one-time code, once, with a log-in link and an expiry 72 hours on', async () => {
    const before = Date.now();
    const res = await create({
      username: 'kx-wang',
      displayName: '王科协',
      role: 'reporter',
      regionCode: '510104',
      department: '锦江区科协',
      email: 'wang@example.cn',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    created = res.body;
    expect(created).toMatchObject({
      username: 'kx-wang',
      role: 'reporter',
      email: 'wang@example.cn',
      disabled: false,
      mustSetPassword: true,
      lastLoginAt: null,
    });
    const code = created['loginCode'] as Code;
    expect(code.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(code.link).toBe(`/login?user=kx-wang&code=${code.code}`);
    const hours = (Date.parse(`${code.expiresAt.replace(' ', 'T')}Z`) - before) / 3600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThan(72.1);
    // The list never shows the code again.
    expect(JSON.stringify(await users())).not.toContain(code.code);
  });

  it('cannot be logged into with any password until the code is redeemed', async () => {
    const res = await new Client(h).login('kx-wang', 'whatever-password');
    expect(res.status).toBe(401);
    expect(errorOf(res).code).toBe('bad_credentials');
  });

  it('refuses a wrong code, a short password and a wrong user name, each saying why', async () => {
    const code = (created['loginCode'] as Code).code;
    const wrong = await redeem(new Client(h), 'kx-wang', 'AAAA-BBBB-CCCC', 'a-good-password');
    expect(wrong.status).toBe(400);
    expect(errorOf(wrong)).toMatchObject({
      code: 'bad_code',
      message: '用户名或登录码不正确',
      messageEn: 'wrong user name or log-in code',
    });
    const short = await redeem(new Client(h), 'kx-wang', code, 'short');
    expect(short.status).toBe(400);
    expect(errorOf(short).details.map((d) => d.path)).toContain('password');
    const nobody = await redeem(new Client(h), 'no-such-user', code, 'a-good-password');
    expect(errorOf(nobody).code).toBe('bad_code');
    expect((await userNamed('kx-wang')).mustSetPassword).toBe(true);
  });

  it('sets the password with the code, typed in any case and spacing, and logs in', async () => {
    const code = (created['loginCode'] as Code).code;
    const person = new Client(h);
    const res = await redeem(person, 'kx-wang', ` ${code.toLowerCase().replaceAll('-', ' ')} `, 'my-own-password-1');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body['user']).toMatchObject({ username: 'kx-wang', mustSetPassword: false });
    expect((await person.request('GET', '/api/v1/auth/me')).status).toBe(200);
    expect((await new Client(h).login('kx-wang', 'my-own-password-1')).status).toBe(200);
    const shown = await userNamed('kx-wang');
    expect(shown.mustSetPassword).toBe(false);
    expect(shown.lastLoginAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}$/);
  });

  it('refuses the same code a second time', async () => {
    const again = await redeem(new Client(h), 'kx-wang', (created['loginCode'] as Code).code, 'another-password-2');
    expect(again.status).toBe(400);
    expect(errorOf(again).code).toBe('code_used');
    expect((await new Client(h).login('kx-wang', 'my-own-password-1')).status).toBe(200);
  });

  it('records every step with previous and new values, never a password hash or a code', async () => {
    const trail = await auditOf(String(created['id']));
    expect(trail.map((e) => [e.action, e.actor])).toEqual([
      ['user.create', 'office'],
      ['user.set-password', 'kx-wang'],
    ]);
    expect(trail[0]!.previous).toBeNull();
    expect(trail[0]!.next).toMatchObject({ username: 'kx-wang', department: '锦江区科协', mustSetPassword: true });
    expect(trail[1]).toMatchObject({ previous: { mustSetPassword: true }, next: { mustSetPassword: false } });
    const everything = await wholeAudit();
    expect(everything).not.toContain('scrypt$');
    expect(everything).not.toContain((created['loginCode'] as Code).code);
  });
});

describe('codes that no longer work', () => {
  it('an expired code is refused as expired', async () => {
    const res = await create({ username: 'late', displayName: '迟到', role: 'leader', regionCode: '510104' });
    const { code } = res.body['loginCode'] as Code;
    await h.ctx.store.writes.write((conn) =>
      conn.exec(
        "UPDATE login_codes SET expires_at = TIMESTAMP '2020-01-01 00:00:00' " +
          "WHERE user_id = (SELECT id FROM users WHERE username = 'late')",
      ),
    );
    const refused = await redeem(new Client(h), 'late', code, 'a-good-password');
    expect(refused.status).toBe(400);
    expect(errorOf(refused)).toMatchObject({ code: 'code_expired', message: expect.stringContaining('已过期') });
    expect((await userNamed('late')).mustSetPassword).toBe(true);
  });

  it('a code replaced by a newer one is refused; the newer one works', async () => {
    const res = await create({ username: 'twice', displayName: '两次', role: 'leader', regionCode: '510104' });
    const first = (res.body['loginCode'] as Code).code;
    const reset = await office.request('POST', `/api/v1/users/${String(res.body['id'])}/reset-password`);
    expect(reset.status).toBe(200);
    const second = (reset.body as unknown as Code).code;
    expect(errorOf(await redeem(new Client(h), 'twice', first, 'a-good-password')).code).toBe('code_replaced');
    expect((await redeem(new Client(h), 'twice', second, 'a-good-password')).status).toBe(200);
  });

  it('wrong codes are rate-limited like log-ins', async () => {
    await create({ username: 'guessed', displayName: '被猜', role: 'leader', regionCode: '510104' });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push(
        (await redeem(new Client(h), 'guessed', `WRNG-CODE-${String(i).padStart(4, '2')}`, 'a-good-password')).status,
      );
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});

describe('bad accounts are refused and nothing stored changes', () => {
  const cases: Array<[string, Record<string, unknown>, number, string, string]> = [
    [
      'a taken user name',
      { username: 'edu', displayName: '重名', role: 'leader', regionCode: '510104' },
      409,
      'username_taken',
      'username',
    ],
    [
      'a region code that does not exist',
      { username: 'nowhere', displayName: '无', role: 'leader', regionCode: '519999' },
      400,
      'unknown_region',
      'regionCode',
    ],
    [
      'a malformed region code',
      { username: 'nowhere', displayName: '无', role: 'leader', regionCode: '51-104' },
      400,
      'invalid_format',
      'regionCode',
    ],
    [
      'a unit the region does not have',
      { username: 'ghost', displayName: '无', role: 'reporter', regionCode: '510104', department: '锦江区不存在局' },
      400,
      'unknown_department',
      'department',
    ],
    [
      'another region’s unit',
      { username: 'ghost', displayName: '无', role: 'reporter', regionCode: '110108', department: '锦江区教育局' },
      400,
      'unknown_department',
      'department',
    ],
    [
      'a reporter without a unit',
      { username: 'ghost', displayName: '无', role: 'reporter', regionCode: '510104' },
      400,
      'department_required',
      'department',
    ],
    [
      'a leader without a region',
      { username: 'ghost', displayName: '无', role: 'leader' },
      400,
      'region_required',
      'regionCode',
    ],
    [
      'an unknown role',
      { username: 'ghost', displayName: '无', role: 'owner', regionCode: '510104' },
      400,
      'invalid_value',
      'role',
    ],
    [
      'an upper-case user name',
      { username: 'Ghost', displayName: '无', role: 'leader', regionCode: '510104' },
      400,
      'invalid_format',
      'username',
    ],
    [
      'a bad e-mail address',
      { username: 'ghost', displayName: '无', role: 'leader', regionCode: '510104', email: 'not-an-address' },
      400,
      'invalid_format',
      'email',
    ],
    [
      'a too short password',
      { username: 'ghost', displayName: '无', role: 'leader', regionCode: '510104', password: 'short' },
      400,
      'too_small',
      'password',
    ],
    [
      'an unknown field',
      { username: 'ghost', displayName: '无', role: 'leader', regionCode: '510104', admin: true },
      400,
      'unknown_field',
      '',
    ],
    [
      'an empty name',
      { username: 'ghost', displayName: '  ', role: 'leader', regionCode: '510104' },
      400,
      'too_small',
      'displayName',
    ],
  ];
  it.each(cases)('%s', async (_name, body, status, code, path) => {
    const before = await storedUsers();
    const res = await create(body);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    const error = errorOf(res);
    expect(error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(error.messageEn).toBeTruthy();
    if (['username_taken', 'unknown_region', 'unknown_department'].includes(code)) expect(error.code).toBe(code);
    expect(error.details).toContainEqual(expect.objectContaining({ path, code }));
    expect(await storedUsers()).toEqual(before);
  });
});

describe('refusals name the field as people know it', () => {
  it('in the body of a new user and of a change', async () => {
    const created = await create({ username: 'ghost', displayName: '无', role: 'leader' });
    expect(errorOf(created).details[0]).toMatchObject({
      path: 'regionCode',
      message: '「所属地区」必填：除管理员外，每个角色都属于一个地区',
      messageEn: '"Region" is required: every role but the administrator belongs to a region',
    });
    const id = (await userNamed('boss')).id;
    const changed = await office.request('PATCH', `/api/v1/users/${id}`, { role: 'reporter' });
    expect(errorOf(changed).details[0]).toMatchObject({
      path: 'department',
      message: expect.stringMatching(/^「所属单位」必填/),
    });
  });
});

describe('the office edits an account', () => {
  it('changes role, region, unit and e-mail, auditing the previous and new profile', async () => {
    const res = await create({
      username: 'zhang',
      displayName: '张',
      role: 'leader',
      regionCode: '510104',
      password: 'long-enough-1',
    });
    const id = String(res.body['id']);
    const changed = await office.request('PATCH', `/api/v1/users/${id}`, {
      role: 'reporter',
      department: '锦江区教育局',
      email: 'zhang@example.cn',
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({
      role: 'reporter',
      regionCode: '510104',
      department: '锦江区教育局',
      email: 'zhang@example.cn',
      displayName: '张',
    });
    const trail = await auditOf(id);
    expect(trail.at(-1)).toMatchObject({
      action: 'user.update',
      previous: { role: 'leader', department: null, email: null, regionCode: '510104', displayName: '张' },
      next: { role: 'reporter', department: '锦江区教育局', email: 'zhang@example.cn' },
    });
  });

  it('refuses a change that breaks the rules, naming the field, and keeps what was stored', async () => {
    const id = (await userNamed('zhang')).id;
    const before = await storedUsers();
    const bad: Array<[Record<string, unknown>, number, string]> = [
      [{ department: null }, 400, 'department'],
      [{ regionCode: '519999' }, 400, 'regionCode'],
      [{ regionCode: '110108' }, 400, 'department'],
      [{ role: 'root' }, 400, 'role'],
      [{}, 400, ''],
      [{ username: 'renamed' }, 400, ''],
      [{ email: 'x@' }, 400, 'email'],
    ];
    for (const [body, status, path] of bad) {
      const res = await office.request('PATCH', `/api/v1/users/${id}`, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(errorOf(res).details.map((d) => d.path)).toContain(path);
    }
    expect(
      (await office.request('PATCH', '/api/v1/users/00000000-0000-4000-8000-000000000000', { displayName: 'x' }))
        .status,
    ).toBe(404);
    expect(await storedUsers()).toEqual(before);
  });

  it('a changed role takes effect on the user’s open session at once', async () => {
    const boss = new Client(h);
    await boss.login('boss');
    expect((await boss.request('GET', '/api/v1/users/missing-accounts')).status).toBe(200);
    const id = (await userNamed('boss')).id;
    await office.request('PATCH', `/api/v1/users/${id}`, { role: 'statistician' });
    expect((await boss.request('GET', '/api/v1/users/missing-accounts')).status).toBe(403);
    await office.request('PATCH', `/api/v1/users/${id}`, { role: 'leader' });
  });
});

describe('disabling and enabling', () => {
  it('refuses the old session at once, the password and any code; enabling lets the person back in', async () => {
    const person = new Client(h);
    await person.login('edu');
    expect((await person.request('GET', '/api/v1/assignments')).status).toBe(200);
    const id = (await userNamed('edu')).id;
    const disabled = await office.request('POST', `/api/v1/users/${id}/disable`);
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ disabled: true });
    // The session was in the cache a moment ago: it must be refused now, not in a minute.
    const old = await person.request('GET', '/api/v1/assignments');
    expect(old.status).toBe(401);
    const login = await new Client(h).login('edu');
    expect(login.status).toBe(403);
    expect(errorOf(login)).toMatchObject({ code: 'account_disabled', message: '账号已停用，请联系科协办公室' });
    expect((await office.request('POST', `/api/v1/users/${id}/reset-password`)).status).toBe(409);
    expect((await office.request('POST', `/api/v1/users/${id}/disable`)).status).toBe(200);

    expect((await office.request('POST', `/api/v1/users/${id}/enable`)).body).toMatchObject({ disabled: false });
    expect((await new Client(h).login('edu')).status).toBe(200);
    expect((await auditOf(id)).map((e) => e.action)).toEqual(['user.disable', 'user.enable']);
  });

  it('ends a bearer token too', async () => {
    const res = await create({
      username: 'script-user',
      displayName: '脚本',
      role: 'statistician',
      regionCode: '510000',
      password: 'long-enough-1',
    });
    const client = new Client(h);
    await client.login('script-user', 'long-enough-1');
    const token = ((await client.request('POST', '/api/v1/auth/tokens', { label: 'cron' })).body as { token: string })
      .token;
    const call = () => h.app.request('/api/v1/plans', { headers: { authorization: `Bearer ${token}` } });
    expect((await call()).status).toBe(200);
    await office.request('POST', `/api/v1/users/${String(res.body['id'])}/disable`);
    expect((await call()).status).toBe(401);
  });

  it('a disabled user’s code is refused', async () => {
    const res = await create({ username: 'leaver', displayName: '离职', role: 'leader', regionCode: '510104' });
    await office.request('POST', `/api/v1/users/${String(res.body['id'])}/disable`);
    const refused = await redeem(new Client(h), 'leaver', (res.body['loginCode'] as Code).code, 'a-good-password');
    expect(errorOf(refused).code).toBe('account_disabled');
  });

  it('the office cannot disable itself nor leave no administrator', async () => {
    const self = (await userNamed('office')).id;
    const own = await office.request('POST', `/api/v1/users/${self}/disable`);
    expect(own.status).toBe(409);
    expect(errorOf(own).code).toBe('own_account');
    const demote = await office.request('PATCH', `/api/v1/users/${self}`, { role: 'leader', regionCode: '510000' });
    expect(demote.status).toBe(409);
    expect(errorOf(demote).code).toBe('last_admin');
    const second = await create({
      username: 'office2',
      displayName: '办公室二',
      role: 'admin',
      password: 'long-enough-1',
    });
    const other = new Client(h);
    await other.login('office2', 'long-enough-1');
    expect((await other.request('POST', `/api/v1/users/${self}/disable`)).status).toBe(200);
    const last = await other.request('PATCH', `/api/v1/users/${String(second.body['id'])}`, {
      role: 'leader',
      regionCode: '510000',
    });
    expect(errorOf(last).code).toBe('last_admin');
    await other.request('POST', `/api/v1/users/${self}/enable`);
    expect((await office.login('office')).status).toBe(200);
  });
});

describe('resetting a password', () => {
  it('stops the old password and sessions and hands out a code; the audit keeps neither', async () => {
    const res = await create({
      username: 'forgot',
      displayName: '忘记',
      role: 'leader',
      regionCode: '510104',
      password: 'old-password-1',
    });
    const id = String(res.body['id']);
    const person = new Client(h);
    await person.login('forgot', 'old-password-1');
    const reset = await office.request('POST', `/api/v1/users/${id}/reset-password`);
    expect(reset.status).toBe(200);
    const code = reset.body as unknown as Code;
    expect((await person.request('GET', '/api/v1/auth/me')).status).toBe(401);
    expect((await new Client(h).login('forgot', 'old-password-1')).status).toBe(401);
    expect((await redeem(new Client(h), 'forgot', code.code, 'new-password-1')).status).toBe(200);
    expect((await new Client(h).login('forgot', 'new-password-1')).status).toBe(200);
    const trail = await auditOf(id);
    expect(trail.map((e) => e.action)).toEqual(['user.create', 'user.reset-password', 'user.set-password']);
    expect(JSON.stringify(trail)).not.toContain(code.code);
    const self = await office.request('POST', `/api/v1/users/${(await userNamed('office')).id}/reset-password`);
    expect(errorOf(self).code).toBe('own_account');
  });
});

describe('reporter accounts for the units of a plan, in one step', () => {
  interface Created {
    regionCode: string;
    department: string;
    username: string;
    code: string;
    link: string;
    expiresAt: string;
  }
  let created: Created[];

  it('lists who in the region tree has no account yet, for reviewers and leaders of that tree', async () => {
    const rev = new Client(h);
    await rev.login('rev');
    const missing = (await rev.request('GET', '/api/v1/users/missing-accounts')).body as unknown as Array<{
      regionCode: string;
      department: string;
      plans: unknown[];
      assigned: boolean;
    }>;
    const names = missing.map((u) => u.department);
    expect(names).toContain('锦江区总工会');
    // Units with a reporter already are not missing.
    expect(names).not.toContain('锦江区教育局');
    expect(names).not.toContain('锦江区科协');
    expect(missing.every((u) => u.regionCode === '510104')).toBe(true);
    expect(names.some((n) => n.startsWith('各'))).toBe(false);
    const boss = new Client(h);
    await boss.login('boss');
    expect(
      ((await boss.request('GET', '/api/v1/users/missing-accounts?region=510104')).body as unknown as unknown[]).length,
    ).toBe(missing.length);
    const elsewhere = new Client(h);
    await elsewhere.login('rev-hd');
    expect((await elsewhere.request('GET', '/api/v1/users/missing-accounts')).body).toEqual([]);
    expect((await elsewhere.request('GET', '/api/v1/users/missing-accounts?region=510104')).status).toBe(403);
    expect((await office.request('GET', '/api/v1/users/missing-accounts?region=519999')).status).toBe(400);
  });

  it('creates one reporter per unit without an account, each with a readable stable user name and a code', async () => {
    const res = await office.request('POST', `/api/v1/plans/${f.planId}/reporter-accounts`);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    created = res.body['created'] as Created[];
    const skipped = res.body['skipped'] as Array<{ department: string; username: string; reason: string }>;
    expect(created.length).toBeGreaterThan(5);
    expect(skipped).toContainEqual(
      expect.objectContaining({ department: '锦江区教育局', username: 'edu', reason: 'has_account' }),
    );
    expect(skipped).toContainEqual(
      expect.objectContaining({ department: '锦江区科协', username: 'kx-wang', reason: 'has_account' }),
    );
    for (const r of created) {
      expect(r.username).toMatch(/^510104\.[a-z0-9._-]+$/);
      expect(r.username.length).toBeLessThanOrEqual(32);
      expect(r.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      expect(r.regionCode).toBe('510104');
    }
    expect(new Set(created.map((r) => r.username)).size).toBe(created.length);
    expect(created.find((r) => r.department === '锦江区总工会')?.username).toBe('510104.trade_union');
  });

  it('runs again without creating anything twice', async () => {
    const res = await office.request('POST', `/api/v1/plans/${f.planId}/reporter-accounts`);
    expect(res.body['created']).toEqual([]);
    expect((res.body['skipped'] as unknown[]).length).toBe(created.length + 2);
  });

  it('lets a new reporter in with the handed-out code, to the unit’s assignments', async () => {
    const union = created.find((r) => r.department === '锦江区总工会')!;
    await office.request('POST', '/api/v1/assignments', {
      formId: f.formId,
      version: 1,
      regionCodes: ['510104'],
      departments: ['锦江区总工会'],
      periods: ['2024Q3'],
    });
    const person = new Client(h);
    const link = new URL(union.link, 'http://kesu.local');
    expect(
      (await redeem(person, link.searchParams.get('user')!, link.searchParams.get('code')!, 'union-password-1')).status,
    ).toBe(200);
    const mine = (await person.request('GET', '/api/v1/assignments')).body as unknown as Array<{ department: string }>;
    expect(mine.map((a) => a.department)).toEqual(['锦江区总工会']);
  });

  it('leaves nobody missing in the tree afterwards', async () => {
    const rev = new Client(h);
    await rev.login('rev');
    expect((await rev.request('GET', '/api/v1/users/missing-accounts')).body).toEqual([]);
  });

  it('gives the office a printable workbook of the log-ins, storing nothing', async () => {
    const rows = created.map((r) => ({
      regionName: '锦江区',
      department: r.department,
      username: r.username,
      code: r.code,
      link: `http://kesu.local${r.link}`,
      expiresAt: r.expiresAt,
    }));
    const res = await h.app.request('/api/v1/users/login-sheet', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: await officeCookie(), 'x-csrf-token': officeCsrf },
      body: JSON.stringify({ title: '锦江区填报账号', rows }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('锦江区填报账号');
    const texts = sheet.getColumn(4).values.map(String);
    expect(texts).toContain(created[0]!.code);
    expect(sheet.rowCount).toBe(3 + created.length);
  });
});

let officeCsrf = '';
async function officeCookie(): Promise<string> {
  const res = await h.app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'office', password: PASSWORD }),
  });
  officeCsrf = String(((await res.json()) as { csrfToken: string }).csrfToken);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}
