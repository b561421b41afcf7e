// A benchmark target: the generated database of one kind, opened directly (samples, raw SQL
// baseline) or served by a real server process (HTTP load). PGlite allows one process at a time,
// so the direct work happens before the server starts and never beside it.
import { openPglite, openPostgres, type Db } from '../../../apps/server/src/platform/db/db';
import { databaseUrl, pgliteDataDir } from './databases';
import { login, startServer, type RunningServer } from './server';

export interface Target {
  kind: 'postgres' | 'pglite';
  /** PostgreSQL database name, or PGlite data directory (GRIDCARE_DATA_DIR). */
  where: string;
}

export async function openTarget(t: Target): Promise<Db> {
  return t.kind === 'postgres' ? openPostgres(databaseUrl(t.where), 12) : openPglite(pgliteDataDir(t.where));
}

export async function serveTarget(t: Target): Promise<{ server: RunningServer; cookie: string }> {
  const server = await startServer(
    t.kind === 'postgres' ? { DATABASE_URL: databaseUrl(t.where) } : { GRIDCARE_DATA_DIR: t.where },
  );
  try {
    return { server, cookie: await login(server.url) };
  } catch (e) {
    await server.stop();
    throw e;
  }
}

/** A deterministic spread of customer ids over the table's id range. */
export async function sampleCustomerIds(db: Db, n: number, seed = 1): Promise<number[]> {
  const r = await db.query<{ lo: number; hi: number }>(
    'SELECT min(id)::bigint AS lo, max(id)::bigint AS hi FROM customers',
  );
  const { lo, hi } = r.rows[0];
  let x = seed >>> 0;
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    ids.push(lo + (x % (hi - lo + 1)));
  }
  return ids;
}
