import type { Migration } from './migration.js';

/**
 * What PostgreSQL needs that DuckDB has by itself:
 * - the order audit events were written in: DuckDB's `rowid` keeps it, PostgreSQL has no such
 *   column, so events get a sequence number there (a bulk insert leaves it to its default);
 * - indexes for lookups DuckDB answers by scanning its compressed columns: the idempotency key
 *   alone, an entity's audit trail, a unit's assignments and a recipient's notifications.
 */
export const serverOrder: Migration = {
  version: 7,
  name: 'server-order',
  sql: '',
  postgres: `
    ALTER TABLE audit_events ADD COLUMN seq BIGINT GENERATED ALWAYS AS IDENTITY;
    CREATE INDEX audit_events_entity ON audit_events (entity_id, occurred_at);
    CREATE INDEX audit_events_time ON audit_events (occurred_at, seq);
    CREATE INDEX idempotency_keys_key ON idempotency_keys (idem_key);
    CREATE INDEX assignments_unit ON assignments (region_code, department);
    CREATE INDEX notifications_recipient ON notifications (recipient_id, created_at);
    CREATE INDEX sessions_user ON sessions (user_id);
  `,
};
