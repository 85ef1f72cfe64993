import type { ProcessLock } from '../named-locks.js';
import type { PostgresDb } from './postgres-db.js';

/**
 * Locks among every process serving one PostgreSQL database: session-level advisory locks on a
 * connection of their own, names hashed to the 64-bit keys PostgreSQL locks on. A lock lost with
 * its connection is simply gone, so work done under one must stay correct (only slower) if it
 * ever ran twice at once.
 */
export function advisoryLock(db: PostgresDb): ProcessLock {
  return {
    take: async (name, wait) => {
      if (wait) {
        await db.exec('SELECT pg_advisory_lock(hashtextextended($1, 0))', [name]);
        return true;
      }
      return (
        (await db.rows('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS got', [name]))[0]?.['got'] === true
      );
    },
    // A connection lost meanwhile took the lock with it: nothing is left to release.
    release: (name) =>
      db.exec('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [name]).then(
        () => undefined,
        () => undefined,
      ),
  };
}
