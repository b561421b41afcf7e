// 银行代扣 bank withholding (domain.md §10): a batch file (CSV) of what each account with an agreement
// owes today goes to the bank; the bank's result file comes back. The whole result file is validated
// first — any bad row refuses the file with row-level errors and posts nothing; a clean file posts every
// success as a payment (reference WH-<batch>-<line>, so importing the file again posts nothing twice)
// and lists the failures.
import { parse } from 'csv-parse/sync';
import type { WithholdingBatch, WithholdingImportResult } from '@gridcare/contracts';
import { businessDateShanghai, lateFeeDue } from '@gridcare/domain';
import type { Db } from '../../platform/db/db';
import { requirePermission, type RequestContext } from '../../platform/auth/context';
import { DomainError, notFound } from '../../platform/http/errors';
import { findAccount, openBills, toOpenBill } from './payments.repository';
import { postPayment, yuan } from './posting.service';

interface BatchRow {
  id: number;
  batch_no: string;
  org_unit_id: number | null;
  bank_code: string;
  status: 'exported' | 'result_imported';
  line_count: number;
  total_fen: number;
  succeeded_count: number;
  succeeded_fen: number;
  failed_count: number;
  created_at: string;
  result_imported_at: string | null;
}

const batchView = (b: BatchRow): WithholdingBatch => ({
  id: b.id,
  batchNo: b.batch_no,
  bankCode: b.bank_code,
  status: b.status,
  lineCount: b.line_count,
  totalFen: b.total_fen,
  succeededCount: b.succeeded_count,
  succeededFen: b.succeeded_fen,
  failedCount: b.failed_count,
  createdAt: b.created_at,
  resultImportedAt: b.result_imported_at,
});

async function findBatch(ctx: RequestContext, db: Db, id: number): Promise<BatchRow> {
  const r = await db.query<BatchRow>(`SELECT * FROM withholding_batches WHERE id = $1`, [id]);
  const b = r.rows[0];
  // A batch made over the caller's whole scope has no org unit of its own.
  if (!b || (b.org_unit_id !== null && !ctx.user.scopeOrgIds.includes(b.org_unit_id))) throw notFound();
  return b;
}

export async function createWithholdingBatch(
  ctx: RequestContext,
  tx: Db,
  body: { bankCode: string; orgUnitId?: number },
): Promise<WithholdingBatch> {
  requirePermission(ctx.user, 'payment:post');
  const scope = body.orgUnitId
    ? (
        await tx.query<{ id: number }>(
          `SELECT id FROM org_units WHERE path LIKE (SELECT path FROM org_units WHERE id = $1) || '%'`,
          [body.orgUnitId],
        )
      ).rows
        .map((r) => r.id)
        .filter((id) => ctx.user.scopeOrgIds.includes(id))
    : ctx.user.scopeOrgIds;
  if (scope.length === 0) throw notFound();
  const asOf = businessDateShanghai(ctx.now);
  // Accounts already in a batch the bank has not answered are left out: never debit twice.
  const accounts = await tx.query<{ account_id: number; bank_account_no: string }>(
    `SELECT w.account_id, w.bank_account_no FROM withholding_agreements w
      WHERE w.status = 'active' AND w.bank_code = $1 AND w.org_unit_id = ANY($2::bigint[])
        AND EXISTS (SELECT 1 FROM bills b WHERE b.account_id = w.account_id AND b.status IN ('issued','partially_paid'))
        AND NOT EXISTS (SELECT 1 FROM withholding_lines l WHERE l.account_id = w.account_id AND l.result = 'pending')
      ORDER BY w.account_id`,
    [body.bankCode, scope],
  );
  const b = await tx.query<{ id: number }>(
    `INSERT INTO withholding_batches(batch_no, org_unit_id, bank_code, created_by)
     VALUES ('WH' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || lpad(nextval('withholding_batch_seq')::text, 4, '0'),
             $1,$2,$3) RETURNING id`,
    [body.orgUnitId ?? null, body.bankCode, ctx.user.id],
  );
  const batchId = b.rows[0].id;
  let lineNo = 0;
  let totalFen = 0;
  for (const a of accounts.rows) {
    const owed = (await openBills(tx, a.account_id)).reduce((s, bill) => {
      const o = toOpenBill(bill);
      return s + o.outstandingFen + lateFeeDue(o, asOf).fen;
    }, 0);
    if (owed <= 0) continue;
    lineNo++;
    totalFen += owed;
    await tx.query(
      `INSERT INTO withholding_lines(batch_id, line_no, account_id, amount_fen, bank_account_no) VALUES ($1,$2,$3,$4,$5)`,
      [batchId, lineNo, a.account_id, owed, a.bank_account_no],
    );
  }
  await tx.query(`UPDATE withholding_batches SET line_count = $2, total_fen = $3 WHERE id = $1`, [
    batchId,
    lineNo,
    totalFen,
  ]);
  return batchView(await findBatch(ctx, tx, batchId));
}

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The batch file for the bank: 批次号,序号,户号,户名,银行代码,银行账号,金额. */
export async function withholdingBatchFile(
  ctx: RequestContext,
  id: number,
): Promise<{ fileName: string; csv: string }> {
  requirePermission(ctx.user, 'billing:read');
  const batch = await findBatch(ctx, ctx.db, id);
  const lines = await ctx.db.query<{
    line_no: number;
    account_no: string;
    holder_name: string;
    bank_account_no: string;
    amount_fen: number;
  }>(
    `SELECT l.line_no, a.account_no, w.holder_name, l.bank_account_no, l.amount_fen
       FROM withholding_lines l JOIN accounts a ON a.id = l.account_id
       JOIN withholding_agreements w ON w.account_id = l.account_id
      WHERE l.batch_id = $1 ORDER BY l.line_no`,
    [id],
  );
  const out = ['批次号,序号,户号,户名,银行代码,银行账号,金额'];
  for (const l of lines.rows)
    out.push(
      [
        batch.batch_no,
        String(l.line_no),
        l.account_no,
        l.holder_name,
        batch.bank_code,
        l.bank_account_no,
        yuan(l.amount_fen),
      ]
        .map(csvCell)
        .join(','),
    );
  return { fileName: `${batch.batch_no}.csv`, csv: '\uFEFF' + out.join('\r\n') + '\r\n' };
}

const RESULT_HEADER = ['批次号', '序号', '户号', '金额', '结果', '银行流水号', '失败原因'];
const YUAN = /^\d{1,10}(\.\d{1,2})?$/;
const toFen = (s: string) => {
  const [i, f = ''] = s.split('.');
  return Number(i) * 100 + Number((f + '00').slice(0, 2));
};

export async function importWithholdingResult(
  ctx: RequestContext,
  id: number,
  fileText: string,
): Promise<WithholdingImportResult> {
  requirePermission(ctx.user, 'payment:post');
  const batch = await findBatch(ctx, ctx.db, id);
  const lines = await ctx.db.query<{
    id: number;
    line_no: number;
    account_id: number;
    account_no: string;
    amount_fen: number;
    result: string;
  }>(
    `SELECT l.id, l.line_no, l.account_id, a.account_no, l.amount_fen, l.result
       FROM withholding_lines l JOIN accounts a ON a.id = l.account_id WHERE l.batch_id = $1`,
    [id],
  );
  const byNo = new Map(lines.rows.map((l) => [l.line_no, l]));
  const errors: { row: number; column: string; message: string }[] = [];
  let records: string[][] = [];
  try {
    records = parse(fileText.replace(/^\uFEFF/, ''), {
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    });
  } catch (e) {
    errors.push({ row: 0, column: '', message: `文件无法解析：${(e as Error).message}` });
  }
  const header = records[0] ?? [];
  if (!errors.length && RESULT_HEADER.some((h, i) => header[i] !== h))
    errors.push({ row: 1, column: '', message: `表头应为：${RESULT_HEADER.join(',')}` });
  const results: { line: (typeof lines.rows)[number]; ok: boolean; txn: string; reason: string }[] = [];
  const seen = new Set<number>();
  if (!errors.length) {
    records.slice(1).forEach((cells, i) => {
      const row = i + 2;
      const err = (column: string, message: string) => errors.push({ row, column, message });
      const [batchNo, lineNoText, accountNo, amount, result, txn = '', reason = ''] = cells;
      if (batchNo !== batch.batch_no) return err('批次号', `不是本批次（${batch.batch_no}）`);
      const lineNo = Number(lineNoText);
      const line = byNo.get(lineNo);
      if (!Number.isInteger(lineNo) || !line) return err('序号', '本批次没有这一序号');
      if (seen.has(lineNo)) return err('序号', '序号重复');
      seen.add(lineNo);
      if (accountNo !== line.account_no) err('户号', `与批次文件不符（应为 ${line.account_no}）`);
      if (!YUAN.test(amount ?? '') || toFen(amount) !== line.amount_fen)
        err('金额', `与批次文件不符（应为 ${yuan(line.amount_fen)}）`);
      if (result !== 'SUCCESS' && result !== 'FAIL') err('结果', '应为 SUCCESS 或 FAIL');
      if (result === 'SUCCESS' && !/^[0-9A-Za-z_-]{4,64}$/.test(txn))
        err('银行流水号', '扣款成功须有银行流水号');
      if (result === 'FAIL' && !reason) err('失败原因', '扣款失败须写明原因');
      results.push({ line, ok: result === 'SUCCESS', txn, reason });
    });
    for (const l of lines.rows)
      if (!seen.has(l.line_no) && l.result === 'pending')
        errors.push({ row: 0, column: '序号', message: `缺少第 ${l.line_no} 行的结果` });
  }
  if (errors.length) return { batch: batchView(batch), accepted: false, errors, posted: 0, failed: [] };
  let posted = 0;
  const failed: { lineNo: number; accountNo: string; reason: string }[] = [];
  await ctx.db.transaction(async (tx) => {
    for (const r of results) {
      if (r.line.result !== 'pending') {
        if (r.line.result === 'failed')
          failed.push({ lineNo: r.line.line_no, accountNo: r.line.account_no, reason: r.reason });
        continue;
      }
      if (r.ok) {
        const account = (await findAccount(tx, r.line.account_id))!;
        const p = await postPayment(tx, {
          reference: `WH-${batch.batch_no}-${r.line.line_no}`,
          channel: 'bank_withholding',
          account,
          amountFen: r.line.amount_fen,
          now: ctx.now,
          externalTxnId: r.txn,
          actor: { id: ctx.user.id, name: ctx.user.displayName },
        });
        if (p.created) posted++;
        await tx.query(
          `UPDATE withholding_lines SET result = 'success', bank_txn_id = $2, payment_id = $3 WHERE id = $1`,
          [r.line.id, r.txn, p.paymentId],
        );
      } else {
        failed.push({ lineNo: r.line.line_no, accountNo: r.line.account_no, reason: r.reason });
        await tx.query(`UPDATE withholding_lines SET result = 'failed', fail_reason = $2 WHERE id = $1`, [
          r.line.id,
          r.reason,
        ]);
      }
    }
    await tx.query(
      `UPDATE withholding_batches b SET status = 'result_imported', result_imported_at = now(), updated_at = now(),
              succeeded_count = s.ok, succeeded_fen = s.ok_fen, failed_count = s.failed
         FROM (SELECT count(*) FILTER (WHERE result = 'success')::int AS ok,
                      COALESCE(sum(amount_fen) FILTER (WHERE result = 'success'), 0)::bigint AS ok_fen,
                      count(*) FILTER (WHERE result = 'failed')::int AS failed
                 FROM withholding_lines WHERE batch_id = $1) s
        WHERE b.id = $1`,
      [id],
    );
  });
  return { batch: batchView(await findBatch(ctx, ctx.db, id)), accepted: true, errors: [], posted, failed };
}

export async function listWithholdingBatches(ctx: RequestContext, q: { page: number; pageSize: number }) {
  requirePermission(ctx.user, 'billing:read');
  const filter = `(org_unit_id IS NULL OR org_unit_id = ANY($1::bigint[]))`;
  const total = await ctx.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM withholding_batches WHERE ${filter}`,
    [ctx.user.scopeOrgIds],
  );
  const r = await ctx.db.query<BatchRow>(
    `SELECT * FROM withholding_batches WHERE ${filter} ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3`,
    [ctx.user.scopeOrgIds, q.pageSize, (q.page - 1) * q.pageSize],
  );
  return { items: r.rows.map(batchView), page: q.page, pageSize: q.pageSize, total: total.rows[0].n };
}

export function assertCsvUpload(text: string): void {
  if (text.length > 20_000_000) throw new DomainError('payload_too_large');
}
