import type { Migration } from './migration.js';

/**
 * Failed log-ins, one row per key (`user:<name>`, `ip:<address>`) and failure, kept in the store so
 * every API node counts the same failures and a restart does not forget them. DuckDB finds a
 * key's rows by scanning its compressed columns; PostgreSQL gets an index.
 */
export const loginFailures: Migration = {
  version: 9,
  name: 'login-failures',
  sql: 'CREATE TABLE login_failures (key VARCHAR NOT NULL, failed_at TIMESTAMP NOT NULL)',
  postgres: `
    CREATE TABLE login_failures (key VARCHAR NOT NULL, failed_at TIMESTAMP NOT NULL);
    CREATE INDEX login_failures_key ON login_failures (key, failed_at);
    CREATE INDEX login_failures_time ON login_failures (failed_at);
  `,
};
