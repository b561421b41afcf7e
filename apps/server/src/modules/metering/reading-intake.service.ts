// Intake of register readings (抄表数据录入/导入): manual sheets, CSV uploads and the API (CSV or NDJSON
// bodies) all take one path — stage with COPY, check set-wise, and either write every reading in one
// INSERT … SELECT or write nothing and keep a row-level error report (all-or-nothing per file).
import type { ReadingBatch, ManualReadingsBody } from '@gridcare/contracts';
import type { Db } from '../../platform/db/db';
import type { AuthUser, RequestContext } from '../../platform/auth/context';
import { requirePermission } from '../../platform/auth/context';
import { DomainError } from '../../platform/http/errors';
import { writeAudit } from '../../platform/audit/audit';
import {
  REQUIRED_COLUMNS,
  STAGE_COLUMNS,
  copyCsvIntoStage,
  copyTextLine,
  createStage,
  dropStage,
  newStageName,
  splitCsvHeader,
  type CopyFailure,
  type StageKind,
} from './reading-stage';
import { addBatchErrors, finishBatch, openBatch } from './reading-batches.repository';
import { checkStagedReadings, supersedeReread, writeStagedReadings } from './reading-intake.repository';
import { checkStagedIntervals, writeStagedIntervals } from './interval-intake.repository';

export type IntakeSource = 'manual' | 'handheld' | 'ami' | 'import' | 'api';

export interface PreError {
  lineNo: number;
  field: string;
  code: string;
  value: string | null;
}

/** A loaded stage, ready to be committed (or rejected). */
export interface StagedIntake {
  stage: string;
  kind: StageKind;
  /** Added to a staged line number to give the file's line number (1 for a CSV header). */
  lineOffset: number;
  preErrors: PreError[];
  totalRows: number;
}

/** Company-wide callers need no per-meter scope test. */
export function scopeOf(user: AuthUser, topOrgIds: number[]): number[] | null {
  return topOrgIds.some((id) => user.scopeOrgIds.includes(id)) ? null : user.scopeOrgIds;
}

async function topOrgIds(db: Db): Promise<number[]> {
  const r = await db.query<{ id: number }>(`SELECT id FROM org_units WHERE parent_id IS NULL`);
  return r.rows.map((x) => x.id);
}

async function stagedCount(db: Db, stage: string): Promise<number> {
  const r = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${stage}`);
  return r.rows[0].n;
}

function failureError(f: CopyFailure, lineOffset: number): PreError {
  return {
    lineNo: (f.line ?? 0) + lineOffset,
    field: 'line',
    code: 'malformed',
    value: f.message.slice(0, 100),
  };
}

/** Stages a CSV stream (header line first). */
export async function stageCsv(
  db: Db,
  kind: StageKind,
  input: AsyncIterable<Buffer | string>,
): Promise<StagedIntake> {
  const { header, body } = await splitCsvHeader(input);
  const allowed = STAGE_COLUMNS[kind];
  const preErrors: PreError[] = [];
  header.forEach((h) => {
    if (!allowed.includes(h))
      preErrors.push({ lineNo: 1, field: h || '(empty)', code: 'unknown_column', value: h });
  });
  for (const c of REQUIRED_COLUMNS[kind])
    if (!header.includes(c)) preErrors.push({ lineNo: 1, field: c, code: 'missing_column', value: null });
  const stage = newStageName();
  await createStage(db, stage, kind);
  if (preErrors.length > 0) {
    // Drain the body: the header decides the file is unusable.
    for await (const _ of body) void _;
    return { stage, kind, lineOffset: 1, preErrors, totalRows: 0 };
  }
  const failure = await copyCsvIntoStage(db, stage, header, body, 'csv');
  if (failure) {
    // COPY's line numbers count data lines from 1; the file's header is line 1.
    preErrors.push(failureError(failure, 1));
    return { stage, kind, lineOffset: 1, preErrors, totalRows: 0 };
  }
  // Statistics of the staged file let the planner choose index probes or hash joins by its size.
  await db.exec(`ANALYZE ${stage}`);
  const totalRows = await stagedCount(db, stage);
  if (totalRows === 0) preErrors.push({ lineNo: 1, field: 'file', code: 'empty_file', value: null });
  return { stage, kind, lineOffset: 1, preErrors, totalRows };
}

const NDJSON_FIELDS: Record<string, string> = {
  meterAssetNo: 'meter_asset_no',
  meter_asset_no: 'meter_asset_no',
  period: 'period',
  settlement: 'settlement',
  register: 'register',
  readOn: 'read_on',
  read_on: 'read_on',
  value: 'value',
};

/** Stages NDJSON: one JSON object per line ({meterAssetNo, period, settlement?, register, readOn, value}). */
export async function stageNdjson(db: Db, input: AsyncIterable<Buffer | string>): Promise<StagedIntake> {
  const stage = newStageName();
  await createStage(db, stage, 'register');
  const cols = ['line_no', ...STAGE_COLUMNS.register];
  const preErrors: PreError[] = [];
  let lineNo = 0;
  async function* lines(): AsyncIterable<string> {
    const decoder = new TextDecoder('utf-8');
    let carry = '';
    let out = '';
    const take = (line: string) => {
      lineNo++;
      const text = line.trim();
      if (text === '') return;
      let obj: unknown;
      try {
        obj = JSON.parse(text);
      } catch {
        obj = null;
      }
      if (!obj || typeof obj !== 'object' || Array.isArray(obj)) {
        preErrors.push({ lineNo, field: 'line', code: 'malformed', value: text.slice(0, 100) });
        return;
      }
      const row: Record<string, string | null> = {};
      for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
        const col = NDJSON_FIELDS[k];
        if (col) row[col] = v === null || v === undefined ? null : String(v);
      }
      out += copyTextLine([lineNo, ...STAGE_COLUMNS.register.map((c) => row[c] ?? null)]);
    };
    for await (const chunk of input) {
      carry += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
      let nl = carry.indexOf('\n');
      while (nl !== -1) {
        take(carry.slice(0, nl));
        carry = carry.slice(nl + 1);
        nl = carry.indexOf('\n');
      }
      if (out.length >= 1 << 20) {
        yield out;
        out = '';
      }
    }
    take(carry);
    if (out) yield out;
  }
  const failure = await copyCsvIntoStage(db, stage, cols, lines(), 'text');
  if (failure) preErrors.push(failureError(failure, 0));
  const totalRows = await stagedCount(db, stage);
  if (totalRows === 0 && preErrors.length === 0)
    preErrors.push({ lineNo: 0, field: 'body', code: 'empty_file', value: null });
  return { stage, kind: 'register', lineOffset: 0, preErrors, totalRows: totalRows + preErrors.length };
}

/** Stages a manual sheet (meter ids from the sheet; line n = readings[n − 1]). */
export async function stageManual(db: Db, body: ManualReadingsBody): Promise<StagedIntake> {
  const ids = [...new Set(body.readings.map((r) => r.meterId))];
  const assets = await db.query<{ id: number; asset_no: string }>(
    `SELECT id, asset_no FROM meters WHERE id = ANY($1::bigint[])`,
    [ids],
  );
  const assetOf = new Map(assets.rows.map((r) => [r.id, r.asset_no]));
  const stage = newStageName();
  await createStage(db, stage, 'register');
  const cols = ['line_no', ...STAGE_COLUMNS.register];
  const preErrors: PreError[] = [];
  let text = '';
  body.readings.forEach((r, i) => {
    const asset = assetOf.get(r.meterId);
    if (!asset)
      preErrors.push({ lineNo: i + 1, field: 'meterId', code: 'unknown_meter', value: String(r.meterId) });
    text += copyTextLine([i + 1, asset ?? '', r.period, String(r.settlement), r.register, r.readOn, r.value]);
  });
  const failure = await copyCsvIntoStage(db, stage, cols, [text], 'text');
  if (failure) preErrors.push(failureError(failure, 0));
  return { stage, kind: 'register', lineOffset: 0, preErrors, totalRows: body.readings.length };
}

/**
 * Checks and writes a staged intake in the caller's transaction: a batch row, and either all readings
 * (valid ones and exceptions for review) or none plus the row-level errors.
 */
export async function commitIntake(
  tx: Db,
  user: AuthUser,
  staged: StagedIntake,
  meta: { source: IntakeSource; fileName: string | null; requestId?: string },
): Promise<ReadingBatch> {
  const batchId = await openBatch(tx, {
    kind: staged.kind,
    source: meta.source,
    fileName: meta.fileName,
    userId: user.id,
  });
  await addBatchErrors(tx, batchId, staged.preErrors);
  const scope = scopeOf(user, await topOrgIds(tx));
  const badLines =
    staged.preErrors.length > 0
      ? new Set(staged.preErrors.map((e) => e.lineNo)).size
      : staged.kind === 'register'
        ? await checkStagedReadings(tx, staged.stage, batchId, scope, staged.lineOffset)
        : await checkStagedIntervals(tx, staged.stage, batchId, scope, staged.lineOffset);
  if (badLines > 0) {
    return finishBatch(tx, batchId, {
      status: 'rejected',
      total: staged.totalRows,
      valid: 0,
      exception: 0,
      errors: badLines,
    });
  }
  let counts: { valid: number; exception: number };
  try {
    if (staged.kind === 'register') {
      await supersedeReread(tx, staged.stage, user.id);
      counts = await writeStagedReadings(tx, staged.stage, { batchId, source: meta.source, userId: user.id });
    } else {
      await writeStagedIntervals(tx, staged.stage, batchId);
      counts = { valid: staged.totalRows, exception: 0 };
    }
  } catch (e) {
    // Another intake wrote the same meter register and period meanwhile.
    if ((e as { code?: string }).code === '23505') throw new DomainError('conflict');
    throw e;
  }
  const batch = await finishBatch(tx, batchId, {
    status: 'completed',
    total: staged.totalRows,
    valid: counts.valid,
    exception: counts.exception,
    errors: 0,
  });
  await writeAudit(tx, {
    actor: { id: user.id, name: user.displayName },
    action: 'metering.intake',
    entity: 'reading_batch',
    entityId: batchId,
    after: { kind: staged.kind, source: meta.source, fileName: meta.fileName, ...counts },
    requestId: meta.requestId,
  });
  return batch;
}

/** Stage → commit in one transaction → drop the stage. */
export async function runIntake(
  ctx: RequestContext,
  stageIt: (db: Db) => Promise<StagedIntake>,
  meta: { source: IntakeSource; fileName: string | null },
  commit: (fn: (tx: Db) => Promise<ReadingBatch>) => Promise<ReadingBatch> = (fn) => ctx.db.transaction(fn),
): Promise<ReadingBatch> {
  requirePermission(ctx.user, 'reading:write');
  let staged: StagedIntake | null = null;
  try {
    staged = await stageIt(ctx.db);
    const s = staged;
    return await commit((tx) => commitIntake(tx, ctx.user, s, { ...meta, requestId: ctx.requestId }));
  } finally {
    if (staged) await dropStage(ctx.db, staged.stage);
  }
}
