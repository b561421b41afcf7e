// "Calls answered within 3 rings" (电话铃响 3 声之内应答率, [S002]; domain.md §4 "Call records", §15):
// three rings are taken as 15 seconds from the moment the call starts ringing at the service centre.
// The SQL of GET /api/telephony/answer-rate applies this same rule; a test holds the two together.

export const DEFAULT_ANSWER_WITHIN_SECONDS = 15;

type Instant = Date | string;

/** The timestamps of one call as the telephony system reported them (null: the event never came). */
export interface CallTimes {
  ringingAt: Instant | null;
  answeredAt: Instant | null;
  abandonedAt?: Instant | null;
}

export interface AnswerRate {
  /** Calls that rang (a call with no ringing event was never offered to an agent). */
  offered: number;
  answered: number;
  /** Answered no later than `seconds` after ringing began, the boundary included. */
  answeredInTime: number;
  /** The caller hung up before anyone answered. */
  abandoned: number;
  /** answeredInTime / offered; null when nothing was offered (no calls is not a 0% rate). */
  rate: number | null;
}

const ms = (t: Instant) => (t instanceof Date ? t.getTime() : Date.parse(t));

/** Whether the call was answered within `seconds` of ringing (exactly `seconds` still counts). */
export function answeredWithin(call: CallTimes, seconds = DEFAULT_ANSWER_WITHIN_SECONDS): boolean {
  if (call.ringingAt == null || call.answeredAt == null) return false;
  return ms(call.answeredAt) - ms(call.ringingAt) <= seconds * 1000;
}

export function answerRate(calls: Iterable<CallTimes>, seconds = DEFAULT_ANSWER_WITHIN_SECONDS): AnswerRate {
  let offered = 0;
  let answered = 0;
  let answeredInTime = 0;
  let abandoned = 0;
  for (const call of calls) {
    if (call.ringingAt == null) continue;
    offered++;
    if (call.answeredAt != null) {
      answered++;
      if (answeredWithin(call, seconds)) answeredInTime++;
    } else if (call.abandonedAt != null) {
      abandoned++;
    }
  }
  return { offered, answered, answeredInTime, abandoned, rate: offered ? answeredInTime / offered : null };
}
