import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { WH } from './catalog.js';
import { createTableSql, tableRowsSql, WAREHOUSE_TABLES } from './tables.js';

describe('a documented table as people read it', () => {
  it('has every column in the documented order, dates and times as text', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      const table = WAREHOUSE_TABLES.find((t) => t.name === 'fact_submission');
      if (!table) throw new Error('fact_submission is documented');
      await connection.run(`ATTACH ':memory:' AS ${WH}`);
      await connection.run(`USE ${WH}`);
      await connection.run(createTableSql(table));
      await connection.run(
        `INSERT INTO fact_submission (form_id, due_date, submitted_at, late)
         VALUES ('f', DATE '2025-03-31', TIMESTAMP '2025-04-01 08:00:00.5', true)`,
      );
      const reader = await connection.runAndReadAll(tableRowsSql(table));
      expect(reader.columnNames()).toEqual(table.columns.map((c) => c.name));
      expect(reader.getRowObjectsJson()[0]).toMatchObject({
        form_id: 'f',
        due_date: '2025-03-31',
        submitted_at: '2025-04-01 08:00:00.5',
        late: true,
      });
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
