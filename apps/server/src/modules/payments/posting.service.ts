// Posting a payment (入账), whatever the channel: the payment row first — its unique reference makes a
// repeated or concurrent post of the same payment a no-op — then the account's unpaid bills locked in id
// order, the allocation (oldest bill first, late fee before principal; packages/domain collections), the
// surplus to the prepaid balance, the receipt, the customer timeline and the disconnection case.
import { allocatePayment, businessDateShanghai } from '@gridcare/domain';
import type { Db } from '../../platform/db/db';
import { DomainError } from '../../platform/http/errors';
import { appendTimeline } from '../../platform/timeline';
import { onAccountPaid } from './disconnection.repository';
import * as repo from './payments.repository';
import type { AccountRow } from './payments.repository';

export interface PostPaymentInput {
  reference: string;
  channel: 'counter' | 'online' | 'bank_withholding' | 'manager' | 'prepaid';
  account: AccountRow;
  amountFen: number;
  now: Date;
  externalTxnId?: string | null;
  payerName?: string | null;
  note?: string | null;
  actor?: { id: number; name: string } | null;
  /** Prepaid applications spend the balance and must leave no surplus. */
  fromPrepaid?: boolean;
}

export interface PostPaymentResult {
  paymentId: number;
  /** False when the reference had been posted before: nothing was posted again. */
  created: boolean;
}

const CHANNEL_ZH: Record<PostPaymentInput['channel'], string> = {
  counter: '柜台',
  online: '网上缴费',
  bank_withholding: '银行代扣',
  manager: '客户经理代收',
  prepaid: '预收冲抵',
};

export const yuan = (fen: number) => (fen / 100).toFixed(2);

/** Must run inside a transaction (`tx`). */
export async function postPayment(tx: Db, p: PostPaymentInput): Promise<PostPaymentResult> {
  const payDate = businessDateShanghai(p.now);
  const paymentId = await repo.insertPayment(tx, { ...p, payDate, paidAt: p.now, postedBy: p.actor });
  if (paymentId === null) {
    const prior = await repo.findPaymentByReference(tx, p.reference);
    // The same reference for another account or amount is not a retry: it is a clash of references.
    if (!prior || prior.account_id !== p.account.id || prior.amount_fen !== p.amountFen)
      throw new DomainError('conflict', [{ path: 'reference', message: 'msg:payment.reference_used' }]);
    return { paymentId: prior.id, created: false };
  }
  const bills = await repo.openBills(tx, p.account.id, true);
  const allocation = allocatePayment({ amountFen: p.amountFen, payDate, bills: bills.map(repo.toOpenBill) });
  if (p.fromPrepaid && allocation.surplusFen > 0) throw new Error('a prepaid application left a surplus');
  let lateFeeFen = 0;
  let principalFen = 0;
  for (const a of allocation.allocations) {
    lateFeeFen += a.lateFeeFen;
    principalFen += a.principalFen;
    await repo.applyToBill(tx, {
      paymentId,
      billId: a.billId,
      principalFen: a.principalFen,
      lateFeeFen: a.lateFeeFen,
      lateFeeRule: a.lateFeeRule,
      accruedThrough: a.lateFeeAccruedThrough,
      lateFeeUnpaidFen: a.lateFeeUnpaidFen,
      paidAt: p.now,
    });
  }
  if (allocation.surplusFen > 0)
    await repo.movePrepaid(tx, p.account, { kind: 'deposit', amountFen: allocation.surplusFen, paymentId });
  await repo.finishPayment(tx, paymentId, { lateFeeFen, principalFen, prepaidFen: allocation.surplusFen });
  const stillOwed = bills.reduce((s, b) => s + b.total_fen - b.paid_fen, 0) - principalFen;
  await onAccountPaid(tx, p.account.id, { now: p.now, fullyPaid: stillOwed <= 0 });
  await appendTimeline(tx, {
    customerId: p.account.customer_id,
    orgUnitId: p.account.org_unit_id,
    kind: 'payment',
    title: `缴费 ${yuan(p.amountFen)} 元（${CHANNEL_ZH[p.channel]}，户号 ${p.account.account_no}）`,
    detail: { amountFen: p.amountFen, lateFeeFen, principalFen, prepaidFen: allocation.surplusFen },
    actor: p.actor ?? null,
    refEntity: 'payment',
    refId: paymentId,
    at: p.now,
  });
  return { paymentId, created: true };
}
