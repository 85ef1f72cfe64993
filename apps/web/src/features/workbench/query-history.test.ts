import { describe, expect, it } from 'vitest';
import { loadHistory, saveHistory, withEntry, type HistoryEntry } from './query-history';

const entry = (sql: string, at = '2025-01-01T00:00:00Z'): HistoryEntry => ({ sql, at, rows: 1, ms: 5 });

class MemoryStorage {
  items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

describe('query history', () => {
  it('puts the latest run on top and moves a repeated query up instead of repeating it', () => {
    const history = withEntry(
      withEntry(withEntry([], entry('SELECT 1')), entry('SELECT 2')),
      entry(' SELECT 1 ', 'later'),
    );
    expect(history.map((h) => h.sql)).toEqual([' SELECT 1 ', 'SELECT 2']);
  });

  it('keeps a bounded number of entries', () => {
    let history: HistoryEntry[] = [];
    for (let i = 0; i < 60; i++) history = withEntry(history, entry(`SELECT ${i}`));
    expect(history).toHaveLength(50);
    expect(history[0]?.sql).toBe('SELECT 59');
  });

  it('keeps each user’s history apart and forgets damaged storage', () => {
    const storage = new MemoryStorage();
    saveHistory('a', [entry('SELECT 1')], storage);
    expect(loadHistory('a', storage)).toEqual([entry('SELECT 1')]);
    expect(loadHistory('b', storage)).toEqual([]);
    storage.setItem('kesu.sql.history.c', '{not json');
    expect(loadHistory('c', storage)).toEqual([]);
  });
});
