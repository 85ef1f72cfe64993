import { EventEmitter } from 'node:events';

/**
 * Tells every process serving the database that something it may hold in memory changed: a
 * session ended, a user was disabled, the warehouse was rebuilt. `publish` reaches this process at
 * once and, on a shared database, every other node soon after; a listener evicts or reloads.
 */
export interface ChangeFeed {
  publish(topic: string, key: string): Promise<void>;
  subscribe(topic: string, listener: (key: string) => void): void;
  /**
   * Told when changes may have gone unheard: the feed's connection was lost and is back. A
   * listener forgets (or reloads) everything it holds, not one key.
   */
  onGap(listener: () => void): void;
}

const GAP = Symbol('gap');

/** The feed of one process: the embedded store has no other node to tell. */
export class LocalChangeFeed implements ChangeFeed {
  protected readonly emitter = new EventEmitter();

  async publish(topic: string, key: string): Promise<void> {
    this.deliver(topic, key);
  }

  subscribe(topic: string, listener: (key: string) => void): void {
    this.emitter.on(topic, listener);
  }

  onGap(listener: () => void): void {
    this.emitter.on(GAP, listener);
  }

  protected gap(): void {
    this.emitter.emit(GAP);
  }

  protected deliver(topic: string, key: string): void {
    this.emitter.emit(topic, key);
  }
}
