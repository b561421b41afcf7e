// 退补 (domain.md §8–§9): a clerk drafts the correction of a bill — recomputed with corrected inputs (a
// meter error proven by a test, a wrong reading, a wrong tariff or archive fact) or a manual amount line —
// and someone else with billing:approve approves it (four eyes). Approval supersedes the old bill with a
// 're-bill' carrying over what was paid; an overpayment becomes a refund recorded on the document.
import type {
  Adjustment,
  AdjustmentCorrections,
  AdjustmentCreate,
  AdjustmentDecision,
  BillLine,
} from '@gridcare/contracts';
import { BillingInputError, priceBill, type BillInput, type Quantity } from '@gridcare/domain';
import type { Db } from '../../platform/db/db';
import { requirePermission, type RequestContext } from '../../platform/auth/context';
import { writeAudit } from '../../platform/audit/audit';
import { appendTimeline } from '../../platform/timeline';
import { DomainError, notFound, versionConflict } from '../../platform/http/errors';
import { billInputFromRow, dueDateOf, runPeriod, shanghaiDate } from './bill-input';
import { readBatch } from './bill-run.repository';
import { DEFAULT_DUE_DAYS } from './bill-run.service';
import * as bills from './bills.repository';
import * as repo from './adjustments.repository';
import { tariffInForce } from './tariff-cache';

export function toAdjustment(r: repo.AdjustmentRow): Adjustment {
  return {
    id: r.id,
    docNo: r.doc_no,
    billId: r.bill_id,
    billNo: r.bill_no,
    accountId: r.account_id,
    accountNo: r.account_no,
    customerId: r.customer_id,
    customerName: r.customer_name,
    orgUnitId: r.org_unit_id,
    period: r.period,
    reason: r.reason,
    reasonText: r.reason_text,
    mode: r.mode,
    corrections: r.corrections,
    oldLines: r.old_lines,
    newLines: r.new_lines,
    oldTotalFen: Number(r.old_total_fen),
    newTotalFen: Number(r.new_total_fen),
    differenceFen: Number(r.difference_fen),
    paidFen: Number(r.paid_fen),
    refundFen: Number(r.refund_fen),
    status: r.status,
    draftedById: r.drafted_by,
    draftedByName: r.drafted_by_name,
    decidedByName: r.decided_by_name,
    decidedAt: r.decided_at,
    decisionNote: r.decision_note,
    newBillId: r.new_bill_id,
    createdAt: r.created_at,
    version: r.version,
  };
}

const fenText = (fen: number) =>
  `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

/** A meter running fast by e% recorded (1 + e/100) × the true kWh: the true quantity is recorded ÷ (1 + e/100). */
export function correctForMeterError(q: Quantity | null | undefined, errorPercent: number): string | null {
  if (q === null || q === undefined) return null;
  const cents = Math.round(Number(q) * 100);
  const basisPoints = Math.round(errorPercent * 100);
  return (Math.round((cents * 10_000) / (10_000 + basisPoints)) / 100).toFixed(2);
}

/** The bill's inputs rebuilt from the archive and readings, with the corrections applied. */
async function correctedInput(
  db: Db,
  bill: bills.BillDetailRow,
  c: AdjustmentCorrections,
): Promise<BillInput> {
  const p = runPeriod(bill.period, bill.settlement as 1 | 2);
  const [row] = await readBatch(db, p, { accountIds: [bill.account_id] });
  if (!row) throw notFound();
  if (c.tariffCategory) row.tariff_category = c.tariffCategory;
  if (c.voltageLevel) row.voltage_level = c.voltageLevel;
  if (c.basicFeeMethod) row.basic_fee_method = c.basicFeeMethod;
  if (c.pfStandard) row.pf_standard = c.pfStandard;
  // The cycle kWh before this bill: what the bill itself recorded minus its own kWh.
  if (bill.cycle_kwh !== null)
    row.prev_cycle_kwh = (
      (Math.round(Number(bill.cycle_kwh) * 100) - Math.round(Number(bill.energy_kwh) * 100)) /
      100
    ).toFixed(2);
  if (c.energy) {
    row.reading_count = Math.max(row.reading_count ?? 0, 1);
    row.total_kwh = String(c.energy.totalKwh);
  }
  const outcome = billInputFromRow(row, p);
  if (outcome.kind === 'skip')
    throw new DomainError('validation', [
      { path: 'body.corrections.energy', message: '该账单期间没有抄表数据，请填写更正后的电量' },
    ]);
  const input = outcome.input;
  if (c.energy) input.energy = { ...c.energy };
  if (c.reactiveKvarh !== undefined) input.reactiveKvarh = c.reactiveKvarh;
  if (c.maxDemandKw !== undefined) input.maxDemandKw = c.maxDemandKw;
  if (c.meterErrorPercent) {
    const e = c.meterErrorPercent;
    input.energy = {
      totalKwh: correctForMeterError(input.energy.totalKwh, e)!,
      criticalPeakKwh: correctForMeterError(input.energy.criticalPeakKwh, e),
      peakKwh: correctForMeterError(input.energy.peakKwh, e),
      flatKwh: correctForMeterError(input.energy.flatKwh, e),
      valleyKwh: correctForMeterError(input.energy.valleyKwh, e),
    };
    input.reactiveKvarh = correctForMeterError(input.reactiveKvarh, e);
  }
  return input;
}

async function visibleBill(ctx: RequestContext, billId: number): Promise<bills.BillDetailRow> {
  const bill = await bills.findBill(ctx.db, billId);
  if (!bill || !ctx.user.scopeOrgIds.includes(bill.org_unit_id)) throw notFound();
  return bill;
}

export async function draftAdjustment(ctx: RequestContext, body: AdjustmentCreate): Promise<Adjustment> {
  requirePermission(ctx.user, 'billing:run');
  const bill = await visibleBill(ctx, body.billId);
  if (bill.status === 'superseded' || bill.status === 'cancelled')
    throw new DomainError('invalid_state', [
      { path: 'body.billId', message: '该账单已被替代或作废，不能退补' },
    ]);
  let lines: BillLine[];
  let totalFen: number;
  let energyKwh = bill.energy_kwh;
  let tariffVersionId = bill.tariff_version_id;
  let category = bill.tariff_category;
  if (body.mode === 'manual') {
    const amount = body.manualAmountFen!;
    lines = [
      ...bill.lines,
      {
        code: 'manual_adjustment',
        labelKey: 'billing.line.manual_adjustment',
        quantity: '1',
        unit: 'yuan',
        price: fenText(amount),
        amountFen: amount,
        rule: `退补：${body.manualDescription}`,
      },
    ];
    totalFen = Number(bill.total_fen) + amount;
  } else {
    const input = await correctedInput(ctx.db, bill, body.corrections ?? {});
    const tariff = await tariffInForce(ctx.db, input.periodStart);
    if (!tariff)
      throw new DomainError('validation', [{ path: 'body.billId', message: '该期间没有生效的电价版本' }]);
    try {
      const priced = priceBill(input, tariff);
      lines = priced.lines;
      totalFen = priced.totalFen;
      energyKwh = priced.energyKwh;
      tariffVersionId = tariff.id;
      category = priced.tariffCategory;
    } catch (e) {
      if (e instanceof BillingInputError)
        throw new DomainError('validation', [{ path: `body.corrections.${e.path}`, message: e.message }]);
      throw e;
    }
  }
  if (totalFen < 0)
    throw new DomainError('validation', [
      { path: 'body.manualAmountFen', message: '调整后的账单金额不能为负' },
    ]);
  const id = await ctx.db.transaction(async (tx) => {
    const newId = await repo.insertAdjustment(tx, {
      billId: bill.id,
      accountId: bill.account_id,
      customerId: bill.customer_id,
      orgUnitId: bill.org_unit_id,
      reason: body.reason,
      reasonText: body.reasonText,
      mode: body.mode,
      corrections:
        body.mode === 'manual'
          ? { manualAmountFen: body.manualAmountFen, manualDescription: body.manualDescription }
          : body.corrections,
      newLines: lines,
      newEnergyKwh: energyKwh,
      newTariffVersionId: tariffVersionId,
      newTariffCategory: category,
      oldTotalFen: Number(bill.total_fen),
      newTotalFen: totalFen,
      refundFen: Math.max(0, Number(bill.paid_fen) - totalFen),
      draftedBy: ctx.user.id,
      today: shanghaiDate(ctx.now),
    });
    if (newId === null)
      throw new DomainError('conflict', [{ path: 'body.billId', message: '该账单已有待审批的退补单' }]);
    await audit(ctx, tx, 'bill_adjustment.draft', newId, bill.org_unit_id, undefined, {
      ...body,
      newTotalFen: totalFen,
    });
    return newId;
  });
  return toAdjustment((await repo.findAdjustment(ctx.db, id))!);
}

export async function getAdjustment(ctx: RequestContext, id: number): Promise<Adjustment> {
  requirePermission(ctx.user, 'billing:read');
  const r = await repo.findAdjustment(ctx.db, id);
  if (!r || !ctx.user.scopeOrgIds.includes(r.org_unit_id)) throw notFound();
  return toAdjustment(r);
}

export async function listAdjustments(
  ctx: RequestContext,
  q: { page: number; pageSize: number; status?: string; billId?: number },
) {
  requirePermission(ctx.user, 'billing:read');
  const { rows, total } = await repo.listAdjustments(ctx.db, {
    scopeOrgIds: ctx.user.scopeOrgIds,
    status: q.status,
    billId: q.billId,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: rows.map(toAdjustment), page: q.page, pageSize: q.pageSize, total };
}

/** Approves or rejects a draft. The drafter may not decide their own document (403). */
export async function decideAdjustment(
  ctx: RequestContext,
  id: number,
  body: AdjustmentDecision,
): Promise<Adjustment> {
  requirePermission(ctx.user, 'billing:approve');
  const d = await repo.findAdjustment(ctx.db, id);
  if (!d || !ctx.user.scopeOrgIds.includes(d.org_unit_id)) throw notFound();
  if (d.drafted_by === ctx.user.id)
    throw new DomainError('forbidden', [{ path: 'drafter', message: '退补单须由起草人以外的人员审批' }]);
  if (d.status !== 'draft') throw new DomainError('invalid_state');
  if (d.version !== body.version) throw versionConflict();
  const note = body.note ?? null;
  await ctx.db.transaction(async (tx) => {
    if (body.decision === 'reject') {
      if (!(await repo.reject(tx, id, body.version, ctx.user.id, note))) throw versionConflict();
      await audit(
        ctx,
        tx,
        'bill_adjustment.reject',
        id,
        d.org_unit_id,
        { status: 'draft' },
        { status: 'rejected', note },
      );
      return;
    }
    const written = await repo.supersedeBill(tx, {
      billId: d.bill_id,
      lines: d.new_lines,
      totalFen: Number(d.new_total_fen),
      energyKwh: d.new_energy_kwh,
      tariffVersionId: d.new_tariff_version_id,
      tariffCategory: d.new_tariff_category,
      dueDate: dueDateOf(shanghaiDate(ctx.now), DEFAULT_DUE_DAYS),
    });
    if (!written)
      throw new DomainError('invalid_state', [{ path: 'billId', message: '原账单已被替代或作废' }]);
    const ok = await repo.markApproved(tx, id, body.version, {
      userId: ctx.user.id,
      note,
      newBillId: written.newBillId,
      refundFen: written.refundFen,
    });
    if (!ok) throw versionConflict();
    const diff = Number(d.new_total_fen) - Number(d.old_total_fen);
    await audit(
      ctx,
      tx,
      'bill_adjustment.approve',
      id,
      d.org_unit_id,
      { billId: d.bill_id, totalFen: Number(d.old_total_fen) },
      {
        newBillId: written.newBillId,
        totalFen: Number(d.new_total_fen),
        carriedFen: written.carriedFen,
        refundFen: written.refundFen,
      },
    );
    await appendTimeline(tx, {
      customerId: d.customer_id,
      orgUnitId: d.org_unit_id,
      kind: 'bill',
      title: `电费退补 ${d.doc_no}：${d.period} 账单 ${d.bill_no} ${diff >= 0 ? '补收' : '退还'} ${fenText(Math.abs(diff))} 元`,
      detail: {
        docNo: d.doc_no,
        billId: d.bill_id,
        newBillId: written.newBillId,
        differenceFen: diff,
        refundFen: written.refundFen,
      },
      actor: { id: ctx.user.id, name: ctx.user.displayName },
      refEntity: 'bill',
      refId: written.newBillId,
    });
  });
  return toAdjustment((await repo.findAdjustment(ctx.db, id))!);
}

function audit(
  ctx: RequestContext,
  tx: Db,
  action: string,
  id: number,
  orgUnitId: number,
  before: unknown,
  after: unknown,
) {
  return writeAudit(tx, {
    actor: { id: ctx.user.id, name: ctx.user.displayName },
    action,
    entity: 'bill_adjustment',
    entityId: id,
    orgUnitId,
    before,
    after,
    requestId: ctx.requestId,
  });
}
