/** Socket errors that mean the server cannot be reached or the connection to it broke. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENETDOWN',
]);

/**
 * SQLSTATEs of a server going away or not taking connections: class 08 (connection exception),
 * 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, 53300 too_many_connections.
 */
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300']);

/** What pg itself says when a connection died under it or was ended. */
const CLIENT_MESSAGE_STARTS = [
  'Connection terminated',
  'Client has encountered a connection error',
  'Client was closed and is not queryable',
  'timeout expired',
].join('|');
const CLIENT_MESSAGES = new RegExp(`^(${CLIENT_MESSAGE_STARTS})`);

/** Whether an error from pg means the connection is gone (or could not be made), not that the SQL failed. */
export function isConnectionLoss(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || SERVER_CODES.has(code) || code.startsWith('08')))
    return true;
  return CLIENT_MESSAGES.test(error.message);
}

/**
 * The database cannot be reached just now: its server is down, restarting, or the connection to it
 * broke mid-statement. Nothing of a transaction that failed with it was acknowledged; the same
 * request may be tried again once the server is back.
 */
export class DatabaseUnavailableError extends Error {
  constructor(readonly reason: Error) {
    super(`数据库暂时无法连接 / the database cannot be reached: ${reason.message}`, { cause: reason });
    this.name = 'DatabaseUnavailableError';
  }
}

/**
 * Whether an error, or any error it was caused by, is the database being out of reach. Only the
 * store's own `DatabaseUnavailableError` counts: a refused connection to a mail server is not one.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 10; e = e.cause, depth++) {
    if (e instanceof DatabaseUnavailableError) return true;
  }
  return false;
}

/**
 * SQLSTATEs of a statement stopped at its connection's limits: 57014 query_canceled (it ran past
 * statement_timeout) and 55P03 lock_not_available (it waited past lock_timeout for a lock).
 */
const BUSY_CODES = new Set(['57014', '55P03']);

/** Whether an error, or any error it was caused by, is a statement stopped at a time limit: nothing of it was kept. */
export function isDatabaseBusy(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 10; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && BUSY_CODES.has(code)) return true;
  }
  return false;
}
