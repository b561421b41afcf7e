// Bills (电费账单): the scoped list, one bill with "explain this bill" (each line's quantity × price =
// amount and the rule applied, the readings used, the tariff version), and a customer's history.
import type {
  BillDetail,
  BillLine,
  BillListQuery,
  BillSummary,
  CustomerBillingHistory,
} from '@gridcare/contracts';
import { requirePermission, type RequestContext } from '../../platform/auth/context';
import { notFound } from '../../platform/http/errors';
import * as repo from './bills.repository';
import { unitAndDescendants } from './bill-run.repository';

export function toSummary(r: repo.BillRow): BillSummary {
  return {
    id: r.id,
    billNo: r.bill_no,
    accountId: r.account_id,
    accountNo: r.account_no,
    customerId: r.customer_id,
    customerName: r.customer_name,
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_unit_name,
    period: r.period,
    settlement: r.settlement,
    kind: r.kind,
    tariffCategory: r.tariff_category,
    energyKwh: r.energy_kwh,
    estimated: r.estimated,
    totalFen: Number(r.total_fen),
    paidFen: Number(r.paid_fen),
    status: r.status,
    dueDate: r.due_date,
    issuedAt: r.issued_at,
  };
}

export async function listBills(ctx: RequestContext, q: BillListQuery) {
  requirePermission(ctx.user, 'billing:read');
  const orgUnitIds = q.orgUnitId ? await unitAndDescendants(ctx.db, q.orgUnitId) : undefined;
  const { rows, total, capped } = await repo.listBills(
    ctx.db,
    {
      scopeOrgIds: ctx.user.scopeOrgIds,
      orgUnitIds,
      period: q.period,
      status: q.status,
      unpaid: q.unpaid,
      customerId: q.customerId,
      accountId: q.accountId,
      accountNo: q.accountNo,
      billNo: q.billNo,
      runId: q.runId,
      tariffCategory: q.tariffCategory,
    },
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  return { items: rows.map(toSummary), page: q.page, pageSize: q.pageSize, total, totalCapped: capped };
}

const yuan = (fen: number) => {
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
};

/** One readable formula per line: "320.00 kWh × 0.5469 元/kWh = 175.01 元". */
export function explainLine(l: BillLine): string {
  const amount = `${yuan(l.amountFen)} 元`;
  if (l.code === 'power_factor') {
    const pct = (Number(l.price) * 100).toFixed(2).replace(/\.?0+$/, '');
    return `（基本电费＋电度电费）${l.quantity} 元 × ${pct}% = ${amount}`;
  }
  if (l.code === 'manual_adjustment' || l.unit === 'yuan') return `${amount}`;
  const perUnit = l.code.startsWith('basic_') ? `元/${l.unit}·月` : `元/${l.unit}`;
  // A basic charge for part of the month (new connection, capacity change, suspension) is prorated by
  // days used × 1/30: the formula shows the factor, or it would not add up to the amount.
  const fraction = l.detail?.fraction;
  const prorated = typeof fraction === 'string' && fraction !== '1' ? ` × ${fraction}` : '';
  return `${l.quantity} ${l.unit} × ${l.price} ${perUnit}${prorated} = ${amount}`;
}

export async function getBill(ctx: RequestContext, id: number): Promise<BillDetail> {
  requirePermission(ctx.user, 'billing:read');
  const b = await repo.findBill(ctx.db, id);
  if (!b || !ctx.user.scopeOrgIds.includes(b.org_unit_id)) throw notFound();
  const readings = await repo.billReadings(ctx.db, b.account_id, b.period, b.settlement);
  const pf = b.lines.find((l) => l.code === 'power_factor');
  return {
    ...toSummary(b),
    periodStart: b.period_start,
    periodEnd: b.period_end,
    supersedesId: b.supersedes_id,
    supersededById: b.superseded_by_id,
    runId: b.run_id,
    lines: b.lines,
    explanation: b.lines.map((l) => ({
      code: l.code,
      labelKey: l.labelKey,
      formula: explainLine(l),
      amountFen: l.amountFen,
      rule: l.rule,
    })),
    powerFactor: pf?.detail?.cosPhi !== undefined ? String(pf.detail.cosPhi) : null,
    tariffVersion:
      b.tariff_version_id && b.tariff_code
        ? {
            id: b.tariff_version_id,
            code: b.tariff_code,
            name: b.tariff_name ?? '',
            effectiveFrom: b.tariff_effective_from ?? '',
          }
        : null,
    readings: readings.map((r) => ({
      meterId: r.meter_id,
      meterAssetNo: r.meter_asset_no,
      register: r.register,
      readOn: r.read_on,
      value: r.value,
      previousValue: r.previous_value,
      multiplier: r.multiplier,
      consumption: r.consumption,
      source: r.source,
      status: r.status,
    })),
    paidAt: b.paid_at,
    version: b.version,
  };
}

/** The customer 360's billing card: consumption and amounts per period, and the latest bills. */
export async function customerHistory(
  ctx: RequestContext,
  customerId: number,
): Promise<CustomerBillingHistory> {
  requirePermission(ctx.user, 'billing:read');
  const unit = await repo.customerOrgUnit(ctx.db, customerId);
  if (unit === null || !ctx.user.scopeOrgIds.includes(unit)) throw notFound();
  const periods = await repo.customerPeriods(ctx.db, customerId, 24);
  const { rows } = await repo.listBills(ctx.db, { scopeOrgIds: ctx.user.scopeOrgIds, customerId }, 36, 0);
  return {
    customerId,
    periods: periods.map((p) => ({
      period: p.period,
      energyKwh: p.energy_kwh,
      totalFen: Number(p.total_fen),
      paidFen: Number(p.paid_fen),
    })),
    bills: rows.map(toSummary),
  };
}
