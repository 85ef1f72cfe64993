import type { Plan } from '@kesu/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from './database.js';
import { migrate, MIGRATIONS, schemaVersion } from './migrations/index.js';
import { listAssignedUnits, listPlansWithin, listReporterUnits } from './repositories/accounts.js';
import { insertPlan } from './repositories/plans.js';
import { insertAssignments } from './repositories/assignments.js';
import { findLoginCode, issueLoginCode, markLoginCodeUsed, voidLoginCodes } from './repositories/login-codes.js';
import { deleteUserSessions, findSession, insertSession } from './repositories/sessions.js';
import {
  countActiveAdmins,
  findUserByUsername,
  getUser,
  insertUser,
  listUsers,
  NO_PASSWORD,
  recordLogin,
  setUserDisabled,
  setUserPassword,
  updateUserProfile,
} from './repositories/users.js';
import { BACKENDS, openTestStore, rawDb, testStoreLocation, type TestStore } from './testing/index.js';

const ACCOUNTS = MIGRATIONS.findIndex((m) => m.name === 'accounts');

describe.each(BACKENDS)('on %s', (backend) => {
  describe('migration 004-accounts', () => {
    let location: string;
    let remove: () => Promise<void>;
    beforeEach(async () => {
      ({ location, remove } = await testStoreLocation(backend));
    });
    afterEach(() => remove());

    it('brings users of the previous version forward with their data, constraints and sessions', async () => {
      const old = await rawDb(location);
      await migrate(old.db, MIGRATIONS.slice(0, ACCOUNTS));
      await old.db.exec(`INSERT INTO users
        (id, username, display_name, password_hash, role, region_code, department, demo, created_at) VALUES
        ('u1', 'office', '办公室', 'scrypt$x', 'admin', NULL, NULL, false, TIMESTAMP '2024-01-02 03:04:05'),
        ('u2', 'edu', '教育局填报员', 'scrypt$y', 'reporter', '510104', '锦江区教育局', true, TIMESTAMP '2024-02-03 04:05:06')`);
      await old.db.exec(
        'INSERT INTO sessions (token_hash, user_id, kind, csrf, expires_at) ' +
          "VALUES ('t1', 'u2', 'cookie', 'c', TIMESTAMP '2999-01-01 00:00:00')",
      );
      await old.close();

      const store = await openStore(location);
      expect(await schemaVersion(store.connection)).toBe(MIGRATIONS.length);
      const users = await listUsers(store.connection);
      expect(users).toEqual([
        {
          id: 'u2',
          username: 'edu',
          displayName: '教育局填报员',
          role: 'reporter',
          regionCode: '510104',
          department: '锦江区教育局',
          email: null,
          disabled: false,
          mustSetPassword: false,
          lastLoginAt: null,
          demo: true,
        },
        {
          id: 'u1',
          username: 'office',
          displayName: '办公室',
          role: 'admin',
          regionCode: null,
          department: null,
          email: null,
          disabled: false,
          mustSetPassword: false,
          lastLoginAt: null,
          demo: false,
        },
      ]);
      expect((await findUserByUsername(store.connection, 'edu'))?.passwordHash).toBe('scrypt$y');
      const created = await store.connection.rows("SELECT created_at::VARCHAR AS at FROM users WHERE id = 'u1'");
      expect(created[0]?.['at']).toBe('2024-01-02 03:04:05');
      expect((await findSession(store.connection, 't1'))?.userId).toBe('u2');
      // The rebuilt table keeps its rules: a taken name and an unknown role are still refused.
      // DuckDB words it "Constraint Error: CHECK constraint failed", PostgreSQL "violates check constraint".
      await expect(
        insertUser(store.connection, {
          username: 'edu',
          displayName: 'x',
          passwordHash: NO_PASSWORD,
          role: 'leader',
          regionCode: '510104',
          department: null,
        }),
      ).rejects.toThrow(/unique|duplicate/i);
      await expect(
        store.connection.exec(
          "INSERT INTO users (id, username, display_name, password_hash, role) VALUES ('u3', 'x3', 'x', 'h', 'owner')",
        ),
      ).rejects.toThrow(/CHECK|check constraint/i);
      await store.close();

      const reopened = await openStore(location);
      expect((await listUsers(reopened.connection)).map((u) => u.username)).toEqual(['edu', 'office']);
      await reopened.close();
    });
  });

  describe('accounts', () => {
    let t: TestStore;
    beforeEach(async () => {
      t = await openTestStore(backend);
    });
    afterEach(() => t.dispose());

    it('keep a profile, a disabled time, the last log-in and whether a password must be set', async () => {
      const user = await insertUser(t.store.connection, {
        username: 'edu',
        displayName: '填报员',
        passwordHash: NO_PASSWORD,
        role: 'reporter',
        regionCode: '510104',
        department: '锦江区教育局',
        email: 'edu@example.cn',
      });
      expect(user).toMatchObject({
        email: 'edu@example.cn',
        mustSetPassword: true,
        disabled: false,
        lastLoginAt: null,
      });
      const changed = await updateUserProfile(t.store.connection, user.id, {
        displayName: '王老师',
        role: 'reviewer',
        regionCode: '510100',
        department: null,
        email: null,
      });
      expect(changed).toMatchObject({
        displayName: '王老师',
        role: 'reviewer',
        regionCode: '510100',
        department: null,
        email: null,
        username: 'edu',
      });
      await setUserPassword(t.store.connection, user.id, 'scrypt$z');
      expect(await getUser(t.store.connection, user.id)).toMatchObject({
        passwordHash: 'scrypt$z',
        mustSetPassword: false,
      });
      await recordLogin(t.store.connection, user.id, new Date('2025-03-04T05:06:07.089Z'));
      expect((await getUser(t.store.connection, user.id))?.lastLoginAt).toBe('2025-03-04 05:06:07.089');
      expect((await setUserDisabled(t.store.connection, user.id, new Date())).disabled).toBe(true);
      expect((await setUserDisabled(t.store.connection, user.id, null)).disabled).toBe(false);
    });

    it('count only enabled administrators', async () => {
      const a = await insertUser(t.store.connection, {
        username: 'a1',
        displayName: 'a',
        passwordHash: 'h',
        role: 'admin',
        regionCode: null,
        department: null,
      });
      await insertUser(t.store.connection, {
        username: 'a2',
        displayName: 'a',
        passwordHash: 'h',
        role: 'admin',
        regionCode: null,
        department: null,
      });
      expect(await countActiveAdmins(t.store.connection)).toBe(2);
      await setUserDisabled(t.store.connection, a.id, new Date());
      expect(await countActiveAdmins(t.store.connection)).toBe(1);
    });

    it('end every session of a user and answer their hashes', async () => {
      const u = await insertUser(t.store.connection, {
        username: 'u',
        displayName: 'u',
        passwordHash: 'h',
        role: 'leader',
        regionCode: '510000',
        department: null,
      });
      const other = await insertUser(t.store.connection, {
        username: 'v',
        displayName: 'v',
        passwordHash: 'h',
        role: 'leader',
        regionCode: '510000',
        department: null,
      });
      for (const [hash, userId] of [
        ['s1', u.id],
        ['s2', u.id],
        ['s3', other.id],
      ] as const) {
        await insertSession(t.store.connection, {
          tokenHash: hash,
          userId,
          kind: 'cookie',
          csrf: 'c',
          expiresAt: '2999-01-01 00:00:00',
        });
      }
      expect((await deleteUserSessions(t.store.connection, u.id)).sort()).toEqual(['s1', 's2']);
      expect(await findSession(t.store.connection, 's1')).toBeUndefined();
      expect(await findSession(t.store.connection, 's3')).toBeDefined();
    });

    it('keep one-time codes as hashes: a newer code voids the older, a used one stays used', async () => {
      const u = await insertUser(t.store.connection, {
        username: 'u',
        displayName: 'u',
        passwordHash: NO_PASSWORD,
        role: 'leader',
        regionCode: '510000',
        department: null,
      });
      const at = new Date('2025-01-01T00:00:00Z');
      const later = new Date('2025-01-04T00:00:00Z');
      await issueLoginCode(
        t.store.connection,
        { userId: u.id, codeHash: 'first', createdBy: 'office', expiresAt: later },
        at,
      );
      await issueLoginCode(
        t.store.connection,
        { userId: u.id, codeHash: 'second', createdBy: 'office', expiresAt: later },
        at,
      );
      expect(await findLoginCode(t.store.connection, u.id, 'first')).toMatchObject({
        voidedAt: '2025-01-01 00:00:00.000',
        usedAt: null,
      });
      const second = await findLoginCode(t.store.connection, u.id, 'second');
      expect(second).toMatchObject({ voidedAt: null, usedAt: null, expiresAt: '2025-01-04 00:00:00.000' });
      await markLoginCodeUsed(t.store.connection, second!.id, at);
      await voidLoginCodes(t.store.connection, u.id, later);
      expect(await findLoginCode(t.store.connection, u.id, 'second')).toMatchObject({
        usedAt: '2025-01-01 00:00:00.000',
        voidedAt: null,
      });
      expect(await findLoginCode(t.store.connection, 'someone-else', 'second')).toBeUndefined();
      const stored = await t.store.connection.rows('SELECT code_hash FROM login_codes ORDER BY created_at');
      expect(stored.map((r) => r['code_hash'])).toEqual(expect.arrayContaining(['first', 'second']));
    });

    it('list the units assigned under a region, the reporters of units and the plans under a region', async () => {
      const assign = (regionCode: string, department: string, period: string) => ({
        formId: 'f',
        version: 1,
        regionCode,
        department,
        period,
        dueDate: null,
      });
      await insertAssignments(t.store.connection, [
        assign('510104', '锦江区教育局', '2024'),
        assign('510104', '锦江区教育局', '2025'),
        assign('510104', '锦江区科协', '2024'),
        assign('110108', '海淀区科协', '2024'),
      ]);
      expect(await listAssignedUnits(t.store.connection, '5101')).toEqual([
        { regionCode: '510104', department: '锦江区教育局' },
        { regionCode: '510104', department: '锦江区科协' },
      ]);
      expect(await listAssignedUnits(t.store.connection)).toHaveLength(3);
      const r = await insertUser(t.store.connection, {
        username: 'edu',
        displayName: 'e',
        passwordHash: 'h',
        role: 'reporter',
        regionCode: '510104',
        department: '锦江区教育局',
      });
      await insertUser(t.store.connection, {
        username: 'kx',
        displayName: 'k',
        passwordHash: 'h',
        role: 'reporter',
        regionCode: '510104',
        department: '锦江区科协',
      });
      await setUserDisabled(t.store.connection, r.id, new Date());
      expect(await listReporterUnits(t.store.connection)).toEqual([
        { regionCode: '510104', department: '锦江区教育局', username: 'edu', disabled: true },
        { regionCode: '510104', department: '锦江区科协', username: 'kx', disabled: false },
      ]);
    });

    it('read the plans under a region in full', async () => {
      const plan = (code: string, title: string) =>
        ({
          title,
          region: { name: title, short: title, level: 'county', province: '四川省', parent: null, code },
          departments: [{ raw: '区科协', name: `${title}科协`, function: 'science_association', region: code }],
        }) as unknown as Plan;
      await insertPlan(t.store.connection, plan('510104', '锦江区'), 'a', 'office');
      await insertPlan(t.store.connection, plan('110108', '海淀区'), 'b', 'office');
      const within = await listPlansWithin(t.store.connection, '5101');
      expect(within.map((p) => [p.title, p.plan.departments[0]?.name])).toEqual([['锦江区', '锦江区科协']]);
      expect(await listPlansWithin(t.store.connection)).toHaveLength(2);
    });
  });
});
