import pg from 'pg';
import { placeholders, sqlTimestamp, type Cell, type Db, type Params, type Row } from '../db.js';

// Times and dates come back as the text DuckDB gives too (`2024-03-01 08:30:00.123`, `2024-03-01`),
// not as Dates in the process's own time zone. Stored times are UTC.
const AS_TEXT = new Set([pg.types.builtins.TIMESTAMP, pg.types.builtins.TIMESTAMPTZ, pg.types.builtins.DATE]);
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => (AS_TEXT.has(oid) ? (value: string) => value : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser,
};

/** The settings every connection starts with: UTC, and a name that says what holds it. */
export function clientConfig(url: string, role: string): pg.ClientConfig {
  return { connectionString: url, types, application_name: `kesu ${role}`, options: '-c TimeZone=UTC', connectionTimeoutMillis: 10_000 };
}

// PostgreSQL binds at most 65,535 parameters in one statement.
const MAX_PARAMS = 65_535;

const cellParam = (cell: Cell): unknown => (cell instanceof Date ? sqlTimestamp(cell) : cell);

/** A connection to PostgreSQL, which other API nodes write to as well. */
export class PostgresDb implements Db {
  readonly dialect = 'postgres';
  readonly shared = true;

  constructor(readonly client: pg.Client) {}

  static async connect(url: string, role: string): Promise<PostgresDb> {
    const client = new pg.Client(clientConfig(url, role));
    await client.connect();
    // A connection lost between requests is reported by the next query; unhandled, it would end the process.
    client.on('error', () => undefined);
    return new PostgresDb(client);
  }

  async rows(sql: string, params?: Params): Promise<Row[]> {
    return (await this.client.query(sql, params as unknown[] | undefined)).rows as Row[];
  }

  async exec(sql: string, params?: Params): Promise<number> {
    return (await this.client.query(sql, params as unknown[] | undefined)).rowCount ?? 0;
  }

  async script(sql: string): Promise<void> {
    await this.client.query(sql);
  }

  async append(table: string, rows: readonly Cell[][]): Promise<void> {
    if (rows.length === 0) return;
    const width = rows[0]?.length ?? 1;
    const per = Math.floor(MAX_PARAMS / width);
    for (let start = 0; start < rows.length; start += per) {
      const chunk = rows.slice(start, start + per);
      await this.client.query(`INSERT INTO ${table} VALUES ${placeholders(chunk.length, width)}`, chunk.flat().map(cellParam));
    }
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }
}
