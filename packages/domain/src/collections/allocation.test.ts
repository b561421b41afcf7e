import { describe, expect, it } from 'vitest';
import { allocatePayment, type OpenBill } from './allocation';

// domain.md §10: oldest unpaid bill first; within a bill the late fee first, then the principal.
const august: OpenBill = {
  billId: 11,
  period: '2026-08',
  settlement: 1,
  dueDate: '2026-09-15',
  outstandingFen: 20_000,
  residential: true,
  lateFeeAccruedThrough: null,
  lateFeeUnpaidFen: 0,
};
const september: OpenBill = {
  ...august,
  billId: 12,
  period: '2026-09',
  dueDate: '2026-10-15',
  outstandingFen: 30_000,
};

describe('allocatePayment', () => {
  it('pays the overdue bill’s late fee, its principal, the newer bill, and leaves the surplus for prepaid', () => {
    // August is 10 days overdue on 25 Sep: 200 yuan × 0.1 % × 10 = 2.00 yuan; September is not due yet.
    const r = allocatePayment({ amountFen: 60_000, payDate: '2026-09-25', bills: [september, august] });
    expect(r.allocations.map((a) => [a.billId, a.lateFeeFen, a.principalFen, a.outstandingAfterFen])).toEqual(
      [
        [11, 200, 20_000, 0],
        [12, 0, 30_000, 0],
      ],
    );
    expect(r.allocatedFen).toBe(50_200);
    expect(r.surplusFen).toBe(9_800);
  });

  it('a short payment stops at the oldest bill and leaves newer ones untouched', () => {
    const r = allocatePayment({ amountFen: 10_000, payDate: '2026-09-25', bills: [august, september] });
    expect(r.allocations).toHaveLength(1);
    expect(r.allocations[0]).toMatchObject({
      billId: 11,
      lateFeeFen: 200,
      principalFen: 9_800,
      outstandingAfterFen: 10_200,
      lateFeeAccruedThrough: '2026-09-25',
      lateFeeUnpaidFen: 0,
    });
    expect(r.surplusFen).toBe(0);
  });

  it('a payment smaller than the late fee pays part of the fee and carries the rest', () => {
    const r = allocatePayment({ amountFen: 150, payDate: '2026-09-25', bills: [august] });
    expect(r.allocations[0]).toMatchObject({ lateFeeFen: 150, principalFen: 0, lateFeeUnpaidFen: 50 });
  });

  it('a carried late fee is paid before the new days’ fee and the principal', () => {
    const carried: OpenBill = { ...august, lateFeeAccruedThrough: '2026-09-25', lateFeeUnpaidFen: 50 };
    // New days 26–30 Sep: 200 yuan × 0.1 % × 5 = 1.00 yuan (a top-up is not raised to the minimum).
    const r = allocatePayment({ amountFen: 30_000, payDate: '2026-09-30', bills: [carried] });
    expect(r.allocations[0]).toMatchObject({
      lateFeeFen: 150,
      principalFen: 20_000,
      lateFeeAssessedFen: 100,
    });
    expect(r.surplusFen).toBe(9_850);
  });

  it('the second settlement of a month comes after the first; paid bills are skipped', () => {
    const s1 = { ...september, billId: 30, settlement: 1, outstandingFen: 1_000 };
    const s2 = { ...september, billId: 20, settlement: 2, outstandingFen: 1_000 };
    const paid = { ...august, outstandingFen: 0 };
    const r = allocatePayment({ amountFen: 1_500, payDate: '2026-10-01', bills: [s2, paid, s1] });
    expect(r.allocations.map((a) => [a.billId, a.principalFen])).toEqual([
      [30, 1_000],
      [20, 500],
    ]);
  });

  it('with no open bills everything goes to the prepaid balance', () => {
    expect(allocatePayment({ amountFen: 5_000, payDate: '2026-10-01', bills: [] })).toEqual({
      allocations: [],
      allocatedFen: 0,
      surplusFen: 5_000,
    });
  });
});
