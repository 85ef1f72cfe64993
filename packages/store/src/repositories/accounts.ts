import type { Db } from '../db.js';
import type { Plan } from '@kesu/schema';
import { json, rows } from '../sql.js';

/** A reporting unit: a department of a region. */
export interface UnitKey {
  regionCode: string;
  department: string;
}

/** The units something was assigned to, under a region code prefix ('' for all). */
export async function listAssignedUnits(connection: Db, regionPrefix = ''): Promise<UnitKey[]> {
  const found = await rows(
    connection,
    'SELECT DISTINCT region_code, department FROM assignments WHERE region_code LIKE $1 ' +
      'ORDER BY region_code, department',
    [`${regionPrefix}%`],
  );
  return found.map((r) => ({ regionCode: String(r['region_code']), department: String(r['department']) }));
}

/** Every reporter account with its unit and whether it is disabled. */
export async function listReporterUnits(
  connection: Db,
): Promise<Array<UnitKey & { username: string; disabled: boolean }>> {
  const found = await rows(
    connection,
    'SELECT region_code, department, username, disabled_at IS NOT NULL AS disabled FROM users ' +
      "WHERE role = 'reporter' AND region_code IS NOT NULL AND department IS NOT NULL ORDER BY username",
  );
  return found.map((r) => ({
    regionCode: String(r['region_code']),
    department: String(r['department']),
    username: String(r['username']),
    disabled: Boolean(r['disabled']),
  }));
}

/** The plans of regions under a code prefix ('' for all), in full: the units they name are those expected to report. */
export async function listPlansWithin(
  connection: Db,
  regionPrefix = '',
): Promise<Array<{ id: string; title: string; plan: Plan }>> {
  const found = await rows(
    connection,
    "SELECT id, title, plan FROM plans WHERE coalesce(region_code, '') LIKE $1 ORDER BY updated_at DESC",
    [`${regionPrefix}%`],
  );
  return found.map((r) => ({ id: String(r['id']), title: String(r['title']), plan: json<Plan>(r['plan']) }));
}
