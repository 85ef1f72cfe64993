import type { Migration } from './migration.js';

/**
 * Accounts an office runs: users gain an e-mail address, a disabled time, the last log-in and
 * whether a password must still be set; one-time log-in codes are kept as hashes only.
 * DuckDB cannot add a column with a constraint (NOT NULL) to a table, so `users` is rebuilt
 * beside the old one, filled from it and renamed, all in the migration's one transaction.
 */
export const accounts: Migration = {
  version: 4,
  name: 'accounts',
  sql: `
    CREATE TABLE users_next (
      id VARCHAR PRIMARY KEY,
      username VARCHAR NOT NULL UNIQUE,
      display_name VARCHAR NOT NULL,
      password_hash VARCHAR NOT NULL,
      role VARCHAR NOT NULL CHECK (role IN ('admin', 'reviewer', 'reporter', 'statistician', 'leader')),
      region_code VARCHAR,
      department VARCHAR,
      demo BOOLEAN NOT NULL DEFAULT false,
      created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
      email VARCHAR,
      disabled_at TIMESTAMP,
      last_login_at TIMESTAMP,
      must_set_password BOOLEAN NOT NULL DEFAULT false
    );
    INSERT INTO users_next (id, username, display_name, password_hash, role, region_code, department, demo, created_at)
      SELECT id, username, display_name, password_hash, role, region_code, department, demo, created_at FROM users;
    DROP TABLE users;
    ALTER TABLE users_next RENAME TO users;
    CREATE TABLE login_codes (
      id VARCHAR PRIMARY KEY,
      user_id VARCHAR NOT NULL,
      code_hash VARCHAR NOT NULL,
      created_by VARCHAR NOT NULL,
      created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
      expires_at TIMESTAMP NOT NULL,
      used_at TIMESTAMP,
      voided_at TIMESTAMP
    );
  `,
};
