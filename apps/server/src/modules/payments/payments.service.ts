// Counter posting, what an account owes today, payment lookups and receipts.
import type {
  AccountDue,
  OpenBillView,
  Payment,
  PaymentListQuery,
  PaymentPage,
  PaymentPostBody,
} from '@gridcare/contracts';
import { businessDateShanghai, daysBetweenDates, lateFeeDue } from '@gridcare/domain';
import type { Db } from '../../platform/db/db';
import { inScope, requirePermission, type RequestContext } from '../../platform/auth/context';
import { DomainError, notFound } from '../../platform/http/errors';
import * as repo from './payments.repository';
import { postPayment } from './posting.service';
import { findPayment, listPaymentRows, type PaymentRow } from './payment-queries.repository';

/** The account if the caller may see it; 404 otherwise (no hint that it exists elsewhere). */
export async function scopedAccount(ctx: RequestContext, db: Db, accountId: number) {
  const account = await repo.findAccount(db, accountId);
  if (!account || !inScope(ctx.user, account.org_unit_id)) throw notFound();
  return account;
}

export function openBillViews(rows: repo.OpenBillRow[], asOf: string): OpenBillView[] {
  return rows
    .map((r) => {
      const bill = repo.toOpenBill(r);
      const fee = lateFeeDue(bill, asOf);
      return {
        id: r.id,
        billNo: r.bill_no,
        period: r.period,
        settlement: r.settlement,
        dueDate: r.due_date,
        status: r.status,
        totalFen: r.total_fen,
        paidFen: r.paid_fen,
        outstandingFen: bill.outstandingFen,
        lateFeeFen: fee.fen,
        lateFeeRule: fee.rule,
        daysOverdue: Math.max(0, daysBetweenDates(r.due_date, asOf)),
      };
    })
    .sort((a, b) =>
      a.period === b.period ? a.settlement - b.settlement || a.id - b.id : a.period < b.period ? -1 : 1,
    );
}

export async function accountDueOf(db: Db, account: repo.AccountRow, now: Date): Promise<AccountDue> {
  const asOf = businessDateShanghai(now);
  const bills = openBillViews(await repo.openBills(db, account.id), asOf);
  const principalFen = bills.reduce((s, b) => s + b.outstandingFen, 0);
  const lateFeeFen = bills.reduce((s, b) => s + b.lateFeeFen, 0);
  const agreement = await db.query(
    `SELECT 1 FROM withholding_agreements WHERE account_id = $1 AND status = 'active'`,
    [account.id],
  );
  return {
    accountId: account.id,
    accountNo: account.account_no,
    customerId: account.customer_id,
    customerName: account.customer_name,
    orgUnitId: account.org_unit_id,
    tariffCategory: account.tariff_category,
    asOf,
    bills,
    principalFen,
    lateFeeFen,
    totalDueFen: principalFen + lateFeeFen,
    prepaidBalanceFen: await repo.prepaidBalance(db, account.id),
    hasWithholdingAgreement: agreement.rowCount > 0,
  };
}

export async function accountDue(ctx: RequestContext, accountNo: string): Promise<AccountDue> {
  requirePermission(ctx.user, 'billing:read');
  const found = await repo.findAccountByNo(ctx.db, accountNo);
  if (!found || !inScope(ctx.user, found.org_unit_id)) throw notFound();
  return accountDueOf(ctx.db, found, ctx.now);
}

export async function postCounterPayment(
  ctx: RequestContext,
  tx: Db,
  body: PaymentPostBody,
): Promise<{ payment: Payment; created: boolean }> {
  requirePermission(ctx.user, 'payment:post');
  const account = await scopedAccount(ctx, tx, body.accountId);
  const r = await postPayment(tx, {
    reference: body.reference,
    channel: body.channel,
    account,
    amountFen: body.amountFen,
    now: ctx.now,
    payerName: body.payerName,
    note: body.note,
    actor: { id: ctx.user.id, name: ctx.user.displayName },
  });
  return { payment: await paymentView(tx, r.paymentId), created: r.created };
}

export async function paymentView(db: Db, id: number): Promise<Payment> {
  const row = await findPayment(db, id);
  if (!row) throw notFound();
  return toPayment(row);
}

function toPayment(r: PaymentRow): Payment {
  return {
    id: r.id,
    paymentNo: r.payment_no,
    reference: r.reference,
    channel: r.channel,
    accountId: r.account_id,
    accountNo: r.account_no,
    customerId: r.customer_id,
    customerName: r.customer_name,
    orgUnitId: r.org_unit_id,
    amountFen: r.amount_fen,
    lateFeeFen: r.late_fee_fen,
    principalFen: r.principal_fen,
    prepaidFen: r.prepaid_fen,
    status: r.status,
    payDate: r.pay_date,
    paidAt: r.paid_at,
    externalTxnId: r.external_txn_id,
    payerName: r.payer_name,
    postedByName: r.posted_by_name,
    receiptId: r.receipt_id,
    receiptNo: r.receipt_no,
    allocations: (r.allocations ?? []).map((a) => ({
      billId: a.bill_id,
      billNo: a.bill_no,
      period: a.period,
      principalFen: a.principal_fen,
      lateFeeFen: a.late_fee_fen,
      lateFeeRule: a.late_fee_rule,
    })),
  };
}

export async function getPayment(ctx: RequestContext, id: number): Promise<Payment> {
  requirePermission(ctx.user, 'billing:read');
  const row = await findPayment(ctx.db, id);
  if (!row || !inScope(ctx.user, row.org_unit_id)) throw notFound();
  return toPayment(row);
}

export async function listPayments(ctx: RequestContext, q: PaymentListQuery): Promise<PaymentPage> {
  requirePermission(ctx.user, 'billing:read');
  if (q.from && q.to && q.from > q.to)
    throw new DomainError('validation', [{ path: 'querystring.to', message: 'msg:workorder.period_order' }]);
  const { rows, total } = await listPaymentRows(ctx.db, ctx.user.scopeOrgIds, q);
  return {
    items: rows.map((r) => {
      const { allocations: _omit, ...rest } = toPayment(r);
      void _omit;
      return rest;
    }),
    page: q.page,
    pageSize: q.pageSize,
    total,
  };
}
