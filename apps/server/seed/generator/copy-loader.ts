// Streams generated rows into the database with COPY, one chunk at a time.
// PostgreSQL (bulk): one connection per table, so each table's COPY runs while the next chunk is being
// generated; foreign keys are dropped meanwhile (see bulk-indexes.ts), so the tables need no order.
// PostgreSQL (small) and PGlite: one connection, tables in foreign-key order, chunk by chunk.
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { isPglite, isPostgres, type Db } from '../../src/platform/db/db';
import { BULK_TABLES, TABLE_COLUMNS, TABLE_ORDER, type ChunkRows, type TableName } from './tables';

// Parallel mode: each big table has its own connection; the small tables share one, in order.
const GROUPS: TableName[][] = [
  ...BULK_TABLES.map((t) => [t]),
  TABLE_ORDER.filter((t) => !BULK_TABLES.includes(t)),
];

const copySql = (table: TableName, source: string) =>
  `COPY ${table}(${TABLE_COLUMNS[table].join(',')}) FROM ${source}`;

async function copyInto(client: pg.PoolClient, table: TableName, data: Buffer): Promise<void> {
  await pipeline(Readable.from([data]), client.query(copyFrom(copySql(table, 'STDIN'))));
}

export class CopyLoader {
  private readonly pending: Promise<void>[] = GROUPS.map(() => Promise.resolve());
  private failure: unknown = null;
  private released = false;

  private constructor(
    private readonly db: Db,
    /** One connection per group (parallel mode), or one for everything. */
    private readonly clients: pg.PoolClient[],
  ) {}

  static async open(db: Db, parallel: boolean): Promise<CopyLoader> {
    if (!isPostgres(db)) return new CopyLoader(db, []);
    const clients: pg.PoolClient[] = [];
    for (let i = 0; i < (parallel ? GROUPS.length : 1); i++) clients.push(await db.connect());
    return new CopyLoader(db, clients);
  }

  /** Loads one chunk; resolves once the chunk is written, or — in parallel mode — handed over. */
  async load(chunk: ChunkRows): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.clients.length > 1) {
      for (let g = 0; g < GROUPS.length; g++) {
        // Wait for the group's previous chunk, then start this one without waiting for it.
        await this.pending[g];
        if (this.failure) throw this.failure;
        const data = GROUPS[g].map((t) => [t, chunk[t].take()] as const);
        const client = this.clients[g];
        this.pending[g] = (async () => {
          for (const [table, bytes] of data) if (bytes.length > 0) await copyInto(client, table, bytes);
        })().catch((e) => {
          this.failure ??= e;
        });
      }
      return;
    }
    for (const table of TABLE_ORDER) {
      const data = chunk[table].take();
      if (data.length === 0) continue;
      if (this.clients.length === 1) await copyInto(this.clients[0], table, data);
      else if (isPglite(this.db))
        await this.db.pglite.query(copySql(table, `'/dev/blob'`), [], {
          blob: new Blob([data as Uint8Array<ArrayBuffer>]),
        });
    }
  }

  async finish(): Promise<void> {
    await Promise.all(this.pending);
    this.release();
    if (this.failure) throw this.failure;
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    for (const c of this.clients) c.release();
  }
}
