// Telephony intake (domain.md §4 "Call records", §19): the CTI system reports call events; agents get a
// screen pop with the caller's number and matching customers; the "answered within 3 rings" KPI.
import { z } from 'zod';
import { CustomerSummary } from './customers';
import { msg } from './messages';

export const CALL_EVENTS = ['ringing', 'answered', 'abandoned', 'ended'] as const;
export type CallEventKind = (typeof CALL_EVENTS)[number];

const CallNumber = z
  .string()
  .trim()
  .regex(/^(\+?[0-9][0-9 -]{1,30}|anonymous)$/i, { message: msg('telephony.number') });

export const CallEventInput = z.object({
  callId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._:@-]{1,100}$/, { message: msg('telephony.call_id') }),
  event: z.enum(CALL_EVENTS),
  at: z.iso.datetime({ offset: true }),
  callerNumber: CallNumber,
  calledNumber: CallNumber,
  /** The login of the seat the call rings at or is answered by. */
  agentLogin: z.string().trim().min(1).max(60).nullish(),
  queue: z.string().trim().min(1).max(60).nullish(),
});
export type CallEventInput = z.infer<typeof CallEventInput>;

export const CallEventResult = z.object({
  callId: z.string(),
  /** The same (callId, event) was received before; nothing changed. */
  duplicate: z.boolean(),
  /** Whether a screen pop was sent to an agent. */
  notifiedAgent: z.boolean(),
});
export type CallEventResult = z.infer<typeof CallEventResult>;

/** The `screen-pop` server-sent event an agent's browser receives. */
export const ScreenPop = z.object({
  callId: z.string(),
  event: z.enum(CALL_EVENTS),
  at: z.string(),
  callerNumber: z.string(),
  calledNumber: z.string(),
  queue: z.string().nullable(),
  /** Customers whose phone or a contact's mobile is the caller's number, in the agent's scope, masked per pii:view. */
  customers: z.array(CustomerSummary),
  /** More customers matched than are listed. */
  more: z.boolean(),
});
export type ScreenPop = z.infer<typeof ScreenPop>;

// A date is a whole business day in Asia/Shanghai; a date-time is taken as given.
const RangeBound = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** `to` must lie after `from` (checked once both are instants: a date `to` includes that whole day). */
export const AnswerRateQuery = z.object({
  from: RangeBound,
  to: RangeBound,
  orgUnitId: z.coerce.number().int().positive().optional(),
  /** Three rings: 15 s by default. */
  withinSeconds: z.coerce.number().int().min(1).max(600).optional(),
});
export type AnswerRateQuery = z.infer<typeof AnswerRateQuery>;

export const AnswerRateResult = z.object({
  from: z.string(),
  to: z.string(),
  withinSeconds: z.number().int(),
  offered: z.number().int(),
  answered: z.number().int(),
  answeredInTime: z.number().int(),
  abandoned: z.number().int(),
  rate: z.number().nullable(),
});
export type AnswerRateResult = z.infer<typeof AnswerRateResult>;
