import type { Migration } from './migration.js';

/**
 * Approval along the region tree: each submission revision records the highest level that has
 * approved its data (null until approved). Rows approved before levels existed were approved by
 * the office of their own region: a null level on an approved row reads as the first step.
 */
export const approvalLevels: Migration = {
  version: 5,
  name: 'approval-levels',
  sql: `
    -- DuckDB adds no column with a constraint; the level is one of the schema's ApprovalLevel values.
    ALTER TABLE submission_revisions ADD COLUMN approved_level VARCHAR;
    CREATE OR REPLACE VIEW submissions AS
      SELECT assignment_id, status, revision, form_version, submission_values, warnings, comment, approved_level,
        actor AS updated_by, created_at AS updated_at
      FROM submission_revisions
      QUALIFY row_number() OVER (PARTITION BY assignment_id ORDER BY revision DESC) = 1;
  `,
  // PostgreSQL replaces a view only by adding columns at its end: this one is dropped and made again.
  postgres: `
    ALTER TABLE submission_revisions ADD COLUMN approved_level VARCHAR;
    DROP VIEW submissions;
    CREATE VIEW submissions AS
      SELECT DISTINCT ON (assignment_id) assignment_id, status, revision, form_version, submission_values, warnings,
        comment, approved_level, actor AS updated_by, created_at AS updated_at
      FROM submission_revisions
      ORDER BY assignment_id, revision DESC;
  `,
};
