// Delivery retries for notifications (domain.md §17): exponential backoff, then the dead-letter list.

/** Waits after the 1st, 2nd, … failed attempt: 1 min, 5 min, 30 min, 2 h, 12 h. */
export const RETRY_BACKOFF_MINUTES = [1, 5, 30, 120, 720] as const;

/** One first attempt plus one retry per backoff step. */
export const MAX_DELIVERY_ATTEMPTS = RETRY_BACKOFF_MINUTES.length + 1;

export type RetryDecision =
  | { action: 'retry'; nextAttemptAt: Date }
  | { action: 'dead'; reason: 'attempts_exhausted' | 'permanent' | 'expired' };

/**
 * What to do after attempt number `attempts` (1-based) failed. A permanent failure (e.g. the gateway
 * rejects the number) is not retried; a message with an expiry (a login code) is not retried past it.
 */
export function retryAfterFailure(opts: {
  now: Date;
  attempts: number;
  maxAttempts?: number;
  permanent?: boolean;
  expiresAt?: Date | null;
}): RetryDecision {
  const max = opts.maxAttempts ?? MAX_DELIVERY_ATTEMPTS;
  if (opts.permanent) return { action: 'dead', reason: 'permanent' };
  if (opts.attempts >= max) return { action: 'dead', reason: 'attempts_exhausted' };
  const step = Math.min(Math.max(opts.attempts, 1), RETRY_BACKOFF_MINUTES.length) - 1;
  const nextAttemptAt = new Date(opts.now.getTime() + RETRY_BACKOFF_MINUTES[step] * 60_000);
  if (opts.expiresAt && nextAttemptAt.getTime() >= opts.expiresAt.getTime()) {
    return { action: 'dead', reason: 'expired' };
  }
  return { action: 'retry', nextAttemptAt };
}
