// Telephony intake (domain.md §4 "Call records", §19): the CTI system reports each call's events; the
// call's row keeps when it rang, was answered, abandoned and ended; the agent it rings at gets a screen
// pop. And the "answered within 3 rings" KPI over those rows.
import type { AnswerRateQuery, AnswerRateResult, CallEventInput, CallEventResult } from '@gridcare/contracts';
import { msg } from '@gridcare/contracts';
import { DEFAULT_ANSWER_WITHIN_SECONDS } from '@gridcare/domain';
import { writeAudit } from '../../platform/audit/audit';
import type { RequestContext } from '../../platform/auth/context';
import { requirePermission } from '../../platform/auth/context';
import type { Db } from '../../platform/db/db';
import { invalid, notFound } from '../../platform/http/errors';
import type { ScreenPopBus } from './screen-pop-bus';
import {
  answerRateCounts,
  companyOrgUnitId,
  findAgentByLogin,
  insertCallEvent,
  subtreeOrgIds,
  upsertCallRecord,
} from './telephony.repository';

/**
 * Records one event. A repeated (callId, event) — the CTI retrying a report — changes nothing and pops
 * nothing. The signal to the agent's browser goes out after the commit, so the pop never shows a call
 * the database does not have.
 */
export async function receiveCallEvent(
  db: Db,
  bus: ScreenPopBus,
  input: CallEventInput,
  requestId?: string,
): Promise<CallEventResult> {
  const agentUserId = await db.transaction(async (tx) => {
    if (!(await insertCallEvent(tx, input))) return undefined;
    const agent = input.agentLogin ? await findAgentByLogin(tx, input.agentLogin) : null;
    const orgUnitId = agent?.orgUnitId ?? (await companyOrgUnitId(tx));
    await upsertCallRecord(tx, { ...input, agentUserId: agent?.userId ?? null, orgUnitId });
    await writeAudit(tx, {
      actor: null,
      action: `call.${input.event}`,
      entity: 'call_record',
      entityId: input.callId,
      orgUnitId,
      after: input,
      requestId,
    });
    return agent?.userId ?? null;
  });
  if (agentUserId === undefined) return { callId: input.callId, duplicate: true, notifiedAgent: false };
  if (agentUserId !== null) {
    await bus.publish({
      userId: agentUserId,
      callId: input.callId,
      event: input.event,
      at: input.at,
      callerNumber: input.callerNumber,
      calledNumber: input.calledNumber,
      queue: input.queue ?? null,
    });
  }
  return { callId: input.callId, duplicate: false, notifiedAgent: agentUserId !== null };
}

const DAY_MS = 86_400_000;

/** A date is a business day in Asia/Shanghai (UTC+8 all year); `to` as a date includes that whole day. */
function instantOf(value: string, end: boolean): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const start = new Date(`${value}T00:00:00+08:00`);
    return end ? new Date(start.getTime() + DAY_MS) : start;
  }
  return new Date(value);
}

export async function answerRateReport(ctx: RequestContext, q: AnswerRateQuery): Promise<AnswerRateResult> {
  requirePermission(ctx.user, 'report:read');
  const from = instantOf(q.from, false);
  const to = instantOf(q.to, true);
  if (to.getTime() <= from.getTime()) throw invalid('querystring.to', msg('telephony.range'));
  let orgUnitIds = ctx.user.scopeOrgIds;
  if (q.orgUnitId !== undefined) {
    if (!ctx.user.scopeOrgIds.includes(q.orgUnitId)) throw notFound();
    const subtree = new Set(await subtreeOrgIds(ctx.db, q.orgUnitId));
    orgUnitIds = orgUnitIds.filter((id) => subtree.has(id));
  }
  const seconds = q.withinSeconds ?? DEFAULT_ANSWER_WITHIN_SECONDS;
  const r = await answerRateCounts(ctx.db, { from, to, orgUnitIds, seconds });
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    withinSeconds: seconds,
    offered: r.offered,
    answered: r.answered,
    answeredInTime: r.answered_in_time,
    abandoned: r.abandoned,
    rate: r.rate,
  };
}
