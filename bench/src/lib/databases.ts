// Benchmark databases: PostgreSQL databases of their own (never `test`), PGlite data directories
// laid out like the server's (GRIDCARE_DATA_DIR/pgdata).
import path from 'node:path';
import { mkdirSync, rmSync } from 'node:fs';
import pg from 'pg';
import { openPglite, openPostgres, type Db } from '../../../apps/server/src/platform/db/db';
import { migrate } from '../../../apps/server/src/platform/db/migrate';

/** Where to create benchmark databases: any database URL of the server (its path is replaced). */
export const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function databaseUrl(name: string): string {
  const u = new URL(ADMIN_URL);
  u.pathname = '/' + name;
  return u.toString();
}

export async function recreatePostgres(name: string): Promise<void> {
  if (!/^gc_bench\w*$/.test(name))
    throw new Error(`refusing to drop ${name}: bench databases are named gc_bench*`);
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
}

export async function postgresExists(name: string): Promise<boolean> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    return (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  } finally {
    await admin.end();
  }
}

export const pgliteDataDir = (dir: string) => path.join(dir, 'pgdata');

export async function openBenchDb(kind: 'postgres' | 'pglite', where: string, fresh: boolean): Promise<Db> {
  if (kind === 'postgres') {
    if (fresh) await recreatePostgres(where);
    const db = openPostgres(databaseUrl(where));
    await migrate(db);
    return db;
  }
  if (fresh) rmSync(where, { recursive: true, force: true });
  mkdirSync(where, { recursive: true });
  const db = await openPglite(pgliteDataDir(where));
  await migrate(db);
  return db;
}
