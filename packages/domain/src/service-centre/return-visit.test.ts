import { describe, expect, it } from 'vitest';
import { decideAfterVisit, returnVisitRequired, satisfactionScore } from './return-visit';

const TZ = 'Asia/Shanghai';

// domain.md §4 return visits (S001, S002).
describe('returnVisitRequired', () => {
  it.each([
    ['fault_repair', true],
    ['complaint', true],
    ['application', true],
    ['consultation', false],
    ['query', false],
    ['praise', false],
    ['urge', false],
  ] as const)('%s → %s', (type, required) => {
    expect(returnVisitRequired(type)).toBe(required);
  });

  it('follows a configured list', () => {
    expect(returnVisitRequired('consultation', ['consultation'])).toBe(true);
    expect(returnVisitRequired('complaint', ['consultation'])).toBe(false);
  });
});

describe('decideAfterVisit', () => {
  const now = new Date('2026-01-12T02:00:00Z'); // Monday 10:00 in Shanghai

  it.each([
    ['satisfied', { kind: 'close' }],
    ['basically_satisfied', { kind: 'close' }],
    ['unsatisfied', { kind: 'reopen_escalate' }],
  ] as const)('%s → %o', (outcome, decision) => {
    expect(decideAfterVisit(outcome, [], now, TZ)).toEqual(decision);
  });

  it('unreachable at the first attempt: retry from the next local day', () => {
    expect(decideAfterVisit('unreachable', [], now, TZ)).toEqual({
      kind: 'retry',
      notBeforeLocalDate: '2026-01-13',
    });
  });

  it('the local day is the Shanghai date, not the UTC one', () => {
    const lateEvening = new Date('2026-01-12T16:30:00Z'); // 00:30 on 13 Jan in Shanghai
    expect(decideAfterVisit('unreachable', [], lateEvening, TZ)).toEqual({
      kind: 'retry',
      notBeforeLocalDate: '2026-01-14',
    });
  });

  it('unreachable at the second attempt on another day: one more retry', () => {
    expect(decideAfterVisit('unreachable', ['2026-01-10'], now, TZ)).toEqual({
      kind: 'retry',
      notBeforeLocalDate: '2026-01-13',
    });
  });

  it('unreachable at the third attempt on a third day: give up and close', () => {
    expect(decideAfterVisit('unreachable', ['2026-01-10', '2026-01-11'], now, TZ)).toEqual({
      kind: 'give_up_close',
    });
  });

  it('several calls on the same day count as one attempt day', () => {
    expect(decideAfterVisit('unreachable', ['2026-01-12', '2026-01-12'], now, TZ)).toEqual({
      kind: 'retry',
      notBeforeLocalDate: '2026-01-13',
    });
  });

  it('a configured maximum of attempts', () => {
    expect(decideAfterVisit('unreachable', [], now, TZ, 1)).toEqual({ kind: 'give_up_close' });
  });

  it('unsatisfied after earlier failed attempts still reopens', () => {
    expect(decideAfterVisit('unsatisfied', ['2026-01-10', '2026-01-11'], now, TZ)).toEqual({
      kind: 'reopen_escalate',
    });
  });
});

describe('satisfactionScore', () => {
  it.each([
    ['satisfied', 100],
    ['basically_satisfied', 80],
    ['unsatisfied', 0],
    ['unreachable', null],
  ] as const)('%s → %s', (outcome, score) => {
    expect(satisfactionScore(outcome)).toBe(score);
  });
});
