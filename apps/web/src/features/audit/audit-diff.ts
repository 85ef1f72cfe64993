/** One key of a recorded change: its value before and after. */
export interface ValueChange {
  /** The key within the value; '' when the value is a single number or text. */
  key: string;
  kind: 'added' | 'removed' | 'changed';
  before: unknown;
  after: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What a recorded change changed: only the keys whose value differs between the previous and the
 * new value (every key when the thing was created or deleted).
 * @example changedKeys({ status: 'draft', revision: 1 }, { status: 'submitted', revision: 2 }) // two changes
 */
export function changedKeys(previous: unknown, next: unknown): ValueChange[] {
  const before = previous ?? null;
  const after = next ?? null;
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key): ValueChange[] => {
      if (!(key in before)) return [{ key, kind: 'added', before: undefined, after: after[key] }];
      if (!(key in after)) return [{ key, kind: 'removed', before: before[key], after: undefined }];
      return same(before[key], after[key]) ? [] : [{ key, kind: 'changed', before: before[key], after: after[key] }];
    });
  }
  if (before === null && isRecord(after))
    return Object.entries(after).map(([key, value]) => ({ key, kind: 'added', before: undefined, after: value }));
  if (isRecord(before) && after === null)
    return Object.entries(before).map(([key, value]) => ({ key, kind: 'removed', before: value, after: undefined }));
  if (same(before, after)) return [];
  return [
    {
      key: '',
      kind: before === null ? 'added' : after === null ? 'removed' : 'changed',
      before: before ?? undefined,
      after: after ?? undefined,
    },
  ];
}

/**
 * A value as short text for a table cell: text as it is, lists and objects as compact JSON, cut
 * at `max` characters.
 * @example shortValue({ a: 1 }) // '{"a":1}'
 */
export function shortValue(value: unknown, max = 60): string {
  if (value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A value in full, for the expanded view: text as it is, anything else as indented JSON. */
export function fullValue(value: unknown): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}
