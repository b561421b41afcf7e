// The payment gateway's signature, as the gateway specifies it (the same scheme as the SMS gateway's):
// HMAC-SHA256 with the merchant secret over the canonical body — every top-level field except
// `signature`, sorted by name, written `name=value` and joined with `&`; strings as they are, numbers in
// decimal, objects and arrays as JSON with sorted keys. Requests, answers and callbacks are all signed.
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

export function canonicalBody(body: Record<string, unknown>): string {
  return Object.keys(body)
    .filter((k) => k !== 'signature' && body[k] !== undefined && body[k] !== null)
    .sort()
    .map((k) => {
      const v = body[k];
      return `${k}=${typeof v === 'string' ? v : typeof v === 'number' ? String(v) : canonicalJson(v)}`;
    })
    .join('&');
}

export function signBody(body: Record<string, unknown>, secret: string): string {
  return createHmac('sha256', secret).update(canonicalBody(body), 'utf8').digest('hex');
}

export function signatureMatches(body: Record<string, unknown>, secret: string): boolean {
  const given = typeof body.signature === 'string' ? body.signature : '';
  if (!/^[0-9a-f]{64}$/.test(given)) return false;
  return timingSafeEqual(Buffer.from(given, 'hex'), Buffer.from(signBody(body, secret), 'hex'));
}
