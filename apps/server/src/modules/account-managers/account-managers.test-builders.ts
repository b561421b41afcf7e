// Test data for the account-manager suites: customers and plans written straight into the tables, so
// these tests do not depend on the customers module being built at the same time.
import type { CustomerClass, ImportanceTier } from '@gridcare/domain';
import { visitDueDate } from '@gridcare/domain';
import type { Db } from '../../platform/db/db';

export interface TestCustomerSpec {
  orgUnitId: number;
  name?: string;
  customerClass?: CustomerClass;
  importanceTier?: ImportanceTier;
  vip?: boolean;
  industryCode?: string;
  managerId?: number | null;
  status?: 'active' | 'inactive';
}

let counter = 0;

export async function insertTestCustomer(db: Db, spec: TestCustomerSpec): Promise<number> {
  counter++;
  const name = spec.name ?? `测试客户${counter}`;
  const r = await db.query<{ id: number }>(
    `WITH n AS (SELECT 'C' || nextval('customer_no_seq') AS no)
     INSERT INTO customers(org_unit_id, customer_no, name, kind, customer_class, importance_tier, vip,
                           industry_code, account_manager_id, status, search_text)
     SELECT $1, n.no, $2, $3, $4, $5, $6, $7, $8, $9, lower($2 || ' ' || n.no) FROM n
     RETURNING id`,
    [
      spec.orgUnitId,
      name,
      spec.customerClass === 'residential' || spec.customerClass === undefined ? 'person' : 'organisation',
      spec.customerClass ?? 'residential',
      spec.importanceTier ?? 'residential',
      spec.vip ?? false,
      spec.industryCode ?? null,
      spec.managerId ?? null,
      spec.status ?? 'active',
    ],
  );
  return r.rows[0].id;
}

/** A plan row as an earlier month's generation would have left it. */
export async function insertTestPlan(
  db: Db,
  p: { customerId: number; managerId: number; period: string; status?: 'planned' | 'done' | 'cancelled' },
): Promise<number> {
  const r = await db.query<{ id: number }>(
    `INSERT INTO visit_plans(customer_id, org_unit_id, manager_id, period, due_date, status)
     SELECT c.id, c.org_unit_id, $2, $3, $4::date, $5 FROM customers c WHERE c.id = $1
     RETURNING id`,
    [p.customerId, p.managerId, p.period, visitDueDate(p.period), p.status ?? 'planned'],
  );
  return r.rows[0].id;
}

/** `period` moved by `months` (negative: earlier). */
export function shiftPeriod(period: string, months: number): string {
  const [y, m] = period.split('-').map(Number);
  const idx = y * 12 + (m - 1) + months;
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
}
