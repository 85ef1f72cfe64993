import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeedDocuments } from '@kesu/seeds';

const MAIN = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
// By its own path, so a command can run in any folder, as the installed `kesu` does.
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const PASSWORD = 'socket-password-1';
const SEED_PLAN = loadSeedDocuments()[1]!.file;

interface Run {
  code: number | null;
  out: string;
  err: string;
}

/** One folder with a data folder and a work folder that commands run in. */
interface Place {
  data: string;
  work: string;
}

let root: string;
const children: ChildProcess[] = [];

function place(name: string): Place {
  const p = { data: path.join(root, name, 'data'), work: path.join(root, name, 'work') };
  mkdirSync(p.work, { recursive: true });
  // A relative path the command is given names a file in the folder it runs in.
  copyFileSync(SEED_PLAN, path.join(p.work, 'plan.txt'));
  return p;
}

function env(p: Place): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, KESU_DATA_DIR: p.data };
  // The embedded database, and the folder the process runs in rather than one npm names.
  delete e['KESU_DATABASE_URL'];
  delete e['INIT_CWD'];
  return e;
}

/** Runs `kesu …` as a process of its own in the place's work folder. */
function kesu(p: Place, argv: string[], stdin = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=@kesu/source', '--import', TSX, MAIN, ...argv], {
      cwd: p.work,
      env: env(p),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
    child.stdin.end(stdin);
  });
}

/** Starts `kesu serve` on a free port for the place and waits for its address. */
function serve(p: Place): Promise<{ child: ChildProcess; url: string; exited: Promise<number | null> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--conditions=@kesu/source', '--import', TSX, MAIN, 'serve', '--port', '0'],
      { cwd: p.work, env: env(p), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    children.push(child);
    const exited = new Promise<number | null>((r) => child.once('exit', r));
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /is running: (http:\/\/\S+)/.exec(out);
      if (m) resolve({ child, url: m[1] as string, exited });
    });
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    void exited.then((code) => reject(new Error(`server exited (${code}) before listening:\n${out}`)));
  });
}

/** The commands compared, in order; what each prints is the same whether or not a server runs. */
const COMMANDS: { argv: string[]; stdin?: string }[] = [
  { argv: ['user', 'add', 'ada', '--role', 'admin', '--password-stdin'], stdin: `${PASSWORD}\n` },
  { argv: ['backup'] },
  { argv: ['backup', '--out', 'copy.duckdb'] },
  { argv: ['warehouse', 'build'] },
  { argv: ['plan', 'import', 'plan.txt'] },
];

/**
 * What legitimately differs between two runs: the folders, the time in a backup's name, how many
 * milliseconds a build took, and the new plan's id.
 */
function normalise(text: string, p: Place): string {
  return text
    .replaceAll(p.data, '<data>')
    .replaceAll(p.work, '<work>')
    .replace(/kesu-\d{4}-\d\d-\d\dT[\d-]+\+0800\.duckdb/g, 'kesu-<time>.duckdb')
    .replace(/\d+ ms\b/g, '<n> ms')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>');
}

async function runAll(p: Place): Promise<Run[]> {
  const runs: Run[] = [];
  for (const c of COMMANDS) {
    const r = await kesu(p, c.argv, c.stdin);
    runs.push({ code: r.code, out: normalise(r.out, p), err: normalise(r.err, p) });
  }
  return runs;
}

async function logIn(url: string): Promise<number> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'ada', password: PASSWORD }),
  });
  return res.status;
}

let stopped: Place;
let served: Place;
let expected: Run[];
beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'kesu-sock-'));
  stopped = place('stopped');
  served = place('served');
  // `kesu serve` builds the warehouse when it starts: here a first build does the same, so both
  // folders hold the same state when the commands compared run.
  expect((await kesu(stopped, ['warehouse', 'build'])).code).toBe(0);
  expected = await runAll(stopped);
}, 120_000);

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

describe('kesu commands while kesu serve holds the embedded database', () => {
  let server: Awaited<ReturnType<typeof serve>>;

  it('are run by the server, print what they print with it stopped, and their user logs in', async () => {
    for (const run of expected) expect(run.code, run.err).toBe(0);
    server = await serve(served);
    expect(statSync(path.join(served.data, 'kesu.sock')).mode & 0o777).toBe(0o600);
    const runs = await runAll(served);
    expect(runs).toEqual(expected);
    expect(runs[0]?.out).toBe('已创建 / created ada (admin)\n');
    // Relative to the folder the command ran in, not the server's.
    expect(existsSync(path.join(served.work, 'copy.duckdb'))).toBe(true);
    expect(readdirSync(path.join(served.data, 'backups'))).toHaveLength(1);
    expect(await logIn(server.url)).toBe(200);
  }, 120_000);

  it('refuse a restore while it runs, in one line saying to stop it first', async () => {
    const restore = await kesu(served, ['restore', 'copy.duckdb']);
    expect(restore).toEqual({
      code: 1,
      out: '',
      err:
        `kesu restore: 数据库正被运行中的 kesu serve 使用，请先停止服务再恢复 / ` +
        `a running kesu serve holds the database; stop it before restoring (${served.data})\n`,
    });
    // Nothing was kept aside for a restore, and the server still has its users.
    expect(readdirSync(path.join(served.data, 'backups')).filter((f) => f.startsWith('pre-restore-'))).toEqual([]);
    expect(await logIn(server.url)).toBe(200);
  }, 60_000);

  it(
    'open the database themselves past the socket a killed server left; ' +
      'the next server takes it over and removes it when stopped',
    async () => {
      server.child.kill('SIGKILL');
      await server.exited;
      expect(existsSync(path.join(served.data, 'kesu.sock'))).toBe(true);
      const backup = await kesu(served, ['backup']);
      expect({ ...backup, out: normalise(backup.out, served) }).toEqual(expected[1]);
      const next = await serve(served);
      expect((await kesu(served, ['restore', 'copy.duckdb'])).err).toMatch(/stop it before restoring/);
      next.child.kill('SIGTERM');
      expect(await next.exited).toBe(0);
      expect(existsSync(path.join(served.data, 'kesu.sock'))).toBe(false);
    },
    90_000,
  );
});
