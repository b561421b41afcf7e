// The SMS gateway's signature scheme (HMAC-SHA256 over the canonical body), used to sign our send
// requests and to verify the delivery reports the gateway posts back. Canonical body: every top-level
// field except `signature`, sorted by name, `name=value` joined with `&`; strings as they are, numbers
// in decimal, objects and arrays as JSON with sorted keys. (The simulator implements the same published
// scheme independently, so the tests against it check that both sides agree.)
import { createHmac, timingSafeEqual } from 'node:crypto';

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value as Record<string, unknown>)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function canonicalSmsBody(body: Record<string, unknown>): string {
  return Object.keys(body)
    .filter((k) => k !== 'signature' && body[k] !== undefined && body[k] !== null)
    .sort()
    .map((k) => {
      const v = body[k];
      return `${k}=${typeof v === 'string' ? v : typeof v === 'number' ? String(v) : canonicalJson(v)}`;
    })
    .join('&');
}

export function signSmsBody(body: Record<string, unknown>, secret: string): string {
  return createHmac('sha256', secret).update(canonicalSmsBody(body), 'utf8').digest('hex');
}

export type SignatureProblem = 'app_key' | 'timestamp' | 'signature';

/** Why a signed body from the gateway is not to be trusted, or null when it is. */
export function smsSignatureProblem(
  body: Record<string, unknown>,
  opts: { appKey: string; secret: string; now: Date; maxSkewMs?: number },
): SignatureProblem | null {
  if (body.appKey !== opts.appKey) return 'app_key';
  const ts = Number(body.timestamp);
  if (!Number.isFinite(ts) || Math.abs(opts.now.getTime() - ts) > (opts.maxSkewMs ?? 5 * 60_000))
    return 'timestamp';
  const given = typeof body.signature === 'string' ? body.signature : '';
  if (!/^[0-9a-f]{64}$/.test(given)) return 'signature';
  const expected = signSmsBody(body, opts.secret);
  return timingSafeEqual(Buffer.from(given, 'hex'), Buffer.from(expected, 'hex')) ? null : 'signature';
}
