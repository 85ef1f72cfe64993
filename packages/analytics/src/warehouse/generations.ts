import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { exec, quoteLiteral } from '@kesu/store';
import { WH } from './catalog.js';

/** Published files kept besides the current one, for readers still moving off them. */
const KEPT = 2;
const FILE = /^g(\d{6})-[0-9a-f]{8}\.duckdb$/;

/**
 * A warehouse shared by every process that serves one database from one data folder (a mount
 * they all see). A DuckDB file open for writing cannot be read by another process, so a file is
 * never written once published: each build writes a new one (a copy of the last, so an
 * incremental build has its base), then names it in `CURRENT`; readers attach the named file
 * read-only and move to the next when told.
 */
export class WarehouseGenerations {
  private constructor(
    readonly dir: string,
    /** Names this folder, so processes sharing it (and only they) share one build lock. */
    readonly id: string,
  ) {}

  static open(dataDir: string): WarehouseGenerations {
    const dir = path.join(dataDir, 'warehouse');
    mkdirSync(dir, { recursive: true });
    const idFile = path.join(dir, 'folder-id');
    try {
      // 'wx' fails if another process named the folder first; then its name is the one.
      writeFileSync(idFile, randomBytes(8).toString('hex'), { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    return new WarehouseGenerations(dir, readFileSync(idFile, 'utf8').trim());
  }

  /** The file of the last published build (null: none yet). */
  current(): string | null {
    try {
      const name = readFileSync(path.join(this.dir, 'CURRENT'), 'utf8').trim();
      return FILE.test(name) ? path.join(this.dir, name) : null;
    } catch {
      return null;
    }
  }

  /** A new file for the next build: a copy of the current one, or none (a first build starts empty). */
  next(): string {
    const current = this.current();
    const number = current ? Number(FILE.exec(path.basename(current))?.[1]) + 1 : 1;
    const file = path.join(this.dir, `g${String(number).padStart(6, '0')}-${randomBytes(4).toString('hex')}.duckdb`);
    if (current) copyFileSync(current, file);
    return file;
  }

  /** Names `file` as the current build (in one rename: a reader never finds half a name), and removes old ones. */
  publish(file: string): void {
    const pointer = path.join(this.dir, 'CURRENT');
    writeFileSync(`${pointer}.tmp`, path.basename(file));
    renameSync(`${pointer}.tmp`, pointer);
    const published = readdirSync(this.dir)
      .filter((name) => FILE.test(name))
      .sort();
    for (const name of published.slice(0, Math.max(0, published.indexOf(path.basename(file)) - KEPT)))
      this.discard(path.join(this.dir, name));
  }

  /** Removes a file that will never be published (a failed build) or is no longer read. */
  discard(file: string): void {
    rmSync(file, { force: true });
    rmSync(`${file}.wal`, { force: true });
  }
}

/** Writes what the attached warehouse holds to its file and detaches it, for other processes to open. */
export async function detachWarehouse(connection: DuckDBConnection): Promise<void> {
  await exec(connection, `CHECKPOINT ${WH}`);
  await exec(connection, `DETACH ${WH}`);
}

/**
 * Published warehouse files, attached read-only (as `wh`) in an engine of their own: the
 * connections reading them move to a newer file all at once, between their queries.
 */
export class WarehouseView {
  private attached: string | null = null;
  private readonly connections: DuckDBConnection[] = [];

  private constructor(private readonly instance: DuckDBInstance) {}

  static async open(): Promise<WarehouseView> {
    return new WarehouseView(await DuckDBInstance.create(':memory:'));
  }

  /** The file readers see (null: none yet). */
  get shown(): string | null {
    return this.attached;
  }

  async connect(): Promise<DuckDBConnection> {
    const connection = await this.instance.connect();
    this.connections.push(connection);
    return connection;
  }

  /** Shows `file` on every connection; none may be running a query meanwhile. */
  async show(file: string): Promise<void> {
    const [any] = this.connections;
    if (!any) throw new Error('no connection to show the warehouse on');
    // A database some connection reads by default cannot be detached.
    for (const c of this.connections) await exec(c, 'USE memory');
    if (this.attached) await exec(any, `DETACH ${WH}`);
    this.attached = null;
    await exec(any, `ATTACH ${quoteLiteral(file)} AS ${WH} (READ_ONLY)`);
    this.attached = file;
    for (const c of this.connections) await exec(c, `USE ${WH}`);
  }

  close(): void {
    for (const c of this.connections) c.closeSync();
    this.instance.closeSync();
  }
}
