import type { WarehouseReader } from '../progress/contributions.js';

/** How many regions lie directly under a region (the comparison charts compare them). */
export async function subRegionCount(read: WarehouseReader, regionCode: string): Promise<number> {
  const [row] = await read({
    sql: 'SELECT count(*)::INTEGER AS n FROM dim_region WHERE parent_code = $1',
    params: [regionCode],
  });
  return Number(row?.['n'] ?? 0);
}
