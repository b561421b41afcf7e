// An account's billing facts, recorded through the API, change what the next bill run charges. Expected
// amounts by hand from the demo tariff (domain.md §9): tier 1 at 0.5469, tier 2 at 0.5969 yuan/kWh, monthly
// thresholds 210 / 400 kWh (310 for a household of five or more), 15 kWh a month free for low income,
// renewable-energy surcharge 0.001 yuan/kWh.
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, type Harness } from '../../test/harness';
import { insertAccounts, insertReadings, type BuiltAccount } from './billing.test-builders';
import { settleBackgroundBillRuns } from './bill-run.job';
import { ensureDefaultTariff } from './tariff-versions.service';

async function run(h: Harness, period: string, readingBook: string) {
  const res = await h.api(await h.loginAs('billing'), 'POST', '/api/billing/runs', { period, readingBook });
  expect(res.statusCode, res.body).toBe(202);
  await settleBackgroundBillRuns();
}

async function lines(h: Harness, accountId: number, period: string) {
  const r = await h.db.query<{ total_fen: number; lines: { code: string; amountFen: number }[] }>(
    `SELECT total_fen, lines FROM bills WHERE account_id = $1 AND period = $2`,
    [accountId, period],
  );
  return r.rows[0];
}

describeEachDatabase('billing facts of an account', (h) => {
  let big: BuiltAccount & { orgUnitId: number };
  let poor: BuiltAccount & { orgUnitId: number };
  const book = 'BT-FACTS';

  beforeAll(async () => {
    await ensureDefaultTariff(h().db);
    const office = h().org.officeIds[0];
    big = {
      ...(await insertAccounts(h().db, { orgUnitId: office, readingBook: book }))[0],
      orgUnitId: office,
    };
    poor = {
      ...(await insertAccounts(h().db, { orgUnitId: office, readingBook: book }))[0],
      orgUnitId: office,
    };
    for (const a of [big, poor]) {
      await insertReadings(h().db, a, '2026-09', { active_total: 2450 });
      await insertReadings(h().db, a, '2026-10', { active_total: 300 });
    }
  });

  it('records facts with a version and an audit row, and refuses bad input, stale versions and readers', async () => {
    const clerk = await h().loginAs('billing');
    const url = `/api/billing/accounts/${big.accountId}/facts`;
    const fresh = await h().api(clerk, 'GET', url);
    expect(fresh.json()).toMatchObject({
      householdSize: null,
      lowIncome: false,
      tierCycle: 'annual',
      version: 0,
    });

    const body = {
      householdSize: 5,
      lowIncome: false,
      tierCycle: 'annual',
      contractDemandKw: null,
      version: 0,
    };
    const saved = await h().api(clerk, 'PUT', url, body);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ householdSize: 5, version: 1 });
    // The same write again under the old version is stale.
    expect((await h().api(clerk, 'PUT', url, body)).statusCode).toBe(409);
    const bad = await h().api(clerk, 'PUT', url, {
      ...body,
      householdSize: 0,
      contractDemandKw: '-3',
      version: 1,
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['body.contractDemandKw', 'body.householdSize']);
    // A meter reader may read bills but not change what they charge.
    expect((await h().api(await h().loginAs('reader'), 'PUT', url, { ...body, version: 1 })).statusCode).toBe(
      403,
    );
    expect((await h().api(clerk, 'GET', '/api/billing/accounts/99999999/facts')).statusCode).toBe(404);
    const audit = await h().db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'billing_facts.update' AND entity_id = $1`,
      [String(big.accountId)],
    );
    expect(audit.rows[0].n).toBe(1);
  });

  it('prices the next bills with the facts: a larger tier 1, free kWh on a monthly cycle', async () => {
    const clerk = await h().loginAs('billing');
    await h().api(clerk, 'PUT', `/api/billing/accounts/${poor.accountId}/facts`, {
      householdSize: null,
      lowIncome: true,
      tierCycle: 'monthly',
      contractDemandKw: null,
      version: 0,
    });
    await run(h(), '2026-09', book);
    await run(h(), '2026-10', book);

    // Five people, annual cycle: tier 1 is 310 × 12 = 3,720 kWh, so 2,450 + 300 kWh stay in tier 1:
    // October 300 × 0.5469 = 164.07 yuan + surcharge 0.30 = 164.37 (a one-person household would pay
    // 70 kWh in tier 1 and 230 in tier 2 = 175.87).
    const bigOct = await lines(h(), big.accountId, '2026-10');
    expect(bigOct.total_fen).toBe(16437);

    // Low income, monthly cycle, October 300 kWh: 210 × 0.5469 = 114.85, 90 × 0.5969 = 53.72, the free
    // 15 kWh credited at tier 1: −15 × 0.5469 = −8.20, surcharge 0.30 → 160.67 yuan.
    const poorOct = await lines(h(), poor.accountId, '2026-10');
    expect(poorOct.lines.map((l) => l.amountFen).filter((a) => a < 0)).toEqual([-820]);
    expect(poorOct.total_fen).toBe(16067);
  });
});
