import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '@kesu/store';
import { createTestDatabase, testPostgresUrl } from '@kesu/store/testing';
import { runCli } from '../src/cli/run.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const SECRET = 'not-to-be-printed';

/** Runs `kesu …` as its own process, as a person would, with only the database settings given. */
function kesu(
  args: string[],
  settings: { url: string | undefined; dataDir: string },
): Promise<{ code: number | null; out: string; err: string }> {
  const { KESU_DATABASE_URL: _ignored, ...env } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--conditions=@kesu/source', '--import', 'tsx', path.join(here, '../src/cli/main.ts'), ...args],
      {
        env: {
          ...env,
          KESU_DATA_DIR: settings.dataDir,
          INIT_CWD: settings.dataDir,
          ...(settings.url === undefined ? {} : { KESU_DATABASE_URL: settings.url }),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    // A command that starts after all would serve forever: stop it, and the test fails on its code.
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}

/** A port on this machine nothing listens on. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });
}

/** The suite's server with another password or database. */
function suiteUrl(change: { password?: string; database?: string }): string {
  const url = new URL(testPostgresUrl());
  if (change.password !== undefined) url.password = change.password;
  if (change.database !== undefined) url.pathname = `/${change.database}`;
  return url.toString();
}

/** An address as it may be printed: its password starred. */
function redacted(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

interface Case {
  name: string;
  args: string[];
  /** The database setting, or none for the embedded file in the data folder. */
  url: () => string | undefined;
  /** What the line says after `kesu <command>: `, Chinese first. */
  says: (url: string | undefined) => RegExp;
}

let dataDir: string;
let newerDb: { url: string; drop: () => Promise<void> };
let refused: number;
beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'kesu-settings-'));
  refused = await closedPort();
  // Databases one schema version ahead of this program: on PostgreSQL, and the embedded file.
  newerDb = await createTestDatabase();
  for (const location of [newerDb.url, path.join(dataDir, 'newer', 'kesu.duckdb')]) {
    const store = await openStore(location);
    await store.connection.exec("INSERT INTO schema_migrations (version, name) VALUES (99, 'from a newer kesu')");
    await store.close();
  }
}, 60_000);
afterAll(async () => {
  await newerDb?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const unreachable = (zh: string, en: (url: string) => string) => (url: string | undefined) =>
  new RegExp(
    `^无法连接数据库 ${escape(redacted(url ?? ''))}：${zh} / ` +
      `cannot connect to the database ${escape(redacted(url ?? ''))}: ${en(url ?? '')}$`,
  );
const REFUSED_ZH = '连接被拒绝（数据库服务器未运行，或主机、端口有误）';
const refusedEn = (url: string) => `connect ECONNREFUSED 127\\.0\\.0\\.1:${new URL(url).port}`;

const CASES: Case[] = [
  {
    name: 'not a URL at all',
    args: ['serve', '--port', '0'],
    url: () => `mysql://kesu:${SECRET}@localhost/kesu`,
    says: () =>
      new RegExp(
        String.raw`^KESU_DATABASE_URL：应为 postgres:\/\/用户:密码@主机:端口\/数据库 形式的地址 \/ ` +
          String.raw`should be a postgres:\/\/user:password@host:port\/database URL ` +
          String.raw`\(got "mysql:\/\/kesu:\*\*\*@localhost\/kesu"\)$`,
      ),
  },
  {
    name: 'a postgres:// address that does not parse',
    args: ['serve', '--port', '0'],
    url: () => `postgres://kesu:${SECRET}@[no-such/kesu`,
    says: () =>
      /^无法连接数据库 postgres:\/\/…：地址格式无效 \/ cannot connect to the database postgres:\/\/…: Invalid URL$/,
  },
  {
    name: 'an unknown host',
    args: ['serve', '--port', '0'],
    url: () => `postgres://kesu:${SECRET}@no-such-host.invalid:5432/kesu`,
    says: unreachable(
      '(找不到该主机|暂时无法解析该主机名)',
      () => 'getaddrinfo (ENOTFOUND|EAI_AGAIN) no-such-host\\.invalid',
    ),
  },
  {
    name: 'a port nothing listens on',
    args: ['serve', '--port', '0'],
    url: () => `postgres://kesu:${SECRET}@127.0.0.1:${refused}/kesu`,
    says: unreachable(REFUSED_ZH, refusedEn),
  },
  {
    name: 'a wrong password',
    args: ['serve', '--port', '0'],
    url: () => suiteUrl({ password: SECRET }),
    says: unreachable('用户名或密码错误', () => 'password authentication failed for user "kesu"'),
  },
  {
    name: 'a database that does not exist',
    args: ['serve', '--port', '0'],
    url: () => suiteUrl({ database: 'kesu_no_such_database' }),
    says: unreachable('数据库不存在', () => 'database "kesu_no_such_database" does not exist'),
  },
  {
    name: 'a PostgreSQL database of a newer schema',
    args: ['serve', '--port', '0'],
    url: () => newerDb.url,
    says: (url) =>
      new RegExp(
        `^数据库 ${escape(redacted(url ?? ''))}的结构版本为 99，比本程序支持的 \\d+ 新，请改用更新版本的 kesu / ` +
          `the database ${escape(redacted(url ?? ''))} has schema version 99, ` +
          `newer than this program \\(\\d+\\); use a newer kesu$`,
      ),
  },
  {
    name: 'an embedded database file of a newer schema',
    args: ['serve', '--port', '0'],
    url: () => undefined,
    says: () =>
      new RegExp(
        `^数据库 ${escape(path.join(dataDir, 'newer', 'kesu.duckdb'))}的结构版本为 99，.* / ` +
          `the database ${escape(path.join(dataDir, 'newer', 'kesu.duckdb'))} has schema version 99, ` +
          `newer than this program`,
      ),
  },
  // Every command opens the database the same way and says the same.
  {
    name: 'a wrong password, building the warehouse',
    args: ['warehouse', 'build'],
    url: () => suiteUrl({ password: SECRET }),
    says: unreachable('用户名或密码错误', () => 'password authentication failed for user "kesu"'),
  },
  {
    name: 'a port nothing listens on, running the notification jobs',
    args: ['notify', 'run'],
    url: () => `postgres://kesu:${SECRET}@127.0.0.1:${refused}/kesu`,
    says: unreachable(REFUSED_ZH, refusedEn),
  },
];

/** Checks what a command printed for a case: one line naming the command, Chinese first, no password. */
function expectOneLine(c: Case, url: string | undefined, run: { code: number | null; out: string; err: string }): void {
  const command = c.args.filter((a) => !a.startsWith('-') && !/^\d+$/.test(a)).join(' ');
  expect(run.out).toBe('');
  expect(run.err.endsWith('\n'), run.err).toBe(true);
  const lines = run.err.trimEnd().split('\n');
  expect(lines, run.err).toHaveLength(1);
  const line = lines[0] as string;
  expect(line.startsWith(`kesu ${command}: `), line).toBe(true);
  expect(line.slice(`kesu ${command}: `.length)).toMatch(c.says(url));
  // Chinese before the first " / ", English after it.
  expect(line.slice(0, line.indexOf(' / '))).toMatch(/\p{Script=Han}/u);
  expect(line.slice(line.indexOf(' / ') + 3)).not.toMatch(/\p{Script=Han}/u);
  expect(run.err).not.toContain(SECRET);
  expect(run.code).toBe(1);
}

/** The folder a case runs in: the embedded case keeps its file in a folder of its own. */
const folderOf = (url: string | undefined) => (url === undefined ? path.join(dataDir, 'newer') : dataDir);

describe('bad database settings at start', () => {
  const saved = { ...process.env };
  beforeEach(() => {
    delete process.env['KESU_DATABASE_URL'];
  });
  afterEach(() => {
    for (const name of ['KESU_DATABASE_URL', 'KESU_DATA_DIR', 'INIT_CWD']) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  for (const c of CASES) {
    it(
      `${c.name}: kesu ${c.args.join(' ')} says so on one line, ` + 'Chinese first, without the password, and exits 1',
      async () => {
        const url = c.url();
        if (url !== undefined) process.env['KESU_DATABASE_URL'] = url;
        process.env['KESU_DATA_DIR'] = folderOf(url);
        process.env['INIT_CWD'] = folderOf(url);
        let out = '';
        let err = '';
        const code = await runCli(c.args, { out: (t) => (out += t), err: (t) => (err += t) });
        expectOneLine(c, url, { code, out, err });
      },
      30_000,
    );
  }

  // As its own process: nothing more is printed (no stack trace, no warning), and it ends.
  for (const name of ['a port nothing listens on', 'a PostgreSQL database of a newer schema']) {
    it(`${name}: a kesu serve process prints that one line and exits 1`, async () => {
      const c = CASES.find((k) => k.name === name) as Case;
      const url = c.url();
      expectOneLine(c, url, await kesu(c.args, { url, dataDir: folderOf(url) }));
    }, 60_000);
  }
});
