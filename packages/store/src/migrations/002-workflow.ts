import type { Migration } from './migration.js';

/**
 * Users and sessions, plans with revisions, forms with immutable versions, assignments, submission
 * revisions, audit.
 */
const TABLES = `
    CREATE TABLE users (
      id VARCHAR PRIMARY KEY,
      username VARCHAR NOT NULL UNIQUE,
      display_name VARCHAR NOT NULL,
      password_hash VARCHAR NOT NULL,
      role VARCHAR NOT NULL CHECK (role IN ('admin', 'reviewer', 'reporter', 'statistician', 'leader')),
      region_code VARCHAR,
      department VARCHAR,
      demo BOOLEAN NOT NULL DEFAULT false,
      created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
    );
    CREATE TABLE sessions (
      token_hash VARCHAR PRIMARY KEY,
      user_id VARCHAR NOT NULL,
      kind VARCHAR NOT NULL CHECK (kind IN ('cookie', 'bearer')),
      csrf VARCHAR NOT NULL,
      label VARCHAR,
      created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
      expires_at TIMESTAMP NOT NULL
    );
    CREATE TABLE plans (
      id VARCHAR PRIMARY KEY,
      region_code VARCHAR,
      title VARCHAR NOT NULL,
      document_sha256 VARCHAR NOT NULL,
      revision INTEGER NOT NULL,
      reviewed BOOLEAN NOT NULL,
      plan VARCHAR NOT NULL,
      updated_by VARCHAR NOT NULL,
      updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp
    );
    CREATE TABLE plan_revisions (
      plan_id VARCHAR NOT NULL,
      revision INTEGER NOT NULL,
      reviewed BOOLEAN NOT NULL,
      plan VARCHAR NOT NULL,
      created_by VARCHAR NOT NULL,
      created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
      PRIMARY KEY (plan_id, revision)
    );
    CREATE TABLE forms (
      id VARCHAR PRIMARY KEY,
      plan_id VARCHAR,
      department VARCHAR NOT NULL,
      department_function VARCHAR,
      definition VARCHAR NOT NULL,
      latest_version INTEGER NOT NULL DEFAULT 0,
      updated_by VARCHAR NOT NULL,
      updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp
    );
    CREATE TABLE form_versions (
      form_id VARCHAR NOT NULL,
      version INTEGER NOT NULL,
      definition VARCHAR NOT NULL,
      published_by VARCHAR NOT NULL,
      published_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
      PRIMARY KEY (form_id, version)
    );
    CREATE TABLE assignments (
      id VARCHAR PRIMARY KEY,
      form_id VARCHAR NOT NULL,
      version INTEGER NOT NULL,
      region_code VARCHAR NOT NULL,
      department VARCHAR NOT NULL,
      period VARCHAR NOT NULL,
      due_date DATE,
      open BOOLEAN NOT NULL DEFAULT true,
      created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
      UNIQUE (form_id, region_code, department, period)
    );
    -- Every change to a submission is a new revision; the current submission is the latest one.
    CREATE TABLE submission_revisions (
      assignment_id VARCHAR NOT NULL,
      revision INTEGER NOT NULL,
      status VARCHAR NOT NULL CHECK (status IN ('draft', 'submitted', 'approved', 'returned')),
      form_version INTEGER NOT NULL,
      submission_values VARCHAR NOT NULL,
      warnings VARCHAR NOT NULL,
      comment VARCHAR,
      actor VARCHAR NOT NULL,
      created_at TIMESTAMP NOT NULL,
      PRIMARY KEY (assignment_id, revision)
    );
    CREATE TABLE audit_events (
      id VARCHAR PRIMARY KEY,
      occurred_at TIMESTAMP NOT NULL,
      actor VARCHAR NOT NULL,
      action VARCHAR NOT NULL,
      entity VARCHAR NOT NULL,
      entity_id VARCHAR NOT NULL,
      previous_value VARCHAR,
      new_value VARCHAR
    );
    CREATE TABLE idempotency_keys (
      idem_key VARCHAR NOT NULL,
      user_id VARCHAR NOT NULL,
      request_sha256 VARCHAR NOT NULL,
      status INTEGER NOT NULL,
      body VARCHAR NOT NULL,
      created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
      PRIMARY KEY (user_id, idem_key)
    );
`;

export const workflow: Migration = {
  version: 2,
  name: 'workflow',
  sql: `${TABLES}
    CREATE VIEW submissions AS
      SELECT assignment_id, status, revision, form_version, submission_values, warnings, comment,
        actor AS updated_by, created_at AS updated_at
      FROM submission_revisions
      QUALIFY row_number() OVER (PARTITION BY assignment_id ORDER BY revision DESC) = 1;
  `,
  // PostgreSQL has no QUALIFY: DISTINCT ON keeps each assignment's first row in revision order.
  postgres: `${TABLES}
    CREATE VIEW submissions AS
      SELECT DISTINCT ON (assignment_id) assignment_id, status, revision, form_version, submission_values, warnings,
        comment, actor AS updated_by, created_at AS updated_at
      FROM submission_revisions
      ORDER BY assignment_id, revision DESC;
  `,
};
