import type pg from 'pg';
import { LocalChangeFeed } from '../change-feed.js';

const CHANNEL = 'kesu_changes';

/**
 * The change feed across API nodes: NOTIFY on one channel, heard by every node LISTENing on it
 * (this one too, which has already acted on its own change).
 */
export class PostgresChangeFeed extends LocalChangeFeed {
  private constructor(private readonly client: pg.Client) {
    super();
  }

  static async listen(client: pg.Client): Promise<PostgresChangeFeed> {
    const feed = new PostgresChangeFeed(client);
    client.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      const space = message.payload.indexOf(' ');
      feed.deliver(message.payload.slice(0, space), message.payload.slice(space + 1));
    });
    await client.query(`LISTEN ${CHANNEL}`);
    return feed;
  }

  override async publish(topic: string, key: string): Promise<void> {
    this.deliver(topic, key);
    await this.client.query('SELECT pg_notify($1, $2)', [CHANNEL, `${topic} ${key}`]);
  }
}
