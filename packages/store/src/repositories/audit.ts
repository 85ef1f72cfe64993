import { randomUUID } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { AuditEvent } from '@kesu/schema';
import { appendRows, json, rows, timestampText } from '../sql.js';

export interface AuditInput {
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  previous: unknown;
  next: unknown;
}

/** Records who changed what, with the previous and the new value, in the caller's transaction. */
export async function recordAudit(connection: DuckDBConnection, events: AuditInput[], at = new Date()): Promise<void> {
  if (events.length === 0) return;
  await appendRows(
    connection,
    'audit_events',
    events.map((e) => [randomUUID(), at, e.actor, e.action, e.entity, e.entityId, e.previous === undefined ? null : JSON.stringify(e.previous), e.next === undefined ? null : JSON.stringify(e.next)]),
  );
}

/** Audit events of one entity (or all), oldest first. */
export async function listAudit(connection: DuckDBConnection, filter: { entity?: string; entityId?: string; limit?: number } = {}): Promise<AuditEvent[]> {
  const where: string[] = [];
  const params: string[] = [];
  if (filter.entity) where.push(`entity = $${params.push(filter.entity)}`);
  if (filter.entityId) where.push(`entity_id = $${params.push(filter.entityId)}`);
  const sql = `SELECT * FROM audit_events ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY occurred_at, rowid LIMIT ${Math.min(filter.limit ?? 1000, 10000)}`;
  return (await rows(connection, sql, params)).map((r) => ({
    id: String(r['id']),
    occurredAt: timestampText(r['occurred_at']),
    actor: String(r['actor']),
    action: String(r['action']),
    entity: String(r['entity']),
    entityId: String(r['entity_id']),
    previous: r['previous_value'] === null ? null : json(r['previous_value']),
    next: r['new_value'] === null ? null : json(r['new_value']),
  }));
}
