import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWarehouse, exportLake, SandboxProcesses } from '../src/index.js';
import { JINJIANG, openFixture, QINGYANG, type Fixture } from './fixture.js';

const SICHUAN = '510000';
let f: Fixture;
let sandbox: SandboxProcesses;

beforeAll(async () => {
  f = await openFixture();
  await f.report(JINJIANG, '2025Q1', { trainings: 200 });
  await f.report(QINGYANG, '2025Q1', { trainings: 150 });
  await buildWarehouse(f.wh);
  await exportLake(f.wh, f.dir);
  sandbox = await SandboxProcesses.open({ dataDir: f.dir, timeoutMs: 1_000, killAfterMs: 500, memoryMb: 1024 });
});
afterAll(() => {
  sandbox.close();
  f.close();
});

/** The resident memory of a process, in MiB, as the kernel counts it. */
function residentMb(pid: number): number {
  const pages = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
  return (pages * 4096) / 2 ** 20;
}

/** This process's sandbox processes, read from /proc. */
function sandboxProcesses(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return (
          Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === process.pid &&
          readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('sandbox-child')
        );
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe('sandboxed SQL in processes of its own', () => {
  it(
    'answers a scoped query as the sandbox does, ' + 'refusing what the checker refuses before any process runs it',
    async () => {
      const result = await sandbox.query(
        'SELECT region_code, sum(value) AS v FROM fact_value GROUP BY 1 ORDER BY 1',
        JINJIANG,
      );
      expect(result).toMatchObject({ truncated: false, scopedTo: JINJIANG });
      expect(result.rows.map((r) => r[0])).toEqual([JINJIANG]);
      await expect(sandbox.query("SELECT * FROM read_csv('/etc/passwd')", SICHUAN)).rejects.toMatchObject({
        code: 'table_function',
      });
    },
  );

  it(
    'fails a query that needs more memory than its process may hold, ' +
      'without the server growing, and answers the next one',
    async () => {
      const before = residentMb(process.pid);
      const error = await sandbox.query('SELECT len(range(300000000)) AS n', SICHUAN).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: expect.stringMatching(/^(out_of_memory|engine_stopped)$/) });
      expect(residentMb(process.pid) - before).toBeLessThan(256);
      expect((await sandbox.query('SELECT 42 AS answer', SICHUAN)).rows).toEqual([[42]]);
    },
  );

  it('kills a query that ignores its time limit (one long list operation) and replaces its process', async () => {
    const started = Date.now();
    const error = await sandbox
      .query('SELECT len(list_distinct(range(30000000))) AS n', SICHUAN)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'timeout' });
    // Killed at the limit plus the grace, not when the operation would have ended (about 10 s).
    expect(Date.now() - started).toBeLessThan(4_000);
    expect((await sandbox.query('SELECT 1 AS one', SICHUAN)).rows).toEqual([[1]]);
  });

  it('cancels a running query when the caller goes away', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await sandbox
      .query('SELECT count(*) FROM range(100000000000) a', SICHUAN, controller.signal)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'cancelled' });
  });

  it('cancels a query whose caller went away while it waited for a process, without running it', async () => {
    const busy = [1, 2].map(() =>
      sandbox.query('SELECT count(*) FROM range(100000000000) a', SICHUAN).catch((e: unknown) => e),
    );
    const controller = new AbortController();
    const waiting = sandbox
      .query('SELECT count(*) FROM range(100000000000) a', SICHUAN, controller.signal)
      .catch((e: unknown) => e);
    controller.abort();
    const started = Date.now();
    expect(await waiting).toMatchObject({ code: 'cancelled' });
    // Answered once a process was free (the busy ones stop at their 1 s limit), not after a limit of its own.
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(await Promise.all(busy)).toMatchObject([{ code: 'timeout' }, { code: 'timeout' }]);
  });

  it('runs at most as many queries at once as it has processes; the rest wait their turn', async () => {
    let most = 0;
    const watch = setInterval(() => (most = Math.max(most, sandboxProcesses().length)), 10);
    const answers = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => sandbox.query(`SELECT ${n} AS n, count(*) AS c FROM range(5000000)`, SICHUAN)),
    );
    clearInterval(watch);
    expect(answers.map((a) => a.rows[0])).toEqual([1, 2, 3, 4, 5].map((n) => [n, '5000000']));
    expect(most).toBe(2);
  });

  it('exports a query to Parquet from its process, the file the server streams and then removes', async () => {
    const exported = await sandbox.exportParquet('SELECT i FROM range(10) t(i)', SICHUAN);
    try {
      expect(exported).toMatchObject({ rows: 10, truncated: false });
      expect(readFileSync(exported.file).subarray(0, 4).toString()).toBe('PAR1');
    } finally {
      exported.remove();
    }
  });
});
