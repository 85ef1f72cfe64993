/**
 * Deterministic identifiers in the UUID format the API validates (version 8, "custom"): the
 * first group is the seed, the second the kind of record, the rest say which record it is, so
 * an id can be read back (`…-0003-8004-8013-510104000000` is department 4, 2025Q4, 锦江区).
 */

const PLAN = '0001';
const FORM = '0002';
const ASSIGNMENT = '0003';

function hex(value: number, width: number): string {
  return value.toString(16).padStart(width, '0');
}

/** The last group: the region code (6 or 9 digits) filled out to the 12 digits a UUID has there. */
const node = (regionCode: string) => regionCode.padEnd(12, '0');

/** Builds the ids of one generation run. */
export function idsFor(seed: number) {
  const tag = hex(seed >>> 0, 8);
  return {
    plan: (regionCode: string) => `${tag}-${PLAN}-8000-8000-${node(regionCode)}`,
    form: (functionIndex: number) => `${tag}-${FORM}-8${hex(functionIndex, 3)}-8000-000000000000`,
    assignment: (regionCode: string, functionIndex: number, quarterIndex: number) =>
      `${tag}-${ASSIGNMENT}-8${hex(functionIndex, 3)}-8${hex(quarterIndex, 3)}-${node(regionCode)}`,
  };
}

export type Ids = ReturnType<typeof idsFor>;
