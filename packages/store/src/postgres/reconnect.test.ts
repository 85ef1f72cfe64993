import { connect, createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../database.js';
import { startTestPostgres, type TestPostgres } from '../testing/index.js';
import { DatabaseUnavailableError, isDatabaseUnavailable } from './connection-loss.js';
import { PostgresDb } from './postgres-db.js';

// These tests stop and start a PostgreSQL server of their own, not the suite's shared one.
let server: TestPostgres;
let store: Store;
beforeAll(async () => {
  server = await startTestPostgres();
  store = await openStore(server.url);
  await store.connection.script('CREATE TABLE probe (n INTEGER PRIMARY KEY)');
}, 60_000);
afterAll(async () => {
  await store?.close();
  await server?.stop();
});

/** Asks until `check` holds, for at most `ms`. */
async function eventually(check: () => Promise<boolean> | boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const probes = async (): Promise<number[]> =>
  (await store.reads.read((c) => c.rows('SELECT n FROM probe ORDER BY n'))).map((r) => Number(r['n']));

describe('a PostgreSQL store whose server restarts', () => {
  it(
    'fails reads and writes as unavailable while the server is down, ' + 'and serves them again once it is back',
    async () => {
      await store.writes.write((c) => c.exec('INSERT INTO probe VALUES (1)'));
      await server.pause();
      try {
        const write = store.writes.write((c) => c.exec('INSERT INTO probe VALUES (2)'));
        await expect(write).rejects.toBeInstanceOf(DatabaseUnavailableError);
        const read = probes();
        await expect(read).rejects.toSatisfy(isDatabaseUnavailable);
        await expect(store.refreshAnalyticsCopy()).rejects.toSatisfy(isDatabaseUnavailable);
      } finally {
        await server.resume();
      }
      await store.writes.write((c) => c.exec('INSERT INTO probe VALUES (3)'));
      expect(await probes()).toEqual([1, 3]);
      // Every reader reconnects, not only the first asked.
      for (let i = 0; i < 8; i++) expect(await probes()).toEqual([1, 3]);
      await store.refreshAnalyticsCopy();
    },
    60_000,
  );

  it('never runs the rest of a transaction cut off by the restart on the new connection, nor commits it', async () => {
    const db = store.connection;
    await db.exec('BEGIN TRANSACTION');
    await db.exec('INSERT INTO probe VALUES (10)');
    await server.pause();
    await server.resume();
    // The server is back, but the transaction died with the old connection.
    await expect(db.exec('INSERT INTO probe VALUES (11)')).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(db.exec('COMMIT')).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(db.exec('INSERT INTO probe VALUES (12)')).resolves.toBe(1);
    expect(await probes()).not.toContain(10);
    expect(await probes()).not.toContain(11);
    expect(await probes()).toContain(12);
  }, 60_000);

  it('rejects a queued write whose transaction was cut off, and keeps none of it', async () => {
    let goOn: () => void = () => undefined;
    const restarted = new Promise<void>((r) => (goOn = r));
    let begun: () => void = () => undefined;
    const inserted = new Promise<void>((r) => (begun = r));
    const write = store.writes.write(async (c) => {
      await c.exec('INSERT INTO probe VALUES (20)');
      begun();
      await restarted;
      await c.exec('INSERT INTO probe VALUES (21)');
    });
    await inserted;
    await server.pause();
    await server.resume();
    goOn();
    await expect(write).rejects.toSatisfy(isDatabaseUnavailable);
    expect((await probes()).filter((n) => n === 20 || n === 21)).toEqual([]);
    await store.writes.write((c) => c.exec('INSERT INTO probe VALUES (22)'));
    expect(await probes()).toContain(22);
  }, 60_000);

  it(
    'hears other nodes again after the restart: ' +
      'the listener LISTENs on its new connection, and says what it may have missed',
    async () => {
      const other = await openStore(server.url);
      try {
        const heard: string[] = [];
        let gaps = 0;
        store.changes.subscribe('probe', (key) => heard.push(key));
        store.changes.onGap(() => gaps++);
        /** Announces `key` from the other node until this one hears it (its listener may be reconnecting still). */
        const heardFromOther = (key: string) =>
          eventually(async () => {
            await other.changes.publish('probe', key).catch(() => undefined);
            await new Promise((r) => setTimeout(r, 100));
            return heard.includes(key);
          });
        await heardFromOther('before');
        const gapsBefore = gaps;
        await server.pause();
        await server.resume();
        // Nothing asks the listening connection anything: it comes back by itself.
        await heardFromOther('after');
        expect(gaps).toBeGreaterThan(gapsBefore);
      } finally {
        await other.close();
      }
    },
    60_000,
  );
});

/** A TCP relay in front of the server whose connections the test can cut at once, as a firewall or a NAT does. */
async function relay(to: string): Promise<{ url: string; cut: () => void; close: () => Promise<void> }> {
  const target = new URL(to);
  const sockets = new Set<Socket>();
  const server = createServer((near) => {
    const far = connect(Number(target.port), target.hostname);
    for (const s of [near, far]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => (near.destroy(), far.destroy(), sockets.delete(s)));
    }
    near.pipe(far).pipe(near);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const url = new URL(to);
  url.port = String(typeof address === 'object' && address ? address.port : 0);
  return {
    url: url.toString(),
    cut: () => sockets.forEach((s) => s.destroy()),
    close: () => new Promise((r) => server.close(() => r())),
  };
}

describe('a PostgreSQL connection cut while idle', () => {
  it('costs no read and no BEGIN: each is sent again once, on a new connection', async () => {
    const r = await relay(server.url);
    const db = await PostgresDb.connect(r.url, 'test');
    try {
      await db.rows('SELECT 1');
      // Cut and asked at once: the statement goes to the dead connection before it is noticed.
      r.cut();
      expect(await db.rows('SELECT 2 AS n')).toEqual([{ n: 2 }]);
      r.cut();
      await db.exec('BEGIN');
      await db.exec('INSERT INTO probe VALUES (30)');
      await db.exec('COMMIT');
      expect(await probes()).toContain(30);
    } finally {
      await db.close();
      await r.close();
    }
  });

  it(
    'fails a write sent outside a transaction, which may have been made, ' +
      'and anything inside one, until its ROLLBACK',
    async () => {
      const r = await relay(server.url);
      const db = await PostgresDb.connect(r.url, 'test');
      try {
        await db.rows('SELECT 1');
        r.cut();
        await expect(db.exec('INSERT INTO probe VALUES (31)')).rejects.toBeInstanceOf(DatabaseUnavailableError);
        await db.exec('BEGIN');
        await db.exec('INSERT INTO probe VALUES (32)');
        r.cut();
        await expect(db.exec('INSERT INTO probe VALUES (33)')).rejects.toBeInstanceOf(DatabaseUnavailableError);
        await expect(db.exec('INSERT INTO probe VALUES (34)')).rejects.toBeInstanceOf(DatabaseUnavailableError);
        await db.exec('ROLLBACK');
        expect((await probes()).filter((n) => n >= 32 && n <= 34)).toEqual([]);
        expect(await db.exec('INSERT INTO probe VALUES (35)')).toBe(1);
      } finally {
        await db.close();
        await r.close();
      }
    },
  );
});
