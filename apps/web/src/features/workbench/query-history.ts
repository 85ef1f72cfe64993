/** A query as it was run, for the history list. */
export interface HistoryEntry {
  sql: string;
  /** ISO time it was run. */
  at: string;
  /** Rows returned, or null when it failed. */
  rows: number | null;
  ms: number | null;
}

export const HISTORY_SIZE = 50;

/** The history with a new run on top: the same text again moves up rather than repeating. */
export function withEntry(history: readonly HistoryEntry[], entry: HistoryEntry, size = HISTORY_SIZE): HistoryEntry[] {
  return [entry, ...history.filter((h) => h.sql.trim() !== entry.sql.trim())].slice(0, size);
}

const keyOf = (user: string) => `kesu.sql.history.${user}`;

/** The history kept in this browser for a user; anything unreadable is forgotten. */
export function loadHistory(
  user: string,
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): HistoryEntry[] {
  try {
    const saved = JSON.parse(storage?.getItem(keyOf(user)) ?? '[]') as unknown;
    return Array.isArray(saved)
      ? saved
          .filter(
            (h): h is HistoryEntry =>
              typeof h === 'object' && h !== null && typeof (h as HistoryEntry).sql === 'string',
          )
          .slice(0, HISTORY_SIZE)
      : [];
  } catch {
    return [];
  }
}

export function saveHistory(
  user: string,
  history: readonly HistoryEntry[],
  storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage,
): void {
  try {
    storage?.setItem(keyOf(user), JSON.stringify(history));
  } catch {
    // A full storage quota loses the history, never the query.
  }
}
