import { describe, expect, it } from 'vitest';
import { DEFAULT_ANSWER_WITHIN_SECONDS, answerRate, answeredWithin, type CallTimes } from './answer-rate';

const RING = '2026-11-23T01:00:00.000Z';
const after = (seconds: number) => new Date(Date.parse(RING) + seconds * 1000).toISOString();

// [S002] 铃响 3 声之内应答: three rings = 15 s by default (domain.md §4 "Call records").
describe('answeredWithin', () => {
  it.each([
    ['answered at once', { ringingAt: RING, answeredAt: RING }, true],
    ['answered after 14.999 s', { ringingAt: RING, answeredAt: after(14.999) }, true],
    ['answered at exactly 15 s (the boundary counts)', { ringingAt: RING, answeredAt: after(15) }, true],
    ['answered at 15.001 s', { ringingAt: RING, answeredAt: after(15.001) }, false],
    ['answered after a minute', { ringingAt: RING, answeredAt: after(60) }, false],
    ['abandoned after 5 s', { ringingAt: RING, answeredAt: null, abandonedAt: after(5) }, false],
    ['still ringing', { ringingAt: RING, answeredAt: null }, false],
    ['answered but never reported ringing', { ringingAt: null, answeredAt: after(3) }, false],
  ] as [string, CallTimes, boolean][])('%s → %s', (_name, call, expected) => {
    expect(answeredWithin(call)).toBe(expected);
  });

  it('accepts Date objects as well as ISO strings', () => {
    expect(answeredWithin({ ringingAt: new Date(RING), answeredAt: new Date(after(15)) })).toBe(true);
  });

  it('uses a configured number of seconds', () => {
    const call = { ringingAt: RING, answeredAt: after(20) };
    expect(answeredWithin(call, 20)).toBe(true);
    expect(answeredWithin(call, 19)).toBe(false);
    expect(DEFAULT_ANSWER_WITHIN_SECONDS).toBe(15);
  });
});

describe('answerRate', () => {
  it.each([
    [
      'no calls at all: the rate is unknown, not 0%',
      [],
      { offered: 0, answered: 0, answeredInTime: 0, abandoned: 0, rate: null },
    ],
    [
      'one call answered at the 15 s boundary',
      [{ ringingAt: RING, answeredAt: after(15) }],
      { offered: 1, answered: 1, answeredInTime: 1, abandoned: 0, rate: 1 },
    ],
    [
      'answered late, abandoned, unanswered and in time',
      [
        { ringingAt: RING, answeredAt: after(3) },
        { ringingAt: RING, answeredAt: after(16) },
        { ringingAt: RING, answeredAt: null, abandonedAt: after(8) },
        { ringingAt: RING, answeredAt: null },
      ],
      { offered: 4, answered: 2, answeredInTime: 1, abandoned: 1, rate: 0.25 },
    ],
    [
      'a call that never rang is not offered',
      [
        { ringingAt: null, answeredAt: after(1) },
        { ringingAt: RING, answeredAt: after(1) },
      ],
      { offered: 1, answered: 1, answeredInTime: 1, abandoned: 0, rate: 1 },
    ],
    [
      'an answered call with a stray abandoned event counts as answered, not abandoned',
      [{ ringingAt: RING, answeredAt: after(4), abandonedAt: after(30) }],
      { offered: 1, answered: 1, answeredInTime: 1, abandoned: 0, rate: 1 },
    ],
    [
      'only abandoned calls: a 0% rate',
      [
        { ringingAt: RING, answeredAt: null, abandonedAt: after(2) },
        { ringingAt: RING, answeredAt: null, abandonedAt: after(40) },
      ],
      { offered: 2, answered: 0, answeredInTime: 0, abandoned: 2, rate: 0 },
    ],
  ] as [string, CallTimes[], ReturnType<typeof answerRate>][])('%s', (_name, calls, expected) => {
    expect(answerRate(calls)).toEqual(expected);
  });

  it('counts in-time answers against the configured threshold', () => {
    const calls = [
      { ringingAt: RING, answeredAt: after(10) },
      { ringingAt: RING, answeredAt: after(20) },
      { ringingAt: RING, answeredAt: after(30) },
    ];
    expect(answerRate(calls, 10)).toMatchObject({ answeredInTime: 1, rate: 1 / 3 });
    expect(answerRate(calls, 20)).toMatchObject({ answeredInTime: 2, rate: 2 / 3 });
    expect(answerRate(calls)).toMatchObject({ answeredInTime: 1 });
  });
});
