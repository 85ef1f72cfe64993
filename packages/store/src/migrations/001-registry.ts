import type { Migration } from './migration.js';

/** Regions, department functions, the indicator catalog and imported plan documents. */
export const registry: Migration = {
  version: 1,
  name: 'registry',
  sql: `
    CREATE TABLE regions (
      code VARCHAR PRIMARY KEY,
      name VARCHAR NOT NULL,
      short VARCHAR NOT NULL,
      level VARCHAR NOT NULL,
      parent VARCHAR
    );
    CREATE TABLE department_functions (
      code VARCHAR PRIMARY KEY,
      name_zh VARCHAR NOT NULL,
      name_en VARCHAR NOT NULL,
      aliases VARCHAR[] NOT NULL
    );
    CREATE TABLE indicators (
      code VARCHAR PRIMARY KEY,
      name_zh VARCHAR NOT NULL,
      name_en VARCHAR NOT NULL,
      unit VARCHAR NOT NULL,
      kind VARCHAR NOT NULL CHECK (kind IN ('flow', 'stock', 'rate')),
      family VARCHAR NOT NULL,
      disaggregations VARCHAR[] NOT NULL,
      description_zh VARCHAR NOT NULL,
      description_en VARCHAR NOT NULL
    );
    CREATE TABLE plan_documents (
      sha256 VARCHAR PRIMARY KEY,
      name VARCHAR NOT NULL,
      text VARCHAR NOT NULL,
      imported_at TIMESTAMP NOT NULL DEFAULT current_timestamp
    );
  `,
};
