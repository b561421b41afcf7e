// The tariff catalogue, the quote calculator, bill lists and re-bill/adjustment documents over HTTP.
// Amounts are worked out by hand from the demo tariff (domain.md §9).
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, type Harness } from '../../test/harness';
import { insertAccounts, insertReadings, type BuiltAccount } from './billing.test-builders';
import * as runRepo from './bill-run.repository';
import { executeBillRun } from './bill-run.service';
import { ensureDefaultTariff } from './tariff-versions.service';

const touQuote = {
  period: '2026-10',
  tariffCategory: 'commercial',
  voltageLevel: '380V',
  energy: { totalKwh: 1000, peakKwh: 400, flatKwh: 350, valleyKwh: 250 },
};

async function counts(h: Harness) {
  const r = await h.db.query<{ bills: number; timeline: number; audit: number; runs: number }>(
    `SELECT (SELECT count(*)::int FROM bills) AS bills, (SELECT count(*)::int FROM timeline_events) AS timeline,
            (SELECT count(*)::int FROM audit_log) AS audit, (SELECT count(*)::int FROM bill_runs) AS runs`,
  );
  return r.rows[0];
}

async function billBook(h: Harness, book: string, period: string) {
  const id = await runRepo.insertRun(h.db, {
    period,
    settlement: 1,
    orgUnitId: null,
    readingBook: book,
    dueDays: 15,
    issueDate: '2026-11-02',
    startedBy: null,
    batchSize: 100,
  });
  return executeBillRun(h.db, id);
}

describeEachDatabase('billing API', (h) => {
  beforeAll(async () => {
    await ensureDefaultTariff(h().db);
  });

  it('quotes TOU energy without saving anything', async () => {
    const agent = await h().loginAs('agent');
    const before = await counts(h());
    const res = await h().api(agent, 'POST', '/api/billing/quote', touQuote);
    expect(res.statusCode, res.body).toBe(200);
    const q = res.json();
    expect(q.tariffVersion.code).toBe('DEMO-2026');
    // peak 400 × 1.02795 = 411.18; flat 350 × 0.6853 = 239.855 → 239.86; valley 250 × 0.34265 = 85.6625 →
    // 85.66; surcharges 1000 × 0.019, × 0.004, × 0.0062.
    expect(q.bill.totalFen).toBe(41118 + 23986 + 8566 + 1900 + 400 + 620);
    expect(await counts(h())).toEqual(before);
  });

  it('answers bad quote input with 400 and field messages', async () => {
    const agent = await h().loginAs('agent');
    const neg = await h().api(agent, 'POST', '/api/billing/quote', { ...touQuote, energy: { totalKwh: -5 } });
    expect(neg.statusCode).toBe(400);
    expect(neg.json().error.details.map((d: { path: string }) => d.path)).toContain('body.energy.totalKwh');
    const cat = await h().api(agent, 'POST', '/api/billing/quote', { ...touQuote, tariffCategory: 'space' });
    expect(cat.statusCode).toBe(400);
    expect(cat.json().error.details[0].path).toBe('body.tariffCategory');
    // The engine refuses TOU registers above the total (peak + valley > total) as a field error.
    const tou = await h().api(agent, 'POST', '/api/billing/quote', {
      ...touQuote,
      energy: { totalKwh: 100, peakKwh: 80, valleyKwh: 50 },
    });
    expect(tou.statusCode).toBe(400);
    expect(tou.json().error.details[0].path).toMatch(/^body\.energy/);
    const garbage = await h().api(agent, 'POST', '/api/billing/quote', 'not json', {
      'content-type': 'application/json',
    });
    expect(garbage.statusCode).toBe(400);
    const noLogin = await h().app.inject({ method: 'POST', url: '/api/billing/quote', payload: touQuote });
    expect(noLogin.statusCode).toBe(401);
  });

  it('versions the tariff catalogue: copy as draft, edit, activate; an active version is never edited', async () => {
    const admin = await h().loginAs('admin');
    const clerk = await h().api(await h().loginAs('billing'), 'POST', '/api/billing/tariffs', {
      code: 'NOPE-1',
      name: 'x',
      effectiveFrom: '2027-01-01',
    });
    expect(clerk.statusCode).toBe(403);
    const created = await h().api(admin, 'POST', '/api/billing/tariffs', {
      code: 'T-2027',
      name: '2027年电价',
      effectiveFrom: '2027-01-01',
    });
    expect(created.statusCode, created.body).toBe(201);
    const draft = created.json();
    expect(draft).toMatchObject({ status: 'draft', inForce: false });
    expect(draft.document.residentialTiers.prices).toEqual(['0.5469', '0.5969', '0.8469']);
    const dup = await h().api(admin, 'POST', '/api/billing/tariffs', {
      code: 'T-2027',
      name: 'y',
      effectiveFrom: '2027-02-01',
    });
    expect(dup.statusCode).toBe(409);

    const { categories, residentialTiers, surcharges, touSeasons } = draft.document;
    const components = { categories, residentialTiers, surcharges, touSeasons };
    const edited = {
      ...components,
      residentialTiers: { ...components.residentialTiers, prices: ['0.5500', '0.6000', '0.8500'] },
    };
    const bad = await h().api(admin, 'PUT', `/api/billing/tariffs/${draft.id}`, {
      version: draft.version,
      components: {
        ...edited,
        residentialTiers: { ...edited.residentialTiers, prices: ['abc', '0.6', '0.85'] },
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('body.components.residentialTiers.prices.0');
    const put = await h().api(admin, 'PUT', `/api/billing/tariffs/${draft.id}`, {
      version: draft.version,
      components: edited,
    });
    expect(put.statusCode, put.body).toBe(200);
    const stale = await h().api(admin, 'PUT', `/api/billing/tariffs/${draft.id}`, {
      version: draft.version,
      name: 'z',
    });
    expect(stale.statusCode).toBe(409);
    const active = await h().api(admin, 'POST', `/api/billing/tariffs/${draft.id}/activate`, {
      version: put.json().version,
    });
    expect(active.statusCode, active.body).toBe(200);
    expect(active.json().status).toBe('active');
    const again = await h().api(admin, 'PUT', `/api/billing/tariffs/${draft.id}`, {
      version: active.json().version,
      name: 'z',
    });
    expect(again.statusCode).toBe(409);

    // From 2027 the new version prices: 100 kWh × 0.55 = 55.00 + surcharge 100 × 0.001 = 0.10.
    const q = await h().api(admin, 'POST', '/api/billing/quote', {
      period: '2027-01',
      tariffCategory: 'residential',
      voltageLevel: '220V',
      energy: { totalKwh: 100 },
      residential: {
        cycle: 'annual',
        monthsOfServiceInCycle: 12,
        householdSize: 3,
        lowIncome: false,
        kwhBilledInCycle: 0,
      },
    });
    expect(q.statusCode, q.body).toBe(200);
    expect(q.json()).toMatchObject({ tariffVersion: { code: 'T-2027' }, bill: { totalFen: 5510 } });
    const list = await h().api(await h().loginAs('agent'), 'GET', '/api/billing/tariffs');
    expect(list.json().items.map((v: { code: string }) => v.code)).toEqual(
      expect.arrayContaining(['T-2027', 'DEMO-2026']),
    );
  });

  it('re-bills a corrected reading with four eyes: the drafter may not approve, paid money carries over', async () => {
    const office = h().org.officeIds[0];
    const [a] = await insertAccounts(h().db, { orgUnitId: office, readingBook: 'BT-ADJ' });
    const acc: BuiltAccount & { orgUnitId: number } = { ...a, orgUnitId: office };
    await insertReadings(h().db, acc, '2026-10', { active_total: 300 });
    await billBook(h(), 'BT-ADJ', '2026-10');
    const bill = (
      await h().db.query<{ id: number; total_fen: number; bill_no: string }>(
        `SELECT id, total_fen, bill_no FROM bills WHERE account_id = $1`,
        [a.accountId],
      )
    ).rows[0];
    // 300 × 0.5469 = 164.07 plus 0.30 surcharge.
    expect(bill.total_fen).toBe(16437);
    // The customer has paid 100 yuan of it (as the payments module would record).
    await h().db.query(`UPDATE bills SET paid_fen = 10000, status = 'partially_paid' WHERE id = $1`, [
      bill.id,
    ]);

    const admin = await h().loginAs('admin');
    const draft = await h().api(admin, 'POST', '/api/billing/adjustments', {
      billId: bill.id,
      reason: 'wrong_reading',
      reasonText: '抄表员误读，实际读数少 50 kWh',
      mode: 'recompute',
      corrections: { energy: { totalKwh: 250 } },
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const d = draft.json();
    // 250 × 0.5469 = 136.725 → 136.73, surcharge 0.25.
    expect(d).toMatchObject({
      status: 'draft',
      oldTotalFen: 16437,
      newTotalFen: 13698,
      differenceFen: -2739,
    });
    const second = await h().api(admin, 'POST', '/api/billing/adjustments', {
      billId: bill.id,
      reason: 'other',
      reasonText: '重复',
      mode: 'manual',
      manualAmountFen: 100,
      manualDescription: '重复',
    });
    expect(second.statusCode).toBe(409);

    const own = await h().api(admin, 'POST', `/api/billing/adjustments/${d.id}/decision`, {
      version: d.version,
      decision: 'approve',
    });
    expect(own.statusCode).toBe(403);
    const clerk = await h().api(
      await h().loginAs('billing'),
      'POST',
      `/api/billing/adjustments/${d.id}/decision`,
      {
        version: d.version,
        decision: 'approve',
      },
    );
    expect(clerk.statusCode).toBe(403);
    const sup = await h().loginAs('supervisor');
    const stale = await h().api(sup, 'POST', `/api/billing/adjustments/${d.id}/decision`, {
      version: d.version + 1,
      decision: 'approve',
    });
    expect(stale.statusCode).toBe(409);
    const ok = await h().api(sup, 'POST', `/api/billing/adjustments/${d.id}/decision`, {
      version: d.version,
      decision: 'approve',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', refundFen: 0 });

    const bills = await h().db.query<{
      id: number;
      bill_no: string;
      kind: string;
      status: string;
      total_fen: number;
      paid_fen: number;
      supersedes_id: number | null;
    }>(
      `SELECT id, bill_no, kind, status, total_fen, paid_fen, supersedes_id FROM bills WHERE account_id = $1 ORDER BY id`,
      [a.accountId],
    );
    expect(bills.rows.map((b) => [b.kind, b.status, b.total_fen, b.paid_fen])).toEqual([
      ['regular', 'superseded', 16437, 10000],
      ['rebill', 'partially_paid', 13698, 10000],
    ]);
    const rebill = bills.rows[1];
    expect(rebill).toMatchObject({ bill_no: `${bill.bill_no}-R1`, supersedes_id: bill.id });

    // A manual refund line below what was paid: the excess is recorded as a refund due.
    const manual = await h().api(admin, 'POST', '/api/billing/adjustments', {
      billId: rebill.id,
      reason: 'meter_error',
      reasonText: '校表误差 +5%，退还多收电费',
      mode: 'manual',
      manualAmountFen: -5000,
      manualDescription: '校表退费',
    });
    expect(manual.statusCode, manual.body).toBe(201);
    expect(manual.json()).toMatchObject({ newTotalFen: 8698, refundFen: 1302 });
    const approved = await h().api(sup, 'POST', `/api/billing/adjustments/${manual.json().id}/decision`, {
      version: manual.json().version,
      decision: 'approve',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ refundFen: 1302, status: 'approved' });
    const live = await h().db.query<{ status: string; paid_fen: number; total_fen: number; bill_no: string }>(
      `SELECT status, paid_fen, total_fen, bill_no FROM bills WHERE account_id = $1 AND status NOT IN ('superseded','cancelled')`,
      [a.accountId],
    );
    expect(live.rows).toEqual([
      { status: 'paid', paid_fen: 8698, total_fen: 8698, bill_no: `${bill.bill_no}-R2` },
    ]);

    const timeline = await h().db.query<{ title: string }>(
      `SELECT title FROM timeline_events WHERE customer_id = $1 AND kind = 'bill' ORDER BY id`,
      [a.customerId],
    );
    expect(timeline.rows.map((r) => r.title)).toEqual([
      expect.stringContaining('电费账单 2026-10'),
      expect.stringContaining('退还 27.39 元'),
      expect.stringContaining('退还 50.00 元'),
    ]);
    const audit = await h().db.query(`SELECT 1 FROM audit_log WHERE entity = 'bill_adjustment'`);
    expect(audit.rowCount).toBeGreaterThanOrEqual(4);

    // Lists, export and the customer's history; another branch cannot see the bill.
    const list = await h().api(sup, 'GET', `/api/billing/bills?accountNo=${a.accountNo}&period=2026-10`);
    expect(
      list
        .json()
        .items.map((b: { kind: string }) => b.kind)
        .sort(),
    ).toEqual(['rebill', 'rebill', 'regular']);
    const xlsx = await h().api(sup, 'GET', `/api/billing/bills.xlsx?accountNo=${a.accountNo}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const history = await h().api(sup, 'GET', `/api/billing/customers/${a.customerId}/history`);
    expect(history.json().periods).toEqual([
      { period: '2026-10', energyKwh: '250.00', totalFen: 8698, paidFen: 8698 },
    ]);
    const other = await h().api(await h().loginAs('manager2'), 'GET', `/api/billing/bills/${rebill.id}`);
    expect(other.statusCode).toBe(404);
  });
});
