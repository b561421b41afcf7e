// Online payment through the bundled gateway simulator: the portal creates an order, the customer pays on
// the simulator's page, the simulator's signed callback posts the payment once; a bad signature is
// refused and a replayed callback posts nothing more; an order whose callback is lost is settled by query.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  signBody,
  startPaymentGatewaySimulator,
  type PaymentGatewaySimulator,
} from '@gridcare/payment-gateway-sim';
import { describeEachDatabase } from '../../test/harness';
import { portalApi, portalLogin } from '../portal/portal.test-builders';
import { usePaymentGatewaySettings } from './gateway/gateway.settings';
import { billState, insertBill, newAccount } from './payments.test-builders';

const MERCHANT = 'GRIDCARE-TEST';
const SECRET = 'test-secret-' + randomBytes(4).toString('hex');

describeEachDatabase('payments: online payment gateway', (h) => {
  let sim: PaymentGatewaySimulator;
  beforeAll(async () => {
    // The simulator calls back over HTTP: the app listens on a free port for the test.
    await h().app.listen({ port: 0, host: '127.0.0.1' });
    const address = h().app.server.address() as { port: number };
    sim = await startPaymentGatewaySimulator({ merchants: { [MERCHANT]: SECRET }, retryDelaysMs: [50, 100] });
    usePaymentGatewaySettings({
      url: sim.url,
      merchantId: MERCHANT,
      secret: SECRET,
      notifyUrl: `http://127.0.0.1:${address.port}/api/payments/gateway/notify`,
      publicUrl: 'http://localhost:3000',
    });
  });
  afterAll(async () => {
    usePaymentGatewaySettings(null);
    await sim?.close();
  });

  async function customerWithBill(totalFen: number) {
    const a = await newAccount(h(), { name: '李四海' });
    const bill = await insertBill(h().db, a, { period: '2026-10', totalFen, dueInDays: 4 });
    const cookie = await portalLogin(h(), {
      id: a.customerId,
      accountNo: a.accountNo,
      mobile: a.mobile,
      name: '李四海',
    });
    return { a, bill, cookie };
  }

  it('pays a bill online: order, pay page, signed callback, bill paid, receipt in the portal', async () => {
    const { a, bill, cookie } = await customerWithBill(8_888);
    const bills = await portalApi(h(), cookie, 'GET', `/api/portal/billing/bills?accountNo=${a.accountNo}`);
    expect(bills.statusCode).toBe(200);
    expect(bills.json()).toMatchObject({
      totalDueFen: 8_888,
      bills: [{ id: bill, status: 'issued', outstandingFen: 8_888 }],
    });

    const order = await portalApi(h(), cookie, 'POST', '/api/portal/billing/pay', {
      accountNo: a.accountNo,
      billIds: [bill],
    });
    expect(order.statusCode).toBe(201);
    const { orderNo, payUrl, amountFen } = order.json();
    expect(amountFen).toBe(8_888);
    const page = await fetch(payUrl);
    expect(await page.text()).toContain('88.88');

    // The customer presses 支付 on the simulator's page.
    const paid = await fetch(`${payUrl}/confirm`, { method: 'POST', redirect: 'manual' });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toContain(`order=${orderNo}`);
    await sim.callbacksSettled();
    expect(sim.orders().find((o) => o.outTradeNo === orderNo)?.acknowledged).toBe(true);

    expect(await billState(h().db, bill)).toMatchObject({ status: 'paid', paid_fen: 8_888 });
    const status = await portalApi(h(), cookie, 'GET', `/api/portal/billing/orders/${orderNo}`);
    expect(status.json()).toMatchObject({ status: 'paid', amountFen: 8_888 });
    const payments = (
      await portalApi(h(), cookie, 'GET', `/api/portal/billing/payments?accountNo=${a.accountNo}`)
    ).json();
    expect(payments.items).toHaveLength(1);
    expect(payments.items[0]).toMatchObject({ channel: 'online', amountFen: 8_888 });
    const receipt = await portalApi(
      h(),
      cookie,
      'GET',
      `/api/portal/billing/receipts/${payments.items[0].receiptId}`,
    );
    expect(receipt.statusCode).toBe(200);
    expect(receipt.body).toContain('网上缴费');
  });

  it('refuses a callback with a bad signature and posts a replayed callback once', async () => {
    const { a, bill, cookie } = await customerWithBill(5_000);
    const { orderNo } = (
      await portalApi(h(), cookie, 'POST', '/api/portal/billing/pay', { accountNo: a.accountNo })
    ).json();
    const fields = {
      merchantId: MERCHANT,
      timestamp: Date.now(),
      nonce: 'n1',
      outTradeNo: orderNo,
      tradeNo: 'SIMTRADE0001' + orderNo.slice(-6),
      amountFen: 5_000,
      status: 'SUCCESS',
      paidAt: new Date().toISOString(),
    };
    const forged = { ...fields, signature: signBody(fields, 'not-the-secret') };
    const bad = await h().app.inject({
      method: 'POST',
      url: '/api/payments/gateway/notify',
      payload: forged,
    });
    expect(bad.statusCode).toBe(401);
    expect(await billState(h().db, bill)).toMatchObject({ status: 'issued', paid_fen: 0 });

    const tampered = { ...fields, amountFen: 1, signature: signBody(fields, SECRET) };
    expect(
      (await h().app.inject({ method: 'POST', url: '/api/payments/gateway/notify', payload: tampered }))
        .statusCode,
    ).toBe(401);

    const good = { ...fields, signature: signBody(fields, SECRET) };
    for (let i = 0; i < 3; i++) {
      const res = await h().app.inject({
        method: 'POST',
        url: '/api/payments/gateway/notify',
        payload: good,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ code: 'SUCCESS' });
    }
    const n = await h().db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM payments WHERE reference = $1`,
      [orderNo],
    );
    expect(n.rows[0].n).toBe(1);
    expect(await billState(h().db, bill)).toMatchObject({ status: 'paid', paid_fen: 5_000 });
    const outcomes = await h().db.query<{ outcome: string }>(
      `SELECT outcome FROM gateway_notifications WHERE order_no = $1 ORDER BY id`,
      [orderNo],
    );
    expect(outcomes.rows.map((r) => r.outcome)).toEqual([
      'rejected',
      'rejected',
      'posted',
      'replayed',
      'replayed',
    ]);
  });

  it('settles a paid order by querying the gateway when the callback never arrived', async () => {
    const { a, bill, cookie } = await customerWithBill(3_210);
    usePaymentGatewaySettings({
      url: sim.url,
      merchantId: MERCHANT,
      secret: SECRET,
      notifyUrl: 'http://127.0.0.1:9/unreachable',
      publicUrl: 'http://localhost:3000',
    });
    const { orderNo } = (
      await portalApi(h(), cookie, 'POST', '/api/portal/billing/pay', { accountNo: a.accountNo })
    ).json();
    await sim.pay(orderNo);
    expect(await billState(h().db, bill)).toMatchObject({ status: 'issued' });
    const status = await portalApi(h(), cookie, 'GET', `/api/portal/billing/orders/${orderNo}`);
    expect(status.json()).toMatchObject({ status: 'paid' });
    expect(await billState(h().db, bill)).toMatchObject({ status: 'paid', paid_fen: 3_210 });
  });

  it('the portal refuses another customer’s account and staff sessions', async () => {
    const { cookie } = await customerWithBill(1_000);
    const other = await newAccount(h());
    const res = await portalApi(h(), cookie, 'GET', `/api/portal/billing/bills?accountNo=${other.accountNo}`);
    expect(res.statusCode).toBe(400);
    const staff = await h().loginAs('billing');
    const asStaff = await h().api(staff, 'GET', `/api/portal/billing/bills?accountNo=${other.accountNo}`);
    expect(asStaff.statusCode).toBe(401);
  });
});
