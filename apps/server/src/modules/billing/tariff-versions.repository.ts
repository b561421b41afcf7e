// The tariff catalogue's table (tariff_versions). The document column holds the engine's TariffVersion;
// its identity fields (id, code, name, effective date) are always taken from the row.
import type { TariffVersion } from '@gridcare/domain';
import type { Db } from '../../platform/db/db';

export interface TariffVersionRow {
  id: number;
  code: string;
  name: string;
  effective_from: string;
  status: 'draft' | 'active' | 'retired';
  document: TariffVersion;
  based_on_id: number | null;
  note: string | null;
  created_by_name: string | null;
  created_at: string;
  activated_by_name: string | null;
  activated_at: string | null;
  version: number;
}

const COLUMNS = `t.id, t.code, t.name, to_char(t.effective_from, 'YYYY-MM-DD') AS effective_from, t.status,
  t.document, t.based_on_id, t.note, cu.display_name AS created_by_name, t.created_at,
  au.display_name AS activated_by_name, t.activated_at, t.version`;
const FROM = `FROM tariff_versions t
  LEFT JOIN users cu ON cu.id = t.created_by
  LEFT JOIN users au ON au.id = t.activated_by`;

/** The stored document with the row's identity: what the engine prices with. */
export function documentOf(
  row: Pick<TariffVersionRow, 'id' | 'code' | 'name' | 'effective_from' | 'document'>,
): TariffVersion {
  return {
    ...row.document,
    id: row.id,
    code: row.code,
    name: row.name,
    effectiveFrom: row.effective_from,
  };
}

export async function listVersions(db: Db): Promise<TariffVersionRow[]> {
  const r = await db.query<TariffVersionRow>(
    `SELECT ${COLUMNS} ${FROM} ORDER BY t.effective_from DESC, t.id DESC LIMIT 500`,
  );
  return r.rows;
}

export async function findVersion(db: Db, id: number, lock = false): Promise<TariffVersionRow | null> {
  const r = await db.query<TariffVersionRow>(
    `SELECT ${COLUMNS} ${FROM} WHERE t.id = $1 ${lock ? 'FOR UPDATE OF t' : ''}`,
    [id],
  );
  return r.rows[0] ?? null;
}

/** Every active version, newest start first: the per-process cache picks the one in force for a date. */
export async function activeVersions(db: Db): Promise<TariffVersionRow[]> {
  const r = await db.query<TariffVersionRow>(
    `SELECT ${COLUMNS} ${FROM} WHERE t.status = 'active' ORDER BY t.effective_from DESC, t.id DESC`,
  );
  return r.rows;
}

export async function insertVersion(
  db: Db,
  v: {
    code: string;
    name: string;
    effectiveFrom: string;
    status: 'draft' | 'active';
    document: unknown;
    basedOnId: number | null;
    note: string | null;
    createdBy: number | null;
  },
): Promise<number> {
  const r = await db.query<{ id: number }>(
    `INSERT INTO tariff_versions(code, name, effective_from, status, document, based_on_id, note, created_by,
                                 activated_by, activated_at)
     VALUES ($1,$2,$3,$4::text,$5,$6,$7,$8::bigint, CASE WHEN $4::text = 'active' THEN $8::bigint END,
             CASE WHEN $4::text = 'active' THEN now() END)
     RETURNING id`,
    [v.code, v.name, v.effectiveFrom, v.status, JSON.stringify(v.document), v.basedOnId, v.note, v.createdBy],
  );
  return r.rows[0].id;
}

/** Edits a draft at the version it was read at; null when it is no longer that version or not a draft. */
export async function updateDraft(
  db: Db,
  id: number,
  version: number,
  v: { code: string; name: string; effectiveFrom: string; note: string | null; document: unknown },
): Promise<boolean> {
  const r = await db.query(
    `UPDATE tariff_versions SET code = $3, name = $4, effective_from = $5, note = $6, document = $7,
            version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2 AND status = 'draft'`,
    [id, version, v.code, v.name, v.effectiveFrom, v.note, JSON.stringify(v.document)],
  );
  return r.rowCount === 1;
}

export async function setStatus(
  db: Db,
  id: number,
  version: number,
  from: 'draft' | 'active',
  to: 'active' | 'retired',
  actorId: number,
): Promise<boolean> {
  const r = await db.query(
    `UPDATE tariff_versions
        SET status = $4, version = version + 1, updated_at = now(),
            activated_by = CASE WHEN $4 = 'active' THEN $5::bigint ELSE activated_by END,
            activated_at = CASE WHEN $4 = 'active' THEN now() ELSE activated_at END,
            retired_by = CASE WHEN $4 = 'retired' THEN $5::bigint ELSE retired_by END,
            retired_at = CASE WHEN $4 = 'retired' THEN now() ELSE retired_at END
      WHERE id = $1 AND version = $2 AND status = $3`,
    [id, version, from, to, actorId],
  );
  return r.rowCount === 1;
}

export async function codeTaken(db: Db, code: string, exceptId = 0): Promise<boolean> {
  const r = await db.query(`SELECT 1 FROM tariff_versions WHERE code = $1 AND id <> $2`, [code, exceptId]);
  return r.rowCount > 0;
}

export async function countVersions(db: Db): Promise<number> {
  const r = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM tariff_versions`);
  return r.rows[0].n;
}
