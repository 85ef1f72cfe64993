import { randomUUID } from 'node:crypto';
import type { Db } from '../db.js';
import { exec, first, rows, sqlTimestamp, timestampText, type Row } from '../sql.js';

/** A statistician's saved query, with its author's names. */
export interface SavedQueryRecord {
  id: string;
  ownerId: string;
  ownerUsername: string;
  ownerName: string;
  title: string;
  sql: string;
  shared: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface SavedQueryInput {
  title: string;
  sql: string;
  shared: boolean;
}

const SELECT = `SELECT q.*, coalesce(u.username, '') AS owner_username, coalesce(u.display_name, '') AS owner_name
  FROM saved_queries q LEFT JOIN users u ON u.id = q.owner_id`;

function toRecord(r: Row): SavedQueryRecord {
  return {
    id: String(r['id']),
    ownerId: String(r['owner_id']),
    ownerUsername: String(r['owner_username']),
    ownerName: String(r['owner_name']),
    title: String(r['title']),
    sql: String(r['sql']),
    shared: Boolean(r['shared']),
    createdAt: timestampText(r['created_at']),
    updatedAt: timestampText(r['updated_at']),
  };
}

/** The queries a user may open: their own and every shared one, latest change first. */
export async function listSavedQueries(connection: Db, viewerId: string): Promise<SavedQueryRecord[]> {
  return (
    await rows(connection, `${SELECT} WHERE q.owner_id = $1 OR q.shared ORDER BY q.updated_at DESC, q.title`, [
      viewerId,
    ])
  ).map(toRecord);
}

export async function getSavedQuery(connection: Db, id: string): Promise<SavedQueryRecord | undefined> {
  const r = await first(connection, `${SELECT} WHERE q.id = $1`, [id]);
  return r ? toRecord(r) : undefined;
}

export async function insertSavedQuery(
  connection: Db,
  ownerId: string,
  input: SavedQueryInput,
  at = new Date(),
): Promise<SavedQueryRecord> {
  const id = randomUUID();
  const now = sqlTimestamp(at);
  await exec(
    connection,
    'INSERT INTO saved_queries (id, owner_id, title, sql, shared, created_at, updated_at) ' +
      'VALUES ($1, $2, $3, $4, $5, $6, $6)',
    [id, ownerId, input.title, input.sql, input.shared, now],
  );
  return (await getSavedQuery(connection, id)) as SavedQueryRecord;
}

export async function updateSavedQuery(
  connection: Db,
  id: string,
  input: SavedQueryInput,
  at = new Date(),
): Promise<SavedQueryRecord> {
  await exec(connection, 'UPDATE saved_queries SET title = $2, sql = $3, shared = $4, updated_at = $5 WHERE id = $1', [
    id,
    input.title,
    input.sql,
    input.shared,
    sqlTimestamp(at),
  ]);
  return (await getSavedQuery(connection, id)) as SavedQueryRecord;
}

export async function deleteSavedQuery(connection: Db, id: string): Promise<void> {
  await exec(connection, 'DELETE FROM saved_queries WHERE id = $1', [id]);
}
