import type { UnitAccounts } from '@kesu/schema';
import { listAssignedUnits, listPlansWithin, listReporterUnits, type Store } from '@kesu/store';
import { reportingUnits } from './plan-units.js';

/**
 * Every unit under a region code prefix ('' for all) that a plan names or that has assignments,
 * with the reporter accounts it has, by region and name.
 */
export async function unitAccountsWithin(conn: Store['connection'], regionPrefix: string): Promise<UnitAccounts[]> {
  const plans = await listPlansWithin(conn, regionPrefix);
  const assigned = await listAssignedUnits(conn, regionPrefix);
  const reporters = await listReporterUnits(conn);
  const units = new Map<string, UnitAccounts>();
  const unit = (regionCode: string, department: string, fn: string | null) => {
    const key = `${regionCode}|${department}`;
    let found = units.get(key);
    if (!found)
      units.set(
        key,
        (found = {
          regionCode,
          department,
          function: fn,
          plans: [],
          assigned: false,
          usernames: [],
          disabledUsernames: [],
        }),
      );
    found.function ??= fn;
    return found;
  };
  for (const { id, title, plan } of plans) {
    for (const u of reportingUnits(plan))
      if (u.regionCode.startsWith(regionPrefix)) unit(u.regionCode, u.department, u.function).plans.push({ id, title });
  }
  for (const a of assigned) unit(a.regionCode, a.department, null).assigned = true;
  for (const r of reporters) {
    const found = units.get(`${r.regionCode}|${r.department}`);
    if (found) (r.disabled ? found.disabledUsernames : found.usernames).push(r.username);
  }
  return [...units.values()].sort(
    (a, b) => a.regionCode.localeCompare(b.regionCode) || a.department.localeCompare(b.department, 'zh-CN'),
  );
}
