// 欠费 arrears list (org scope, ageing buckets, late fee to date), 电费回收率 collection rate by org unit
// and period, and the account managers' reminder list (颗粒归仓: every month's charges collected in full).
import type {
  ArrearsPage,
  ArrearsQuery,
  ArrearsRow,
  CollectionRateQuery,
  CollectionRateReport,
} from '@gridcare/contracts';
import {
  ageingBucket,
  businessDateShanghai,
  collectionRate,
  daysBetweenDates,
  lateFeeDue,
  type AgeingBucket,
  AGEING_BUCKETS,
} from '@gridcare/domain';
import { hasRole, requirePermission, type RequestContext } from '../../platform/auth/context';
import { openBills, toOpenBill } from './payments.repository';

interface ArrearsDbRow {
  account_id: number;
  account_no: string;
  customer_id: number;
  customer_name: string;
  org_unit_id: number;
  org_unit_name: string;
  tariff_category: string;
  bills: number;
  principal_fen: number;
  oldest_due: string;
}

// Day limits of the ageing buckets as SQL over the oldest due date: (lower days overdue, upper).
const BUCKET_DAYS: Record<AgeingBucket, [number, number]> = {
  not_due: [-100_000, 0],
  d1_30: [1, 30],
  d31_90: [31, 90],
  d91_180: [91, 180],
  d181_365: [181, 365],
  over_365: [366, 1_000_000],
};

export async function arrearsList(ctx: RequestContext, q: ArrearsQuery): Promise<ArrearsPage> {
  requirePermission(ctx.user, 'billing:read');
  const asOf = businessDateShanghai(ctx.now);
  const params: unknown[] = [ctx.user.scopeOrgIds, asOf];
  const where = [`b.status IN ('issued','partially_paid')`, `b.org_unit_id = ANY($1::bigint[])`];
  if (q.orgUnitId) {
    params.push(q.orgUnitId);
    where.push(
      `b.org_unit_id IN (SELECT id FROM org_units WHERE path LIKE (SELECT path FROM org_units WHERE id = $${params.length}) || '%')`,
    );
  }
  if (q.q) {
    params.push(q.q);
    where.push(`a.account_no = $${params.length}`);
  }
  const grouped = `SELECT b.account_id, min(b.due_date) AS oldest_due, count(*)::int AS bills,
                          sum(b.total_fen - b.paid_fen)::bigint AS principal_fen
                     FROM bills b JOIN accounts a ON a.id = b.account_id
                    WHERE ${where.join(' AND ')} GROUP BY b.account_id`;
  const summary = await ctx.db.query<{ bucket: AgeingBucket; accounts: number; principal_fen: number }>(
    `SELECT CASE ${AGEING_BUCKETS.map((k) => `WHEN ($2::date - g.oldest_due) BETWEEN ${BUCKET_DAYS[k][0]} AND ${BUCKET_DAYS[k][1]} THEN '${k}'`).join(' ')} END AS bucket,
            count(*)::int AS accounts, COALESCE(sum(g.principal_fen), 0)::bigint AS principal_fen
       FROM (${grouped}) g GROUP BY 1`,
    params,
  );
  const bucketFilter = q.bucket
    ? `WHERE ($2::date - g.oldest_due) BETWEEN ${BUCKET_DAYS[q.bucket as AgeingBucket][0]} AND ${BUCKET_DAYS[q.bucket as AgeingBucket][1]}`
    : '';
  const pageParams = [...params, q.pageSize, (q.page - 1) * q.pageSize];
  const rows = await ctx.db.query<ArrearsDbRow>(
    `SELECT g.account_id, a.account_no, a.customer_id, c.name AS customer_name, a.org_unit_id, o.name AS org_unit_name,
            a.tariff_category, g.bills, g.principal_fen, g.oldest_due, ($2::date - g.oldest_due) AS days_overdue
       FROM (${grouped}) g JOIN accounts a ON a.id = g.account_id JOIN customers c ON c.id = a.customer_id
       JOIN org_units o ON o.id = a.org_unit_id
       ${bucketFilter}
      ORDER BY g.oldest_due, g.principal_fen DESC, g.account_id
      LIMIT $${pageParams.length - 1} OFFSET $${pageParams.length}`,
    pageParams,
  );
  const total = summary.rows
    .filter((s) => !q.bucket || s.bucket === q.bucket)
    .reduce((n, s) => n + s.accounts, 0);
  const items: ArrearsRow[] = [];
  for (const r of rows.rows) {
    // The late fee to date needs each bill's own due date and settled days: computed for this page only.
    const bills = await openBills(ctx.db, r.account_id);
    const lateFeeFen = bills.reduce((s, b) => s + lateFeeDue(toOpenBill(b), asOf).fen, 0);
    const daysOverdue = Math.max(0, daysBetweenDates(r.oldest_due, asOf));
    items.push({
      accountId: r.account_id,
      accountNo: r.account_no,
      customerId: r.customer_id,
      customerName: r.customer_name,
      orgUnitId: r.org_unit_id,
      orgUnitName: r.org_unit_name,
      tariffCategory: r.tariff_category,
      bills: r.bills,
      principalFen: r.principal_fen,
      lateFeeFen,
      oldestDueDate: r.oldest_due,
      daysOverdue,
      bucket: ageingBucket(daysOverdue),
    });
  }
  return {
    items,
    page: q.page,
    pageSize: q.pageSize,
    total,
    asOf,
    buckets: AGEING_BUCKETS.map((bucket) => {
      const s = summary.rows.find((x) => x.bucket === bucket);
      return { bucket, accounts: s?.accounts ?? 0, principalFen: s?.principal_fen ?? 0 };
    }),
  };
}

export async function collectionRateReport(
  ctx: RequestContext,
  q: CollectionRateQuery,
): Promise<CollectionRateReport> {
  requirePermission(ctx.user, 'billing:read');
  const params: unknown[] = [ctx.user.scopeOrgIds, q.from, q.to];
  let unitFilter = '';
  if (q.orgUnitId) {
    params.push(q.orgUnitId);
    unitFilter = `AND b.org_unit_id IN (SELECT id FROM org_units WHERE path LIKE (SELECT path FROM org_units WHERE id = $4) || '%')`;
  }
  const r = await ctx.db.query<{
    org_unit_id: number;
    org_unit_name: string;
    period: string;
    bills: number;
    billed: number;
    collected: number;
  }>(
    `SELECT b.org_unit_id, o.name AS org_unit_name, b.period, count(*)::int AS bills,
            sum(b.total_fen)::bigint AS billed, sum(b.paid_fen)::bigint AS collected
       FROM bills b JOIN org_units o ON o.id = b.org_unit_id
      WHERE b.status NOT IN ('superseded','cancelled') AND b.org_unit_id = ANY($1::bigint[])
        AND b.period BETWEEN $2 AND $3 ${unitFilter}
      GROUP BY b.org_unit_id, o.name, b.period ORDER BY b.period, o.name`,
    params,
  );
  const rows = r.rows.map((x) => ({
    orgUnitId: x.org_unit_id,
    orgUnitName: x.org_unit_name,
    period: x.period,
    bills: x.bills,
    billedFen: x.billed,
    collectedFen: x.collected,
    rate: collectionRate(x.billed, x.collected),
  }));
  const billedFen = rows.reduce((s, x) => s + x.billedFen, 0);
  const collectedFen = rows.reduce((s, x) => s + x.collectedFen, 0);
  return {
    rows,
    total: {
      orgUnitName: '合计',
      bills: rows.reduce((s, x) => s + x.bills, 0),
      billedFen,
      collectedFen,
      rate: collectionRate(billedFen, collectedFen),
    },
  };
}

/**
 * Unpaid bills of the customers an account manager looks after, due within `days` (or overdue): the list
 * the manager works through before each collection date. A manager sees their own customers; others
 * with billing:read see every managed customer in their scope.
 */
export async function managerReminders(ctx: RequestContext, days = 7) {
  requirePermission(ctx.user, 'billing:read');
  const asOf = businessDateShanghai(ctx.now);
  const own = hasRole(ctx.user, 'account_manager');
  const r = await ctx.db.query<{
    customer_id: number;
    customer_name: string;
    account_id: number;
    account_no: string;
    bill_id: number;
    bill_no: string;
    period: string;
    due_date: string;
    outstanding: number;
    manager_name: string | null;
  }>(
    `SELECT c.id AS customer_id, c.name AS customer_name, a.id AS account_id, a.account_no, b.id AS bill_id, b.bill_no,
            b.period, b.due_date, (b.total_fen - b.paid_fen)::bigint AS outstanding, u.display_name AS manager_name
       FROM bills b JOIN accounts a ON a.id = b.account_id JOIN customers c ON c.id = b.customer_id
       JOIN users u ON u.id = c.account_manager_id
      WHERE b.status IN ('issued','partially_paid') AND b.org_unit_id = ANY($1::bigint[])
        AND b.due_date <= $2::date + $3::int ${own ? 'AND c.account_manager_id = $4' : ''}
      ORDER BY b.due_date, c.name, b.id LIMIT 500`,
    own ? [ctx.user.scopeOrgIds, asOf, days, ctx.user.id] : [ctx.user.scopeOrgIds, asOf, days],
  );
  return {
    asOf,
    items: r.rows.map((x) => ({
      customerId: x.customer_id,
      customerName: x.customer_name,
      accountId: x.account_id,
      accountNo: x.account_no,
      billId: x.bill_id,
      billNo: x.bill_no,
      period: x.period,
      dueDate: x.due_date,
      outstandingFen: x.outstanding,
      daysToDue: daysBetweenDates(asOf, x.due_date),
      managerName: x.manager_name,
    })),
  };
}
