import { describe, expect, it } from 'vitest';
import {
  disconnectionPlanProblem,
  disconnectionReminderAt,
  nextDisconnectionStatus,
  reconnectionDueAt,
} from './disconnection';

// 供电营业规则 Art. 67; domain.md §10: notice 3–7 days before, reminder 30 min before, reconnect in 24 h.
const notice = new Date('2026-11-02T01:00:00Z');
const at = (iso: string) => new Date(iso);

describe('disconnection schedule', () => {
  it.each([
    ['2 days 23 h after the notice is too early', '2026-11-05T00:00:00Z', 'too_early'],
    ['exactly 3 days after the notice is allowed', '2026-11-05T01:00:00Z', null],
    ['exactly 7 days after the notice is allowed', '2026-11-09T01:00:00Z', null],
    ['7 days and a minute is too late: send a new notice', '2026-11-09T01:01:00Z', 'too_late'],
  ])('%s', (_name, planned, problem) => {
    expect(disconnectionPlanProblem(notice, at(planned))).toBe(problem);
  });

  it('reminds 30 minutes before and reconnects within 24 hours of payment', () => {
    expect(disconnectionReminderAt(at('2026-11-06T02:00:00Z')).toISOString()).toBe(
      '2026-11-06T01:30:00.000Z',
    );
    expect(reconnectionDueAt(at('2026-11-07T09:15:00Z')).toISOString()).toBe('2026-11-08T09:15:00.000Z');
  });

  it.each([
    ['created', 'send_notice', 'notice_sent'],
    ['notice_sent', 'remind', 'reminded'],
    ['reminded', 'disconnect', 'disconnected'],
    ['disconnected', 'paid', 'reconnect_pending'],
    ['reconnect_pending', 'reconnect', 'reconnected'],
    ['notice_sent', 'paid', 'cancelled'],
    ['created', 'disconnect', null],
    ['reconnected', 'cancel', null],
  ] as const)('%s + %s → %s', (from, action, to) => {
    expect(nextDisconnectionStatus(from, action)).toBe(to);
  });
});
