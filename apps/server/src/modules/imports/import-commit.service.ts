// Commit of a validated import: one transaction writes every clean customer group (nothing is
// half-imported — on any failure the transaction rolls back and the job is 'failed' with the reason),
// with one audit row for the import and a timeline event per new customer.
import { isPostgres, type Db } from '../../platform/db/db';
import { writeAudit } from '../../platform/audit/audit';
import { IMPORT_TEXT } from './import-messages';
import { insertChunk, prepareCommit } from './import-commit.repository';
import { dropStage, stageExists } from './import-staging.repository';
import { failureMessage, loadUser } from './import-validation.service';
import * as repo from './imports.repository';

/** Customers per chunk of INSERT … SELECT statements; progress is reported after each. */
const CUSTOMERS_PER_CHUNK = 50_000;

/** Imports a job in 'importing' (claimed by commitImport). Safe to retry: a rolled-back attempt left nothing. */
export async function commitImportJob(db: Db, jobId: number, actorId: number): Promise<void> {
  const job = await repo.findJobById(db, jobId);
  if (!job || job.status !== 'importing') return;
  try {
    if (!(await stageExists(db, jobId))) throw new Error('staging table of the import is missing');
    const actor = await loadUser(db, actorId);
    // PGlite has one connection and the transaction holds it: progress is only written from outside
    // the transaction on PostgreSQL.
    const progressDb = isPostgres(db) ? db : null;
    await db.transaction(async (tx) => {
      const { customers, rows } = await prepareCommit(tx, jobId);
      let imported = 0;
      for (let from = 1; from <= customers; from += CUSTOMERS_PER_CHUNK) {
        imported += await insertChunk(tx, from, from + CUSTOMERS_PER_CHUNK - 1, {
          title: IMPORT_TEXT.timelineTitle,
          jobId,
          fileName: job.file_name,
          actorId: actor.id,
          actorName: actor.displayName,
        });
        if (progressDb)
          await repo.updateProgress(progressDb, jobId, {
            progress: (100 * imported) / Math.max(1, rows),
            importedRows: imported,
          });
      }
      await writeAudit(tx, {
        actor: { id: actor.id, name: actor.displayName },
        action: 'import',
        entity: 'import_job',
        entityId: jobId,
        orgUnitId: job.org_unit_id,
        after: {
          fileName: job.file_name,
          mode: job.mode,
          totalRows: job.total_rows,
          customers,
          importedRows: imported,
          skippedRows: job.total_rows - imported,
        },
      });
      await repo.finishCommit(tx, jobId, imported, null);
    });
    await dropStage(db, jobId);
  } catch (e) {
    await repo.markFailed(db, jobId, failureMessage(e));
    await dropStage(db, jobId).catch(() => undefined);
  }
}
