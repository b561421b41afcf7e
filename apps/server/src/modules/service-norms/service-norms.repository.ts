// The service norms catalogue's SQL (服务规范, domain.md §4).
import { NORM_CATEGORIES, type NormTimeLimit, type ServiceNorm } from '@gridcare/contracts';
import type { Db } from '../../platform/db/db';

interface NormRow {
  id: number;
  code: string;
  category: ServiceNorm['category'];
  title: string;
  responsible_role: string;
  standard: string;
  time_limit_text: string;
  time_limit_amount: number | null;
  time_limit_unit: NormTimeLimit['unit'] | null;
  assisting_departments: string[];
  applies_to_types: string[];
  sub_categories: string[];
  active: boolean;
  version: number;
  created_at: string;
  updated_at: string;
}

const COLUMNS = `id, code, category, title, responsible_role, standard, time_limit_text, time_limit_amount,
  time_limit_unit, assisting_departments, applies_to_types, sub_categories, active, version, created_at, updated_at`;

// The manual's order: category as listed in the catalogue, then code.
const catalogueOrder = (param: string) => `array_position(${param}::text[], category), code`;

function toNorm(r: NormRow): ServiceNorm {
  return {
    id: r.id,
    code: r.code,
    category: r.category,
    title: r.title,
    responsibleRole: r.responsible_role,
    standard: r.standard,
    timeLimitText: r.time_limit_text,
    timeLimit:
      r.time_limit_amount != null && r.time_limit_unit
        ? { amount: r.time_limit_amount, unit: r.time_limit_unit }
        : null,
    assistingDepartments: r.assisting_departments,
    appliesToTypes: r.applies_to_types,
    subCategories: r.sub_categories,
    active: r.active,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export interface NormFilter {
  category?: string;
  type?: string;
  subCategory?: string | null;
  /** LIKE pattern (already escaped) over code, title and standard. */
  textPattern?: string;
  status: 'active' | 'inactive' | 'all';
}

/** WHERE conditions for the filter; pushes its parameters onto `params`. */
function whereOf(f: NormFilter, params: unknown[]): string {
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const parts = ['true'];
  if (f.status !== 'all') parts.push(`active = ${add(f.status === 'active')}`);
  if (f.category) parts.push(`category = ${add(f.category)}`);
  if (f.type) parts.push(`${add(f.type)} = ANY(applies_to_types)`);
  // A sub-category shows its own norms and the type's general ones, not those of other sub-categories.
  if (f.subCategory) parts.push(`(sub_categories = '{}' OR ${add(f.subCategory)} = ANY(sub_categories))`);
  if (f.textPattern) {
    const p = add(f.textPattern);
    parts.push(`(code ILIKE ${p} OR title ILIKE ${p} OR standard ILIKE ${p})`);
  }
  return parts.join(' AND ');
}

export async function listNorms(
  db: Db,
  f: NormFilter,
  page: { limit: number; offset: number },
): Promise<{ items: ServiceNorm[]; total: number }> {
  const params: unknown[] = [];
  const where = whereOf(f, params);
  const order = [...params, NORM_CATEGORIES];
  // With a sub-category, its own norms come before the type's general ones (as in matchNorms).
  const specificFirst = f.subCategory
    ? `coalesce(sub_categories <> '{}' AND $${order.push(f.subCategory)} = ANY(sub_categories), false) DESC, `
    : '';
  const rows = await db.query<NormRow>(
    `SELECT ${COLUMNS} FROM service_norms WHERE ${where}
      ORDER BY ${specificFirst}${catalogueOrder(`$${params.length + 1}`)} LIMIT ${page.limit} OFFSET ${page.offset}`,
    order,
  );
  const total = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM service_norms WHERE ${where}`,
    params,
  );
  return { items: rows.rows.map(toNorm), total: total.rows[0].n };
}

/** Active norms for a work-order type: the sub-category's own norms first, then the general ones. */
export async function matchNorms(db: Db, type: string, subCategory: string | null): Promise<ServiceNorm[]> {
  const r = await db.query<NormRow>(
    `SELECT ${COLUMNS} FROM service_norms
      WHERE active AND $2 = ANY(applies_to_types)
        AND ($3::text IS NULL OR sub_categories = '{}' OR $3 = ANY(sub_categories))
      ORDER BY coalesce(sub_categories <> '{}' AND $3 = ANY(sub_categories), false) DESC, ${catalogueOrder('$1')}`,
    [NORM_CATEGORIES, type, subCategory],
  );
  return r.rows.map(toNorm);
}

export async function findNorm(db: Db, id: number, forUpdate = false): Promise<ServiceNorm | null> {
  const r = await db.query<NormRow>(
    `SELECT ${COLUMNS} FROM service_norms WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return r.rows[0] ? toNorm(r.rows[0]) : null;
}

export interface NormValues {
  code: string;
  category: string;
  title: string;
  responsibleRole: string;
  standard: string;
  timeLimitText: string;
  timeLimit: NormTimeLimit | null;
  assistingDepartments: string[];
  appliesToTypes: string[];
  subCategories: string[];
  active: boolean;
}

const valuesOf = (v: NormValues) => [
  v.code,
  v.category,
  v.title,
  v.responsibleRole,
  v.standard,
  v.timeLimitText,
  v.timeLimit?.amount ?? null,
  v.timeLimit?.unit ?? null,
  v.assistingDepartments,
  v.appliesToTypes,
  v.subCategories,
  v.active,
];

export async function insertNorm(db: Db, v: NormValues): Promise<ServiceNorm> {
  const r = await db.query<NormRow>(
    `INSERT INTO service_norms(code, category, title, responsible_role, standard, time_limit_text, time_limit_amount,
                               time_limit_unit, assisting_departments, applies_to_types, sub_categories, active)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9::text[],$10::text[],$11::text[],$12)
     RETURNING ${COLUMNS}`,
    valuesOf(v),
  );
  return toNorm(r.rows[0]);
}

/** Updates the norm at the version it was read; null on a stale version. */
export async function updateNorm(
  db: Db,
  id: number,
  version: number,
  v: NormValues,
): Promise<ServiceNorm | null> {
  const r = await db.query<NormRow>(
    `UPDATE service_norms
        SET code = $1, category = $2, title = $3, responsible_role = $4, standard = $5, time_limit_text = $6,
            time_limit_amount = $7, time_limit_unit = $8, assisting_departments = $9::text[],
            applies_to_types = $10::text[], sub_categories = $11::text[], active = $12,
            version = version + 1, updated_at = now()
      WHERE id = $13 AND version = $14
      RETURNING ${COLUMNS}`,
    [...valuesOf(v), id, version],
  );
  return r.rows[0] ? toNorm(r.rows[0]) : null;
}

/** Retires the norm (kept for the record, no longer shown); null on a stale version. */
export async function retireNorm(db: Db, id: number, version: number): Promise<ServiceNorm | null> {
  const r = await db.query<NormRow>(
    `UPDATE service_norms SET active = false, version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2 RETURNING ${COLUMNS}`,
    [id, version],
  );
  return r.rows[0] ? toNorm(r.rows[0]) : null;
}
