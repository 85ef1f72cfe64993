import type { Db } from '../db.js';
import { schemaVersion } from '../migrations/index.js';

export interface StoreSummary {
  schemaVersion: number;
  regions: number;
  departmentFunctions: number;
  indicators: number;
  planDocuments: number;
}

/** Row counts of what the store holds, for the start-up banner and health checks. */
export async function summarize(connection: Db): Promise<StoreSummary> {
  const found = await connection.rows(`
    SELECT (SELECT count(*) FROM regions) AS regions,
           (SELECT count(*) FROM department_functions) AS functions,
           (SELECT count(*) FROM indicators) AS indicators,
           (SELECT count(*) FROM plan_documents) AS documents`);
  const row = found[0] ?? {};
  return {
    schemaVersion: await schemaVersion(connection),
    regions: Number(row['regions']),
    departmentFunctions: Number(row['functions']),
    indicators: Number(row['indicators']),
    planDocuments: Number(row['documents']),
  };
}
