import type { Db } from '../db.js';
import { COLLECTIVE, type Plan } from '@kesu/schema';
import { json, rows } from '../sql.js';

/** Where a unit of a region is known from. */
export type UnitSource = 'plan' | 'assignment' | 'user';

export interface RegionUnit {
  name: string;
  /** The function the plan resolved it to (null when only assignments or accounts name it). */
  function: string | null;
  sources: UnitSource[];
}

/**
 * The units known to belong to a region: those its plans name, those already given assignments
 * there, and those its accounts report for. Collective placeholders (各街道) are no unit.
 * @example
 * await listRegionUnits(conn, '510104')
 * // [{ name: '锦江区教育局', function: 'education', sources: ['plan', 'assignment'] }, …]
 */
export async function listRegionUnits(connection: Db, regionCode: string): Promise<RegionUnit[]> {
  const units = new Map<string, RegionUnit>();
  const add = (name: string, source: UnitSource, fn: string | null = null) => {
    const unit = units.get(name) ?? { name, function: null, sources: [] };
    unit.function ??= fn;
    if (!unit.sources.includes(source)) unit.sources.push(source);
    units.set(name, unit);
  };
  for (const r of await rows(connection, 'SELECT plan FROM plans WHERE region_code = $1', [regionCode])) {
    for (const d of json<Plan>(r['plan']).departments)
      if (d.function !== COLLECTIVE && (d.region ?? regionCode) === regionCode) add(d.name, 'plan', d.function);
  }
  for (const r of await rows(connection, 'SELECT DISTINCT department FROM assignments WHERE region_code = $1', [
    regionCode,
  ]))
    add(String(r['department']), 'assignment');
  for (const r of await rows(
    connection,
    'SELECT DISTINCT department FROM users WHERE region_code = $1 AND department IS NOT NULL',
    [regionCode],
  ))
    add(String(r['department']), 'user');
  return [...units.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}
