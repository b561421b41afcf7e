// 欠费停电 workflow (domain.md §10): a case is created with its planned time and the written notice goes
// out at once (the plan must lie 3–7 days after it); a job sends the reminder 30 minutes before; staff
// record the disconnection; a payment that clears the arrears cancels an open case or, after the
// disconnection, sets the reconnection due within 24 hours; staff record the reconnection.
import type { DisconnectionCase } from '@gridcare/contracts';
import {
  businessDateShanghai,
  disconnectionPlanProblem,
  disconnectionReminderAt,
  nextDisconnectionStatus,
  type DisconnectionAction,
  type DisconnectionStatus,
} from '@gridcare/domain';
import type { Db } from '../../platform/db/db';
import { inScope, requirePermission, type RequestContext } from '../../platform/auth/context';
import { DomainError, notFound, versionConflict } from '../../platform/http/errors';
import { appendTimeline } from '../../platform/timeline';
import { enqueueNotification } from '../notifications/notifications.outbox';
import { accountRecipient, shanghaiTime } from './customer-contact';
import { CASE_COLUMNS, CASE_FROM, findCase, type DisconnectionRow } from './disconnection.repository';
import { openBills } from './payments.repository';
import { scopedAccount } from './payments.service';
import { yuan } from './posting.service';

export const caseView = (r: DisconnectionRow): DisconnectionCase => ({
  id: r.id,
  caseNo: r.case_no,
  accountId: r.account_id,
  accountNo: r.account_no,
  customerName: r.customer_name,
  orgUnitId: r.org_unit_id,
  arrearsFen: r.arrears_fen,
  status: r.status as DisconnectionCase['status'],
  plannedAt: r.planned_at,
  noticeSentAt: r.notice_sent_at,
  remindAt: r.remind_at,
  remindedAt: r.reminded_at,
  disconnectedAt: r.disconnected_at,
  paidAt: r.paid_at,
  reconnectDueAt: r.reconnect_due_at,
  reconnectedAt: r.reconnected_at,
  version: r.version,
});

export async function createDisconnectionCase(
  ctx: RequestContext,
  tx: Db,
  body: { accountId: number; plannedAt: string; note?: string },
): Promise<DisconnectionCase> {
  requirePermission(ctx.user, 'payment:post');
  const account = await scopedAccount(ctx, tx, body.accountId);
  const plannedAt = new Date(body.plannedAt);
  const problem = disconnectionPlanProblem(ctx.now, plannedAt);
  if (problem)
    throw new DomainError('validation', [
      { path: 'plannedAt', message: `msg:payment.disconnection_${problem}` },
    ]);
  const asOf = businessDateShanghai(ctx.now);
  const overdue = (await openBills(tx, account.id)).filter((b) => b.due_date < asOf);
  const arrearsFen = overdue.reduce((s, b) => s + b.total_fen - b.paid_fen, 0);
  if (arrearsFen <= 0)
    throw new DomainError('validation', [{ path: 'accountId', message: 'msg:payment.no_arrears' }]);
  const open = await tx.query(
    `SELECT 1 FROM disconnection_cases WHERE account_id = $1 AND status NOT IN ('reconnected','cancelled')`,
    [account.id],
  );
  if (open.rowCount > 0)
    throw new DomainError('conflict', [{ path: 'accountId', message: 'msg:payment.case_open' }]);
  const r = await tx.query<{ id: number }>(
    `INSERT INTO disconnection_cases(case_no, account_id, customer_id, org_unit_id, arrears_fen, status, planned_at,
                                     notice_sent_at, remind_at, note, created_by)
     VALUES ('TD' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || lpad(nextval('disconnection_case_seq')::text, 5, '0'),
             $1,$2,$3,$4,'notice_sent',$5,$6,$7,$8,$9) RETURNING id`,
    [
      account.id,
      account.customer_id,
      account.org_unit_id,
      arrearsFen,
      plannedAt.toISOString(),
      ctx.now.toISOString(),
      disconnectionReminderAt(plannedAt).toISOString(),
      body.note ?? null,
      ctx.user.id,
    ],
  );
  const id = r.rows[0].id;
  await enqueueNotification(
    tx,
    {
      event: 'payment.disconnection_notice',
      recipient: await accountRecipient(tx, account.id),
      variables: {
        accountNo: account.account_no,
        amount: yuan(arrearsFen),
        plannedAt: shanghaiTime(plannedAt),
      },
      orgUnitId: account.org_unit_id,
      entityType: 'disconnection_case',
      entityId: id,
      dedupeKey: `disconnection-notice:${id}`,
    },
    { now: ctx.now },
  );
  await appendTimeline(tx, {
    customerId: account.customer_id,
    orgUnitId: account.org_unit_id,
    kind: 'disconnection',
    title: `欠费停电通知已送达：欠费 ${yuan(arrearsFen)} 元，计划停电 ${shanghaiTime(plannedAt)}`,
    actor: { id: ctx.user.id, name: ctx.user.displayName },
    refEntity: 'disconnection_case',
    refId: id,
    at: ctx.now,
  });
  return caseView((await findCase(tx, id))!);
}

export async function actOnDisconnectionCase(
  ctx: RequestContext,
  tx: Db,
  id: number,
  body: { action: 'disconnect' | 'reconnect' | 'cancel'; version: number },
): Promise<DisconnectionCase> {
  requirePermission(ctx.user, 'payment:post');
  const row = await findCase(tx, id);
  if (!row || !inScope(ctx.user, row.org_unit_id)) throw notFound();
  if (row.version !== body.version) throw versionConflict();
  const next = nextDisconnectionStatus(row.status as DisconnectionStatus, body.action as DisconnectionAction);
  if (!next) throw new DomainError('invalid_state');
  // Supply may not be cut before the time the notice announced.
  if (body.action === 'disconnect' && ctx.now < new Date(row.planned_at))
    throw new DomainError('invalid_state');
  const column = { disconnect: 'disconnected_at', reconnect: 'reconnected_at', cancel: null }[body.action];
  const u = await tx.query(
    `UPDATE disconnection_cases SET status = $2, ${column ? `${column} = $4::timestamptz,` : ''}
            version = version + 1, updated_at = now() WHERE id = $1 AND version = $3`,
    column ? [id, next, body.version, ctx.now.toISOString()] : [id, next, body.version],
  );
  if (u.rowCount === 0) throw versionConflict();
  const titles = { disconnect: '已欠费停电', reconnect: '已恢复供电', cancel: '停电工单已撤销' };
  await appendTimeline(tx, {
    customerId: row.customer_id,
    orgUnitId: row.org_unit_id,
    kind: 'disconnection',
    title: `${titles[body.action]}（${row.case_no}）`,
    actor: { id: ctx.user.id, name: ctx.user.displayName },
    refEntity: 'disconnection_case',
    refId: id,
    at: ctx.now,
  });
  return caseView((await findCase(tx, id))!);
}

export async function listDisconnectionCases(
  ctx: RequestContext,
  q: { page: number; pageSize: number; status?: string },
) {
  requirePermission(ctx.user, 'billing:read');
  const params: unknown[] = [ctx.user.scopeOrgIds];
  let filter = 'd.org_unit_id = ANY($1::bigint[])';
  if (q.status) {
    params.push(q.status);
    filter += ' AND d.status = $2';
  }
  const total = await ctx.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM disconnection_cases d WHERE ${filter}`,
    params,
  );
  params.push(q.pageSize, (q.page - 1) * q.pageSize);
  const r = await ctx.db.query<DisconnectionRow>(
    `SELECT ${CASE_COLUMNS} FROM ${CASE_FROM} WHERE ${filter} ORDER BY d.created_at DESC, d.id DESC
      LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return { items: r.rows.map(caseView), page: q.page, pageSize: q.pageSize, total: total.rows[0].n };
}

/** The 30-minute reminder of every case whose reminder time has come (job, every minute). */
export async function sendDueDisconnectionReminders(db: Db, now = new Date()): Promise<number> {
  const due = await db.query<{
    id: number;
    account_id: number;
    account_no: string;
    org_unit_id: number;
    planned_at: string;
  }>(
    `SELECT d.id, d.account_id, a.account_no, d.org_unit_id, d.planned_at
       FROM disconnection_cases d JOIN accounts a ON a.id = d.account_id
      WHERE d.status = 'notice_sent' AND d.remind_at <= $1 ORDER BY d.remind_at LIMIT 200`,
    [now.toISOString()],
  );
  let sent = 0;
  for (const c of due.rows) {
    await db.transaction(async (tx) => {
      const u = await tx.query(
        `UPDATE disconnection_cases SET status = 'reminded', reminded_at = $2, version = version + 1, updated_at = now()
          WHERE id = $1 AND status = 'notice_sent'`,
        [c.id, now.toISOString()],
      );
      if (u.rowCount === 0) return;
      await enqueueNotification(
        tx,
        {
          event: 'payment.disconnection_reminder',
          recipient: await accountRecipient(tx, c.account_id),
          variables: { accountNo: c.account_no, plannedAt: shanghaiTime(c.planned_at) },
          orgUnitId: c.org_unit_id,
          entityType: 'disconnection_case',
          entityId: c.id,
          safetyCritical: true,
          dedupeKey: `disconnection-reminder:${c.id}`,
        },
        { now },
      );
      sent++;
    });
  }
  return sent;
}
