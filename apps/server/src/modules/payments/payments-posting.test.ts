// Counter posting end to end: allocation oldest first (late fee, then principal), surplus to prepaid,
// receipt, bill paid; the same reference posted 50 times at once posts once; refunds with approval.
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/harness';
import { applyPrepaidBalances } from './collection-jobs.service';
import { billState, insertBill, newAccount, newReference } from './payments.test-builders';

describeEachDatabase('payments: counter posting', (h) => {
  it('posts a payment: the overdue bill’s late fee and principal, the newer bill, the rest to prepaid; receipt prints', async () => {
    const a = await newAccount(h());
    // 200 yuan residential, 10 days overdue: 200 × 0.1 % × 10 = 2.00 yuan late fee; 300 yuan not yet due.
    const old = await insertBill(h().db, a, { period: '2026-08', totalFen: 20_000, dueInDays: -10 });
    const recent = await insertBill(h().db, a, { period: '2026-09', totalFen: 30_000, dueInDays: 5 });
    const clerk = await h().loginAs('billing');

    const due = await h().api(clerk, 'GET', `/api/payments/accounts/due?accountNo=${a.accountNo}`);
    expect(due.statusCode).toBe(200);
    expect(due.json()).toMatchObject({ principalFen: 50_000, lateFeeFen: 200, totalDueFen: 50_200 });

    const reference = newReference();
    const res = await h().api(clerk, 'POST', '/api/payments', {
      accountId: a.accountId,
      amountFen: 60_000,
      reference,
    });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({ lateFeeFen: 200, principalFen: 50_000, prepaidFen: 9_800, channel: 'counter' });
    expect(
      p.allocations.map((x: { billId: number; lateFeeFen: number; principalFen: number }) => [
        x.billId,
        x.lateFeeFen,
        x.principalFen,
      ]),
    ).toEqual([
      [old, 200, 20_000],
      [recent, 0, 30_000],
    ]);
    expect(p.receiptNo).toMatch(/^RC\d{16}$/);
    expect(await billState(h().db, old)).toMatchObject({ status: 'paid', paid_fen: 20_000 });
    expect(await billState(h().db, recent)).toMatchObject({ status: 'paid', paid_fen: 30_000 });

    const after = (await h().api(clerk, 'GET', `/api/payments/accounts/due?accountNo=${a.accountNo}`)).json();
    expect(after).toMatchObject({ totalDueFen: 0, prepaidBalanceFen: 9_800, bills: [] });

    const receipt = await h().api(clerk, 'GET', `/api/payments/${p.id}/receipt`);
    expect(receipt.statusCode).toBe(200);
    expect(receipt.headers['content-type']).toContain('text/html');
    expect(receipt.body).toContain(p.receiptNo);
    expect(receipt.body).toContain('600.00');

    const timeline = await h().db.query(
      `SELECT title FROM timeline_events WHERE customer_id = $1 AND kind = 'payment'`,
      [a.customerId],
    );
    expect(timeline.rows).toHaveLength(1);
  });

  it('a partial payment leaves the bill partially paid and the next payment continues from there', async () => {
    const a = await newAccount(h());
    const bill = await insertBill(h().db, a, { period: '2026-09', totalFen: 10_000, dueInDays: 3 });
    const clerk = await h().loginAs('billing');
    const first = await h().api(clerk, 'POST', '/api/payments', {
      accountId: a.accountId,
      amountFen: 4_000,
      reference: newReference(),
    });
    expect(first.statusCode).toBe(201);
    expect(await billState(h().db, bill)).toMatchObject({
      status: 'partially_paid',
      paid_fen: 4_000,
      paid_at: null,
    });
    await h().api(clerk, 'POST', '/api/payments', {
      accountId: a.accountId,
      amountFen: 6_000,
      reference: newReference(),
    });
    expect(await billState(h().db, bill)).toMatchObject({ status: 'paid', paid_fen: 10_000 });
  });

  it('the same payment reference posted 50 times at once posts once', async () => {
    const a = await newAccount(h());
    const bill = await insertBill(h().db, a, { period: '2026-09', totalFen: 12_345, dueInDays: 5 });
    const clerk = await h().loginAs('billing');
    const reference = newReference('DUP');
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        h().api(clerk, 'POST', '/api/payments', { accountId: a.accountId, amountFen: 12_345, reference }),
      ),
    );
    expect(answers.map((r) => r.statusCode).sort((x, y) => x - y)).toEqual([...Array(49).fill(200), 201]);
    expect(new Set(answers.map((r) => r.json().id)).size).toBe(1);
    const n = await h().db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM payments WHERE reference = $1`,
      [reference],
    );
    expect(n.rows[0].n).toBe(1);
    expect(await billState(h().db, bill)).toMatchObject({ status: 'paid', paid_fen: 12_345 });
    const prepaid = await h().db.query(
      `SELECT 1 FROM prepaid_balances WHERE account_id = $1 AND balance_fen > 0`,
      [a.accountId],
    );
    expect(prepaid.rowCount).toBe(0);

    // The same reference for another amount is not a retry: refused, nothing posted.
    const clash = await h().api(clerk, 'POST', '/api/payments', {
      accountId: a.accountId,
      amountFen: 100,
      reference,
    });
    expect(clash.statusCode).toBe(409);
  });

  it('refuses bad input with field errors and changes nothing', async () => {
    const a = await newAccount(h());
    const clerk = await h().loginAs('billing');
    for (const body of [
      { accountId: a.accountId, amountFen: -5, reference: newReference() },
      { accountId: a.accountId, amountFen: 1.5, reference: newReference() },
      { accountId: a.accountId, amountFen: 100, reference: 'bad ref!' },
      { accountId: 'x', amountFen: 100, reference: newReference() },
    ]) {
      const res = await h().api(clerk, 'POST', '/api/payments', body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.length).toBeGreaterThan(0);
    }
    const agent = await h().loginAs('agent'); // billing:read but not payment:post
    const forbidden = await h().api(agent, 'POST', '/api/payments', {
      accountId: a.accountId,
      amountFen: 100,
      reference: newReference(),
    });
    expect(forbidden.statusCode).toBe(403);
    const n = await h().db.query(`SELECT 1 FROM payments WHERE account_id = $1`, [a.accountId]);
    expect(n.rowCount).toBe(0);
  });

  it('refunds prepaid money only after approval, never more than the balance', async () => {
    const a = await newAccount(h());
    const clerk = await h().loginAs('billing');
    await h().api(clerk, 'POST', '/api/payments', {
      accountId: a.accountId,
      amountFen: 8_000,
      reference: newReference(),
    });
    const over = await h().api(clerk, 'POST', '/api/payments/refunds', {
      accountId: a.accountId,
      amountFen: 8_001,
      reason: '多缴',
    });
    expect(over.statusCode).toBe(400);
    const req = await h().api(clerk, 'POST', '/api/payments/refunds', {
      accountId: a.accountId,
      amountFen: 5_000,
      reason: '多缴退费',
    });
    expect(req.statusCode).toBe(201);
    const refund = req.json();
    const clerkDecides = await h().api(clerk, 'POST', `/api/payments/refunds/${refund.id}/decision`, {
      approve: true,
      version: refund.version,
    });
    expect(clerkDecides.statusCode).toBe(403);
    const supervisor = await h().loginAs('supervisor');
    const ok = await h().api(supervisor, 'POST', `/api/payments/refunds/${refund.id}/decision`, {
      approve: true,
      version: refund.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().status).toBe('approved');
    const again = await h().api(supervisor, 'POST', `/api/payments/refunds/${refund.id}/decision`, {
      approve: true,
      version: refund.version,
    });
    expect(again.statusCode).toBe(409);
    const bal = await h().db.query<{ balance_fen: number }>(
      `SELECT balance_fen FROM prepaid_balances WHERE account_id = $1`,
      [a.accountId],
    );
    expect(bal.rows[0].balance_fen).toBe(3_000);
  });

  it('a prepaid balance pays the next bill when the prepaid job runs, once', async () => {
    const a = await newAccount(h());
    const clerk = await h().loginAs('billing');
    await h().api(clerk, 'POST', '/api/payments', {
      accountId: a.accountId,
      amountFen: 5_000,
      reference: newReference(),
    });
    const bill = await insertBill(h().db, a, { period: '2026-10', totalFen: 3_000, dueInDays: 10 });
    await applyPrepaidBalances(h().db);
    await applyPrepaidBalances(h().db);
    expect(await billState(h().db, bill)).toMatchObject({ status: 'paid', paid_fen: 3_000 });
    const bal = await h().db.query<{ balance_fen: number }>(
      `SELECT balance_fen FROM prepaid_balances WHERE account_id = $1`,
      [a.accountId],
    );
    expect(bal.rows[0].balance_fen).toBe(2_000);
    const applied = await h().db.query(
      `SELECT 1 FROM payments WHERE account_id = $1 AND channel = 'prepaid'`,
      [a.accountId],
    );
    expect(applied.rowCount).toBe(1);
  });
});
