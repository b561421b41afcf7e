import { describe, expect, it } from 'vitest';
import { MAX_DELIVERY_ATTEMPTS, retryAfterFailure } from './retry';

const now = new Date('2026-11-23T02:00:00Z');
const plus = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

describe('retryAfterFailure', () => {
  it.each([
    [1, 1],
    [2, 5],
    [3, 30],
    [4, 120],
    [5, 720],
  ])('after failed attempt %i the next try is %i minutes later', (attempts, minutes) => {
    expect(retryAfterFailure({ now, attempts })).toEqual({ action: 'retry', nextAttemptAt: plus(minutes) });
  });

  it('gives up after the last attempt: the message goes to the dead letters', () => {
    expect(MAX_DELIVERY_ATTEMPTS).toBe(6);
    expect(retryAfterFailure({ now, attempts: 6 })).toEqual({ action: 'dead', reason: 'attempts_exhausted' });
  });

  it('honours a smaller per-message attempt limit', () => {
    expect(retryAfterFailure({ now, attempts: 3, maxAttempts: 3 })).toEqual({
      action: 'dead',
      reason: 'attempts_exhausted',
    });
  });

  it('does not retry a permanent rejection', () => {
    expect(retryAfterFailure({ now, attempts: 1, permanent: true })).toEqual({
      action: 'dead',
      reason: 'permanent',
    });
  });

  it('does not retry a login code past its validity', () => {
    expect(retryAfterFailure({ now, attempts: 2, expiresAt: plus(4) })).toEqual({
      action: 'dead',
      reason: 'expired',
    });
    expect(retryAfterFailure({ now, attempts: 1, expiresAt: plus(4) })).toEqual({
      action: 'retry',
      nextAttemptAt: plus(1),
    });
  });
});
