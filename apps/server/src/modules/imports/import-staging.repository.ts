// The staging table of one import job: an UNLOGGED table loaded with COPY while the file is validated,
// checked set-based against itself and the archive, and read by the commit. One table per job so a
// finished job is dropped in an instant and concurrent imports never see each other's rows.
import { once } from 'node:events';
import { from as copyFrom } from 'pg-copy-streams';
import { isPglite, isPostgres, type Db, type PgliteDb, type PostgresDb } from '../../platform/db/db';
import { GROUP_COLUMNS, STAGE_COLUMNS } from './import-row-parser';
import { IMPORT_TEXT } from './import-messages';

type StageValue = string | number | boolean | null;

export function stageTable(jobId: number): string {
  if (!Number.isSafeInteger(jobId) || jobId <= 0) throw new Error(`bad import job id ${jobId}`);
  return `import_stage_${jobId}`;
}

export async function createStage(db: Db, jobId: number): Promise<void> {
  const t = stageTable(jobId);
  await db.exec(
    `DROP TABLE IF EXISTS ${t}; CREATE UNLOGGED TABLE ${t} (${STAGE_COLUMNS.map(([n, ty]) => `${n} ${ty}`).join(', ')})`,
  );
}

export async function dropStage(db: Db, jobId: number): Promise<void> {
  await db.exec(`DROP TABLE IF EXISTS ${stageTable(jobId)}`);
}

export async function stageExists(db: Db, jobId: number): Promise<boolean> {
  const r = await db.query<{ t: string | null }>(`SELECT to_regclass($1)::text AS t`, [stageTable(jobId)]);
  return r.rows[0].t !== null;
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const NEEDS_ESCAPE = /[\\\t\n\r]/;

/** One line of COPY's text format. */
function copyLine(values: StageValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i > 0) line += '\t';
    if (v === null) line += '\\N';
    else if (typeof v === 'boolean') line += v ? 't' : 'f';
    else if (typeof v === 'number') line += String(v);
    else line += NEEDS_ESCAPE.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]) : v;
  }
  return line + '\n';
}

export interface StageWriter {
  write(values: StageValue[]): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}

const FLUSH_CHARS = 1 << 20;

/** PostgreSQL: one COPY … FROM STDIN over a dedicated connection, written with back-pressure. */
async function postgresWriter(db: PostgresDb, table: string): Promise<StageWriter> {
  const client = await db.connect();
  const stream = client.query(copyFrom(`COPY ${table} FROM STDIN`));
  let failure: unknown = null;
  stream.on('error', (e) => (failure = e));
  let buffer = '';
  const flush = async () => {
    if (failure) throw failure;
    if (buffer === '') return;
    const ok = stream.write(buffer);
    buffer = '';
    if (!ok) await once(stream, 'drain');
  };
  return {
    async write(values) {
      buffer += copyLine(values);
      if (buffer.length >= FLUSH_CHARS) await flush();
    },
    async close() {
      try {
        await flush();
        const finished = once(stream, 'finish');
        stream.end();
        await finished;
      } finally {
        client.release();
      }
    },
    async abort() {
      stream.destroy();
      client.release(true);
    },
  };
}

/** PGlite: COPY … FROM '/dev/blob' in chunks of lines. */
function pgliteWriter(db: PgliteDb, table: string): StageWriter {
  let lines: string[] = [];
  let chars = 0;
  const flush = async () => {
    if (lines.length === 0) return;
    const blob = new Blob(lines);
    lines = [];
    chars = 0;
    await db.pglite.query(`COPY ${table} FROM '/dev/blob'`, [], { blob });
  };
  return {
    async write(values) {
      const line = copyLine(values);
      lines.push(line);
      chars += line.length;
      if (chars >= FLUSH_CHARS) await flush();
    },
    close: flush,
    async abort() {
      lines = [];
    },
  };
}

export async function openStageWriter(db: Db, jobId: number): Promise<StageWriter> {
  const table = stageTable(jobId);
  if (isPostgres(db)) return postgresWriter(db, table);
  if (isPglite(db)) return pgliteWriter(db, table);
  throw new Error('unsupported database');
}

async function insertErrorsSelect(
  db: Db,
  jobId: number,
  select: string,
  params: unknown[] = [],
): Promise<void> {
  await db.query(`INSERT INTO import_errors(job_id, row_no, field, message, value) ${select}`, [
    jobId,
    ...params,
  ]);
}

/**
 * The checks that need the whole file or the archive, each one statement: duplicates inside the file,
 * numbers already used in the archive, unknown topology codes, and groups that contradict their first row.
 */
export async function runSetChecks(db: Db, jobId: number): Promise<{ totalRows: number; errorRows: number }> {
  const t = stageTable(jobId);
  await db.exec(`CREATE INDEX ON ${t} (row_no); CREATE INDEX ON ${t} (customer_ref, row_no); ANALYZE ${t}`);
  const unique = [
    ['account_no', IMPORT_TEXT.accountNo, 'accounts'],
    ['meter_asset_no', IMPORT_TEXT.meterAssetNo, 'meters'],
    ['transformer_asset_no', IMPORT_TEXT.transformerAssetNo, 'transformers'],
  ] as const;
  for (const [column, what, table] of unique) {
    const target = table === 'accounts' ? 'account_no' : 'asset_no';
    // Duplicates are found by a hash aggregate over the column; only duplicated values are joined back.
    await insertErrorsSelect(
      db,
      jobId,
      `SELECT $1::bigint, s.row_no, '${column}', format($2, d.first_row), s.${column} FROM ${t} s
         JOIN (SELECT ${column}, min(row_no) AS first_row FROM ${t} WHERE ${column} IS NOT NULL
                GROUP BY ${column} HAVING count(*) > 1) d ON d.${column} = s.${column}
        WHERE s.row_no <> d.first_row`,
      [IMPORT_TEXT.duplicateInFile(what)],
    );
    await insertErrorsSelect(
      db,
      jobId,
      `SELECT $1::bigint, s.row_no, '${column}', $2, s.${column} FROM ${t} s
        WHERE s.${column} IS NOT NULL AND EXISTS (SELECT 1 FROM ${table} x WHERE x.${target} = s.${column})`,
      [IMPORT_TEXT.existsInDb(what)],
    );
  }
  for (const [column, what, table] of [
    ['transformer_area_code', IMPORT_TEXT.transformerArea, 'transformer_areas'],
    ['feeder_code', IMPORT_TEXT.feeder, 'feeders'],
  ] as const) {
    await insertErrorsSelect(
      db,
      jobId,
      `SELECT $1::bigint, s.row_no, '${column}', $2, s.${column} FROM ${t} s
        WHERE s.${column} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${table} x WHERE x.code = s.${column})`,
      [IMPORT_TEXT.unknownTopology(what)],
    );
  }
  await insertErrorsSelect(
    db,
    jobId,
    `SELECT $1::bigint, s.row_no, 'transformer_area_code', $2, s.transformer_area_code FROM ${t} s
       JOIN transformer_areas ta ON ta.code = s.transformer_area_code JOIN feeders f ON f.code = s.feeder_code
      WHERE ta.feeder_id <> f.id`,
    [IMPORT_TEXT.areaNotOnFeeder],
  );
  const pairs = GROUP_COLUMNS.map((c) =>
    c === 'vip' ? `('vip', s.vip::text, f.vip::text)` : `('${c}', s.${c}, f.${c})`,
  ).join(', ');
  await insertErrorsSelect(
    db,
    jobId,
    `SELECT $1::bigint, s.row_no, v.field, format($2, f.row_no), v.val
       FROM ${t} s
       JOIN (SELECT DISTINCT ON (customer_ref) * FROM ${t}
              WHERE customer_ref IN (SELECT customer_ref FROM ${t} GROUP BY customer_ref HAVING count(*) > 1)
              ORDER BY customer_ref, row_no) f
         ON f.customer_ref = s.customer_ref AND f.row_no <> s.row_no
      CROSS JOIN LATERAL (VALUES ${pairs}) v(field, val, first)
      WHERE v.val IS NOT NULL AND v.first IS NOT NULL AND v.val <> v.first`,
    [IMPORT_TEXT.groupMismatch],
  );
  await db.query(
    `UPDATE ${t} SET has_error = true
      WHERE NOT has_error AND row_no IN (SELECT row_no FROM import_errors WHERE job_id = $1)`,
    [jobId],
  );
  const r = await db.query<{ total: number; errors: number }>(
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE has_error)::int AS errors FROM ${t}`,
  );
  return { totalRows: r.rows[0].total, errorRows: r.rows[0].errors };
}
