import { describe, expect, it } from 'vitest';
import { PORTAL_CODE_MAX_PER_HOUR, codeRequestDecision, formatLoginCode } from './portal-login';

const now = new Date('2026-11-23T02:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe('codeRequestDecision (domain.md §18: one code a minute, ten an hour)', () => {
  it('allows the first code for an account', () => {
    expect(codeRequestDecision([], now)).toEqual({ allowed: true });
  });

  it.each([
    [1, 59],
    [30, 30],
    [59, 1],
  ])('a code asked %i s ago makes the next wait %i s', (secondsAgo, wait) => {
    expect(codeRequestDecision([ago(secondsAgo)], now)).toEqual({ allowed: false, retryAfterSeconds: wait });
  });

  it('allows the next code once a minute has passed', () => {
    expect(codeRequestDecision([ago(60)], now)).toEqual({ allowed: true });
  });

  it('refuses the eleventh code within an hour until the oldest of the ten is an hour old', () => {
    const ten = Array.from({ length: PORTAL_CODE_MAX_PER_HOUR }, (_, i) => ago(3000 - i * 300));
    // The oldest counted request was 3000 s ago: a slot frees in 600 s.
    expect(codeRequestDecision(ten, now)).toEqual({ allowed: false, retryAfterSeconds: 600 });
  });

  it('forgets requests older than an hour', () => {
    const old = Array.from({ length: 20 }, (_, i) => ago(3600 + i * 60));
    expect(codeRequestDecision(old, now)).toEqual({ allowed: true });
  });

  it('nine requests in the hour still allow a tenth', () => {
    const nine = Array.from({ length: 9 }, (_, i) => ago(3000 - i * 300));
    expect(codeRequestDecision(nine, now)).toEqual({ allowed: true });
  });
});

describe('formatLoginCode', () => {
  it.each([
    [0, '000000'],
    [42, '000042'],
    [123456, '123456'],
    [1_234_567, '234567'],
  ])('%i → %s', (n, code) => {
    expect(formatLoginCode(n)).toBe(code);
  });
});
