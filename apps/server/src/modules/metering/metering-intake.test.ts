// Register-reading intake through the API on both databases (domain.md §8): valid rows and exceptions,
// all-or-nothing files with a row-level report, NDJSON with retries, rollover and meter replacement.
import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/harness';
import { insertMeteredAccount, addMeter, liveReadings, readingsCsv } from './metering.test-builders';

const csv = { 'content-type': 'text/csv' };

describeEachDatabase('metering intake', (h) => {
  const office = () => h().org.officeIds[0];

  async function post(body: string, headers: Record<string, string> = csv) {
    const cookie = await h().loginAs('billing');
    return h().api(cookie, 'POST', '/api/metering/intake', body, headers);
  }

  it('a CSV writes valid readings and sends backwards and zero readings to the review list', async () => {
    const a = await insertMeteredAccount(h().db, { orgUnitId: office(), book: 'T-BOOK-1', multiplier: '30' });
    const b = await insertMeteredAccount(h().db, { orgUnitId: office(), book: 'T-BOOK-1' });
    const c = await insertMeteredAccount(h().db, { orgUnitId: office(), book: 'T-BOOK-1' });
    const first = await post(
      readingsCsv([
        [a.assetNo, '2026-01', 'active_total', '2026-01-10', '1000.00'],
        [b.assetNo, '2026-01', 'active_total', '2026-01-10', '500'],
        [c.assetNo, '2026-01', 'active_total', '2026-01-10', '80.5'],
      ]),
    );
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ status: 'completed', validRows: 3, exceptionRows: 0 });

    const second = await post(
      readingsCsv([
        [a.assetNo, '2026-02', 'active_total', '2026-02-10', '1012.34'],
        [b.assetNo, '2026-02', 'active_total', '2026-02-10', '499.99'],
        [c.assetNo, '2026-02', 'active_total', '2026-02-10', '80.50'],
      ]),
    );
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toMatchObject({
      status: 'completed',
      totalRows: 3,
      validRows: 1,
      exceptionRows: 2,
    });
    // (1012.34 − 1000.00) × 30 = 370.20
    expect((await liveReadings(h().db, a.meterId))[1]).toMatchObject({
      value: '1012.34',
      previous_value: '1000.00',
      consumption: '370.20',
      status: 'valid',
      source: 'api',
    });
    expect((await liveReadings(h().db, b.meterId))[1]).toMatchObject({
      status: 'exception',
      exception_codes: ['backwards'],
      consumption: '0.00',
    });
    expect((await liveReadings(h().db, c.meterId))[1]).toMatchObject({
      status: 'exception',
      exception_codes: ['zero_consumption'],
    });

    const list = await h().api(
      await h().loginAs('billing'),
      'GET',
      '/api/metering/exceptions?readingBook=T-BOOK-1',
    );
    expect(list.statusCode).toBe(200);
    expect(
      list
        .json()
        .items.map((e: { codes: string[] }) => e.codes[0])
        .sort(),
    ).toEqual(['backwards', 'zero_consumption']);
  });

  it('a file with bad lines is rejected whole, with a row-level report, and changes nothing', async () => {
    const a = await insertMeteredAccount(h().db, { orgUnitId: office() });
    const before = await h().db.query<{ n: number }>(`SELECT count(*)::int AS n FROM meter_readings`);
    const res = await post(
      readingsCsv([
        [a.assetNo, '2026-03', 'active_total', '2026-03-10', '100'], // line 2: fine
        ['NO-SUCH-METER', '2026-03', 'active_total', '2026-03-10', '100'], // line 3
        [a.assetNo, '2026-03', 'reactive_total', '2026-02-30', '12'], // line 4: no 30 February
        [a.assetNo, '2026-03', 'max_demand', '2026-03-10', '12,5'.replace(',', 'x')], // line 5: not a number
        [a.assetNo, '2026-03', 'active_total', '2026-03-11', '101'], // line 6: duplicate of line 2
      ]),
    );
    expect(res.statusCode).toBe(400);
    const body = res.json().error;
    expect(body.batchId).toBeGreaterThan(0);
    expect(body.details.map((d: { path: string }) => d.path)).toEqual([
      'line 3.meter_asset_no',
      'line 4.read_on',
      'line 5.value',
      'line 6.meter_asset_no',
    ]);
    const after = await h().db.query<{ n: number }>(`SELECT count(*)::int AS n FROM meter_readings`);
    expect(after.rows[0].n).toBe(before.rows[0].n);
    const report = await h().api(
      await h().loginAs('billing'),
      'GET',
      `/api/metering/batches/${body.batchId}/errors.csv`,
    );
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('4,read_on,bad_date');
    expect(report.body).toContain('6,meter_asset_no,duplicate_in_file');
    const batch = await h().api(await h().loginAs('billing'), 'GET', `/api/metering/batches/${body.batchId}`);
    expect(batch.json()).toMatchObject({ status: 'rejected', errorRows: 4, validRows: 0 });
  });

  it('a bad settlement, register or period is a row error, never a server error', async () => {
    const a = await insertMeteredAccount(h().db, { orgUnitId: office() });
    const res = await post(
      readingsCsv([
        [a.assetNo, '2026-03', 'active_total', '2026-03-10', '100', 'x'], // line 2
        [a.assetNo, '2026-13', 'reactive_total', '2026-03-10', '100'], // line 3
        [a.assetNo, '2026-03', 'apparent', '2026-03-10', '100'], // line 4
      ]),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      'line 2.settlement',
      'line 3.period',
      'line 4.register',
    ]);
  });

  it('a CSV with a missing column or a malformed line is rejected', async () => {
    const a = await insertMeteredAccount(h().db, { orgUnitId: office() });
    const noValue = await post(
      `meter_asset_no,period,register,read_on\n${a.assetNo},2026-03,active_total,2026-03-10\n`,
    );
    expect(noValue.statusCode).toBe(400);
    expect(noValue.json().error.details[0].path).toBe('line 1.value');
    const extra = await post(
      readingsCsv([[a.assetNo, '2026-03', 'active_total', '2026-03-10', '1', 1, 'extra']]),
    );
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.details[0].path).toBe('line 2.line');
    expect(await liveReadings(h().db, a.meterId)).toEqual([]);
  });

  it('NDJSON through the API; a retry with the same Idempotency-Key is answered from the first', async () => {
    const a = await insertMeteredAccount(h().db, { orgUnitId: office() });
    const lines = [
      {
        meterAssetNo: a.assetNo,
        period: '2026-01',
        register: 'active_total',
        readOn: '2026-01-05',
        value: '10',
      },
      {
        meterAssetNo: a.assetNo,
        period: '2026-02',
        register: 'active_total',
        readOn: '2026-02-05',
        value: '130.5',
      },
    ];
    const body = lines.map((l) => JSON.stringify(l)).join('\n');
    const headers = { 'content-type': 'application/x-ndjson', 'idempotency-key': `nd-${a.meterId}` };
    const first = await post(body, headers);
    expect(first.statusCode, first.body).toBe(200);
    const again = await post(body, headers);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const rows = await liveReadings(h().db, a.meterId);
    // two periods of one meter in one body: February is validated against January
    expect(rows.map((r) => [r.period, r.consumption, r.status])).toEqual([
      ['2026-01', '0.00', 'valid'],
      ['2026-02', '120.50', 'valid'],
    ]);
  });

  it('a register that rolls over its digits is valid; consumption counts through the wrap', async () => {
    const a = await insertMeteredAccount(h().db, { orgUnitId: office(), digits: 4, multiplier: '2' });
    const res = await post(
      readingsCsv([
        [a.assetNo, '2026-01', 'active_total', '2026-01-10', '9990'],
        [a.assetNo, '2026-02', 'active_total', '2026-02-10', '15'],
      ]),
    );
    expect(res.statusCode, res.body).toBe(200);
    // (10 000 − 9 990 + 15) × 2 = 50
    expect((await liveReadings(h().db, a.meterId))[1]).toMatchObject({
      consumption: '50.00',
      status: 'valid',
    });
  });

  it('the first reading of a replacing meter bills both meters, each with its multiplier', async () => {
    const a = await insertMeteredAccount(h().db, { orgUnitId: office(), multiplier: '40' });
    await post(readingsCsv([[a.assetNo, '2026-01', 'active_total', '2026-01-10', '5000']]));
    const newAsset = `${a.assetNo}N`;
    const newMeter = await addMeter(h().db, a.accountId, a.customerId, office(), newAsset, '60');
    const cookie = await h().loginAs('billing');
    const rep = await h().api(cookie, 'POST', '/api/metering/replacements', {
      accountId: a.accountId,
      oldMeterId: a.meterId,
      newMeterId: newMeter,
      replacedOn: '2026-02-03',
      registers: [{ register: 'active_total', oldFinal: '5230', newInitial: '0' }],
    });
    expect(rep.statusCode, rep.body).toBe(201);
    const res = await post(readingsCsv([[newAsset, '2026-02', 'active_total', '2026-02-10', '35']]));
    expect(res.statusCode, res.body).toBe(200);
    // old: (5 230 − 5 000) × 40 = 9 200; new: (35 − 0) × 60 = 2 100
    expect((await liveReadings(h().db, newMeter))[0]).toMatchObject({
      previous_value: '0.00',
      consumption: '11300.00',
      status: 'valid',
    });
  });

  it('a spike against six months of history is an exception; accepting it makes it billable (audited)', async () => {
    const a = await insertMeteredAccount(h().db, { orgUnitId: office() });
    const values = [1000, 1100, 1200, 1300, 1400, 1500, 1600]; // 100 kWh a month
    const rows = values.map((v, i) => [
      a.assetNo,
      `2025-0${i + 1}`,
      'active_total',
      `2025-0${i + 1}-10`,
      String(v),
    ]);
    rows.push([a.assetNo, '2025-08', 'active_total', '2025-08-10', '2000']); // 400 kWh: > 3 × 100 and > 100
    const res = await post(readingsCsv(rows));
    expect(res.json()).toMatchObject({ validRows: 7, exceptionRows: 1 });
    const cookie = await h().loginAs('billing');
    const list = await h().api(cookie, 'GET', `/api/metering/exceptions?code=spike&period=2025-08`);
    const exc = list.json().items.find((e: { meterId: number }) => e.meterId === a.meterId);
    expect(exc).toMatchObject({ codes: ['spike'], consumption: '400.00', state: 'open' });
    const stale = await h().api(cookie, 'POST', `/api/metering/exceptions/${exc.id}/accept`, {
      version: exc.version + 1,
    });
    expect(stale.statusCode).toBe(409);
    const ok = await h().api(cookie, 'POST', `/api/metering/exceptions/${exc.id}/accept`, {
      version: exc.version,
      note: '客户新增空调',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().state).toBe('accepted');
    expect((await liveReadings(h().db, a.meterId)).at(-1)).toMatchObject({
      status: 'valid',
      consumption: '400.00',
    });
    const audit = await h().db.query(
      `SELECT 1 FROM audit_log WHERE action = 'metering.exception.accept' AND entity_id = $1`,
      [String(exc.id)],
    );
    expect(audit.rowCount).toBe(1);
  });

  it('manual entry answers 400 with the index of the bad reading', async () => {
    const a = await insertMeteredAccount(h().db, { orgUnitId: office() });
    const cookie = await h().loginAs('reader');
    const res = await h().api(cookie, 'POST', '/api/metering/readings', {
      readings: [
        {
          meterId: a.meterId,
          period: '2026-04',
          register: 'active_total',
          readOn: '2026-04-31',
          value: '10',
        },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('readings.0.read_on');
    const good = await h().api(cookie, 'POST', '/api/metering/readings', {
      readings: [
        {
          meterId: a.meterId,
          period: '2026-04',
          register: 'active_total',
          readOn: '2026-04-30',
          value: '10',
        },
      ],
    });
    expect(good.statusCode, good.body).toBe(200);
  });
});

describe('intake builders', () => {
  it('readingsCsv writes settlement 1 by default', () => {
    expect(readingsCsv([['M', '2026-01', 'active_total', '2026-01-01', '1']])).toBe(
      'meter_asset_no,period,register,read_on,value,settlement\nM,2026-01,active_total,2026-01-01,1,1\n',
    );
  });
});
