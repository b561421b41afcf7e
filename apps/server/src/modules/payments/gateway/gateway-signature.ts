// The payment gateway's signature scheme (HMAC-SHA256 with the merchant secret over the canonical body),
// used to sign our requests and to verify the gateway's answers and callbacks. Canonical body: every
// top-level field except `signature`, null or undefined ones left out, sorted by name, `name=value`
// joined with `&`; strings as they are, numbers in decimal, objects and arrays as JSON with sorted keys.
// (The simulator implements the same published scheme on its own, so tests against it check both agree.)
import { createHmac, timingSafeEqual } from 'node:crypto';

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function canonicalGatewayBody(body: Record<string, unknown>): string {
  return Object.keys(body)
    .filter((k) => k !== 'signature' && body[k] !== undefined && body[k] !== null)
    .sort()
    .map((k) => {
      const v = body[k];
      return `${k}=${typeof v === 'string' ? v : typeof v === 'number' ? String(v) : canonicalJson(v)}`;
    })
    .join('&');
}

export function signGatewayBody(body: Record<string, unknown>, secret: string): string {
  return createHmac('sha256', secret).update(canonicalGatewayBody(body), 'utf8').digest('hex');
}

export function gatewaySignatureValid(body: Record<string, unknown>, secret: string): boolean {
  const given = typeof body.signature === 'string' ? body.signature : '';
  if (!/^[0-9a-f]{64}$/.test(given)) return false;
  return timingSafeEqual(Buffer.from(given, 'hex'), Buffer.from(signGatewayBody(body, secret), 'hex'));
}
