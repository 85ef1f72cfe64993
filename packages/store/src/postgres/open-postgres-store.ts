import type { Store } from '../store.js';
import { migrate, NewerSchemaError } from '../migrations/index.js';
import { ReadPool } from '../read-pool.js';
import { WriteQueue } from '../write-queue.js';
import { NamedLocks } from '../named-locks.js';
import { advisoryLock } from './advisory-lock.js';
import { AnalyticsCopy } from './analytics-copy.js';
import { PostgresChangeFeed } from './postgres-change-feed.js';
import { PostgresDb } from './postgres-db.js';
import type { Db } from '../db.js';

const READERS = 4;

/** The server's address without its password, for messages and logs. */
export function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    if (u.searchParams.has('password')) u.searchParams.set('password', '***');
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

/** What a failed connection attempt means, in Chinese, from pg's error (its SQLSTATE or socket code). */
const REASONS_ZH: Record<string, string> = {
  ENOTFOUND: '找不到该主机',
  EAI_AGAIN: '暂时无法解析该主机名',
  ECONNREFUSED: '连接被拒绝（数据库服务器未运行，或主机、端口有误）',
  ETIMEDOUT: '连接超时',
  EHOSTUNREACH: '无法到达该主机',
  ENETUNREACH: '网络不可达',
  '28P01': '用户名或密码错误',
  '28000': '不允许该用户从此处登录',
  '3D000': '数据库不存在',
  '57P03': '数据库服务器正在启动或关闭',
  '53300': '数据库服务器连接数已满',
};

function reasonZh(error: unknown): string {
  const code = String((error as { code?: unknown }).code ?? '');
  if (REASONS_ZH[code]) return REASONS_ZH[code];
  const message = error instanceof Error ? error.message : '';
  if (/timeout/i.test(message)) return '连接超时';
  if (/Invalid URL|invalid connection string/i.test(message) || code === 'ERR_INVALID_URL') return '地址格式无效';
  return '无法建立连接';
}

/** Why the server could not be reached, on one line in both languages, naming the address (never its password). */
export class StoreUnreachableError extends Error {
  constructor(
    readonly location: string,
    readonly reason: string,
    readonly reasonZh = '无法建立连接',
  ) {
    super(`无法连接数据库 ${location}：${reasonZh} / cannot connect to the database ${location}: ${reason}`);
  }
}

async function connected(url: string, role: string): Promise<PostgresDb> {
  try {
    return await PostgresDb.connect(url, role);
  } catch (error) {
    const reason = (error as Error).message || String((error as { code?: string }).code ?? error);
    // pg's own messages name the user and database, never the password; one line all the same.
    throw new StoreUnreachableError(redactedUrl(url), reason.replaceAll(/\s+/g, ' ').trim(), reasonZh(error));
  }
}

/**
 * Opens a PostgreSQL database as the store: one writing connection (group commit works as on
 * DuckDB, one transaction per batch), a few readers, one connection LISTENing for other nodes'
 * changes, one holding advisory locks, and an in-memory DuckDB copy of the tables for the warehouse.
 */
export async function openPostgresStore(url: string): Promise<Store> {
  const writer = await connected(url, 'writer');
  const opened: Array<{ close: () => Promise<void> }> = [writer];
  try {
    await migrate(writer).catch((error: unknown) => {
      throw error instanceof NewerSchemaError ? error.at(redactedUrl(url)) : error;
    });
    const readers = await Promise.all(Array.from({ length: READERS }, () => connected(url, 'reader')));
    opened.push(...readers);
    const listener = await connected(url, 'listener');
    opened.push(listener);
    const copier = await connected(url, 'copier');
    opened.push(copier);
    const locker = await connected(url, 'locks');
    opened.push(locker);
    const locks = new NamedLocks(advisoryLock(locker));
    const changes = await PostgresChangeFeed.listen(listener);
    const copy = await AnalyticsCopy.open();
    const reads = new ReadPool<Db>(readers);
    return {
      backend: 'postgres',
      location: redactedUrl(url),
      file: null,
      connection: writer,
      writes: new WriteQueue(writer),
      reads,
      changes,
      connect: () => copy.connect(),
      refreshAnalyticsCopy: () => copier.session((client) => copy.refresh(client)),
      exclusively: (name, work, wait) => locks.exclusively(name, work, wait),
      close: async () => {
        await Promise.all(opened.map((c) => c.close()));
        copy.close();
      },
    };
  } catch (error) {
    await Promise.all(opened.map((c) => c.close()));
    throw error;
  }
}
