import { createHash } from 'node:crypto';
import type { Db } from '../db.js';

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
export async function savePlanDocument(connection: Db, name: string, text: string): Promise<StoredDocument> {
  const sha256 = documentSha256(text);
  await connection.exec('INSERT INTO plan_documents (sha256, name, text) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
    sha256,
    name,
    text,
  ]);
  return { sha256, name, chars: text.length };
}

/** A stored document's text, '' when none is stored under that key (a plan written without one). */
export async function planDocumentText(connection: Db, sha256: string): Promise<string> {
  const found = await connection.rows('SELECT text FROM plan_documents WHERE sha256 = $1', [sha256]);
  return String(found[0]?.['text'] ?? '');
}

/** Every stored plan document, without its text. */
export async function listPlanDocuments(connection: Db): Promise<StoredDocument[]> {
  const found = await connection.rows('SELECT sha256, name, length(text) AS chars FROM plan_documents ORDER BY name');
  return found.map((r) => ({ sha256: String(r['sha256']), name: String(r['name']), chars: Number(r['chars']) }));
}
