import { expect, it } from 'vitest';
import { describeEachDatabase } from '../src/test/harness';
import { insertAccounts, insertReadings } from '../src/modules/billing/billing.test-builders';
import { seedBills } from './billing-seed';

describeEachDatabase('demo bills seed', (h) => {
  it('bills every past period with readings, oldest first, so the residential tiers accumulate over the year', async () => {
    const office = h().org.officeIds[0];
    const [a] = await insertAccounts(h().db, { orgUnitId: office, readingBook: 'BT-SEED' });
    const acc = { ...a, orgUnitId: office };
    for (const [period, kwh] of [
      ['2025-12', 900],
      ['2026-01', 1000],
      ['2026-02', 1600],
    ] as const)
      await insertReadings(h().db, acc, period, { active_total: kwh });
    // A reading of the current month is not billed yet (its bill run has not happened).
    await insertReadings(h().db, acc, '2026-03', { active_total: 100 });

    const r = await seedBills(h().db, { months: 12, now: new Date('2026-03-10T02:00:00Z') });
    expect(r).toEqual({ runs: 3, bills: 3 });
    const bills = await h().db.query<{
      period: string;
      cycle_kwh: string;
      total_fen: number;
      due_date: string;
    }>(
      `SELECT period, cycle_kwh, total_fen, to_char(due_date, 'YYYY-MM-DD') AS due_date FROM bills
        WHERE account_id = $1 ORDER BY period`,
      [a.accountId],
    );
    // December is in the 2025 cycle (priced by the 2025 version); January restarts the annual tiers.
    expect(bills.rows.map((b) => [b.period, b.cycle_kwh, b.due_date])).toEqual([
      ['2025-12', '900.00', '2026-01-18'],
      ['2026-01', '1000.00', '2026-02-18'],
      ['2026-02', '2600.00', '2026-03-18'],
    ]);
    // February: 2520 − 1000 = 1520 kWh in tier 1 (× 0.5469 = 831.288 → 831.29), 80 kWh in tier 2
    // (× 0.5969 = 47.752 → 47.75), surcharge 1600 × 0.001 = 1.60.
    expect(bills.rows[2].total_fen).toBe(83129 + 4775 + 160);
  });
});
