import { LocalChangeFeed } from '../change-feed.js';
import type { PostgresDb } from './postgres-db.js';

const CHANNEL = 'kesu_changes';

/**
 * The change feed across API nodes: NOTIFY on one channel, heard by every node LISTENing on it
 * (this one too, which has already acted on its own change). The listening connection is kept
 * open: after the server went away it reconnects as soon as it can, LISTENs again, and tells the
 * gap's listeners that changes may have been missed meanwhile.
 */
export class PostgresChangeFeed extends LocalChangeFeed {
  private sending: Promise<unknown> = Promise.resolve();

  private constructor(private readonly db: PostgresDb) {
    super();
  }

  static async listen(db: PostgresDb): Promise<PostgresChangeFeed> {
    const feed = new PostgresChangeFeed(db);
    let listenedBefore = false;
    await db.onConnect(async (client) => {
      client.on('notification', (message) => {
        if (message.channel !== CHANNEL || !message.payload) return;
        const space = message.payload.indexOf(' ');
        feed.deliver(message.payload.slice(0, space), message.payload.slice(space + 1));
      });
      await client.query(`LISTEN ${CHANNEL}`);
      // What other nodes announced while no connection listened is lost: say so once listening again.
      if (listenedBefore) feed.gap();
      listenedBefore = true;
    });
    db.keepConnected();
    return feed;
  }

  override async publish(topic: string, key: string): Promise<void> {
    this.deliver(topic, key);
    // Requests publish at the same moment: one statement at a time on the listening connection.
    const sent = this.sending.then(() => this.db.exec('SELECT pg_notify($1, $2)', [CHANNEL, `${topic} ${key}`]));
    this.sending = sent.catch(() => undefined);
    await sent;
  }
}
