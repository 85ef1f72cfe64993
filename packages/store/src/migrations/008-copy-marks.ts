import type { Migration } from './migration.js';

/**
 * On PostgreSQL, the tables that grow with every submission, and the plans (whose documents are
 * most of the bytes of the rest), say which transaction last wrote each row, so the analytics copy
 * can bring over only what was committed since its last snapshot (rows whose writer that snapshot
 * did not see). DuckDB reads its own tables and needs nothing.
 */
export const copyMarks: Migration = {
  version: 8,
  name: 'copy-marks',
  sql: '',
  postgres: `
    ALTER TABLE assignments ADD COLUMN written_by xid8 NOT NULL DEFAULT pg_current_xact_id();
    ALTER TABLE submission_revisions ADD COLUMN written_by xid8 NOT NULL DEFAULT pg_current_xact_id();
    ALTER TABLE plans ADD COLUMN written_by xid8 NOT NULL DEFAULT pg_current_xact_id();
    CREATE FUNCTION kesu_mark_written() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN NEW.written_by := pg_current_xact_id(); RETURN NEW; END
    $$;
    CREATE TRIGGER assignments_written BEFORE UPDATE ON assignments FOR EACH ROW EXECUTE FUNCTION kesu_mark_written();
    CREATE TRIGGER submission_revisions_written BEFORE UPDATE ON submission_revisions
      FOR EACH ROW EXECUTE FUNCTION kesu_mark_written();
    CREATE TRIGGER plans_written BEFORE UPDATE ON plans FOR EACH ROW EXECUTE FUNCTION kesu_mark_written();
    CREATE INDEX assignments_written ON assignments (written_by);
    CREATE INDEX submission_revisions_written ON submission_revisions (written_by);
    CREATE INDEX plans_written ON plans (written_by);
  `,
};
