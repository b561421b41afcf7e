// The customer portal's login by verification code (网上营业厅, domain.md §18): a 6-digit code sent to the
// phone registered for the account, valid 5 minutes, at most one per account a minute and ten an hour,
// void after five wrong tries; the portal session ends after two idle hours.

export const PORTAL_CODE_LENGTH = 6;
export const PORTAL_CODE_VALID_MINUTES = 5;
export const PORTAL_CODE_MIN_INTERVAL_SECONDS = 60;
export const PORTAL_CODE_MAX_PER_HOUR = 10;
export const PORTAL_CODE_MAX_WRONG_TRIES = 5;
export const PORTAL_SESSION_IDLE_MINUTES = 120;

const HOUR_MS = 3_600_000;

export type CodeRequestDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * May another code be sent for an account, given when the earlier codes were asked for? Every request
 * counts, whether or not the account exists, so the answer reveals nothing about the account.
 */
export function codeRequestDecision(earlier: readonly Date[], now: Date): CodeRequestDecision {
  const t = now.getTime();
  const lastHour = earlier.map((d) => d.getTime()).filter((x) => x > t - HOUR_MS && x <= t);
  let waitMs = 0;
  if (lastHour.length > 0) {
    const latest = Math.max(...lastHour);
    waitMs = Math.max(waitMs, latest + PORTAL_CODE_MIN_INTERVAL_SECONDS * 1000 - t);
  }
  if (lastHour.length >= PORTAL_CODE_MAX_PER_HOUR) {
    // The hour frees a slot when the oldest request that still counts is an hour old.
    const sorted = [...lastHour].sort((a, b) => b - a);
    const oldestCounted = sorted[PORTAL_CODE_MAX_PER_HOUR - 1];
    waitMs = Math.max(waitMs, oldestCounted + HOUR_MS - t);
  }
  if (waitMs <= 0) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.ceil(waitMs / 1000) };
}

/** A login code from random bytes: six decimal digits, leading zeros kept. */
export function formatLoginCode(random: number): string {
  const n = Math.abs(Math.trunc(random)) % 10 ** PORTAL_CODE_LENGTH;
  return String(n).padStart(PORTAL_CODE_LENGTH, '0');
}
