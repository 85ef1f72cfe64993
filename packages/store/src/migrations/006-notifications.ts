import type { Migration } from './migration.js';

/**
 * The in-app inbox, the mail outbox and job leases.
 * - `notifications`: one row per recipient and event, stored as a kind with its parameters and
 *   worded when read (in the reader's language); `dedupe_key` is unique, so the same event stored
 *   twice (a job run again, a crash and a restart) is a no-op.
 * - `notification_assignments`: which assignments a notification is about (a new-task notice
 *   names several), so an assignment is announced to a person once.
 * - `mail_outbox`: one row per notification to send by mail; claiming a row moves it to `sending`
 *   with a lease (`next_attempt_at`) in one statement, so one sender at a time holds it, and a
 *   sender that died holding it is retried once the lease has passed.
 * - `job_leases`: which process runs a job until when; only one holder wins a conditional upsert.
 */
export const notifications: Migration = {
  version: 6,
  name: 'notifications',
  sql: `
    CREATE TABLE notifications (
      id VARCHAR PRIMARY KEY,
      recipient_id VARCHAR NOT NULL,
      kind VARCHAR NOT NULL,
      params VARCHAR NOT NULL,
      link VARCHAR,
      dedupe_key VARCHAR NOT NULL UNIQUE,
      created_at TIMESTAMP NOT NULL,
      read_at TIMESTAMP
    );
    CREATE TABLE notification_assignments (
      notification_id VARCHAR NOT NULL,
      assignment_id VARCHAR NOT NULL,
      PRIMARY KEY (notification_id, assignment_id)
    );
    CREATE TABLE mail_outbox (
      id VARCHAR PRIMARY KEY,
      notification_id VARCHAR NOT NULL UNIQUE,
      recipient VARCHAR NOT NULL,
      subject VARCHAR NOT NULL,
      body VARCHAR NOT NULL,
      status VARCHAR NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
      attempts INTEGER NOT NULL DEFAULT 0,
      last_error VARCHAR,
      next_attempt_at TIMESTAMP NOT NULL,
      created_at TIMESTAMP NOT NULL,
      sent_at TIMESTAMP
    );
    CREATE TABLE job_leases (
      job VARCHAR PRIMARY KEY,
      holder VARCHAR NOT NULL,
      lease_until TIMESTAMP NOT NULL
    );
  `,
};
