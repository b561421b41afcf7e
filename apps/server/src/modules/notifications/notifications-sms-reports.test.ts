import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signBody, startSmsGatewaySimulator, type SmsGatewaySimulator } from '@gridcare/sms-gateway-sim';
import { describeEachDatabase } from '../../test/harness';
import { createSmsGatewayChannel } from './channels/sms-gateway.channel';
import { deliverDueNotifications } from './delivery.worker';
import { DEV_SMS_APP_KEY, DEV_SMS_APP_SECRET } from './notifications.config';
import { enqueueNotification } from './notifications.outbox';
import { acceptedNotice, outboxRows, settleOutbox } from './notifications.test-builders';

const URL_PATH = '/api/notifications/sms/reports';

function signedReport(over: Record<string, unknown> = {}): Record<string, unknown> {
  const body: Record<string, unknown> = {
    appKey: DEV_SMS_APP_KEY,
    timestamp: String(Date.now()),
    nonce: 'n0nce-' + Math.random().toString(36).slice(2),
    reports: [
      {
        messageId: 'SIM-NOPE',
        outId: null,
        mobile: '13800138000',
        status: 'DELIVERED',
        errorCode: null,
        reportTime: new Date().toISOString(),
      },
    ],
    ...over,
  };
  body.signature = signBody(body, DEV_SMS_APP_SECRET);
  return body;
}

describeEachDatabase('SMS delivery reports', (h) => {
  let sim: SmsGatewaySimulator;
  beforeAll(async () => {
    await h().app.listen({ port: 0, host: '127.0.0.1' });
    const port = (h().app.server.address() as AddressInfo).port;
    sim = await startSmsGatewaySimulator({
      appKey: DEV_SMS_APP_KEY,
      appSecret: DEV_SMS_APP_SECRET,
      reportUrl: `http://127.0.0.1:${port}${URL_PATH}`,
      reportDelayMs: 10,
      undeliverable: ['13900000000'],
    });
  });
  afterAll(async () => sim?.close());

  it('records the delivery report the gateway posts back after sending', async () => {
    await settleOutbox(h().db);
    const delivered = await enqueueNotification(h().db, acceptedNotice({ channels: ['sms'] }));
    const undelivered = await enqueueNotification(
      h().db,
      acceptedNotice({ channels: ['sms'], recipient: { mobile: '13900000000' } }),
    );
    const sms = createSmsGatewayChannel({
      baseUrl: sim.url,
      appKey: DEV_SMS_APP_KEY,
      appSecret: DEV_SMS_APP_SECRET,
      signName: '【国网示例市供电公司】',
    });
    await deliverDueNotifications(h().db, { sms });
    await sim.reportsSettled();
    expect(sim.messages().map((m) => m.reportResult)).toEqual(['200', '200']);
    const rows = await outboxRows(h().db, [...delivered, ...undelivered]);
    expect(rows.map((r) => [r.status, r.report_status])).toEqual([
      ['sent', 'delivered'],
      ['sent', 'undelivered'],
    ]);
    expect(rows[1].report_error).toBe('MK:0001');
  });

  it('accepts a correctly signed report without a session', async () => {
    const res = await h().app.inject({ method: 'POST', url: URL_PATH, payload: signedReport() });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ code: 'OK', updated: 0 });
  });

  it('rejects a report altered after signing', async () => {
    const body = signedReport();
    (body.reports as { status: string }[])[0].status = 'UNDELIVERED';
    const res = await h().app.inject({ method: 'POST', url: URL_PATH, payload: body });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.details).toEqual([{ path: 'body.signature', message: 'signature check failed' }]);
  });

  it('rejects a report with an extra field the signature does not cover', async () => {
    const body = { ...signedReport(), injected: 'x' };
    expect((await h().app.inject({ method: 'POST', url: URL_PATH, payload: body })).statusCode).toBe(401);
  });

  it('rejects a report signed with another secret or app key, or too old', async () => {
    const foreign = signedReport();
    foreign.signature = signBody(foreign, 'not-our-secret');
    expect((await h().app.inject({ method: 'POST', url: URL_PATH, payload: foreign })).statusCode).toBe(401);
    const otherKey = signedReport({ appKey: 'someone-else' });
    expect((await h().app.inject({ method: 'POST', url: URL_PATH, payload: otherKey })).statusCode).toBe(401);
    const old = signedReport({ timestamp: String(Date.now() - 3_600_000) });
    expect((await h().app.inject({ method: 'POST', url: URL_PATH, payload: old })).statusCode).toBe(401);
  });

  it('answers 400 for a report that is not the protocol’s shape', async () => {
    const res = await h().app.inject({ method: 'POST', url: URL_PATH, payload: { appKey: DEV_SMS_APP_KEY } });
    expect(res.statusCode).toBe(400);
  });
});
