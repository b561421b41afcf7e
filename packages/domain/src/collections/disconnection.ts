// Disconnection for arrears (欠费停电, 供电营业规则 Art. 67; domain.md §10): a written notice 3–7 days
// before the disconnection, a reminder 30 minutes before it, and reconnection within 24 hours of payment.

export interface DisconnectionRules {
  noticeMinDays: number;
  noticeMaxDays: number;
  reminderMinutesBefore: number;
  reconnectWithinHours: number;
}

export const DEFAULT_DISCONNECTION_RULES: DisconnectionRules = {
  noticeMinDays: 3,
  noticeMaxDays: 7,
  reminderMinutesBefore: 30,
  reconnectWithinHours: 24,
};

const HOUR = 3_600_000;

/** Why a planned disconnection time is not allowed after a notice sent at `noticeAt`; null when it is. */
export function disconnectionPlanProblem(
  noticeAt: Date,
  plannedAt: Date,
  rules: DisconnectionRules = DEFAULT_DISCONNECTION_RULES,
): 'too_early' | 'too_late' | null {
  const gap = plannedAt.getTime() - noticeAt.getTime();
  if (gap < rules.noticeMinDays * 24 * HOUR) return 'too_early';
  if (gap > rules.noticeMaxDays * 24 * HOUR) return 'too_late';
  return null;
}

/** The earliest and latest disconnection times a notice sent at `noticeAt` allows. */
export function disconnectionWindow(noticeAt: Date, rules: DisconnectionRules = DEFAULT_DISCONNECTION_RULES) {
  return {
    earliest: new Date(noticeAt.getTime() + rules.noticeMinDays * 24 * HOUR),
    latest: new Date(noticeAt.getTime() + rules.noticeMaxDays * 24 * HOUR),
  };
}

export function disconnectionReminderAt(
  plannedAt: Date,
  rules: DisconnectionRules = DEFAULT_DISCONNECTION_RULES,
): Date {
  return new Date(plannedAt.getTime() - rules.reminderMinutesBefore * 60_000);
}

export function reconnectionDueAt(
  paidAt: Date,
  rules: DisconnectionRules = DEFAULT_DISCONNECTION_RULES,
): Date {
  return new Date(paidAt.getTime() + rules.reconnectWithinHours * HOUR);
}

export type DisconnectionStatus =
  'created' | 'notice_sent' | 'reminded' | 'disconnected' | 'reconnect_pending' | 'reconnected' | 'cancelled';

export type DisconnectionAction = 'send_notice' | 'remind' | 'disconnect' | 'paid' | 'reconnect' | 'cancel';

const NEXT: Record<DisconnectionAction, Partial<Record<DisconnectionStatus, DisconnectionStatus>>> = {
  send_notice: { created: 'notice_sent' },
  remind: { notice_sent: 'reminded' },
  disconnect: { reminded: 'disconnected' },
  // Paid before the disconnection: the case is cancelled; paid after: reconnect within 24 h.
  paid: {
    created: 'cancelled',
    notice_sent: 'cancelled',
    reminded: 'cancelled',
    disconnected: 'reconnect_pending',
  },
  reconnect: { reconnect_pending: 'reconnected' },
  cancel: { created: 'cancelled', notice_sent: 'cancelled', reminded: 'cancelled' },
};

/** The status after `action`, or null when the action is not allowed in `status`. */
export function nextDisconnectionStatus(
  status: DisconnectionStatus,
  action: DisconnectionAction,
): DisconnectionStatus | null {
  return NEXT[action][status] ?? null;
}
