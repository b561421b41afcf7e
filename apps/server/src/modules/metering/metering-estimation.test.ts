// Estimated reads and the true-up, the 6-months-unread job, interval intake, books and history (§8).
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/harness';
import { estimateMissingReadings } from './estimation.service';
import { flagUnreadAccounts } from './unread.service';
import { insertMeteredAccount, liveReadings, readingsCsv } from './metering.test-builders';
import { insertTestContact } from '../notifications/notifications.test-builders';

describeEachDatabase('metering estimation and unread', (h) => {
  const office = () => h().org.officeIds[0];
  async function post(body: string) {
    const res = await h().api(await h().loginAs('billing'), 'POST', '/api/metering/intake', body, {
      'content-type': 'text/csv',
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  it('estimates a missing period from the last 3 actual months and trues it up at the next actual read', async () => {
    const a = await insertMeteredAccount(h().db, { orgUnitId: office(), book: 'T-EST-1' });
    // consumptions: Feb 100, Mar 200, Apr 300 (January is the first read)
    await post(
      readingsCsv(
        [1000, 1100, 1300, 1600].map((v, i) => [
          a.assetNo,
          `2026-0${i + 1}`,
          'active_total',
          `2026-0${i + 1}-10`,
          v,
        ]),
      ),
    );
    const r = await estimateMissingReadings(h().db, { period: '2026-05', readingBook: 'T-EST-1' });
    expect(r).toEqual({ estimated: 1 });
    // run again: nothing more to estimate
    expect(await estimateMissingReadings(h().db, { period: '2026-05', readingBook: 'T-EST-1' })).toEqual({
      estimated: 0,
    });
    const may = (await liveReadings(h().db, a.meterId)).find((x) => x.period === '2026-05')!;
    // (100 + 200 + 300) / 3 = 200; notional register 1 600 + 200
    expect(may).toMatchObject({
      status: 'estimated',
      source: 'estimated',
      consumption: '200.00',
      value: '1800.00',
    });
    const missing = await h().db.query(
      `SELECT codes FROM reading_exceptions WHERE meter_id = $1 AND period = '2026-05'`,
      [a.meterId],
    );
    expect(missing.rows).toEqual([{ codes: ['missing'] }]);

    await post(readingsCsv([[a.assetNo, '2026-06', 'active_total', '2026-06-10', '2100']]));
    const june = (await liveReadings(h().db, a.meterId)).find((x) => x.period === '2026-06')!;
    // actual since April: 2 100 − 1 600 = 500, of which 200 was billed in May
    expect(june).toMatchObject({
      previous_value: '1600.00',
      consumption: '300.00',
      trued_up_kwh: '200.00',
      status: 'valid',
    });
    const link = await h().db.query<{ trued: boolean }>(
      `SELECT trued_up_by IS NOT NULL AS trued FROM meter_readings WHERE meter_id = $1 AND period = '2026-05'`,
      [a.meterId],
    );
    expect(link.rows[0].trued).toBe(true);
  });

  it('falls back to the same month last year when there is no actual read in the last 6 months', async () => {
    const a = await insertMeteredAccount(h().db, { orgUnitId: office(), book: 'T-EST-2' });
    await post(
      readingsCsv([
        [a.assetNo, '2024-12', 'active_total', '2024-12-10', '100'],
        [a.assetNo, '2025-01', 'active_total', '2025-01-10', '520'], // January 2025: 420 kWh
        [a.assetNo, '2025-06', 'active_total', '2025-06-10', '900'], // 7 months before January 2026
      ]),
    );
    await estimateMissingReadings(h().db, { period: '2026-01', readingBook: 'T-EST-2' });
    const jan = (await liveReadings(h().db, a.meterId)).find((x) => x.period === '2026-01')!;
    expect(jan).toMatchObject({ status: 'estimated', consumption: '420.00' });
  });

  it('flags an account unread for 6 months once: one task, one notice per channel', async () => {
    const a = await insertMeteredAccount(h().db, { orgUnitId: office(), book: 'T-UNREAD' });
    await insertTestContact(h().db, a.customerId, '13912345678');
    await post(
      readingsCsv([
        [a.assetNo, '2025-11', 'active_total', '2025-11-10', '100'],
        [a.assetNo, '2025-12', 'active_total', '2025-12-10', '250'],
      ]),
    );
    for (const p of ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'])
      await estimateMissingReadings(h().db, { period: p, readingBook: 'T-UNREAD' });
    // May: 5 months since December — not yet
    expect((await flagUnreadAccounts(h().db, { period: '2026-05', today: '2026-06-01' })).flagged).toBe(0);
    await estimateMissingReadings(h().db, { period: '2026-06', readingBook: 'T-UNREAD' });
    const first = await flagUnreadAccounts(h().db, { period: '2026-06', today: '2026-07-01' });
    expect(first.flagged).toBe(1);
    const again = await flagUnreadAccounts(h().db, { period: '2026-06', today: '2026-07-02' });
    expect(again.flagged).toBe(0);
    const tasks = await h().db.query(
      `SELECT unread_months, last_actual_period, notified FROM metering_unread_tasks WHERE account_id = $1`,
      [a.accountId],
    );
    expect(tasks.rows).toEqual([{ unread_months: 6, last_actual_period: '2025-12', notified: true }]);
    const out = await h().db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM notification_outbox WHERE event = 'metering.termination_notice' AND channel = 'sms'
          AND recipient_address LIKE '%13912345678'`,
    );
    expect(out.rows[0].n).toBe(1);
  });

  it('interval CSV folds 96 values a day, × multiplier; a bad interval number rejects the file', async () => {
    const a = await insertMeteredAccount(h().db, { orgUnitId: office(), multiplier: '10' });
    const cookie = await h().loginAs('billing');
    const upload = async (csv: string) => {
      const boundary = '----gcmeter';
      const payload =
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ami.csv"\r\nContent-Type: text/csv\r\n\r\n` +
        csv +
        `\r\n--${boundary}--\r\n`;
      return h().api(cookie, 'POST', '/api/metering/interval-uploads', payload, {
        'content-type': `multipart/form-data; boundary=${boundary}`,
      });
    };
    const lines = [
      'meter_asset_no,read_on,interval_no,kwh',
      `${a.assetNo},2026-03-01,1,0.25`,
      `${a.assetNo},2026-03-01,96,0.5`,
    ];
    const ok = await upload(lines.join('\n'));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'completed', validRows: 2 });
    const day = await h().db.query<{
      first: number;
      last: number;
      mid: number | null;
      total_kwh: string;
      max_kw: string;
    }>(
      `SELECT kwh[1] AS first, kwh[96] AS last, kwh[50] AS mid, total_kwh, max_kw FROM meter_interval_data WHERE meter_id = $1`,
      [a.meterId],
    );
    // 0.25 × 10 = 2.5 kWh; 0.5 × 10 = 5 kWh; max demand 5 kWh in 15 minutes = 20 kW
    expect(day.rows[0]).toEqual({ first: 2.5, last: 5, mid: null, total_kwh: '7.5000', max_kw: '20.0000' });
    const bad = await upload([...lines, `${a.assetNo},2026-03-02,97,0.1`].join('\n'));
    expect(bad.json()).toMatchObject({ status: 'rejected', errorRows: 1 });
  });

  it('books, the sheet with the previous reading, and an account history with its monthly series', async () => {
    const a = await insertMeteredAccount(h().db, { orgUnitId: office(), book: 'T-SHEET' });
    await post(
      readingsCsv([
        [a.assetNo, '2026-01', 'active_total', '2026-01-10', '100'],
        [a.assetNo, '2026-02', 'active_total', '2026-02-10', '180'],
      ]),
    );
    await h().db.query(
      `INSERT INTO reading_books(code, name, org_unit_id, reading_day) VALUES ('T-SHEET','测试抄表段',$1,10)`,
      [office()],
    );
    const cookie = await h().loginAs('reader');
    const books = await h().api(cookie, 'GET', '/api/metering/books?q=T-SHEET');
    expect(books.json().items[0]).toMatchObject({ code: 'T-SHEET', accountCount: 1 });
    const sheet = await h().api(cookie, 'GET', '/api/metering/books/T-SHEET/sheet?period=2026-03');
    expect(sheet.statusCode, sheet.body).toBe(200);
    expect(sheet.json().rows[0]).toMatchObject({
      previousPeriod: '2026-02',
      previousValue: '180.00',
      history: ['80.00', '0.00'],
      current: null,
    });
    const hist = await h().api(cookie, 'GET', `/api/metering/accounts/${a.accountId}/readings?months=60`);
    expect(hist.statusCode, hist.body).toBe(200);
    expect(hist.json().monthly).toEqual([
      { period: '2026-01', kwh: '0.00', estimated: false },
      { period: '2026-02', kwh: '80.00', estimated: false },
    ]);
    const none = await h().api(cookie, 'GET', '/api/metering/books/NO-SUCH-BOOK');
    expect(none.statusCode).toBe(404);
  });
});
