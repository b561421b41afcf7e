// One database interface over the two drivers: PGlite (embedded, ./data) and node-postgres.
// Repositories write explicit SQL against it; both drivers return the same JS types:
// int8 → number, numeric → string (exact decimals), timestamptz → ISO string, date → 'YYYY-MM-DD'.
import pg from 'pg';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

export type DatabaseKind = 'pglite' | 'postgres';

export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface Db {
  readonly kind: DatabaseKind;
  /**
   * `opts.prepare` names the statement so each connection parses and plans it once: for the few hot
   * statements whose text never changes (order intake). PGlite ignores it.
   */
  query<T = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
    opts?: { prepare?: string },
  ): Promise<QueryResult<T>>;
  /** Runs one or more statements without parameters (migrations, DDL). */
  exec(sql: string): Promise<void>;
  /** Runs `fn` in a transaction; inside, `tx` is bound to the transaction's connection. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` with the database (outside any transaction) once the current transaction has committed;
   * dropped if it rolls back. Outside a transaction it runs right away (on the next tick).
   */
  afterCommit(fn: (root: Db) => void | Promise<void>): void;
  close(): Promise<void>;
}

const INT8 = 20;
const NUMERIC = 1700;
const TIMESTAMPTZ = 1184;
const TIMESTAMP = 1114;
const DATE = 1082;

const toNumber = (v: string) => Number(v);
const toIso = (v: string) => new Date(v.length <= 22 && !v.includes('+') ? v + 'Z' : v).toISOString();
const asText = (v: string) => v;

// --- PostgreSQL -----------------------------------------------------------------------------------
pg.types.setTypeParser(INT8, toNumber);
pg.types.setTypeParser(NUMERIC, asText);
pg.types.setTypeParser(TIMESTAMPTZ, (v) => new Date(v).toISOString());
pg.types.setTypeParser(DATE, asText);

type Queryable = pg.Pool | pg.PoolClient;

type AfterCommit = (root: Db) => void | Promise<void>;

/** Runs after-commit callbacks; a failing one is reported, never thrown into the committed request. */
function runAfterCommit(hooks: AfterCommit[], root: Db): void {
  for (const hook of hooks) {
    setImmediate(() => {
      Promise.resolve()
        .then(() => hook(root))
        .catch((e) => process.emitWarning(`after-commit callback failed: ${(e as Error).message}`));
    });
  }
}

class PostgresDb implements Db {
  readonly kind = 'postgres' as const;
  constructor(
    private readonly conn: Queryable,
    private readonly pool: pg.Pool,
    /** Callbacks for after the commit of the transaction this handle belongs to (null outside one). */
    private readonly hooks: AfterCommit[] | null = null,
  ) {}

  afterCommit(fn: AfterCommit): void {
    if (this.hooks) this.hooks.push(fn);
    else runAfterCommit([fn], this);
  }

  async query<T>(
    sql: string,
    params: readonly unknown[] = [],
    opts: { prepare?: string } = {},
  ): Promise<QueryResult<T>> {
    const r = opts.prepare
      ? await this.conn.query({ name: opts.prepare, text: sql, values: params as unknown[] })
      : await this.conn.query(sql, params as unknown[]);
    return { rows: r.rows as T[], rowCount: r.rowCount ?? 0 };
  }

  async exec(sql: string): Promise<void> {
    await this.conn.query(sql);
  }

  async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    if (this.conn !== this.pool) {
      // Nested: use a savepoint on the same connection.
      const name = 'sp_' + Math.random().toString(36).slice(2, 10);
      await this.conn.query(`SAVEPOINT ${name}`);
      const inner: AfterCommit[] = [];
      try {
        const r = await fn(new PostgresDb(this.conn, this.pool, inner));
        await this.conn.query(`RELEASE SAVEPOINT ${name}`);
        this.hooks?.push(...inner);
        return r;
      } catch (e) {
        await this.conn.query(`ROLLBACK TO SAVEPOINT ${name}`);
        throw e;
      }
    }
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const hooks: AfterCommit[] = [];
      const r = await fn(new PostgresDb(client, this.pool, hooks));
      await client.query('COMMIT');
      runAfterCommit(hooks, new PostgresDb(this.pool, this.pool));
      return r;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  /** A dedicated connection, e.g. for COPY streams. */
  connect(): Promise<pg.PoolClient> {
    return this.pool.connect();
  }

  get rawPool(): pg.Pool {
    return this.pool;
  }

  async close(): Promise<void> {
    if (this.conn === this.pool) await this.pool.end();
  }
}

export function openPostgres(url: string, max = 10): PostgresDb {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => undefined);
  return new PostgresDb(pool, pool);
}

// --- PGlite ---------------------------------------------------------------------------------------
type PGliteTx = Parameters<Parameters<PGlite['transaction']>[0]>[0];

const PGLITE_PARSERS = {
  [INT8]: toNumber,
  [NUMERIC]: asText,
  [TIMESTAMPTZ]: toIso,
  [TIMESTAMP]: toIso,
  [DATE]: asText,
};

class PgliteDb implements Db {
  readonly kind = 'pglite' as const;
  constructor(
    readonly pglite: PGlite,
    private readonly tx: PGliteTx | null = null,
    private readonly hooks: AfterCommit[] | null = null,
  ) {}

  afterCommit(fn: AfterCommit): void {
    if (this.hooks) this.hooks.push(fn);
    else runAfterCommit([fn], this);
  }

  async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
    const target = this.tx ?? this.pglite;
    const r = await target.query<T>(sql, params as unknown[]);
    // PGlite reports affectedRows 0 for a SELECT; count the rows then, as node-postgres does.
    return { rows: r.rows, rowCount: r.affectedRows || r.rows.length };
  }

  async exec(sql: string): Promise<void> {
    await (this.tx ?? this.pglite).exec(sql);
  }

  async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    if (this.tx) {
      const name = 'sp_' + Math.random().toString(36).slice(2, 10);
      await this.tx.exec(`SAVEPOINT ${name}`);
      const inner: AfterCommit[] = [];
      try {
        const r = await fn(new PgliteDb(this.pglite, this.tx, inner));
        await this.tx.exec(`RELEASE SAVEPOINT ${name}`);
        this.hooks?.push(...inner);
        return r;
      } catch (e) {
        await this.tx.exec(`ROLLBACK TO SAVEPOINT ${name}`);
        throw e;
      }
    }
    const hooks: AfterCommit[] = [];
    const r = await this.pglite.transaction((tx) => fn(new PgliteDb(this.pglite, tx, hooks)));
    runAfterCommit(hooks, new PgliteDb(this.pglite));
    return r;
  }

  async close(): Promise<void> {
    if (!this.tx) await this.pglite.close();
  }
}

export async function openPglite(dataDir?: string): Promise<PgliteDb> {
  const pglite = await PGlite.create(dataDir, {
    extensions: { pg_trgm },
    parsers: PGLITE_PARSERS,
  });
  void pgliteTypes;
  return new PgliteDb(pglite);
}

export type { PgliteDb, PostgresDb };

export function isPostgres(db: Db): db is PostgresDb {
  return db.kind === 'postgres';
}

export function isPglite(db: Db): db is PgliteDb {
  return db.kind === 'pglite';
}

export async function openDatabase(opts: { url?: string; dataDir?: string }): Promise<Db> {
  if (opts.url) return openPostgres(opts.url);
  return openPglite(opts.dataDir);
}

/**
 * The database behind a handle — the pool or the PGlite instance — the same for the root handle and every
 * transaction on it. Per-process caches key on this, not on the handle: a transaction is a new handle.
 */
export function databaseKey(db: Db): object {
  if (isPglite(db)) return db.pglite;
  if (isPostgres(db)) return db.rawPool;
  return db;
}
