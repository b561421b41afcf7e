// The online-payment gateway adapter: the gateway's real protocol (signed JSON over HTTP), see
// apps/payment-gateway-sim/src/gateway.ts for the published shape the simulator implements.
import { randomBytes } from 'node:crypto';
import { gatewaySignatureValid, signGatewayBody } from './gateway-signature';
import type { PaymentGatewaySettings } from './gateway.settings';

export class GatewayError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function call(
  s: PaymentGatewaySettings,
  path: string,
  fields: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const body: Record<string, unknown> = {
    ...fields,
    merchantId: s.merchantId,
    timestamp: Date.now(),
    nonce: randomBytes(8).toString('hex'),
  };
  body.signature = signGatewayBody(body, s.secret);
  let res: Response;
  try {
    res = await fetch(`${s.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (e) {
    throw new GatewayError('UNREACHABLE', (e as Error).message);
  }
  const answer = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (answer.code === 'ORDER_NOT_FOUND') return answer;
  if (res.status !== 200 || answer.code !== 'OK')
    throw new GatewayError(String(answer.code ?? res.status), String(answer.message ?? 'gateway refused'));
  // An answer that is not signed by the gateway is not believed (a man in the middle could fake "paid").
  if (!gatewaySignatureValid(answer, s.secret)) throw new GatewayError('BAD_SIGNATURE', 'unsigned answer');
  return answer;
}

export async function createGatewayOrder(
  s: PaymentGatewaySettings,
  order: { outTradeNo: string; amountFen: number; subject: string; returnUrl: string },
): Promise<{ payUrl: string }> {
  const a = await call(s, '/v1/orders/create', { ...order, notifyUrl: s.notifyUrl });
  return { payUrl: String(a.payUrl) };
}

export interface GatewayOrderState {
  found: boolean;
  status: 'WAITING' | 'SUCCESS' | 'CLOSED' | null;
  tradeNo: string | null;
  amountFen: number | null;
  paidAt: string | null;
}

/** Asks the gateway how an order stands (reconciliation when a callback did not arrive). */
export async function queryGatewayOrder(
  s: PaymentGatewaySettings,
  outTradeNo: string,
): Promise<GatewayOrderState> {
  const a = await call(s, '/v1/orders/query', { outTradeNo });
  if (a.code === 'ORDER_NOT_FOUND')
    return { found: false, status: null, tradeNo: null, amountFen: null, paidAt: null };
  return {
    found: true,
    status: a.status as GatewayOrderState['status'],
    tradeNo: (a.tradeNo as string | null) ?? null,
    amountFen: typeof a.amountFen === 'number' ? a.amountFen : null,
    paidAt: (a.paidAt as string | null) ?? null,
  };
}
