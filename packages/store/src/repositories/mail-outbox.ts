import type { Db } from '../db.js';
import { MAIL_STATUSES, type MailStatus } from '@kesu/schema';
import { exec, first, rows, sqlTimestamp, timestampText, type Row } from '../sql.js';

/** A message waiting to be mailed, being mailed, mailed, or given up on. */
export interface MailRecord {
  id: string;
  notificationId: string;
  recipient: string;
  subject: string;
  body: string;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
  createdAt: string;
  sentAt: string | null;
}

const timeOrNull = (value: unknown) => (value === null || value === undefined ? null : timestampText(value));

function toMail(r: Row): MailRecord {
  return {
    id: String(r['id']),
    notificationId: String(r['notification_id']),
    recipient: String(r['recipient']),
    subject: String(r['subject']),
    body: String(r['body']),
    status: r['status'] as MailStatus,
    attempts: Number(r['attempts']),
    lastError: (r['last_error'] as string | null) ?? null,
    nextAttemptAt: timestampText(r['next_attempt_at']),
    createdAt: timestampText(r['created_at']),
    sentAt: timeOrNull(r['sent_at']),
  };
}

/**
 * Claims up to `limit` messages due by `now` for one sending attempt: queued ones, and ones a
 * sender claimed but never finished (its lease, `next_attempt_at`, has passed). One statement
 * moves them to `sending`, counts the attempt and sets the lease, so no other sender takes them
 * meanwhile.
 */
export async function claimMail(connection: Db, now: Date, leaseMs: number, limit: number): Promise<MailRecord[]> {
  const claimed = await rows(
    connection,
    `UPDATE mail_outbox SET status = 'sending', attempts = attempts + 1, next_attempt_at = $1::TIMESTAMP
     WHERE id IN (
       SELECT id FROM mail_outbox WHERE status IN ('queued', 'sending') AND next_attempt_at <= $2::TIMESTAMP
       ORDER BY next_attempt_at, created_at LIMIT $3
     )
     RETURNING *`,
    [sqlTimestamp(new Date(now.getTime() + leaseMs)), sqlTimestamp(now), limit],
  );
  return claimed.map(toMail).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Records a message as handed to the mail server. */
export async function markMailSent(connection: Db, id: string, at: Date): Promise<void> {
  await exec(
    connection,
    "UPDATE mail_outbox SET status = 'sent', sent_at = $2::TIMESTAMP, last_error = NULL WHERE id = $1",
    [id, sqlTimestamp(at)],
  );
}

/** Records a failed attempt: queued again for `retryAt`, or failed for good when null. */
export async function markMailFailed(connection: Db, id: string, error: string, retryAt: Date | null): Promise<void> {
  if (retryAt === null)
    await exec(connection, "UPDATE mail_outbox SET status = 'failed', last_error = $2 WHERE id = $1", [id, error]);
  else
    await exec(
      connection,
      "UPDATE mail_outbox SET status = 'queued', last_error = $2, next_attempt_at = $3::TIMESTAMP WHERE id = $1",
      [id, error, sqlTimestamp(retryAt)],
    );
}

export async function getMail(connection: Db, id: string): Promise<MailRecord | undefined> {
  const r = await first(connection, 'SELECT * FROM mail_outbox WHERE id = $1', [id]);
  return r ? toMail(r) : undefined;
}

/**
 * Puts a message that failed or waits for a later attempt back in the queue for now. A message
 * already sent, or being sent, is left as it is (undefined): it must not go out twice.
 */
export async function retryMail(connection: Db, id: string, now: Date): Promise<MailRecord | undefined> {
  await exec(
    connection,
    "UPDATE mail_outbox SET status = 'queued', next_attempt_at = $2::TIMESTAMP " +
      "WHERE id = $1 AND status IN ('queued', 'failed')",
    [id, sqlTimestamp(now)],
  );
  const after = await getMail(connection, id);
  return after && after.status === 'queued' ? after : undefined;
}

/** One page of the outbox, newest first, and how many messages are in each state. */
export async function listOutbox(connection: Db, filter: { status?: MailStatus; limit: number; offset: number }) {
  const where = filter.status ? 'WHERE status = $3' : '';
  const params = filter.status ? [filter.limit, filter.offset, filter.status] : [filter.limit, filter.offset];
  const items = (
    await rows(connection, `SELECT * FROM mail_outbox ${where} ORDER BY created_at DESC, id LIMIT $1 OFFSET $2`, params)
  ).map(toMail);
  const counts = Object.fromEntries(MAIL_STATUSES.map((s) => [s, 0])) as Record<MailStatus, number>;
  for (const r of await rows(connection, 'SELECT status, count(*) AS n FROM mail_outbox GROUP BY status'))
    counts[r['status'] as MailStatus] = Number(r['n']);
  return { items, counts };
}
