import type { WarehouseReader } from '@kesu/analytics';
import type { AnalyticsService } from './analytics-service.js';

/** The service's dashboard queries as the reader `@kesu/analytics`' report data functions take. */
export function warehouseReader(analytics: AnalyticsService): WarehouseReader {
  return (query) => analytics.query(query.sql, query.params);
}
