import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../database.js';
import { isStorageFull } from '../storage-full.js';
import { mountSmallDisk, type SmallDisk } from '../testing/small-disk.js';

let disk: SmallDisk;
let store: Store;

beforeAll(async () => {
  disk = mountSmallDisk(32);
  store = await openStore(path.join(disk.dir, 'kesu.duckdb'));
  await store.writes.exclusive((db) => db.exec('CREATE TABLE notes (id INTEGER, body VARCHAR)'));
});
afterAll(async () => {
  await store?.close();
  disk?.remove();
});

const count = async () =>
  Number((await store.reads.read((db) => db.rows('SELECT count(*) AS n FROM notes')))[0]?.['n']);

describe('the embedded store on a disk that fills up', () => {
  it(
    'keeps every committed write when a checkpoint fails for want of space, ' +
      'and takes writes again once space returns, without a restart',
    async () => {
      // Enough room for the log, not for the checkpoint that copies it into the file.
      disk.fill(2 * 2 ** 20);
      let checkpoint: unknown = null;
      try {
        await store.writes.exclusive((db) =>
          db.exec('INSERT INTO notes SELECT i, md5(i::VARCHAR) FROM range(20000) t(i)'),
        );
        checkpoint = await store.writes
          .exclusive((db) => db.exec('CHECKPOINT'))
          .then(
            () => null,
            (error: unknown) => error,
          );
        expect(String(checkpoint)).toContain('has been invalidated');
        expect(isStorageFull(checkpoint)).toBe(true);
      } finally {
        disk.free();
      }
      // The first statement to touch the store after the failure finds its file set aside, fails,
      // and attaches the file again (replaying its log); the statements after it run as usual.
      await expect(count()).rejects.toThrow('has been invalidated');
      expect(await count()).toBe(20000);
      await store.writes.exclusive((db) => db.exec("INSERT INTO notes VALUES (20000, 'after')"));
      expect(await count()).toBe(20001);
    },
  );
});
