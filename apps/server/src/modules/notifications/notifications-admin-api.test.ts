import ExcelJS from 'exceljs';
import { beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/harness';
import { enqueueNotification } from './notifications.outbox';
import { acceptedNotice, outboxRows, settleOutbox } from './notifications.test-builders';

describeEachDatabase('notifications admin API', (h) => {
  const admin = () => h().loginAs('admin');
  beforeEach(async () => settleOutbox(h().db));

  async function deadMessage(orgUnitId: number | null): Promise<number> {
    const [id] = await enqueueNotification(h().db, acceptedNotice({ channels: ['sms'], orgUnitId }));
    await h().db.query(
      `UPDATE notification_outbox SET status = 'dead', attempts = 6, next_attempt_at = NULL, last_error = 'gateway 503' WHERE id = $1`,
      [id],
    );
    return id;
  }

  it('lists deliveries with filters, paged, for notification admins only', async () => {
    const ids = await enqueueNotification(h().db, acceptedNotice({ orgUnitId: h().org.officeIds[0] }));
    const res = await h().api(await admin(), 'GET', '/api/notifications/deliveries?channel=email&pageSize=5');
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.pageSize).toBe(5);
    expect(page.items.every((d: { channel: string }) => d.channel === 'email')).toBe(true);
    expect(page.items.map((d: { id: number }) => d.id)).toContain(ids[1]);

    const agent = await h().loginAs('agent');
    expect((await h().api(agent, 'GET', '/api/notifications/deliveries')).statusCode).toBe(403);
  });

  it('shows a branch supervisor only the deliveries of their branch', async () => {
    const [inBranch1] = await enqueueNotification(
      h().db,
      acceptedNotice({ channels: ['sms'], orgUnitId: h().org.officeIds[0] }),
    );
    const [companyWide] = await enqueueNotification(
      h().db,
      acceptedNotice({ channels: ['sms'], orgUnitId: null }),
    );
    const [inBranch2] = await enqueueNotification(
      h().db,
      acceptedNotice({ channels: ['sms'], orgUnitId: h().org.branchIds[1] }),
    );
    const east = await h().loginAs('east');
    const seen = (await h().api(east, 'GET', '/api/notifications/deliveries?pageSize=200'))
      .json()
      .items.map((d: { id: number }) => d.id);
    expect(seen).toContain(inBranch1);
    expect(seen).not.toContain(companyWide);
    expect(seen).not.toContain(inBranch2);
    expect((await h().api(east, 'POST', `/api/notifications/deliveries/${inBranch2}/retry`)).statusCode).toBe(
      404,
    );
  });

  it('rejects a malformed period filter with a field error, not a 500', async () => {
    const res = await h().api(
      await admin(),
      'GET',
      '/api/notifications/deliveries?from=yesterday',
      undefined,
      {
        'accept-language': 'en-US',
      },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('querystring.from');
  });

  it('lists dead letters and retries one of them', async () => {
    const id = await deadMessage(null);
    const dead = await h().api(await admin(), 'GET', '/api/notifications/dead-letters?pageSize=200');
    expect(dead.statusCode).toBe(200);
    expect(dead.json().items.find((d: { id: number }) => d.id === id)).toMatchObject({
      status: 'dead',
      attempts: 6,
      lastError: 'gateway 503',
    });

    const retried = await h().api(await admin(), 'POST', `/api/notifications/deliveries/${id}/retry`);
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ id, status: 'pending', attempts: 0, lastError: null });
    const audit = await h().db.query(
      `SELECT after FROM audit_log WHERE action = 'notification.retry' AND entity_id = $1`,
      [String(id)],
    );
    expect(audit.rows).toHaveLength(1);
    // A message already waiting cannot be retried again.
    expect(
      (await h().api(await admin(), 'POST', `/api/notifications/deliveries/${id}/retry`)).statusCode,
    ).toBe(409);
  });

  it('retries the selected messages and reports the ones it skipped', async () => {
    const a = await deadMessage(null);
    const b = await deadMessage(h().org.officeIds[0]);
    const [sent] = await enqueueNotification(h().db, acceptedNotice({ channels: ['sms'] }));
    await h().db.query(`UPDATE notification_outbox SET status = 'sent' WHERE id = $1`, [sent]);
    const res = await h().api(await admin(), 'POST', '/api/notifications/deliveries/retry', {
      ids: [a, b, sent, 999999],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ retried: 2, skipped: [sent, 999999].sort((x, y) => x - y) });
    expect((await outboxRows(h().db, [a, b])).map((r) => r.status)).toEqual(['pending', 'pending']);
  });

  it('does not resend an expired login code', async () => {
    const [id] = await enqueueNotification(
      h().db,
      {
        event: 'portal.verification_code',
        channels: ['sms'],
        recipient: { mobile: '13800138000' },
        variables: { code: '123456', minutes: 5 },
        orgUnitId: null,
      },
      { now: new Date(Date.now() - 3_600_000) },
    );
    await h().db.query(`UPDATE notification_outbox SET status = 'dead' WHERE id = $1`, [id]);
    const res = await h().api(await admin(), 'POST', `/api/notifications/deliveries/${id}/retry`, undefined, {
      'accept-language': 'en-US',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details[0].message).toBe('The message has expired and cannot be resent');
  });

  it('exports the filtered deliveries to Excel', async () => {
    const [id] = await enqueueNotification(
      h().db,
      acceptedNotice({ channels: ['sms'], event: 'workorder.accepted' }),
    );
    const res = await h().api(await admin(), 'GET', '/api/notifications/deliveries/export?channel=sms');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('编号');
    const exportedIds = sheet.getColumn(1).values.slice(2);
    expect(exportedIds).toContain(id);
    expect(
      sheet
        .getColumn(4)
        .values.slice(2)
        .every((v) => v === '短信'),
    ).toBe(true);
  });

  it('sends a test message to the admin’s own inbox, refusing missing variables with 400', async () => {
    const bad = await h().api(await admin(), 'POST', '/api/notifications/test', {
      event: 'workorder.breach',
      channels: ['in_app'],
      variables: { orderNo: 'GD9' },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['variables.dueAt', 'variables.handlerName']);
    expect(bad.json().error.details[0].message).toBe('模板需要此变量，但未提供');

    const ok = await h().api(await admin(), 'POST', '/api/notifications/test', {
      event: 'workorder.breach',
      channels: ['in_app'],
      variables: { orderNo: 'GD9', dueAt: '2026-11-23 17:00', handlerName: '李四' },
    });
    expect(ok.statusCode).toBe(201);
    const [row] = await outboxRows(h().db, ok.json().ids);
    expect(row).toMatchObject({
      user_id: h().org.userIds.admin,
      recipient_address: `user:${h().org.userIds.admin}`,
    });
  });
});
