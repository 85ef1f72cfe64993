import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  deleteSavedQuery,
  getSavedQuery,
  insertSavedQuery,
  listSavedQueries,
  updateSavedQuery,
} from './repositories/saved-queries.js';
import { insertUser } from './repositories/users.js';
import { BACKENDS, openTestStore, type TestStore } from './testing/index.js';

describe.each(BACKENDS)('on %s', (backend) => {
  let t: TestStore;
  let alice: string;
  let bob: string;

  beforeEach(async () => {
    t = await openTestStore(backend);
    const user = (username: string) =>
      insertUser(t.store.connection, {
        username,
        displayName: `${username}（统计）`,
        passwordHash: 'x',
        role: 'statistician',
        regionCode: '510000',
        department: null,
      });
    alice = (await user('alice')).id;
    bob = (await user('bob')).id;
  });
  afterEach(() => t.dispose());

  describe('saved queries', () => {
    it('show a user their own and every shared query, latest change first, with the author’s names', async () => {
      const conn = t.store.connection;
      const own = await insertSavedQuery(
        conn,
        alice,
        { title: '私有', sql: 'SELECT 1', shared: false },
        new Date('2025-01-01T00:00:00Z'),
      );
      await insertSavedQuery(conn, bob, { title: '他人私有', sql: 'SELECT 2', shared: false });
      const shared = await insertSavedQuery(
        conn,
        bob,
        { title: '共享', sql: 'SELECT 3', shared: true },
        new Date('2025-02-01T00:00:00Z'),
      );
      const seen = await listSavedQueries(conn, alice);
      expect(seen.map((q) => q.id)).toEqual([shared.id, own.id]);
      expect(seen[0]).toMatchObject({ ownerUsername: 'bob', ownerName: 'bob（统计）', shared: true, sql: 'SELECT 3' });
    });

    it('change and delete', async () => {
      const conn = t.store.connection;
      const q = await insertSavedQuery(conn, alice, { title: 'a', sql: 'SELECT 1', shared: false });
      const changed = await updateSavedQuery(
        conn,
        q.id,
        { title: 'b', sql: 'SELECT 2', shared: true },
        new Date('2030-01-01T00:00:00Z'),
      );
      expect(changed).toMatchObject({ title: 'b', sql: 'SELECT 2', shared: true, ownerId: alice });
      expect(changed.updatedAt).toContain('2030-01-01');
      await deleteSavedQuery(conn, q.id);
      expect(await getSavedQuery(conn, q.id)).toBeUndefined();
    });
  });
});
