import { exec, type Connection } from './sql.js';

/**
 * Runs `work` in one transaction: committed if it resolves, rolled back if it throws. On the
 * store's own connection or on a DuckDB connection (the warehouse build).
 */
export async function inTransaction<T>(connection: Connection, work: () => Promise<T>): Promise<T> {
  await exec(connection, 'BEGIN TRANSACTION');
  try {
    const result = await work();
    await exec(connection, 'COMMIT');
    return result;
  } catch (error) {
    await exec(connection, 'ROLLBACK').catch(() => undefined);
    throw error;
  }
}
