// Validation of an uploaded file: every row is read as a stream, checked against the contract
// schemas, and COPY-ed into the job's staging table; checks that need the whole file or the archive
// then run set-based over the staging table. Row errors land in import_errors as they are found.
import { stat } from 'node:fs/promises';
import type { Db } from '../../platform/db/db';
import type { AuthUser } from '../../platform/auth/context';
import { loadAuthUser } from '../../platform/auth/auth.service';
import { DomainError } from '../../platform/http/errors';
import { translate } from '@gridcare/contracts';
import { REQUIRED_HEADERS, columnKeyOf } from './import-columns';
import { readSheet, type ReadProgress } from './import-file-reader';
import { IMPORT_TEXT } from './import-messages';
import { ImportRowParser, type RowError } from './import-row-parser';
import { createStage, dropStage, openStageWriter, runSetChecks } from './import-staging.repository';
import { MAX_STORED_ERRORS, type ImportJobRow } from './import-types';
import * as repo from './imports.repository';

const PROGRESS_EVERY_ROWS = 5000;
/** Reading the file is most of the work; the set-based checks take the last tenth. */
const READ_SHARE = 90;

export async function loadUser(db: Db, userId: number): Promise<AuthUser> {
  const base = await repo.userBase(db, userId);
  if (!base) throw new DomainError('not_found');
  return loadAuthUser(db, userId, base);
}

export function failureMessage(e: unknown): string {
  if (e instanceof DomainError) {
    const details = (e.details ?? []).map((d) => translate(d.message, 'zh-CN')).join('；');
    return details || translate(`error.${e.code}`, 'zh-CN');
  }
  return e instanceof Error ? e.message : String(e);
}

/** Maps header cells to column keys, refusing a sheet without the columns every row needs. */
export function headerIndex(cells: string[]): Map<string, number> {
  const index = new Map<string, number>();
  cells.forEach((cell, i) => {
    const key = columnKeyOf(cell);
    if (key && !index.has(key)) index.set(key, i);
  });
  const missing = REQUIRED_HEADERS.filter((k) => !index.has(k));
  if (missing.length > 0)
    throw new DomainError('bad_file', [
      { path: 'file', message: IMPORT_TEXT.missingHeaders(missing.join(', ')) },
    ]);
  return index;
}

function isBlank(cells: string[]): boolean {
  for (let i = 0; i < cells.length; i++) if (cells[i] !== '') return false;
  return true;
}

async function readIntoStage(
  db: Db,
  job: ImportJobRow,
  user: AuthUser,
): Promise<{ totalRows: number; stored: number }> {
  const parser = new ImportRowParser(await repo.importableOrgUnits(db, user.scopeOrgIds));
  const size = Math.max(1, (await stat(job.file_path)).size);
  const progress: ReadProgress = { bytesRead: 0 };
  const writer = await openStageWriter(db, job.id);
  let index: Map<string, number> | null = null;
  let totalRows = 0;
  let errorRows = 0;
  let stored = 0;
  let pending: RowError[] = [];
  try {
    for await (const row of readSheet(job.file_path, job.format, progress)) {
      if (!index) {
        index = headerIndex(row.cells);
        continue;
      }
      if (isBlank(row.cells)) continue;
      totalRows++;
      const { values, errors } = parser.parse(row.rowNo, row.cells, index);
      await writer.write(values);
      if (errors.length > 0) {
        errorRows++;
        if (stored < MAX_STORED_ERRORS) {
          pending.push(...errors);
          stored += errors.length;
        }
      }
      if (totalRows % PROGRESS_EVERY_ROWS === 0) {
        await repo.insertErrors(db, job.id, pending);
        pending = [];
        await repo.updateProgress(db, job.id, {
          progress: (READ_SHARE * progress.bytesRead) / size,
          totalRows,
          errorRows,
        });
      }
    }
    await writer.close();
  } catch (e) {
    await writer.abort();
    throw e;
  }
  if (!index) throw new DomainError('bad_file', [{ path: 'file', message: IMPORT_TEXT.noRows }]);
  await repo.insertErrors(db, job.id, pending);
  await repo.updateProgress(db, job.id, { progress: READ_SHARE, totalRows, errorRows });
  return { totalRows, stored };
}

/** Validates a job in 'validating'; ends in 'validated', or 'failed' with the reason. Safe to retry. */
export async function validateImportJob(db: Db, jobId: number): Promise<void> {
  const job = await repo.findJobById(db, jobId);
  if (!job || job.status !== 'validating') return;
  try {
    const user = await loadUser(db, job.created_by);
    await repo.deleteErrors(db, jobId);
    await createStage(db, jobId);
    const { stored } = await readIntoStage(db, job, user);
    const counts = await runSetChecks(db, jobId);
    const message =
      counts.totalRows === 0
        ? IMPORT_TEXT.noRows
        : stored >= MAX_STORED_ERRORS
          ? IMPORT_TEXT.tooManyErrors(stored)
          : null;
    await repo.finishValidation(db, jobId, { ...counts, message });
  } catch (e) {
    await dropStage(db, jobId).catch(() => undefined);
    await repo.markFailed(db, jobId, failureMessage(e));
  }
}
