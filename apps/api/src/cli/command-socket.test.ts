import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataDir, invocationDir } from '../config.js';
import type { AppContext } from '../context.js';
import { runServed, servedInvocation } from '../invocation.js';
import { commandSocketFile, forwardCommand, listenForCommands, type CommandSocket } from './command-socket.js';
import { runCli } from './run.js';

let dir: string;
let socket: CommandSocket;
// The server's context, as far as these commands look at it.
const ctx = { dataDir: '' } as AppContext;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'kesu-socket-'));
  ctx.dataDir = dir;
  // A command that prints where it runs and what it was given, and exits 3.
  socket = await listenForCommands(ctx, async (argv, io) => {
    io.out(`cwd ${invocationDir()} data ${dataDir()}\n`);
    io.err(`argv ${argv.join(' ')} stdin ${await io.stdin?.()}\n`);
    return 3;
  });
});
afterAll(async () => {
  await socket.close();
  rmSync(dir, { recursive: true, force: true });
});

function capture() {
  const seen = { out: '', err: '' };
  return { seen, io: { out: (s: string) => (seen.out += s), err: (s: string) => (seen.err += s) } };
}

/** Sends one raw line and returns every reply line. */
function raw(line: string): Promise<unknown[]> {
  return new Promise((resolve) => {
    const client = createConnection(socket.file, () => client.write(`${line}\n`));
    let text = '';
    client.on('data', (d: Buffer) => (text += d.toString()));
    client.on('close', () =>
      resolve(
        text
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as unknown),
      ),
    );
  });
}

describe('the command socket', () => {
  it('runs a command in the caller’s folder on the server’s data and returns its output and exit code', async () => {
    const { seen, io } = capture();
    const code = await forwardCommand(
      socket.file,
      { argv: ['backup', '--out', 'x.duckdb'], cwd: '/somewhere/else', stdin: 'typed' },
      io,
    );
    expect([code, seen.out, seen.err]).toEqual([
      3,
      `cwd /somewhere/else data ${dir}\n`,
      'argv backup --out x.duckdb stdin typed\n',
    ]);
  });

  it('is open to its owner only', () => {
    expect(statSync(commandSocketFile(dir)).mode & 0o777).toBe(0o600);
  });

  it('refuses what is not a request, and a database URL that would change the server’s environment', async () => {
    const refusal = [{ err: 'kesu: 无法识别的请求 / not a command request\n' }, { exit: 2 }];
    expect(await raw('{"argv": "backup"}')).toEqual(refusal);
    expect(await raw('not json')).toEqual(refusal);
    expect(await raw(JSON.stringify({ argv: ['backup'], cwd: 'relative' }))).toEqual(refusal);
    expect(await raw(JSON.stringify({ argv: ['backup', '--database-url=postgres://x/y'], cwd: '/' }))).toEqual(refusal);
  });

  it('is not there when no server listens: no file, or a file no one answers on', async () => {
    const { io } = capture();
    expect(await forwardCommand(path.join(dir, 'none.sock'), { argv: ['backup'], cwd: '/' }, io)).toBeNull();
    writeFileSync(path.join(dir, 'stale.sock'), '');
    expect(await forwardCommand(path.join(dir, 'stale.sock'), { argv: ['backup'], cwd: '/' }, io)).toBeNull();
  });
});

describe('a command served for another process', () => {
  it('is seen only in its own call chain, not by requests the server answers meanwhile', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    const command = runServed({ cwd: '/client', ctx }, async () => {
      await held;
      return servedInvocation()?.cwd;
    });
    const request = (async () => {
      await Promise.resolve();
      return servedInvocation();
    })();
    expect(await request).toBeUndefined();
    release();
    expect(await command).toBe('/client');
  });

  it('is never serve, restore or sql', async () => {
    for (const argv of [['serve'], ['restore', 'x.duckdb'], ['sql', 'SELECT 1']]) {
      const { seen, io } = capture();
      expect(await runServed({ cwd: '/', ctx }, () => runCli(argv, io))).toBe(2);
      expect(seen.err).toBe(
        `kesu ${argv[0]}: 运行中的服务不代为执行此命令 / a running server does not run this command\n`,
      );
    }
  });
});
