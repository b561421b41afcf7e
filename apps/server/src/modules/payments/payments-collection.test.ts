// Withholding result files (row-level errors post nothing; a clean file posts once), the due-date reminder
// job (once per bill), disconnection cases (3–7-day window, notice, cancelled by payment), arrears list.
import { expect, it } from 'vitest';
import { withholdingResultCsv } from '@gridcare/payment-gateway-sim';
import { addDaysToDate, businessDateShanghai } from '@gridcare/domain';
import type { Harness } from '../../test/harness';
import { describeEachDatabase } from '../../test/harness';
import { sendDueReminders } from './collection-jobs.service';
import { sendDueDisconnectionReminders } from './disconnection.service';
import { billState, insertBill, newAccount, newReference, type TestAccount } from './payments.test-builders';

async function withAgreement(h: Harness, a: TestAccount, bankCode: string) {
  await h.db.query(
    `INSERT INTO withholding_agreements(account_id, org_unit_id, bank_code, bank_account_no, holder_name, signed_on)
     VALUES ($1,$2,$3,$4,'测试户主','2026-01-01')`,
    [a.accountId, a.orgUnitId, bankCode, `62220000${a.accountId}`],
  );
}

function upload(h: Harness, cookie: string, batchId: number, csv: string) {
  const boundary = '----gc' + Date.now();
  const payload =
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="result.csv"\r\nContent-Type: text/csv\r\n\r\n` +
    csv +
    `\r\n--${boundary}--\r\n`;
  return h.app.inject({
    method: 'POST',
    url: `/api/payments/withholding/batches/${batchId}/result`,
    payload,
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

describeEachDatabase('payments: withholding, reminders, disconnection, arrears', (h) => {
  it('a result file with bad rows is refused row by row and posts nothing; the clean file posts successes once', async () => {
    const bank = 'B' + String(process.pid % 10000) + h().kind.slice(0, 2).toUpperCase();
    const accounts = [await newAccount(h()), await newAccount(h()), await newAccount(h())];
    const bills: number[] = [];
    for (const [i, a] of accounts.entries()) {
      await withAgreement(h(), a, bank);
      bills.push(await insertBill(h().db, a, { period: '2026-10', totalFen: 10_000 + i, dueInDays: 2 }));
    }
    const clerk = await h().loginAs('billing');
    const created = await h().api(clerk, 'POST', '/api/payments/withholding/batches', { bankCode: bank });
    expect(created.statusCode).toBe(201);
    const batch = created.json();
    expect(batch).toMatchObject({ lineCount: 3, totalFen: 30_003 });
    const file = await h().api(clerk, 'GET', `/api/payments/withholding/batches/${batch.id}/file`);
    expect(file.statusCode).toBe(200);
    const lines = file.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('批次号,序号,户号,户名,银行代码,银行账号,金额');
    expect(lines).toHaveLength(4);

    // The bank's answer, with a wrong amount on line 2 and a line that is not in the batch.
    const good = withholdingResultCsv(file.body, { failEvery: 3 });
    const rows = good.trim().split('\r\n');
    const cells2 = rows[2].split(',');
    cells2[3] = '1.00';
    const bad = [rows[0], rows[1], cells2.join(','), rows[3], `${batch.batchNo},9,X,1.00,SUCCESS,BK1,`].join(
      '\r\n',
    );
    const refused = await upload(h(), clerk, batch.id, bad);
    expect(refused.statusCode).toBe(200);
    const r = refused.json();
    expect(r.accepted).toBe(false);
    expect(r.errors).toEqual([
      { row: 3, column: '金额', message: expect.stringContaining('100.01') },
      { row: 5, column: '序号', message: '本批次没有这一序号' },
    ]);
    const none = await h().db.query(`SELECT 1 FROM payments WHERE reference LIKE $1`, [
      `WH-${batch.batchNo}-%`,
    ]);
    expect(none.rowCount).toBe(0);

    const accepted = (await upload(h(), clerk, batch.id, good)).json();
    expect(accepted).toMatchObject({ accepted: true, posted: 2, errors: [] });
    expect(accepted.failed).toEqual([{ lineNo: 3, accountNo: expect.any(String), reason: '账户余额不足' }]);
    expect(accepted.batch).toMatchObject({
      status: 'result_imported',
      succeededCount: 2,
      succeededFen: 20_001,
      failedCount: 1,
    });
    expect((await billState(h().db, bills[0])).status).toBe('paid');
    expect((await billState(h().db, bills[2])).status).toBe('issued');
    const again = (await upload(h(), clerk, batch.id, good)).json();
    expect(again).toMatchObject({ accepted: true, posted: 0 });
    const n = await h().db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM payments WHERE reference LIKE $1`,
      [`WH-${batch.batchNo}-%`],
    );
    expect(n.rows[0].n).toBe(2);
  });

  it('the due-date reminder goes out once per bill, three days ahead, and not for paid bills', async () => {
    const a = await newAccount(h());
    const soon = await insertBill(h().db, a, { period: '2026-10', totalFen: 7_700, dueInDays: 2 });
    const later = await insertBill(h().db, a, { period: '2026-11', totalFen: 7_800, dueInDays: 10 });
    const b = await newAccount(h());
    const paidBill = await insertBill(h().db, b, { period: '2026-10', totalFen: 100, dueInDays: 1 });
    await h().api(await h().loginAs('billing'), 'POST', '/api/payments', {
      accountId: b.accountId,
      amountFen: 100,
      reference: newReference(),
    });
    expect((await billState(h().db, paidBill)).status).toBe('paid');

    await sendDueReminders(h().db);
    await sendDueReminders(h().db);
    const sent = await h().db.query<{ entity_id: string; channel: string; body: string }>(
      `SELECT entity_id, channel, body FROM notification_outbox WHERE event = 'payment.due_reminder'
        AND entity_id = ANY($1::text[]) ORDER BY channel`,
      [[String(soon), String(later), String(paidBill)]],
    );
    expect(sent.rows.map((r) => [r.entity_id, r.channel])).toEqual([
      [String(soon), 'in_app'],
      [String(soon), 'sms'],
    ]);
    expect(sent.rows[1].body).toContain('77.00');
  });

  it('a disconnection case needs a plan 3–7 days out, sends the notice, reminds 30 min before, and payment cancels it', async () => {
    const a = await newAccount(h());
    await insertBill(h().db, a, { period: '2026-08', totalFen: 45_600, dueInDays: -40 });
    const clerk = await h().loginAs('billing');
    const now = Date.now();
    const tooSoon = await h().api(clerk, 'POST', '/api/payments/disconnections', {
      accountId: a.accountId,
      plannedAt: new Date(now + 2 * 86_400_000).toISOString(),
    });
    expect(tooSoon.statusCode).toBe(400);
    const plannedAt = new Date(now + 4 * 86_400_000);
    const res = await h().api(clerk, 'POST', '/api/payments/disconnections', {
      accountId: a.accountId,
      plannedAt: plannedAt.toISOString(),
    });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ status: 'notice_sent', arrearsFen: 45_600 });
    expect(new Date(c.remindAt).getTime()).toBe(plannedAt.getTime() - 30 * 60_000);
    const notice = await h().db.query(
      `SELECT 1 FROM notification_outbox WHERE event = 'payment.disconnection_notice' AND entity_id = $1`,
      [String(c.id)],
    );
    expect(notice.rowCount).toBeGreaterThan(0);
    const early = await h().api(clerk, 'POST', `/api/payments/disconnections/${c.id}/actions`, {
      action: 'disconnect',
      version: c.version,
    });
    expect(early.statusCode).toBe(409);

    // The reminder job, run as if it were 31 minutes before the planned time: once only.
    const at = new Date(plannedAt.getTime() - 29 * 60_000);
    expect(await sendDueDisconnectionReminders(h().db, at)).toBeGreaterThanOrEqual(1);
    expect(await sendDueDisconnectionReminders(h().db, at)).toBe(0);

    const due = (await h().api(clerk, 'GET', `/api/payments/accounts/due?accountNo=${a.accountNo}`)).json();
    await h().api(clerk, 'POST', '/api/payments', {
      accountId: a.accountId,
      amountFen: due.totalDueFen,
      reference: newReference(),
    });
    const list = (await h().api(clerk, 'GET', '/api/payments/disconnections?pageSize=100')).json();
    expect(list.items.find((x: { id: number }) => x.id === c.id)).toMatchObject({ status: 'cancelled' });
  });

  it('the arrears list shows overdue accounts with ageing and the late fee to date, in the caller’s scope only', async () => {
    const a = await newAccount(h(), { tariffCategory: 'commercial' });
    // 1,000 yuan commercial, 45 days overdue, inside one year unless the test runs in mid-February:
    // compute the expected fee from the rule for today.
    await insertBill(h().db, a, {
      period: '2026-08',
      totalFen: 100_000,
      tariffCategory: 'commercial',
      dueInDays: -45,
    });
    const today = businessDateShanghai(new Date());
    const due = addDaysToDate(today, -45);
    const sameYear = due.slice(0, 4) === today.slice(0, 4);
    const daysThisYear = sameYear
      ? 45
      : Math.round((Date.parse(`${today.slice(0, 4)}-01-01`) - Date.parse(due)) / 86_400_000) - 1;
    const expectedFee = (100_000 * (daysThisYear * 2 + (45 - daysThisYear) * 3)) / 1000;
    const clerk = await h().loginAs('billing');
    const res = await h().api(clerk, 'GET', `/api/payments/arrears?q=${a.accountNo}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({
        accountNo: a.accountNo,
        principalFen: 100_000,
        lateFeeFen: expectedFee,
        daysOverdue: 45,
        bucket: 'd31_90',
      }),
    ]);
    // manager2 works branch 2 only; the account is in branch 1.
    const other = await h().loginAs('manager2');
    const hidden = await h().api(other, 'GET', `/api/payments/arrears?q=${a.accountNo}`);
    expect(hidden.json().items).toEqual([]);
    const xlsx = await h().api(clerk, 'GET', `/api/payments/arrears.xlsx?q=${a.accountNo}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });
});
