import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from './database.js';
import { rows, sqlTimestamp, timestampText } from './sql.js';

let dir: string;
let store: Store;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'kesu-sql-'));
  store = await openStore(path.join(dir, 'kesu.duckdb'));
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('times read back from the database', () => {
  it.each(['2026-11-23T18:30:17.630Z', '2026-11-23T18:30:17.600Z', '2026-11-23T18:30:17.000Z', '2026-11-23T18:30:17.123Z'])('come out as the text that stored %s', async (iso) => {
    const stamp = sqlTimestamp(new Date(iso));
    const [row] = await rows(store.connection, 'SELECT $1::TIMESTAMP AS at', [stamp]);
    expect(timestampText(row?.['at'])).toBe(stamp);
  });

  it('keep to the millisecond when the database holds finer times', async () => {
    const [row] = await rows(store.connection, "SELECT TIMESTAMP '2026-11-23 18:30:17.123456' AS at");
    expect(timestampText(row?.['at'])).toBe('2026-11-23 18:30:17.123');
  });

  it('leave text that is no time as it is', () => {
    expect(timestampText('infinity')).toBe('infinity');
  });
});
