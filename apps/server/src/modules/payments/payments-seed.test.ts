// The demo payments seed on a small demo company: most bills paid, some accounts in arrears (only their
// newest bills open, so oldest-first holds), late payments carry their late fee, every payment has its
// allocation and receipt, a few prepaid balances, one disconnection case with its notice.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describe } from 'vitest';
import { seedOrganisation } from '../../../seed/org-seed';
import { generateCustomers } from '../../../seed/generate';
import { seedReadings } from '../../../seed/generator/readings';
import { seedBills } from '../../../seed/billing-seed';
import { seedPayments } from '../../../seed/payments-seed';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../../test/databases';

for (const kind of DATABASE_KINDS) {
  describe(`demo payments seed [${kind}]`, () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase(kind);
      const org = await seedOrganisation(t.db);
      await generateCustomers(t.db, org, { customers: 120, seed: 42 });
      await seedReadings(t.db, { months: 12 });
      await seedBills(t.db, { months: 12 });
      await seedPayments(t.db);
    }, 600_000);
    afterAll(async () => t?.destroy());

    it('pays most bills and leaves some open, each open bill newer than every paid bill of its account', async () => {
      const r = await t.db.query<{ paid: number; open: number }>(
        `SELECT count(*) FILTER (WHERE status = 'paid')::int AS paid,
                count(*) FILTER (WHERE status IN ('issued','partially_paid'))::int AS open FROM bills`,
      );
      const { paid, open } = r.rows[0];
      expect(paid).toBeGreaterThan(0);
      expect(open / (paid + open)).toBeGreaterThan(0.02);
      expect(open / (paid + open)).toBeLessThan(0.25);
      const violations = await t.db.query(
        `SELECT 1 FROM bills o JOIN bills p ON p.account_id = o.account_id AND p.status = 'paid'
          WHERE o.status IN ('issued','partially_paid') AND o.period < p.period LIMIT 1`,
      );
      expect(violations.rowCount).toBe(0);
    });

    it('every seeded payment has its allocation and receipt; late ones carry a late fee of at least 1 yuan', async () => {
      const r = await t.db.query<{ bad: number; late: number; min_fee: number | null }>(
        `SELECT count(*) FILTER (WHERE p.amount_fen <> COALESCE(a.total, 0) + p.prepaid_fen OR r.id IS NULL)::int AS bad,
                count(*) FILTER (WHERE p.late_fee_fen > 0)::int AS late,
                min(p.late_fee_fen) FILTER (WHERE p.late_fee_fen > 0) AS min_fee
           FROM payments p
           LEFT JOIN (SELECT payment_id, sum(principal_fen + late_fee_fen) AS total FROM payment_allocations GROUP BY 1) a
                  ON a.payment_id = p.id
           LEFT JOIN receipts r ON r.payment_id = p.id`,
      );
      expect(r.rows[0].bad).toBe(0);
      expect(r.rows[0].late).toBeGreaterThan(0);
      expect(Number(r.rows[0].min_fee)).toBeGreaterThanOrEqual(100);
    });

    it('opens one disconnection case with its notice sent', async () => {
      const r = await t.db.query<{ status: string }>(`SELECT status FROM disconnection_cases`);
      expect(r.rows.map((x) => x.status)).toEqual(['notice_sent']);
    });
  });
}
