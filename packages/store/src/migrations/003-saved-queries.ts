import type { Migration } from './migration.js';

/** Statisticians' saved SQL: each owned by its author, visible to every statistician when shared. */
export const savedQueries: Migration = {
  version: 3,
  name: 'saved-queries',
  sql: `
    CREATE TABLE saved_queries (
      id VARCHAR PRIMARY KEY,
      owner_id VARCHAR NOT NULL,
      title VARCHAR NOT NULL,
      sql VARCHAR NOT NULL,
      shared BOOLEAN NOT NULL DEFAULT false,
      created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
      updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp
    );
  `,
};
