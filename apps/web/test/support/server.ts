import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@kesu/vitest-config/free-port';
import { API_DIR } from './paths';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** Demo user name → password, as `kesu demo seed` wrote them. */
    logins: Record<string, string>;
  }
}

/** A real server on a free port with its own data folder and the demo data, as `npm start` makes it. */
export interface TestServer {
  baseUrl: string;
  /** Demo user name → password, as `kesu demo seed` wrote them. */
  logins: Record<string, string>;
  stop: () => Promise<void>;
}

/** Runs a command to its end, failing loudly with its output when it fails. */
export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
}

async function waitForHealth(baseUrl: string, child: ChildProcess, log: string) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${baseUrl}/api/v1/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(
    `kesu serve did not come up at ${baseUrl}:\n${existsSync(log) ? readFileSync(log, 'utf8').slice(-4000) : ''}`,
  );
}

/** Seeds the demo data into a fresh data folder and starts `kesu serve` on it. */
export async function startServer(): Promise<TestServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kesu-web-'));
  const env = { KESU_DATA_DIR: dataDir };
  const tsx = path.join(API_DIR, 'node_modules', '.bin', 'tsx');
  const cli = path.join(API_DIR, 'src', 'cli', 'main.ts');
  run(tsx, ['--conditions=@kesu/source', cli, 'demo', 'seed'], API_DIR, env);
  const logins = Object.fromEntries(
    readFileSync(path.join(dataDir, 'demo-logins.txt'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split('\t').slice(0, 2) as [string, string]),
  );
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = path.join(dataDir, 'serve.log');
  const out = openSync(log, 'a');
  const child = spawn(tsx, ['--conditions=@kesu/source', cli, 'serve', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: API_DIR,
    env: { ...process.env, ...env },
    stdio: ['ignore', out, out],
  });
  await waitForHealth(baseUrl, child, log);
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { baseUrl, logins, stop };
}
