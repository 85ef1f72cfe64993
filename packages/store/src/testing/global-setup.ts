import { startTestPostgres } from './postgres-server.js';
import { POSTGRES_URL_VARIABLE } from './test-database.js';

/**
 * Vitest global setup: one PostgreSQL for the whole run of a package's tests, each test file
 * making its own databases on it. Workers start after this and inherit the variable.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const server = await startTestPostgres();
  process.env[POSTGRES_URL_VARIABLE] = server.url;
  return server.stop;
}
