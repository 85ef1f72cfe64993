import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getSubmission, type Db } from '@kesu/store';
import { rawDb, startTestPostgres, type TestPostgres } from '@kesu/store/testing';
import { createApp } from '../src/app.js';
import { createContext } from '../src/create-context.js';
import { Client, type Harness, type Reply } from './harness.js';
import { LOAD_PASSWORD, prepareLoad } from './load-setup.js';

// A PostgreSQL of this file's own: it is stopped, and its connections cut, under a running app.
let postgres: TestPostgres;
let h: Harness;
let assignment: string;
let client: Client;

beforeAll(async () => {
  postgres = await startTestPostgres();
  const dir = mkdtempSync(path.join(tmpdir(), 'kesu-outage-'));
  ({
    assignments: [assignment = ''],
  } = await prepareLoad(postgres.url, dir, 3, 2));
  const ctx = await createContext({ database: postgres.url, dataDir: dir });
  const close = async () => {
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  };
  h = { ctx, app: createApp(ctx), dir, database: postgres.url, close };
  client = new Client(h);
  expect((await client.login('loader', LOAD_PASSWORD)).status).toBe(200);
}, 60_000);
afterAll(async () => {
  await h?.close();
  await postgres?.stop();
});

/** The server logs an outage (once in a while, not once a request): where this is called, that line is expected. */
const outageLog = () => vi.spyOn(console, 'error').mockImplementation(() => undefined);

const save = (values: Record<string, number>, key: string) =>
  client.request(
    'PUT',
    `/api/v1/assignments/${assignment}/submission`,
    { values, formVersion: 1 },
    { 'idempotency-key': key },
  );

function expectUnavailable(reply: Reply): void {
  expect(reply.status).toBe(503);
  expect(reply.body.error).toEqual({
    code: 'database_unavailable',
    message: '数据库暂时无法连接，请稍后重试',
    messageEn: 'the database cannot be reached just now; try again shortly',
    details: [],
  });
  expect(reply.headers.get('retry-after')).toBe('2');
}

/** Runs SQL on a connection of the test's own, beside the app's (named `kesu test`). */
async function onServer<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const { db, close } = await rawDb(postgres.url);
  try {
    return await work(db);
  } finally {
    await close();
  }
}

/** The app's own connections: a writer, readers, a listener, one holding locks and a copier. */
const APP_CONNECTIONS = "application_name LIKE 'kesu %' AND application_name <> 'kesu test'";

describe('a PostgreSQL that goes away under the API', () => {
  it('answers 503 in the error shape while it is down, and serves the same app again once it is back', async () => {
    const logged = outageLog();
    expect((await save({ f0: 1 }, 'outage-before-1')).status).toBe(200);
    await postgres.pause();
    try {
      expectUnavailable(await save({ f0: 2 }, 'outage-during-1'));
      expectUnavailable(await client.request('GET', `/api/v1/assignments/${assignment}/revisions`));
      expectUnavailable(await new Client(h).login('loader', LOAD_PASSWORD));
    } finally {
      await postgres.resume();
    }
    expect(logged).toHaveBeenCalledWith(expect.stringMatching(/database unavailable/));
    // The write refused with 503 was not made; sent again with its key, it is made once.
    expect((await h.ctx.store.reads.read((c) => getSubmission(c, assignment)))?.values).toEqual({ f0: 1 });
    const again = await save({ f0: 2 }, 'outage-during-1');
    expect(again.status).toBe(200);
    expect((await client.request('GET', `/api/v1/assignments/${assignment}/revisions`)).status).toBe(200);
    expect((await h.ctx.store.reads.read((c) => getSubmission(c, assignment)))?.values).toEqual({ f0: 2 });
  }, 60_000);

  it(
    'answers 503 to a write whose connection is cut while it runs, ' +
      'commits nothing of it, and takes the same write again',
    async () => {
      outageLog();
      const before = await h.ctx.store.reads.read((c) => getSubmission(c, assignment));
      await onServer(async (blocker) => {
        // Hold the table the write must change, so the write is caught mid-transaction, waiting.
        await blocker.exec('BEGIN');
        await blocker.exec('LOCK TABLE submission_revisions IN EXCLUSIVE MODE');
        const write = save({ f0: 3 }, 'outage-cut-1');
        // Asked on another connection: within a transaction, pg_stat_activity stays as first read.
        const waiting = async () =>
          onServer(async (c) =>
            Number(
              (
                await c.rows(
                  'SELECT count(*) AS n FROM pg_stat_activity ' +
                    "WHERE application_name = 'kesu writer' AND wait_event_type = 'Lock'",
                )
              )[0]?.['n'],
            ),
          );
        const until = Date.now() + 10_000;
        while ((await waiting()) === 0) {
          if (Date.now() > until) throw new Error('the write never waited on the lock');
          await new Promise((r) => setTimeout(r, 20));
        }
        // As an administrator (or a failover) ends the connection.
        await onServer((c) =>
          c.rows("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'kesu writer'"),
        );
        expectUnavailable(await write);
        await blocker.exec('ROLLBACK');
      });
      expect((await h.ctx.store.reads.read((c) => getSubmission(c, assignment)))?.updatedAt).toBe(before?.updatedAt);
      // The server never went down: the writer reconnects at the next write.
      const again = await save({ f0: 3 }, 'outage-cut-1');
      expect(again.status).toBe(200);
      expect((await h.ctx.store.reads.read((c) => getSubmission(c, assignment)))?.values).toEqual({ f0: 3 });
    },
    60_000,
  );

  it(
    'answers 503 database_busy to a write held past its lock limit by another connection, ' +
      'keeps nothing of it, and takes it once the lock is gone',
    async () => {
      const before = await h.ctx.store.reads.read((c) => getSubmission(c, assignment));
      await onServer(async (blocker) => {
        await blocker.exec('BEGIN');
        await blocker.exec('LOCK TABLE submission_revisions IN EXCLUSIVE MODE');
        const started = Date.now();
        const held = await save({ f0: 5 }, 'database-busy-1');
        // Refused at the writer's 10 s lock limit, not left waiting as long as the lock is held.
        expect(Date.now() - started).toBeLessThan(15_000);
        expect(held.status).toBe(503);
        expect(held.body.error).toMatchObject({
          code: 'database_busy',
          message: expect.stringContaining('数据库繁忙'),
          messageEn: expect.stringContaining('busy'),
        });
        expect(held.headers.get('retry-after')).toBe('2');
        await blocker.exec('ROLLBACK');
      });
      expect((await h.ctx.store.reads.read((c) => getSubmission(c, assignment)))?.updatedAt).toBe(before?.updatedAt);
      expect((await save({ f0: 5 }, 'database-busy-1')).status).toBe(200);
      // A reader has the same limits as the writer.
      expect(await h.ctx.store.reads.read((c) => c.rows('SHOW statement_timeout'))).toEqual([
        { statement_timeout: '30s' },
      ]);
      expect(await h.ctx.store.reads.read((c) => c.rows('SHOW lock_timeout'))).toEqual([{ lock_timeout: '10s' }]);
    },
    60_000,
  );

  it('reconnects its connections when they are all cut between requests, with no request failing', async () => {
    const held = (c: Db) =>
      c.rows(`SELECT pid, application_name AS name FROM pg_stat_activity WHERE ${APP_CONNECTIONS}`);
    await onServer(async (c) => {
      const cut = (await held(c)).map((r) => Number(r['pid']));
      await c.rows('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [cut]);
      // Gone on the server's side; the app may or may not have noticed yet.
      while (
        Number(
          (await c.rows('SELECT count(*) AS n FROM pg_stat_activity WHERE pid = ANY($1::int[])', [cut]))[0]?.['n'],
        ) > 0
      )
        await new Promise((r) => setTimeout(r, 20));
    });
    for (let i = 0; i < 8; i++)
      expect((await client.request('GET', `/api/v1/assignments/${assignment}/revisions`)).status).toBe(200);
    expect((await save({ f0: 4 }, 'outage-cut-2')).status).toBe(200);
    // The writer and the readers came back when they were next used, the listener by itself, and
    // the lock's and the copier's when the warehouse next refreshed (for the draft saved, and for the feed's gap).
    const all = new Set(['kesu writer', 'kesu reader', 'kesu listener', 'kesu locks', 'kesu copier']);
    const names = async () => new Set((await onServer(held)).map((r) => String(r['name'])));
    for (const until = Date.now() + 10_000; (await names()).size < all.size && Date.now() < until;)
      await new Promise((r) => setTimeout(r, 50));
    expect(await names()).toEqual(all);
  }, 60_000);
});
