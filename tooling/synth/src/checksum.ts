import { createHash } from 'node:crypto';
import { DuckDBInstance } from '@duckdb/node-api';

/** Every table the generator fills, with the key that orders its rows. */
const TABLES: ReadonlyArray<[string, string]> = [
  ['regions', 'code'],
  ['department_functions', 'code'],
  ['indicators', 'code'],
  ['plan_documents', 'sha256'],
  ['plans', 'id'],
  ['plan_revisions', 'plan_id, revision'],
  ['forms', 'id'],
  ['form_versions', 'form_id, version'],
  ['assignments', 'id'],
  ['submission_revisions', 'assignment_id, revision'],
];

/**
 * SHA-256 of a canonical dump of a generated store: each table's rows in key order, as JSON
 * lines. Equal for equal data whatever the file's physical layout; the migrations table is
 * left out, as it records when the file was created.
 */
export async function checksumStore(file: string): Promise<string> {
  const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  const hash = createHash('sha256');
  try {
    for (const [table, key] of TABLES) {
      hash.update(`# ${table}\n`);
      const result = await connection.stream(`SELECT * FROM ${table} ORDER BY ${key}`);
      for await (const rows of result.yieldRowsJson()) for (const row of rows) hash.update(`${JSON.stringify(row)}\n`);
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return hash.digest('hex');
}
