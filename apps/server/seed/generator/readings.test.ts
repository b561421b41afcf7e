// The readings generator: consistent registers (consumption = advance × multiplier), TOU registers that
// add up to the total, power factors of two-part accounts within 0.80–0.98, spikes in the review list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../../src/test/databases';
import { seedOrganisation } from '../org-seed';
import { generateCustomers } from '../generate';
import { generateReadings } from './readings';

describe.each(DATABASE_KINDS)('readings generator on %s', (kind) => {
  let t: TestDatabase;
  let rows = 0;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    const org = await seedOrganisation(t.db);
    await generateCustomers(t.db, org, { customers: 400, seed: 7 });
    // Accounts created during the window get readings from their first month only; date them back.
    await t.db.query(`UPDATE accounts SET created_at = '2024-01-01'`);
    rows = await generateReadings(t.db, { months: 3, lastPeriod: '2026-06', seed: 7 });
  }, 120_000);
  afterAll(async () => t?.destroy());

  it('reads every meter of an open account in each of the 3 periods', async () => {
    const r = await t.db.query<{ meters: number; read: number; periods: string[] }>(
      `SELECT (SELECT count(*)::int FROM meters m JOIN accounts a ON a.id = m.account_id WHERE a.status <> 'closed') AS meters,
              (SELECT count(DISTINCT meter_id)::int FROM meter_readings) AS read,
              (SELECT array_agg(DISTINCT period ORDER BY period) FROM meter_readings) AS periods`,
    );
    expect(r.rows[0].read).toBe(r.rows[0].meters);
    expect(r.rows[0].periods).toEqual(['2026-04', '2026-05', '2026-06']);
    const count = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM meter_readings`);
    expect(count.rows[0].n).toBe(rows);
  });

  it('every cumulative register bills (value − previous) × multiplier, and previous is last month’s value', async () => {
    const bad = await t.db.query(
      `SELECT r.id FROM meter_readings r
        WHERE r.register <> 'max_demand'
          AND r.consumption <> round(metering_advance(r.previous_value, r.value, 6, 0.1) * r.multiplier, 2)
        LIMIT 5`,
    );
    expect(bad.rows).toEqual([]);
    const chain = await t.db.query(
      `SELECT r.id FROM meter_readings r JOIN meter_readings p ON p.meter_id = r.meter_id AND p.register = r.register
          AND p.period = '2026-05' WHERE r.period = '2026-06' AND r.register <> 'max_demand' AND r.previous_value <> p.value
        LIMIT 5`,
    );
    expect(chain.rows).toEqual([]);
  });

  it('peak + flat + valley add up to the total on TOU meters', async () => {
    const r = await t.db.query<{ n: number; bad: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE t.consumption <> s.kwh)::int AS bad
         FROM meter_readings t
         JOIN (SELECT meter_id, period, sum(consumption) AS kwh FROM meter_readings
                WHERE register IN ('active_peak','active_flat','active_valley') GROUP BY meter_id, period) s
           ON s.meter_id = t.meter_id AND s.period = t.period
        WHERE t.register = 'active_total'`,
    );
    expect(r.rows[0].n).toBeGreaterThan(0);
    expect(r.rows[0].bad).toBe(0);
  });

  it('two-part accounts have reactive energy and demand; the power factor is 0.80–0.98', async () => {
    const r = await t.db.query<{ n: number; lo: string; hi: string }>(
      `SELECT count(*)::int AS n,
              min(round(p.consumption / sqrt(p.consumption ^ 2 + q.consumption ^ 2), 2))::text AS lo,
              max(round(p.consumption / sqrt(p.consumption ^ 2 + q.consumption ^ 2), 2))::text AS hi
         FROM meter_readings p JOIN meter_readings q ON q.meter_id = p.meter_id AND q.period = p.period
          AND q.register = 'reactive_total'
        WHERE p.register = 'active_total' AND p.consumption > 0`,
    );
    expect(r.rows[0].n).toBeGreaterThan(0);
    expect(Number(r.rows[0].lo)).toBeGreaterThanOrEqual(0.8);
    expect(Number(r.rows[0].hi)).toBeLessThanOrEqual(0.98);
  });

  it('residential consumption stays within about 100–400 kWh a month, before spikes', async () => {
    const r = await t.db.query<{ lo: string; hi: string }>(
      `SELECT min(r.consumption)::text AS lo, max(r.consumption)::text AS hi FROM meter_readings r
         JOIN accounts a ON a.id = r.account_id
        WHERE a.tariff_category = 'residential' AND r.register = 'active_total' AND r.status = 'valid'`,
    );
    expect(Number(r.rows[0].lo)).toBeGreaterThanOrEqual(70);
    expect(Number(r.rows[0].hi)).toBeLessThanOrEqual(620);
  });

  it('spikes of the latest period wait in the review list', async () => {
    const r = await t.db.query<{ readings: number; listed: number }>(
      `SELECT (SELECT count(*)::int FROM meter_readings WHERE status = 'exception') AS readings,
              (SELECT count(*)::int FROM reading_exceptions WHERE state = 'open' AND 'spike' = ANY(codes)) AS listed`,
    );
    expect(r.rows[0].readings).toBe(r.rows[0].listed);
  });
});
