import { createHash } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';

export interface StoredDocument {
  sha256: string;
  name: string;
  chars: number;
}

/** The key a document's normalised text is stored under, and two imports of one document share. */
export function documentSha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Stores a plan document's text once, keyed by its SHA-256; importing it again changes nothing. */
export async function savePlanDocument(connection: DuckDBConnection, name: string, text: string): Promise<StoredDocument> {
  const sha256 = documentSha256(text);
  await connection.run('INSERT INTO plan_documents (sha256, name, text) VALUES ($sha256, $name, $text) ON CONFLICT DO NOTHING', {
    sha256,
    name,
    text,
  });
  return { sha256, name, chars: text.length };
}

/** A stored document's text, '' when none is stored under that key (a plan written without one). */
export async function planDocumentText(connection: DuckDBConnection, sha256: string): Promise<string> {
  const reader = await connection.runAndReadAll('SELECT text FROM plan_documents WHERE sha256 = $1', [sha256]);
  return String(reader.getRowObjects()[0]?.['text'] ?? '');
}

/** Every stored plan document, without its text. */
export async function listPlanDocuments(connection: DuckDBConnection): Promise<StoredDocument[]> {
  const reader = await connection.runAndReadAll('SELECT sha256, name, length(text) AS chars FROM plan_documents ORDER BY name');
  return reader.getRowObjects().map((r) => ({ sha256: String(r['sha256']), name: String(r['name']), chars: Number(r['chars']) }));
}
