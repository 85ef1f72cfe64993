import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Row } from '@kesu/store';
import { createTestDatabase } from '@kesu/store/testing';
import { generateNational, type GenerateResult } from '../src/index.js';

const SEED = 5;

let dir: string;
let file: string;
let postgres: { url: string; drop: () => Promise<void> };
let onDuckDb: GenerateResult;
let onPostgres: GenerateResult;

/** The tables the generator writes, each a digest of all its rows. */
const TABLES = [
  'plan_documents',
  'plans',
  'plan_revisions',
  'forms',
  'form_versions',
  'assignments',
  'submission_revisions',
];

/**
 * Bookkeeping one engine keeps and the other has no need of: which transaction wrote a row
 * (PostgreSQL, for the analytics copy).
 */
const ENGINE_ONLY = new Set(['written_by']);

const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?$/;

/** A cell as both engines give it alike: a time as milliseconds (they print fractions differently). */
const canonical = (value: unknown): unknown =>
  typeof value === 'string' && TIMESTAMP.test(value) ? Date.parse(`${value.replace(' ', 'T')}Z`) : value;

/**
 * What the generator wrote, in terms both engines give alike: row counts, the total length of
 * the submission values, and a SHA-256 of every row of each table it writes.
 */
async function digest(location: string): Promise<Row> {
  const store = await openStore(location);
  try {
    const [counts] = await store.connection.rows(`SELECT
      (SELECT count(*) FROM plans) AS plans, (SELECT count(*) FROM assignments) AS assignments,
      (SELECT count(*) FROM submission_revisions) AS revisions,
      (SELECT sum(length(submission_values)) FROM submission_revisions) AS value_chars`);
    const result: Row = Object.fromEntries(Object.entries(counts ?? {}).map(([k, v]) => [k, Number(v)]));
    for (const table of TABLES) {
      // Sorted here: the engines may order text by different collations.
      const lines = (await store.connection.rows(`SELECT * FROM ${table}`))
        .map((r) =>
          JSON.stringify(
            Object.entries(r)
              .filter(([column]) => !ENGINE_ONLY.has(column))
              .map(([, value]) => canonical(value)),
          ),
        )
        .sort();
      result[`${table}_sha256`] = createHash('sha256').update(lines.join('\n')).digest('hex');
    }
    return result;
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'kesu-synth-backends-'));
  file = path.join(dir, 'tiny.duckdb');
  postgres = await createTestDatabase();
  onDuckDb = await generateNational({ location: file, scale: 'tiny', seed: SEED });
  onPostgres = await generateNational({ location: postgres.url, scale: 'tiny', seed: SEED });
}, 180_000);

afterAll(async () => {
  await postgres.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('generateNational on DuckDB and on PostgreSQL', () => {
  it('writes the same rows for the same seed', async () => {
    expect({ ...onPostgres, ms: 0 }).toEqual({ ...onDuckDb, ms: 0 });
    const [duck, pg] = [await digest(file), await digest(postgres.url)];
    expect(duck).toMatchObject({ plans: 4, assignments: onDuckDb.assignments, revisions: onDuckDb.revisions });
    expect(duck['value_chars']).toBeGreaterThan(0);
    expect(pg).toEqual(duck);
  });

  it('refuses a PostgreSQL database that already holds regions', async () => {
    await expect(generateNational({ location: postgres.url, scale: 'tiny', seed: SEED })).rejects.toThrow(
      /already holds regions/,
    );
  });
});
