// The payment gateway simulator: speaks the protocol of GridCare's online-payment adapter
// (apps/server/src/modules/payments/gateway), like a Chinese third-party payment gateway:
//   POST /v1/orders/create {merchantId, timestamp, nonce, outTradeNo, amountFen, subject, notifyUrl,
//                           returnUrl, signature} → {code:'OK', outTradeNo, payUrl, …, signature}
//        a repeated outTradeNo with the same amount answers the same payUrl (idempotent create)
//   GET  /pay/:token            the hosted pay page (收银台) with 支付 and 取消 buttons
//   POST /pay/:token/confirm|cancel   pays or closes the order, then redirects to returnUrl
//   POST /v1/orders/query {merchantId, timestamp, nonce, outTradeNo, signature}
//        → {code:'OK', outTradeNo, tradeNo, status: WAITING|SUCCESS|CLOSED, amountFen, paidAt, signature}
// After a payment (or a close) the gateway POSTs a signed notification {merchantId, timestamp, nonce,
// outTradeNo, tradeNo, amountFen, status, paidAt, signature} to notifyUrl and retries it until the
// merchant answers 200 {code:'SUCCESS'}. GET /orders lists every order with its callback attempts;
// POST /control/pay {outTradeNo} pays without a browser (demo seed, tests).
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { withholdingResultCsv } from './bank';
import { signBody, signatureMatches } from './signature';

export type SimOrderStatus = 'WAITING' | 'SUCCESS' | 'CLOSED';

export interface SimCallbackAttempt {
  at: string;
  result: string;
}

export interface SimOrder {
  merchantId: string;
  outTradeNo: string;
  tradeNo: string | null;
  amountFen: number;
  subject: string;
  notifyUrl: string;
  returnUrl: string;
  token: string;
  status: SimOrderStatus;
  createdAt: string;
  paidAt: string | null;
  callbacks: SimCallbackAttempt[];
  acknowledged: boolean;
}

export interface PaymentGatewaySimulator {
  port: number;
  url: string;
  orders(): SimOrder[];
  /** Pays an order as if the customer pressed 支付; resolves once the first callback attempt is done. */
  pay(outTradeNo: string): Promise<SimOrder>;
  /** Resolves when no callback is waiting to be (re)sent. */
  callbacksSettled(): Promise<void>;
  close(): Promise<void>;
}

export interface PaymentGatewaySimulatorOptions {
  port?: number;
  host?: string;
  /** merchantId → secret. */
  merchants: Record<string, string>;
  /** Delays between callback attempts (ms); the attempts stop after the last. */
  retryDelaysMs?: number[];
  maxClockSkewMs?: number;
}

const DEFAULT_RETRY_DELAYS = [1_000, 5_000, 15_000, 60_000, 300_000, 1_800_000];
const OUT_TRADE_NO = /^[0-9A-Za-z_-]{6,64}$/;

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > 5_000_000) throw new Error('too large');
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function payPage(o: SimOrder): string {
  const amount = (o.amountFen / 100).toFixed(2);
  const done = o.status !== 'WAITING';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>收银台 — 支付模拟器</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<style>body{font-family:sans-serif;background:#f0f2f5;margin:0}main{max-width:420px;margin:48px auto;background:#fff;
padding:24px;border-radius:8px}h1{font-size:18px}.amt{font-size:32px;color:#cf1322;margin:16px 0}
button{font-size:16px;padding:8px 24px;margin-right:12px;border-radius:4px;border:1px solid #1677ff;cursor:pointer}
.pay{background:#1677ff;color:#fff}.cancel{background:#fff;color:#1677ff}small{color:#888}</style></head><body><main>
<h1>收银台（支付网关模拟器）</h1><div>商户订单号：${esc(o.outTradeNo)}</div><div>${esc(o.subject)}</div>
<div class="amt">¥ ${amount}</div>
${
  done
    ? `<p>订单状态：${o.status === 'SUCCESS' ? '已支付' : '已关闭'}</p><a href="${esc(o.returnUrl)}">返回商户</a>`
    : `<form method="post" action="/pay/${o.token}/confirm" style="display:inline"><button class="pay" id="pay">支付</button></form>
<form method="post" action="/pay/${o.token}/cancel" style="display:inline"><button class="cancel" id="cancel">取消</button></form>`
}
<p><small>本页面为本地模拟的第三方支付收银台，不会发生真实扣款。</small></p></main></body></html>`;
}

export async function startPaymentGatewaySimulator(
  opts: PaymentGatewaySimulatorOptions,
): Promise<PaymentGatewaySimulator> {
  const orders = new Map<string, SimOrder>(); // key merchantId:outTradeNo
  const byToken = new Map<string, SimOrder>();
  const retryDelays = opts.retryDelaysMs ?? DEFAULT_RETRY_DELAYS;
  const skew = opts.maxClockSkewMs ?? 5 * 60_000;
  const pending = new Set<Promise<void>>();
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;

  function sign(merchantId: string, body: Record<string, unknown>) {
    const full = { ...body, merchantId, timestamp: Date.now(), nonce: randomBytes(8).toString('hex') };
    return { ...full, signature: signBody(full, opts.merchants[merchantId]) };
  }

  /** Checks a merchant request: known merchant, fresh timestamp, good signature. */
  function authenticate(body: Record<string, unknown>): string | null {
    const merchantId = typeof body.merchantId === 'string' ? body.merchantId : '';
    const secret = opts.merchants[merchantId];
    if (!secret) return null;
    if (typeof body.timestamp !== 'number' || Math.abs(Date.now() - body.timestamp) > skew) return null;
    return signatureMatches(body, secret) ? merchantId : null;
  }

  async function postCallback(o: SimOrder, attempt: number): Promise<void> {
    if (closed || o.acknowledged) return;
    const body = sign(o.merchantId, {
      outTradeNo: o.outTradeNo,
      tradeNo: o.tradeNo,
      amountFen: o.amountFen,
      status: o.status,
      paidAt: o.paidAt,
    });
    let result: string;
    try {
      const res = await fetch(o.notifyUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      const text = await res.text();
      let ack = false;
      try {
        ack = res.status === 200 && (JSON.parse(text) as { code?: string }).code === 'SUCCESS';
      } catch {
        ack = false;
      }
      result = `${res.status} ${text.slice(0, 200)}`;
      if (ack) o.acknowledged = true;
    } catch (e) {
      result = `error: ${(e as Error).message}`;
    }
    o.callbacks.push({ at: new Date().toISOString(), result });
    if (!o.acknowledged && attempt < retryDelays.length && !closed) {
      const t = setTimeout(() => {
        timers.delete(t);
        track(postCallback(o, attempt + 1));
      }, retryDelays[attempt]);
      timers.add(t);
    }
  }

  function track(p: Promise<void>) {
    const q = p.catch(() => undefined).finally(() => pending.delete(q));
    pending.add(q);
    return q;
  }

  function settle(o: SimOrder, status: 'SUCCESS' | 'CLOSED'): Promise<void> {
    if (o.status !== 'WAITING') return Promise.resolve();
    o.status = status;
    if (status === 'SUCCESS') {
      o.tradeNo = `SIM${new Date().toISOString().slice(0, 10).replace(/-/g, '')}${randomBytes(6).toString('hex').toUpperCase()}`;
      o.paidAt = new Date().toISOString();
    }
    return track(postCallback(o, 0));
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://sim');
    const method = req.method ?? 'GET';
    if (method === 'GET' && url.pathname === '/orders') return send(res, 200, [...orders.values()]);
    const page = /^\/pay\/([0-9a-f-]{36})(?:\/(confirm|cancel))?$/.exec(url.pathname);
    if (page) {
      const o = byToken.get(page[1]);
      if (!o) return send(res, 404, { code: 'ORDER_NOT_FOUND' });
      if (method === 'GET' && !page[2]) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(payPage(o));
      }
      if (method === 'POST' && page[2]) {
        await settle(o, page[2] === 'confirm' ? 'SUCCESS' : 'CLOSED');
        const back = new URL(o.returnUrl);
        back.searchParams.set('outTradeNo', o.outTradeNo);
        back.searchParams.set('status', o.status);
        res.writeHead(303, { location: back.toString() });
        return res.end();
      }
    }
    if (method !== 'POST') return send(res, 404, { code: 'NOT_FOUND' });
    const text = await readBody(req);
    if (url.pathname === '/bank/withholding/result') {
      const failEvery = Number(url.searchParams.get('failEvery') ?? 7);
      res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' });
      return res.end(withholdingResultCsv(text, { failEvery }));
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return send(res, 400, { code: 'INVALID_JSON' });
    }
    if (url.pathname === '/control/pay') {
      const o = [...orders.values()].find((x) => x.outTradeNo === body.outTradeNo);
      if (!o) return send(res, 404, { code: 'ORDER_NOT_FOUND' });
      await settle(o, 'SUCCESS');
      return send(res, 200, o);
    }
    const merchantId = authenticate(body);
    if (!merchantId) return send(res, 401, { code: 'INVALID_SIGNATURE' });
    const key = `${merchantId}:${String(body.outTradeNo)}`;
    if (url.pathname === '/v1/orders/create') {
      const amountFen = body.amountFen;
      if (typeof body.outTradeNo !== 'string' || !OUT_TRADE_NO.test(body.outTradeNo))
        return send(res, 400, { code: 'INVALID_PARAMETER', message: 'outTradeNo' });
      if (typeof amountFen !== 'number' || !Number.isSafeInteger(amountFen) || amountFen <= 0)
        return send(res, 400, { code: 'INVALID_PARAMETER', message: 'amountFen' });
      for (const f of ['notifyUrl', 'returnUrl'] as const)
        if (typeof body[f] !== 'string' || !/^https?:\/\//.test(body[f] as string))
          return send(res, 400, { code: 'INVALID_PARAMETER', message: f });
      let o = orders.get(key);
      if (o && o.amountFen !== amountFen) return send(res, 400, { code: 'DUPLICATE_ORDER' });
      if (!o) {
        o = {
          merchantId,
          outTradeNo: body.outTradeNo,
          tradeNo: null,
          amountFen,
          subject: typeof body.subject === 'string' ? body.subject.slice(0, 100) : '',
          notifyUrl: body.notifyUrl as string,
          returnUrl: body.returnUrl as string,
          token: randomUUID(),
          status: 'WAITING',
          createdAt: new Date().toISOString(),
          paidAt: null,
          callbacks: [],
          acknowledged: false,
        };
        orders.set(key, o);
        byToken.set(o.token, o);
      }
      return send(
        res,
        200,
        sign(merchantId, { code: 'OK', outTradeNo: o.outTradeNo, payUrl: `${base}/pay/${o.token}` }),
      );
    }
    if (url.pathname === '/v1/orders/query') {
      const o = orders.get(key);
      if (!o)
        return send(
          res,
          404,
          sign(merchantId, { code: 'ORDER_NOT_FOUND', outTradeNo: String(body.outTradeNo) }),
        );
      return send(
        res,
        200,
        sign(merchantId, {
          code: 'OK',
          outTradeNo: o.outTradeNo,
          tradeNo: o.tradeNo,
          status: o.status,
          amountFen: o.amountFen,
          paidAt: o.paidAt,
        }),
      );
    }
    return send(res, 404, { code: 'NOT_FOUND' });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      if (!res.headersSent) send(res, 500, { code: 'SYSTEM_ERROR', message: (e as Error).message });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;
  return {
    port,
    url: base,
    orders: () => [...orders.values()],
    async pay(outTradeNo) {
      const o = [...orders.values()].find((x) => x.outTradeNo === outTradeNo);
      if (!o) throw new Error(`no order ${outTradeNo}`);
      await settle(o, 'SUCCESS');
      return o;
    },
    async callbacksSettled() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    async close() {
      closed = true;
      for (const t of timers) clearTimeout(t);
      await Promise.all([...pending]);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
    },
  };
}
