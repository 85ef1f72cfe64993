import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Where the suite's PostgreSQL server is: set by the global setup before any test file runs. */
export const POSTGRES_URL_VARIABLE = 'KESU_TEST_POSTGRES_URL';

/** The suite's server, or a loud failure: a test meant for PostgreSQL never runs without it. */
export function testPostgresUrl(): string {
  const url = process.env[POSTGRES_URL_VARIABLE];
  if (!url)
    throw new Error(`${POSTGRES_URL_VARIABLE} is not set: this suite needs the PostgreSQL its global setup starts`);
  return url;
}

async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testPostgresUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new empty database on the suite's server, for one test or file; `drop` removes it. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `kesu_test_${randomBytes(6).toString('hex')}`;
  await onServer((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(testPostgresUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => onServer(async (c) => void (await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))),
  };
}
