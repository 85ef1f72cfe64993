import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSubmission, listSubmissionRevisions, openStore } from '@kesu/store';
import { LOAD_PASSWORD, prepareLoad } from './load-setup.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROUNDS = 3;
const FIELDS = 40;

let dir: string;
let assignments: string[];
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'kesu-crash-'));
  ({ assignments } = await prepareLoad(path.join(dir, 'kesu.duckdb'), dir, FIELDS, 240));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts `kesu serve` as its own process on a free port and waits for its address. */
function startServer(): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=@kesu/source', '--import', 'tsx', path.join(here, '../src/cli/main.ts'), 'serve', '--port', '0'], {
      env: { ...process.env, KESU_DATA_DIR: dir, INIT_CWD: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /is running: (http:\/\/\S+)/.exec(out);
      if (m) resolve({ child, url: m[1] as string });
    });
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${out}`)));
  });
}

interface Ack {
  assignment: string;
  revision: number;
  /** When the writer stored it: drafts of one editing session are saved over in place. */
  updatedAt: string;
  values: Record<string, number>;
}

async function login(url: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'loader', password: LOAD_PASSWORD }) });
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] as string, csrf: body.csrfToken };
}

/**
 * Sends drafts from `workers` concurrent loops until the server dies; returns what was
 * acknowledged. `onFirstAck` is told when the first write comes back.
 */
async function load(url: string, round: number, workers: number, onFirstAck: () => void): Promise<Ack[]> {
  const session = await login(url);
  const acks: Ack[] = [];
  let n = 0;
  const worker = async (w: number) => {
    for (;;) {
      const i = n++;
      const assignment = assignments[(i * 7 + w) % assignments.length] as string;
      const values = Object.fromEntries(Array.from({ length: FIELDS }, (_, f) => [`f${f}`, round * 1_000_000 + i * 100 + f]));
      try {
        const res = await fetch(`${url}/api/v1/assignments/${assignment}/submission`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf, 'idempotency-key': `crash-${round}-${i}` },
          body: JSON.stringify({ values, formVersion: 1 }),
        });
        if (res.status !== 200) continue;
        const body = (await res.json()) as { revision: number; updatedAt: string };
        acks.push({ assignment, revision: body.revision, updatedAt: body.updatedAt, values });
        if (acks.length === 1) onFirstAck();
      } catch {
        return; // the server is gone
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, (_, w) => worker(w)));
  return acks;
}

describe('durability: acknowledged submissions survive SIGKILL', () => {
  it(`keeps every acknowledged write over ${ROUNDS} rounds of kill -9 under load`, async () => {
    let total = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      const { child, url } = await startServer();
      const exited = new Promise((r) => child.once('exit', r));
      let going: () => void = () => undefined;
      const firstAck = new Promise<void>((r) => (going = r));
      const running = load(url, round, 16, () => going());
      // Kill at a random moment once writes are being acknowledged (a slow start is no failure).
      await firstAck;
      await new Promise((r) => setTimeout(r, Math.random() * 800));
      child.kill('SIGKILL');
      const acks = await running;
      await exited;
      total += acks.length;
      expect(acks.length, `round ${round} acknowledged nothing`).toBeGreaterThan(0);

      const store = await openStore(path.join(dir, 'kesu.duckdb'));
      try {
        for (const ack of acks) {
          const current = await getSubmission(store.connection, ack.assignment);
          expect(current?.revision ?? 0).toBeGreaterThanOrEqual(ack.revision);
          const revisions = await listSubmissionRevisions(store.connection, ack.assignment);
          const stored = revisions.find((r) => r.revision === ack.revision);
          // A draft may have been saved over by a later write since, never rolled back to before the ack.
          expect(stored?.createdAt, `${ack.assignment} r${ack.revision}`).toBeDefined();
          expect((stored?.createdAt ?? '') >= ack.updatedAt, `${ack.assignment} r${ack.revision} ${stored?.createdAt} < ${ack.updatedAt}`).toBe(true);
          // Saved over by nothing later: it holds exactly what was acknowledged at that time.
          if (stored?.createdAt === ack.updatedAt) {
            const same = acks.filter((a) => a.assignment === ack.assignment && a.revision === ack.revision && a.updatedAt === ack.updatedAt);
            expect(same.map((a) => a.values), `${ack.assignment} r${ack.revision}`).toContainEqual(stored.values);
          }
        }
      } finally {
        store.close();
      }
    }
    expect(total).toBeGreaterThan(ROUNDS);
  }, 120_000);
});
