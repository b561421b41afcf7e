// Refunds (退费) are separate documents (domain.md §10): a clerk requests one, someone with
// billing:approve decides. Only money owed on no bill can be refunded, so a refund draws on the prepaid
// balance: the balance is checked when requested and taken, under a row lock, when approved.
import type { Refund, RefundCreate, RefundDecision } from '@gridcare/contracts';
import type { Db } from '../../platform/db/db';
import { inScope, requirePermission, type RequestContext } from '../../platform/auth/context';
import { DomainError, notFound, versionConflict } from '../../platform/http/errors';
import { appendTimeline } from '../../platform/timeline';
import { movePrepaid, prepaidBalance } from './payments.repository';
import { scopedAccount } from './payments.service';
import { yuan } from './posting.service';

interface RefundRow {
  id: number;
  refund_no: string;
  account_id: number;
  account_no: string;
  customer_id: number;
  customer_name: string;
  org_unit_id: number;
  amount_fen: number;
  reason: string;
  status: Refund['status'];
  requested_by_name: string | null;
  decided_by_name: string | null;
  decision_note: string | null;
  decided_at: string | null;
  created_at: string;
  version: number;
}

const COLUMNS = `f.id, f.refund_no, f.account_id, a.account_no, f.customer_id, c.name AS customer_name, f.org_unit_id,
  f.amount_fen, f.reason, f.status, f.requested_by_name, f.decided_by_name, f.decision_note, f.decided_at,
  f.created_at, f.version`;
const FROM = `refunds f JOIN accounts a ON a.id = f.account_id JOIN customers c ON c.id = f.customer_id`;

const view = (r: RefundRow): Refund => ({
  id: r.id,
  refundNo: r.refund_no,
  accountId: r.account_id,
  accountNo: r.account_no,
  customerName: r.customer_name,
  amountFen: r.amount_fen,
  reason: r.reason,
  status: r.status,
  requestedByName: r.requested_by_name,
  decidedByName: r.decided_by_name,
  decisionNote: r.decision_note,
  decidedAt: r.decided_at,
  createdAt: r.created_at,
  version: r.version,
});

async function findRefund(db: Db, id: number, lock = false): Promise<RefundRow | null> {
  const r = await db.query<RefundRow>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE f.id = $1 ${lock ? 'FOR UPDATE OF f' : ''}`,
    [id],
  );
  return r.rows[0] ?? null;
}

const overBalance = () =>
  new DomainError('validation', [{ path: 'amountFen', message: 'msg:payment.refund_over_balance' }]);

export async function requestRefund(ctx: RequestContext, tx: Db, body: RefundCreate): Promise<Refund> {
  requirePermission(ctx.user, 'payment:post');
  const account = await scopedAccount(ctx, tx, body.accountId);
  if (body.amountFen > (await prepaidBalance(tx, account.id))) throw overBalance();
  const r = await tx.query<{ id: number }>(
    `INSERT INTO refunds(refund_no, account_id, customer_id, org_unit_id, payment_id, amount_fen, reason,
                         requested_by, requested_by_name)
     VALUES ('RF' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || lpad(nextval('refund_no_seq')::text, 6, '0'),
             $1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`,
    [
      account.id,
      account.customer_id,
      account.org_unit_id,
      body.paymentId ?? null,
      body.amountFen,
      body.reason,
      ctx.user.id,
      ctx.user.displayName,
    ],
  );
  return view((await findRefund(tx, r.rows[0].id))!);
}

export async function decideRefund(
  ctx: RequestContext,
  tx: Db,
  id: number,
  body: RefundDecision,
): Promise<Refund> {
  requirePermission(ctx.user, 'billing:approve');
  const row = await findRefund(tx, id, true);
  if (!row || !inScope(ctx.user, row.org_unit_id)) throw notFound();
  if (row.version !== body.version) throw versionConflict();
  if (row.status !== 'requested') throw new DomainError('invalid_state');
  if (body.approve) {
    const account = await scopedAccount(ctx, tx, row.account_id);
    if (row.amount_fen > (await prepaidBalance(tx, account.id, true))) throw overBalance();
    await movePrepaid(tx, account, { kind: 'refund', amountFen: -row.amount_fen, refundId: row.id });
    await appendTimeline(tx, {
      customerId: row.customer_id,
      orgUnitId: row.org_unit_id,
      kind: 'refund',
      title: `退费 ${yuan(row.amount_fen)} 元（户号 ${row.account_no}）`,
      actor: { id: ctx.user.id, name: ctx.user.displayName },
      refEntity: 'refund',
      refId: row.id,
    });
  }
  await tx.query(
    `UPDATE refunds SET status = $2, decided_by = $3, decided_by_name = $4, decision_note = $5, decided_at = now(),
            version = version + 1, updated_at = now() WHERE id = $1`,
    [id, body.approve ? 'approved' : 'rejected', ctx.user.id, ctx.user.displayName, body.note ?? null],
  );
  return view((await findRefund(tx, id))!);
}

export async function listRefunds(
  ctx: RequestContext,
  q: { page: number; pageSize: number; status?: Refund['status'] },
) {
  requirePermission(ctx.user, 'billing:read');
  const params: unknown[] = [ctx.user.scopeOrgIds];
  let filter = 'f.org_unit_id = ANY($1::bigint[])';
  if (q.status) {
    params.push(q.status);
    filter += ` AND f.status = $2`;
  }
  const total = await ctx.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM refunds f WHERE ${filter}`,
    params,
  );
  params.push(q.pageSize, (q.page - 1) * q.pageSize);
  const r = await ctx.db.query<RefundRow>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE ${filter} ORDER BY f.created_at DESC, f.id DESC
      LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return { items: r.rows.map(view), page: q.page, pageSize: q.pageSize, total: total.rows[0].n };
}
