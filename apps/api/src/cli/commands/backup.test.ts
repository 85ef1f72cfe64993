import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatBeijingFileStamp } from '@kesu/schema';
import { findLoginCode, findSession, findUserByUsername, insertSession, issueLoginCode, openStore } from '@kesu/store';
import { kesu } from '../../../test/cli.js';

let dir: string;
const zone = process.env['TZ'];
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kesu-backup-'));
  process.env['KESU_DATA_DIR'] = dir;
  // A server clock on UTC is the usual case, and the one where the names used to read as UTC.
  process.env['TZ'] = 'UTC';
});
afterAll(() => {
  if (zone === undefined) delete process.env['TZ'];
  else process.env['TZ'] = zone;
  rmSync(dir, { recursive: true, force: true });
});

describe('kesu backup', () => {
  it('names the backup by the Beijing time it was made, offset included', async () => {
    const before = formatBeijingFileStamp(Date.now());
    const result = await kesu('backup');
    const after = formatBeijingFileStamp(Date.now());
    expect(result.code, result.err).toBe(0);
    const file = /backed up to (\S+)/.exec(result.out)?.[1] ?? '';
    expect(existsSync(file)).toBe(true);
    const stamp =
      /^kesu-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}\+0800)\.duckdb$/.exec(path.basename(file))?.[1] ?? '';
    expect(stamp >= before && stamp <= after, `${stamp} between ${before} and ${after}`).toBe(true);
  });
});

describe('kesu restore', () => {
  it(
    'brings the backup back, keeps the database it replaced, ' +
      'and lets no session, token or unused code of the backup come back',
    async () => {
      expect((await kesu('user', 'add', 'restorer', '--role', 'admin')).code).toBe(0);
      const store = await openStore(path.join(dir, 'kesu.duckdb'));
      const user = await findUserByUsername(store.connection, 'restorer');
      await insertSession(store.connection, {
        tokenHash: 'cookie-hash',
        userId: user!.id,
        csrf: 'c',
        kind: 'cookie',
        expiresAt: '2099-01-01 00:00:00',
      });
      await insertSession(store.connection, {
        tokenHash: 'bearer-hash',
        userId: user!.id,
        csrf: 'b',
        kind: 'bearer',
        expiresAt: '2099-01-01 00:00:00',
      });
      await issueLoginCode(store.connection, {
        userId: user!.id,
        codeHash: 'code-hash',
        createdBy: 'office',
        expiresAt: new Date('2099-01-01'),
      });
      await store.close();
      const backup = /backed up to (\S+)/.exec((await kesu('backup')).out)?.[1] ?? '';

      const restored = await kesu('restore', backup);
      expect(restored.code, restored.err).toBe(0);
      expect(restored.out).toMatch(
        new RegExp(
          String.raw`^已恢复 \/ restored from .+\n` +
            String.raw` {2}原数据库已保存 \/ the previous database is kept at .+pre-restore-.+\.duckdb\n` +
            String.raw` {2}已结束 2 个会话与令牌、作废 1 个未用的登录码，请重新登录 \/ ` +
            String.raw`ended 2 sessions and tokens and voided 1 unused log-in codes: log in again\n$`,
        ),
      );
      const after = await openStore(path.join(dir, 'kesu.duckdb'));
      try {
        expect(await findUserByUsername(after.connection, 'restorer')).toBeDefined();
        expect(await findSession(after.connection, 'cookie-hash')).toBeUndefined();
        expect(await findSession(after.connection, 'bearer-hash')).toBeUndefined();
        expect((await findLoginCode(after.connection, user!.id, 'code-hash'))?.voidedAt).not.toBeNull();
      } finally {
        await after.close();
      }
    },
    60_000,
  );
});
