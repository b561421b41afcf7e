// The SMS gateway simulator: speaks the same protocol as a Chinese SMS gateway —
//   POST /v1/sms/send  {appKey, timestamp, nonce, mobile, signName, templateCode, params, outId, signature}
//   → 200 {code: 'OK', message, messageId, requestId} | 4xx/5xx {code, message, requestId}
// A repeated outId is not sent again: the answer repeats the first messageId (idempotent sends).
// then posts a signed delivery report {appKey, timestamp, nonce, reports: [...], signature} to the
// configured callback. It records every message (GET /messages), can be told to fail the next N
// requests (POST /control/fail-next {count}) and, with a mail catcher attached, lists mails (GET /mails).
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MailCatcher } from './mail-catcher';
import { signBody, signatureMatches } from './signature';

export interface SimulatedSms {
  messageId: string;
  outId: string | null;
  mobile: string;
  signName: string;
  templateCode: string;
  params: Record<string, string>;
  receivedAt: string;
  reportStatus: 'DELIVERED' | 'UNDELIVERED' | null;
  /** Outcome of posting the delivery report: HTTP status, or an error text. */
  reportResult: string | null;
}

export interface SmsGatewaySimulator {
  port: number;
  url: string;
  messages(): SimulatedSms[];
  /** The next `count` send requests answer 503 SYSTEM_BUSY. */
  failNext(count: number): void;
  clear(): void;
  /** Resolves once every delivery report scheduled so far has been posted (or has failed). */
  reportsSettled(): Promise<void>;
  close(): Promise<void>;
}

export interface SmsGatewaySimulatorOptions {
  port?: number;
  host?: string;
  appKey: string;
  appSecret: string;
  /** Where delivery reports are posted; none when omitted. */
  reportUrl?: string | null;
  reportDelayMs?: number;
  /** Mobiles whose reports say UNDELIVERED (e.g. a number out of service). */
  undeliverable?: string[];
  mailCatcher?: MailCatcher | null;
  maxClockSkewMs?: number;
}

const MOBILE = /^1[3-9]\d{9}$/;
const SIGN_NAME = /^【[^【】]{2,30}】$/;
const TEMPLATE_CODE = /^[A-Z0-9_]{3,64}$/;

function send(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 256 * 1024) return null;
    chunks.push(chunk as Buffer);
  }
  try {
    const v: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export async function startSmsGatewaySimulator(
  opts: SmsGatewaySimulatorOptions,
): Promise<SmsGatewaySimulator> {
  const host = opts.host ?? '127.0.0.1';
  const skew = opts.maxClockSkewMs ?? 5 * 60_000;
  const messages: SimulatedSms[] = [];
  const seenNonces = new Map<string, number>();
  const pendingReports = new Set<Promise<void>>();
  let failures = 0;

  function authProblem(body: Record<string, unknown>): string | null {
    if (body.appKey !== opts.appKey) return 'APP_KEY_INVALID';
    const ts = Number(body.timestamp);
    if (!Number.isFinite(ts) || Math.abs(Date.now() - ts) > skew) return 'TIMESTAMP_EXPIRED';
    if (typeof body.nonce !== 'string' || body.nonce.length < 8) return 'NONCE_INVALID';
    if (!signatureMatches(body, opts.appSecret)) return 'SIGNATURE_INVALID';
    const now = Date.now();
    for (const [n, at] of seenNonces) if (now - at > skew) seenNonces.delete(n);
    if (seenNonces.has(body.nonce)) return 'NONCE_REPLAYED';
    seenNonces.set(body.nonce, now);
    return null;
  }

  async function postReport(sms: SimulatedSms) {
    if (!opts.reportUrl) return;
    const status = opts.undeliverable?.includes(sms.mobile) ? 'UNDELIVERED' : 'DELIVERED';
    const report: Record<string, unknown> = {
      appKey: opts.appKey,
      timestamp: String(Date.now()),
      nonce: randomBytes(12).toString('hex'),
      reports: [
        {
          messageId: sms.messageId,
          outId: sms.outId,
          mobile: sms.mobile,
          status,
          errorCode: status === 'DELIVERED' ? null : 'MK:0001',
          reportTime: new Date().toISOString(),
        },
      ],
    };
    report.signature = signBody(report, opts.appSecret);
    sms.reportStatus = status;
    try {
      const r = await fetch(opts.reportUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(report),
        signal: AbortSignal.timeout(10_000),
      });
      sms.reportResult = String(r.status);
    } catch (e) {
      sms.reportResult = e instanceof Error ? e.message : String(e);
    }
  }

  function scheduleReport(sms: SimulatedSms) {
    const p = new Promise<void>((resolve) => setTimeout(resolve, opts.reportDelayMs ?? 200))
      .then(() => postReport(sms))
      .finally(() => pendingReports.delete(p));
    pendingReports.add(p);
  }

  async function handleSend(req: IncomingMessage, res: ServerResponse) {
    const requestId = randomUUID();
    const body = await readJson(req);
    if (!body)
      return send(res, 400, { code: 'BODY_INVALID', message: 'body must be a JSON object', requestId });
    const problem = authProblem(body);
    if (problem) return send(res, 401, { code: problem, message: 'request not authenticated', requestId });
    if (failures > 0) {
      failures--;
      return send(res, 503, { code: 'SYSTEM_BUSY', message: 'simulated failure', requestId });
    }
    const { mobile, signName, templateCode, params, outId } = body;
    if (typeof mobile !== 'string' || !MOBILE.test(mobile))
      return send(res, 400, { code: 'MOBILE_INVALID', message: 'not a mainland mobile number', requestId });
    if (typeof signName !== 'string' || !SIGN_NAME.test(signName))
      return send(res, 400, { code: 'SIGN_NAME_INVALID', message: 'signName must be 【…】', requestId });
    if (typeof templateCode !== 'string' || !TEMPLATE_CODE.test(templateCode))
      return send(res, 400, { code: 'TEMPLATE_INVALID', message: 'unknown template code', requestId });
    const paramsOk =
      params !== null &&
      typeof params === 'object' &&
      !Array.isArray(params) &&
      Object.values(params).every((v) => typeof v === 'string' && !/[【】]/.test(v));
    if (!paramsOk)
      return send(res, 400, {
        code: 'PARAMS_INVALID',
        message: 'params must be strings without 【】',
        requestId,
      });
    // Idempotent on outId, as the protocol promises: a sender that crashed after the gateway accepted a
    // message and sends it again (at-least-once delivery) gets the first answer, and the phone one SMS.
    const prior = typeof outId === 'string' ? messages.find((m) => m.outId === outId) : undefined;
    if (prior) {
      return send(res, 200, {
        code: 'OK',
        message: 'duplicate outId',
        messageId: prior.messageId,
        requestId,
      });
    }
    const sms: SimulatedSms = {
      messageId: 'SIM' + Date.now().toString(36).toUpperCase() + randomBytes(4).toString('hex').toUpperCase(),
      outId: typeof outId === 'string' ? outId : null,
      mobile,
      signName,
      templateCode,
      params: params as Record<string, string>,
      receivedAt: new Date().toISOString(),
      reportStatus: null,
      reportResult: null,
    };
    messages.push(sms);
    send(res, 200, { code: 'OK', message: 'accepted', messageId: sms.messageId, requestId });
    scheduleReport(sms);
  }

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const route = `${req.method} ${path}`;
    const done = (p: Promise<void> | void) =>
      Promise.resolve(p).catch((e: unknown) => {
        if (!res.headersSent) send(res, 500, { code: 'INTERNAL', message: String(e) });
      });
    if (route === 'POST /v1/sms/send') return void done(handleSend(req, res));
    if (route === 'GET /messages') return send(res, 200, { items: messages });
    if (route === 'DELETE /messages') {
      messages.splice(0);
      return send(res, 200, { ok: true });
    }
    if (route === 'GET /mails') {
      if (!opts.mailCatcher) return send(res, 404, { code: 'NO_MAIL_CATCHER' });
      return send(res, 200, { items: opts.mailCatcher.mails() });
    }
    if (route === 'POST /control/fail-next') {
      return void done(
        readJson(req).then((b) => {
          const count = Number(b?.count ?? 1);
          if (!Number.isInteger(count) || count < 0) return send(res, 400, { code: 'COUNT_INVALID' });
          failures = count;
          send(res, 200, { failNext: failures });
        }),
      );
    }
    send(res, 404, { code: 'NOT_FOUND', message: route });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://${host}:${port}`,
    messages: () => [...messages],
    failNext: (count) => {
      failures = count;
    },
    clear: () => void messages.splice(0),
    reportsSettled: async () => {
      while (pendingReports.size) await Promise.all([...pendingReports]);
    },
    close: async () => {
      await Promise.all([...pendingReports]);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
