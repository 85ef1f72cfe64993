import { fileURLToPath } from 'node:url';
import { createContext } from '../../create-context.js';
import { databaseLocation, dataDir } from '../../config.js';
import type { AppContext } from '../../context.js';
import { servedInvocation } from '../../invocation.js';

/** The built web app beside the API in the workspace (apps/web/dist). */
export const WEB_DIR = fileURLToPath(new URL('../../../../web/dist', import.meta.url));

/**
 * Opens the data folder for a command, turning "locked by a running server" into a clear reason.
 * A command the running server runs for another process gets the server's own context instead:
 * a copy (what the command changes on it, such as its clock, stays with the command) whose close
 * leaves it open.
 */
export async function openContext(): Promise<AppContext> {
  const served = servedInvocation();
  if (served) return { ...served.ctx, close: async () => undefined };
  try {
    return await createContext({ database: databaseLocation(), dataDir: dataDir(), webDir: WEB_DIR });
  } catch (error) {
    const message = (error as Error).message;
    if (/lock/i.test(message)) {
      throw new Error(
        `数据库正被运行中的 kesu serve 使用，请先停止它 / ` +
          `the database is in use by a running kesu serve; stop it first (${databaseLocation()})`,
      );
    }
    throw error;
  }
}
