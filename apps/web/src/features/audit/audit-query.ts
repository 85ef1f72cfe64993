import type { LocationQuery } from 'vue-router';
import { AUDIT_ENTITIES, type AuditEntity } from '@kesu/schema';

/**
 * The audit page's filter as the address holds it
 * (`?actor=office&from=2025-03-01&page=2`), so a view can be shared.
 */
export interface AuditView {
  actor: string | null;
  action: string | null;
  entity: AuditEntity | null;
  entityId: string | null;
  /** First and last Beijing day, `YYYY-MM-DD`. */
  from: string | null;
  to: string | null;
  page: number;
}

export const AUDIT_PAGE_SIZE = 50;

const single = (value: LocationQuery[string] | undefined) => (Array.isArray(value) ? value[0] : value) ?? null;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the filter from the address; anything malformed counts as not given. */
export function readAuditQuery(query: LocationQuery): AuditView {
  const text = (key: string, max: number) => {
    const v = single(query[key])?.trim() ?? '';
    return v !== '' && v.length <= max ? v : null;
  };
  const day = (key: string) => {
    const v = text(key, 10);
    return v !== null && DAY.test(v) ? v : null;
  };
  const entity = text('entity', 40);
  const action = text('action', 80);
  const page = Number(single(query['page']));
  return {
    actor: text('actor', 120),
    action: action !== null && /^[a-z][a-z_-]*\.[a-z][a-z_-]*$/.test(action) ? action : null,
    entity: (AUDIT_ENTITIES as readonly string[]).includes(entity ?? '') ? (entity as AuditEntity) : null,
    entityId: text('entityId', 64),
    from: day('from'),
    to: day('to'),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The filter as an address query: what is not set stays out, and the first page is the default. */
export function writeAuditQuery(view: AuditView): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['actor', 'action', 'entity', 'entityId', 'from', 'to'] as const) {
    const value = view[key];
    if (value !== null) out[key] = value;
  }
  if (view.page > 1) out['page'] = String(view.page);
  return out;
}

/** The API's query for one page of the filter, newest first. */
export function auditRequest(view: AuditView): Record<string, string | number> {
  return {
    ...writeAuditQuery({ ...view, page: 1 }),
    limit: AUDIT_PAGE_SIZE,
    offset: (view.page - 1) * AUDIT_PAGE_SIZE,
  };
}
