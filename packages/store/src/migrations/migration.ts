/**
 * A forward-only schema change; versions are consecutive from 1. `sql` is read by both engines
 * unless `postgres` gives PostgreSQL's own form of the step.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  postgres?: string;
}
