import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows, sqlTimestamp, timestampText } from './sql.js';
import { BACKENDS, openTestStore, type TestStore } from './testing/index.js';

describe.each(BACKENDS)('on %s', (backend) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore(backend);
  });
  afterAll(() => t.dispose());

  describe('times read back from the database', () => {
    it.each([
      '2026-11-23T18:30:17.630Z',
      '2026-11-23T18:30:17.600Z',
      '2026-11-23T18:30:17.000Z',
      '2026-11-23T18:30:17.123Z',
    ])('come out as the text that stored %s', async (iso) => {
      const stamp = sqlTimestamp(new Date(iso));
      const [row] = await rows(t.store.connection, 'SELECT $1::TIMESTAMP AS at', [stamp]);
      expect(timestampText(row?.['at'])).toBe(stamp);
    });

    it('keep to the millisecond when the database holds finer times', async () => {
      const [row] = await rows(t.store.connection, "SELECT TIMESTAMP '2026-11-23 18:30:17.123456' AS at");
      expect(timestampText(row?.['at'])).toBe('2026-11-23 18:30:17.123');
    });

    it('are UTC whatever the server is set to', async () => {
      const [row] = await rows(
        t.store.connection,
        "SELECT CAST(CAST('2026-11-23 18:30:17+08' AS TIMESTAMPTZ) AS TIMESTAMP) AS at",
      );
      expect(timestampText(row?.['at'])).toBe('2026-11-23 10:30:17.000');
    });

    it('leave text that is no time as it is', () => {
      expect(timestampText('infinity')).toBe('infinity');
    });
  });

  describe('parameters', () => {
    it('bind lists, flags, NULL and dates alike', async () => {
      const [row] = await rows(
        t.store.connection,
        "SELECT (SELECT count(*) FROM (SELECT unnest($1::VARCHAR[]) AS x) l WHERE x IN ('a', 'c')) AS n, " +
          '$2::BOOLEAN AS flag, $3::VARCHAR AS nothing, CAST($4::DATE AS VARCHAR) AS day',
        [['a', 'b', 'c'], true, null, '2025-01-31'],
      );
      expect({ ...row, n: Number(row?.['n']) }).toEqual({ n: 2, flag: true, nothing: null, day: '2025-01-31' });
    });
  });
});
