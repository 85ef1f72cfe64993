import { randomUUID } from 'node:crypto';
import type { Db } from '../db.js';
import { exec, first, json, placeholders, rows, sqlTimestamp, timestampText, type Row } from '../sql.js';

/** A message for one person's inbox, with the mail to send them when they have an address. */
export interface NotificationInput {
  recipientId: string;
  kind: string;
  /** What the text is made of; worded when read, in the reader's language. */
  params: Record<string, unknown>;
  /** The page it leads to (a path in the web app). */
  link: string | null;
  /** The same key is stored once: an event noticed twice is not told twice. */
  dedupeKey: string;
  /** The assignments it is about. */
  assignmentIds?: string[];
  mail?: { recipient: string; subject: string; body: string } | null;
}

/** A stored notification. */
export interface NotificationRecord {
  id: string;
  recipientId: string;
  kind: string;
  params: Record<string, unknown>;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

function toRecord(r: Row): NotificationRecord {
  return {
    id: String(r['id']),
    recipientId: String(r['recipient_id']),
    kind: String(r['kind']),
    params: json<Record<string, unknown>>(r['params']),
    link: (r['link'] as string | null) ?? null,
    createdAt: timestampText(r['created_at']),
    readAt: r['read_at'] === null || r['read_at'] === undefined ? null : timestampText(r['read_at']),
  };
}

// Rows per INSERT: a deadline run may store hundreds, and one statement per row is slow.
const CHUNK = 200;

/**
 * Stores notifications, skipping any whose dedupe key is already stored, and queues the mail of
 * each one stored, in the caller's transaction: a notification and its mail commit together.
 * Returns the ids of the notifications stored now.
 * @example
 * await insertNotifications(
 *   conn,
 *   [{ recipientId, kind: 'deadline.overdue', params, link, dedupeKey: `overdue:${a}:${user}` }],
 *   now,
 * )
 */
export async function insertNotifications(connection: Db, inputs: NotificationInput[], at: Date): Promise<string[]> {
  // One statement may not hold the same key twice; the first of each key is the one kept.
  const seen = new Set<string>();
  const unique = inputs.filter((n) => !seen.has(n.dedupeKey) && Boolean(seen.add(n.dedupeKey)));
  const stored: string[] = [];
  for (let i = 0; i < unique.length; i += CHUNK)
    stored.push(...(await insertChunk(connection, unique.slice(i, i + CHUNK), at)));
  return stored;
}

async function insertChunk(connection: Db, inputs: NotificationInput[], at: Date): Promise<string[]> {
  if (inputs.length === 0) return [];
  const stamp = sqlTimestamp(at);
  const withIds = inputs.map((input) => ({ ...input, id: randomUUID() }));
  const inserted = await rows(
    connection,
    `INSERT INTO notifications (id, recipient_id, kind, params, link, dedupe_key, created_at)
     VALUES ${placeholders(withIds.length, 7)} ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    withIds.flatMap((n) => [n.id, n.recipientId, n.kind, JSON.stringify(n.params), n.link, n.dedupeKey, stamp]),
  );
  const ids = new Set(inserted.map((r) => String(r['id'])));
  const fresh = withIds.filter((n) => ids.has(n.id));
  const subjects = fresh.flatMap((n) => (n.assignmentIds ?? []).map((a) => [n.id, a]));
  if (subjects.length > 0)
    await exec(
      connection,
      `INSERT INTO notification_assignments VALUES ${placeholders(subjects.length, 2)} ON CONFLICT DO NOTHING`,
      subjects.flat(),
    );
  const mails = fresh.flatMap((n) =>
    n.mail ? [[randomUUID(), n.id, n.mail.recipient, n.mail.subject, n.mail.body, 'queued', stamp, stamp]] : [],
  );
  if (mails.length > 0) {
    await exec(
      connection,
      `INSERT INTO mail_outbox (id, notification_id, recipient, subject, body, status, next_attempt_at, created_at)
       VALUES ${placeholders(mails.length, 8)}`,
      mails.flat(),
    );
  }
  return fresh.map((n) => n.id);
}

/**
 * Which of the assignments each person has already been told of, as `user|assignment` pairs:
 * a new-task notice names only assignments not announced to that person before.
 */
export async function announcedAssignments(
  connection: Db,
  kind: string,
  userIds: string[],
  assignmentIds: string[],
): Promise<Set<string>> {
  if (userIds.length === 0 || assignmentIds.length === 0) return new Set();
  const found = await rows(
    connection,
    `SELECT n.recipient_id, s.assignment_id
     FROM notification_assignments s JOIN notifications n ON n.id = s.notification_id
     WHERE n.kind = $1 AND n.recipient_id IN (SELECT unnest($2::VARCHAR[]))
       AND s.assignment_id IN (SELECT unnest($3::VARCHAR[]))`,
    [kind, userIds, assignmentIds],
  );
  return new Set(found.map((r) => `${String(r['recipient_id'])}|${String(r['assignment_id'])}`));
}

/** One page of a person's notifications, newest first, with how many there are and how many unread. */
export async function listNotifications(
  connection: Db,
  recipientId: string,
  page: { limit: number; offset: number; unreadOnly?: boolean },
) {
  const unreadOnly = page.unreadOnly ? 'AND read_at IS NULL' : '';
  const items = await rows(
    connection,
    `SELECT * FROM notifications WHERE recipient_id = $1 ${unreadOnly} ORDER BY created_at DESC, id LIMIT $2 OFFSET $3`,
    [recipientId, page.limit, page.offset],
  );
  const counts = await first(
    connection,
    'SELECT count(*) AS total, count(*) FILTER (WHERE read_at IS NULL) AS unread ' +
      'FROM notifications WHERE recipient_id = $1',
    [recipientId],
  );
  return { items: items.map(toRecord), total: Number(counts?.['total'] ?? 0), unread: Number(counts?.['unread'] ?? 0) };
}

export async function countUnread(connection: Db, recipientId: string): Promise<number> {
  const r = await first(
    connection,
    'SELECT count(*) AS n FROM notifications WHERE recipient_id = $1 AND read_at IS NULL',
    [recipientId],
  );
  return Number(r?.['n'] ?? 0);
}

/** Marks one of a person's notifications read; undefined when it is not theirs (or does not exist). */
export async function markNotificationRead(
  connection: Db,
  recipientId: string,
  id: string,
  at: Date,
): Promise<NotificationRecord | undefined> {
  const r = await first(connection, 'SELECT * FROM notifications WHERE id = $1 AND recipient_id = $2', [
    id,
    recipientId,
  ]);
  if (!r) return undefined;
  // Read once: the first time it was read stays.
  if (r['read_at'] === null)
    await exec(connection, 'UPDATE notifications SET read_at = $2::TIMESTAMP WHERE id = $1', [id, sqlTimestamp(at)]);
  return toRecord((await first(connection, 'SELECT * FROM notifications WHERE id = $1', [id])) as Row);
}

/** Marks all of a person's unread notifications read; returns how many. */
export async function markAllNotificationsRead(connection: Db, recipientId: string, at: Date): Promise<number> {
  const changed = await rows(
    connection,
    'UPDATE notifications SET read_at = $2::TIMESTAMP WHERE recipient_id = $1 AND read_at IS NULL RETURNING id',
    [recipientId, sqlTimestamp(at)],
  );
  return changed.length;
}
