import { serve, type ServerType } from '@hono/node-server';
import { createApp } from './app.js';
import type { AppContext } from './context.js';
import { notifyIntervalMs } from './notify/notify-config.js';

export interface RunningServer {
  url: string;
  /** Stops taking requests, lets queued writes commit, then closes the database. */
  close: () => Promise<void>;
}

/** Serves the API and the web app on one port, and runs the notification jobs while it does. */
export function startServer(ctx: AppContext, port: number, hostname: string): Promise<RunningServer> {
  const app = createApp(ctx);
  const interval = notifyIntervalMs();
  return new Promise((resolve, reject) => {
    let server: ServerType;
    try {
      server = serve({ fetch: app.fetch, port, hostname }, (info) => {
        ctx.notifications.start(interval);
        resolve({
          url: `http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${info.port}`,
          close: () =>
            new Promise<void>((done) => {
              server.close(() => {
                // A database out of reach has no queued write left to wait for: close all the same.
                void ctx.store.writes
                  .write(async () => undefined)
                  .catch(() => undefined)
                  .then(() => ctx.close())
                  .then(done);
              });
            }),
        });
      });
      server.on('error', reject);
    } catch (error) {
      reject(error);
    }
  });
}
