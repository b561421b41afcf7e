// The daily collection jobs: due-date reminders (default 3 days before the due date, once per bill) and
// applying prepaid balances to bills issued since (after each bill run, and nightly).
import {
  addDaysToDate,
  applyPrepaidBalance,
  businessDateShanghai,
  DEFAULT_REMINDER_DAYS_BEFORE,
} from '@gridcare/domain';
import type { Db } from '../../platform/db/db';
import { enqueueNotification } from '../notifications/notifications.outbox';
import { accountRecipient } from './customer-contact';
import { findAccount, movePrepaid, openBills, prepaidBalance, toOpenBill } from './payments.repository';
import { postPayment, yuan } from './posting.service';

/**
 * Sends the due-date reminder for every unpaid bill due within `daysBefore` days (and not yet overdue)
 * that has not had one. The reminders row claims the bill first, in the same transaction as the
 * notification, so a bill is reminded once however often the job runs and in however many processes.
 */
export async function sendDueReminders(
  db: Db,
  opts: { now?: Date; daysBefore?: number } = {},
): Promise<{ sent: number }> {
  const now = opts.now ?? new Date();
  const today = businessDateShanghai(now);
  const until = addDaysToDate(today, opts.daysBefore ?? DEFAULT_REMINDER_DAYS_BEFORE);
  let sent = 0;
  for (;;) {
    const batch = await db.query<{
      id: number;
      account_id: number;
      account_no: string;
      org_unit_id: number;
      period: string;
      due_date: string;
      outstanding: number;
    }>(
      `SELECT b.id, b.account_id, a.account_no, b.org_unit_id, b.period, b.due_date,
              (b.total_fen - b.paid_fen)::bigint AS outstanding
         FROM bills b JOIN accounts a ON a.id = b.account_id
        WHERE b.status IN ('issued','partially_paid') AND b.due_date BETWEEN $1::date AND $2::date
          AND NOT EXISTS (SELECT 1 FROM payment_reminders r WHERE r.bill_id = b.id AND r.kind = 'due_soon')
        ORDER BY b.id LIMIT 200`,
      [today, until],
    );
    if (batch.rows.length === 0) break;
    for (const b of batch.rows) {
      await db.transaction(async (tx) => {
        const claim = await tx.query(
          `INSERT INTO payment_reminders(bill_id, kind) VALUES ($1, 'due_soon') ON CONFLICT DO NOTHING`,
          [b.id],
        );
        if (claim.rowCount === 0) return;
        const recipient = await accountRecipient(tx, b.account_id);
        await enqueueNotification(
          tx,
          {
            event: 'payment.due_reminder',
            recipient,
            variables: {
              accountNo: b.account_no,
              period: b.period,
              amount: yuan(b.outstanding),
              dueDate: b.due_date,
            },
            orgUnitId: b.org_unit_id,
            entityType: 'bill',
            entityId: b.id,
          },
          { now },
        );
        sent++;
      });
    }
  }
  return { sent };
}

/** Spends prepaid balances on unpaid bills, oldest first, as a payment of channel 'prepaid'. */
export async function applyPrepaidBalances(db: Db, opts: { now?: Date } = {}): Promise<{ applied: number }> {
  const now = opts.now ?? new Date();
  const payDate = businessDateShanghai(now);
  const candidates = await db.query<{ account_id: number }>(
    `SELECT p.account_id FROM prepaid_balances p
      WHERE p.balance_fen > 0
        AND EXISTS (SELECT 1 FROM bills b WHERE b.account_id = p.account_id AND b.status IN ('issued','partially_paid'))
      ORDER BY p.account_id`,
  );
  let applied = 0;
  for (const { account_id } of candidates.rows) {
    await db.transaction(async (tx) => {
      const balance = await prepaidBalance(tx, account_id, true);
      const bills = await openBills(tx, account_id, true);
      const plan = applyPrepaidBalance({ balanceFen: balance, payDate, bills: bills.map(toOpenBill) });
      if (plan.allocatedFen <= 0) return;
      const account = (await findAccount(tx, account_id))!;
      const { paymentId } = await postPayment(tx, {
        // The balance row's version changes with every movement: one application per balance state.
        reference: `PREPAID-${account_id}-${await balanceVersion(tx, account_id)}`,
        channel: 'prepaid',
        account,
        amountFen: plan.allocatedFen,
        now,
        fromPrepaid: true,
      });
      await movePrepaid(tx, account, { kind: 'apply', amountFen: -plan.allocatedFen, paymentId });
      applied++;
    });
  }
  return { applied };
}

async function balanceVersion(db: Db, accountId: number): Promise<number> {
  const r = await db.query<{ version: number }>(
    `SELECT version FROM prepaid_balances WHERE account_id = $1`,
    [accountId],
  );
  return r.rows[0].version;
}
