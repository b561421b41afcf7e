// Who a payment notice goes to: the customer's registered mobile (when it is one) and the portal inbox of
// the account, so the customer sees it after logging in to 网上营业厅.
import { isValidMobile } from '@gridcare/domain';
import type { Db } from '../../platform/db/db';
import type { NotificationRecipient } from '../notifications/notifications.outbox';

export async function accountRecipient(db: Db, accountId: number): Promise<NotificationRecipient> {
  const r = await db.query<{ customer_id: number; account_no: string; phone: string | null }>(
    `SELECT a.customer_id, a.account_no, c.phone FROM accounts a JOIN customers c ON c.id = a.customer_id WHERE a.id = $1`,
    [accountId],
  );
  const row = r.rows[0];
  return {
    customerId: row.customer_id,
    portalAccountNo: row.account_no,
    mobile: row.phone && isValidMobile(row.phone) ? row.phone : null,
  };
}

export const shanghaiTime = (d: Date | string) =>
  new Date(d).toLocaleString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour12: false,
    dateStyle: 'short',
    timeStyle: 'short',
  });
