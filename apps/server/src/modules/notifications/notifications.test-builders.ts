// Test data and helpers for the notification suites.
import type { Db } from '../../platform/db/db';
import { insertTestCustomer } from '../account-managers/account-managers.test-builders';
import type { EnqueueNotification } from './notifications.outbox';
import type { OutboxRow } from './outbox.repository';

export { insertTestCustomer };

/** A contact of a customer, written straight into the archive table. */
export async function insertTestContact(db: Db, customerId: number, mobile = '13800138000'): Promise<number> {
  const r = await db.query<{ id: number }>(
    `INSERT INTO contacts(customer_id, org_unit_id, name, mobile)
     SELECT id, org_unit_id, '联系人', $2 FROM customers WHERE id = $1 RETURNING id`,
    [customerId, mobile],
  );
  return r.rows[0].id;
}

let seq = 0;

/** A 'workorder.accepted' notice to a customer, with every variable its templates use. */
export function acceptedNotice(over: Partial<EnqueueNotification> = {}): EnqueueNotification {
  seq++;
  return {
    event: 'workorder.accepted',
    recipient: { mobile: '13800138000', email: 'zhang.san@example.com', ...(over.recipient ?? {}) },
    variables: { orderNo: `GD2026112300${seq}`, orderType: '故障报修', customerName: '张三' },
    orgUnitId: null,
    entityType: 'work_order',
    entityId: seq,
    ...over,
  };
}

export async function outboxRows(db: Db, ids: number[]): Promise<OutboxRow[]> {
  const r = await db.query<OutboxRow>(
    `SELECT * FROM notification_outbox WHERE id = ANY($1::bigint[]) ORDER BY id`,
    [ids],
  );
  return r.rows;
}

export async function outboxCount(db: Db): Promise<number> {
  const r = await db.query<{ n: number }>(`SELECT count(*) AS n FROM notification_outbox`);
  return r.rows[0].n;
}

/** Marks every message still waiting as settled, so a test's worker run sees only its own messages. */
export async function settleOutbox(db: Db): Promise<void> {
  await db.query(
    `UPDATE notification_outbox SET status = 'sent', next_attempt_at = NULL WHERE status IN ('pending','failed','sending')`,
  );
}

export const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000);
