// Bulk-load mode: drop the secondary indexes of the big tables and the foreign keys of every loaded
// table before the COPY, and re-create them afterwards with their exact stored definitions
// (pg_indexes.indexdef, pg_get_constraintdef), so the schema ends up exactly as the migrations made it.
// Building an index once over sorted data is far cheaper than a million single-row inserts into it,
// and one validating anti-join per foreign key is cheaper than a trigger per row.
import { isPostgres, type Db } from '../../src/platform/db/db';
import { BULK_TABLES, TABLE_ORDER } from './tables';

export interface DroppedObjects {
  indexes: { name: string; table: string; definition: string }[];
  foreignKeys: { name: string; table: string; definition: string }[];
}

/**
 * Drops the secondary indexes of `tables.indexes` (those not backing a constraint) and the foreign keys of
 * `tables.foreignKeys`; by default the customer archive's big tables and every table the customer
 * generator loads.
 */
export async function dropForBulkLoad(
  db: Db,
  tables: { indexes: readonly string[]; foreignKeys: readonly string[] } = {
    indexes: BULK_TABLES,
    foreignKeys: TABLE_ORDER,
  },
): Promise<DroppedObjects> {
  const indexes = (
    await db.query<{ name: string; table: string; definition: string }>(
      `SELECT i.indexname AS name, i.tablename AS table, i.indexdef AS definition
         FROM pg_indexes i
        WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = (quote_ident(i.indexname))::regclass)
        ORDER BY i.indexname`,
      [tables.indexes],
    )
  ).rows;
  const foreignKeys = (
    await db.query<{ name: string; table: string; definition: string }>(
      `SELECT c.conname AS name, c.conrelid::regclass::text AS table, pg_get_constraintdef(c.oid) AS definition
         FROM pg_constraint c
        WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace
          AND c.conrelid::regclass::text = ANY($1)
        ORDER BY c.conname`,
      [tables.foreignKeys],
    )
  ).rows;
  for (const fk of foreignKeys) await db.exec(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${fk.name}`);
  for (const ix of indexes) await db.exec(`DROP INDEX ${ix.name}`);
  return { indexes, foreignKeys };
}

/**
 * Re-creates what dropForBulkLoad dropped. Foreign keys come back NOT VALID first (instant), then
 * two workers build the indexes — the trigram index alone on one, everything else on the other —
 * and validate the foreign keys (VALIDATE only needs a share-update-exclusive lock on the referencing
 * table, so it runs while the customers' trigram index is still being built).
 */
export async function restoreAfterBulkLoad(
  db: Db,
  dropped: DroppedObjects,
  log: (s: string) => void,
): Promise<void> {
  for (const fk of dropped.foreignKeys) {
    await db.exec(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${fk.name} ${fk.definition} NOT VALID`);
  }
  const isGin = (d: string) => /\busing gin\b/i.test(d);
  const step = (label: string, sql: string) => ({ label, sql });
  const slow = dropped.indexes.filter((ix) => isGin(ix.definition)).map((ix) => step(ix.name, ix.definition));
  const rest = [
    ...dropped.indexes.filter((ix) => !isGin(ix.definition)).map((ix) => step(ix.name, ix.definition)),
    // Validating a customers foreign key waits for the trigram build's lock: leave those last.
    ...[...dropped.foreignKeys]
      .sort((a, b) => Number(a.table === 'customers') - Number(b.table === 'customers'))
      .map((fk) => step(`validate ${fk.name}`, `ALTER TABLE ${fk.table} VALIDATE CONSTRAINT ${fk.name}`)),
  ];
  if (!isPostgres(db)) {
    for (const s of [...slow, ...rest]) await db.exec(s.sql);
    return;
  }
  // Two workers (the machine budget); the trigram index first on one, the queue of the rest on the
  // other, and whoever is free takes the next step.
  const queues = [slow, rest];
  await Promise.all(
    [0, 1].map(async (w) => {
      const client = await db.connect();
      try {
        await client.query(`SET maintenance_work_mem = '256MB'`);
        for (;;) {
          const s = queues[w].shift() ?? queues[1 - w].shift();
          if (!s) break;
          const t = Date.now();
          await client.query(s.sql);
          log(`  ${s.label} ${((Date.now() - t) / 1000).toFixed(1)} s`);
        }
      } finally {
        client.release();
      }
    }),
  );
}
