// Demo bills for `npm start`: after the readings of the last 12 months are seeded, the same bill-run code
// the API and the CLI use bills every period that has readings, company-wide, oldest first (so the
// residential annual tiers accumulate month by month). Bills of a period are issued on the 3rd of the
// next month and due 15 days later, so the payments seed finds some paid, some overdue.
import { DEFAULT_DEMO_TARIFF } from '@gridcare/domain';
import type { Db } from '../src/platform/db/db';
import { shanghaiDate } from '../src/modules/billing/bill-input';
import * as runRepo from '../src/modules/billing/bill-run.repository';
import { DEFAULT_DUE_DAYS, DEFAULT_LANES, executeBillRun } from '../src/modules/billing/bill-run.service';
import { insertVersion } from '../src/modules/billing/tariff-versions.repository';
import { ensureDefaultTariff } from '../src/modules/billing/tariff-versions.service';
import { forgetTariffs } from '../src/modules/billing/tariff-cache';

const addMonths = (period: string, n: number) => {
  const [y, m] = period.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
};

/**
 * The catalogue of the demo: the demo tariff from 2026-01-01 and, for the bills of earlier months, a 2025
 * version with the same prices (a real catalogue would carry the province's earlier notice).
 */
export async function seedTariffCatalogue(db: Db): Promise<void> {
  await ensureDefaultTariff(db);
  const has = await db.query(`SELECT 1 FROM tariff_versions WHERE code = 'DEMO-2025'`);
  if (has.rowCount > 0) return;
  await insertVersion(db, {
    code: 'DEMO-2025',
    name: '演示电价（2025年1月1日起执行，价格同2026年版）',
    effectiveFrom: '2025-01-01',
    status: 'active',
    document: { ...DEFAULT_DEMO_TARIFF, code: 'DEMO-2025', effectiveFrom: '2025-01-01' },
    basedOnId: null,
    note: '演示：2026年版之前的电价版本',
    createdBy: null,
  });
  forgetTariffs();
}

export async function seedBills(
  db: Db,
  opts: { months?: number; now?: Date; log?: (s: string) => void } = {},
): Promise<{ runs: number; bills: number }> {
  await seedTariffCatalogue(db);
  const today = shanghaiDate(opts.now ?? new Date());
  const current = today.slice(0, 7);
  const from = addMonths(current, -(opts.months ?? 12));
  const periods = await db.query<{ period: string; settlement: 1 | 2 }>(
    `SELECT DISTINCT period, settlement FROM meter_readings WHERE period >= $1 AND period < $2
      ORDER BY period, settlement DESC`,
    [from, current],
  );
  const company = await db.query<{ id: number }>(
    `SELECT id FROM org_units WHERE parent_id IS NULL ORDER BY id LIMIT 1`,
  );
  if (!company.rows[0]) return { runs: 0, bills: 0 };
  let bills = 0;
  for (const { period, settlement } of periods.rows) {
    const issue = settlement === 2 ? `${period}-21` : `${addMonths(period, 1)}-03`;
    const id = await runRepo.insertRun(db, {
      period,
      settlement,
      orgUnitId: company.rows[0].id,
      readingBook: null,
      dueDays: DEFAULT_DUE_DAYS,
      issueDate: issue < today ? issue : today,
      startedBy: null,
      batchSize: 5000,
      lanes: DEFAULT_LANES,
    });
    const run = await executeBillRun(db, id);
    bills += run.billed_accounts;
    opts.log?.(
      `  bills ${period}/${settlement}: ${run.billed_accounts} (${run.skipped_no_readings} without readings)`,
    );
  }
  return { runs: periods.rows.length, bills };
}
