// Applies the committed SQL migrations in apps/server/migrations in file-name order, once each.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './db';

export const MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../migrations',
);

export async function migrate(
  db: Db,
  dir = MIGRATIONS_DIR,
): Promise<{ applied: string[]; version: string | null }> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  // Two processes starting at once must not both apply a migration.
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    if (tx.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(727274)');
    const done = new Set(
      (await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name),
    );
    for (const file of files) {
      if (done.has(file)) continue;
      const sql = await readFile(path.join(dir, file), 'utf8');
      await tx.exec(sql);
      await tx.query('INSERT INTO schema_migrations(name) VALUES ($1)', [file]);
      applied.push(file);
    }
  });
  return { applied, version: await migrationVersion(db) };
}

export async function migrationVersion(db: Db): Promise<string | null> {
  const r = await db.query<{ name: string }>('SELECT max(name) AS name FROM schema_migrations');
  return r.rows[0]?.name ?? null;
}
