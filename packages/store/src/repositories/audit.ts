import { randomUUID } from 'node:crypto';
import type { Db } from '../db.js';
import type { AuditActor, AuditEntry, AuditEvent } from '@kesu/schema';
import { appendRows, first, json, rows, sqlTimestamp, timestampText, type Row } from '../sql.js';

export interface AuditInput {
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  previous: unknown;
  next: unknown;
}

/** Records who changed what, with the previous and the new value, in the caller's transaction. */
export async function recordAudit(connection: Db, events: AuditInput[], at = new Date()): Promise<void> {
  if (events.length === 0) return;
  await appendRows(
    connection,
    'audit_events',
    events.map((e) => [
      randomUUID(),
      at,
      e.actor,
      e.action,
      e.entity,
      e.entityId,
      e.previous === undefined ? null : JSON.stringify(e.previous),
      e.next === undefined ? null : JSON.stringify(e.next),
    ]),
  );
}

function toEvent(r: Row): AuditEvent {
  return {
    id: String(r['id']),
    occurredAt: timestampText(r['occurred_at']),
    actor: String(r['actor']),
    action: String(r['action']),
    entity: String(r['entity']),
    entityId: String(r['entity_id']),
    previous: r['previous_value'] === null ? null : json(r['previous_value']),
    next: r['new_value'] === null ? null : json(r['new_value']),
  };
}

/** The column that holds the order events were written in (see migration 7). */
const WRITTEN: Record<Db['dialect'], string> = { duckdb: 'rowid', postgres: 'seq' };

/** Audit events of one entity (or all), oldest first. */
export async function listAudit(
  connection: Db,
  filter: { entity?: string; entityId?: string; limit?: number } = {},
): Promise<AuditEvent[]> {
  const where: string[] = [];
  const params: string[] = [];
  if (filter.entity) where.push(`entity = $${params.push(filter.entity)}`);
  if (filter.entityId) where.push(`entity_id = $${params.push(filter.entityId)}`);
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const limit = Math.min(filter.limit ?? 1000, 10000);
  const order = `occurred_at, ${WRITTEN[connection.dialect]}`;
  const sql = `SELECT * FROM audit_events ${clause} ORDER BY ${order} LIMIT ${limit}`;
  return (await rows(connection, sql, params)).map(toEvent);
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  /** From this instant (inclusive). */
  from?: Date;
  /** Until this instant (exclusive). */
  until?: Date;
  order?: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/**
 * One page of the audit trail matching a filter, with who made each change by name, and the
 * number of matching events in all.
 * @example await searchAudit(conn, { entity: 'submission', entityId: id, limit: 50, offset: 0 })
 */
export async function searchAudit(
  connection: Db,
  filter: AuditFilter,
): Promise<{ total: number; events: AuditEntry[] }> {
  const where: string[] = [];
  const params: string[] = [];
  if (filter.actor) where.push(`e.actor = $${params.push(filter.actor)}`);
  if (filter.action) where.push(`e.action = $${params.push(filter.action)}`);
  if (filter.entity) where.push(`e.entity = $${params.push(filter.entity)}`);
  if (filter.entityId) where.push(`e.entity_id = $${params.push(filter.entityId)}`);
  if (filter.from) where.push(`e.occurred_at >= $${params.push(sqlTimestamp(filter.from))}::TIMESTAMP`);
  if (filter.until) where.push(`e.occurred_at < $${params.push(sqlTimestamp(filter.until))}::TIMESTAMP`);
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = Number(
    (await first(connection, `SELECT count(*) AS n FROM audit_events e ${clause}`, params))?.['n'] ?? 0,
  );
  // The order of writing breaks ties: the steps of one transaction share their time and keep their order.
  const direction = filter.order === 'asc' ? 'ASC' : 'DESC';
  const page = await rows(
    connection,
    `SELECT e.*, u.display_name FROM audit_events e LEFT JOIN users u ON u.username = e.actor ${clause}
     ORDER BY e.occurred_at ${direction}, e.${WRITTEN[connection.dialect]} ${direction}
     LIMIT ${Math.trunc(filter.limit)} OFFSET ${Math.trunc(filter.offset)}`,
    params,
  );
  return {
    total,
    events: page.map((r) => ({ ...toEvent(r), actorName: (r['display_name'] as string | null) ?? null })),
  };
}

/** Everyone who appears in the audit trail, with their display name and how many events they made. */
export async function listAuditActors(connection: Db): Promise<AuditActor[]> {
  const found = await rows(
    connection,
    'SELECT e.actor, min(u.display_name) AS display_name, count(*) AS n ' +
      'FROM audit_events e LEFT JOIN users u ON u.username = e.actor GROUP BY e.actor ORDER BY e.actor',
  );
  return found.map((r) => ({
    username: String(r['actor']),
    displayName: (r['display_name'] as string | null) ?? null,
    events: Number(r['n']),
  }));
}
