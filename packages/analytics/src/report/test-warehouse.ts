import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { parsePeriod, periodDates, periodsWithin } from '@kesu/schema';
import type { SqlQuery } from '../charts/shared/sql-query.js';
import { createTableSql, WAREHOUSE_TABLES } from '../warehouse/tables.js';

/**
 * Test support (not part of the API): an in-memory warehouse with the documented tables, a small
 * region tree and every year, half and quarter of 2020–2026, for the report builders' tests.
 */

export type TableRows = Record<string, Record<string, DuckDBValue>[]>;

/** Xinjiang with two prefectures that report, one that does not, and Beijing outside it. */
export const REGIONS = {
  xinjiang: { code: '650000', name: '新疆维吾尔自治区', parent: null },
  kizilsu: { code: '653000', name: '克孜勒苏柯尔克孜自治州', parent: '650000' },
  akto: { code: '653022', name: '阿克陶县', parent: '653000' },
  akqi: { code: '653023', name: '阿合奇县', parent: '653000' },
  urumqi: { code: '650100', name: '乌鲁木齐市', parent: '650000' },
  tianshan: { code: '650102', name: '天山区', parent: '650100' },
  changji: { code: '652300', name: '昌吉回族自治州', parent: '650000' },
  beijing: { code: '110000', name: '北京市', parent: null },
  dongcheng: { code: '110101', name: '东城区', parent: '110000' },
} as const;

type Region = (typeof REGIONS)[keyof typeof REGIONS];
const regions: Region[] = Object.values(REGIONS);
const byCode = new Map<string, Region>(regions.map((r) => [r.code, r]));

function ancestors(region: Region): Region[] {
  const parent = region.parent === null ? undefined : byCode.get(region.parent);
  return parent ? [region, ...ancestors(parent)] : [region];
}

function regionRows(): TableRows {
  const LEVELS = ['province', 'prefecture', 'county'];
  return {
    dim_region: regions.map((r) => {
      const chain = ancestors(r).reverse();
      return {
        region_code: r.code,
        name: r.name,
        short: r.name,
        level: LEVELS[chain.length - 1] ?? null,
        depth: chain.length - 1,
        parent_code: r.parent,
        province_code: chain[0]?.code ?? null,
        prefecture_code: chain[1]?.code ?? null,
      };
    }),
    region_tree: regions.flatMap((r) =>
      ancestors(r).map((a, distance) => ({ ancestor_code: a.code, region_code: r.code, distance })),
    ),
  };
}

function periodRows(): TableRows {
  const iso = (d: Date): string => d.toISOString().slice(0, 10);
  const codes = [2020, 2021, 2022, 2023, 2024, 2025, 2026].flatMap((y) => [
    String(y),
    ...periodsWithin(String(y), 'half'),
    ...periodsWithin(String(y), 'quarter'),
  ]);
  return {
    dim_period: codes.map((code) => {
      const p = parsePeriod(code);
      const { start, end } = periodDates(code);
      const quarter = p?.kind === 'quarter' ? p.index : null;
      const half = p?.kind === 'half' ? p.index : quarter === null ? null : Math.ceil(quarter / 2);
      return {
        period: code,
        period_type: p?.kind ?? null,
        year: p?.year ?? null,
        half,
        quarter,
        month: null,
        start_date: iso(start),
        end_date: iso(new Date(end.getTime() - 86_400_000)),
      };
    }),
  };
}

export interface TestWarehouse {
  /** Runs a report's query and returns its rows as the API would (`getRowObjectsJson`). */
  query<T>(q: SqlQuery): Promise<T[]>;
  close(): void;
}

/** Opens the warehouse with the fixture regions and periods plus `rows` (columns left out are NULL). */
export async function openTestWarehouse(rows: TableRows): Promise<TestWarehouse> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const all = { ...regionRows(), ...periodRows(), ...rows };
  for (const table of WAREHOUSE_TABLES) {
    await connection.run(createTableSql(table));
    const names = new Set(table.columns.map((c) => c.name));
    for (const row of all[table.name] ?? []) {
      const unknown = Object.keys(row).filter((k) => !names.has(k));
      if (unknown.length > 0) throw new Error(`${table.name} has no column ${unknown.join(', ')}`);
      const columns = Object.keys(row);
      // Tests name assignments with short labels; a UUID column takes them hashed into a UUID.
      const placeholders = columns
        .map((c, i) => (c === 'assignment_id' ? `md5($${i + 1}::VARCHAR)::UUID` : `$${i + 1}`))
        .join(', ');
      await connection.run(
        `INSERT INTO ${table.name} (${columns.join(', ')}) VALUES (${placeholders})`,
        Object.values(row),
      );
    }
  }
  return {
    query: async <T>(q: SqlQuery) =>
      (await connection.runAndReadAll(q.sql, q.params)).getRowObjectsJson() as unknown as T[],
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
