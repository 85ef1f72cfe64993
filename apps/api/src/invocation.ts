import { AsyncLocalStorage } from 'node:async_hooks';
import type { AppContext } from './context.js';

/**
 * A command that a running `kesu serve` runs for another `kesu` process: the folder that process
 * ran in (relative paths it was given name files there) and the server's open context (the one
 * writer of the embedded database).
 */
export interface ServedInvocation {
  cwd: string;
  ctx: AppContext;
}

// Per async call chain, so the HTTP requests the server answers meanwhile are not in it.
const served = new AsyncLocalStorage<ServedInvocation>();

/** Runs `fn` as a command served for another process. */
export function runServed<T>(invocation: ServedInvocation, fn: () => Promise<T>): Promise<T> {
  return served.run(invocation, fn);
}

/** The command being served in this call chain, if any. */
export function servedInvocation(): ServedInvocation | undefined {
  return served.getStore();
}
