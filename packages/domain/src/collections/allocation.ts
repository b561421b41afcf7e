// Allocation of a payment to an account's unpaid bills (domain.md §10: "allocates to the oldest unpaid
// bill first"). Our order, as the collection practice of 营销系统 does it: bills oldest first (period,
// then settlement, then bill id); within a bill the late fee (违约金) due on the payment day first, then
// the principal (电费本金). Whatever is left after every open bill is paid goes to the account's prepaid
// balance (预收电费), which later bills draw on.
import { DEFAULT_LATE_FEE_RATES, lateFee, type LateFeeRates } from './late-fee';

export interface OpenBill {
  billId: number;
  period: string;
  settlement: number;
  dueDate: string;
  /** Principal still unpaid: total − paid. */
  outstandingFen: number;
  residential: boolean;
  /** Late fee already assessed up to this day (by an earlier payment), or null. */
  lateFeeAccruedThrough: string | null;
  /** Late fee assessed earlier and not yet paid. */
  lateFeeUnpaidFen: number;
}

export interface BillAllocation {
  billId: number;
  lateFeeFen: number;
  principalFen: number;
  /** The bill's late-fee state after this payment (assessed through the payment day). */
  lateFeeAccruedThrough: string | null;
  lateFeeUnpaidFen: number;
  /** Late fee newly assessed by this payment, with its explanation. */
  lateFeeAssessedFen: number;
  lateFeeRule: string;
  /** Principal left unpaid after this payment. */
  outstandingAfterFen: number;
}

export interface PaymentAllocation {
  allocations: BillAllocation[];
  /** Paid towards late fees and principal in total. */
  allocatedFen: number;
  /** Left over after every open bill: to the prepaid balance. */
  surplusFen: number;
}

export function compareBillsOldestFirst(a: OpenBill, b: OpenBill): number {
  if (a.period !== b.period) return a.period < b.period ? -1 : 1;
  if (a.settlement !== b.settlement) return a.settlement - b.settlement;
  return a.billId - b.billId;
}

/** Late fee a bill owes on `asOf`: the unpaid earlier assessment plus the fee of the days since. */
export function lateFeeDue(bill: OpenBill, asOf: string, rates: LateFeeRates = DEFAULT_LATE_FEE_RATES) {
  const fee = lateFee({
    principalFen: bill.outstandingFen,
    dueDate: bill.dueDate,
    asOf,
    residential: bill.residential,
    accruedThrough: bill.lateFeeAccruedThrough,
    rates,
  });
  const accruedThrough = fee.days > 0 ? asOf : bill.lateFeeAccruedThrough;
  return { fen: bill.lateFeeUnpaidFen + fee.fen, assessedFen: fee.fen, rule: fee.rule, accruedThrough };
}

export function allocatePayment(input: {
  amountFen: number;
  payDate: string;
  bills: OpenBill[];
  rates?: LateFeeRates;
}): PaymentAllocation {
  if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0)
    throw new Error('payment amount must be a positive number of fen');
  const bills = [...input.bills].filter((b) => b.outstandingFen > 0).sort(compareBillsOldestFirst);
  let left = input.amountFen;
  const allocations: BillAllocation[] = [];
  for (const bill of bills) {
    if (left === 0) break;
    const due = lateFeeDue(bill, input.payDate, input.rates);
    const lateFeeFen = Math.min(left, due.fen);
    left -= lateFeeFen;
    const principalFen = Math.min(left, bill.outstandingFen);
    left -= principalFen;
    allocations.push({
      billId: bill.billId,
      lateFeeFen,
      principalFen,
      lateFeeAccruedThrough: due.accruedThrough,
      lateFeeUnpaidFen: due.fen - lateFeeFen,
      lateFeeAssessedFen: due.assessedFen,
      lateFeeRule: due.rule,
      outstandingAfterFen: bill.outstandingFen - principalFen,
    });
  }
  return { allocations, allocatedFen: input.amountFen - left, surplusFen: left };
}

/**
 * Which bills a prepaid balance pays, oldest first, principal and late fee alike: the same allocation,
 * but only what the balance covers and never a surplus (the rest stays on the balance).
 */
export function applyPrepaidBalance(input: {
  balanceFen: number;
  payDate: string;
  bills: OpenBill[];
  rates?: LateFeeRates;
}): PaymentAllocation {
  if (input.balanceFen <= 0) return { allocations: [], allocatedFen: 0, surplusFen: 0 };
  return allocatePayment({ ...input, amountFen: input.balanceFen });
}
