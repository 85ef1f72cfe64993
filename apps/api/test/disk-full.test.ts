import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { mountSmallDisk, type SmallDisk } from '@kesu/store/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildFixture, ownReporter, type Fixture } from './fixture.js';
import { startHarnessIn, type Client, type Harness } from './harness.js';

/** The server on a file system of its own, 64 MiB, filled to the last byte or nearly by a file beside the data. */
let disk: SmallDisk;
let h: Harness;
let f: Fixture;
let reporter: Client;

beforeAll(async () => {
  disk = mountSmallDisk(64);
  mkdirSync(path.join(disk.dir, 'data'));
  h = await startHarnessIn(path.join(disk.dir, 'data'));
  f = await buildFixture(h);
  reporter = await ownReporter(h);
  await h.ctx.analytics.build({ full: true });
}, 60_000);

afterAll(async () => {
  await h?.close();
  disk?.remove();
});

const save = (note: string) =>
  reporter.request('PUT', `/api/v1/assignments/${f.own}/submission`, { values: { s1t1_note: note }, formVersion: 1 });

describe('a full disk', () => {
  it(
    'answers a save with 507 storage_full in both languages, keeps what was saved before, ' +
      'and saves again once space returns',
    async () => {
      // The server says once in its log that the disk is full.
      const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      let saved = '磁盘满之前';
      expect((await save(saved)).status).toBe(200);
      disk.fill();
      let refused: Awaited<ReturnType<typeof save>> | null = null;
      try {
        // The last pages of the store's log may still take a save or two.
        for (let i = 0; i < 50 && refused === null; i += 1) {
          const note = `第 ${i} 次保存：${'进展'.repeat(900)}`;
          const reply = await save(note);
          if (reply.status === 200) saved = note;
          else refused = reply;
        }
      } finally {
        disk.free();
      }
      expect(refused?.status).toBe(507);
      expect(refused?.body.error).toMatchObject({
        code: 'storage_full',
        message: expect.stringContaining('存储空间已满'),
        messageEn: expect.stringContaining('disk is full'),
      });
      const kept = (await reporter.request('GET', `/api/v1/assignments/${f.own}`)).body as {
        submission?: { values: Record<string, unknown> };
      };
      expect(kept.submission?.values['s1t1_note']).toBe(saved);
      expect(logged.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringContaining('storage full')]);
      const again = await save('空间恢复之后');
      expect(again.status).toBe(200);
      expect(again.body['values']).toMatchObject({ s1t1_note: '空间恢复之后' });
    },
    60_000,
  );

  it(
    'puts the warehouse back in use by itself once space returns, ' +
      'after a build whose checkpoint failed set it aside',
    async () => {
      // A build fails at its commit when nothing is free, and at its checkpoint when a little is:
      // only the second sets the warehouse file aside, so the space left is raised until it does.
      let setAside = false;
      for (const mib of [2, 3, 4, 6, 8]) {
        disk.fill(mib * 2 ** 20);
        try {
          const failure = await h.ctx.analytics.build({ full: true }).then(
            () => '',
            (error: unknown) => String(error),
          );
          setAside = failure.includes('has been invalidated');
        } finally {
          disk.free();
        }
        if (setAside) break;
      }
      expect(setAside).toBe(true);
      // Nobody restarts the server: dashboards read again, and the next build runs.
      const report = await f.office.request('GET', '/api/v1/reports/trainings?parent=510100&year=2024');
      expect(report.status).toBe(200);
      await expect(h.ctx.analytics.build({ full: true })).resolves.toMatchObject({ build: { kind: 'full' } });
    },
    120_000,
  );
});
