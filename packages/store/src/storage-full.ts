/** What file systems and PostgreSQL say when a write finds no space (ENOSPC, a quota, SQLSTATE 53100 disk_full). */
const NO_SPACE = /No space left on device|ENOSPC|Disk quota exceeded|EDQUOT|could not extend file/i;

/**
 * Whether an error, or any error it was caused by, is a write that found the disk full. Nothing
 * of the failed write was kept; what was stored before it is unchanged.
 */
export function isStorageFull(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 10; e = e.cause, depth++) {
    if (
      (e as { code?: unknown }).code === '53100' ||
      (e as { code?: unknown }).code === 'ENOSPC' ||
      NO_SPACE.test(e.message)
    )
      return true;
  }
  return false;
}

/**
 * Whether DuckDB has set an attached database aside (a checkpoint into its file failed, usually
 * for want of space) or a reattach of it did not finish: until it is detached and attached again,
 * every statement that touches it fails.
 */
export function isDetachedByFailure(error: unknown, catalog: string): boolean {
  if (!(error instanceof Error)) return false;
  return (
    error.message.includes(`Database "${catalog}" has been invalidated`) ||
    error.message.includes(`Catalog "${catalog}" does not exist`)
  );
}

/**
 * What a catalog's owner calls with every failure: when the failure says DuckDB set the catalog
 * aside, `reattach` (detach, attach again: the log is replayed) runs, once at a time whoever asks.
 * Answers what stopped the attach (the disk still full), if anything; the next failure tries again.
 */
export function reattachAfterFailure(
  catalog: string,
  reattach: () => Promise<void>,
): (error: unknown) => Promise<unknown> {
  let running: Promise<unknown> | null = null;
  return async (error) => {
    if (!isDetachedByFailure(error, catalog)) return undefined;
    running ??= reattach()
      .then(
        () => undefined,
        (failure: unknown) => failure,
      )
      .finally(() => (running = null));
    return running;
  };
}
