import { createHash } from 'node:crypto';

const MAX = 32;

/** Four hex digits from a unit's name: the same unit gets the same suffix on every run. */
function nameTag(department: string): string {
  return createHash('sha256').update(department).digest('hex').slice(0, 4);
}

/**
 * A user name for a unit's reporter that a clerk can read: the region code and the unit's
 * function (`510104.education`). A unit whose function is unknown, or whose function another unit
 * of the region already took, gets a tag from its own name (`510104.unit-3fa2`), so running again
 * gives the same names; a counter settles what is still taken.
 * @example
 * reporterUsername({ regionCode: '510104', department: '锦江区教育局', function: 'education' }, new Set())
 * // '510104.education'
 */
export function reporterUsername(
  unit: { regionCode: string; department: string; function: string | null },
  taken: ReadonlySet<string>,
): string {
  const head = `${unit.regionCode}.`;
  const fn = (unit.function ?? '').replace(/[^a-z0-9_]/g, '');
  const plain = fn ? (head + fn).slice(0, MAX) : null;
  if (plain && !taken.has(plain)) return plain;
  const tagged = `${head}${(fn || 'unit').slice(0, MAX - head.length - 5)}-${nameTag(unit.department)}`;
  if (!taken.has(tagged)) return tagged;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = tagged.slice(0, MAX - suffix.length) + suffix;
    if (!taken.has(candidate)) return candidate;
  }
}
