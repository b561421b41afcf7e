// 网上营业厅 电费: a logged-in customer's bills, consumption, payments, receipts and online payment. Every
// call first checks that the account number is one of the customer's own accounts.
import type { PortalBilling, PortalPayBody, PortalPayOrder } from '@gridcare/contracts';
import { businessDateShanghai } from '@gridcare/domain';
import type { Db } from '../../platform/db/db';
import { DomainError, notFound } from '../../platform/http/errors';
import type { PortalCustomer } from '../portal/portal-login.service';
import { createOnlineOrder, findGatewayOrder, reconcileOrder } from './gateway/gateway.service';
import { findAccountByNo, prepaidBalance, type AccountRow } from './payments.repository';
import { openBillViews } from './payments.service';
import { openBills } from './payments.repository';

export async function customerAccount(
  db: Db,
  customer: PortalCustomer,
  accountNo: string,
): Promise<AccountRow> {
  const account = await findAccountByNo(db, accountNo);
  if (!account || account.customer_id !== customer.customerId)
    throw new DomainError('validation', [{ path: 'accountNo', message: 'msg:portal.unknown_account' }]);
  return account;
}

interface BillRow {
  id: number;
  bill_no: string;
  period: string;
  settlement: number;
  status: PortalBilling['bills'][number]['status'];
  energy_kwh: string;
  total_fen: number;
  paid_fen: number;
  due_date: string;
  estimated: boolean;
  lines: unknown;
}

type Line = PortalBilling['bills'][number]['lines'][number];

function portalLines(raw: unknown): Line[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((l): l is Record<string, unknown> => !!l && typeof l === 'object')
    .map((l) => ({
      code: String(l.code ?? ''),
      labelKey: typeof l.labelKey === 'string' ? l.labelKey : undefined,
      quantity: l.quantity == null ? undefined : String(l.quantity),
      unit: typeof l.unit === 'string' ? l.unit : undefined,
      price: l.price == null ? undefined : String(l.price),
      amountFen: Number.isSafeInteger(l.amountFen) ? (l.amountFen as number) : 0,
      rule: typeof l.rule === 'string' ? l.rule : undefined,
    }));
}

/** The account's last 24 bills (superseded ones hidden: their re-bill stands in), newest first. */
export async function portalBilling(
  db: Db,
  customer: PortalCustomer,
  accountNo: string,
  now: Date,
): Promise<PortalBilling> {
  const account = await customerAccount(db, customer, accountNo);
  const asOf = businessDateShanghai(now);
  const r = await db.query<BillRow>(
    `SELECT id, bill_no, period, settlement, status, energy_kwh, total_fen, paid_fen, due_date, estimated, lines
       FROM bills WHERE account_id = $1 AND status NOT IN ('superseded','cancelled')
      ORDER BY period DESC, settlement DESC, id DESC LIMIT 24`,
    [account.id],
  );
  const open = new Map(openBillViews(await openBills(db, account.id), asOf).map((b) => [b.id, b]));
  const bills = r.rows.map((b) => ({
    id: b.id,
    billNo: b.bill_no,
    period: b.period,
    settlement: b.settlement,
    status: b.status,
    energyKwh: b.energy_kwh,
    totalFen: b.total_fen,
    paidFen: b.paid_fen,
    outstandingFen: b.total_fen - b.paid_fen,
    lateFeeFen: open.get(b.id)?.lateFeeFen ?? 0,
    dueDate: b.due_date,
    estimated: b.estimated,
    lines: portalLines(b.lines),
  }));
  const totalDueFen = [...open.values()].reduce((s, b) => s + b.outstandingFen + b.lateFeeFen, 0);
  return {
    accountNo: account.account_no,
    asOf,
    bills,
    totalDueFen,
    prepaidBalanceFen: await prepaidBalance(db, account.id),
  };
}

export async function portalPay(
  db: Db,
  customer: PortalCustomer,
  body: PortalPayBody,
  now: Date,
): Promise<PortalPayOrder> {
  const account = await customerAccount(db, customer, body.accountNo);
  return createOnlineOrder(db, {
    account,
    billIds: body.billIds,
    returnPath: body.returnPath ?? '/portal/billing/return',
    now,
  });
}

export async function portalOrderStatus(db: Db, customer: PortalCustomer, orderNo: string) {
  const own = await findGatewayOrder(db, orderNo);
  if (!own) throw notFound();
  const r = await db.query<{ customer_id: number }>(
    `SELECT customer_id FROM gateway_orders WHERE order_no = $1`,
    [orderNo],
  );
  if (r.rows[0].customer_id !== customer.customerId) throw notFound();
  const order = (await reconcileOrder(db, orderNo))!;
  return {
    orderNo: order.order_no,
    status: order.status,
    amountFen: order.amount_fen,
    paymentNo: order.payment_no,
  };
}

export async function portalPayments(db: Db, customer: PortalCustomer, accountNo: string) {
  const account = await customerAccount(db, customer, accountNo);
  const r = await db.query<{
    payment_no: string;
    receipt_id: number | null;
    receipt_no: string | null;
    channel: 'counter' | 'online' | 'bank_withholding' | 'manager' | 'prepaid';
    amount_fen: number;
    paid_at: string;
  }>(
    `SELECT p.payment_no, r.id AS receipt_id, r.receipt_no, p.channel, p.amount_fen, p.paid_at
       FROM payments p LEFT JOIN receipts r ON r.payment_id = p.id
      WHERE p.account_id = $1 ORDER BY p.paid_at DESC, p.id DESC LIMIT 50`,
    [account.id],
  );
  return {
    items: r.rows.map((p) => ({
      paymentNo: p.payment_no,
      receiptId: p.receipt_id,
      receiptNo: p.receipt_no,
      channel: p.channel,
      amountFen: p.amount_fen,
      paidAt: p.paid_at,
    })),
  };
}

/** The payment behind a receipt, if it is the customer's. */
export async function portalReceiptPaymentId(
  db: Db,
  customer: PortalCustomer,
  receiptId: number,
): Promise<number> {
  const r = await db.query<{ payment_id: number; customer_id: number }>(
    `SELECT r.payment_id, p.customer_id FROM receipts r JOIN payments p ON p.id = r.payment_id WHERE r.id = $1`,
    [receiptId],
  );
  if (!r.rows[0] || r.rows[0].customer_id !== customer.customerId) throw notFound();
  return r.rows[0].payment_id;
}
