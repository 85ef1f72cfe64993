/** A forward-only schema change; versions are consecutive from 1. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
