import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatBeijingFileStamp } from '@kesu/schema';
import { backupStore, endAllSessionsAndCodes, inspectBackup, openStore } from '@kesu/store';
import { invocationDir, storeFile } from '../../config.js';
import type { Command } from '../command.js';
import { openContext } from './open-context.js';

// Names say when in Beijing time, the time people here read, with the offset so none mistakes it.
const stamp = () => formatBeijingFileStamp(Date.now());

export const backupCommand: Command = {
  usage: 'kesu backup [--out FILE]',
  summaryZh: '备份数据库（默认写入 data/backups/）',
  summaryEn: 'back up the database (to data/backups/ unless --out)',
  async run(args, io) {
    let values;
    try {
      ({ values } = parseArgs({ args, strict: true, options: { out: { type: 'string' } } }));
    } catch (error) {
      io.err(`kesu backup: ${(error as Error).message}\n`);
      return 2;
    }
    const ctx = await openContext();
    try {
      const target = values.out
        ? path.resolve(invocationDir(), values.out)
        : path.join(ctx.dataDir, 'backups', `kesu-${stamp()}.duckdb`);
      if (existsSync(target)) {
        io.err(`kesu backup: 文件已存在 / file exists: ${target}\n`);
        return 1;
      }
      await backupStore(ctx.store, target);
      io.out(`已备份 / backed up to ${target}\n`);
      return 0;
    } finally {
      await ctx.close();
    }
  },
};

export const restoreCommand: Command = {
  usage: 'kesu restore FILE',
  summaryZh: '从备份恢复数据库（当前数据库先另存到 data/backups/）',
  summaryEn: 'restore the database from a backup (the current one is kept in data/backups/)',
  async run(args, io) {
    const [file, ...extra] = args;
    if (!file || extra.length > 0 || file.startsWith('-')) {
      io.err(`kesu restore: 需要一个备份文件 / exactly one backup FILE is needed\n`);
      return 2;
    }
    const source = path.resolve(invocationDir(), file);
    if (!existsSync(source)) {
      io.err(`kesu restore: 文件不存在 / no such file: ${file}\n`);
      return 1;
    }
    try {
      await inspectBackup(source);
    } catch (error) {
      io.err(`kesu restore: 不是可用的备份 / not a usable backup: ${(error as Error).message.split('\n')[0]}\n`);
      return 1;
    }
    // Opening the current store proves no server holds it, and keeps it before it is replaced.
    const ctx = await openContext();
    const keep = path.join(ctx.dataDir, 'backups', `pre-restore-${stamp()}.duckdb`);
    try {
      await backupStore(ctx.store, keep);
    } finally {
      await ctx.close();
    }
    mkdirSync(path.dirname(storeFile()), { recursive: true });
    // A write-ahead log left beside the old file must not be replayed onto the restored one.
    rmSync(`${storeFile()}.wal`, { force: true });
    copyFileSync(source, `${storeFile()}.restoring`);
    renameSync(`${storeFile()}.restoring`, storeFile());
    const restored = await openStore(storeFile());
    let ended: { sessions: number; codes: number };
    try {
      ended = await endAllSessionsAndCodes(restored.connection);
    } finally {
      await restored.close();
    }
    io.out(
      `已恢复 / restored from ${source}\n  原数据库已保存 / the previous database is kept at ${keep}\n` +
        `  已结束 ${ended.sessions} 个会话与令牌、作废 ${ended.codes} 个未用的登录码，请重新登录 / ` +
        `ended ${ended.sessions} sessions and tokens and voided ${ended.codes} unused log-in codes: log in again\n`,
    );
    return 0;
  },
};
