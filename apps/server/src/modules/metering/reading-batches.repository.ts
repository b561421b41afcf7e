// Intake batches and their row-level error reports.
import type { ReadingBatch } from '@gridcare/contracts';
import type { Db } from '../../platform/db/db';

interface BatchRow {
  id: number;
  kind: 'register' | 'interval';
  source: ReadingBatch['source'];
  file_name: string | null;
  status: 'completed' | 'rejected';
  total_rows: number;
  valid_rows: number;
  exception_rows: number;
  error_rows: number;
  created_at: string;
}

const toBatch = (r: BatchRow): ReadingBatch => ({
  id: r.id,
  kind: r.kind,
  source: r.source,
  fileName: r.file_name,
  status: r.status,
  totalRows: r.total_rows,
  validRows: r.valid_rows,
  exceptionRows: r.exception_rows,
  errorRows: r.error_rows,
  createdAt: r.created_at,
});

/** A batch row opened inside the intake transaction (its final status is set before commit). */
export async function openBatch(
  db: Db,
  b: { kind: 'register' | 'interval'; source: string; fileName: string | null; userId: number | null },
): Promise<number> {
  const r = await db.query<{ id: number }>(
    `INSERT INTO reading_batches(kind, source, file_name, status, created_by) VALUES ($1,$2,$3,'completed',$4)
     RETURNING id`,
    [b.kind, b.source, b.fileName, b.userId],
  );
  return r.rows[0].id;
}

export async function finishBatch(
  db: Db,
  id: number,
  c: { status: 'completed' | 'rejected'; total: number; valid: number; exception: number; errors: number },
): Promise<ReadingBatch> {
  const r = await db.query<BatchRow>(
    `UPDATE reading_batches SET status = $2, total_rows = $3, valid_rows = $4, exception_rows = $5, error_rows = $6
      WHERE id = $1 RETURNING *`,
    [id, c.status, c.total, c.valid, c.exception, c.errors],
  );
  return toBatch(r.rows[0]);
}

export async function addBatchErrors(
  db: Db,
  batchId: number,
  errors: { lineNo: number; field: string; code: string; value: string | null }[],
): Promise<void> {
  if (errors.length === 0) return;
  await db.query(
    `INSERT INTO reading_batch_errors(batch_id, line_no, field, code, value)
     SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[]) ON CONFLICT DO NOTHING`,
    [
      batchId,
      errors.map((e) => e.lineNo),
      errors.map((e) => e.field),
      errors.map((e) => e.code),
      errors.map((e) => (e.value === null ? null : e.value.slice(0, 100))),
    ],
  );
}

export async function findBatch(
  db: Db,
  id: number,
  userId: number,
  all: boolean,
): Promise<ReadingBatch | null> {
  const r = await db.query<BatchRow>(
    `SELECT * FROM reading_batches WHERE id = $1 AND ($3 OR created_by = $2)`,
    [id, userId, all],
  );
  return r.rows[0] ? toBatch(r.rows[0]) : null;
}

export async function listBatchErrors(
  db: Db,
  batchId: number,
  page: { limit: number; offset: number },
): Promise<{
  rows: { line_no: number; field: string; code: string; value: string | null }[];
  total: number;
}> {
  const [rows, total] = await Promise.all([
    db.query<{ line_no: number; field: string; code: string; value: string | null }>(
      `SELECT line_no, field, code, value FROM reading_batch_errors WHERE batch_id = $1
        ORDER BY line_no, field, code LIMIT $2 OFFSET $3`,
      [batchId, page.limit, page.offset],
    ),
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM reading_batch_errors WHERE batch_id = $1`, [
      batchId,
    ]),
  ]);
  return { rows: rows.rows, total: total.rows[0].n };
}
