import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from './database.js';
import { deleteSavedQuery, getSavedQuery, insertSavedQuery, listSavedQueries, updateSavedQuery } from './repositories/saved-queries.js';
import { insertUser } from './repositories/users.js';

let dir: string;
let store: Store;
let alice: string;
let bob: string;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'kesu-saved-'));
  store = await openStore(path.join(dir, 'kesu.duckdb'));
  const user = (username: string) => insertUser(store.connection, { username, displayName: `${username}（统计）`, passwordHash: 'x', role: 'statistician', regionCode: '510000', department: null });
  alice = (await user('alice')).id;
  bob = (await user('bob')).id;
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('saved queries', () => {
  it('show a user their own and every shared query, latest change first, with the author’s names', async () => {
    const own = await insertSavedQuery(store.connection, alice, { title: '私有', sql: 'SELECT 1', shared: false }, new Date('2025-01-01T00:00:00Z'));
    await insertSavedQuery(store.connection, bob, { title: '他人私有', sql: 'SELECT 2', shared: false });
    const shared = await insertSavedQuery(store.connection, bob, { title: '共享', sql: 'SELECT 3', shared: true }, new Date('2025-02-01T00:00:00Z'));
    const seen = await listSavedQueries(store.connection, alice);
    expect(seen.map((q) => q.id)).toEqual([shared.id, own.id]);
    expect(seen[0]).toMatchObject({ ownerUsername: 'bob', ownerName: 'bob（统计）', shared: true, sql: 'SELECT 3' });
  });

  it('change and delete', async () => {
    const q = await insertSavedQuery(store.connection, alice, { title: 'a', sql: 'SELECT 1', shared: false });
    const changed = await updateSavedQuery(store.connection, q.id, { title: 'b', sql: 'SELECT 2', shared: true }, new Date('2030-01-01T00:00:00Z'));
    expect(changed).toMatchObject({ title: 'b', sql: 'SELECT 2', shared: true, ownerId: alice });
    expect(changed.updatedAt).toContain('2030-01-01');
    await deleteSavedQuery(store.connection, q.id);
    expect(await getSavedQuery(store.connection, q.id)).toBeUndefined();
  });
});
