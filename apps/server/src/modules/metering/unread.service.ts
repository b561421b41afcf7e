// 6 consecutive months without an actual read (domain.md §8): the customer is notified that supply will
// be terminated and the reader's supervisor gets a task. Runs daily (jobs/unread-check.job.ts); flagging
// is idempotent — one open task per account, and the notification's dedupe key is the task.
import { TERMINATION_NOTICE_UNREAD_MONTHS, addPeriodMonths } from '@gridcare/domain';
import type { Db } from '../../platform/db/db';
import { DomainError } from '../../platform/http/errors';
import { enqueueNotification } from '../notifications/notifications.outbox';

/** The last closed reading period at `now` (the previous calendar month in Asia/Shanghai). */
export function lastClosedPeriod(now: Date): string {
  const local = new Date(now.getTime() + 8 * 3600_000);
  const period = `${local.getUTCFullYear()}-${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
  return addPeriodMonths(period, -1);
}

interface NewTask {
  id: number;
  account_id: number;
  account_no: string;
  customer_id: number;
  org_unit_id: number;
  unread_months: number;
  mobile: string | null;
  email: string | null;
}

/**
 * Flags accounts estimated in `period` whose last actual read is `TERMINATION_NOTICE_UNREAD_MONTHS` or
 * more periods back (or that were never read and exist that long), and notifies each newly flagged one.
 */
export async function flagUnreadAccounts(
  db: Db,
  opts: { period: string; today: string },
): Promise<{ flagged: number; notified: number }> {
  const threshold = TERMINATION_NOTICE_UNREAD_MONTHS;
  const since = addPeriodMonths(opts.period, -(threshold - 1));
  return db.transaction(async (tx) => {
    const r = await tx.query<NewTask>(
      `WITH cand AS (
         SELECT DISTINCT e.account_id FROM meter_readings e
          WHERE e.period = $1 AND e.status = 'estimated' AND e.register = 'active_total'),
       last AS (
         SELECT c.account_id,
                (SELECT max(r.period) FROM meter_readings r WHERE r.account_id = c.account_id
                   AND r.source <> 'estimated' AND r.status IN ('valid','exception')) AS last_actual
           FROM cand c),
       due AS (
         SELECT a.id AS account_id, a.customer_id, a.org_unit_id, a.account_no, a.reading_book, l.last_actual,
                CASE WHEN l.last_actual IS NULL
                     THEN (extract(year FROM age(to_date($1, 'YYYY-MM'), date_trunc('month', a.created_at)::date)) * 12
                           + extract(month FROM age(to_date($1, 'YYYY-MM'), date_trunc('month', a.created_at)::date)))::int + 1
                     ELSE ((substr($1,1,4)::int - substr(l.last_actual,1,4)::int) * 12
                           + substr($1,6,2)::int - substr(l.last_actual,6,2)::int) END AS months
           FROM last l JOIN accounts a ON a.id = l.account_id
          WHERE a.status IN ('active','suspended','reduced') AND (l.last_actual IS NULL OR l.last_actual < $2)),
       ins AS (
         INSERT INTO metering_unread_tasks(account_id, customer_id, org_unit_id, reading_book, assignee_user_id,
                                           last_actual_period, unread_months, flagged_on)
         SELECT d.account_id, d.customer_id, d.org_unit_id, d.reading_book, b.supervisor_user_id, d.last_actual,
                d.months, $4::date
           FROM due d LEFT JOIN reading_books b ON b.code = d.reading_book
          WHERE d.months >= $3
         ON CONFLICT (account_id) WHERE status = 'open' DO NOTHING
         RETURNING id, account_id, customer_id, org_unit_id, unread_months)
       SELECT ins.*, a.account_no, c.mobile, c.email
         FROM ins JOIN accounts a ON a.id = ins.account_id
         LEFT JOIN LATERAL (SELECT k.mobile, k.email FROM contacts k WHERE k.customer_id = ins.customer_id
                             ORDER BY k.is_primary DESC, k.id LIMIT 1) c ON true`,
      [opts.period, since, threshold, opts.today],
    );
    let notified = 0;
    for (const t of r.rows) {
      try {
        // A savepoint: a refused message must not abort the flagging transaction.
        await tx.transaction((sp) =>
          enqueueNotification(sp, {
            event: 'metering.termination_notice',
            recipient: {
              customerId: t.customer_id,
              mobile: t.mobile,
              email: t.email,
              portalAccountNo: t.account_no,
            },
            variables: { accountNo: t.account_no, months: t.unread_months },
            orgUnitId: t.org_unit_id,
            entityType: 'metering_unread_task',
            entityId: t.id,
            dedupeKey: `metering.unread:${t.id}`,
          }),
        );
        await tx.query(`UPDATE metering_unread_tasks SET notified = true WHERE id = $1`, [t.id]);
        notified++;
      } catch (e) {
        // No usable address: the task stays un-notified for the supervisor to follow up in person.
        if (!(e instanceof DomainError)) throw e;
      }
    }
    return { flagged: r.rows.length, notified };
  });
}
