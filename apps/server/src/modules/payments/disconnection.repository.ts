// 欠费停电 disconnection cases (domain.md §10). The timed steps are set-wise statements the jobs run.
import { reconnectionDueAt } from '@gridcare/domain';
import type { Db } from '../../platform/db/db';

export interface DisconnectionRow {
  id: number;
  case_no: string;
  account_id: number;
  account_no: string;
  customer_name: string;
  customer_id: number;
  org_unit_id: number;
  arrears_fen: number;
  status: string;
  planned_at: string;
  notice_sent_at: string | null;
  remind_at: string | null;
  reminded_at: string | null;
  disconnected_at: string | null;
  paid_at: string | null;
  reconnect_due_at: string | null;
  reconnected_at: string | null;
  version: number;
}

export const CASE_COLUMNS = `d.id, d.case_no, d.account_id, a.account_no, c.name AS customer_name, d.customer_id,
  d.org_unit_id, d.arrears_fen, d.status, d.planned_at, d.notice_sent_at, d.remind_at, d.reminded_at,
  d.disconnected_at, d.paid_at, d.reconnect_due_at, d.reconnected_at, d.version`;
export const CASE_FROM = `disconnection_cases d JOIN accounts a ON a.id = d.account_id JOIN customers c ON c.id = d.customer_id`;

/**
 * A payment on an account with an open case: once nothing is owed, a case not yet carried out is
 * cancelled, and a disconnected supply gets its reconnection due within 24 hours of the payment.
 */
export async function onAccountPaid(db: Db, accountId: number, opts: { now: Date; fullyPaid: boolean }) {
  if (!opts.fullyPaid) return;
  await db.query(
    `UPDATE disconnection_cases SET
        status = CASE WHEN status = 'disconnected' THEN 'reconnect_pending' ELSE 'cancelled' END,
        paid_at = $2::timestamptz,
        reconnect_due_at = CASE WHEN status = 'disconnected' THEN $3::timestamptz ELSE NULL END,
        version = version + 1, updated_at = now()
      WHERE account_id = $1 AND status IN ('created','notice_sent','reminded','disconnected')`,
    [accountId, opts.now.toISOString(), reconnectionDueAt(opts.now).toISOString()],
  );
}

export async function findCase(db: Db, id: number): Promise<DisconnectionRow | null> {
  const r = await db.query<DisconnectionRow>(`SELECT ${CASE_COLUMNS} FROM ${CASE_FROM} WHERE d.id = $1`, [
    id,
  ]);
  return r.rows[0] ?? null;
}
