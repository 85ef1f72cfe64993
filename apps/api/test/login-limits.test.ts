import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser } from '@kesu/store';
import { hashPassword } from '../src/auth/passwords.js';
import { LoginLimiter } from '../src/auth/rate-limit.js';
import { addUser, Client, startHarness, type Harness } from './harness.js';

/**
 * Log-in limits an attacker meets: a spray of passwords over many user names from one address is
 * stopped even when the attacker holds one valid account, the refusal says when to try again, and
 * passwords easy to guess cannot be set (while those set before still log in). Every request here
 * comes from one address, so the limits run last: they end with that address blocked.
 */
let h: Harness;
let office: Client;
beforeAll(async () => {
  h = await startHarness();
  await addUser(h, 'office', 'admin', null);
  await addUser(h, 'insider', 'leader', '510104');
  office = new Client(h);
  await office.login('office');
}, 60_000);
afterAll(() => h.close());

const errorOf = (body: unknown) =>
  (
    body as {
      error: {
        code: string;
        message: string;
        messageEn: string;
        details: Array<{ path: string; code: string; message: string }>;
      };
    }
  ).error;

describe('passwords being set', () => {
  it.each([
    ['12345678', 'password_common'],
    ['password', 'password_common'],
    ['        ', 'password_blank'],
    ['newcomer-1', 'password_has_username'],
  ])('refuse %j for a new account, naming the field, and create nothing', async (password, code) => {
    const res = await office.request('POST', '/api/v1/users', {
      username: 'newcomer',
      displayName: '新人',
      role: 'leader',
      regionCode: '510104',
      password,
    });
    expect(res.status).toBe(400);
    expect(errorOf(res.body).details.map((d) => [d.path, d.code])).toEqual([['password', code]]);
    expect(errorOf(res.body).details[0]?.message).toMatch(/^「密码」/);
    const users = (await office.request('GET', '/api/v1/users')).body as unknown as Array<{ username: string }>;
    expect(users.some((u) => u.username === 'newcomer')).toBe(false);
  });

  it('refuse the user name as the password chosen with a one-time code, and leave the code usable', async () => {
    const created = await office.request('POST', '/api/v1/users', {
      username: 'coded',
      displayName: '码',
      role: 'leader',
      regionCode: '510104',
    });
    const code = (created.body['loginCode'] as { code: string }).code;
    const weak = await new Client(h).request('POST', '/api/v1/auth/redeem-code', {
      username: 'coded',
      code,
      password: 'coded-coded',
    });
    expect(weak.status).toBe(400);
    expect(errorOf(weak.body).details.map((d) => d.code)).toEqual(['password_has_username']);
    expect(
      (
        await new Client(h).request('POST', '/api/v1/auth/redeem-code', {
          username: 'coded',
          code,
          password: 'a-fine-passphrase',
        })
      ).status,
    ).toBe(200);
  });

  it('do not lock out an account whose password was set before the rules', async () => {
    await h.ctx.store.writes.write(async (conn) =>
      insertUser(conn, {
        username: 'legacy',
        displayName: '老账号',
        passwordHash: await hashPassword('12345678'),
        role: 'leader',
        regionCode: '510104',
        department: null,
      }),
    );
    expect((await new Client(h).login('legacy', '12345678')).status).toBe(200);
  });
});

describe('log-in limits', () => {
  it(
    'stop a password spray over many names from one address, ' + 'though it logs in with a valid account between tries',
    async () => {
      // The limits of a small office, so the spray is short: 10 failures a name, 20 an address.
      h.ctx.limiter = new LoginLimiter(h.ctx.store, 10, 20);
      const attacker = new Client(h);
      let blockedAt = -1;
      for (let i = 0; i < 40 && blockedAt < 0; i++) {
        // Nine wrong guesses per name stay under the per-name limit; the valid log-in used to reset the address.
        const res = await attacker.login(`victim${Math.floor(i / 9)}`, `guess-${i}-password`);
        if (res.status === 429) blockedAt = i;
        else expect(res.status).toBe(401);
        if (i % 9 === 8) expect((await new Client(h).login('insider')).status).toBe(200);
      }
      expect(blockedAt).toBe(20);
    },
    60_000,
  );

  it('say when to try again, in seconds and in words', async () => {
    const blocked = await new Client(h).login('someone-else', 'any-password-1');
    expect(blocked.status).toBe(429);
    const seconds = Number(blocked.headers.get('retry-after'));
    expect(seconds).toBeGreaterThan(800);
    expect(seconds).toBeLessThanOrEqual(900);
    expect(errorOf(blocked.body).message).toBe('登录失败次数过多，请 15 分钟后再试');
    expect(errorOf(blocked.body).messageEn).toBe('too many failed log-ins; try again in 15 minutes');
  });
});
