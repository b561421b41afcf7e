// import_jobs and import_errors: the only SQL over them. Jobs are visible to their creator and to
// anyone whose scope covers the job's org unit.
import type { Db } from '../../platform/db/db';
import type { ImportMode, ImportStatus } from '@gridcare/contracts';
import type { ImportFormat, ImportJobRow } from './import-types';
import type { RowError } from './import-row-parser';

const JOB_COLUMNS = `id, org_unit_id, created_by, file_name, file_path, format, mode, status, total_rows, valid_rows,
  error_rows, imported_rows, progress, message, created_at, updated_at`;

export async function insertJob(
  db: Db,
  j: {
    orgUnitId: number;
    createdBy: number;
    fileName: string;
    filePath: string;
    format: ImportFormat;
    idempotencyKey: string | null;
  },
): Promise<ImportJobRow> {
  const r = await db.query<ImportJobRow>(
    `INSERT INTO import_jobs(org_unit_id, created_by, file_name, file_path, format, idempotency_key)
     VALUES ($1,$2,$3,$4,$5,$6) RETURNING ${JOB_COLUMNS}`,
    [j.orgUnitId, j.createdBy, j.fileName, j.filePath, j.format, j.idempotencyKey],
  );
  return r.rows[0];
}

export async function setJobFilePath(db: Db, id: number, filePath: string): Promise<ImportJobRow> {
  const r = await db.query<ImportJobRow>(
    `UPDATE import_jobs SET file_path = $2, updated_at = now() WHERE id = $1 RETURNING ${JOB_COLUMNS}`,
    [id, filePath],
  );
  return r.rows[0];
}

/** Unscoped: for job handlers, which act on a job already authorised when it was created. */
export async function findJobById(db: Db, id: number): Promise<ImportJobRow | null> {
  const r = await db.query<ImportJobRow>(`SELECT ${JOB_COLUMNS} FROM import_jobs WHERE id = $1`, [id]);
  return r.rows[0] ?? null;
}

export async function findJob(
  db: Db,
  id: number,
  userId: number,
  scopeOrgIds: number[],
): Promise<ImportJobRow | null> {
  const r = await db.query<ImportJobRow>(
    `SELECT ${JOB_COLUMNS} FROM import_jobs WHERE id = $1 AND (created_by = $2 OR org_unit_id = ANY($3::bigint[]))`,
    [id, userId, scopeOrgIds],
  );
  return r.rows[0] ?? null;
}

export async function listJobs(
  db: Db,
  q: { userId: number; scopeOrgIds: number[]; status?: ImportStatus; limit: number; offset: number },
): Promise<{ rows: ImportJobRow[]; total: number }> {
  const where = `(created_by = $1 OR org_unit_id = ANY($2::bigint[])) AND ($3::text IS NULL OR status = $3)`;
  const params = [q.userId, q.scopeOrgIds, q.status ?? null];
  const [rows, total] = await Promise.all([
    db.query<ImportJobRow>(
      `SELECT ${JOB_COLUMNS} FROM import_jobs WHERE ${where} ORDER BY id DESC LIMIT $4 OFFSET $5`,
      [...params, q.limit, q.offset],
    ),
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM import_jobs WHERE ${where}`, params),
  ]);
  return { rows: rows.rows, total: total.rows[0].n };
}

export async function updateProgress(
  db: Db,
  id: number,
  p: { progress: number; totalRows?: number; errorRows?: number; importedRows?: number },
): Promise<void> {
  await db.query(
    `UPDATE import_jobs SET progress = $2, total_rows = coalesce($3::int, total_rows),
        valid_rows = coalesce($3::int - $4::int, valid_rows), error_rows = coalesce($4::int, error_rows),
        imported_rows = coalesce($5::int, imported_rows), updated_at = now()
      WHERE id = $1`,
    [
      id,
      Math.min(100, Math.round(p.progress * 100) / 100),
      p.totalRows ?? null,
      p.errorRows ?? null,
      p.importedRows ?? null,
    ],
  );
}

export async function finishValidation(
  db: Db,
  id: number,
  c: { totalRows: number; errorRows: number; message: string | null },
): Promise<void> {
  await db.query(
    `UPDATE import_jobs SET status = 'validated', progress = 100, total_rows = $2::int, valid_rows = $2::int - $3::int, error_rows = $3::int,
        message = $4, updated_at = now(), version = version + 1
      WHERE id = $1 AND status = 'validating'`,
    [id, c.totalRows, c.errorRows, c.message],
  );
}

export async function markFailed(db: Db, id: number, message: string): Promise<void> {
  await db.query(
    `UPDATE import_jobs SET status = 'failed', message = $2, updated_at = now(), version = version + 1
      WHERE id = $1 AND status IN ('validating','importing')`,
    [id, message.slice(0, 2000)],
  );
}

/**
 * Moves a validated job to 'importing' — the state check and the row lock that make a second commit
 * (a double click, a retry, a second process) find nothing to do. all_or_nothing only claims a clean file.
 */
export async function claimForCommit(db: Db, id: number, mode: ImportMode): Promise<ImportJobRow | null> {
  const r = await db.query<ImportJobRow>(
    `UPDATE import_jobs SET status = 'importing', mode = $2, progress = 0, message = NULL, updated_at = now(), version = version + 1
      WHERE id = $1 AND status = 'validated' AND ($2 = 'valid_rows' OR error_rows = 0)
      RETURNING ${JOB_COLUMNS}`,
    [id, mode],
  );
  return r.rows[0] ?? null;
}

export async function finishCommit(
  db: Db,
  id: number,
  importedRows: number,
  message: string | null,
): Promise<void> {
  await db.query(
    `UPDATE import_jobs SET status = 'done', progress = 100, imported_rows = $2, message = $3, updated_at = now(), version = version + 1
      WHERE id = $1`,
    [id, importedRows, message],
  );
}

/** Clears a job's errors, so a retried validation starts clean. */
export async function deleteErrors(db: Db, jobId: number): Promise<void> {
  await db.query(`DELETE FROM import_errors WHERE job_id = $1`, [jobId]);
}

/** One statement per batch of errors (arrays unnested server-side). */
export async function insertErrors(db: Db, jobId: number, errors: RowError[]): Promise<void> {
  if (errors.length === 0) return;
  await db.query(
    `INSERT INTO import_errors(job_id, row_no, field, message, value)
     SELECT $1::bigint, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[])`,
    [
      jobId,
      errors.map((e) => e.rowNo),
      errors.map((e) => e.field),
      errors.map((e) => e.message),
      errors.map((e) => e.value?.slice(0, 500) ?? null),
    ],
  );
}

export async function listErrors(
  db: Db,
  jobId: number,
  limit: number,
  offset: number,
): Promise<{ rows: RowError[]; total: number }> {
  const [rows, total] = await Promise.all([
    db.query<RowError>(
      `SELECT row_no AS "rowNo", field, message, value FROM import_errors WHERE job_id = $1
        ORDER BY row_no, field LIMIT $2 OFFSET $3`,
      [jobId, limit, offset],
    ),
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM import_errors WHERE job_id = $1`, [jobId]),
  ]);
  return { rows: rows.rows, total: total.rows[0].n };
}

/** Errors of rows [fromRow, toRow], for writing the report in slices. */
export async function errorsInRowRange(
  db: Db,
  jobId: number,
  fromRow: number,
  toRow: number,
): Promise<RowError[]> {
  const r = await db.query<RowError>(
    `SELECT row_no AS "rowNo", field, message, value FROM import_errors
      WHERE job_id = $1 AND row_no BETWEEN $2 AND $3 ORDER BY row_no, field`,
    [jobId, fromRow, toRow],
  );
  return r.rows;
}

export async function maxErrorRow(db: Db, jobId: number): Promise<number> {
  const r = await db.query<{ n: number | null }>(
    `SELECT max(row_no) AS n FROM import_errors WHERE job_id = $1`,
    [jobId],
  );
  return r.rows[0].n ?? 0;
}

/** Supply offices and business halls inside the scope, by code: where imported customers may belong. */
export async function importableOrgUnits(db: Db, scopeOrgIds: number[]): Promise<Map<string, number>> {
  const r = await db.query<{ code: string; id: number }>(
    `SELECT code, id FROM org_units WHERE id = ANY($1::bigint[]) AND kind IN ('supply_office','business_hall') AND active`,
    [scopeOrgIds],
  );
  return new Map(r.rows.map((u) => [u.code, u.id]));
}

export async function userBase(
  db: Db,
  userId: number,
): Promise<{ username: string; displayName: string; locale: string } | null> {
  const r = await db.query<{ username: string; displayName: string; locale: string }>(
    `SELECT username, display_name AS "displayName", locale FROM users WHERE id = $1`,
    [userId],
  );
  return r.rows[0] ?? null;
}
