import type { DepartmentFunction, Indicator, Region } from '@kesu/schema';
import type { Db } from '../db.js';
import { inTransaction } from '../transaction.js';

export interface Registry {
  regions: Region[];
  functions: DepartmentFunction[];
  indicators: Indicator[];
}

/** Replaces the registry tables with the given regions, functions and indicators, all or nothing. */
export async function replaceRegistry(connection: Db, registry: Registry): Promise<void> {
  await inTransaction(connection, async () => {
    await connection.script('DELETE FROM regions; DELETE FROM department_functions; DELETE FROM indicators;');
    await connection.append(
      'regions',
      registry.regions.map((r) => [r.code, r.name, r.short, r.level, r.parent]),
    );
    await connection.append(
      'department_functions',
      registry.functions.map((f) => [f.code, f.nameZh, f.nameEn, f.aliases]),
    );
    await connection.append(
      'indicators',
      registry.indicators.map((i) => [
        i.code,
        i.nameZh,
        i.nameEn,
        i.unit,
        i.kind,
        i.family,
        i.disaggregations,
        i.descriptionZh,
        i.descriptionEn,
      ]),
    );
  });
}
