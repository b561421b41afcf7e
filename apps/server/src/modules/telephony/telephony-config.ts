// Settings of the telephony intake, from the environment.
import { createHash, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../../platform/http/errors';

/**
 * The shared secret the telephony system (CTI) sends in X-Telephony-Key. Development and the demo use
 * this well-known default, which is not a secret: set TELEPHONY_KEY in any real deployment.
 */
export const DEV_TELEPHONY_KEY = 'gridcare-dev-telephony';

export function telephonyKey(env: NodeJS.ProcessEnv = process.env): string {
  return env.TELEPHONY_KEY || DEV_TELEPHONY_KEY;
}

const digest = (v: string) => createHash('sha256').update(v).digest();

/** 401 unless the request carries the telephony system's key (compared in constant time). */
export function requireTelephonyKey(
  given: string | string[] | undefined,
  env: NodeJS.ProcessEnv = process.env,
) {
  if (typeof given !== 'string' || !timingSafeEqual(digest(given), digest(telephonyKey(env)))) {
    throw new DomainError('unauthenticated');
  }
}

export function usesDevTelephonyKey(env: NodeJS.ProcessEnv = process.env): boolean {
  return !env.TELEPHONY_KEY;
}

/** How often an open screen-pop stream gets a heartbeat comment (proxies drop silent connections). */
export function heartbeatMs(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env.TELEPHONY_HEARTBEAT_MS);
  return Number.isFinite(v) && v >= 100 ? v : 20_000;
}
