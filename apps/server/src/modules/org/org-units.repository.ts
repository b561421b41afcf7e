import type { OrgUnit } from '@gridcare/contracts';
import type { Db } from '../../platform/db/db';

interface OrgUnitRow {
  id: number;
  parent_id: number | null;
  code: string;
  name: string;
  name_en: string | null;
  kind: OrgUnit['kind'];
  dept_kind: OrgUnit['deptKind'];
  area_class: OrgUnit['areaClass'];
  active: boolean;
  version: number;
  path: string;
}

const COLUMNS = 'id, parent_id, code, name, name_en, kind, dept_kind, area_class, active, version, path';

function toOrgUnit(r: OrgUnitRow): OrgUnit {
  return {
    id: r.id,
    parentId: r.parent_id,
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    kind: r.kind,
    deptKind: r.dept_kind,
    areaClass: r.area_class,
    active: r.active,
    version: r.version,
  };
}

export async function listOrgUnits(db: Db, scope: number[]): Promise<OrgUnit[]> {
  const r = await db.query<OrgUnitRow>(
    `SELECT ${COLUMNS} FROM org_units WHERE id = ANY($1::bigint[]) ORDER BY path, code`,
    [scope],
  );
  return r.rows.map(toOrgUnit);
}

export async function findOrgUnit(db: Db, id: number): Promise<(OrgUnit & { path: string }) | null> {
  const r = await db.query<OrgUnitRow>(`SELECT ${COLUMNS} FROM org_units WHERE id = $1`, [id]);
  const row = r.rows[0];
  return row ? { ...toOrgUnit(row), path: row.path } : null;
}

export async function insertOrgUnit(
  db: Db,
  u: {
    parentId: number;
    parentPath: string;
    code: string;
    name: string;
    nameEn?: string | null;
    kind: string;
    deptKind?: string | null;
    areaClass?: string | null;
  },
): Promise<OrgUnit> {
  const r = await db.query<{ id: number }>(
    `INSERT INTO org_units(parent_id, code, name, name_en, kind, dept_kind, area_class)
     VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
    [u.parentId, u.code, u.name, u.nameEn ?? null, u.kind, u.deptKind ?? null, u.areaClass ?? null],
  );
  const id = r.rows[0].id;
  await db.query(`UPDATE org_units SET path = $2 WHERE id = $1`, [id, `${u.parentPath}${id}/`]);
  return (await findOrgUnit(db, id))!;
}

export async function updateOrgUnit(
  db: Db,
  id: number,
  version: number,
  patch: {
    name?: string;
    nameEn?: string | null;
    deptKind?: string | null;
    areaClass?: string | null;
    active?: boolean;
  },
): Promise<boolean> {
  const r = await db.query(
    `UPDATE org_units SET
        name = coalesce($3, name),
        name_en = CASE WHEN $4::boolean THEN $5 ELSE name_en END,
        dept_kind = CASE WHEN $6::boolean THEN $7 ELSE dept_kind END,
        area_class = CASE WHEN $8::boolean THEN $9 ELSE area_class END,
        active = coalesce($10, active),
        version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2`,
    [
      id,
      version,
      patch.name ?? null,
      patch.nameEn !== undefined,
      patch.nameEn ?? null,
      patch.deptKind !== undefined,
      patch.deptKind ?? null,
      patch.areaClass !== undefined,
      patch.areaClass ?? null,
      patch.active ?? null,
    ],
  );
  return r.rowCount === 1;
}
