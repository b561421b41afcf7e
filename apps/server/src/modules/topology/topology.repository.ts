// Grid topology (substation → 10 kV feeder → transformer area 台区): reference data that places every
// service point, so outages can be traced to the customers they affect (domain.md §2, §5).
import type { Feeder, Substation, TransformerArea, TopologyPosition } from '@gridcare/contracts';
import type { Db } from '../../platform/db/db';
import { escapeLike } from '../customers/sql-set';

export interface ListArgs {
  scope: number[];
  q?: string;
  parentId?: number;
  limit: number;
  offset: number;
}

interface Named {
  id: number;
  org_unit_id: number;
  code: string;
  name: string;
}

function searchParam(q: string | undefined): string | null {
  return q ? '%' + escapeLike(q.toLowerCase()) + '%' : null;
}

async function listPaged<R>(
  db: Db,
  table: string,
  columns: string,
  parentColumn: string | null,
  a: ListArgs,
) {
  const where = `org_unit_id = ANY($1::bigint[])
      AND ($2::text IS NULL OR lower(name) LIKE $2 OR lower(code) LIKE $2)
      ${parentColumn ? `AND ($3::bigint IS NULL OR ${parentColumn} = $3)` : 'AND $3::bigint IS NULL'}`;
  const params = [a.scope, searchParam(a.q), a.parentId ?? null];
  const rows = await db.query<R>(
    `SELECT ${columns} FROM ${table} WHERE ${where} ORDER BY code, id LIMIT $4 OFFSET $5`,
    [...params, a.limit, a.offset],
  );
  const total = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${table} WHERE ${where}`,
    params,
  );
  return { rows: rows.rows, total: total.rows[0].n };
}

export async function listSubstations(db: Db, a: ListArgs): Promise<{ rows: Substation[]; total: number }> {
  const r = await listPaged<Named & { voltage_kv: number }>(
    db,
    'substations',
    'id, org_unit_id, code, name, voltage_kv',
    null,
    a,
  );
  return {
    total: r.total,
    rows: r.rows.map((x) => ({
      id: x.id,
      orgUnitId: x.org_unit_id,
      code: x.code,
      name: x.name,
      voltageKv: x.voltage_kv,
    })),
  };
}

export async function listFeeders(db: Db, a: ListArgs): Promise<{ rows: Feeder[]; total: number }> {
  const r = await listPaged<Named & { substation_id: number }>(
    db,
    'feeders',
    'id, org_unit_id, substation_id, code, name',
    'substation_id',
    a,
  );
  return {
    total: r.total,
    rows: r.rows.map((x) => ({
      id: x.id,
      orgUnitId: x.org_unit_id,
      substationId: x.substation_id,
      code: x.code,
      name: x.name,
    })),
  };
}

function toArea(x: Named & { feeder_id: number; capacity_kva: string | null }): TransformerArea {
  return {
    id: x.id,
    orgUnitId: x.org_unit_id,
    feederId: x.feeder_id,
    code: x.code,
    name: x.name,
    capacityKva: x.capacity_kva == null ? null : Number(x.capacity_kva),
  };
}

export async function listTransformerAreas(
  db: Db,
  a: ListArgs,
): Promise<{ rows: TransformerArea[]; total: number }> {
  const r = await listPaged<Named & { feeder_id: number; capacity_kva: string | null }>(
    db,
    'transformer_areas',
    'id, org_unit_id, feeder_id, code, name, capacity_kva',
    'feeder_id',
    a,
  );
  return { total: r.total, rows: r.rows.map(toArea) };
}

export async function insertSubstation(db: Db, s: Omit<Substation, 'id'>): Promise<Substation> {
  const r = await db.query<{ id: number }>(
    `INSERT INTO substations(org_unit_id, code, name, voltage_kv) VALUES ($1,$2,$3,$4) RETURNING id`,
    [s.orgUnitId, s.code, s.name, s.voltageKv],
  );
  return { id: r.rows[0].id, ...s };
}

export async function insertFeeder(db: Db, f: Omit<Feeder, 'id'>): Promise<Feeder> {
  const r = await db.query<{ id: number }>(
    `INSERT INTO feeders(org_unit_id, substation_id, code, name) VALUES ($1,$2,$3,$4) RETURNING id`,
    [f.orgUnitId, f.substationId, f.code, f.name],
  );
  return { id: r.rows[0].id, ...f };
}

export async function insertTransformerArea(
  db: Db,
  t: Omit<TransformerArea, 'id'>,
): Promise<TransformerArea> {
  const r = await db.query<{ id: number }>(
    `INSERT INTO transformer_areas(org_unit_id, feeder_id, code, name, capacity_kva) VALUES ($1,$2,$3,$4,$5) RETURNING id`,
    [t.orgUnitId, t.feederId, t.code, t.name, t.capacityKva ?? null],
  );
  return { id: r.rows[0].id, ...t };
}

/** Org unit of a substation or feeder (to default and check the unit of a new child). */
export async function findOwnerUnit(
  db: Db,
  table: 'substations' | 'feeders',
  id: number,
): Promise<number | null> {
  const r = await db.query<{ org_unit_id: number }>(`SELECT org_unit_id FROM ${table} WHERE id = $1`, [id]);
  return r.rows[0]?.org_unit_id ?? null;
}

export async function findAreaFeeder(db: Db, areaId: number): Promise<{ feederId: number } | null> {
  const r = await db.query<{ feeder_id: number }>(`SELECT feeder_id FROM transformer_areas WHERE id = $1`, [
    areaId,
  ]);
  return r.rows[0] ? { feederId: r.rows[0].feeder_id } : null;
}

export async function feederExists(db: Db, feederId: number): Promise<boolean> {
  const r = await db.query(`SELECT 1 FROM feeders WHERE id = $1`, [feederId]);
  return r.rows.length > 0;
}

/** Topology positions of many premises at once (premise id → substation/feeder/area). */
export async function positionsOf(db: Db, premiseIds: number[]): Promise<Map<number, TopologyPosition>> {
  const out = new Map<number, TopologyPosition>();
  if (premiseIds.length === 0) return out;
  const r = await db.query<{
    premise_id: number;
    s_id: number | null;
    s_code: string | null;
    s_name: string | null;
    f_id: number | null;
    f_code: string | null;
    f_name: string | null;
    a_id: number | null;
    a_code: string | null;
    a_name: string | null;
  }>(
    `SELECT p.id AS premise_id, s.id AS s_id, s.code AS s_code, s.name AS s_name,
            f.id AS f_id, f.code AS f_code, f.name AS f_name, a.id AS a_id, a.code AS a_code, a.name AS a_name
       FROM premises p
       LEFT JOIN transformer_areas a ON a.id = p.transformer_area_id
       LEFT JOIN feeders f ON f.id = coalesce(p.feeder_id, a.feeder_id)
       LEFT JOIN substations s ON s.id = f.substation_id
      WHERE p.id = ANY($1::bigint[])`,
    [premiseIds],
  );
  for (const x of r.rows) {
    out.set(x.premise_id, {
      substation: x.s_id == null ? null : { id: x.s_id, code: x.s_code!, name: x.s_name! },
      feeder: x.f_id == null ? null : { id: x.f_id, code: x.f_code!, name: x.f_name! },
      transformerArea: x.a_id == null ? null : { id: x.a_id, code: x.a_code!, name: x.a_name! },
    });
  }
  return out;
}

export interface TreeRows {
  substations: { id: number; code: string; name: string }[];
  feeders: { id: number; substation_id: number; code: string; name: string }[];
  areas: { id: number; feeder_id: number; code: string; name: string }[];
}

/** The topology under some org units, each level cut at a limit (the tree view is for browsing). */
export async function treeRows(
  db: Db,
  units: number[],
  limits: { substations: number; feeders: number; areas: number },
): Promise<TreeRows> {
  const s = await db.query<TreeRows['substations'][number]>(
    `SELECT id, code, name FROM substations WHERE org_unit_id = ANY($1::bigint[]) ORDER BY code, id LIMIT $2`,
    [units, limits.substations],
  );
  const f = await db.query<TreeRows['feeders'][number]>(
    `SELECT id, substation_id, code, name FROM feeders WHERE substation_id = ANY($1::bigint[]) ORDER BY code, id LIMIT $2`,
    [s.rows.map((x) => x.id), limits.feeders],
  );
  const a = await db.query<TreeRows['areas'][number]>(
    `SELECT id, feeder_id, code, name FROM transformer_areas WHERE feeder_id = ANY($1::bigint[]) ORDER BY code, id LIMIT $2`,
    [f.rows.map((x) => x.id), limits.areas],
  );
  return { substations: s.rows, feeders: f.rows, areas: a.rows };
}

/** Customers served per transformer area, and per feeder directly (HV, no area), counted in scope. */
export async function customerCounts(db: Db, areaIds: number[], feederIds: number[], scope: number[]) {
  const areas = await db.query<{ id: number; n: number }>(
    `SELECT p.transformer_area_id AS id, count(DISTINCT p.customer_id)::int AS n FROM premises p
      WHERE p.transformer_area_id = ANY($1::bigint[]) AND p.org_unit_id = ANY($2::bigint[]) GROUP BY 1`,
    [areaIds, scope],
  );
  const feeders = await db.query<{ id: number; n: number }>(
    `SELECT p.feeder_id AS id, count(DISTINCT p.customer_id)::int AS n FROM premises p
      WHERE p.feeder_id = ANY($1::bigint[]) AND p.transformer_area_id IS NULL AND p.org_unit_id = ANY($2::bigint[]) GROUP BY 1`,
    [feederIds, scope],
  );
  return {
    byArea: new Map(areas.rows.map((x) => [x.id, x.n])),
    byFeeder: new Map(feeders.rows.map((x) => [x.id, x.n])),
  };
}
