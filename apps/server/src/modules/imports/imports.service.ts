// Use cases of the customer-archive import: upload (→ validation), list, errors, commit, templates,
// and importFile for tools and benchmarks that work without HTTP.
import { mkdir, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { ImportJob, ImportListQuery, ImportMode, ImportRowError } from '@gridcare/contracts';
import type { Db } from '../../platform/db/db';
import type { Jobs } from '../../platform/jobs/jobs';
import { requirePermission, type AuthUser, type RequestContext } from '../../platform/auth/context';
import { DomainError, notFound } from '../../platform/http/errors';
import { estimateRows, readHeader } from './import-file-reader';
import { errorReportStream } from './import-error-report';
import { IMPORT_TEXT } from './import-messages';
import { templateCsv, templateXlsx } from './import-template';
import { INLINE_ROW_LIMIT, type ImportFormat, type ImportJobRow } from './import-types';
import { commitImportJob } from './import-commit.service';
import { headerIndex, validateImportJob } from './import-validation.service';
import { dispatch, importsCommitJob, importsValidateJob } from './imports.jobs';
import * as repo from './imports.repository';

export interface ImportDeps {
  db: Db;
  jobs: Jobs | null;
  dataDir?: string;
}

export interface ReceivedFile {
  path: string;
  fileName: string;
  size: number;
}

export function toImportJob(r: ImportJobRow): ImportJob {
  return {
    id: r.id,
    orgUnitId: r.org_unit_id,
    createdBy: r.created_by,
    fileName: r.file_name,
    format: r.format,
    mode: r.mode,
    status: r.status,
    totalRows: r.total_rows,
    validRows: r.valid_rows,
    errorRows: r.error_rows,
    importedRows: r.imported_rows,
    progress: Number(r.progress),
    message: r.message,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function importDir(deps: { dataDir?: string }): string {
  return path.join(deps.dataDir ?? tmpdir(), 'imports');
}

function formatOf(fileName: string): ImportFormat {
  const ext = path.extname(fileName).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  throw new DomainError('bad_file', [{ path: 'file', message: '仅支持 .csv 或 .xlsx 文件' }]);
}

/** Refuses, before any job exists, a file that is not a readable sheet with the essential columns. */
async function checkReadable(file: ReceivedFile, format: ImportFormat): Promise<void> {
  const header = await readHeader(file.path, format);
  if (!header)
    throw new DomainError('bad_file', [
      { path: 'file', message: '文件内容无法读取，请使用模板保存为 CSV(UTF-8) 或 Excel(.xlsx)' },
    ]);
  headerIndex(header);
}

function scopeOrgUnitOf(user: AuthUser): number {
  const role = user.roles[0];
  if (!role) throw new DomainError('forbidden');
  return role.orgUnitId;
}

/**
 * Stores the upload under dataDir/imports/<job id>.<ext>, creates the job and validates it — in the
 * request for small files, as a job otherwise. `idempotent` replays the first answer for a retried key.
 */
export async function uploadImport(
  ctx: RequestContext,
  deps: ImportDeps,
  io: {
    receive: (dir: string) => Promise<ReceivedFile>;
    idempotencyKey: string | null;
    idempotent: (
      file: ReceivedFile,
      fn: (tx: Db) => Promise<{ job: ImportJob }>,
    ) => Promise<{ body: { job: ImportJob }; replayed: boolean }>;
  },
): Promise<{ job: ImportJob }> {
  requirePermission(ctx.user, 'customer:import');
  const dir = importDir(deps);
  await mkdir(dir, { recursive: true });
  const file = await io.receive(dir);
  let kept = false;
  let storedPath: string | undefined;
  try {
    const format = formatOf(file.fileName);
    await checkReadable(file, format);
    const result = await io.idempotent(file, async (tx) => {
      const created = await repo.insertJob(tx, {
        orgUnitId: scopeOrgUnitOf(ctx.user),
        createdBy: ctx.user.id,
        fileName: file.fileName.slice(0, 255),
        filePath: file.path,
        format,
        idempotencyKey: io.idempotencyKey,
      });
      // The random part keeps two databases sharing one directory (parallel test runs, a restored
      // backup) from ever writing the same file name.
      const finalPath = path.join(dir, `${created.id}-${randomUUID()}.${format}`);
      await rename(file.path, finalPath);
      kept = true;
      storedPath = finalPath;
      return { job: toImportJob(await repo.setJobFilePath(tx, created.id, finalPath)) };
    });
    if (result.replayed) return result.body;
    const jobId = result.body.job.id;
    const estimate = await estimateRows(storedPath!, format, file.size);
    await dispatch(deps, importsValidateJob, { jobId }, estimate < INLINE_ROW_LIMIT);
    return { job: toImportJob((await repo.findJobById(deps.db, jobId))!) };
  } finally {
    if (!kept) await rm(file.path, { force: true });
  }
}

async function visibleJob(ctx: RequestContext, id: number): Promise<ImportJobRow> {
  requirePermission(ctx.user, 'customer:import');
  const job = await repo.findJob(ctx.db, id, ctx.user.id, ctx.user.scopeOrgIds);
  if (!job) throw notFound();
  return job;
}

export async function getImport(ctx: RequestContext, id: number): Promise<ImportJob> {
  return toImportJob(await visibleJob(ctx, id));
}

export async function listImports(ctx: RequestContext, q: ImportListQuery) {
  requirePermission(ctx.user, 'customer:import');
  const { rows, total } = await repo.listJobs(ctx.db, {
    userId: ctx.user.id,
    scopeOrgIds: ctx.user.scopeOrgIds,
    status: q.status,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: rows.map(toImportJob), page: q.page, pageSize: q.pageSize, total };
}

export async function listImportErrors(
  ctx: RequestContext,
  id: number,
  q: { page: number; pageSize: number },
) {
  await visibleJob(ctx, id);
  const { rows, total } = await repo.listErrors(ctx.db, id, q.pageSize, (q.page - 1) * q.pageSize);
  return { items: rows as ImportRowError[], page: q.page, pageSize: q.pageSize, total };
}

export async function importErrorReport(
  ctx: RequestContext,
  id: number,
): Promise<{ fileName: string; stream: Readable }> {
  const job = await visibleJob(ctx, id);
  return { fileName: `导入错误报告-${job.id}.xlsx`, stream: errorReportStream(ctx.db, id) };
}

/** Claims the job (a second commit finds it no longer 'validated' and gets 409) and imports it. */
export async function commitImport(
  ctx: RequestContext,
  deps: ImportDeps,
  id: number,
  mode: ImportMode,
): Promise<{ job: ImportJob }> {
  const job = await visibleJob(ctx, id);
  const claimed = await repo.claimForCommit(ctx.db, id, mode);
  if (!claimed) {
    const reason =
      job.status === 'validated' && mode === 'all_or_nothing' && job.error_rows > 0
        ? IMPORT_TEXT.refused(job.error_rows)
        : `导入任务当前状态为“${job.status}”，不能提交导入`;
    throw new DomainError('invalid_state', [{ path: 'mode', message: reason }]);
  }
  const inline = claimed.valid_rows < INLINE_ROW_LIMIT;
  await dispatch(deps, importsCommitJob, { jobId: id, actorId: ctx.user.id }, inline);
  return { job: toImportJob((await repo.findJobById(ctx.db, id))!) };
}

export async function importTemplate(
  ctx: RequestContext,
  format: ImportFormat,
): Promise<{ fileName: string; body: Buffer }> {
  requirePermission(ctx.user, 'customer:import');
  return format === 'csv'
    ? { fileName: '客户档案导入模板.csv', body: templateCsv() }
    : { fileName: '客户档案导入模板.xlsx', body: await templateXlsx() };
}

/**
 * Validates and imports a file in this process, without HTTP (CLI, benchmarks). The file stays where
 * it is. all_or_nothing leaves a file with errors validated but not imported.
 */
export async function importFile(
  db: Db,
  user: AuthUser,
  opts: { filePath: string; format: ImportFormat; mode: ImportMode; fileName?: string },
): Promise<{
  jobId: number;
  status: ImportJob['status'];
  imported: number;
  errors: number;
  /** Wall-clock time of validation and of the commit (0 when nothing was committed). */
  timings: { validateMs: number; commitMs: number };
}> {
  requirePermission(user, 'customer:import');
  const created = await repo.insertJob(db, {
    orgUnitId: scopeOrgUnitOf(user),
    createdBy: user.id,
    fileName: opts.fileName ?? path.basename(opts.filePath),
    filePath: opts.filePath,
    format: opts.format,
    idempotencyKey: null,
  });
  const t0 = performance.now();
  await validateImportJob(db, created.id);
  const t1 = performance.now();
  if (await repo.claimForCommit(db, created.id, opts.mode)) await commitImportJob(db, created.id, user.id);
  const t2 = performance.now();
  const job = (await repo.findJobById(db, created.id))!;
  return {
    jobId: job.id,
    status: job.status,
    imported: job.imported_rows,
    errors: job.error_rows,
    timings: { validateMs: t1 - t0, commitMs: t2 - t1 },
  };
}
