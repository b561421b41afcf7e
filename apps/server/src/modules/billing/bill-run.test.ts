// Readings → bill run → bills. Expected amounts are worked out by hand from the demo tariff (domain.md §9
// values; packages/domain/src/billing/demo-tariff.ts for the invented ones), not taken from the engine.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../platform/config';
import { DATABASE_KINDS } from '../../test/databases';
import { createHarness, describeEachDatabase, type Harness } from '../../test/harness';
import {
  duplicateBills,
  insertAccounts,
  insertReadings,
  insertReadingsForAll,
  insertTransformer,
  type BuiltAccount,
} from './billing.test-builders';
import { settleBackgroundBillRuns } from './bill-run.job';
import * as runRepo from './bill-run.repository';
import { executeBillRun } from './bill-run.service';
import { ensureDefaultTariff } from './tariff-versions.service';

type Acc = BuiltAccount & { orgUnitId: number };

interface BillLineJson {
  code: string;
  amountFen: number;
  quantity: string;
  price: string;
  detail?: Record<string, unknown>;
}

async function billOf(h: Harness, accountId: number, period: string) {
  const r = await h.db.query<{
    id: number;
    total_fen: number;
    lines: BillLineJson[];
    status: string;
    bill_no: string;
    due_date: string;
    issued_at: string;
  }>(
    `SELECT id, total_fen, lines, status, bill_no, to_char(due_date, 'YYYY-MM-DD') AS due_date, issued_at
       FROM bills WHERE account_id = $1 AND period = $2`,
    [accountId, period],
  );
  return r.rows;
}

async function startRun(h: Harness, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await h.api(await h.loginAs('billing'), 'POST', '/api/billing/runs', body, headers);
  expect(res.statusCode, res.body).toBe(202);
  await settleBackgroundBillRuns();
  const run = await h.api(await h.loginAs('billing'), 'GET', `/api/billing/runs/${res.json().id}`);
  return run.json();
}

describeEachDatabase('bill runs', (h) => {
  let office: number;
  let residential: Acc;
  let commercial: Acc;
  let industry: Acc;
  let unread: Acc;
  const book = 'BT-HAND';

  beforeAll(async () => {
    await ensureDefaultTariff(h().db);
    office = h().org.officeIds[0];
    const at = (a: BuiltAccount[]): Acc => ({ ...a[0], orgUnitId: office });
    residential = at(await insertAccounts(h().db, { orgUnitId: office, readingBook: book }));
    commercial = at(
      await insertAccounts(h().db, {
        orgUnitId: office,
        readingBook: book,
        tariffCategory: 'commercial',
        voltageLevel: '380V',
        capacityKva: 50,
      }),
    );
    industry = at(
      await insertAccounts(h().db, {
        orgUnitId: office,
        readingBook: book,
        tariffCategory: 'large_industry',
        voltageLevel: '10kV',
        basicFeeMethod: 'capacity',
        pfStandard: '0.90',
        capacityKva: 1500,
      }),
    );
    unread = at(await insertAccounts(h().db, { orgUnitId: office, readingBook: book }));
    await insertTransformer(h().db, industry, { capacityKva: 1000, state: 'running', sealed: false });
    // A sealed cold-standby transformer pays no basic charge (domain.md §9).
    await insertTransformer(h().db, industry, { capacityKva: 500, state: 'cold_standby', sealed: true });
    await insertReadings(h().db, residential, '2026-09', { active_total: 2450 });
    await insertReadings(h().db, residential, '2026-10', { active_total: 300 });
    await insertReadings(h().db, commercial, '2026-10', {
      active_total: 1000,
      active_peak: 400,
      active_flat: 350,
      active_valley: 250,
    });
    await insertReadings(h().db, industry, '2026-10', { active_total: 200000, reactive_total: 123940 });
  });

  it('bills a residential account on the annual tiers, then carries the cycle kWh into the next month', async () => {
    const run = await startRun(h(), { period: '2026-09', readingBook: book, issueDate: '2026-10-03' });
    expect(run).toMatchObject({
      status: 'completed',
      billedAccounts: 1,
      skippedNoReadings: 3,
      totalAccounts: 4,
      progress: 1,
    });
    const [sept] = await billOf(h(), residential.accountId, '2026-09');
    // 2450 kWh, all within tier 1 (210 × 12 = 2520 kWh a year): 2450 × 0.5469 = 1339.905 → 1339.91 yuan;
    // renewable-energy surcharge 2450 × 0.001 = 2.45 yuan.
    expect(sept.lines.map((l) => [l.code, l.amountFen])).toEqual([
      ['energy_tier_1', 133991],
      ['surcharge', 245],
    ]);
    expect(sept.total_fen).toBe(134236);
    expect(sept.bill_no).toBe(`DF2026091-${residential.accountNo}`);
    // domain.md §10: due 15 days after issue by default.
    expect(sept.due_date).toBe('2026-10-18');

    const oct = await startRun(h(), { period: '2026-10', readingBook: book });
    expect(oct).toMatchObject({ status: 'completed', billedAccounts: 3, skippedNoReadings: 1 });
    const [bill] = await billOf(h(), residential.accountId, '2026-10');
    // 2450 kWh already billed this year: 70 kWh left in tier 1 (70 × 0.5469 = 38.283 → 38.28), 230 in
    // tier 2 (230 × 0.5969 = 137.287 → 137.29), surcharge 300 × 0.001 = 0.30.
    expect(bill.lines.map((l) => [l.code, l.quantity, l.amountFen])).toEqual([
      ['energy_tier_1', '70.00', 3828],
      ['energy_tier_2', '230.00', 13729],
      ['surcharge', '300.00', 30],
    ]);
    expect(bill.total_fen).toBe(17587);
    const cycle = await h().db.query<{ cycle_kwh: string }>(`SELECT cycle_kwh FROM bills WHERE id = $1`, [
      bill.id,
    ]);
    expect(cycle.rows[0].cycle_kwh).toBe('2750.00');
  });

  it('prices TOU energy for a commercial account and the two-part tariff with power factor for large industry', async () => {
    const [c] = await billOf(h(), commercial.accountId, '2026-10');
    // 380 V commercial 0.6853; October is outside summer: peak ×1.5 = 1.02795, valley ×0.5 = 0.34265.
    // peak 400 × 1.02795 = 411.18; flat (1000 − 400 − 250) 350 × 0.6853 = 239.855 → 239.86;
    // valley 250 × 0.34265 = 85.6625 → 85.66; surcharges 1000 × (0.019 + 0.004 + 0.0062).
    const amounts = Object.fromEntries(
      c.lines.filter((l) => l.code !== 'surcharge').map((l) => [l.code, l.amountFen]),
    );
    expect(amounts).toEqual({ energy_peak: 41118, energy_flat: 23986, energy_valley: 8566 });
    expect(
      c.lines
        .filter((l) => l.code === 'surcharge')
        .map((l) => l.amountFen)
        .sort((a, b) => a - b),
    ).toEqual([400, 620, 1900]);
    expect(c.total_fen).toBe(76590);

    const [i] = await billOf(h(), industry.accountId, '2026-10');
    const byCode = (code: string) => i.lines.filter((l) => l.code === code);
    // Basic charge on the running 1000 kVA only: 1000 × 25.5 = 25 500.00 yuan.
    expect(byCode('basic_capacity').map((l) => l.amountFen)).toEqual([2550000]);
    // 10 kV large industry, no TOU registers read: 200 000 × 0.62 = 124 000.00 yuan.
    expect(byCode('energy').map((l) => l.amountFen)).toEqual([12400000]);
    // cosφ = 200000 / √(200000² + 123940²) = 0.85002 → 0.85; standard 0.90 → +2.5 % of (basic + energy).
    const [pf] = byCode('power_factor');
    expect(pf.amountFen).toBe(373750);
    expect(pf.detail).toMatchObject({ cosPhi: '0.85', standard: '0.90' });
    expect(i.total_fen).toBe(2550000 + 12400000 + 373750 + 380000 + 80000 + 124000);

    // The bill appears on the customer's timeline.
    const tl = await h().db.query<{ title: string }>(
      `SELECT title FROM timeline_events WHERE customer_id = $1 AND kind = 'bill'`,
      [industry.customerId],
    );
    expect(tl.rows.map((r) => r.title)).toEqual([`电费账单 2026-10：159077.50 元（${i.bill_no}）`]);
  });

  it('explains a bill: each line as quantity × price = amount with its rule, the readings and the tariff used', async () => {
    const [i] = await billOf(h(), industry.accountId, '2026-10');
    const res = await h().api(await h().loginAs('agent'), 'GET', `/api/billing/bills/${i.id}`);
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.powerFactor).toBe('0.85');
    expect(d.tariffVersion.code).toBe('DEMO-2026');
    expect(d.readings.map((r: { register: string }) => r.register).sort()).toEqual([
      'active_total',
      'reactive_total',
    ]);
    const energy = d.explanation.find((e: { code: string }) => e.code === 'energy');
    expect(energy.formula).toBe('200000.00 kWh × 0.62 元/kWh = 124000.00 元');
    const pf = d.explanation.find((e: { code: string }) => e.code === 'power_factor');
    expect(pf.formula).toBe('（基本电费＋电度电费）149500.00 元 × 2.5% = 3737.50 元');
    expect(pf.rule).toContain('0.85');
  });

  it('running the same period again bills nothing twice', async () => {
    const again = await startRun(h(), { period: '2026-10', readingBook: book });
    expect(again).toMatchObject({
      status: 'completed',
      billedAccounts: 0,
      skippedExisting: 3,
      skippedNoReadings: 1,
    });
    expect(await duplicateBills(h().db, '2026-10')).toBe(0);
    expect(await billOf(h(), unread.accountId, '2026-10')).toEqual([]);
  });

  it('replays a retried start with the same Idempotency-Key instead of starting a second run', async () => {
    const headers = { 'idempotency-key': `run-${h().kind}-1` };
    const first = await h().api(
      await h().loginAs('billing'),
      'POST',
      '/api/billing/runs',
      { period: '2026-07', readingBook: book },
      headers,
    );
    const second = await h().api(
      await h().loginAs('billing'),
      'POST',
      '/api/billing/runs',
      { period: '2026-07', readingBook: book },
      headers,
    );
    await settleBackgroundBillRuns();
    expect(second.statusCode).toBe(202);
    expect(second.json().id).toBe(first.json().id);
  });

  it('a run stopped by a failure after two batches resumes where it stopped and bills each account once', async () => {
    const accounts = await insertAccounts(h().db, { orgUnitId: office, count: 45, readingBook: 'BT-CRASH' });
    await insertReadingsForAll(h().db, accounts, office, '2026-10', (n) => 100 + n);
    const runId = await runRepo.insertRun(h().db, {
      period: '2026-10',
      settlement: 1,
      orgUnitId: null,
      readingBook: 'BT-CRASH',
      dueDays: 15,
      issueDate: '2026-11-02',
      startedBy: null,
      batchSize: 10,
    });
    // PGlite: the failure is injected after the second committed batch (on PostgreSQL the CLI test
    // below kills a real process instead).
    await expect(executeBillRun(h().db, runId, { failAfterBatches: 2 })).rejects.toThrow(/injected failure/);
    const failed = (await runRepo.findRun(h().db, runId))!;
    expect(failed).toMatchObject({ status: 'failed', billed_accounts: 20, processed_accounts: 20 });
    // The clerk starts the failed run again from the launcher; it continues with the third batch.
    const resumed = await h().api(await h().loginAs('billing'), 'POST', `/api/billing/runs/${runId}/resume`);
    expect(resumed.statusCode, resumed.body).toBe(202);
    await settleBackgroundBillRuns();
    const done = (await runRepo.findRun(h().db, runId))!;
    expect(done).toMatchObject({ status: 'completed', billed_accounts: 45, processed_accounts: 45 });
    const again = await h().api(await h().loginAs('billing'), 'POST', `/api/billing/runs/${runId}/resume`);
    expect(again.statusCode).toBe(409);
    const n = await h().db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM bills WHERE account_id = ANY($1::bigint[]) AND period = '2026-10'`,
      [accounts.map((a) => a.accountId)],
    );
    expect(n.rows[0].n).toBe(45);
    expect(await duplicateBills(h().db, '2026-10')).toBe(0);
  });

  it('refuses a run outside the caller’s permission or scope and bad input with field messages', async () => {
    const agent = await h().api(await h().loginAs('agent'), 'POST', '/api/billing/runs', {
      period: '2026-10',
      readingBook: book,
    });
    expect(agent.statusCode).toBe(403);
    const east = await h().loginAs('billing');
    const bad = await h().api(east, 'POST', '/api/billing/runs', { period: '2026-13', settlement: 3 });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.period', 'body.settlement']));
    const noBook = await h().api(east, 'POST', '/api/billing/runs', {
      period: '2026-10',
      readingBook: 'NO-SUCH',
    });
    expect(noBook.statusCode).toBe(400);
    expect(noBook.json().error.details[0].path).toBe('body.readingBook');
  });
});

// PostgreSQL only (needs a database two processes can share): a real `bill-run` CLI process is killed
// with SIGKILL after its first batches committed, then the same command is run again.
for (const kind of DATABASE_KINDS.filter((k) => k === 'postgres')) {
  describe(`bill run killed mid-way [${kind}]`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await createHarness(kind);
      await ensureDefaultTariff(h.db);
    });
    afterAll(async () => {
      await h?.app.close();
      await h?.testDb.destroy();
    });

    const cli = (args: string[]) =>
      spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', 'bill-run', ...args], {
        cwd: REPO_ROOT,
        env: { ...process.env, DATABASE_URL: h.testDb.url!, TZ: 'UTC' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    const exited = (c: ReturnType<typeof cli>) =>
      new Promise<{ code: number | null; signal: string | null; out: string }>((resolve) => {
        let out = '';
        c.stdout!.on('data', (d: Buffer) => (out += d.toString()));
        c.stderr!.on('data', (d: Buffer) => (out += d.toString()));
        c.on('exit', (code, signal) => resolve({ code, signal, out }));
      });
    const runState = async () =>
      (
        await h.db.query<{ id: number; status: string; billed_accounts: number }>(
          `SELECT id, status, billed_accounts FROM bill_runs WHERE reading_book = 'BT-KILL'`,
        )
      ).rows;

    it('restarting the CLI after a SIGKILL continues the run and bills each account-period exactly once', async () => {
      const office = h.org.officeIds[1];
      const accounts = await insertAccounts(h.db, { orgUnitId: office, count: 300, readingBook: 'BT-KILL' });
      await insertReadingsForAll(h.db, accounts, office, '2026-10', (n) => 50 + n);
      const args = ['--period', '2026-10', '--book', 'BT-KILL', '--batch-size', '10', '--pause-ms', '100'];
      const first = cli(args);
      const firstExit = exited(first);
      for (let i = 0; i < 600; i++) {
        const [run] = await runState();
        if (run && run.billed_accounts >= 30) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      first.kill('SIGKILL');
      expect((await firstExit).signal).toBe('SIGKILL');
      const [killed] = await runState();
      expect(killed.status).toBe('running');
      expect(killed.billed_accounts).toBeGreaterThanOrEqual(30);
      expect(killed.billed_accounts).toBeLessThan(300);

      const second = await exited(cli(['--period', '2026-10', '--book', 'BT-KILL', '--batch-size', '10']));
      expect(second.code, second.out).toBe(0);
      expect(second.out).toContain(`resuming bill run ${killed.id}`);
      const runs = await runState();
      expect(runs).toEqual([{ id: killed.id, status: 'completed', billed_accounts: 300 }]);
      const n = await h.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM bills WHERE account_id = ANY($1::bigint[]) AND period = '2026-10'`,
        [accounts.map((a) => a.accountId)],
      );
      expect(n.rows[0].n).toBe(300);
      expect(await duplicateBills(h.db, '2026-10')).toBe(0);
    }, 120_000);
  });
}
