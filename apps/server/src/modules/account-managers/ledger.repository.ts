// The customer ledger (客户台账, domain.md §3): production situation, key people, equipment, demand
// outlook and promises made, kept current by the account manager.
import type { LedgerCategory, LedgerEntry } from '@gridcare/contracts';
import type { Db } from '../../platform/db/db';
import { offsetOf } from './sql-helpers';

interface LedgerRow {
  id: number;
  customer_id: number;
  org_unit_id: number;
  category: LedgerCategory;
  title: string;
  content: string;
  recorded_by: number | null;
  recorded_by_name: string | null;
  recorded_at: string;
  updated_at: string;
  version: number;
}

const LEDGER_SELECT = `
  SELECT l.id, l.customer_id, c.org_unit_id, l.category, l.title, l.content, l.recorded_by,
         u.display_name AS recorded_by_name, l.recorded_at, l.updated_at, l.version
    FROM ledger_entries l
    JOIN customers c ON c.id = l.customer_id
    LEFT JOIN users u ON u.id = l.recorded_by`;

function toEntry(r: LedgerRow): LedgerEntry {
  return {
    id: r.id,
    customerId: r.customer_id,
    category: r.category,
    title: r.title,
    content: r.content,
    recordedById: r.recorded_by,
    recordedByName: r.recorded_by_name,
    recordedAt: r.recorded_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

export async function listLedger(
  db: Db,
  customerId: number,
  q: { category?: LedgerCategory; page: number; pageSize: number },
): Promise<{ items: LedgerEntry[]; total: number }> {
  const where = `l.customer_id = $1 AND ($2::text IS NULL OR l.category = $2)`;
  const rows = await db.query<LedgerRow>(
    `${LEDGER_SELECT} WHERE ${where} ORDER BY l.recorded_at DESC, l.id DESC LIMIT $3 OFFSET $4`,
    [customerId, q.category ?? null, q.pageSize, offsetOf(q)],
  );
  const total = await db.query<{ n: number }>(`SELECT count(*) AS n FROM ledger_entries l WHERE ${where}`, [
    customerId,
    q.category ?? null,
  ]);
  return { items: rows.rows.map(toEntry), total: total.rows[0].n };
}

/** The entry if its customer lies in the scope, locked for update; with the customer's org unit. */
export async function findLedgerEntryInScope(
  db: Db,
  id: number,
  scopeOrgIds: number[],
): Promise<(LedgerEntry & { orgUnitId: number }) | null> {
  const r = await db.query<LedgerRow>(
    `${LEDGER_SELECT} WHERE l.id = $1 AND c.org_unit_id = ANY($2::bigint[]) FOR UPDATE OF l`,
    [id, scopeOrgIds],
  );
  const row = r.rows[0];
  return row ? { ...toEntry(row), orgUnitId: row.org_unit_id } : null;
}

export async function insertLedgerEntry(
  db: Db,
  e: {
    customerId: number;
    orgUnitId: number;
    category: LedgerCategory;
    title: string;
    content: string;
    by: number;
    at: Date;
  },
): Promise<LedgerEntry> {
  const r = await db.query<{ id: number }>(
    `INSERT INTO ledger_entries(customer_id, org_unit_id, category, title, content, recorded_by, recorded_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
    [e.customerId, e.orgUnitId, e.category, e.title, e.content, e.by, e.at.toISOString()],
  );
  const row = await db.query<LedgerRow>(`${LEDGER_SELECT} WHERE l.id = $1`, [r.rows[0].id]);
  return toEntry(row.rows[0]);
}

/** Updates at the version read; false when someone changed the entry in between. */
export async function updateLedgerEntry(
  db: Db,
  id: number,
  version: number,
  v: { category: LedgerCategory; title: string; content: string },
): Promise<boolean> {
  const r = await db.query(
    `UPDATE ledger_entries SET category = $3, title = $4, content = $5, version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2`,
    [id, version, v.category, v.title, v.content],
  );
  return r.rowCount > 0;
}

export async function findLedgerEntry(db: Db, id: number): Promise<LedgerEntry | null> {
  const r = await db.query<LedgerRow>(`${LEDGER_SELECT} WHERE l.id = $1`, [id]);
  return r.rows[0] ? toEntry(r.rows[0]) : null;
}
