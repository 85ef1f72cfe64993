import { createHash } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';

export interface StoredDocument {
  sha256: string;
  name: string;
  chars: number;
}

/** Stores a plan document's text once, keyed by its SHA-256; importing it again changes nothing. */
export async function savePlanDocument(connection: DuckDBConnection, name: string, text: string): Promise<StoredDocument> {
  const sha256 = createHash('sha256').update(text).digest('hex');
  await connection.run('INSERT INTO plan_documents (sha256, name, text) VALUES ($sha256, $name, $text) ON CONFLICT DO NOTHING', {
    sha256,
    name,
    text,
  });
  return { sha256, name, chars: text.length };
}

/** Every stored plan document, without its text. */
export async function listPlanDocuments(connection: DuckDBConnection): Promise<StoredDocument[]> {
  const reader = await connection.runAndReadAll('SELECT sha256, name, length(text) AS chars FROM plan_documents ORDER BY name');
  return reader.getRowObjects().map((r) => ({ sha256: String(r['sha256']), name: String(r['name']), chars: Number(r['chars']) }));
}
