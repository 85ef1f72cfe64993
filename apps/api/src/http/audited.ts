import type { Context } from 'hono';
import { recordAudit, type AuditInput } from '@kesu/store';
import type { AppContext, AppEnv } from '../context.js';

type Change = Omit<AuditInput, 'actor' | 'action' | 'entity'>;
type WriteConnection = Parameters<Parameters<AppContext['store']['writes']['write']>[0]>[0];

/**
 * Runs a write and records who changed what, with the previous value, in the same
 * transaction: the change and its audit entry commit together or not at all.
 * @example
 * await audited(
 *   ctx, c, 'form.edit', 'form',
 *   (conn) => updateFormDraft(conn, id, d, actor),
 *   (f) => ({ entityId: id, previous, next: f.definition }),
 * )
 */
export function audited<T>(
  ctx: AppContext,
  c: Context<AppEnv>,
  action: string,
  entity: string,
  work: (conn: WriteConnection) => Promise<T>,
  describe: (result: T) => Change | Change[],
): Promise<T> {
  const actor = c.get('user').username;
  return ctx.store.writes.write(async (conn) => {
    const result = await work(conn);
    const changes = [describe(result)].flat();
    await recordAudit(
      conn,
      changes.map((change) => ({ actor, action, entity, ...change })),
    );
    return result;
  });
}
