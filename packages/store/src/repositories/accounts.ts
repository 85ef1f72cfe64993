import type { DuckDBConnection } from '@duckdb/node-api';
import { rows } from '../sql.js';

/** A reporting unit: a department of a region. */
export interface UnitKey {
  regionCode: string;
  department: string;
}

/** The units something was assigned to, under a region code prefix ('' for all). */
export async function listAssignedUnits(connection: DuckDBConnection, regionPrefix = ''): Promise<UnitKey[]> {
  const found = await rows(connection, 'SELECT DISTINCT region_code, department FROM assignments WHERE region_code LIKE $1 ORDER BY region_code, department', [`${regionPrefix}%`]);
  return found.map((r) => ({ regionCode: String(r['region_code']), department: String(r['department']) }));
}

/** The units that have an enabled reporter account, with their user names. */
export async function listReporterUnits(connection: DuckDBConnection): Promise<Array<UnitKey & { username: string }>> {
  const found = await rows(connection, "SELECT region_code, department, username FROM users WHERE role = 'reporter' AND disabled_at IS NULL AND region_code IS NOT NULL AND department IS NOT NULL ORDER BY username");
  return found.map((r) => ({ regionCode: String(r['region_code']), department: String(r['department']), username: String(r['username']) }));
}
