// Call records and raw call events from the telephony system, and the answer-rate figures.
import type { CallEventInput } from '@gridcare/contracts';
import type { Db } from '../../platform/db/db';

/** Logs the raw event; false when this (callId, event) was received before. */
export async function insertCallEvent(db: Db, e: CallEventInput): Promise<boolean> {
  const r = await db.query(
    `INSERT INTO call_events(call_id, event, at, payload) VALUES ($1,$2,$3,$4)
     ON CONFLICT (call_id, event) DO NOTHING RETURNING id`,
    [e.callId, e.event, e.at, JSON.stringify(e)],
  );
  return r.rowCount > 0;
}

/** The active user behind a seat login and the unit he answers for (his agent role's unit first). */
export async function findAgentByLogin(
  db: Db,
  login: string,
): Promise<{ userId: number; orgUnitId: number | null } | null> {
  const r = await db.query<{ id: number; org_unit_id: number | null }>(
    `SELECT u.id, ur.org_unit_id FROM users u LEFT JOIN user_roles ur ON ur.user_id = u.id
      WHERE u.username = $1 AND u.active
      ORDER BY (ur.role = 'cs_agent') DESC NULLS LAST, ur.org_unit_id LIMIT 1`,
    [login],
  );
  const row = r.rows[0];
  return row ? { userId: row.id, orgUnitId: row.org_unit_id } : null;
}

/** The company (root) unit: calls that reached no agent belong to the service centre as a whole. */
export async function companyOrgUnitId(db: Db): Promise<number> {
  const r = await db.query<{ id: number }>(
    `SELECT id FROM org_units WHERE parent_id IS NULL ORDER BY id LIMIT 1`,
  );
  if (!r.rows[0]) throw new Error('no organisation: seed the company first');
  return r.rows[0].id;
}

/**
 * Creates or completes the call's row. Each event's time is written once (the event log above keeps
 * retries out); the agent is the latest one reported, and the call belongs to that agent's unit.
 */
export async function upsertCallRecord(
  db: Db,
  e: CallEventInput & { agentUserId: number | null; orgUnitId: number },
): Promise<void> {
  await db.query(
    `INSERT INTO call_records(call_id, caller_number, called_number, queue, agent_login, agent_user_id,
                              org_unit_id, ringing_at, answered_at, abandoned_at, ended_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,
             CASE WHEN $8 = 'ringing' THEN $9::timestamptz END,
             CASE WHEN $8 = 'answered' THEN $9::timestamptz END,
             CASE WHEN $8 = 'abandoned' THEN $9::timestamptz END,
             CASE WHEN $8 = 'ended' THEN $9::timestamptz END)
     ON CONFLICT (call_id) DO UPDATE SET
       queue = coalesce(EXCLUDED.queue, call_records.queue),
       agent_login = coalesce(EXCLUDED.agent_login, call_records.agent_login),
       agent_user_id = coalesce(EXCLUDED.agent_user_id, call_records.agent_user_id),
       org_unit_id = CASE WHEN EXCLUDED.agent_user_id IS NOT NULL THEN EXCLUDED.org_unit_id
                          ELSE call_records.org_unit_id END,
       ringing_at = coalesce(call_records.ringing_at, EXCLUDED.ringing_at),
       answered_at = coalesce(call_records.answered_at, EXCLUDED.answered_at),
       abandoned_at = coalesce(call_records.abandoned_at, EXCLUDED.abandoned_at),
       ended_at = coalesce(call_records.ended_at, EXCLUDED.ended_at),
       updated_at = now()`,
    [
      e.callId,
      e.callerNumber,
      e.calledNumber,
      e.queue ?? null,
      e.agentLogin ?? null,
      e.agentUserId,
      e.orgUnitId,
      e.event,
      e.at,
    ],
  );
}

export interface AnswerRateRow {
  offered: number;
  answered: number;
  answered_in_time: number;
  abandoned: number;
  rate: number | null;
}

/**
 * The answer-rate figures of the calls that rang in [from, to) in the given units — the rule of
 * answerRate() in packages/domain: offered = rang; in time = answered at most `seconds` after ringing;
 * abandoned = hung up unanswered; rate = in time / offered (null without calls).
 */
export async function answerRateCounts(
  db: Db,
  q: { from: Date; to: Date; orgUnitIds: number[]; seconds: number },
): Promise<AnswerRateRow> {
  const r = await db.query<AnswerRateRow>(
    `SELECT count(*)::int AS offered,
            count(answered_at)::int AS answered,
            count(*) FILTER (WHERE answered_at - ringing_at <= $4::int * interval '1 second')::int AS answered_in_time,
            count(*) FILTER (WHERE answered_at IS NULL AND abandoned_at IS NOT NULL)::int AS abandoned,
            (count(*) FILTER (WHERE answered_at - ringing_at <= $4::int * interval '1 second'))::float8
              / nullif(count(*), 0) AS rate
       FROM call_records
      WHERE ringing_at >= $1 AND ringing_at < $2 AND org_unit_id = ANY($3::bigint[])`,
    [q.from.toISOString(), q.to.toISOString(), q.orgUnitIds, q.seconds],
  );
  return r.rows[0];
}

/** The unit and every unit below it. */
export async function subtreeOrgIds(db: Db, orgUnitId: number): Promise<number[]> {
  const r = await db.query<{ id: number }>(
    `SELECT o.id FROM org_units o JOIN org_units t ON o.path LIKE t.path || '%' WHERE t.id = $1`,
    [orgUnitId],
  );
  return r.rows.map((x) => Number(x.id));
}
