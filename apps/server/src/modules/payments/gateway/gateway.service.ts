// Online payment (网上缴费) through the payment gateway: create an order for what the customer chose to
// pay, send the customer to the gateway's pay page, and post the payment when the gateway's signed
// notification arrives — once, however often it is retried: the order number is the payment reference
// and the gateway's transaction id is unique on the order. A query to the gateway settles an order whose
// notification has not come (the customer is back on our page first, or the callback was lost).
import { randomBytes } from 'node:crypto';
import { businessDateShanghai, lateFeeDue } from '@gridcare/domain';
import type { Db } from '../../../platform/db/db';
import { DomainError } from '../../../platform/http/errors';
import { findAccount, openBills, toOpenBill, type AccountRow } from '../payments.repository';
import { postPayment } from '../posting.service';
import { GatewayError, createGatewayOrder, queryGatewayOrder } from './gateway.adapter';
import { gatewaySignatureValid } from './gateway-signature';
import { paymentGatewaySettings } from './gateway.settings';

export interface GatewayOrderRow {
  id: number;
  order_no: string;
  account_id: number;
  amount_fen: number;
  status: 'created' | 'paid' | 'closed';
  pay_url: string | null;
  gateway_txn_id: string | null;
  payment_id: number | null;
  payment_no: string | null;
}

export async function findGatewayOrder(
  db: Db,
  orderNo: string,
  lock = false,
): Promise<GatewayOrderRow | null> {
  const r = await db.query<GatewayOrderRow>(
    `SELECT o.id, o.order_no, o.account_id, o.amount_fen, o.status, o.pay_url, o.gateway_txn_id, o.payment_id,
            p.payment_no
       FROM gateway_orders o LEFT JOIN payments p ON p.id = o.payment_id
      WHERE o.order_no = $1 ${lock ? 'FOR UPDATE OF o' : ''}`,
    [orderNo],
  );
  return r.rows[0] ?? null;
}

function newOrderNo(now: Date): string {
  const stamp = new Date(now.getTime() + 8 * 3_600_000).toISOString().replace(/\D/g, '').slice(0, 14);
  return `GO${stamp}${randomBytes(4).toString('hex').toUpperCase()}`;
}

/** What paying `billIds` (all open bills when empty) costs today: principal plus late fee to date. */
export async function amountToPay(db: Db, account: AccountRow, billIds: number[] | undefined, now: Date) {
  const asOf = businessDateShanghai(now);
  const bills = (await openBills(db, account.id)).filter((b) => !billIds?.length || billIds.includes(b.id));
  if (billIds?.length && bills.length !== new Set(billIds).size)
    throw new DomainError('validation', [{ path: 'billIds', message: 'msg:payment.bill_not_open' }]);
  return {
    bills,
    amountFen: bills.reduce((s, b) => {
      const bill = toOpenBill(b);
      return s + bill.outstandingFen + lateFeeDue(bill, asOf).fen;
    }, 0),
  };
}

export async function createOnlineOrder(
  db: Db,
  opts: { account: AccountRow; billIds?: number[]; returnPath: string; now: Date },
): Promise<{ orderNo: string; amountFen: number; payUrl: string }> {
  const { bills, amountFen } = await amountToPay(db, opts.account, opts.billIds, opts.now);
  if (amountFen <= 0)
    throw new DomainError('validation', [{ path: 'billIds', message: 'msg:payment.nothing_due' }]);
  const settings = paymentGatewaySettings();
  const orderNo = newOrderNo(opts.now);
  await db.query(
    `INSERT INTO gateway_orders(order_no, account_id, customer_id, org_unit_id, bill_ids, amount_fen)
     VALUES ($1,$2,$3,$4,$5::bigint[],$6)`,
    [
      orderNo,
      opts.account.id,
      opts.account.customer_id,
      opts.account.org_unit_id,
      bills.map((b) => b.id),
      amountFen,
    ],
  );
  const periods = [...new Set(bills.map((b) => b.period))].sort();
  const subject = `电费 户号${opts.account.account_no} ${periods.length > 1 ? `${periods[0]}至${periods.at(-1)}` : (periods[0] ?? '')}`;
  const returnUrl = new URL(opts.returnPath, settings.publicUrl);
  returnUrl.searchParams.set('order', orderNo);
  try {
    const { payUrl } = await createGatewayOrder(settings, {
      outTradeNo: orderNo,
      amountFen,
      subject,
      returnUrl: returnUrl.toString(),
    });
    await db.query(`UPDATE gateway_orders SET pay_url = $2, updated_at = now() WHERE order_no = $1`, [
      orderNo,
      payUrl,
    ]);
    return { orderNo, amountFen, payUrl };
  } catch (e) {
    await db.query(`UPDATE gateway_orders SET status = 'closed', updated_at = now() WHERE order_no = $1`, [
      orderNo,
    ]);
    if (e instanceof GatewayError)
      throw new DomainError('conflict', [{ path: 'gateway', message: 'msg:payment.gateway_unavailable' }]);
    throw e;
  }
}

/** Posts a paid order once: repeated notifications or queries for the same trade find it paid. */
async function settlePaidOrder(
  db: Db,
  orderNo: string,
  paid: { tradeNo: string; amountFen: number; paidAt: Date },
): Promise<'posted' | 'replayed' | 'rejected'> {
  return db.transaction(async (tx) => {
    const order = await findGatewayOrder(tx, orderNo, true);
    if (!order) return 'rejected';
    if (order.status === 'paid') return order.gateway_txn_id === paid.tradeNo ? 'replayed' : 'rejected';
    if (order.amount_fen !== paid.amountFen) return 'rejected';
    const account = (await findAccount(tx, order.account_id))!;
    // A customer who pays after an order was closed has still paid: the money is posted all the same.
    const { paymentId } = await postPayment(tx, {
      reference: order.order_no,
      channel: 'online',
      account,
      amountFen: order.amount_fen,
      now: paid.paidAt,
      externalTxnId: paid.tradeNo,
    });
    await tx.query(
      `UPDATE gateway_orders SET status = 'paid', gateway_txn_id = $2, payment_id = $3, paid_at = $4, updated_at = now()
        WHERE id = $1`,
      [order.id, paid.tradeNo, paymentId, paid.paidAt.toISOString()],
    );
    return 'posted';
  });
}

export interface NotifyAnswer {
  status: 200 | 400 | 401;
  body: { code: 'SUCCESS' | 'FAIL'; message?: string };
}

const MAX_SKEW_MS = 5 * 60_000;

/** The gateway's callback. Answers SUCCESS only once the payment is safely posted (or was before). */
export async function handleGatewayNotification(
  db: Db,
  body: unknown,
  now = new Date(),
): Promise<NotifyAnswer> {
  const settings = paymentGatewaySettings();
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const record = (outcome: string, reason: string | null) =>
    db.query(
      `INSERT INTO gateway_notifications(order_no, gateway_txn_id, outcome, reason, body) VALUES ($1,$2,$3,$4,$5)`,
      [
        typeof b.outTradeNo === 'string' ? b.outTradeNo.slice(0, 64) : null,
        typeof b.tradeNo === 'string' ? b.tradeNo.slice(0, 64) : null,
        outcome,
        reason,
        JSON.stringify(b),
      ],
    );
  const reject = async (status: 400 | 401, reason: string): Promise<NotifyAnswer> => {
    await record('rejected', reason);
    return { status, body: { code: 'FAIL', message: reason } };
  };
  if (b.merchantId !== settings.merchantId || !gatewaySignatureValid(b, settings.secret))
    return reject(401, 'bad signature');
  if (typeof b.timestamp !== 'number' || Math.abs(now.getTime() - b.timestamp) > MAX_SKEW_MS)
    return reject(401, 'stale timestamp');
  if (typeof b.outTradeNo !== 'string' || typeof b.amountFen !== 'number') return reject(400, 'bad fields');
  if (b.status === 'CLOSED') {
    await db.query(
      `UPDATE gateway_orders SET status = 'closed', updated_at = now() WHERE order_no = $1 AND status = 'created'`,
      [b.outTradeNo],
    );
    await record('replayed', 'closed');
    return { status: 200, body: { code: 'SUCCESS' } };
  }
  if (b.status !== 'SUCCESS' || typeof b.tradeNo !== 'string') return reject(400, 'bad status');
  const paidAt =
    typeof b.paidAt === 'string' && !Number.isNaN(Date.parse(b.paidAt)) ? new Date(b.paidAt) : now;
  const outcome = await settlePaidOrder(db, b.outTradeNo, {
    tradeNo: b.tradeNo,
    amountFen: b.amountFen,
    paidAt,
  });
  if (outcome === 'rejected') return reject(400, 'unknown order, amount or trade');
  await record(outcome, null);
  return { status: 200, body: { code: 'SUCCESS' } };
}

/** Reconciliation: asks the gateway about an order still open here and settles it when it was paid. */
export async function reconcileOrder(db: Db, orderNo: string): Promise<GatewayOrderRow | null> {
  const order = await findGatewayOrder(db, orderNo);
  if (!order || order.status !== 'created') return order;
  try {
    const state = await queryGatewayOrder(paymentGatewaySettings(), orderNo);
    if (state.status === 'SUCCESS' && state.tradeNo && state.amountFen !== null)
      await settlePaidOrder(db, orderNo, {
        tradeNo: state.tradeNo,
        amountFen: state.amountFen,
        paidAt: state.paidAt ? new Date(state.paidAt) : new Date(),
      });
    else if (state.status === 'CLOSED')
      await db.query(
        `UPDATE gateway_orders SET status = 'closed', updated_at = now() WHERE order_no = $1 AND status = 'created'`,
        [orderNo],
      );
  } catch (e) {
    // The gateway is unreachable: the order stays open and the next query or callback settles it.
    if (!(e instanceof GatewayError)) throw e;
  }
  return findGatewayOrder(db, orderNo);
}
