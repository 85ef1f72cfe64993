import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS, createTestDatabase } from '@kesu/store/testing';
import { MIGRATIONS } from '@kesu/store';
import { kesu } from '../../../test/cli.js';

describe.each(BACKENDS)('kesu doctor on %s', (backend) => {
  let dir: string;
  let database: string[] = [];
  let drop = async () => undefined as void;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kesu-doctor-'));
    process.env['KESU_DATA_DIR'] = dir;
    if (backend === 'postgres') {
      const created = await createTestDatabase();
      database = ['--database-url', created.url];
      drop = created.drop;
    }
  });
  afterEach(async () => {
    await drop();
    delete process.env['KESU_DATA_DIR'];
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the backend, its version, the migrations applied and whether the warehouse is current', async () => {
    const before = await kesu(...database, 'doctor');
    expect(before.code, before.err).toBe(0);
    expect(before.out).toContain(backend === 'postgres' ? 'PostgreSQL' : 'DuckDB');
    expect(before.out).toMatch(/版本 \/ version: \S+/);
    expect(before.out).toContain(`迁移 / migrations: ${MIGRATIONS.length} / ${MIGRATIONS.length}`);
    expect(before.out).not.toContain('已是最新 / current');

    const built = await kesu(...database, 'warehouse', 'build');
    expect(built.code, built.err).toBe(0);
    const after = await kesu(...database, 'doctor');
    expect(after.out).toContain('已是最新 / current');
    // On PostgreSQL the warehouse is a published file nodes sharing the folder read; on DuckDB, beside the store.
    const file = /文件 \/ file: (\S+?)(（|\n)/.exec(after.out)?.[1] ?? '';
    expect(path.dirname(file)).toBe(backend === 'postgres' ? path.join(dir, 'warehouse') : dir);
    expect(after.out.includes('shared by the nodes using this data folder')).toBe(backend === 'postgres');
  }, 120_000);
});
